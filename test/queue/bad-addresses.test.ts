// The queue's bad addresses and lost pages, through the compiled CLI against the real Redis: a Redis address
// that accepts TCP and never answers, or a database index the server does not have, is one line naming the URL
// and exit 2 (never a hang, never jobs in database 0); status of a store that does not exist creates nothing;
// a URL job's pages that cannot be fetched are named by the worker and counted by status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { enqueue } from '../../src/queue/enqueue.js';
import { openJobContext, processJob } from '../../src/queue/worker.js';
import { runStatus } from '../../src/queue/status.js';
import { REDIS_CONNECT_TIMEOUT_MS, runKeys } from '../../src/queue/config.js';
import { countRunPages, openStore } from '../../src/store/index.js';
import { startServer, type FixtureServer } from '../helpers/http-server.js';
import { REPO_ROOT } from '../batch/data.js';
import { uniqueName, REDIS_URL } from '../store/services.js';

let dir: string;
const cleanups: Array<() => Promise<void>> = [];
const children = new Set<ChildProcess>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'winnow-queue-bad-'));
});
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

/** Every key under prefix in the Redis of url (default: the tests' Redis), removed. */
async function dropKeys(prefix: string, url = REDIS_URL): Promise<number> {
  const r = new Redis(url);
  let n = 0;
  try {
    for await (const keys of r.scanStream({ match: `${prefix}:*`, count: 500 })) {
      if ((keys as string[]).length) n += await r.del(...(keys as string[]));
    }
  } finally {
    r.disconnect();
  }
  return n;
}

/** A queue URL with a key prefix of its own, removed after the tests. */
function queueUrl(): { queue: string; prefix: string } {
  const prefix = uniqueName('wqbad');
  cleanups.push(async () => void (await dropKeys(prefix)));
  return { queue: `${REDIS_URL}?prefix=${prefix}`, prefix };
}

/** Root writes through permission bits; without CAP_DAC_OVERRIDE (setpriv) a read-only folder holds it too. */
const NO_OVERRIDE = process.getuid?.() === 0 ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search'] : [];

function cli(args: string[], o: { timeoutMs?: number; readOnlyUser?: boolean } = {}): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((res) => {
    const t0 = Date.now();
    const [cmd, ...argv] = [...(o.readOnlyUser ? NO_OVERRIDE : []), process.execPath, join(REPO_ROOT, 'bin', 'winnow.js'), ...args];
    const c = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(c);
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d) => (stdout += d));
    c.stderr.on('data', (d) => (stderr += d));
    const kill = setTimeout(() => c.kill('SIGKILL'), o.timeoutMs ?? 45_000);
    c.once('exit', (code) => {
      clearTimeout(kill);
      children.delete(c);
      res({ code, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

function urlList(name: string, urls: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${urls.join('\n')}\n`);
  return path;
}

describe('a Redis address that accepts TCP and never answers', () => {
  let silent: Server;
  const sockets = new Set<Socket>();
  let url = '';
  beforeAll(async () => {
    silent = createServer((s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    url = `redis://127.0.0.1:${(silent.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => silent.close(r));
  });

  it('status, enqueue and worker each give up after the bounded wait: one line naming the URL, exit 2', async () => {
    const list = urlList('silent.txt', ['https://news.example/a']);
    const db = join(dir, 'silent.db');
    const runs = await Promise.all([
      cli(['status', '--run', 'x', '--queue', url, '--db', db]),
      cli(['enqueue', list, '--run', 'x', '--queue', url]),
      cli(['worker', '--queue', url, '--db', db, '--concurrency', '1']),
    ]);
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toBe(`winnow: cannot connect to Redis at ${url} (no answer within ${REDIS_CONNECT_TIMEOUT_MS} ms)\n`);
      expect(r.ms).toBeGreaterThanOrEqual(REDIS_CONNECT_TIMEOUT_MS - 100);
      expect(r.ms).toBeLessThan(REDIS_CONNECT_TIMEOUT_MS + 15_000);
    }
    // the worker stopped before it opened the store
    expect(existsSync(db)).toBe(false);
  });
});

