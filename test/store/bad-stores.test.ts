// Stores that cannot be reached or written, as a user meets them through the compiled CLI: a PostgreSQL address
// that is no PostgreSQL (or wants TLS it does not have) is one line naming the masked URL and exit 2; a SQLite
// store that this process may not write is still read by report and export, which leave it as they found it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, saveResult } from '../../src/store/index.js';
import { sampleResult } from './helpers.js';
import { PG_BASE, REDIS_URL } from './services.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/winnow.js');

/**
 * Root writes through permission bits (CAP_DAC_OVERRIDE). To meet a store that really cannot be written, the CLI
 * runs as root without that capability (setpriv drops it from the bounding set); another user is held by the bits.
 */
const asRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;
const NO_OVERRIDE = ['setpriv', '--bounding-set=-dac_override,-dac_read_search'];

function cli(args: string[], o: { readOnlyUser?: boolean; cwd?: string } = {}) {
  const argv = [process.execPath, BIN, ...args];
  const [cmd, ...rest] = o.readOnlyUser && asRoot ? [...NO_OVERRIDE, ...argv] : argv;
  const r = spawnSync(cmd, rest, { cwd: o.cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function expectOneLine(r: ReturnType<typeof cli>, pattern: RegExp) {
  expect(r.code, r.err).toBe(2);
  expect(r.err.trim().split('\n'), r.err).toHaveLength(1);
  expect(r.err).toMatch(pattern);
  expect(r.err).not.toMatch(/\n\s+at |SECURITY WARNING/);
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'winnow-bad-stores-'));
});
afterAll(() => {
  for (const d of readdirSync(dir)) chmodSync(join(dir, d), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

describe('PostgreSQL addresses that do not lead to a usable PostgreSQL', () => {
  const redis = new URL(REDIS_URL);
  const local = new URL(PG_BASE);

  it('a port where another service listens (Redis): named, exit 2, within the connect timeout', () => {
    const url = `postgres://postgres@${redis.hostname}:${redis.port || 6379}/test`;
    const t0 = Date.now();
    const r = cli(['report', '--db', url]);
    expectOneLine(r, new RegExp(`^winnow: ${url.replace(/[/.]/g, '\\$&')}: cannot connect \\(.+\\)\\n$`));
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('an address nobody answers from: named, exit 2', () => {
    const r = cli(['export', '--db', 'postgres://postgres@10.255.255.1/test']);
    expectOneLine(r, /^winnow: postgres:\/\/postgres@10\.255\.255\.1\/test: cannot connect \(.+\)\n$/);
  });

  it('sslmode=require against a server without TLS: one line, no multi-line SECURITY WARNING', () => {
    local.searchParams.set('sslmode', 'require');
    const url = local.toString().replace(/^postgres:/, 'postgresql:');
    const r = cli(['report', '--db', url]);
    expectOneLine(r, /^winnow: postgresql:\/\/.*sslmode=require: cannot connect \(The server does not support SSL connections\)\n$/);
  });

  it('a password in the URL, or in ?password=, never reaches the message', () => {
    const r = cli(['report', '--db', 'postgres://postgres:hunter2@127.0.0.1:1/test']);
    expectOneLine(r, /^winnow: postgres:\/\/postgres:\*\*\*\*@127\.0\.0\.1:1\/test: cannot connect \(ECONNREFUSED\)\n$/);
    const q = cli(['report', '--db', 'postgres://postgres@127.0.0.1:1/test?password=hunter2']);
    expectOneLine(q, /^winnow: postgres:\/\/postgres@127\.0\.0\.1:1\/test\?password=\*{4}: cannot connect \(ECONNREFUSED\)\n$/);
    expect(r.err + q.err).not.toContain('hunter2');
  });
});

describe('report and export read a SQLite store they may not write', () => {
  let source = '';
  beforeAll(async () => {
    source = join(dir, 'source.db');
    const s = await openStore(source);
    for (const i of [1, 2]) await saveResult(s, { url: `https://news.example/${i}` }, sampleResult({ url: `https://news.example/${i}` }));
    await s.close();
  });

  /** A copy of the store in a folder of its own, with the given modes; its bytes, mtime and neighbours before. */
  function place(name: string, fileMode: number, dirMode: number) {
    const folder = join(dir, name);
    mkdirSync(folder);
    const db = join(folder, 'w.db');
    copyFileSync(source, db);
    chmodSync(db, fileMode);
    chmodSync(folder, dirMode);
    const digest = () => createHash('sha256').update(readFileSync(db)).digest('hex');
    const before = { digest: digest(), mtimeMs: statSync(db).mtimeMs, files: readdirSync(folder) };
    return {
      db,
      folder,
      unchanged() {
        expect(readdirSync(folder)).toEqual(before.files);
        expect(statSync(db).mtimeMs).toBe(before.mtimeMs);
        expect(digest()).toBe(before.digest);
      },
    };
  }

  function readsAll(db: string, o: { readOnlyUser: boolean }) {
    const rep = cli(['report', '--db', db, '--format', 'json'], o);
    expect(rep.code, rep.err).toBe(0);
    expect(JSON.parse(rep.out).totals.pages).toBe(2);
    const exp = cli(['export', '--db', db, '--table', 'pages', '--format', 'ndjson'], o);
    expect(exp.code, exp.err).toBe(0);
    expect(exp.out.trim().split('\n')).toHaveLength(2);
  }

  it.runIf(!asRoot || hasSetpriv)('a 0444 store in a read-only folder: really read-only here, and read in full', () => {
    const s = place('ro-dir', 0o444, 0o555);
    // the setup is real: a command that writes the store is refused
    const page = join(dir, 'page.html');
    writeFileSync(page, '<html><head><title>Bus lanes</title></head><body><article><h1>Bus lanes</h1><p>The council approved new bus lanes on Main Street on Tuesday after a long debate.</p></article></body></html>');
    const scan = cli(['scan', page, '--db', s.db], { readOnlyUser: true });
    expect(scan.code).toBe(2);
    expect(scan.err).toMatch(/cannot be written/);
    readsAll(s.db, { readOnlyUser: true });
    s.unchanged();
  });

  it.runIf(!asRoot || hasSetpriv)('a 0444 store in a writable folder: read, and no -wal or -shm left beside it', () => {
    const s = place('ro-file', 0o444, 0o755);
    readsAll(s.db, { readOnlyUser: true });
    s.unchanged();
    expect(existsSync(`${s.db}-wal`) || existsSync(`${s.db}-shm`)).toBe(false);
  });

  it('a writable store is read without a write: same bytes, same mtime, no files left beside it', () => {
    const s = place('rw', 0o644, 0o755);
    readsAll(s.db, { readOnlyUser: false });
    s.unchanged();
  });
});
