// The store contract, run against both engines (a SQLite file and a PostgreSQL schema of its own), then the
// SQLite-only cases: bad files, one writer per store, integrity check, locked and read-only stores.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import {
  openStore, openSqliteStore, saveResult, saveResults, saveUnanalysed, getPageByUrl, conditionalFor, hasScan, contentHash, latestScan, LATEST_VERSION,
  countRunPages, type Store,
} from '../../src/store/index.js';
import { listQueue, getReviewPage, getPageHtml, decideFindings, decideScan, ruleStats, trainingExamples, listDomains, countScans } from '../../src/store/review.js';
import { buildReport, exportTable } from '../../src/report/index.js';
import { InputError } from '../../src/errors.js';
import { sampleResult } from './helpers.js';
import { pgStoreUrl } from './services.js';
import { Writable } from 'node:stream';

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'winnow-store-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const drops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const d of drops.splice(0)) await d();
});

const ENGINES: Array<{ name: string; open(o?: { keepHtml?: boolean }): Promise<Store> }> = [
  { name: 'sqlite', open: (o) => openStore(join(tmp(), 'w.db'), o) },
  {
    name: 'postgres',
    open: (o) => {
      const pg = pgStoreUrl();
      drops.push(pg.drop);
      return openStore(pg.url, o);
    },
  },
];

