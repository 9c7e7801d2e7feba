// Report and export on a real crawl: the 78 pages of ../shared/data/spam-pages in a WARC (real source URLs as
// target URIs), scanned by the built CLI into a store; then report and export as a researcher runs them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { parquetReadObjects } from 'hyparquet';
import { openStore, saveResult, saveUnanalysed } from '../../src/store/index.js';
import { analyze } from '../../src/analyze.js';
import { decideFindings } from '../../src/store/review.js';
import { parseCsv, ReportData, wilson, parseSince, linkTargets, PAGE_COLUMNS, FINDING_COLUMNS, LINK_COLUMNS, DEFAULT_TABLE_ROWS } from '../../src/report/index.js';
import { normalizeText, pageUid } from '../../src/report/ids.js';
import { InputError } from '../../src/errors.js';
import { REPO_ROOT, run, writeSpamWarc, type SpamPageMeta } from './fixture.js';

let dir: string;
let db: string;
let pages: Array<SpamPageMeta & { body: Buffer }>;

function built(): boolean {
  const main = join(REPO_ROOT, 'dist', 'cli', 'main.js');
  const data = join(REPO_ROOT, 'dist', 'report', 'data.js');
  return existsSync(main) && existsSync(data) && statSync(data).mtimeMs >= statSync(join(REPO_ROOT, 'src', 'report', 'data.ts')).mtimeMs;
}

beforeAll(() => {
  if (!built()) spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO_ROOT, stdio: 'ignore' });
  if (!built()) throw new Error('could not build dist/ (npm run build)');
  dir = mkdtempSync(join(tmpdir(), 'winnow-report-'));
  pages = writeSpamWarc(join(dir, 'spam.warc'));
  db = join(dir, 'crawl.db');
  const r = run(['scan', 'spam.warc', '--db', db, '--quiet', '--keep-html'], { cwd: dir });
  if (r.code !== 0) throw new Error(`scan failed: ${r.err}`);
}, 240_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const reportJson = (args: string[] = [], store = db) => {
  const r = run(['report', '--db', store, '--format', 'json', ...args]);
  expect(r.code, r.err).toBe(0);
  return ReportData.parse(JSON.parse(r.out));
};
const exportRows = (table: string, store = db) => {
  const r = run(['export', '--db', store, '--table', table, '--format', 'ndjson']);
  expect(r.code, r.err).toBe(0);
  return r.out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, string | number | boolean | null>);
};

describe('report: no silent limits', () => {
  it('json and csv carry every domain; md shows the first rows and says "N of M"; --limit 0 shows all', () => {
    const d = reportJson();
    const domains = new Set(exportRows('pages').map((p) => p.domain || '(none)'));
    expect(domains.size).toBeGreaterThan(DEFAULT_TABLE_ROWS);
    expect(d.byDomain).toHaveLength(domains.size);
    const csv = parseCsv(run(['report', '--db', db, '--format', 'csv']).out);
    expect(new Set(csv.filter((r) => r[0] === 'domain').map((r) => r[1])).size).toBe(domains.size);
    expect(csv.some((r) => r[0] === 'truncated')).toBe(false);

    const md = run(['report', '--db', db]).out;
    expect(md).toContain(`_${DEFAULT_TABLE_ROWS} of ${domains.size} rows shown`);
    const all = run(['report', '--db', db, '--limit', '0']).out;
    expect(all).not.toMatch(/rows shown/);
    for (const dom of domains) expect(all).toContain(`| ${dom} |`);

    const cut = JSON.parse(run(['report', '--db', db, '--format', 'json', '--limit', '5']).out);
    expect(cut.byDomain).toHaveLength(5);
    expect(cut.truncated.byDomain).toEqual({ shown: 5, total: domains.size });
    expect(run(['report', '--db', db, '--limit', '-1']).code).toBe(2);
  });
});

