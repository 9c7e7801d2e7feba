// The built CLI (node bin/winnow.js, workers from dist/): a batch killed with SIGKILL mid-way, then run again:
// every page ends up stored exactly once; then report and export on that store, and a text file as --db.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startServer, type FixtureServer, type Route } from '../helpers/http-server.js';
import { openSqliteStore } from '../../src/store/index.js';
import { REPO_ROOT, realPages } from './data.js';
import { parseCsv, ReportData, FINDING_COLUMNS } from '../../src/report/index.js';

const N = 24;
/** Server-side delay per page so the run lasts long enough to be killed in the middle. */
const PAGE_DELAY_MS = 120;
const KILL_AFTER_LINES = 4;

let dir: string;
let server: FixtureServer;
const pages = realPages(N);

function built(): boolean {
  const dist = join(REPO_ROOT, 'dist', 'batch', 'index.js');
  const worker = join(REPO_ROOT, 'dist', 'batch', 'worker.js');
  if (!existsSync(dist) || !existsSync(worker) || !existsSync(join(REPO_ROOT, 'dist', 'cli', 'main.js'))) return false;
  return statSync(dist).mtimeMs >= statSync(join(REPO_ROOT, 'src', 'batch', 'index.ts')).mtimeMs;
}

beforeAll(async () => {
  if (!built()) {
    // tsc emits even when some other file has a type error; the check below is what matters
    spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO_ROOT, stdio: 'ignore' });
  }
  if (!built()) throw new Error('could not build dist/ (npm run build)');
  dir = mkdtempSync(join(tmpdir(), 'winnow-resume-'));
  const routes: Record<string, Route> = {};
  pages.forEach((p, i) => {
    routes[`/p/${i}`] = async (_req, res) => {
      await new Promise((r) => setTimeout(r, PAGE_DELAY_MS));
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': p.body.length }).end(p.body);
    };
  });
  routes['/gone'] = (_req, res) => void res.writeHead(404, { 'content-type': 'text/html' }).end('<p>gone</p>');
  server = await startServer(routes);
}, 180_000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function winnow(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'winnow.js'), ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function scan(args: string[], killAfter?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: string[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'winnow.js'), 'scan', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buf = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      buf += c.toString();
      const parts = buf.split('\n');
      buf = parts.pop()!;
      lines.push(...parts.filter(Boolean));
      if (killAfter !== undefined && lines.length >= killAfter) child.kill('SIGKILL');
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, lines, stderr }));
  });
}

describe('winnow scan --from (built CLI) killed with SIGKILL and resumed', () => {
  it('stores every page exactly once', async () => {
    const list = join(dir, 'urls.txt');
    writeFileSync(list, pages.map((_, i) => server.url(`/p/${i}`)).join('\n') + '\n');
    const db = join(dir, 'resume.db');
    const args = ['--from', list, '--db', db, '--allow-private', '--delay', '0', '--concurrency', '2'];

    const first = await scan(args, KILL_AFTER_LINES);
    expect(first.signal).toBe('SIGKILL');
    let store = await openSqliteStore(db);
    const afterKill = store.db.prepare('SELECT count(*) FROM scans').pluck().get() as number;
    await store.close();
    expect(afterKill).toBeGreaterThanOrEqual(KILL_AFTER_LINES);
    expect(afterKill).toBeLessThan(N);

    const second = await scan(args);
    expect(second.code, second.stderr).toBe(0);
    expect(second.lines.length).toBe(N - afterKill);
    expect(second.stderr).toMatch(new RegExp(`scanned ${N - afterKill} pages`));

    store = await openSqliteStore(db);
    const perUrl = store.db
      .prepare('SELECT p.url, count(s.id) AS n FROM pages p LEFT JOIN scans s ON s.page_id = p.id GROUP BY p.id')
      .all() as Array<{ url: string; n: number }>;
    await store.close();
    expect(perUrl).toHaveLength(N);
    expect(perUrl.filter((r) => r.n !== 1)).toEqual([]);
    expect(new Set(perUrl.map((r) => r.url))).toEqual(new Set(pages.map((_, i) => server.url(`/p/${i}`))));
  }, 180_000);
});

