// The queue against the real services: Redis (BullMQ) and PostgreSQL, each test in its own Redis key prefix and
// PostgreSQL schema, removed afterwards. Worker processes are the built CLI (bin/winnow.js), killed for real.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { enqueue, MAX_BAD_LINES } from '../../src/queue/enqueue.js';
import { openJobContext, processJob, startWorker } from '../../src/queue/worker.js';
import { runStatus } from '../../src/queue/status.js';
import { QUEUE_NAME } from '../../src/queue/config.js';
import { JobData } from '../../src/queue/jobs.js';
import { openStore, type Store } from '../../src/store/index.js';
import { startServer, type FixtureServer } from '../helpers/http-server.js';
import { REPO_ROOT } from '../batch/data.js';
import { pgStoreUrl, uniqueName, REDIS_URL } from '../store/services.js';
import { writeRealWarc } from './fixtures.js';

const PAGES = 40;
/** Short locks so a killed worker's job comes back within seconds (production default: 30 s). */
const LOCK_MS = 1500;

let dir: string;
let warc: string;
const cleanups: Array<() => Promise<void>> = [];
const children = new Set<ChildProcess>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'winnow-queue-'));
  warc = join(dir, 'crawl.warc.gz');
  writeRealWarc(warc, PAGES);
});
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

/** A queue URL with a key prefix of its own, and a PostgreSQL store in a schema of its own; both removed after. */
function services(): { queue: string; prefix: string; db: string } {
  const prefix = uniqueName('wq');
  const pg = pgStoreUrl();
  cleanups.push(pg.drop, async () => {
    const r = new Redis(REDIS_URL);
    try {
      for await (const keys of r.scanStream({ match: `${prefix}:*`, count: 500 })) if ((keys as string[]).length) await r.del(...(keys as string[]));
    } finally {
      r.disconnect();
    }
  });
  return { queue: `${REDIS_URL}?prefix=${prefix}`, prefix, db: pg.url };
}

function worker(args: string[]): ChildProcess {
  const c = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'winnow.js'), 'worker', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(c);
  c.once('exit', () => children.delete(c));
  return c;
}

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((res) => {
    const c = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'winnow.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d) => (stdout += d));
    c.stderr.on('data', (d) => (stderr += d));
    c.once('exit', (code) => res({ code, stdout, stderr }));
  });
}

