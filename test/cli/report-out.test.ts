// report and export never write over the store they read: an --out that is the --db file (by name, symlink or
// hard link), one of its -wal/-shm/lock files, or standard output redirected onto it is refused before anything
// is opened or written, with one line and exit 2. The compiled CLI, as a user runs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, linkSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, saveResult } from '../../src/store/index.js';
import { sampleResult } from '../store/helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/winnow.js');

let dir = '';
let db = '';

function run(args: string[], opts: { cwd?: string; stdout?: number } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? dir,
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', opts.stdout ?? 'pipe', 'pipe'],
  });
  return { code: r.status, out: r.stdout ?? '', err: r.stderr };
}

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'winnow-report-out-'));
  db = join(dir, 'r.db');
  const s = await openStore(db);
  await saveResult(s, { url: 'https://news.example/a' }, sampleResult({ url: 'https://news.example/a' }));
  await s.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The refusal: one line naming the --out value, exit 2, the store byte for byte as it was, nothing else made. */
function expectRefused(r: ReturnType<typeof run>, message: string, before: string, files: string[]) {
  expect(r.code, r.err).toBe(2);
  expect(r.err).toBe(`winnow: ${message}\n`);
  expect(r.out).toBe('');
  expect(digest(db)).toBe(before);
  expect(readdirSync(dir).sort()).toEqual(files);
}

describe('report/export --out onto the store they read', () => {
  it('report --out r.db and export --out r.db (csv, parquet, relative or absolute) are refused', () => {
    const before = digest(db);
    const files = readdirSync(dir).sort();
    expectRefused(run(['report', '--db', 'r.db', '--out', 'r.db']), '--out r.db is the --db file', before, files);
    expectRefused(run(['report', '--db', db, '--out', './r.db', '--format', 'json']), '--out ./r.db is the --db file', before, files);
    expectRefused(run(['export', '--db', 'r.db', '--out', 'r.db']), '--out r.db is the --db file', before, files);
    expectRefused(run(['export', '--db', 'r.db', '--out', db, '--format', 'parquet']), `--out ${db} is the --db file`, before, files);
    // the same path spelled through a folder and back
    mkdirSync(join(dir, 'sub'));
    expectRefused(run(['export', '--db', 'r.db', '--out', 'sub/../r.db', '--format', 'ndjson']), '--out sub/../r.db is the --db file', before, [...files, 'sub'].sort());
    rmSync(join(dir, 'sub'), { recursive: true });
  });

  it('a symlink or a hard link to the store is the store', () => {
    const before = digest(db);
    symlinkSync(db, join(dir, 'link.db'));
    linkSync(db, join(dir, 'hard.db'));
    const files = readdirSync(dir).sort();
    try {
      expectRefused(run(['report', '--db', 'r.db', '--out', 'link.db']), '--out link.db is the --db file', before, files);
      expectRefused(run(['export', '--db', 'hard.db', '--out', 'r.db']), '--out r.db is the --db file', before, files);
    } finally {
      rmSync(join(dir, 'link.db'));
      rmSync(join(dir, 'hard.db'));
    }
  });

  it("the store's -wal, -shm and lock files are refused, whether they exist or not", () => {
    const before = digest(db);
    const files = readdirSync(dir).sort();
    expectRefused(run(['report', '--db', 'r.db', '--out', 'r.db-wal']), "--out r.db-wal is the --db file's wal file", before, files);
    expectRefused(run(['export', '--db', 'r.db', '--out', 'r.db-shm']), "--out r.db-shm is the --db file's shm file", before, files);
    expectRefused(run(['report', '--db', 'r.db', '--out', 'r.db.lock']), "--out r.db.lock is the --db file's lock file", before, files);
  });

  it('export --table all: a folder that is the store, or that would receive a file over it, is refused', () => {
    const before = digest(db);
    const files = readdirSync(dir).sort();
    expectRefused(run(['export', '--db', 'r.db', '--table', 'all', '--out', 'r.db']), '--out r.db is the --db file', before, files);
    // --out . would write ./findings.csv, ./pages.csv and ./links.csv: a store named findings.csv is one of them
    const shadow = join(dir, 'findings.csv');
    linkSync(db, shadow);
    try {
      const r = run(['export', '--db', 'findings.csv', '--table', 'all', '--out', '.']);
      expectRefused(r, '--out findings.csv is the --db file', before, [...files, 'findings.csv'].sort());
    } finally {
      rmSync(shadow);
    }
  });

  it('standard output redirected onto the store (>> r.db) is refused and the store keeps its bytes', () => {
    const before = digest(db);
    const fd = openSync(db, 'a');
    try {
      const r = run(['report', '--db', 'r.db'], { stdout: fd });
      expect(r.code).toBe(2);
      expect(r.err).toBe('winnow: standard output is the --db file r.db\n');
      const e = run(['export', '--db', 'r.db', '--format', 'ndjson'], { stdout: fd });
      expect(e.code).toBe(2);
    } finally {
      closeSync(fd);
    }
    expect(digest(db)).toBe(before);
  });

  it('an --out beside the store is written as before', () => {
    const r = run(['report', '--db', 'r.db', '--out', 'r.md']);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(/^# /m);
    const e = run(['export', '--db', 'r.db', '--table', 'all', '--out', 'tables']);
    expect(e.code, e.err).toBe(0);
    expect(readdirSync(join(dir, 'tables')).sort()).toEqual(['findings.csv', 'links.csv', 'pages.csv', 'unanalysed.csv']);
    expect(existsSync(join(dir, 'r.db-wal'))).toBe(false);
  });
});
