// Fuzz suite: a few hundred hostile pages (every measured worst shape, seeded generated pages, mutated real
// pages) through analyze(). Each must give a valid result (status 'ok', or 'over-budget' with no findings and
// the reason) or a one-line InputError, never a crash, and come back within the page budget (the stages poll
// it; the parse itself is linear, hence the small overshoot factor). No other timing is asserted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it, beforeAll } from 'vitest';
import { analyze, AnalyzeResult, DEFAULT_BUDGET_MS } from '../../src/analyze.js';
import { InputError } from '../../src/errors.js';
import { DATA } from '../page/data.js';
import { SHAPES } from './shapes.js';
import { hostilePage, mutatePage, rng } from './generate.js';
import { REGRESSION_SEEDS } from './regressions.js';
import { htmlFilesUnder } from '../../dev/eval/data.js';

/** Generated hostile pages and mutated real pages per run (fixed seeds: the run is the same every time). */
const GENERATED = 240;
const REAL_PAGES = 20;
const MUTATIONS_PER_PAGE = 3;
/**
 * How far past its budget a page may come back: stages poll the budget every few dozen steps, and the one
 * step that does not poll (htmlparser2's parse, linear after the nesting guard) runs to its end. Measured in
 * this process's CPU time, so that other processes on a busy machine cannot make a bounded page look slow.
 */
const OVERSHOOT = 3;

function check(label: string, input: string | Buffer): { ms: number; status: string } {
  const c0 = process.cpuUsage();
  const cpuMs = (): number => {
    const d = process.cpuUsage(c0);
    return (d.user + d.system) / 1000;
  };
  let r: AnalyzeResult;
  try {
    r = analyze(input, { input: label });
  } catch (e) {
    // bad input is refused with a one-line reason; anything else is a crash
    expect(e, `${label}: ${(e as Error).stack}`).toBeInstanceOf(InputError);
    expect((e as Error).message).not.toContain('\n');
    return { ms: cpuMs(), status: 'refused' };
  }
  const ms = cpuMs();
  expect(AnalyzeResult.safeParse(r).success, label).toBe(true);
  expect(['ok', 'over-budget'], label).toContain(r.status);
  if (r.status === 'over-budget') {
    expect(r.findings, label).toEqual([]);
    expect(r.overBudget?.message, label).toMatch(/budget|limit/);
  } else {
    for (const f of r.findings) {
      expect(f.start, label).toBeGreaterThanOrEqual(0);
      expect(f.end, label).toBeLessThanOrEqual(r.text.length);
      expect(r.text.slice(f.start, f.end), label).toBe(f.text);
    }
  }
  expect(ms, `${label} took ${ms.toFixed(0)} ms of CPU (status ${r.status})`).toBeLessThan(DEFAULT_BUDGET_MS * OVERSHOOT);
  return { ms, status: r.status ?? 'ok' };
}

describe('fuzz: hostile pages end with a result within the budget', () => {
  beforeAll(() => {
    analyze('<p>warm-up: rules, model and segmenter load once</p>');
  });

  it.each(SHAPES.filter((s) => s.name !== 'ideographic-stops-gbk').map((s) => [s.name, s] as const))('worst shape %s', (name, shape) => {
    check(name, shape.build(1));
  });

  it('the 4.1 M "。" paragraph in GBK (8.6 MB) gives a result, not a stack overflow', () => {
    const shape = SHAPES.find((s) => s.name === 'ideographic-stops-gbk')!;
    const input = shape.build(1) as Buffer;
    expect(input.length).toBeGreaterThan(8_000_000);
    expect(['ok', 'over-budget']).toContain(check('gbk-stops', input).status);
  });

  it('saved regression seeds (the slowest generated pages seen)', () => {
    for (const seed of REGRESSION_SEEDS) check(`regression seed ${seed}`, hostilePage(seed).html);
  });

  it(`${GENERATED} generated hostile pages`, () => {
    const statuses = new Map<string, number>();
    for (let seed = 1; seed <= GENERATED; seed++) {
      const { status } = check(`generated seed ${seed}`, hostilePage(seed).html);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    // the generator is varied enough that most pages are analysed to the end
    expect(statuses.get('ok') ?? 0).toBeGreaterThan(GENERATED / 2);
  });

  it(`${REAL_PAGES * MUTATIONS_PER_PAGE} mutated real pages`, () => {
    const files = [...htmlFilesUnder(join(DATA, 'scrapinghub-article-extraction-benchmark')), ...htmlFilesUnder(join(DATA, 'chinese-web-content-extraction'))].sort();
    expect(files.length).toBeGreaterThan(REAL_PAGES);
    const r = rng(10);
    for (let i = 0; i < REAL_PAGES; i++) {
      const f = files[Math.floor(r() * files.length)];
      const raw = readFileSync(f);
      const html = (f.endsWith('.gz') ? gunzipSync(raw) : raw).toString('latin1');
      for (let m = 0; m < MUTATIONS_PER_PAGE; m++) {
        const seed = i * MUTATIONS_PER_PAGE + m + 1;
        check(`${f} mutation ${seed}`, mutatePage(html, seed).html);
      }
    }
  });

  it('a page over maxBytes is not parsed: over-budget with the size reason', () => {
    const r = analyze('<p>' + 'x'.repeat(2000) + '</p>', { maxBytes: 1000 });
    expect(r.status).toBe('over-budget');
    expect(r.overBudget).toMatchObject({ limit: 'size', stage: 'input' });
    expect(r.findings).toEqual([]);
  });

  it('a page over its time budget returns over-budget with the stage, and the same page without a budget is analysed', () => {
    const html = SHAPES.find((s) => s.name === 'li-p-nested-50k')!.build(1);
    const over = analyze(html, { budgetMs: 1 });
    expect(over.status).toBe('over-budget');
    expect(over.overBudget?.limit).toBe('time');
    expect(over.overBudget?.message).toContain('1 ms');
    const full = analyze(html, { budgetMs: Infinity });
    expect(full.status).toBe('ok');
    expect(full.text.length).toBeGreaterThan(50_000);
  });
});
