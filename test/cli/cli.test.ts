// The CLI as a user runs it: the compiled bin (npm test builds dist/ first), real exit codes and messages.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyze.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/winnow.js');
const DATA = join(ROOT, '../shared/data');

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'winnow-cli-'));
});

describe('winnow CLI: bad input is one line and exit 2, never a stack trace', () => {
  const cases: [string, () => string][] = [
    ['empty file', () => (writeFileSync(join(dir, 'empty.html'), ''), join(dir, 'empty.html'))],
    ['binary file', () => (writeFileSync(join(dir, 'x.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 2, 0, 0, 0])), join(dir, 'x.png'))],
    ['plain text, not HTML', () => (writeFileSync(join(dir, 'notes.txt'), 'just some words\nand more words\n'), join(dir, 'notes.txt'))],
    ['missing file', () => join(dir, 'nope.html')],
    ['a directory', () => dir],
    ['unsupported scheme', () => 'ftp://example.com/x.html'],
  ];
  for (const [name, make] of cases) {
    it(name, () => {
      const r = run(['scan', make()]);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^winnow: /);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(r.out).toBe('');
    });
  }
  it('a refused private URL exits non-zero with one line', () => {
    const r = run(['scan', 'http://127.0.0.1:9/']);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
  it('unknown command or option exits 2', () => {
    expect(run(['frobnicate']).code).toBe(2);
    expect(run(['scan', '--no-such-flag', 'x']).code).toBe(2);
  });
});

describe('winnow CLI: real pages', () => {
  it('scans a real gzip page from the shared data with --json, one object per input', () => {
    const page = join(DATA, 'gne-chinese-news/html/people/1.html.gz');
    const raw = readFileSync(page);
    const plain = join(dir, 'people1.html');
    writeFileSync(plain, gunzipSync(raw));
    const r = run(['scan', '--json', plain, '-'], readFileSync(plain));
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(2);
    // the CLI gives what the library gives for the same bytes, from a file and from stdin alike
    const lib = analyze(readFileSync(plain), { input: plain });
    expect(lib.verdict).toBe('clean'); // a real People's Daily story: nothing injected
    for (const l of lines) {
      const o = JSON.parse(l);
      expect(o.verdict).toBe(lib.verdict);
      expect(o.score).toBe(lib.score);
      expect(o.findings).toEqual(lib.findings);
      expect(o.cleanText).toBe(lib.cleanText);
      expect(o.cleanText.length).toBeGreaterThan(200);
    }
  });
  it('a UTF-16 page with a BOM is a page, not binary', () => {
    const html = '<html><head><title>Bus lanes approved</title></head><body><p>The council approved new bus lanes on Main Street on Tuesday.</p></body></html>';
    writeFileSync(join(dir, 'u16.html'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html, 'utf16le')]));
    const r = run(['scan', '--json', join(dir, 'u16.html')]);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.encoding).toBe('utf-16le');
    expect(o.cleanText).toContain('The council approved new bus lanes');
  });
  it('deeply nested and unclosed markup still works', () => {
    const deep = '<html><body>' + '<div>'.repeat(60_000) + '<p>Deep article paragraph that is still found.</p>' + '</div>'.repeat(10) + '<p>unclosed <b>bold <i>italic';
    writeFileSync(join(dir, 'deep.html'), deep);
    const r = run(['scan', '--json', join(dir, 'deep.html')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).text).toContain('Deep article paragraph that is still found.');
  });
  it('clean of a page over its size budget is a failed input, not an empty article', () => {
    const big = join(dir, 'big.html');
    writeFileSync(big, '<html><body><p>' + 'word '.repeat(2_200_000) + '</p></body></html>');
    const small = join(dir, 'small.html');
    writeFileSync(small, '<html><head><title>Bus lines change</title></head><body><p>The city changes three bus lines on Monday.</p></body></html>');
    const c = run(['clean', big, small]);
    expect(c.code).toBe(2);
    expect(c.err.trim().split('\n')).toEqual([expect.stringMatching(/^winnow: .*big\.html: not analysed: page of \d+ bytes is over the \d+-byte limit$/)]);
    expect(c.out).toContain('The city changes three bus lines on Monday.');
    const j = run(['clean', '--format', 'json', big]);
    expect(JSON.parse(j.out)).toMatchObject({ error: expect.stringMatching(/not analysed/) });
  });
  it('clean prints the article; readable report has no colour when not a TTY', () => {
    const f = join(dir, 'people1.html');
    const c = run(['clean', f]);
    expect(c.code).toBe(0);
    expect(c.out.split('\n\n').length).toBeGreaterThan(2);
    const s = run(['scan', f]);
    expect(s.code).toBe(0);
    expect(s.out).not.toMatch(/\x1b\[/);
    expect(s.out).toMatch(/clean|CONTAMINATED/);
  });
});
