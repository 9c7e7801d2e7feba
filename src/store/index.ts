// The store: one Promise-based interface, two engines chosen by the --db value. A path (./winnow.db) opens an
// embedded SQLite file (better-sqlite3, WAL, one writer process at a time); postgres://… opens a PostgreSQL
// database shared by every worker and the review server. Each engine has its own migrations (migrations.ts);
// every query is written once in the SQL both accept (db.ts).
import { createHash } from 'node:crypto';
import { accessSync, closeSync, constants, existsSync, openSync, readFileSync, readSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync, constants as zc } from 'node:zlib';
import Database from 'better-sqlite3';
import type { AnalyzeResult } from '../result.js';
import { InputError } from '../errors.js';
import { WINNOW_VERSION } from '../util/version.js';
import { LATEST_VERSION, MIGRATIONS, PG_LATEST_VERSION, PG_MIGRATIONS } from './migrations.js';
import { PgDb, SqliteDb, type Db, type Queryable } from './db.js';

export type { Db, Queryable, Dialect, Params } from './db.js';

export interface Store extends Db {
  /** the --db value, without a password */
  readonly path: string;
  /** raw page bytes are kept (gzip-compressed) only when the store was opened with keepHtml */
  readonly keepHtml: boolean;
  close(): Promise<void>;
}

/** A SQLite store also exposes its better-sqlite3 handle (pragmas, tests). */
export interface SqliteStore extends Store {
  readonly db: Database.Database;
}

export interface PageMeta {
  url: string;
  finalUrl?: string;
  fetchedAt?: string;
  status?: number;
  etag?: string;
  lastModified?: string;
  /** raw bytes of the page; stored (compressed) only when the store keeps HTML */
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
  /** only read, never write (report, export, status, train): no writer lock; the database must exist */
  readOnly?: boolean;
  /** keep each page's raw bytes (gzip-compressed) for the review UI's original view; default false */
  keepHtml?: boolean;
  /** run the SQLite integrity check on open (default true) */
  integrityCheck?: boolean;
}

/** Default wait for a lock held by another process before giving up with a clear error. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;
/** The 16-byte header every SQLite 3 database file starts with. */
const SQLITE_HEADER = 'SQLite format 3\0';
/** gzip level for kept HTML: level 1 costs ~1 ms per 150 KB page and still shrinks HTML ~4x. */
const HTML_GZIP_LEVEL = 1;
/** Connections per PostgreSQL pool: a worker saves one job at a time; the review server answers a few at once. */
const PG_POOL_MAX = 4;

export const isPostgresUrl = (s: string) => /^postgres(ql)?:\/\//i.test(s);

