// Embedded store (better-sqlite3, WAL). OWNER: store/batch helper. The signatures below are the contract.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { AnalyzeResult } from '../result.js';
import { InputError } from '../errors.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations.js';

export interface Store {
  db: Database.Database;
  path: string;
  close(): void;
}

export interface PageMeta {
  url: string;
  finalUrl?: string;
  fetchedAt?: string;
  status?: number;
  etag?: string;
  lastModified?: string;
  /** raw bytes of the page, kept for the review UI */
  body?: Uint8Array;
  /** where the page came from when not fetched (e.g. "crawl.warc.gz@12345"); additive */
  source?: string;
  /** Content-Type of the response; additive */
  contentType?: string;
  /** sha256 hex of body; computed from body when absent; additive */
  contentHash?: string;
}

export interface OpenStoreOptions {
  /** how long to wait for another writer before failing (SQLite busy_timeout) */
  timeoutMs?: number;
  /** fail instead of creating a new database (report, export) */
  mustExist?: boolean;
}

/** Default wait for a lock held by another process before giving up with a clear error. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;
/** The 16-byte header every SQLite 3 database file starts with. */
const SQLITE_HEADER = 'SQLite format 3\0';

/** sha256 hex of the raw bytes (pages.content_hash). */
export function contentHash(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

/** Turn SQLite errors the user can cause (locked, not a database, unwritable) into one-line InputErrors. */
export function storeError(err: unknown, path: string, timeoutMs = DEFAULT_BUSY_TIMEOUT_MS): unknown {
  const code = (err as { code?: string })?.code ?? '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new InputError(`database ${path} is locked by another process (waited ${timeoutMs} ms); try again when it finishes`);
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return new InputError(`${path} is not a winnow database (not SQLite or damaged)`);
  if (code.startsWith('SQLITE_CANTOPEN')) return new InputError(`cannot open database ${path} (missing folder or no permission)`);
  if (code.startsWith('SQLITE_READONLY')) return new InputError(`database ${path} is read-only`);
  if (code === 'SQLITE_FULL') return new InputError(`disk full while writing ${path}`);
  return err;
}

function checkHeader(path: string): void {
  let st;
  try {
    st = statSync(path);
  } catch {
    return;
  }
  if (st.isDirectory()) throw new InputError(`${path} is a directory, not a database file`);
  if (st.size === 0) return;
  const buf = Buffer.alloc(16);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    readSync(fd, buf, 0, 16, 0);
  } catch (err) {
    throw new InputError(`cannot read database ${path}: ${(err as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (buf.toString('latin1') !== SQLITE_HEADER) throw new InputError(`${path} is not a winnow database (not an SQLite file)`);
}

function migrate(db: Database.Database, path: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) {
    throw new InputError(`database ${path} was written by a newer winnow (schema ${current} > ${LATEST_VERSION}); upgrade winnow`);
  }
  // An IMMEDIATE transaction even when nothing is due: it takes the write lock, so a store that another
  // process holds fails here with a clear message rather than half-way through a batch.
  db.transaction(() => {
    const v = db.pragma('user_version', { simple: true }) as number;
    for (const m of MIGRATIONS) {
      if (m.version <= v) continue;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
}

/** Open (creating and migrating) a store; a bad or locked file throws InputError with a one-line reason. */
export function openStore(path: string, opts: OpenStoreOptions = {}): Store {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  if (opts.mustExist && !existsSync(path)) throw new InputError(`no database at ${path} (run \`winnow scan\` first or pass --db)`);
  checkHeader(path);
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { timeout: timeoutMs });
    db.pragma('foreign_keys = ON');
    // journal_mode=WAL needs no lock once the file is already WAL; set it only when it differs.
    if (String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db, path);
  } catch (err) {
    db?.close();
    throw storeError(err, path, timeoutMs);
  }
  const handle = db;
  return {
    db: handle,
    path,
    close() {
      if (handle.open) handle.close();
    },
  };
}