describe('a Redis database index the server does not have', () => {
  it('is refused by enqueue, status and worker, and nothing is written to database 0', async () => {
    const prefix = uniqueName('wqdb');
    cleanups.push(async () => void (await dropKeys(prefix)));
    const u = new URL(REDIS_URL);
    u.pathname = '/99';
    u.searchParams.set('prefix', prefix);
    const url = u.toString();
    const shown = (() => {
      const d = new URL(url);
      d.searchParams.delete('prefix');
      return d.toString();
    })();
    const list = urlList('db99.txt', ['https://news.example/a', 'https://news.example/b']);
    const db = join(dir, 'db99.db');
    for (const args of [
      ['enqueue', list, '--run', 'db99', '--queue', url],
      ['status', '--run', 'db99', '--queue', url, '--db', db],
      ['worker', '--queue', url, '--db', db, '--concurrency', '1'],
    ]) {
      const r = await cli(args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toBe(`winnow: Redis at ${shown} refused database 99 (ERR DB index is out of range)\n`);
      expect(r.stdout).toBe('');
    }
    expect(await dropKeys(prefix)).toBe(0);
    expect(existsSync(db)).toBe(false);
  });

  it('a path that is no database index is refused before connecting', async () => {
    const r = await cli(['status', '--run', 'x', '--queue', 'redis://127.0.0.1:6379/queue']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('winnow: --queue redis://127.0.0.1:6379/queue: the database must be an index (redis://host:6379/0)\n');
  });
});

describe('status of a run whose store is missing or read-only', () => {
  it('a --db that does not exist is named, exit 2, and not created', async () => {
    const { queue } = queueUrl();
    await enqueue({ inputs: [urlList('nosuch.txt', ['https://news.example/a'])], run: 'a1', queue });
    const folder = join(dir, 'nosuch');
    mkdirSync(folder);
    const r = await cli(['status', '--run', 'a1', '--queue', queue, '--db', join(folder, 'nosuch.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^winnow: no database at ${join(folder, 'nosuch.db').replace(/[/.]/g, '\\$&')}\\b[^\\n]*\\n$`));
    expect(r.stdout).toBe('');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('a store in a read-only folder is read (status opens it read-only)', async () => {
    const { queue } = queueUrl();
    await enqueue({ inputs: [urlList('ro.txt', ['https://news.example/a'])], run: 'ro', queue });
    const folder = join(dir, 'ro-store');
    mkdirSync(folder);
    await (await openStore(join(folder, 'w.db'))).close();
    chmodSync(folder, 0o555);
    try {
      const r = await cli(['status', '--run', 'ro', '--queue', queue, '--db', join(folder, 'w.db'), '--json'], { readOnlyUser: true });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ run: 'ro', total: 1, done: 0, failed: 0, stored: 0, failedPages: 0 });
      expect(readdirSync(folder)).toEqual(['w.db']);
    } finally {
      chmodSync(folder, 0o755);
    }
  });
});

describe('URL jobs whose pages cannot be fetched', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startServer({
      '/robots.txt': (_req, res) => void res.writeHead(404).end(),
      '*': (_req, res) => void res.writeHead(500, { 'content-type': 'text/html' }).end('<html><body>down</body></html>'),
    });
    cleanups.push(() => server.close());
  });

  it('the worker names each failed page on stderr; status counts them and --failed lists them', async () => {
    const { queue } = queueUrl();
    const broken = server.url('/broken');
    const refused = 'http://127.0.0.1:1/a';
    await enqueue({ inputs: [urlList('fail.txt', [refused, broken])], run: 'fails', queue, urlsPerJob: 1 });
    const db = join(dir, 'fails.db');
    const w = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'winnow.js'), 'worker', '--queue', queue, '--db', db, '--concurrency', '1', '--allow-private', '--host-delay', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    children.add(w);
    let stderr = '';
    w.stderr!.on('data', (d) => (stderr += d));
    try {
      const end = Date.now() + 60_000;
      for (;;) {
        const s = await runStatus({ run: 'fails', queue, db }).catch(() => undefined);
        if (s && s.done + s.failed === s.total) break;
        if (Date.now() > end) throw new Error(`worker did not finish: ${stderr}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      w.kill('SIGTERM');
      await new Promise((r) => w.once('exit', r));
      children.delete(w);
    }
    const lines = stderr.split('\n').filter((l) => l.includes('not stored'));
    expect(lines.sort()).toEqual([
      `winnow: ${refused}: not stored (robots.txt unreachable: request failed (ECONNREFUSED))`,
      `winnow: ${broken}: not stored (HTTP 500)`,
    ].sort());

    const text = await cli(['status', '--run', 'fails', '--queue', queue, '--db', db]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^run fails: 2\/2 jobs done \(100\.0%\), 0 failed, 0 pages stored, 2 pages failed, /);
    const json = await cli(['status', '--run', 'fails', '--queue', queue, '--db', db, '--json', '--failed']);
    expect(json.code, json.stderr).toBe(0);
    const [head, ...rest] = json.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(head).toEqual({ run: 'fails', total: 2, done: 2, failed: 0, stored: 0, failedPages: 2 });
    expect(rest.sort((a, b) => (a.page < b.page ? -1 : 1))).toEqual([
      { page: broken, reason: 'HTTP 500' },
      { page: refused, reason: 'robots.txt unreachable: request failed (ECONNREFUSED)' },
    ].sort((a, b) => (a.page < b.page ? -1 : 1)));
  });

  it('a page that fails, then is stored when its job runs again, is no longer counted as failed', async () => {
    const { queue, prefix } = queueUrl();
    const path = `/flaky-${prefix}`;
    const flaky = server.url(path);
    const ctx = await openJobContext({ queue, db: join(dir, 'flaky.db'), concurrency: 1, allowPrivate: true, hostDelayMs: 0 });
    try {
      const data = { run: 'flaky', kind: 'urls' as const, urls: [flaky] };
      const first = await processJob(data, ctx);
      expect(first).toMatchObject({ stored: 0, failedPages: 1, failures: [{ page: flaky, reason: 'HTTP 500' }] });
      const keys = runKeys(prefix, 'flaky');
      expect(await ctx.redis.hgetall(keys.failedPages)).toEqual({ [flaky]: 'HTTP 500' });
      server.route(path, (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><head><title>Bus lanes</title></head><body><article><h1>Bus lanes</h1><p>The council approved new bus lanes on Main Street on Tuesday after a long debate about parking.</p></article></body></html>'));
      const again = await processJob(data, ctx);
      expect(again).toMatchObject({ stored: 1, failedPages: 0 });
      expect(await ctx.redis.hlen(keys.failedPages)).toBe(0);
      expect(await countRunPages(ctx.store, 'flaky')).toBe(1);
    } finally {
      await ctx.close();
    }
  });

  it('a page over its budget is a failed page of the run and recorded in the store as not analysed, never as a scan', async () => {
    const { queue, prefix } = queueUrl();
    const path = `/hostile-${prefix}`;
    const hostile = server.url(path);
    // 50,000 nested list items: a parse that no 100 ms budget holds
    const body = `<html><head><title>x</title></head><body>${'<li><p>'.repeat(50_000)}股票配资</body></html>`;
    server.route(path, (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body));
    const ctx = await openJobContext({ queue, db: join(dir, 'budget.db'), concurrency: 1, allowPrivate: true, hostDelayMs: 0, budgetMs: 100 });
    try {
      const data = { run: 'budget', kind: 'urls' as const, urls: [hostile] };
      const out = await processJob(data, ctx);
      expect(out).toMatchObject({ stored: 0, failedPages: 1 });
      expect(out.failures[0].reason).toMatch(/^not analysed: page over its time budget of 100 ms/);
      expect(await countRunPages(ctx.store, 'budget')).toBe(0);
      const rows = await ctx.store.all<{ url: string; reason: string }>('SELECT url, reason FROM unanalysed');
      expect(rows).toEqual([{ url: hostile, reason: out.failures[0].reason.replace(/^not analysed: /, '') }]);
      // delivered again: still one row
      await processJob(data, ctx);
      expect(await ctx.store.all('SELECT url FROM unanalysed')).toHaveLength(1);
    } finally {
      await ctx.close();
    }
  });
});
