// The segmenter (jieba's dictionary: ~40 MB native, ~0.3-0.5 s per thread) is built on the first text with Chinese
// in it, and its build counts against no page's time budget. Its own file: vitest gives each file a fresh module
// state, so nothing here has built it yet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { BudgetExceeded, outsideBudgets, startBudget } from '../../src/budget.js';
import { segmenterLoaded } from '../../src/text/index.js';
import { readSeed, scrapinghubGold } from './data.js';

const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');

/** Spin for ms of wall time (a stand-in for a load that takes that long). */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('outsideBudgets', () => {
  it('leaves the time of a one-off load out of a running budget, and only that time', () => {
    const budget = startBudget(300);
    outsideBudgets(() => spin(600));
    expect(() => budget.checkNow('after the load')).not.toThrow();
    spin(350);
    expect(() => budget.checkNow('after the page used its time')).toThrow(BudgetExceeded);
  });

  it('returns the load result and still counts the time when the load throws', () => {
    expect(outsideBudgets(() => 42)).toBe(42);
    const budget = startBudget(300);
    expect(() =>
      outsideBudgets(() => {
        spin(600);
        throw new Error('load failed');
      }),
    ).toThrow('load failed');
    expect(() => budget.checkNow('after the failed load')).not.toThrow();
  });
});

describe('segmenter built on first use', () => {
  it('is not built for English pages, and is built by the first Chinese page, whose budget it does not use', () => {
    const [id] = Object.keys(scrapinghubGold());
    const en = gunzipSync(readFileSync(join(DATA, 'scrapinghub-article-extraction-benchmark', 'html', `${id}.html.gz`)));
    const r = analyze(en, { url: 'https://example.com/' });
    expect(r.status).toBe('ok');
    expect(r.lang).toBe('en');
    expect(segmenterLoaded()).toBe(false);

    const zh = Buffer.from(`<html><body><h1>专访</h1>${readSeed().split('\n').map((l) => `<p>${l}</p>`).join('')}</body></html>`);
    // a budget shorter than the builds on a language's first page (jieba's dictionary ~0.3-0.5 s, the Chinese rules'
    // engine) and far longer than the page's own work once they are built: had a build counted, the page would be
    // over budget
    const z = analyze(zh, { url: 'https://example.cn/', budgetMs: 200 });
    expect(segmenterLoaded()).toBe(true);
    expect(z.status).toBe('ok');
    expect(z.verdict).toBe('contaminated');
  });
});
