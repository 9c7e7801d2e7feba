// The quality gate (trafilatura-style): winnow on the corpus dev split and on the spam-pages dev split (real injected
// spam, real clean hard negatives) must stay above the floors pinned in corpus/gate.json. Part of `npm test`, so CI
// fails on a regression in page F1, span F1, collateral, the real-page recall, precision, strings removed and
// sentences kept, the recall and strings removed of the dev Chinese pages with their spam disguised, or the page
// stage's figures on the gold pages (Scrapinghub and Chinese extraction F1, trafilatura-eval snippets lost and kept).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkGate, effectiveGate, GateFile } from '../../dev/eval/gate.js';
import { reportGateFigures, runGateEval } from '../../dev/eval/run.js';

const gate = GateFile.parse(JSON.parse(readFileSync(fileURLToPath(new URL('../../corpus/gate.json', import.meta.url)), 'utf8')));

describe('quality gate (corpus dev split, spam-pages dev split, extraction gold pages)', () => {
  it('corpus, real-page and extraction figures are within the pinned bounds', async () => {
    const report = await runGateEval(gate.split);
    expect(report.corpus[gate.split], 'dev split evaluated').toBeDefined();
    expect(report.spamPages.dev, 'spam-pages dev split evaluated').toBeDefined();
    expect(report.extraction, 'extraction gold pages evaluated').toBeDefined();
    expect(report.snippets?.pages, 'trafilatura-eval snippet pages evaluated').toBeGreaterThan(900);
    const failures = checkGate(reportGateFigures(report, gate.split)!, effectiveGate(gate));
    expect(failures.map((f) => JSON.stringify(f))).toEqual([]);
    // the gate must be able to fail: the floors are real numbers, not placeholders
    expect(gate.floors.pageF1).toBeGreaterThan(0.5);
    expect(gate.floors.spanF1).toBeGreaterThan(0.5);
    expect(gate.ceilings.collateral).toBeLessThan(0.01);
    for (const k of ['spamPagesRecall', 'spamPagesPrecision', 'spamPagesRemoved', 'spamPagesKept', 'spamPagesDisguisedRecall', 'spamPagesDisguisedRemoved']) expect(gate.floors[k], k).toBeGreaterThan(0.2);
    for (const k of ['extractionScrapinghubF1', 'extractionChineseF1']) expect(gate.floors[k], k).toBeGreaterThan(0.5);
    for (const k of ['snippetsLost', 'snippetsDropKept']) expect(gate.ceilings[k], k).toBeLessThan(0.5);
  }, 600_000);
});
