import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { openSqliteStore, saveResult, type SqliteStore } from '../../src/store/index.js';
import {
  buildReport, renderMarkdown, renderCsv, renderJson, renderHtml, parseCsv, ReportData, exportFindings, EXPORT_COLUMNS, linkTargets, parseSince,
} from '../../src/report/index.js';
import { InputError } from '../../src/errors.js';
import { sampleResult } from '../store/helpers.js';

let dir: string;
let store: SqliteStore;
const NOW = new Date('2026-11-20T12:00:00Z');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'winnow-report-'));
  store = await openSqliteStore(join(dir, 'r.db'));
  // a.example: 2 contaminated pages (one with 2 findings), b.example: 1 clean + 1 gambling page, on 3 days
  (await saveResult(store, { url: 'https://a.example/1', fetchedAt: '2026-11-01T08:00:00Z' }, sampleResult({ findings: 2 })));
  (await saveResult(store, { url: 'https://a.example/2', fetchedAt: '2026-11-02T08:00:00Z' }, sampleResult({ findings: 1 })));
  (await saveResult(store, { url: 'https://b.example/1', fetchedAt: '2026-11-02T09:00:00Z' }, sampleResult({ findings: 0 })));
  const g = (await saveResult(
    store,
    { url: 'https://b.example/2', fetchedAt: '2026-11-03T09:00:00Z' },
    sampleResult({ findings: 1, category: 'gambling', evidence: 'slot "gacor", 88 | win' }),
  ));
  // a re-scan of a.example/2 with no findings replaces the first scan in the report (latest scan counts)
  (await saveResult(store, { url: 'https://a.example/2', fetchedAt: '2026-11-02T08:00:00Z' }, sampleResult({ findings: 0 })));
  (await saveResult(store, { url: 'https://a.example/2', fetchedAt: '2026-11-02T08:00:00Z' }, sampleResult({ findings: 1 })));
  // a reviewer dismissed one of a.example/1's findings
  const fid = store.db.prepare("SELECT f.id FROM findings f JOIN scans s ON s.id = f.scan_id JOIN pages p ON p.id = s.page_id WHERE p.url = 'https://a.example/1' ORDER BY f.id LIMIT 1").pluck().get() as number;
  const sid = store.db.prepare('SELECT scan_id FROM findings WHERE id = ?').pluck().get(fid) as number;
  store.db.prepare("INSERT INTO decisions (finding_id, scan_id, decision, reviewer, decided_at) VALUES (?, ?, 'dismiss', 'ann', '2026-11-05T00:00:00Z')").run(fid, sid);
  void g;
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('buildReport', () => {
  it('counts pages, categories, kinds, rules, phrases, link targets and days from latest scans and decisions', async () => {
    const d = (await buildReport(store, { now: NOW }));
    expect(d.totals).toEqual({ pages: 4, contaminatedPages: 3, findings: 3, dismissedFindings: 1 });
    expect(d.byDomain).toEqual([
      { domain: 'a.example', pages: 2, contaminatedPages: 2, findings: 2 },
      { domain: 'b.example', pages: 2, contaminatedPages: 1, findings: 1 },
    ]);
    expect(d.byCategory).toEqual([
      { key: 'margin-lending', pages: 2, findings: 2 },
      { key: 'gambling', pages: 1, findings: 1 },
    ]);
    expect(d.byKind).toEqual([{ key: 'promo-line', pages: 3, findings: 3 }]);
    expect(d.byRule.map((r) => [r.key, r.findings])).toEqual([['STRUCT_LINKS', 3], ['URL_IN_TEXT', 3], ['ZH_NEWS_WORD', 3], ['ZH_PEIZI', 3]]);
    expect(d.byRule.find((r) => r.key === 'ZH_PEIZI')!.points).toBe(15);
    // phrases: spam-side evidence found in the removed text, not '3 links' (not in the text) or '开户' (negative points)
    expect(d.topPhrases).toEqual([
      { key: 'www.peizi-example.com', pages: 3, findings: 3 },
      { key: '股票配资', pages: 2, findings: 2 },
      { key: 'slot "gacor", 88 | win', pages: 1, findings: 1 },
    ]);
    expect(d.topLinkTargets).toEqual([{ key: 'peizi-example.com', pages: 3, findings: 3 }]);
    expect(d.perDay.map((r) => [r.day, r.pages, r.contaminatedPages])).toEqual([
      ['2026-11-01', 1, 1], ['2026-11-02', 2, 1], ['2026-11-03', 1, 1],
    ]);
  });

  it('--since limits by fetch day; relative days work; garbage is a one-line InputError', async () => {
    expect((await buildReport(store, { since: '2026-11-02', now: NOW })).totals.pages).toBe(3);
    expect(parseSince('7d', NOW)).toBe('2026-11-13');
    expect((await buildReport(store, { since: '7d', now: NOW })).totals.pages).toBe(0);
    await expect(buildReport(store, { since: 'yesterday' })).rejects.toThrow(InputError);
  });

  it('finds link targets in text', () => {
    expect(linkTargets('加微信 www.Peizi-Example.com 开户, see https://x.cn/a?b=1 and index.html')).toEqual(['peizi-example.com', 'x.cn']);
  });
});