interface Prepared {
  upsertPage: Database.Statement;
  pageId: Database.Statement;
  insertScan: Database.Statement;
  insertFinding: Database.Statement;
  save: (meta: PageMeta, result: AnalyzeResult) => { pageId: number; scanId: number };
  saveMany: (items: Array<{ meta: PageMeta; result: AnalyzeResult }>) => Array<{ pageId: number; scanId: number }>;
}
const prepared = new WeakMap<Database.Database, Prepared>();

function domainOf(url: string | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : '';
  } catch {
    return '';
  }
}

function prepare(db: Database.Database): Prepared {
  const got = prepared.get(db);
  if (got) return got;
  const upsertPage = db.prepare(`
    INSERT INTO pages (url, final_url, domain, fetched_at, status, etag, last_modified, content_hash, html, source, content_type)
    VALUES (@url, @finalUrl, @domain, @fetchedAt, @status, @etag, @lastModified, @contentHash, @html, @source, @contentType)
    ON CONFLICT(url) DO UPDATE SET
      final_url = excluded.final_url, domain = excluded.domain, fetched_at = excluded.fetched_at,
      status = excluded.status, etag = excluded.etag, last_modified = excluded.last_modified,
      content_hash = excluded.content_hash, html = excluded.html, source = excluded.source,
      content_type = excluded.content_type`);
  const pageId = db.prepare('SELECT id FROM pages WHERE url = ?').pluck();
  const insertScan = db.prepare(`
    INSERT INTO scans (page_id, scanned_at, verdict, score, title, clean_title, clean_text, lang, text,
                       winnow_version, rules_version, model_version)
    VALUES (@pageId, @scannedAt, @verdict, @score, @title, @cleanTitle, @cleanText, @lang, @text,
            @winnow, @rules, @model)`);
  const insertFinding = db.prepare(`
    INSERT INTO findings (scan_id, text, start, end, block_id, path, "where", category, kind, score, points, rules)
    VALUES (@scanId, @text, @start, @end, @blockId, @path, @where, @category, @kind, @score, @points, @rules)`);
  const save = db.transaction((meta: PageMeta, result: AnalyzeResult) => {
    const finalUrl = meta.finalUrl ?? result.url ?? (domainOf(meta.url) ? meta.url : undefined);
    upsertPage.run({
      url: meta.url,
      finalUrl: finalUrl ?? null,
      domain: domainOf(finalUrl ?? meta.url),
      fetchedAt: meta.fetchedAt ?? null,
      status: meta.status ?? null,
      etag: meta.etag ?? null,
      lastModified: meta.lastModified ?? null,
      contentHash: meta.contentHash ?? (meta.body ? contentHash(meta.body) : null),
      html: meta.body ? Buffer.from(meta.body.buffer, meta.body.byteOffset, meta.body.byteLength) : null,
      source: meta.source ?? null,
      contentType: meta.contentType ?? null,
    });
    const pid = pageId.get(meta.url) as number;
    const scan = insertScan.run({
      pageId: pid,
      scannedAt: new Date().toISOString(),
      verdict: result.verdict,
      score: result.score,
      title: result.title,
      cleanTitle: result.cleanTitle,
      cleanText: result.cleanText,
      lang: result.lang,
      text: result.text,
      winnow: result.version.winnow,
      rules: result.version.rules,
      model: result.version.model,
    });
    const scanId = Number(scan.lastInsertRowid);
    for (const f of result.findings) {
      insertFinding.run({
        scanId,
        text: f.text,
        start: f.start,
        end: f.end,
        blockId: f.blockId,
        path: f.path,
        where: f.where,
        category: f.category,
        kind: f.kind,
        score: f.score,
        points: f.points,
        rules: JSON.stringify(f.rules),
      });
    }
    return { pageId: pid, scanId };
  });
  const many = db.transaction((items: Array<{ meta: PageMeta; result: AnalyzeResult }>) => items.map((i) => save(i.meta, i.result)));
  const p: Prepared = {
    upsertPage, pageId, insertScan, insertFinding,
    save: (m, r) => save.immediate(m, r),
    saveMany: (items) => many.immediate(items),
  };
  prepared.set(db, p);
  return p;
}