/** sha256 hex of the raw bytes (pages.content_hash). */
export function contentHash(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

/** Turn SQLite errors the user can cause (locked, not a database, unwritable) into one-line InputErrors. */
export function storeError(err: unknown, path: string, timeoutMs = DEFAULT_BUSY_TIMEOUT_MS): unknown {
  if (err instanceof InputError) return err;
  const code = String((err as { code?: string })?.code ?? '');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new InputError(`database ${path} is locked by another process (waited ${timeoutMs} ms); try again when it finishes`);
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return new InputError(`${path} is not a winnow database (not SQLite or damaged)`);
  if (code.startsWith('SQLITE_CANTOPEN')) return new InputError(`cannot open database ${path} (missing folder or no permission)`);
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR')) return new InputError(`database ${path} cannot be written (read-only file or mount)`);
  if (code === 'SQLITE_FULL') return new InputError(`disk full while writing ${path}`);
  if (err instanceof TypeError && /directory does not exist/i.test(err.message)) return new InputError(`cannot open database ${path}: its folder does not exist`);
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
    throw new InputError(`cannot read database ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (buf.toString('latin1') !== SQLITE_HEADER) throw new InputError(`${path} is not a winnow database (not an SQLite file)`);
}

/** Folder present and writable (a WAL store writes -wal and -shm files beside the database). */
function checkFolder(path: string, write: boolean): void {
  const dir = dirname(resolve(path));
  if (!existsSync(dir)) throw new InputError(`cannot open database ${path}: folder ${dir} does not exist`);
  if (!write) return;
  try {
    accessSync(dir, constants.W_OK);
    if (existsSync(path)) accessSync(path, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`database ${path} cannot be written (${code === 'EROFS' ? 'read-only mount' : 'no write permission'})`);
  }
}

// ---------------------------------------------------------------- one writer per SQLite store

/** Lock files this process holds, with how many open stores use each (a process may open its store twice). */
const heldLocks = new Map<string, number>();
let exitHook = false;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Take `<db>.lock` (O_EXCL, holding our pid). Another live process holding it → a one-line refusal naming its
 * pid; a lock left by a dead process (kill -9) is taken over.
 */
function takeWriterLock(path: string): string {
  const lock = `${resolve(path)}.lock`;
  const held = heldLocks.get(lock);
  if (held) {
    heldLocks.set(lock, held + 1);
    return lock;
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      heldLocks.set(lock, 1);
      if (!exitHook) {
        exitHook = true;
        process.once('exit', () => {
          for (const l of heldLocks.keys()) {
            try {
              unlinkSync(l);
            } catch {
              /* already gone */
            }
          }
        });
      }
      return lock;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new InputError(`cannot lock database ${path}: ${code ?? (err as Error).message}`);
    }
    let pid = NaN;
    try {
      pid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    } catch {
      continue; // removed meanwhile: try again
    }
    if (Number.isInteger(pid) && pid > 0 && pidAlive(pid)) {
      throw new InputError(`database ${path} is in use by another winnow process (pid ${pid}); wait for it to finish or use another --db`);
    }
    try {
      unlinkSync(lock); // stale: its process is gone
    } catch {
      /* another process took it over first; the next attempt sees its pid */
    }
  }
  throw new InputError(`cannot lock database ${path}: lock file ${lock} keeps changing`);
}

function releaseWriterLock(lock: string): void {
  const n = heldLocks.get(lock) ?? 0;
  if (n > 1) {
    heldLocks.set(lock, n - 1);
    return;
  }
  heldLocks.delete(lock);
  try {
    unlinkSync(lock);
  } catch {
    /* already gone */
  }
}

function migrateSqlite(db: Database.Database, path: string): void {
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

/**
 * SQLite reads `file:` URIs (the immutable open below) only when better-sqlite3's addon loads with
 * SQLITE_USE_URI=1, and the addon loads at the first Database of the process: set it for that one load. A --db
 * path that itself starts with "file:" is passed as ./file:… so it stays a path.
 */
let urisChecked = false;
let urisOn = false;
function sqliteUris(): boolean {
  if (urisChecked) return urisOn;
  urisChecked = true;
  const had = process.env.SQLITE_USE_URI;
  process.env.SQLITE_USE_URI = '1';
  try {
    // a URI names an in-memory database only when URIs are read; otherwise it names a file, refused by fileMustExist
    new Database('file:winnow-uri-probe?mode=memory', { fileMustExist: true }).close();
    urisOn = true;
  } catch {
    urisOn = false;
  } finally {
    if (had === undefined) delete process.env.SQLITE_USE_URI;
    else process.env.SQLITE_USE_URI = had;
  }
  return urisOn;
}
const sqlitePath = (path: string) => (path.startsWith('file:') ? `./${path}` : path);

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(resolve(path)), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The header's write version (byte 18): 2 is a WAL database, whose readers need the -wal and -shm files. */
function isWalFile(path: string): boolean {
  const buf = Buffer.alloc(1);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    return readSync(fd, buf, 0, 1, 18) === 1 && buf[0] === 2;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A handle that never writes the store (report, export, status, train):
 * - file and folder writable: an ordinary connection with query_only, so SQLite coordinates with a live writer
 *   through the -shm file and removes the -wal and -shm files it made when it closes;
 * - not writable, with a -wal file beside it (a writer is at work, or its log was not checkpointed): a read-only
 *   connection that reads the log through the existing -shm;
 * - not writable and no -wal file: nothing is in flight, and a read-only connection would create -wal and -shm
 *   files it can never remove (in a read-only folder it cannot open at all): opened immutable, as SQLite documents
 *   for read-only media. A writer that starts during the read (someone else who may write the file) is not seen.
 */
function openReadOnlyHandle(path: string, timeoutMs: number): Database.Database {
  if (writable(path)) {
    const db = new Database(sqlitePath(path), { timeout: timeoutMs, fileMustExist: true });
    db.pragma('query_only = ON');
    return db;
  }
  if (existsSync(`${path}-wal`) || !isWalFile(path)) return new Database(sqlitePath(path), { readonly: true, fileMustExist: true, timeout: timeoutMs });
  if (!sqliteUris()) throw new InputError(`database ${path} cannot be read here: it is read-only and this SQLite build reads no file: URIs`);
  return new Database(`${pathToFileURL(resolve(path)).href}?mode=ro&immutable=1`, { readonly: true, fileMustExist: true });
}

function quickCheck(db: Database.Database, path: string): void {
  // quick_check reads every page (not the index-to-table cross-checks of integrity_check): linear and catches
  // overwritten or truncated pages before any command trusts them
  const res = db.pragma('quick_check(1)', { simple: true });
  if (res !== 'ok') throw new InputError(`database ${path} is damaged (integrity check: ${String(res).split('\n')[0]}); restore it from a backup`);
}

async function openSqlite(path: string, opts: OpenStoreOptions): Promise<SqliteStore> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const readOnly = opts.readOnly ?? false;
  // a read-only open cannot create the database
  if ((opts.mustExist || readOnly) && !existsSync(path)) throw new InputError(`no database at ${path} (run \`winnow scan\` first or pass --db)`);
  checkFolder(path, !readOnly);
  checkHeader(path);
  sqliteUris();
  if (readOnly) return openSqliteReadOnly(path, opts, timeoutMs);
  const lock = takeWriterLock(path);
  let db: Database.Database | undefined;
  try {
    db = new Database(sqlitePath(path), { timeout: timeoutMs });
    if (opts.integrityCheck ?? true) quickCheck(db, path);
    db.pragma('foreign_keys = ON');
    // journal_mode=WAL needs no lock once the file is already WAL; set it only when it differs.
    if (String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrateSqlite(db, path);
  } catch (err) {
    db?.close();
    releaseWriterLock(lock);
    throw storeError(err, path, timeoutMs);
  }
  return sqliteStore(db, path, opts, lock);
}

async function openSqliteReadOnly(path: string, opts: OpenStoreOptions, timeoutMs: number): Promise<SqliteStore> {
  let db: Database.Database | undefined;
  try {
    db = openReadOnlyHandle(path, timeoutMs);
    if (opts.integrityCheck ?? true) quickCheck(db, path);
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > LATEST_VERSION) {
      throw new InputError(`database ${path} was written by a newer winnow (schema ${current} > ${LATEST_VERSION}); upgrade winnow`);
    }
    if (current < LATEST_VERSION) {
      // an older schema is brought up to date once, by a writer (lock and all), then read as usual
      db.close();
      db = undefined;
      try {
        await (await openSqlite(path, { ...opts, readOnly: false, integrityCheck: false })).close();
      } catch (err) {
        if (err instanceof InputError) throw new InputError(`database ${path} has schema ${current} and needs an upgrade to ${LATEST_VERSION} first: ${err.message}`);
        throw err;
      }
      db = openReadOnlyHandle(path, timeoutMs);
    }
    db.pragma('foreign_keys = ON');
  } catch (err) {
    db?.close();
    throw storeError(err, path, timeoutMs);
  }
  return sqliteStore(db, path, opts);
}

function sqliteStore(handle: Database.Database, path: string, opts: OpenStoreOptions, lock?: string): SqliteStore {
  const q = new SqliteDb(handle);
  return Object.assign(q, {
    db: handle,
    path,
    keepHtml: opts.keepHtml ?? false,
    async close() {
      if (handle.open) handle.close();
      if (lock && heldLocks.has(lock)) releaseWriterLock(lock);
    },
  });
}

// ---------------------------------------------------------------- PostgreSQL

/** postgres://user:secret@host/db → postgres://user:****@host/db, and ?password=… masked too (for messages). */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '****';
    if (u.searchParams.has('password')) u.searchParams.set('password', '****');
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * sslmode=prefer, require and verify-ca are read by pg 8 as verify-full, with a ten-line SECURITY WARNING on stderr
 * every run. Asking for verify-full, which is what pg does with them anyway, keeps the behaviour and drops the
 * warning; uselibpqcompat=true (libpq's meanings) is left as the user wrote it.
 */
function quietSslMode(u: URL): void {
  const mode = u.searchParams.get('sslmode');
  if (mode && ['prefer', 'require', 'verify-ca'].includes(mode) && u.searchParams.get('uselibpqcompat') !== 'true') {
    u.searchParams.set('sslmode', 'verify-full');
  }
}

/** SQLSTATE errors (the server answered) are told apart from failures to reach or talk to it. */
const isServerError = (e: { severity?: string; code?: string }) => typeof e?.severity === 'string' && /^[0-9A-Z]{5}$/.test(e.code ?? '');

function pgError(err: unknown, where: string): unknown {
  if (err instanceof InputError) return err;
  const e = err as { code?: string; message?: string };
  const code = e?.code ?? '';
  if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN'].includes(code)) {
    return new InputError(`${where}: cannot connect (${code})`);
  }
  if (code === '3D000') return new InputError(`PostgreSQL at ${where}: ${e.message}`);
  if (code === '28P01' || code === '28000') return new InputError(`PostgreSQL at ${where} refused the login: ${e.message}`);
  if (code === '3F000' || code === '42501') return new InputError(`PostgreSQL at ${where}: ${e.message}`);
  return err;
}

/** One line for a server that cannot be reached or does not speak PostgreSQL (refused, silent, no TLS, reset). */
function cannotConnect(err: unknown, where: string, timeoutMs: number): InputError {
  const e = err as { code?: string; message?: string };
  const message = String(e?.message ?? err).split('\n')[0];
  const reason = /timeout/i.test(message) && !e?.code ? `no answer within ${timeoutMs} ms` : e?.code || message;
  return new InputError(`${where}: cannot connect (${reason})`);
}

async function migratePg(db: PgDb, where: string): Promise<void> {
  await db.tx(async (q) => {
    // one migrator at a time when several workers start together
    await q.run(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.winnow_schema'))`);
    await q.run('CREATE TABLE IF NOT EXISTS winnow_schema (version INTEGER NOT NULL)');
    const row = await q.get<{ version: number }>('SELECT max(version) AS version FROM winnow_schema');
    const current = row?.version ?? 0;
    if (current > PG_LATEST_VERSION) {
      throw new InputError(`database ${where} was written by a newer winnow (schema ${current} > ${PG_LATEST_VERSION}); upgrade winnow`);
    }
    for (const m of PG_MIGRATIONS) {
      if (m.version <= current) continue;
      await m.up(q);
      await q.run('INSERT INTO winnow_schema (version) VALUES (?)', [m.version]);
    }
  });
}

async function openPostgres(url: string, opts: OpenStoreOptions): Promise<Store> {
  const where = redact(url);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new InputError(`--db: not a valid PostgreSQL URL: ${where}`);
  }
  // ?schema=NAME keeps a store in its own schema (tests, several stores in one database)
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  if (schema !== null && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new InputError(`--db: bad schema name ${schema}`);
  quietSslMode(u);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const pg = (await import('pg')).default;
  const parse = (oid: number) => (oid === 20 || oid === 1700 ? (v: string) => Number(v) : pg.types.getTypeParser(oid));
  const pool = new pg.Pool({
    connectionString: u.toString(),
    max: PG_POOL_MAX,
    connectionTimeoutMillis: timeoutMs,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    types: { getTypeParser: parse as never },
  });
  // an idle client that loses its server must not crash the process; the next query reports the error
  pool.on('error', () => undefined);
  const db = new PgDb(pool);
  try {
    // one connection first: a server that is not there, not PostgreSQL, or refuses TLS is named as such
    try {
      (await pool.connect()).release();
    } catch (err) {
      if (isServerError(err as { severity?: string })) throw err;
      throw cannotConnect(err, where, timeoutMs);
    }
    if (schema) await db.run(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    if (opts.mustExist) {
      const t = await db.get(`SELECT 1 AS ok FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'winnow_schema'`);
      if (!t) throw new InputError(`no winnow store in ${where} (run \`winnow scan\` or a worker first)`);
    }
    await migratePg(db, where);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw pgError(err, where);
  }
  let closed = false;
  return Object.assign(db, {
    path: where,
    keepHtml: opts.keepHtml ?? false,
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  });
}

/**
 * Open (creating and migrating) a store: a postgres:// URL opens PostgreSQL, anything else is a SQLite file.
 * A bad, damaged, locked or unreachable store throws InputError with a one-line reason (exit 2).
 */
export async function openStore(target: string, opts: OpenStoreOptions = {}): Promise<Store> {
  if (!target) throw new InputError('--db: empty store path');
  return isPostgresUrl(target) ? openPostgres(target, opts) : openSqlite(target, opts);
}

/** Open a SQLite store (with its better-sqlite3 handle). */
export async function openSqliteStore(path: string, opts: OpenStoreOptions = {}): Promise<SqliteStore> {
  return openSqlite(path, opts);
}

// ---------------------------------------------------------------- writes

function domainOf(url: string | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : '';
  } catch {
    return '';
  }
}

/** Kept HTML is gzip-compressed; a page stored raw by an older winnow reads back as is. */
export function packHtml(body: Uint8Array): Buffer {
  return gzipSync(body, { level: HTML_GZIP_LEVEL, strategy: zc.Z_DEFAULT_STRATEGY });
}
export function unpackHtml(stored: Buffer | null | undefined): Buffer | null {
  if (!stored) return null;
  const b = Buffer.isBuffer(stored) ? stored : Buffer.from(stored as Uint8Array);
  return b.length > 2 && b[0] === 0x1f && b[1] === 0x8b ? gunzipSync(b) : b;
}

const UPSERT_PAGE = `
  INSERT INTO pages (url, final_url, domain, fetched_at, status, etag, last_modified, content_hash, html, source, content_type)
  VALUES (@url, @finalUrl, @domain, @fetchedAt, @status, @etag, @lastModified, @contentHash, @html, @source, @contentType)
  ON CONFLICT(url) DO UPDATE SET
    final_url = excluded.final_url, domain = excluded.domain, fetched_at = excluded.fetched_at,
    status = excluded.status, etag = excluded.etag, last_modified = excluded.last_modified,
    content_hash = excluded.content_hash, html = excluded.html, source = excluded.source,
    content_type = excluded.content_type
  RETURNING id`;
const INSERT_SCAN = `
  INSERT INTO scans (page_id, scanned_at, verdict, score, title, clean_title, clean_text, lang, text,
                     winnow_version, rules_version, model_version, run)
  VALUES (@pageId, @scannedAt, @verdict, @score, @title, @cleanTitle, @cleanText, @lang, @text,
          @winnow, @rules, @model, @run)
  ON CONFLICT (run, page_id) WHERE run IS NOT NULL DO NOTHING
  RETURNING id`;
const INSERT_FINDING = `
  INSERT INTO findings (scan_id, text, start, "end", block_id, path, "where", category, kind, score, points, rules)
  VALUES (@scanId, @text, @start, @end, @blockId, @path, @where, @category, @kind, @score, @points, @rules)`;
const UPSERT_UNANALYSED = `
  INSERT INTO unanalysed (url, final_url, domain, fetched_at, reason, tried_at, winnow_version)
  VALUES (@url, @finalUrl, @domain, @fetchedAt, @reason, @triedAt, @winnow)
  ON CONFLICT(url) DO UPDATE SET
    final_url = excluded.final_url, domain = excluded.domain, fetched_at = excluded.fetched_at,
    reason = excluded.reason, tried_at = excluded.tried_at, winnow_version = excluded.winnow_version`;
const RUN_SCAN = `SELECT s.id AS id, s.page_id AS "pageId" FROM scans s JOIN pages p ON p.id = s.page_id WHERE s.run = ? AND p.url = ?`;

export interface SavedIds {
  pageId: number;
  scanId: number;
  /** false when the run already had a scan of this page (nothing written) */
  created?: boolean;
}

/**
 * A page's real URL and its domain as stored: the final URL after redirects, else the URL analyze() was given, else
 * the page key when it is a URL itself (a file: or warc: key has no domain).
 */
function pageAddress(meta: PageMeta, resultUrl: string | undefined): { finalUrl: string | null; domain: string } {
  const finalUrl = meta.finalUrl ?? resultUrl ?? (domainOf(meta.url) ? meta.url : undefined);
  return { finalUrl: finalUrl ?? null, domain: domainOf(finalUrl ?? meta.url) };
}

async function saveOne(q: Queryable, keepHtml: boolean, meta: PageMeta, result: AnalyzeResult, run: string | null): Promise<SavedIds> {
  if (run !== null) {
    // a queued run stores a page once: a job delivered again finds its scan and writes nothing
    const had = await q.get<{ id: number; pageId: number }>(RUN_SCAN, [run, meta.url]);
    if (had) return { pageId: had.pageId, scanId: had.id, created: false };
  }
  const { finalUrl, domain } = pageAddress(meta, result.url);
  const page = await q.get<{ id: number }>(UPSERT_PAGE, {
    url: meta.url,
    finalUrl,
    domain,
    fetchedAt: meta.fetchedAt ?? null,
    status: meta.status ?? null,
    etag: meta.etag ?? null,
    lastModified: meta.lastModified ?? null,
    contentHash: meta.contentHash ?? (meta.body ? contentHash(meta.body) : null),
    html: keepHtml && meta.body ? packHtml(meta.body) : null,
    source: meta.source ?? null,
    contentType: meta.contentType ?? null,
  });
  const pageId = page!.id;
  const scan = await q.get<{ id: number }>(INSERT_SCAN, {
    pageId,
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
    run,
  });
  if (!scan) {
    // another delivery of the same job committed this page meanwhile (PostgreSQL waited for it, then skipped)
    const had = await q.get<{ id: number; pageId: number }>(RUN_SCAN, [run, meta.url]);
    return { pageId, scanId: had?.id ?? 0, created: false };
  }
  // analysed now: no longer a page the store could not analyse
  await q.run('DELETE FROM unanalysed WHERE url = ?', [meta.url]);
  for (const f of result.findings) {
    await q.run(INSERT_FINDING, {
      scanId: scan.id,
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
  return { pageId, scanId: scan.id, created: true };
}

/**
 * Record a page that was not analysed (over analyze()'s budget; `reason` as overBudgetReason says it): the report
 * counts it per site, apart from the analysed pages. The next run tries it again; its scan then removes the row.
 */
export async function saveUnanalysed(store: Store, meta: PageMeta, reason: string, resultUrl?: string): Promise<void> {
  if (!meta.url) throw new InputError('cannot store a page without a url');
  const { finalUrl, domain } = pageAddress(meta, resultUrl);
  try {
    await store.tx(async (q) => {
      await q.run(UPSERT_UNANALYSED, {
        url: meta.url,
        finalUrl,
        domain,
        fetchedAt: meta.fetchedAt ?? null,
        reason,
        triedAt: new Date().toISOString(),
        winnow: WINNOW_VERSION,
      });
    });
  } catch (err) {
    throw storeError(err, store.path);
  }
}

/** Save one page and its scan with findings in one transaction; returns the new ids. */
export async function saveResult(store: Store, meta: PageMeta, result: AnalyzeResult): Promise<SavedIds> {
  return (await saveResults(store, [{ meta, result }]))[0];
}

/**
 * Save several pages with their scans in ONE transaction (group commit for batches, one job of a queued run).
 * All or nothing: after a crash either every page of the group is stored or none is. With `run`, each page gets
 * at most one scan in that run: saving the same group again writes nothing (`created: false`).
 */
export async function saveResults(
  store: Store,
  items: Array<{ meta: PageMeta; result: AnalyzeResult }>,
  opts: { run?: string } = {},
): Promise<SavedIds[]> {
  for (const i of items) if (!i.meta.url) throw new InputError('cannot store a page without a url');
  try {
    return await store.tx(async (q) => {
      const out: SavedIds[] = [];
      for (const i of items) out.push(await saveOne(q, store.keepHtml, i.meta, i.result, opts.run ?? null));
      return out;
    });
  } catch (err) {
    throw storeError(err, store.path);
  }
}

// ---------------------------------------------------------------- reads

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
  /** the kept raw bytes (decompressed), or null */
  html: Buffer | null;
}

/** The stored page for an input url (pages.url), or undefined. */
export async function getPageByUrl(store: Store, url: string): Promise<PageRow | undefined> {
  const row = await store.get<PageRow>(
    `SELECT id, url, final_url AS finalUrl, domain, fetched_at AS fetchedAt, status, etag, last_modified AS lastModified,
            content_hash AS contentHash, content_type AS contentType, source, html FROM pages WHERE url = ?`,
    [url],
  );
  return row ? { ...row, html: unpackHtml(row.html) } : undefined;
}

/** Validators for a conditional GET of url (If-None-Match / If-Modified-Since); empty when never fetched. */
export async function conditionalFor(store: Store, url: string): Promise<{ etag?: string; lastModified?: string }> {
  const row = await store.get<{ etag: string | null; lastModified: string | null }>(
    'SELECT etag, last_modified AS lastModified FROM pages WHERE url = ?',
    [url],
  );
  const out: { etag?: string; lastModified?: string } = {};
  if (row?.etag) out.etag = row.etag;
  if (row?.lastModified) out.lastModified = row.lastModified;
  return out;
}

/** True when url was already scanned with exactly this content (sha256 hex); lets a batch resume. */
export async function hasScan(store: Store, url: string, hash: string): Promise<boolean> {
  return (await store.get('SELECT 1 AS hit FROM pages p JOIN scans s ON s.page_id = p.id WHERE p.url = ? AND p.content_hash = ? LIMIT 1', [url, hash])) !== undefined;
}

/** True when url has at least one scan (whatever its content); used to skip WARC records by id. */
export async function hasAnyScan(store: Store, url: string): Promise<boolean> {
  return (await store.get('SELECT 1 AS hit FROM pages p JOIN scans s ON s.page_id = p.id WHERE p.url = ? LIMIT 1', [url])) !== undefined;
}

/** The latest scan for a stored page url, with its findings (rules parsed), or undefined. */
export async function latestScan(store: Store, url: string): Promise<
  | { scanId: number; verdict: string; score: number; scannedAt: string; findings: Array<Record<string, unknown>> }
  | undefined
> {
  const scan = await store.get<{ scanId: number; verdict: string; score: number; scannedAt: string }>(
    `SELECT s.id AS scanId, s.verdict, s.score, s.scanned_at AS scannedAt FROM scans s JOIN pages p ON p.id = s.page_id
     WHERE p.url = ? ORDER BY s.id DESC LIMIT 1`,
    [url],
  );
  if (!scan) return undefined;
  const rows = await store.all<Record<string, unknown>>('SELECT * FROM findings WHERE scan_id = ? ORDER BY start', [scan.scanId]);
  return { ...scan, findings: rows.map((r) => ({ ...r, rules: JSON.parse(String(r.rules)) })) };
}

/** Pages stored for a queued run (distinct pages with a scan in it). */
export async function countRunPages(store: Store, run: string): Promise<number> {
  return (await store.get<{ n: number }>('SELECT count(*) AS n FROM scans WHERE run = ?', [run]))?.n ?? 0;
}

export { LATEST_VERSION } from './migrations.js';