describe('renderers', () => {
  let built: Awaited<ReturnType<typeof buildReport>>;
  beforeAll(async () => {
    built = await buildReport(store, { now: NOW });
  });
  const d = () => built;

  it('markdown has a table per section', () => {
    const md = renderMarkdown(d());
    expect(md).toMatch(/^# winnow report/);
    expect(md).toContain('| domain | pages | contaminated | share | findings |');
    expect(md).toContain('| a.example | 2 | 2 | 100.0% | 2 |');
    // a phrase with a pipe would break the table: escaped, so every row of the phrase table has 3 cells
    expect(md).toContain('| slot "gacor", 88 \\| win | 1 | 1 |');
  });

  it('csv parses back with the same numbers', () => {
    const rows = parseCsv(renderCsv(d()));
    expect(rows[0]).toEqual(['table', 'key', 'metric', 'value']);
    expect(rows.every((r) => r.length === 4)).toBe(true);
    expect(rows).toContainEqual(['domain', 'b.example', 'contaminated_pages', '1']);
    expect(rows).toContainEqual(['phrase', 'slot "gacor", 88 | win', 'findings', '1']);
  });

  it('json matches the schema', () => {
    const parsed = ReportData.parse(JSON.parse(renderJson(d())));
    expect(parsed.totals.pages).toBe(4);
  });

  it('html is self-contained with inline svg charts', () => {
    const html = renderHtml(d());
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(5);
    expect(html).not.toMatch(/<script|<link |src="http|href="http/);
    expect(html).toContain('Findings per category');
    expect(html).toContain('slot &quot;gacor&quot;, 88 | win');
  });
});

describe('exportFindings', () => {
  async function run(format: 'csv' | 'ndjson'): Promise<{ n: number; text: string }> {
    let text = '';
    const out = new Writable({ write: (c, _e, cb) => ((text += String(c)), cb()) });
    const n = await exportFindings(store, { format, out });
    return { n, text };
  }

  it('csv (RFC 4180) parses back: one row per counted finding with page and scan columns', async () => {
    const { n, text } = await run('csv');
    expect(n).toBe(4); // latest scans: 2 + 1 + 1 (the dismissed one is exported with its decision)
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(n + 1);
    const col = (name: string) => EXPORT_COLUMNS.indexOf(name as (typeof EXPORT_COLUMNS)[number]);
    const g = rows.find((r) => r[col('category')] === 'gambling')!;
    expect(g[col('url')]).toBe('https://b.example/2');
    expect(g[col('domain')]).toBe('b.example');
    expect(g[col('rule_names')]).toBe('ZH_PEIZI;URL_IN_TEXT;STRUCT_LINKS;ZH_NEWS_WORD');
    expect(JSON.parse(g[col('rules')])[0].evidence).toBe('slot "gacor", 88 | win');
    expect(rows.filter((r) => r[col('decision')] === 'dismiss')).toHaveLength(1);
  });

  it('ndjson has the same rows with rules parsed', async () => {
    const { n, text } = await run('ndjson');
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(n);
    expect(Array.isArray(lines[0].rules)).toBe(true);
  });
});

describe('store path errors for report/export', () => {
  it('a missing database is a one-line InputError, not a new empty file', async () => {
    await expect(openSqliteStore(join(dir, 'nope.db'), { mustExist: true })).rejects.toThrow(/no database at/);
  });
});