describe('report: counts', () => {
  it('denominators and rates come from page rows; the contamination rate has its Wilson interval', () => {
    const d = reportJson();
    const pageRows = exportRows('pages');
    expect(pageRows).toHaveLength(pages.length);
    expect(d.totals.pages).toBe(pages.length);
    const bad = pageRows.filter((p) => p.reviewed_verdict === 'contaminated').length;
    expect(d.totals.contaminatedPages).toBe(bad);
    expect(d.totals.contaminationRate).toEqual(wilson(bad, pages.length));
    expect(d.totals.contaminationRate.low).toBeLessThan(d.totals.contaminationRate.rate);
    expect(d.totals.contaminationRate.high).toBeGreaterThan(d.totals.contaminationRate.rate);
    expect(d.perDay.reduce((s, r) => s + r.pages, 0)).toBe(pages.length);
    expect(d.byDomain.reduce((s, r) => s + r.pages, 0)).toBe(pages.length);
  });

  it('findings are clustered by normalised text with page and domain counts', () => {
    const d = reportJson();
    const findings = exportRows('findings');
    expect(d.totals.findings).toBe(findings.length);
    const byNorm = new Map<string, Set<string>>();
    for (const f of findings) {
      const k = normalizeText(String(f.text));
      byNorm.set(k, (byNorm.get(k) ?? new Set()).add(String(f.page_uid)));
    }
    expect(d.totals.clusters).toBe(byNorm.size);
    expect(d.clusters).toHaveLength(byNorm.size);
    expect(d.totals.clusters).toBeLessThan(findings.length); // the real crawl repeats texts
    expect(d.clusters.reduce((s, c) => s + c.findings, 0)).toBe(findings.length);
    for (const c of d.clusters) {
      const members = findings.filter((f) => f.cluster_id === c.clusterId);
      expect(members).toHaveLength(c.findings);
      expect(new Set(members.map((f) => f.page_uid)).size).toBe(c.pages);
      expect(new Set(members.map((f) => normalizeText(String(f.text)))).size).toBe(1);
    }
    // clusters are the findings' own texts, not rule evidence
    const texts = new Set(findings.map((f) => String(f.text).replace(/\s+/g, ' ').trim()));
    for (const c of d.clusters) expect(texts.has(c.text)).toBe(true);
  });

  it('link targets are every off-site link of link and hidden blocks, as written in the page', () => {
    const d = reportJson();
    const links = exportRows('links');
    expect(links.length).toBeGreaterThan(3);
    const hrefs = new Set(links.map((l) => String(l.href)));
    // the report's full-URL table is exactly the exported links (host names written in text are bare hosts)
    expect(new Set(d.links.filter((l) => /^https?:/.test(l.href)).map((l) => l.href))).toEqual(hrefs);
    // page_key warc:spam.warc#<urn:uuid:…-000000000029> is the 30th page of the WARC
    const bodyOf = new Map(exportRows('pages').map((p) => [p.page_uid, pages[Number(/(\d{12})>$/.exec(String(p.page_key))![1])].body]));
    let checked = 0;
    for (const l of links) {
      const body = bodyOf.get(l.page_uid);
      if (!body) continue;
      const u = new URL(String(l.href));
      expect(body.toString('latin1')).toContain(u.pathname.length > 1 ? u.pathname.slice(0, 24) : u.hostname);
      checked++;
    }
    expect(checked).toBe(links.length);
    expect(d.method.linkFindingsWithoutHtml).toBe(0);
    // a store without the pages' HTML says how many findings' links it cannot list
    const bare = join(dir, 'bare.db');
    expect(run(['scan', 'spam.warc', '--db', bare, '--quiet'], { cwd: dir }).code).toBe(0);
    const b = reportJson([], bare);
    const linkKinds = exportRows('findings').filter((f) => f.kind === 'link-block' || f.kind === 'hidden-block');
    expect(b.method.linkFindingsWithoutHtml).toBe(linkKinds.length);
    expect(exportRows('findings', bare).filter((f) => f.links === null)).toHaveLength(linkKinds.length);
    expect(run(['report', '--db', bare]).out).toContain(`Link targets: ${linkKinds.length} link-block or hidden-block findings`);
  }, 120_000);

  it('news-side rules are listed as such and not drawn in the spam-rule chart', () => {
    const d = reportJson();
    for (const r of d.byRule) expect(r.side).toBe(r.points < 0 ? 'news' : 'spam');
    const html = run(['report', '--db', db, '--format', 'html']).out;
    const chart = html.slice(html.indexOf('Spam-side rules'), html.indexOf('</svg>', html.indexOf('Spam-side rules')));
    for (const r of d.byRule.filter((x) => x.side === 'news')) expect(chart).not.toContain(`>${r.key}<`);
    expect(html).toContain('id="method"');
    expect(html).not.toMatch(/<script|<link |src="http/);
  });

  it('a dismissed finding leaves the counts and its cluster', async () => {
    const copy = join(dir, 'reviewed.db');
    copyFileSync(db, copy);
    const before = reportJson([], copy);
    const store = await openStore(copy);
    const row = await store.get<{ id: number }>('SELECT id FROM findings ORDER BY id LIMIT 1');
    await decideFindings(store, [row!.id], { decision: 'dismiss', reviewer: 'ann' });
    await store.close();
    const after = reportJson([], copy);
    expect(after.totals.findings).toBe(before.totals.findings - 1);
    expect(after.totals.dismissedFindings).toBe(1);
    expect(after.method.reviewedFindings).toBe(1);
    expect(exportRows('findings', copy).filter((f) => f.dismissed)).toHaveLength(1);
  });

  it('--since and its one-line error', () => {
    expect(reportJson(['--since', '2026-11-07']).totals.pages).toBe(pages.filter((_, i) => i % 7 === 6).length);
    const r = run(['report', '--db', db, '--since', 'yesterday']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(() => parseSince('yesterday')).toThrow(InputError);
    // days that no month has are refused, not rolled over into the next month
    for (const bad of ['2026-02-30', '2026-13-01', '2026-04-31T10:00:00Z']) expect(() => parseSince(bad)).toThrow(InputError);
    expect(parseSince('2024-02-29')).toBe('2024-02-29');
    expect(parseSince('2026-11-07T08:30:00Z')).toBe('2026-11-07T08:30:00Z');
    expect(linkTargets('加微信 www.Peizi-Example.com 开户, see https://x.cn/a?b=1 and index.html')).toEqual(['peizi-example.com', 'x.cn']);
  });
});

describe('wilson', () => {
  it('matches the published interval and stays inside [0, 1]', () => {
    // Newcombe (1998), table I: 81 of 263 -> 0.2553 to 0.3662
    const w = wilson(81, 263);
    expect(w.low).toBeCloseTo(0.2553, 4);
    expect(w.high).toBeCloseTo(0.3662, 4);
    expect(wilson(0, 10).low).toBe(0);
    expect(wilson(10, 10).high).toBe(1);
    expect(wilson(0, 0)).toEqual({ rate: 0, low: 0, high: 0 });
  });
});

describe('export', () => {
  it('pages, findings and links: flat snake_case columns, real URLs, ids that join', () => {
    for (const [table, cols] of [['pages', PAGE_COLUMNS], ['findings', FINDING_COLUMNS], ['links', LINK_COLUMNS]] as const) {
      const r = run(['export', '--db', db, '--table', table]);
      expect(r.code, r.err).toBe(0);
      const rows = parseCsv(r.out);
      expect(rows[0]).toEqual(cols.map((c) => c.name));
      for (const name of rows[0]) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
      for (const row of rows.slice(1)) {
        expect(row).toHaveLength(cols.length);
        // no JSON inside a cell
        for (const cell of row) expect(/^\s*[[{]/.test(cell) && (() => { try { JSON.parse(cell); return true; } catch { return false; } })()).toBe(false);
      }
    }
    const pageRows = exportRows('pages');
    const uids = new Set(pageRows.map((p) => p.page_uid));
    expect(uids.size).toBe(pageRows.length);
    for (const f of exportRows('findings')) expect(uids.has(f.page_uid)).toBe(true);
    // the page's URL is the WARC target URI, not the record id
    for (const p of pages.filter((x) => /^https?:\/\//.test(x.source))) expect(pageRows.some((r) => r.url === p.source)).toBe(true);
    expect(pageRows.filter((r) => String(r.url).startsWith('warc:'))).toHaveLength(pages.filter((x) => !/^https?:\/\//.test(x.source)).length);
    for (const f of exportRows('findings')) {
      expect(f.text_hash).toMatch(/^[0-9a-f]{16}$/);
      expect(f.rule_names).not.toBe('');
    }
  });

  it('a text cell a spreadsheet would read as a formula starts with a quote in CSV; NDJSON keeps the text as it is', async () => {
    // a page whose title is a spreadsheet formula (scraped text is untrusted: CSV injection, CWE-1236)
    const formula = '=HYPERLINK("http://evil.example/x","配资开户")';
    const html = `<html><head><title>${formula}</title></head><body><h1>${formula}</h1>
<p>记者从证监会获悉，今年以来监管部门持续加大对非法证券活动的打击力度，多地警方查处了一批案件。</p>
<p>-股票配资平台，专业配资开户，低息秒到账，加微信了解详情</p>
<p>业内人士表示，投资者应通过合法渠道参与证券交易，警惕高杠杆带来的风险。</p></body></html>`;
    const store = join(dir, 'formula.db');
    const s = await openStore(store);
    await saveResult(s, { url: 'https://formula.example/a', fetchedAt: '2026-12-01T00:00:00Z' }, analyze(html, { url: 'https://formula.example/a' }));
    await s.close();
    for (const table of ['pages', 'findings']) {
      const csv = run(['export', '--db', store, '--table', table]);
      expect(csv.code, csv.err).toBe(0);
      const [head, ...rows] = parseCsv(csv.out);
      const nd = exportRows(table, store);
      expect(rows).toHaveLength(nd.length);
      rows.forEach((row, i) => {
        head.forEach((name, k) => {
          const raw = nd[i][name];
          // text cells starting with = + - @ get a leading quote; every other cell is the NDJSON value as text
          const want = typeof raw === 'string' && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw === null ? '' : String(raw);
          expect(row[k], `${table}.${name}`).toBe(want);
        });
      });
    }
    expect(exportRows('pages', store)[0].title).toBe(formula);
    // the finding on the promo line that starts with '-' is in the findings table, quoted in CSV
    const texts = exportRows('findings', store).map((f) => String(f.text));
    expect(texts.some((t) => t.startsWith('-') || t.startsWith('='))).toBe(true);
  });

  it('ids are stable: the same across two exports and across two stores scanned from the same WARC', () => {
    const a = exportRows('findings').map((f) => f.finding_uid);
    const b = exportRows('findings').map((f) => f.finding_uid);
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
    const second = join(dir, 'second.db');
    const r = run(['scan', 'spam.warc', '--db', second, '--quiet', '--workers', '1', '--keep-html'], { cwd: dir });
    expect(r.code, r.err).toBe(0);
    const c = exportRows('findings', second);
    expect(new Set(c.map((f) => f.finding_uid))).toEqual(new Set(a));
    expect(new Set(c.map((f) => `${f.finding_uid} ${f.cluster_id} ${f.text_hash}`))).toEqual(new Set(exportRows('findings').map((f) => `${f.finding_uid} ${f.cluster_id} ${f.text_hash}`)));
    expect(new Set(exportRows('pages', second).map((p) => p.page_uid))).toEqual(new Set(exportRows('pages').map((p) => p.page_uid)));
  }, 120_000);

  it('unanalysed: the pages a run could not analyse, under the page_uid a scan of them would have', async () => {
    const store = join(dir, 'unanalysed.db');
    const s = await openStore(store);
    const page = pages.find((p) => /^https?:\/\//.test(p.source))!;
    await saveUnanalysed(s, { url: 'warc:x.warc#<urn:1>', finalUrl: page.source, fetchedAt: '2026-12-01T00:00:00Z' }, 'page over its time budget of 2000 ms (stage page:parse)');
    await saveResult(s, { url: 'https://formula.example/ok', fetchedAt: '2026-12-01T00:00:00Z' }, analyze('<p>ok</p>'));
    await s.close();
    const rows = exportRows('unanalysed', store);
    expect(rows).toEqual([{
      page_uid: pageUid('warc:x.warc#<urn:1>'),
      url: page.source, page_key: 'warc:x.warc#<urn:1>', domain: new URL(page.source).hostname,
      fetched_at: '2026-12-01T00:00:00Z', tried_at: rows[0].tried_at, reason: 'page over its time budget of 2000 ms (stage page:parse)',
      winnow_version: rows[0].winnow_version,
    }]);
    // the analysed page is the only row of the pages table: the denominator has no unanalysed page in it
    expect(exportRows('pages', store).map((p) => p.url)).toEqual(['https://formula.example/ok']);
    const csv = parseCsv(run(['export', '--db', store, '--table', 'unanalysed']).out);
    expect(csv[0]).toEqual(['page_uid', 'url', 'page_key', 'domain', 'fetched_at', 'tried_at', 'reason', 'winnow_version']);
    expect(csv).toHaveLength(2);
  });

  it('parquet reads back with hyparquet: same rows as NDJSON', async () => {
    const out = join(dir, 'all');
    const r = run(['export', '--db', db, '--table', 'all', '--format', 'parquet', '--out', out]);
    expect(r.code, r.err).toBe(0);
    for (const table of ['pages', 'findings', 'links', 'unanalysed']) {
      const buf = readFileSync(join(out, `${table}.parquet`));
      const file = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
      const rows = (await parquetReadObjects({ file })) as Array<Record<string, unknown>>;
      const nd = exportRows(table);
      expect(rows).toHaveLength(nd.length);
      expect(rows.map((x) => ({ ...x }))).toEqual(nd);
    }
    expect(run(['export', '--db', db, '--format', 'parquet']).code).toBe(2);
  });
});
