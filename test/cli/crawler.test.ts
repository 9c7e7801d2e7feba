// The CLI as a crawler uses it (built bin, real pages): errors that name their input and are NDJSON records,
// --fields, --out DIR, defaults in --help, clean with several inputs in every format, the grouped readable report.
import { MIN_WORKER_HEAP_MB, WORKER_HEAP_MB } from '../../src/batch/pool.js';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AnalyzeResult } from '../../src/result.js';
import { parseCsv } from '../../src/report/csv.js';
import { DEFAULT_FETCH_CONCURRENCY, DEFAULT_DB } from '../../src/batch/index.js';
import { DEFAULT_PER_HOST_DELAY_MS, DEFAULT_PER_HOST_CONCURRENCY, DEFAULT_USER_AGENT } from '../../src/fetch/options.js';
import { REQUIRED_POINTS } from '../../src/detect/scoring.js';
import { CLEAN_COLUMNS } from '../../src/cli/commands/clean.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/winnow.js');
const DATA = join(ROOT, '../shared/data');
const SEED = join(ROOT, 'corpus/fixtures/seed.html');
const NEG = join(ROOT, 'corpus/fixtures/negatives/zh-illegal-margin-crackdown.html');

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const lines = (s: string) => s.split('\n').filter(Boolean);

let dir = '';
let empty = '';
let people = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'winnow-crawler-'));
  empty = join(dir, 'empty.html');
  writeFileSync(empty, '');
  people = join(dir, 'people1.html');
  writeFileSync(people, gunzipSync(readFileSync(join(DATA, 'gne-chinese-news/html/people/1.html.gz'))));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('errors name their input', () => {
  it('a bad input among good ones: a one-line message with its name, an {input, error} record, the rest scanned, exit 2', () => {
    const r = run(['scan', '--json', empty, SEED, join(dir, 'missing.html')]);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual([`winnow: ${empty}: empty input`, `winnow: ${join(dir, 'missing.html')}: no such file`]);
    const recs = lines(r.out).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(recs).toHaveLength(3);
    expect(recs[0]).toEqual({ input: empty, error: 'empty input' });
    expect(AnalyzeResult.parse(recs[1]).input).toBe(SEED);
    expect(recs[2]).toEqual({ input: join(dir, 'missing.html'), error: 'no such file' });
  });

  it('a single bad input and stdin are named too', () => {
    expect(run(['scan', empty]).err).toBe(`winnow: ${empty}: empty input\n`);
    const s = run(['scan', '--json', '-'], 'just words, no markup');
    expect(s.code).toBe(2);
    expect(s.err).toBe('winnow: stdin: input is not HTML (no markup found)\n');
    expect(JSON.parse(s.out)).toEqual({ input: 'stdin', error: 'input is not HTML (no markup found)' });
  });
});

describe('--fields and --out', () => {
  it('--fields keeps the named fields in that order; an unknown field is a one-line error', () => {
    const r = run(['scan', '--json', '--fields', 'input,verdict,score', SEED, people]);
    expect(r.code).toBe(0);
    const recs = lines(r.out).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(recs.map((o) => Object.keys(o))).toEqual([['input', 'verdict', 'score'], ['input', 'verdict', 'score']]);
    expect(recs[0].verdict).toBe('contaminated');
    const bad = run(['scan', '--json', '--fields', 'verdict,nope', SEED]);
    expect(bad.code).toBe(2);
    expect(lines(bad.err)).toHaveLength(1);
    expect(bad.err).toMatch(/--fields: unknown field nope/);
  });

  it('scan --out DIR writes one JSON file per input, names kept apart; stdout has one line per page', () => {
    const out = join(dir, 'scan-out');
    const r = run(['scan', '--out', out, SEED, people, SEED]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['people1.json', 'seed-2.json', 'seed.json']);
    expect(AnalyzeResult.parse(JSON.parse(readFileSync(join(out, 'seed.json'), 'utf8'))).verdict).toBe('contaminated');
    expect(lines(r.out)).toHaveLength(3);
    expect(lines(r.out)[0]).toMatch(/^contaminated\s+\d\.\d\d\s+\d+ findings/);
  });
});