async function until<T>(what: string, f: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 90_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function withStore<T>(db: string, f: (s: Store) => Promise<T>): Promise<T> {
  const s = await openStore(db, { readOnly: true });
  try {
    return await f(s);
  } finally {
    await s.close();
  }
}

const perPage = (s: Store, run: string) =>
  s.all<{ url: string; n: number }>('SELECT p.url AS url, count(*) AS n FROM scans s JOIN pages p ON p.id = s.page_id WHERE s.run = ? GROUP BY p.url', [run]);

describe('winnow enqueue', () => {
  it('splits a WARC and a URL list into jobs of references; enqueuing twice adds nothing', async () => {
    const { queue, prefix } = services();
    const urls = join(dir, 'urls.txt');
    writeFileSync(urls, `# a list\n${Array.from({ length: 250 }, (_, i) => `https://news.example/${i}`).join('\n')}\n\n`);
    const first = await enqueue({ inputs: [warc, urls], run: 'r1', queue, recordsPerJob: 6 });
    // 42 response records (40 pages, a 404, an image) in jobs of 6; 250 URLs in jobs of 100
    expect(first).toEqual({ run: 'r1', jobs: 7 + 3, added: 10, pages: 42 + 250, badLineCount: 0, badLines: [] });
    const again = await enqueue({ inputs: [warc, urls], run: 'r1', queue, recordsPerJob: 6 });
    expect(again).toMatchObject({ jobs: 10, added: 0 });
    const q = new Queue(QUEUE_NAME, { connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }), prefix });
    try {
      expect(await q.getJobCountByTypes('wait', 'active', 'delayed', 'prioritized')).toBe(10);
      const jobs = await q.getJobs(['wait']);
      const data = jobs.map((j) => JobData.parse(j.data));
      // references only: no page bytes travel through Redis
      const warcJobs = data.filter((d) => d.kind === 'warc');
      expect(warcJobs.flatMap((d) => (d.kind === 'warc' ? d.records : []))).toHaveLength(42);
      expect(JSON.stringify(jobs.map((j) => j.data)).length).toBeLessThan(20_000);
      expect(data.filter((d) => d.kind === 'urls').map((d) => (d.kind === 'urls' ? d.urls.length : 0)).sort()).toEqual([100, 100, 50]);
    } finally {
      await q.close();
    }
    // the same input under another run is another set of jobs
    expect(await enqueue({ inputs: [warc], run: 'r2', queue, recordsPerJob: 6 })).toMatchObject({ jobs: 7, added: 7 });
    const bad = await cli(['enqueue', join(dir, 'nope.warc.gz'), '--run', 'x', '--queue', queue]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a URL list line that is no http(s) URL is named and left out, not queued for a worker to fail on', async () => {
    const { queue } = services();
    const urls = join(dir, 'mixed-urls.txt');
    writeFileSync(urls, ['https://news.example/a', 'not a url', '', 'ftp://files.example/x', 'http://news.example/b'].join('\n'));
    const r = await cli(['enqueue', urls, '--run', 'mixed', '--queue', queue]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ jobs: 1, pages: 2, badLineCount: 2 });
    expect(r.stderr.trim().split('\n')).toEqual([
      `winnow: ${urls}:2: not a valid URL ("not a url")`,
      `winnow: ${urls}:4: not an http(s) URL ("ftp://files.example/x")`,
    ]);
    // an HTML file given by mistake: every line refused, the first MAX_BAD_LINES named, the rest counted
    const page = join(dir, 'page.html');
    writeFileSync(page, Array.from({ length: MAX_BAD_LINES + 5 }, (_, i) => `<p>paragraph ${i}</p>`).join('\n'));
    const h = await cli(['enqueue', page, '--run', 'html', '--queue', queue]);
    expect(h.code).toBe(2);
    expect(JSON.parse(h.stdout)).toMatchObject({ jobs: 0, pages: 0, badLineCount: MAX_BAD_LINES + 5 });
    const lines = h.stderr.trim().split('\n');
    expect(lines).toHaveLength(MAX_BAD_LINES + 1);
    expect(lines[MAX_BAD_LINES]).toBe('winnow: … and 5 more lines that are no http(s) URL');
  });
});

