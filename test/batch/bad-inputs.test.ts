// `winnow scan --db …` (the batch) as a user runs it, with inputs that are no files to read among good ones: each
// bad one is one line naming it and a failed input in the summary, the good ones are scanned and stored, exit 2.
// Devices, FIFOs and a --from that is no readable file are refused before anything is read (no hang, no GBs).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/index.js';
import { MAX_RECORD_BYTES } from '../../src/batch/warc.js';
import { REPO_ROOT, realPages } from './data.js';
import { warcFile } from '../helpers/warcgen.js';

const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
/** Long enough for a run of a few pages; a run that hangs on a device or FIFO is killed at this and fails. */
const RUN_TIMEOUT_MS = 60_000;

let dir: string;
const [page, page2] = realPages(2);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'winnow-bad-inputs-'));
  // world-writable: the unreadable-file case runs the CLI as another user when the tests run as root
  chmodSync(dir, 0o777);
  writeFileSync(join(dir, 'good.html'), page.body);
  writeFileSync(join(dir, 'good2.html'), page2.body);
  writeFileSync(join(dir, 'crawl.warc'), warcFile([{ url: 'https://news.example.com/a', body: page2.body }]));
  mkdirSync(join(dir, 'adir'));
  execFileSync('mkfifo', [join(dir, 'fifo')]);
  writeFileSync(join(dir, 'urls.txt'), '# none\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function winnow(args: string[], opts: { uid?: number } = {}) {
  const r = spawnSync(process.execPath, ['--import', TSX, join(REPO_ROOT, 'src/cli/main.ts'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: RUN_TIMEOUT_MS,
    env: { ...process.env, DOTENV_CONFIG_QUIET: 'true', NO_COLOR: '1' },
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
  });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr, lines: r.stderr.split('\n').filter(Boolean) };
}

/** The pages stored in a batch's database, by key. */
async function storedKeys(db: string): Promise<string[]> {
  const store = await openSqliteStore(join(dir, db));
  try {
    return (store.db.prepare('SELECT url FROM pages ORDER BY url').all() as Array<{ url: string }>).map((r) => r.url);
  } finally {
    await store.close();
  }
}

const summaryLine = (lines: string[]) => lines.find((l) => l.startsWith('winnow: scanned '));