async function count(s: Store, table: string): Promise<number> {
  return (await s.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;
}

describe.each(ENGINES)('store on $name', (engine) => {
  it('stores page, scan and findings; upserts the page by url; keeps HTML only when asked (compressed)', async () => {
    const s = await engine.open({ keepHtml: true });
    try {
      const body = Buffer.from('<html><title>央行发布新规</title><p>央行今日发布新规。</p></html>'.repeat(20));
      const meta = {
        url: 'https://News.Example.com/a?x=1',
        finalUrl: 'https://www.news.example.com/a',
        fetchedAt: '2026-11-01T10:00:00Z',
        status: 200,
        etag: '"abc"',
        lastModified: 'Sun, 01 Nov 2026 09:00:00 GMT',
        body,
      };
      const first = await saveResult(s, meta, sampleResult({ url: meta.url, findings: 2 }));
      const page = (await getPageByUrl(s, meta.url))!;
      expect(page.domain).toBe('www.news.example.com');
      expect(page.contentHash).toBe(contentHash(body));
      expect(Buffer.compare(page.html!, body)).toBe(0);
      const stored = (await s.get<{ n: number }>('SELECT length(html) AS n FROM pages'))!.n;
      expect(stored).toBeLessThan(body.length / 4);
      expect(Buffer.compare((await getPageHtml(s, first.scanId))!, body)).toBe(0);
      expect(await conditionalFor(s, meta.url)).toEqual({ etag: '"abc"', lastModified: 'Sun, 01 Nov 2026 09:00:00 GMT' });
      expect(await conditionalFor(s, 'https://never.example/')).toEqual({});
      expect(await hasScan(s, meta.url, contentHash(body))).toBe(true);
      expect(await hasScan(s, meta.url, contentHash(Buffer.from('other')))).toBe(false);

      const scan = (await latestScan(s, meta.url))!;
      expect(scan.scanId).toBe(first.scanId);
      expect(scan.findings).toHaveLength(2);
      expect((scan.findings[0].rules as Array<{ rule: string }>)[0].rule).toBe('ZH_PEIZI');

      const body2 = Buffer.from('<html><p>changed</p></html>');
      const second = await saveResult(s, { ...meta, body: body2, etag: undefined }, sampleResult({ url: meta.url, findings: 0 }));
      expect(second.pageId).toBe(first.pageId);
      expect(second.scanId).not.toBe(first.scanId);
      expect(await count(s, 'pages')).toBe(1);
      expect(await count(s, 'scans')).toBe(2);
      expect(await hasScan(s, meta.url, contentHash(body2))).toBe(true);
      expect(await conditionalFor(s, meta.url)).toEqual({ lastModified: 'Sun, 01 Nov 2026 09:00:00 GMT' });
    } finally {
      await s.close();
    }
  });

  it('keeps no HTML by default', async () => {
    const s = await engine.open();
    try {
      const { scanId } = await saveResult(s, { url: 'https://a.example/1', body: Buffer.from('<p>x</p>') }, sampleResult());
      expect((await getPageByUrl(s, 'https://a.example/1'))!.html).toBeNull();
      expect(await getPageHtml(s, scanId)).toBeNull();
    } finally {
      await s.close();
    }
  });

  it('rolls back a group when a finding cannot be stored (all or nothing)', async () => {
    const s = await engine.open();
    try {
      const ok = (i: number) => ({ meta: { url: `https://g.example/${i}` }, result: sampleResult() });
      expect((await saveResults(s, [ok(1), ok(2)])).map((r) => r.scanId)).toHaveLength(2);
      const bad = sampleResult();
      (bad.findings as unknown as Array<Record<string, unknown>>)[0].kind = null;
      await expect(saveResults(s, [ok(3), ok(4), { meta: { url: 'https://g.example/5' }, result: bad }])).rejects.toThrow();
      expect((await s.all<{ url: string }>('SELECT url FROM pages ORDER BY url')).map((r) => r.url)).toEqual(['https://g.example/1', 'https://g.example/2']);
      expect(await count(s, 'findings')).toBe(2);
    } finally {
      await s.close();
    }
  });

  it('a run stores each page once: saving the same group again writes nothing and the rows stay identical', async () => {
    const s = await engine.open();
    try {
      const group = [1, 2, 3].map((i) => ({ meta: { url: `warc:c.warc.gz@${i * 1000}`, fetchedAt: '2026-11-01T00:00:00Z', source: `c.warc.gz@${i * 1000}` }, result: sampleResult({ findings: i - 1 }) }));
      const a = await saveResults(s, group, { run: 'r1' });
      expect(a.every((r) => r.created)).toBe(true);
      const dump = async () => ({
        pages: await s.all('SELECT * FROM pages ORDER BY id'),
        scans: await s.all('SELECT * FROM scans ORDER BY id'),
        findings: await s.all('SELECT * FROM findings ORDER BY id'),
      });
      const before = await dump();
      const b = await saveResults(s, group, { run: 'r1' });
      expect(b.every((r) => r.created === false)).toBe(true);
      expect(b.map((r) => r.scanId)).toEqual(a.map((r) => r.scanId));
      expect(await dump()).toEqual(before);
      expect(await countRunPages(s, 'r1')).toBe(3);
      // another run of the same pages is a new scan of each (the latest one is reviewed)
      await saveResults(s, group, { run: 'r2' });
      expect(await count(s, 'scans')).toBe(6);
      expect(await count(s, 'pages')).toBe(3);
    } finally {
      await s.close();
    }
  });

  it('review queries: queue, review page, decisions that a re-run never overwrites, rule stats, training examples, report, export', async () => {
    const s = await engine.open();
    try {
      await saveResult(s, { url: 'https://a.example/1', fetchedAt: '2026-11-01T08:00:00Z' }, sampleResult({ findings: 2 }));
      const g = await saveResult(s, { url: 'https://b.example/2', fetchedAt: '2026-11-03T09:00:00Z' }, sampleResult({ findings: 1, category: 'gambling', evidence: 'slot gacor' }));
      await saveResult(s, { url: 'https://b.example/3', fetchedAt: '2026-11-03T09:00:00Z' }, sampleResult({ findings: 0 }));
      const q = await listQueue(s);
      expect(q.items).toHaveLength(3);
      expect(q.counts.byStatus).toEqual({ pending: 3, reviewed: 0 });
      expect(q.counts.byCategory).toEqual({ 'margin-lending': 2, gambling: 1 });
      expect(q.items[0].categories.length).toBe(1);
      expect((await listQueue(s, { category: 'gambling' })).items.map((i) => i.scanId)).toEqual([g.scanId]);
      expect((await listQueue(s, { domain: 'a.example' })).items).toHaveLength(1);
      expect((await listQueue(s, { domain: 'c.example' })).items).toHaveLength(0);
      expect(await listDomains(s)).toEqual(['b.example', 'a.example']);

      const page = (await getReviewPage(s, q.items.find((i) => i.url === 'https://a.example/1')!.scanId))!;
      expect(page.findings).toHaveLength(2);
      expect(page.findings[0].end).toBeGreaterThan(page.findings[0].start);
      const d = await decideFindings(s, [page.findings[0].id, 999_999], { decision: 'dismiss', reviewer: 'ann' });
      expect(d.missing).toEqual([999_999]);
      await decideFindings(s, [page.findings[1].id], { decision: 'recategorize', category: 'gambling', reviewer: 'bob' });
      expect((await getReviewPage(s, page.scan.id))!.scan.status).toBe('reviewed');
      expect(await decideScan(s, g.scanId, 'page-clean', 'ann')).toMatchObject({ scanId: g.scanId, decision: 'page-clean' });
      expect(await decideScan(s, 999_999, 'page-clean', 'ann')).toBeNull();

      const stats = await ruleStats(s);
      const peizi = stats.rules.find((r) => r.rule === 'ZH_PEIZI')!;
      expect(peizi).toMatchObject({ fired: 3, confirmed: 1, dismissed: 2 });
      expect(stats.decisions).toBe(3);
      expect(await trainingExamples(s)).toHaveLength(1);

      // a re-run of the pages in a queued run adds scans; the decisions stay where they were
      await saveResults(s, [{ meta: { url: 'https://a.example/1' }, result: sampleResult({ findings: 2 }) }], { run: 'again' });
      expect(await count(s, 'decisions')).toBe(3);
      expect(await countScans(s)).toBe(4);

      const r = await buildReport(s, { now: new Date('2026-11-20T00:00:00Z') });
      expect(r.totals.pages).toBe(3);
      // b.example's two pages were fetched on 11-03; a.example/1 was re-scanned now (no fetch time: scan time counts)
      expect((await buildReport(s, { since: '2026-11-02' })).totals.pages).toBe(3);
      expect((await buildReport(s, { since: '2026-11-02', now: new Date('2026-11-20T00:00:00Z') })).since).toBe('2026-11-02');
      const chunks: string[] = [];
      const out = new Writable({ write(c, _e, cb) { chunks.push(String(c)); cb(); } });
      const n = await exportTable(s, { table: 'findings', format: 'ndjson', out });
      expect(n).toBe(3);
      expect(chunks.join('').trim().split('\n')).toHaveLength(3);
    } finally {
      await s.close();
    }
  });

  it('a page not analysed is recorded apart: counted per domain in the report, in no rate; a later scan of it removes it', async () => {
    const s = await engine.open();
    try {
      await saveResult(s, { url: 'https://a.example/1', fetchedAt: '2026-11-01T08:00:00Z' }, sampleResult({ findings: 1 }));
      await saveResult(s, { url: 'https://a.example/2', fetchedAt: '2026-11-01T08:00:00Z' }, sampleResult({ findings: 0 }));
      const why = 'page over its time budget of 2000 ms (stage detect:block)';
      await saveUnanalysed(s, { url: 'warc:c.warc#<urn:1>', finalUrl: 'https://a.example/hostile', fetchedAt: '2026-11-01T09:00:00Z' }, why);
      await saveUnanalysed(s, { url: 'https://only-hostile.example/x', fetchedAt: '2026-11-01T09:00:00Z' }, why);
      // tried again: still one row per page, with the latest reason
      await saveUnanalysed(s, { url: 'https://only-hostile.example/x', fetchedAt: '2026-11-02T09:00:00Z' }, 'page over its size budget');
      expect(await count(s, 'unanalysed')).toBe(2);
      const r = await buildReport(s, { now: new Date('2026-11-20T00:00:00Z') });
      // the two analysed pages are the corpus; the rate is theirs alone
      expect(r.totals.pages).toBe(2);
      expect(r.totals.contaminatedPages).toBe(1);
      expect(r.totals.contaminationRate.rate).toBe(0.5);
      expect(r.totals.domains).toBe(1);
      expect(r.totals.notAnalysedPages).toBe(2);
      expect(r.byDomain.find((d) => d.domain === 'a.example')).toMatchObject({ pages: 2, notAnalysed: 1 });
      expect(r.byDomain.find((d) => d.domain === 'only-hostile.example')).toMatchObject({ pages: 0, notAnalysed: 1 });
      expect(r.notAnalysed.map((u) => [u.url, u.reason])).toEqual([
        ['https://a.example/hostile', why],
        ['https://only-hostile.example/x', 'page over its size budget'],
      ]);
      // analysed at last (a larger budget): the page is a page of the corpus and no longer listed
      await saveResult(s, { url: 'https://only-hostile.example/x', fetchedAt: '2026-11-03T09:00:00Z' }, sampleResult({ findings: 0 }));
      const r2 = await buildReport(s);
      expect(r2.totals.pages).toBe(3);
      expect(r2.totals.notAnalysedPages).toBe(1);
      expect(r2.notAnalysed.map((u) => u.url)).toEqual(['https://a.example/hostile']);
    } finally {
      await s.close();
    }
  });
});


describe('PostgreSQL store errors', () => {
  it('an unreachable server is a one-line InputError', async () => {
    const err = await openStore('postgres://postgres@127.0.0.1:1/none', { timeoutMs: 2000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:1\/none: cannot connect \(ECONNREFUSED\)$/);
  });
  it('a missing database is a one-line InputError', async () => {
    const err = await openStore('postgres://postgres@127.0.0.1:5432/winnow_no_such_db_x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/does not exist/);
  });
  it('mustExist refuses a schema without a store', async () => {
    const pg = pgStoreUrl();
    drops.push(pg.drop);
    await expect(openStore(pg.url, { mustExist: true })).rejects.toThrow(/no winnow store/);
  });
});

describe('SQLite store files', () => {
  it('creates a WAL database at the latest migration; reopening is idempotent', async () => {
    const path = join(tmp(), 'w.db');
    const s = await openSqliteStore(path);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const tables = s.db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['decisions', 'findings', 'pages', 'scans', 'unanalysed']);
    await s.close();
    const s2 = await openSqliteStore(path);
    expect(s2.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    await s2.close();
  });

  it('migrates a store that has only migration 1 (schema.sql) without losing rows', async () => {
    const path = join(tmp(), 'old.db');
    const raw = new Database(path);
    raw.exec(readFileSync(new URL('../../src/store/schema.sql', import.meta.url), 'utf8'));
    raw.pragma('user_version = 1');
    raw.prepare("INSERT INTO pages (url, domain) VALUES ('https://a.example/x', 'a.example')").run();
    raw.close();
    const s = await openStore(path);
    expect((await getPageByUrl(s, 'https://a.example/x'))?.domain).toBe('a.example');
    await s.close();
  });

  it('refuses a text file with a one-line error and leaves it untouched', async () => {
    const path = join(tmp(), 'notes.txt');
    const content = 'these are my notes, not a database\n'.repeat(20);
    writeFileSync(path, content);
    const err = await openStore(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/not a winnow database/);
    expect(readFileSync(path, 'utf8')).toBe(content);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a store from a newer winnow', async () => {
    const path = join(tmp(), 'new.db');
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    await expect(openStore(path)).rejects.toThrow(/newer winnow/);
  });

  it('a damaged store (overwritten pages) is refused on open with one line', async () => {
    const path = join(tmp(), 'bad.db');
    const s = await openStore(path);
    const many = Array.from({ length: 40 }, (_, i) => ({ meta: { url: `https://d.example/${i}` }, result: sampleResult({ findings: 3 }) }));
    await saveResults(s, many);
    await s.close();
    // overwrite the middle of the file (b-tree pages) with garbage, past the header
    const size = statSync(path).size;
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const err = await openStore(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/damaged|not a winnow database/);
    expect((err as Error).message).not.toContain('\n');
  });

  it('a missing folder and a read-only folder are one-line InputErrors', async () => {
    const dir = tmp();
    const e1 = await openStore(join(dir, 'no', 'such', 'w.db')).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(InputError);
    expect((e1 as Error).message).toMatch(/folder .* does not exist/);
    if (process.getuid?.() !== 0) {
      // root ignores permission bits: the read-only case is checked where it can be
      const ro = join(dir, 'ro');
      rmSync(ro, { recursive: true, force: true });
      mkdtempSync(ro);
    }
    const roDir = mkdtempSync(join(dir, 'ro-'));
    chmodSync(roDir, 0o555);
    if (process.getuid?.() !== 0) {
      const e2 = await openStore(join(roDir, 'w.db')).catch((e: unknown) => e);
      expect(e2).toBeInstanceOf(InputError);
      expect((e2 as Error).message).toMatch(/cannot be written/);
    }
    chmodSync(roDir, 0o755);
  });

  it('one writer per store: another live process holding it is named by pid; a dead one is taken over', async () => {
    const path = join(tmp(), 'one.db');
    await (await openStore(path)).close();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      writeFileSync(`${path}.lock`, `${child.pid}\n`);
      const err = await openStore(path).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toBe(`database ${path} is in use by another winnow process (pid ${child.pid}); wait for it to finish or use another --db`);
      // a reader is not a writer
      const r = await openStore(path, { readOnly: true });
      await r.close();
    } finally {
      child.kill('SIGKILL');
      await new Promise((res) => child.once('exit', res));
    }
    // the holder died (kill -9): its lock is stale and taken over
    const s = await openStore(path);
    expect(readFileSync(`${path}.lock`, 'utf8').trim()).toBe(String(process.pid));
    await s.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('reports a locked database clearly after the busy timeout', async () => {
    const path = join(tmp(), 'locked.db');
    await (await openStore(path)).close();
    const other = new Database(path);
    other.pragma('journal_mode = WAL');
    other.exec('BEGIN EXCLUSIVE');
    try {
      const err = await openStore(path, { timeoutMs: 100 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toMatch(/locked by another process/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const s = await openStore(path);
    await saveResult(s, { url: 'https://a.example/1', body: Buffer.from('<p>x</p>') }, sampleResult());
    await s.close();
  });

  it('a save blocked by another connection fails clearly and leaves no partial page', async () => {
    const path = join(tmp(), 'busy.db');
    const s = await openStore(path, { timeoutMs: 100 });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    await expect(saveResult(s, { url: 'https://a.example/2' }, sampleResult())).rejects.toThrow(/locked by another process/);
    other.exec('ROLLBACK');
    other.close();
    expect(await getPageByUrl(s, 'https://a.example/2')).toBeUndefined();
    await s.close();
  });
});