describe('winnow worker', () => {
  it('the same job run twice gives identical rows; a crash after the commit and before the ack stores nothing twice', async () => {
    const { queue, prefix, db } = services();
    await enqueue({ inputs: [warc], run: 'crash', queue, recordsPerJob: 6 });
    // take one job by hand, as a worker would, and store it
    const conn = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const manual = new Worker(QUEUE_NAME, null, { connection: conn, prefix, lockDuration: LOCK_MS, stalledInterval: LOCK_MS });
    const ctx = await openJobContext({ queue, db, concurrency: 1 });
    let firstRows: unknown;
    try {
      const job = (await manual.getNextJob('crashing-worker'))!;
      const data = JobData.parse(job.data);
      const a = await processJob(data, ctx);
      expect(a.stored).toBe(6);
      const dump = () => ctx.store.all(`SELECT p.url, p.final_url, p.content_hash, s.verdict, s.score, s.text, s.scanned_at,
        (SELECT count(*) FROM findings f WHERE f.scan_id = s.id) AS findings FROM scans s JOIN pages p ON p.id = s.page_id ORDER BY p.url`);
      firstRows = await dump();
      const b = await processJob(data, ctx);
      expect(b).toMatchObject({ pages: 6, stored: 0 });
      expect(await dump()).toEqual(firstRows);
      // ... and the worker dies here: committed, never acknowledged (its lock lapses)
    } finally {
      await ctx.close();
      await manual.close(true).catch(() => undefined);
      conn.disconnect();
    }
    const w = worker(['--queue', queue, '--db', db, '--concurrency', '1', '--lock-ms', String(LOCK_MS)]);
    const st = await until('all jobs done', () => runStatus({ run: 'crash', queue, db }), (s) => s.done + s.failed === s.total);
    expect(st).toMatchObject({ total: 7, done: 7, failed: 0, stored: PAGES });
    const rows = await withStore(db, (s) => perPage(s, 'crash'));
    expect(rows).toHaveLength(PAGES);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    w.kill('SIGTERM');
    const code = await new Promise((r) => w.once('exit', r));
    expect(code).toBe(0);
  });

  it('a worker killed with SIGKILL mid-run: another recovers its job, every page stored exactly once, none failed', async () => {
    const { queue, db } = services();
    await enqueue({ inputs: [warc], run: 'kill', queue, recordsPerJob: 3 });
    const args = ['--queue', queue, '--db', db, '--concurrency', '1', '--lock-ms', String(LOCK_MS)];
    const a = worker(args);
    await until('some pages stored', () => runStatus({ run: 'kill', queue, db }).catch(() => null), (s) => (s?.stored ?? 0) >= 6);
    a.kill('SIGKILL');
    await new Promise((r) => a.once('exit', r));
    const before = await runStatus({ run: 'kill', queue, db });
    expect(before.done).toBeLessThan(before.total);
    const b = worker(args);
    const st = await until('all jobs done', () => runStatus({ run: 'kill', queue, db }), (s) => s.done + s.failed === s.total);
    expect(st).toMatchObject({ total: 14, done: 14, failed: 0, stored: PAGES });
    const rows = await withStore(db, (s) => perPage(s, 'kill'));
    expect(rows).toHaveLength(PAGES);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    b.kill('SIGTERM');
    expect(await new Promise((r) => b.once('exit', r))).toBe(0);

    // the CLI contract: status --json is exactly one line; report and export read the PostgreSQL store
    const s = await cli(['status', '--run', 'kill', '--json', '--queue', queue, '--db', db]);
    expect(s.code).toBe(0);
    expect(s.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(JSON.parse(s.stdout)).toEqual({ run: 'kill', total: 14, done: 14, failed: 0, stored: PAGES, failedPages: 0 });
    const rep = await cli(['report', '--db', db, '--format', 'json']);
    expect(rep.code, rep.stderr).toBe(0);
    expect(JSON.parse(rep.stdout).totals.pages).toBe(PAGES);
    const exp = await cli(['export', '--db', db, '--format', 'ndjson']);
    expect(exp.code, exp.stderr).toBe(0);
    const missing = await cli(['status', '--run', 'never', '--json', '--queue', queue, '--db', db]);
    expect(missing.code).toBe(2);
  });

  it('a job that keeps failing is retried with backoff, then kept in the failed set with its reason', async () => {
    const { queue, prefix, db } = services();
    const gone = join(dir, 'gone.warc.gz');
    writeFileSync(gone, readFileSync(warc));
    await enqueue({ inputs: [gone], run: 'fails', queue, recordsPerJob: 20, attempts: 2, backoffMs: 200 });
    rmSync(gone);
    const w = await startWorker({ queue, db, concurrency: 1, lockMs: 5000 });
    try {
      const st = await until('all jobs failed', () => runStatus({ run: 'fails', queue, db }), (s) => s.failed === s.total);
      expect(st).toMatchObject({ total: 3, done: 0, failed: 3, stored: 0 });
    } finally {
      await w.stop();
    }
    const q = new Queue(QUEUE_NAME, { connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }), prefix });
    try {
      const failed = await q.getFailed();
      expect(failed).toHaveLength(3);
      for (const j of failed) {
        expect(j.attemptsMade).toBe(2);
        expect(j.failedReason).toMatch(/ENOENT|gone\.warc\.gz/);
      }
    } finally {
      await q.close();
    }
  });

  it('URL jobs: fetched through src/fetch (private addresses refused unless allowed), one host spaced across workers', async () => {
    const { queue, db } = services();
    const page = (i: number) => `<html><head><title>Council meeting ${i}</title></head><body><article><h1>Council meeting ${i}</h1><p>The council approved new bus lanes on Main Street on Tuesday after a long debate about parking.</p><p>Work starts in spring and lasts six weeks, the city said.</p></article></body></html>`;
    const server = await startServer({
      '/robots.txt': (_req, res) => void res.writeHead(404).end(),
      '*': (req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(Number(req.url!.split('/').pop()))),
    });
    cleanups.push(() => server.close());
    const urls = join(dir, 'local-urls.txt');
    writeFileSync(urls, Array.from({ length: 12 }, (_, i) => server.url(`/a/${i}`)).join('\n'));
    await enqueue({ inputs: [urls], run: 'urls', queue, urlsPerJob: 6 });
    const DELAY = 300;
    // two workers (each its own Fetcher and analyze thread), sharing only Redis
    const w1 = await startWorker({ queue, db, concurrency: 1, allowPrivate: true, hostDelayMs: DELAY });
    const w2 = await startWorker({ queue, db, concurrency: 1, allowPrivate: true, hostDelayMs: DELAY });
    try {
      const st = await until('all jobs done', () => runStatus({ run: 'urls', queue, db }), (s) => s.done + s.failed === s.total);
      expect(st).toMatchObject({ total: 2, done: 2, failed: 0, stored: 12 });
    } finally {
      await Promise.all([w1.stop(), w2.stop()]);
    }
    const times = server.requests.filter((r) => r.path.startsWith('/a/')).map((r) => r.at).sort((a, b) => a - b);
    expect(times).toHaveLength(12);
    // one Redis slot per DELAY for the host: 12 requests span at least ~11 delays (without it, each worker's own
    // Fetcher would space only its own requests and the two together would take about half as long). Single
    // gaps vary by each request's own latency after its slot (a worker's first request waits for robots.txt).
    expect(times[11] - times[0]).toBeGreaterThanOrEqual(11 * DELAY * 0.8);

    // without --allow-private the SSRF guard refuses 127.0.0.1: nothing is fetched or stored, the job itself succeeds
    const other = services();
    await enqueue({ inputs: [urls], run: 'ssrf', queue: other.queue, urlsPerJob: 6 });
    const before = server.requests.length;
    const w3 = await startWorker({ queue: other.queue, db: other.db, concurrency: 1, hostDelayMs: 0 });
    try {
      const st = await until('all jobs done', () => runStatus({ run: 'ssrf', queue: other.queue, db: other.db }), (s) => s.done + s.failed === s.total);
      expect(st).toMatchObject({ total: 2, done: 2, failed: 0, stored: 0 });
    } finally {
      await w3.stop();
    }
    expect(server.requests.length).toBe(before);
  });

  it('reads a remote WARC over HTTP range requests (local 127.0.0.1 server)', async () => {
    const { queue, db } = services();
    const bytes = readFileSync(warc);
    const ranges: string[] = [];
    let server: FixtureServer | undefined;
    server = await startServer({
      '/c/crawl.warc.gz': (req, res) => {
        const m = /^bytes=(\d+)-(\d+)$/.exec(String(req.headers.range ?? ''));
        if (!m) {
          res.writeHead(200, { 'content-type': 'application/warc', 'content-length': bytes.length }).end(bytes);
          return;
        }
        ranges.push(m[0]);
        const [s, e] = [Number(m[1]), Number(m[2])];
        res.writeHead(206, { 'content-range': `bytes ${s}-${e}/${bytes.length}`, 'content-length': e - s + 1 }).end(bytes.subarray(s, e + 1));
      },
    });
    cleanups.push(() => server!.close());
    const sum = await enqueue({ inputs: [server.url('/c/crawl.warc.gz')], run: 'remote', queue, recordsPerJob: 10 });
    expect(sum).toMatchObject({ jobs: 5, added: 5 });
    const w = await startWorker({ queue, db, concurrency: 1, lockMs: 5000 });
    try {
      const st = await until('all jobs done', () => runStatus({ run: 'remote', queue, db }), (s) => s.done + s.failed === s.total);
      expect(st).toMatchObject({ total: 5, done: 5, failed: 0, stored: PAGES });
    } finally {
      await w.stop();
    }
    // one range request per job, none for the whole file
    expect(ranges).toHaveLength(5);
    const keys = await withStore(db, (s) => s.all<{ url: string; final_url: string }>('SELECT url, final_url FROM pages ORDER BY id'));
    expect(keys.every((k) => /^warc:crawl\.warc\.gz@\d+$/.test(k.url) && k.final_url.startsWith('https://'))).toBe(true);
  });
});