describe('scan --db: a bad input among good ones', () => {
  it('a missing file and a folder: named, counted as failed, the good files stored, exit 2', async () => {
    const r = winnow(['scan', '--db', 'one.db', '--workers', '0', 'good.html', 'nosuch.html', 'adir', 'good2.html']);
    expect(r.code).toBe(2);
    expect(r.lines).toContain('winnow: nosuch.html: no such file');
    expect(r.lines).toContain('winnow: adir: is a directory');
    expect(summaryLine(r.lines)).toMatch(/^winnow: scanned 2 pages .*failed 2$/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(await storedKeys('one.db')).toEqual([`file:${join(dir, 'good.html')}`, `file:${join(dir, 'good2.html')}`]);
  }, RUN_TIMEOUT_MS);

  it('--json: a failed input is also an {input, error} record', () => {
    const r = winnow(['scan', '--db', 'json.db', '--workers', '0', '--json', 'nosuch.html', 'good.html']);
    expect(r.code).toBe(2);
    const recs = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(recs[0]).toEqual({ input: 'nosuch.html', error: 'no such file' });
    expect(recs[1].input).toBe('good.html');
  }, RUN_TIMEOUT_MS);

  it('only bad inputs: each named, exit 2, and no database created', () => {
    const r = winnow(['scan', '--db', 'none.db', '--workers', '0', 'nosuch.html', 'adir']);
    expect(r.code).toBe(2);
    expect(r.lines.slice(0, 2)).toEqual(['winnow: nosuch.html: no such file', 'winnow: adir: is a directory']);
    expect(summaryLine(r.lines)).toMatch(/failed 2$/);
    expect(existsSync(join(dir, 'none.db'))).toBe(false);
  }, RUN_TIMEOUT_MS);

  it('an unreadable file: named as permission denied, the good file stored', async () => {
    const locked = join(dir, 'locked.html');
    writeFileSync(locked, page.body);
    chmodSync(locked, 0o000);
    // root reads any file whatever its mode: the CLI runs as nobody then, for whom the file is unreadable
    const asRoot = process.getuid?.() === 0;
    const r = winnow(['scan', '--db', 'locked.db', '--workers', '0', 'good.html', 'locked.html'], asRoot ? { uid: 65534 } : {});
    expect(r.lines).toContain('winnow: locked.html: permission denied');
    expect(r.code).toBe(2);
    expect(summaryLine(r.lines)).toMatch(/^winnow: scanned 1 pages .*failed 1$/);
    expect(await storedKeys('locked.db')).toEqual([`file:${join(dir, 'good.html')}`]);
  }, RUN_TIMEOUT_MS);

  it('an HTML file over the page limit (a sparse 3 GB file) is named with the limit; the others go on', async () => {
    const big = join(dir, 'sparse.html');
    writeFileSync(big, '');
    truncateSync(big, 3 * 1024 ** 3);
    const r = winnow(['scan', '--db', 'big.db', '--workers', '0', 'sparse.html', 'good.html']);
    expect(r.code).toBe(2);
    expect(r.lines[0]).toBe(`winnow: sparse.html: larger than ${MAX_RECORD_BYTES} bytes`);
    expect(summaryLine(r.lines)).toMatch(/^winnow: scanned 1 pages .*failed 1$/);
    expect(await storedKeys('big.db')).toEqual([`file:${join(dir, 'good.html')}`]);
    rmSync(big);
  }, RUN_TIMEOUT_MS);

  it('devices, a FIFO with no writer and a .warc link to /dev/zero are refused up front: no hang, the rest stored', async () => {
    symlinkSync('/dev/zero', join(dir, 'zero.warc'));
    const r = winnow(['scan', '--db', 'dev.db', '--workers', '0', '/dev/zero', '/dev/urandom', 'fifo', 'zero.warc', 'good.html', 'crawl.warc']);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.lines.slice(0, 4)).toEqual([
      'winnow: /dev/zero: not a regular file (a device, FIFO or socket)',
      'winnow: /dev/urandom: not a regular file (a device, FIFO or socket)',
      'winnow: fifo: not a regular file (a device, FIFO or socket)',
      'winnow: zero.warc: not a regular file (a device, FIFO or socket)',
    ]);
    expect(summaryLine(r.lines)).toMatch(/^winnow: scanned 2 pages .*failed 4$/);
    const keys = await storedKeys('dev.db');
    expect(keys).toHaveLength(2);
    expect(keys).toContain(`file:${join(dir, 'good.html')}`);
    expect(keys.some((k) => k.startsWith('warc:crawl.warc#'))).toBe(true);
  }, RUN_TIMEOUT_MS);
});

describe('scan --from: the list is the input, a list that is no readable file refuses the run', () => {
  const cases: Array<[string, () => string, string]> = [
    ['/dev/zero', () => '/dev/zero', 'not a regular file (a device, FIFO or socket)'],
    ['a FIFO with no writer', () => 'fifo', 'not a regular file (a device, FIFO or socket)'],
    ['a folder', () => 'adir', 'is a directory'],
    ['a missing file', () => 'nosuch.txt', 'no such file'],
  ];
  for (const [name, path, why] of cases) {
    it(`${name}: one line naming it, exit 2, no database`, () => {
      const r = winnow(['scan', '--db', 'from.db', '--workers', '0', '--from', path(), 'good.html']);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(2);
      expect(r.err).toBe(`winnow: --from ${path()}: ${why}\n`);
      expect(existsSync(join(dir, 'from.db'))).toBe(false);
    }, RUN_TIMEOUT_MS);
  }

  it('an unreadable list: one line, exit 2', () => {
    const locked = join(dir, 'locked-urls.txt');
    writeFileSync(locked, 'https://example.com/\n');
    chmodSync(locked, 0o000);
    const asRoot = process.getuid?.() === 0;
    const r = winnow(['scan', '--db', 'from-locked.db', '--workers', '0', '--from', 'locked-urls.txt'], asRoot ? { uid: 65534 } : {});
    expect(r.code).toBe(2);
    expect(r.err).toBe('winnow: --from locked-urls.txt: permission denied\n');
  }, RUN_TIMEOUT_MS);

  it('a readable list still runs (its files scanned beside it)', async () => {
    const r = winnow(['scan', '--db', 'from-ok.db', '--workers', '0', '--from', 'urls.txt', 'good.html']);
    expect(r.code).toBe(0);
    expect(await storedKeys('from-ok.db')).toEqual([`file:${join(dir, 'good.html')}`]);
  }, RUN_TIMEOUT_MS);
});
