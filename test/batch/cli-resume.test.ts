// The built CLI (`node bin/winnow.js scan --from ...`, workers from dist/) killed with SIGKILL mid-way, then run
// again: every page ends up stored exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startServer, type FixtureServer, type Route } from '../helpers/http-server.js';
import { openStore } from '../../src/store/index.js';
import { REPO_ROOT, realPages } from './data.js';

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
    let store = openStore(db);
    const afterKill = store.db.prepare('SELECT count(*) FROM scans').pluck().get() as number;
    store.close();
    expect(afterKill).toBeGreaterThanOrEqual(KILL_AFTER_LINES);
    expect(afterKill).toBeLessThan(N);

    const second = await scan(args);
    expect(second.code, second.stderr).toBe(0);
    expect(second.lines.length).toBe(N - afterKill);
    expect(second.stderr).toMatch(new RegExp(`scanned ${N - afterKill} pages`));

    store = openStore(db);
    const perUrl = store.db
      .prepare('SELECT p.url, count(s.id) AS n FROM pages p LEFT JOIN scans s ON s.page_id = p.id GROUP BY p.id')
      .all() as Array<{ url: string; n: number }>;
    store.close();
    expect(perUrl).toHaveLength(N);
    expect(perUrl.filter((r) => r.n !== 1)).toEqual([]);
    expect(new Set(perUrl.map((r) => r.url))).toEqual(new Set(pages.map((_, i) => server.url(`/p/${i}`))));
  }, 180_000);
});