describe('defaults are visible in --help', () => {
  it('scan --help shows per-host delay, concurrency, workers, db, user agent and threshold defaults', () => {
    const h = run(['scan', '--help']).out.replace(/\s+/g, ' ');
    expect(h).toContain(`(default: ${DEFAULT_PER_HOST_DELAY_MS})`);
    expect(h).toContain(`(default: ${DEFAULT_FETCH_CONCURRENCY}; at most ${DEFAULT_PER_HOST_CONCURRENCY} per host)`);
    expect(h).toContain(`(default: ${DEFAULT_DB})`);
    expect(h).toContain(`(default: "${DEFAULT_USER_AGENT}")`);
    expect(h).toContain(`(default: ${REQUIRED_POINTS})`);
    expect(h).toMatch(/--workers <n> batch: analyze threads \(default: one fewer than the cores, at least 1: \d+ here\)/);
    expect(h).toContain(`--worker-heap <mb> batch: heap limit of each analyze thread, MB (default: ${WORKER_HEAP_MB})`);
    for (const o of ['--rescan', '--user-agent', '--threshold', '--fields', '--out', '--quiet']) expect(h).toContain(o);
    expect(DEFAULT_USER_AGENT).not.toMatch(/https?:|github/);
  });
  it('--threshold, --delay and --worker-heap are checked', () => {
    for (const args of [['scan', '--threshold', '0', SEED], ['scan', '--threshold', 'x', SEED], ['scan', '--delay', '-5', SEED], ['scan', '--worker-heap', String(MIN_WORKER_HEAP_MB - 1), SEED], ['clean', '--format', 'pdf', SEED]]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(lines(r.err), args.join(' ')).toHaveLength(1);
    }
  });
});

describe('clean: several inputs, every format', () => {
  const inputs = () => [SEED, NEG];
  const results = () => lines(run(['scan', '--json', ...inputs()]).out).map((l) => AnalyzeResult.parse(JSON.parse(l)));

  it('txt: both articles, spam gone; md: a heading per article', () => {
    const [seed, neg] = results();
    const txt = run(['clean', ...inputs()]);
    expect(txt.code).toBe(0);
    expect(txt.out).toBe(`${seed.cleanText}\n\n${neg.cleanText}\n`);
    expect(txt.out).not.toContain('启泰网配资网');
    const md = run(['clean', '--format', 'md', ...inputs()]).out;
    expect(md.match(/^# /gm)).toHaveLength(2);
    expect(md).toContain(`# ${seed.cleanTitle}\n\n`);
  });

  it('json: one object per input; csv: a header and one row per input', () => {
    const [seed, neg] = results();
    const js = lines(run(['clean', '--format', 'json', ...inputs(), empty]).out).map((l) => JSON.parse(l));
    expect(js).toHaveLength(3);
    expect(Object.keys(js[0])).toEqual([...CLEAN_COLUMNS]);
    expect(js[0].title).toBe(seed.cleanTitle);
    expect(js[1].text).toBe(neg.cleanText.slice(neg.cleanText.indexOf('\n\n') + 2));
    expect(js[2]).toEqual({ input: empty, error: 'empty input' });
    const csv = parseCsv(run(['clean', '--format', 'csv', ...inputs()]).out);
    expect(csv[0]).toEqual([...CLEAN_COLUMNS]);
    expect(csv).toHaveLength(3);
    expect(csv[1][CLEAN_COLUMNS.indexOf('findings')]).toBe(String(seed.findings.length));
    expect(csv[2][CLEAN_COLUMNS.indexOf('text')]).toContain('\n\n');
  });

  it('--out DIR: one file per input in the chosen format', () => {
    const out = join(dir, 'clean-out');
    for (const f of ['txt', 'md', 'json', 'csv', 'html']) {
      const r = run(['clean', '--format', f, '--out', out, '--quiet', ...inputs()]);
      expect(r.code).toBe(0);
      expect(r.out).toBe('');
    }
    expect(readdirSync(out).sort()).toEqual(
      ['csv', 'html', 'json', 'md', 'txt'].flatMap((e) => [`seed.${e}`, `zh-illegal-margin-crackdown.${e}`]).sort(),
    );
    expect(readFileSync(join(out, 'seed.html'), 'utf8')).toMatch(/<p>/);
  });
});

describe('readable scan report', () => {
  it('identical findings are one entry with every position; a rule is one row per finding', () => {
    const [seed] = lines(run(['scan', '--json', SEED]).out).map((l) => AnalyzeResult.parse(JSON.parse(l)));
    const text = run(['scan', SEED]).out;
    const groups = new Set(seed.findings.map((f) => `${f.kind} ${f.text.replace(/\s+/g, ' ').trim()}`));
    expect(groups.size).toBeLessThan(seed.findings.length);
    expect(text.match(/^ {2}#\d+/gm)).toHaveLength(groups.size);
    expect(text).toContain(`${seed.findings.length} findings, ${groups.size} distinct`);
    const repeated = seed.findings.filter((f) => seed.findings.filter((g) => g.text === f.text && g.kind === f.kind).length > 1);
    const starts = repeated.filter((f) => f.text === repeated[0].text).map((f) => f.start).sort((a, b) => a - b);
    expect(text).toContain(`at character ${starts.join(', ')} of the page text`);
    expect(text).toContain('context:');
    for (const block of text.split(/\n {2}#\d+/).slice(1)) {
      const rules = [...block.matchAll(/^\s+[+-]\s*\d+\.\d ([A-Z0-9_]+)/gm)].map((m) => m[1]);
      expect(new Set(rules).size).toBe(rules.length);
    }
  });
});