/** Save one page and its scan with findings in one transaction; returns the new ids. */
export function saveResult(store: Store, meta: PageMeta, result: AnalyzeResult): { pageId: number; scanId: number } {
  if (!meta.url) throw new InputError('cannot store a page without a url');
  try {
    return prepare(store.db).save(meta, result);
  } catch (err) {
    throw storeError(err, store.path);
  }
}

/**
 * Save several pages with their scans in ONE transaction (group commit for batches: far fewer WAL commits).
 * All or nothing: after a crash either every page of the group is stored or none is.
 */
export function saveResults(store: Store, items: Array<{ meta: PageMeta; result: AnalyzeResult }>): Array<{ pageId: number; scanId: number }> {
  for (const i of items) if (!i.meta.url) throw new InputError('cannot store a page without a url');
  try {
    return prepare(store.db).saveMany(items);
  } catch (err) {
    throw storeError(err, store.path);
  }
}

export interface PageRow {
  id: number;
  url: string;
  finalUrl: string | null;
  domain: string;
  fetchedAt: string | null;
  status: number | null;
  etag: string | null;
  lastModified: string | null;
  contentHash: string | null;
  contentType: string | null;
  source: string | null;
  html: Buffer | null;
}

/** The stored page for an input url (pages.url), or undefined. */
export function getPageByUrl(store: Store, url: string): PageRow | undefined {
  const row = store.db
    .prepare(
      `SELECT id, url, final_url AS finalUrl, domain, fetched_at AS fetchedAt, status, etag, last_modified AS lastModified,
              content_hash AS contentHash, content_type AS contentType, source, html FROM pages WHERE url = ?`,
    )
    .get(url) as PageRow | undefined;
  return row;
}

/** Validators for a conditional GET of url (If-None-Match / If-Modified-Since); empty when never fetched. */
export function conditionalFor(store: Store, url: string): { etag?: string; lastModified?: string } {
  const row = store.db.prepare('SELECT etag, last_modified AS lastModified FROM pages WHERE url = ?').get(url) as
    | { etag: string | null; lastModified: string | null }
    | undefined;
  const out: { etag?: string; lastModified?: string } = {};
  if (row?.etag) out.etag = row.etag;
  if (row?.lastModified) out.lastModified = row.lastModified;
  return out;
}

/** True when url was already scanned with exactly this content (sha256 hex); lets a batch resume. */
export function hasScan(store: Store, url: string, hash: string): boolean {
  const hit = store.db
    .prepare('SELECT 1 FROM pages p JOIN scans s ON s.page_id = p.id WHERE p.url = ? AND p.content_hash = ? LIMIT 1')
    .pluck()
    .get(url, hash);
  return hit !== undefined;
}

/** True when url has at least one scan (whatever its content); used to skip WARC records by id. */
export function hasAnyScan(store: Store, url: string): boolean {
  return store.db.prepare('SELECT 1 FROM pages p JOIN scans s ON s.page_id = p.id WHERE p.url = ? LIMIT 1').pluck().get(url) !== undefined;
}

/** The latest scan for a stored page url, with its findings (rules parsed), or undefined. */
export function latestScan(store: Store, url: string):
  | { scanId: number; verdict: string; score: number; scannedAt: string; findings: Array<Record<string, unknown>> }
  | undefined {
  const scan = store.db
    .prepare(
      `SELECT s.id AS scanId, s.verdict, s.score, s.scanned_at AS scannedAt FROM scans s JOIN pages p ON p.id = s.page_id
       WHERE p.url = ? ORDER BY s.id DESC LIMIT 1`,
    )
    .get(url) as { scanId: number; verdict: string; score: number; scannedAt: string } | undefined;
  if (!scan) return undefined;
  const rows = store.db.prepare('SELECT * FROM findings WHERE scan_id = ? ORDER BY start').all(scan.scanId) as Array<Record<string, unknown>>;
  return { ...scan, findings: rows.map((r) => ({ ...r, rules: JSON.parse(String(r.rules)) })) };
}

export { LATEST_VERSION } from './migrations.js';