describe('winnow scan batch output (built CLI)', () => {
  const urls = () => [server.url('/p/0'), server.url('/gone'), server.url('/p/1')];
  const base = () => ['--db', join(dir, 'out.db'), '--allow-private', '--delay', '0', '--rescan'];

  it('without --json: one line per page on stdout and a summary on stderr; the failed input is named', async () => {
    const list = join(dir, 'three.txt');
    writeFileSync(list, urls().join('\n'));
    const r = await scan(['--from', list, ...base()]);
    expect(r.code).toBe(2);
    expect(r.lines).toHaveLength(2);
    for (const l of r.lines) expect(l).toMatch(/^(clean|contaminated)\s+\d\.\d\d\s+\d+ findings\s+http:\/\/127\.0\.0\.1:\d+\/p\/[01]$/);
    expect(r.stderr).toContain(`winnow: ${server.url('/gone')}: `);
    expect(r.stderr).toMatch(/scanned 2 pages .* failed 1/);
  });

  it('--json: NDJSON with --fields, and {input, error} for the failed input; --quiet drops the summary', async () => {
    const list = join(dir, 'three.txt');
    writeFileSync(list, urls().join('\n'));
    const r = await scan(['--from', list, ...base(), '--json', '--fields', 'url,verdict,score', '--quiet']);
    expect(r.code).toBe(2);
    const recs = r.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(recs).toHaveLength(3);
    const err = recs.find((x) => 'error' in x)!;
    expect(err.input).toBe(server.url('/gone'));
    expect(String(err.error)).toMatch(/404/);
    for (const x of recs.filter((y) => !('error' in y))) expect(Object.keys(x)).toEqual(['url', 'verdict', 'score']);
    expect(r.stderr).not.toMatch(/scanned/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--out DIR: one JSON file per page, errors in errors.ndjson; already-scanned pages are skipped without --rescan', async () => {
    const list = join(dir, 'three.txt');
    writeFileSync(list, urls().join('\n'));
    const out = join(dir, 'pages-out');
    const r = await scan(['--from', list, '--db', join(dir, 'out2.db'), '--allow-private', '--delay', '0', '--out', out]);
    expect(r.code).toBe(2);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['127.0.0.1_p_0.json', '127.0.0.1_p_1.json', 'errors.ndjson']);
    expect(JSON.parse(readFileSync(join(out, '127.0.0.1_p_0.json'), 'utf8')).url).toBe(server.url('/p/0'));
    expect(JSON.parse(readFileSync(join(out, 'errors.ndjson'), 'utf8')).input).toBe(server.url('/gone'));
    const again = await scan(['--from', list, '--db', join(dir, 'out2.db'), '--allow-private', '--delay', '0']);
    expect(again.lines).toHaveLength(0);
    expect(again.stderr).toMatch(/scanned 0 pages/);
    const re = await scan(['--from', list, '--db', join(dir, 'out2.db'), '--allow-private', '--delay', '0', '--rescan']);
    expect(re.lines).toHaveLength(2);
  });
});

describe('winnow scan of plain files with --db (built CLI)', () => {
  it('stores them as a batch does, each once, and refuses stdin and --cloaking with a line naming them', async () => {
    const files = [0, 1].map((i) => {
      const f = join(dir, `plain-${i}.html`);
      writeFileSync(f, pages[i].body);
      return f;
    });
    const db = join(dir, 'plain.db');
    const r = await scan([...files, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(2);
    expect(r.stderr).toMatch(/scanned 2 pages/);
    const store = await openSqliteStore(db);
    const urls = store.db.prepare('SELECT url FROM pages ORDER BY url').pluck().all();
    await store.close();
    expect(urls).toEqual(files.map((f) => `file:${f}`).sort());
    // run again: both already stored, nothing scanned twice
    const again = await scan([...files, '--db', db]);
    expect(again.stderr).toMatch(/scanned 0 pages .* already done 2/);
    const stdin = winnow(['scan', '-', '--db', db]);
    expect(stdin.code).toBe(2);
    expect(stdin.stderr.trim()).toBe('winnow: scan: standard input (-) cannot go into a store; save it to a file first, or leave out --db');
    // nor is the cloaking check, which fetches each URL three times, run in a batch and left unsaid
    const cloak = winnow(['scan', files[0], '--db', db, '--cloaking']);
    expect([cloak.code, cloak.stderr.trim()]).toEqual([2, 'winnow: scan: --cloaking checks single URLs and does not run in a batch (--db, --rescan or --keep-html); leave one out']);
  });
});

describe('winnow report / export (built CLI)', () => {
  it('render the store written by the batch above', () => {
    const db = join(dir, 'resume.db');
    const md = winnow(['report', '--db', db]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain(`${N} pages`);
    expect(md.stdout).toContain('| 127.0.0.1 | 24 |');
    const json = winnow(['report', '--db', db, '--format', 'json']);
    expect(ReportData.parse(JSON.parse(json.stdout)).totals.pages).toBe(N);
    const out = join(dir, 'report.html');
    expect(winnow(['report', '--db', db, '--format', 'html', '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<svg');
    const csv = winnow(['export', '--db', db, '--format', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    const rows = parseCsv(csv.stdout);
    expect(rows[0]).toEqual(FINDING_COLUMNS.map((c) => c.name));
    expect(rows.slice(1).every((r) => r.length === FINDING_COLUMNS.length)).toBe(true);
  });

  it('one-line errors: a text file as --db (left untouched), a missing store, a bad format', () => {
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'not a database\n');
    for (const args of [['report', '--db', notes], ['scan', '--from', notes, '--db', notes], ['export', '--db', join(dir, 'none.db')], ['report', '--db', join(dir, 'resume.db'), '--format', 'pdf']]) {
      const r = winnow(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^winnow: /);
    }
    expect(readFileSync(notes, 'utf8')).toBe('not a database\n');
    expect(existsSync(join(dir, 'none.db'))).toBe(false);
    // a bad choice names the option it was given to
    const table = winnow(['export', '--db', join(dir, 'resume.db'), '--table', 'nope']);
    expect([table.code, table.stderr.trim()]).toEqual([2, 'winnow: export: --table must be one of pages, findings, links, unanalysed, all (got nope)']);
  });
});
