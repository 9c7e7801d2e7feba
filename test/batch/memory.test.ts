// A page whose analysis needs more heap than an analyze worker is given fails alone, with a reason that says so:
// its worker is replaced and the pages after it are analysed and stored (nothing lost, no hang).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { runBatch, MIN_WORKER_HEAP_MB, MIN_WORKER_YOUNG_MB } from '../../src/batch/index.js';
import { outOfMemoryMessage } from '../../src/batch/pool.js';
import { openStore } from '../../src/store/index.js';
import { realPages, writeWarcWithOddPage } from './data.js';

let dir: string;
let warc: string;
const pages = realPages(4);
/** ~5 MB of markup: its DOM and blocks need several times the smallest worker heap. */
const BIG_PAGE_DIVS = 60_000;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'winnow-batch-memory-'));
  warc = join(dir, 'mixed.warc');
  const big = Buffer.from(
    `<html><body>${Array.from({ length: BIG_PAGE_DIVS }, (_, i) => `<div class="c${i}"><p>Paragraph ${i} of a long page with words ${i * 7}</p></div>`).join('')}</body></html>`,
  );
  writeWarcWithOddPage(warc, pages, { url: 'https://big.example.com/page', body: big });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function text(): { w: Writable; text: () => string } {
  let s = '';
  return { w: new Writable({ write: (c, _e, cb) => ((s += c.toString()), cb()) }), text: () => s };
}

describe('batch with a heap limit per analyze worker', () => {
  it('reports the page that exceeds it and stores every other page', async () => {
    const out = text();
    const err = text();
    const db = join(dir, 'a.db');
    const summary = await runBatch({ inputs: [warc], db, workers: 1, workerHeapMb: MIN_WORKER_HEAP_MB, budgetMs: 120_000, out: out.w, err: err.w, progress: false });
    expect(summary.failed).toBe(1);
    expect(summary.scanned).toBe(pages.length);
    expect(err.text()).toContain(outOfMemoryMessage(MIN_WORKER_HEAP_MB));
    expect(err.text().trim().split('\n')).toHaveLength(1);
    const urls = out.text().trim().split('\n').map((l) => (JSON.parse(l) as { url: string }).url);
    expect(urls.sort()).toEqual(pages.map((_, i) => `https://news.example.com/${i}`).sort());
    const store = await openStore(db);
    try {
      const n = await store.get<{ n: number }>('SELECT count(*) AS n FROM scans');
      expect(n?.n).toBe(pages.length);
    } finally {
      await store.close();
    }
  });

  it('refuses a heap limit too small for analyze itself', async () => {
    await expect(runBatch({ inputs: [warc], db: join(dir, 'b.db'), workers: 1, workerHeapMb: MIN_WORKER_HEAP_MB - 1, out: null })).rejects.toThrow(/--worker-heap must be an integer >= 64/);
  });

  it('runs with a smaller young generation per worker, and refuses one too small', async () => {
    const out = text();
    const summary = await runBatch({ inputs: [warc], db: join(dir, 'c.db'), workers: 1, workerYoungMb: 16, budgetMs: 120_000, out: out.w, err: text().w, progress: false });
    // the odd page is big, not too big for the default heap: every page is analysed
    expect(summary.scanned).toBe(pages.length + 1);
    expect(summary.failed).toBe(0);
    await expect(runBatch({ inputs: [warc], db: join(dir, 'd.db'), workers: 1, workerYoungMb: MIN_WORKER_YOUNG_MB - 1, out: null })).rejects.toThrow(/--worker-young must be an integer >= 4/);
  });
});
