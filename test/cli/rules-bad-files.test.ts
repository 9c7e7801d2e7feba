// `winnow rules lint|list|bench` with rule files and bench inputs that are no files to read: one line naming the
// file and why, exit 2; never a raw EISDIR/ELOOP/EACCES, a stack trace, a read of /dev/zero or a gzip bomb inflated.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../src/cli/input.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = join(ROOT, '../shared/data');
/** A command that reads /dev/zero or inflates a bomb runs until this kills it, and fails. */
const RUN_TIMEOUT_MS = 60_000;
const MIB = 1024 * 1024;

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'winnow-rules-bad-'));
  // world-readable: the unreadable-file case runs the CLI as another user when the tests run as root
  chmodSync(tmp, 0o755);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function winnow(args: string[], opts: { uid?: number } = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: RUN_TIMEOUT_MS,
    env: { ...process.env, DOTENV_CONFIG_QUIET: 'true', NO_COLOR: '1' },
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
  });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

const GOOD_RULES = `rules:
  - id: QQ_NUMBER
    description: contact handle offered in a promo line
    category: promo
    score: 2
    kind: regex
    pattern: 'qq\\s*\\d{5,}'
    examples: { positive: ['QQ 123456'], negative: ['hello'] }
`;

/** A rules folder holding a good rule file and `bad` (made by the callback) beside it. */
function rulesDir(name: string, bad: (dir: string) => void): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'a.yaml'), GOOD_RULES);
  bad(dir);
  return dir;
}

describe('rules lint / rules list: a rule file that is no file to read', () => {
  const cases: Array<[string, string, (dir: string) => void, string]> = [
    ['a folder named d.yaml', 'd.yaml', (d) => mkdirSync(join(d, 'd.yaml')), 'is a directory'],
    ['a symbolic link to itself', 'loop.yaml', (d) => symlinkSync('loop.yaml', join(d, 'loop.yaml')), 'a loop of symbolic links'],
    ['a link to /dev/zero', 'zero.yaml', (d) => symlinkSync('/dev/zero', join(d, 'zero.yaml')), 'not a regular file (a device, FIFO or socket)'],
  ];
  for (const [name, file, make, why] of cases) {
    it(`${name}: one line naming the file and why, exit 2`, () => {
      const dir = rulesDir(file.replace('.yaml', ''), make);
      for (const cmd of [['rules', 'lint', dir], ['rules', 'list', dir], ['rules', 'lint', '--no-structural', dir]]) {
        const r = winnow(cmd);
        expect(r.signal).toBeNull();
        expect(r.code).toBe(2);
        expect(r.err).toBe(`winnow: ${join(dir, file)}: ${why}\n`);
      }
    }, RUN_TIMEOUT_MS);
  }

  it('an unreadable rule file: one line naming it, exit 2', () => {
    const dir = rulesDir('locked', (d) => {
      writeFileSync(join(d, 'locked.yaml'), GOOD_RULES.replace('QQ_NUMBER', 'QQ_OTHER'));
      chmodSync(join(d, 'locked.yaml'), 0o000);
    });
    // root reads any file whatever its mode: the CLI runs as nobody then, for whom the file is unreadable
    const asRoot = process.getuid?.() === 0;
    const r = winnow(['rules', 'list', dir], asRoot ? { uid: 65534 } : {});
    expect(r.err).toBe(`winnow: ${join(dir, 'locked.yaml')}: permission denied\n`);
    expect(r.code).toBe(2);
  }, RUN_TIMEOUT_MS);

  it('the same folder with the bad entry gone lints clean', () => {
    const dir = rulesDir('clean', () => undefined);
    const r = winnow(['rules', 'lint', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('1 rules OK\n');
  }, RUN_TIMEOUT_MS);
});

describe('rules bench: inputs', () => {
  it('/dev/zero, a folder and a missing file are refused with their names, exit 2', () => {
    for (const [path, why] of [
      ['/dev/zero', 'not a regular file (a device, FIFO or socket)'],
      [tmp, 'is a directory'],
      [join(tmp, 'nosuch.txt'), 'no such file'],
    ]) {
      const r = winnow(['rules', 'bench', '--rounds', '1', path]);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(2);
      expect(r.err).toBe(`winnow: ${path}: ${why}\n`);
    }
  }, RUN_TIMEOUT_MS);

  it('a .gz that inflates past the input limit stops there: one line, exit 2', () => {
    // 1 GiB of zeros as concatenated gzip members of 1 MiB (about a MB on disk)
    const member = gzipSync(Buffer.alloc(MIB));
    const bomb = join(tmp, 'bomb.txt.gz');
    writeFileSync(bomb, Buffer.concat(Array.from({ length: 1024 }, () => member)));
    const r = winnow(['rules', 'bench', '--rounds', '1', bomb]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`winnow: ${bomb}: larger than ${MAX_INPUT_BYTES} bytes once decompressed\n`);
  }, RUN_TIMEOUT_MS);

  it('a .gz that is no gzip is named', () => {
    const fake = join(tmp, 'fake.txt.gz');
    writeFileSync(fake, 'plain words\n');
    const r = winnow(['rules', 'bench', '--rounds', '1', fake]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^winnow: ${fake.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid gzip \\(\\w+\\)\\n$`));
  }, RUN_TIMEOUT_MS);

  it('a real page, gzipped and plain, still benches', () => {
    const gz = join(DATA, 'gne-chinese-news/html/people/1.html.gz');
    const plain = join(tmp, 'people1.html');
    writeFileSync(plain, gunzipSync(readFileSync(gz)));
    const r = winnow(['rules', 'bench', '--rounds', '1', gz, plain]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^2 files, \d+ lines, [\d.]+ MB, \d+ rules: .* matches\n$/);
  }, RUN_TIMEOUT_MS);
});
