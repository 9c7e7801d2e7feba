import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import {
  openStore, saveResult, saveResults, getPageByUrl, conditionalFor, hasScan, contentHash, latestScan, LATEST_VERSION,
} from '../../src/store/index.js';
import { InputError } from '../../src/errors.js';
import { sampleResult } from './helpers.js';

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'winnow-store-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('openStore', () => {
  it('creates a WAL database at the latest migration', () => {
    const path = join(tmp(), 'w.db');
    const s = openStore(path);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const tables = s.db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['decisions', 'findings', 'pages', 'scans']);
    s.close();
    // reopening is idempotent
    const s2 = openStore(path);
    expect(s2.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    s2.close();
  });

  it('migrates a store that has only migration 1 (schema.sql) without losing rows', () => {
    const path = join(tmp(), 'old.db');
    const raw = new Database(path);
    raw.exec(readFileSync(new URL('../../src/store/schema.sql', import.meta.url), 'utf8'));
    raw.pragma('user_version = 1');
    raw.prepare("INSERT INTO pages (url, domain) VALUES ('https://a.example/x', 'a.example')").run();
    raw.close();
    const s = openStore(path);
    expect(s.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(getPageByUrl(s, 'https://a.example/x')?.domain).toBe('a.example');
    s.close();
  });

  it('refuses a text file with a one-line error and leaves it untouched', () => {
    const dir = tmp();
    const path = join(dir, 'notes.txt');
    const content = 'these are my notes, not a database\n'.repeat(20);
    writeFileSync(path, content);
    let err: unknown;
    try {
      openStore(path);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/not a winnow database/);
    expect((err as Error).message).not.toContain('\n');
    expect(readFileSync(path, 'utf8')).toBe(content);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(existsSync(`${path}-shm`)).toBe(false);
  });

  it('refuses a store from a newer winnow', () => {
    const path = join(tmp(), 'new.db');
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    expect(() => openStore(path)).toThrow(/newer winnow/);
  });

  it('reports a locked database clearly after the busy timeout', () => {
    const path = join(tmp(), 'locked.db');
    openStore(path).close();
    const other = new Database(path);
    other.pragma('journal_mode = WAL');
    other.exec('BEGIN EXCLUSIVE');
    try {
      let err: unknown;
      try {
        openStore(path, { timeoutMs: 100 });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toMatch(/locked by another process/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // once released, the store opens and works
    const s = openStore(path);
    saveResult(s, { url: 'https://a.example/1', body: Buffer.from('<p>x</p>') }, sampleResult());
    s.close();
  });

  it('a save blocked by another writer fails clearly and leaves no partial page', () => {
    const path = join(tmp(), 'busy.db');
    const s = openStore(path, { timeoutMs: 100 });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    expect(() => saveResult(s, { url: 'https://a.example/2' }, sampleResult())).toThrow(/locked by another process/);
    other.exec('ROLLBACK');
    other.close();
    expect(getPageByUrl(s, 'https://a.example/2')).toBeUndefined();
    s.close();
  });
});

describe('saveResult and read helpers', () => {
  it('stores page, scan and findings; upserts the page by url', () => {
    const s = openStore(join(tmp(), 'w.db'));
    const body = Buffer.from('<html><title>央行发布新规</title><p>央行今日发布新规。</p></html>');
    const meta = {
      url: 'https://News.Example.com/a?x=1',
      finalUrl: 'https://www.news.example.com/a',
      fetchedAt: '2026-11-01T10:00:00Z',
      status: 200,
      etag: '"abc"',
      lastModified: 'Sun, 01 Nov 2026 09:00:00 GMT',
      body,
    };
    const first = saveResult(s, meta, sampleResult({ url: meta.url, findings: 2 }));
    const page = getPageByUrl(s, meta.url)!;
    expect(page.domain).toBe('www.news.example.com');
    expect(page.contentHash).toBe(contentHash(body));
    expect(Buffer.compare(page.html!, body)).toBe(0);
    expect(conditionalFor(s, meta.url)).toEqual({ etag: '"abc"', lastModified: 'Sun, 01 Nov 2026 09:00:00 GMT' });
    expect(conditionalFor(s, 'https://never.example/')).toEqual({});
    expect(hasScan(s, meta.url, contentHash(body))).toBe(true);
    expect(hasScan(s, meta.url, contentHash(Buffer.from('other')))).toBe(false);

    const scan = latestScan(s, meta.url)!;
    expect(scan.scanId).toBe(first.scanId);
    expect(scan.findings).toHaveLength(2);
    expect((scan.findings[0].rules as Array<{ rule: string }>)[0].rule).toBe('ZH_PEIZI');

    const body2 = Buffer.from('<html><p>changed</p></html>');
    const second = saveResult(s, { ...meta, body: body2, etag: undefined }, sampleResult({ url: meta.url, findings: 0 }));
    expect(second.pageId).toBe(first.pageId);
    expect(second.scanId).not.toBe(first.scanId);
    expect(s.db.prepare('SELECT count(*) FROM pages').pluck().get()).toBe(1);
    expect(s.db.prepare('SELECT count(*) FROM scans').pluck().get()).toBe(2);
    expect(hasScan(s, meta.url, contentHash(body2))).toBe(true);
    expect(conditionalFor(s, meta.url)).toEqual({ lastModified: 'Sun, 01 Nov 2026 09:00:00 GMT' });
    s.close();
  });

  it('rolls back the page when a finding cannot be stored', () => {
    const s = openStore(join(tmp(), 'w.db'));
    const bad = sampleResult({ url: 'https://a.example/bad' });
    // a NOT NULL violation on the second finding must undo the page and the scan too
    (bad.findings as unknown as Array<Record<string, unknown>>).push({ ...bad.findings[0], category: null });
    expect(() => saveResult(s, { url: 'https://a.example/bad' }, bad)).toThrow();
    expect(getPageByUrl(s, 'https://a.example/bad')).toBeUndefined();
    expect(s.db.prepare('SELECT count(*) FROM scans').pluck().get()).toBe(0);
    s.close();
  });

  it('saveResults commits a group all or nothing', () => {
    const s = openStore(join(tmp(), 'g.db'));
    const ok = (i: number) => ({ meta: { url: `https://g.example/${i}` }, result: sampleResult() });
    expect(saveResults(s, [ok(1), ok(2)]).map((r) => r.scanId)).toHaveLength(2);
    const bad = sampleResult();
    (bad.findings as unknown as Array<Record<string, unknown>>)[0].kind = null;
    expect(() => saveResults(s, [ok(3), ok(4), { meta: { url: 'https://g.example/5' }, result: bad }])).toThrow();
    expect(s.db.prepare('SELECT url FROM pages ORDER BY url').pluck().all()).toEqual(['https://g.example/1', 'https://g.example/2']);
    expect(s.db.prepare('SELECT count(*) FROM findings').pluck().get()).toBe(2);
    s.close();
  });
});
