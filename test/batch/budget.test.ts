// One hostile page in a WARC does not stall the batch: it ends over its budget, is named and written to the output
// with status 'over-budget' and recorded as not analysed, never as a scan (a scan would count as a clean page); the
// real pages around it are analysed and stored; a later run with room for it analyses it and drops the record. The
// batch NDJSON carries no cleanHtml unless asked for.
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
  it('names the hostile page as not analysed and records it so, stores every other page; a later run with room analyses it', async () => {
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
    expect(err).toMatch(/winnow: https:\/\/spam\.example\.com\/hostile: not analysed \(page over its time budget of 150 ms.*\); recorded as not analysed\n/);
    const store = await openSqliteStore(join(dir, 'a.db'));
    try {
      const finals = (store.db.prepare('SELECT final_url FROM pages').all() as Array<{ final_url: string }>).map((r) => r.final_url);
      expect(finals).not.toContain('https://spam.example.com/hostile');
      expect(finals).toHaveLength(lines.filter((l) => l.status === 'ok').length);
      // every page over the budget is recorded with its reason, the hostile one among them (on a loaded machine a real
      // page can end over a 150 ms budget too)
      const rows = store.db.prepare('SELECT final_url AS url, reason FROM unanalysed ORDER BY final_url').all() as Array<{ url: string; reason: string }>;
      const over = lines.filter((l) => l.status === 'over-budget').map((l) => ({ url: l.url, reason: l.overBudget!.message }));
      expect(rows).toEqual(over.sort((a, b) => (a.url! < b.url! ? -1 : 1)));
      expect(rows).toContainEqual({ url: 'https://spam.example.com/hostile', reason: hostile.overBudget!.message });
    } finally {
      await store.close();
    }
    // the same WARC again with no time limit: the pages not analysed are analysed, stored, and no longer listed
    const again = collect();
    const s2 = await runBatch({ inputs: [warc], db: join(dir, 'a.db'), workers: 0, out: again.sink, err: new Writable({ write: (_c, _e, cb) => cb() }), progress: false, budgetMs: Infinity });
    expect(s2.overBudget).toBe(0);
    expect(again.lines.map((l) => l.url).sort()).toEqual(lines.filter((l) => l.status === 'over-budget').map((l) => l.url).sort());
    const after = await openSqliteStore(join(dir, 'a.db'));
    try {
      expect(after.db.prepare('SELECT count(*) FROM unanalysed').pluck().get()).toBe(0);
      expect(after.db.prepare("SELECT count(*) FROM pages WHERE final_url = 'https://spam.example.com/hostile'").pluck().get()).toBe(1);
      expect(after.db.prepare('SELECT count(*) FROM pages').pluck().get()).toBe(pages.length + 1);
    } finally {
      await after.close();
    }
  }, 120_000);

  it('with the default budget, real pages are analysed; cleanHtml is kept when asked', async () => {
    const { sink, lines } = collect();
    await runBatch({ inputs: [warc], db: join(dir, 'b.db'), workers: 0, out: sink, err: new Writable({ write: (_c, _e, cb) => cb() }), progress: false, cleanHtml: true });
    const ok = lines.filter((l) => l.status === 'ok');
    expect(ok.length).toBeGreaterThan(0);
    for (const l of ok) expect(l.cleanHtml).toMatch(/^<article>/);
  });
});
