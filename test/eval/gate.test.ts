import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGate, effectiveGate, GateFile } from '../../dev/eval/gate.js';
import { evalRepoRoot } from '../../dev/eval/data.js';

const gate = { floors: { pageF1: 0.9, spanF1: 0.8 }, ceilings: { collateral: 0.003 } };

describe('checkGate', () => {
  it('passes when every figure is at or above its floor and below its ceiling', () => {
    expect(checkGate({ pageF1: 0.95, spanF1: 0.8, collateral: 0.001 }, gate)).toEqual([]);
  });
  it('fails one line per figure below a floor or above a ceiling', () => {
    const f = checkGate({ pageF1: 0.89, spanF1: 0.85, collateral: 0.01 }, gate);
    expect(f.map((x) => x.figure)).toEqual(['pageF1', 'collateral']);
    expect(f[0].message).toBe('gate: pageF1 0.8900 is below the floor 0.9000');
    expect(f[1].bound).toBe('ceiling');
    expect(f.every((x) => !x.message.includes('\n'))).toBe(true);
  });
  it('fails a pinned figure that is missing or NaN', () => {
    const f = checkGate({ pageF1: Number.NaN, collateral: 0 }, gate);
    expect(f.map((x) => x.figure)).toEqual(['pageF1', 'spanF1']);
  });
  it('the committed corpus/gate.json parses', () => {
    const j = GateFile.parse(JSON.parse(readFileSync(join(evalRepoRoot(), 'corpus', 'gate.json'), 'utf8')));
    expect(j.split).toBe('dev');
    expect(Object.keys(j.floors).sort()).toEqual([
      'extractionChineseF1', 'extractionScrapinghubF1', 'pageF1', 'spamPagesDisguisedRecall', 'spamPagesDisguisedRemoved', 'spamPagesKept',
      'spamPagesPrecision', 'spamPagesRecall', 'spamPagesRemoved', 'spanF1', 'spanKindsF1',
    ]);
    expect(Object.keys(j.ceilings).sort()).toEqual(['collateral', 'snippetsDropKept', 'snippetsLost']);
    // a run where analyze() throws on some items must fail the gate whatever the floors say
    const eff = effectiveGate(j);
    const real = {
      spanKindsF1: 1, spamPagesRecall: 1, spamPagesPrecision: 1, spamPagesRemoved: 1, spamPagesKept: 1, spamPagesDisguisedRecall: 1, spamPagesDisguisedRemoved: 1,
      extractionScrapinghubF1: 1, extractionChineseF1: 1, snippetsLost: 0, snippetsDropKept: 0,
    };
    expect(checkGate({ pageF1: 1, spanF1: 1, collateral: 0, errorShare: 0.5, ...real }, eff).map((f) => f.figure)).toEqual(['errorShare']);
    expect(checkGate({ pageF1: 1, spanF1: 1, collateral: 0, errorShare: 0, ...real }, eff)).toEqual([]);
    // the real-page block is gated too: a missing or low spam-pages figure fails
    expect(checkGate({ pageF1: 1, spanF1: 1, collateral: 0, errorShare: 0, ...real, spamPagesRecall: 0.1 }, eff).map((f) => f.figure)).toEqual(['spamPagesRecall']);
    // and so are the disguised Chinese pages: one disguise slipping back (0.667, the pinyin gloss before it was read) fails
    expect(checkGate({ pageF1: 1, spanF1: 1, collateral: 0, errorShare: 0, ...real, spamPagesDisguisedRecall: 0.667 }, eff).map((f) => f.figure)).toEqual(['spamPagesDisguisedRecall']);
    // one injection kind slipping (the mean over kinds below its floor) fails, however well the long hidden blocks do
    expect(checkGate({ pageF1: 1, spanF1: 1, collateral: 0, errorShare: 0, ...real, spanKindsF1: 0.85 }, eff).map((f) => f.figure)).toEqual(['spanKindsF1']);
    // the page stage is gated on the gold pages: the snippets lost before the lead paragraphs and tweets were kept
    // (281 of 2,951) fail, as a missing extraction block does
    expect(checkGate({ pageF1: 1, spanF1: 1, collateral: 0, errorShare: 0, ...real, snippetsLost: 281 / 2951 }, eff).map((f) => f.figure)).toEqual(['snippetsLost']);
    const { extractionScrapinghubF1: _sh, ...noExtraction } = real;
    expect(checkGate({ pageF1: 1, spanF1: 1, collateral: 0, errorShare: 0, ...noExtraction }, eff).map((f) => f.figure)).toEqual(['extractionScrapinghubF1']);
  });
});
