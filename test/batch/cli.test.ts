// The built CLI (node bin/winnow.js, workers from dist/): a batch killed with SIGKILL mid-way, then run again:
// every page ends up stored exactly once; then report and export on that store, and a text file as --db.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startServer, type FixtureServer, type Route } from '../helpers/http-server.js';
import { openSqliteStore } from '../../src/store/index.js';
import { REPO_ROOT, realPages } from './data.js';
import { parseCsv, ReportData, EXPORT_COLUMNS } from '../../src/report/index.js';

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
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows.slice(1).every((r) => r.length === EXPORT_COLUMNS.length)).toBe(true);
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
  });
});
