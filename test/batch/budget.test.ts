// One hostile page in a WARC does not stall the batch: it ends over its budget, is named and written to the output
// with status 'over-budget' but not stored (stored, it would count as a clean page), the real pages around it are
// analysed and stored, and the batch NDJSON carries no cleanHtml unless asked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { runBatch } from '../../src/batch/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import type { AnalyzeResult } from '../../src/result.js';
import { SHAPES } from '../fuzz/shapes.js';
import { realPages, writeWarcWithOddPage } from './data.js';

let dir: string;
let warc: string;
const pages = realPages(4);
/** A budget the hostile page (a 400 KB parse alone) cannot meet on any machine. */
const BUDGET_MS = 150;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'winnow-batch-budget-'));
  warc = join(dir, 'mixed.warc');
  const hostile = SHAPES.find((s) => s.name === 'li-p-nested-50k')!.build(1);
  writeWarcWithOddPage(warc, pages, { url: 'https://spam.example.com/hostile', body: hostile });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function collect(): { sink: Writable; lines: AnalyzeResult[] } {
  const lines: AnalyzeResult[] = [];
  let buf = '';
  const sink = new Writable({
    write(chunk, _e, cb) {
      buf += chunk.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        lines.push(JSON.parse(buf.slice(0, nl)) as AnalyzeResult);
        buf = buf.slice(nl + 1);
      }
      cb();
    },
  });
  return { sink, lines };
}

describe('batch with a per-page budget', () => {
  it('names the hostile page as not analysed, stores every other page and not it', async () => {
    const { sink, lines } = collect();
    let err = '';
    const errSink = new Writable({ write: (c, _e, cb) => ((err += c.toString()), cb()) });
    const summary = await runBatch({ inputs: [warc], db: join(dir, 'a.db'), workers: 1, out: sink, err: errSink, progress: false, budgetMs: BUDGET_MS });
    expect(summary.scanned).toBe(pages.length + 1);
    expect(summary.failed).toBe(0);
    const hostile = lines.find((l) => l.url === 'https://spam.example.com/hostile')!;
    expect(hostile.status).toBe('over-budget');
    expect(hostile.findings).toEqual([]);
    expect(hostile.overBudget).toMatchObject({ limit: 'time' });
    expect(hostile.overBudget!.message).toContain(`${BUDGET_MS} ms`);
    expect(summary.overBudget).toBeGreaterThanOrEqual(1);
    for (const l of lines) expect(l.cleanHtml).toBe('');
    expect(err).toMatch(/winnow: https:\/\/spam\.example\.com\/hostile: not analysed \(page over its time budget of 150 ms.*\); not stored\n/);
    const store = await openSqliteStore(join(dir, 'a.db'));
    try {
      const urls = (store.db.prepare('SELECT url FROM pages').all() as Array<{ url: string }>).map((r) => r.url);
      expect(urls).not.toContain('https://spam.example.com/hostile');
      expect(urls).toHaveLength(lines.filter((l) => l.status === 'ok').length);
    } finally {
      await store.close();
    }
  });

  it('with the default budget, real pages are analysed; cleanHtml is kept when asked', async () => {
    const { sink, lines } = collect();
    await runBatch({ inputs: [warc], db: join(dir, 'b.db'), workers: 0, out: sink, err: new Writable({ write: (_c, _e, cb) => cb() }), progress: false, cleanHtml: true });
    const ok = lines.filter((l) => l.status === 'ok');
    expect(ok.length).toBeGreaterThan(0);
    for (const l of ok) expect(l.cleanHtml).toMatch(/^<article>/);
  });
});
