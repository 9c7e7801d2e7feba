// Files that are no pages, and outputs that cannot be written, through the built CLI: a device, a FIFO, a link loop
// or a gzip bomb is refused by name before it is read (never a hang or GBs of memory), an output never replaces an
// input, a full or unwritable output is one line per input and the run goes on, exit 2.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_INPUT_BYTES } from '../../src/cli/input.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/winnow.js');
const SEED = join(ROOT, 'corpus/fixtures/seed.html');

function run(args: string[], opts: { cwd?: string; stdout?: number } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    cwd: opts.cwd,
    env: { ...process.env, NO_COLOR: '1' },
    ...(opts.stdout !== undefined ? { stdio: ['ignore', opts.stdout, 'pipe'] } : {}),
  });
  return { code: r.status, signal: r.signal, out: r.stdout ?? '', err: r.stderr ?? '' };
}
const lines = (s: string) => s.split('\n').filter(Boolean);

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'winnow-bad-files-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('inputs that are no regular file', () => {
  it('a device, a FIFO and a link loop are each named and refused; the page among them is scanned; exit 2', () => {
    const fifo = join(dir, 'pipe.html');
    execFileSync('mkfifo', [fifo]);
    const loop = join(dir, 'loop-a.html');
    symlinkSync(join(dir, 'loop-b.html'), loop);
    symlinkSync(loop, join(dir, 'loop-b.html'));
    const r = run(['scan', '--json', '/dev/zero', fifo, loop, SEED]);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual([
      'winnow: /dev/zero: not a regular file (a device, FIFO or socket)',
      `winnow: ${fifo}: not a regular file (a device, FIFO or socket)`,
      `winnow: ${loop}: a loop of symbolic links`,
    ]);
    const recs = lines(r.out).map((l) => JSON.parse(l));
    expect(recs.map((x) => x.input)).toEqual(['/dev/zero', fifo, loop, SEED]);
    expect(recs[3].verdict).toBe('contaminated');
  });

  it('clean refuses /dev/urandom by name instead of reading it forever', () => {
    const r = run(['clean', '/dev/urandom']);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual(['winnow: /dev/urandom: not a regular file (a device, FIFO or socket)']);
  });

  it('a gzip bomb stops at the input cap: one line, exit 2, no page', () => {
    const bomb = join(dir, 'bomb.html.gz');
    // a few dozen KB of gzip that would be more than the cap once decompressed
    writeFileSync(bomb, gzipSync(Buffer.concat([Buffer.from('<html><body><p>'), Buffer.alloc(MAX_INPUT_BYTES + 1024, 0x61)])));
    const r = run(['scan', bomb]);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual([`winnow: ${bomb}: larger than ${MAX_INPUT_BYTES} bytes once decompressed`]);
    expect(r.out).toBe('');
  });
});

describe('outputs', () => {
  it('clean --format html --out . never replaces its own input: the article gets the next free name', () => {
    const work = join(dir, 'own');
    mkdirSync(work);
    copyFileSync(SEED, join(work, 'a.html'));
    const before = readFileSync(join(work, 'a.html'));
    const r = run(['clean', '--format', 'html', '--out', '.', 'a.html'], { cwd: work });
    expect(r.code).toBe(0);
    expect(readFileSync(join(work, 'a.html')).equals(before)).toBe(true);
    expect(lines(r.err)).toEqual(['winnow: a.html -> a-2.html']);
    expect(readFileSync(join(work, 'a-2.html'), 'utf8')).not.toContain('股票配资');
  });

  it('an output file that cannot be written is named, leaves no partial file, and the next input is still written', () => {
    const out = join(dir, 'out-blocked');
    // a folder where the first input's result file would go: the write fails, the second input's does not
    mkdirSync(join(out, 'first.json'), { recursive: true });
    const first = join(dir, 'first.html');
    const second = join(dir, 'second.html');
    copyFileSync(SEED, first);
    copyFileSync(SEED, second);
    const r = run(['scan', '--out', out, first, second]);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual([expect.stringMatching(new RegExp(`^winnow: ${first}: cannot write ${join(out, 'first.json')}: E[A-Z]+$`))]);
    expect(readdirSync(out).sort()).toEqual(['errors.ndjson', 'first.json', 'second.json']);
    expect(JSON.parse(readFileSync(join(out, 'second.json'), 'utf8')).verdict).toBe('contaminated');
    expect(JSON.parse(readFileSync(join(out, 'errors.ndjson'), 'utf8').trim()).input).toBe(first);
  });

  it('an --out folder that cannot be made (/proc refuses it) is one line and exit 2, not a hang', () => {
    const r = run(['scan', '--out', '/proc/winnow-nope', SEED]);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual(['winnow: cannot write /proc/winnow-nope: ENOENT']);
    const db = join(dir, 'out-proc.db');
    expect(run(['scan', '--db', db, '--quiet', SEED]).code).toBe(0);
    const e = run(['export', '--db', db, '--table', 'all', '--out', '/proc/winnow-nope']);
    expect(e.signal).toBeNull();
    expect(e.code).toBe(2);
    expect(lines(e.err)).toEqual(['winnow: cannot write /proc/winnow-nope: ENOENT']);
  });

  it.runIf(existsSync('/dev/full'))('a full standard output is one line and exit 2, never exit 0 over lost output', () => {
    for (const args of [['scan', SEED], ['clean', SEED]]) {
      const full = openSync('/dev/full', 'w');
      const r = run(args, { stdout: full });
      expect(r.code).toBe(2);
      expect(lines(r.err)).toEqual(['winnow: cannot write to standard output (ENOSPC)']);
    }
  });

  it('a --user-agent with a line break is refused once, before any fetch', () => {
    for (const cmd of ['scan', 'clean']) {
      const r = run([cmd, '--user-agent', 'bot\r\nX-Evil: 1', 'http://127.0.0.1:9/']);
      expect(r.code).toBe(2);
      expect(lines(r.err)).toEqual(['winnow: --user-agent must be one line of printable characters']);
    }
  });
});
