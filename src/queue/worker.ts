// `winnow worker`: a BullMQ Worker that analyses queued jobs and stores their pages. The main thread only reads
// records, talks to Redis and the store; analyze() runs on worker threads (src/batch/pool.ts), so lock renewal
// never waits behind a page. Each job's pages are saved in ONE transaction keyed by (run, page): a job delivered
// again (stalled worker, crash after the commit and before the ack) stores nothing twice.
import { availableParallelism } from 'node:os';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { InputError } from '../errors.js';
import { overBudgetReason, type AnalyzeResult } from '../result.js';
import { AnalyzePool } from '../batch/pool.js';
import { isHtmlRecord } from '../batch/warc.js';
import { openStore, saveResults, saveUnanalysed, type PageMeta, type Store } from '../store/index.js';
import { connectRedis, queueTarget, runKeys, QUEUE_NAME, type QueueTarget } from './config.js';
import { JobData, warcPageKey } from './jobs.js';
import { HostLimiter } from './limiter.js';
import { httpUrlOrNone } from '../util/url.js';
import { readJobRecords, recordPage } from './warc-range.js';

/**
 * How long a job's lock lasts without renewal (BullMQ renews it every half of it while the job runs; analysis is
 * on worker threads, so renewal is never late behind a page). A worker killed mid-job loses its lock after at most
 * this long, and the stalled-job check, every half of it, puts the job back: recovery within ~1.5 × the lock.
 * Measured with a 30 s lock and a 30 s check: 64 s under heavy load (bench/queue.ts).
 */
export const DEFAULT_LOCK_MS = 15_000;
/** A job found stalled more often than this is failed (a page that kills its worker every time). */
export const MAX_STALLED = 3;
/** Pages of one job analysed at the same time: two keep a thread busy while the next page is read or fetched. */
const PAGES_IN_FLIGHT_PER_JOB = 2;
/** Per-host delay between requests across all workers (same default as the Fetcher's in-process delay). */
export const DEFAULT_HOST_DELAY_MS = 1000;

export interface WorkerOptions {
  queue?: string;
  db?: string;
  /** jobs at a time and analyze threads (default: all cores) */
  concurrency?: number;
  lockMs?: number;
  keepHtml?: boolean;
  allowPrivate?: boolean;
  hostDelayMs?: number;
  /** analyze()'s time budget per page, ms (default: analyze()'s DEFAULT_BUDGET_MS) */
  budgetMs?: number;
  log?: (line: string) => void;
}

export interface JobOutcome {
  pages: number;
  /** pages written by this delivery (0 when an earlier delivery had stored them) */
  stored: number;
  skipped: number;
  /** pages that could not be fetched, or that analyze() refused or failed on (bad input, worker crash) */
  failedPages: number;
  /** each failed page: its key (URL, or warc:<file>@<offset>) and why, in one line */
  failures: Array<{ page: string; reason: string }>;
}

/** What processJob needs: the store, the analyze threads, Redis (run sets, host limiter). */
export interface JobContext {
  store: Store;
  pool: AnalyzePool;
  redis: Redis;
  target: QueueTarget;
  limiter: HostLimiter;
  fetcher?: import('../fetch/index.js').Fetcher;
  allowPrivate: boolean;
  hostDelayMs: number;
  /** analyze()'s time budget per page, ms (undefined: its default) */
  budgetMs?: number;
  /** one line per failed page (the worker's stderr) */
  log?: (line: string) => void;
}

/** Failed pages kept per run: enough to find what went wrong in a crawl without letting Redis grow with it. */
export const MAX_FAILED_PAGES_KEPT = 100_000;

/** Why a page failed, in one line: a fetch error's detail (its message repeats the URL), else the message. */
function failureReason(err: unknown): string {
  const e = err as { detail?: unknown; message?: unknown };
  const text = typeof e?.detail === 'string' && e.detail ? e.detail : typeof e?.message === 'string' ? e.message : String(err);
  return text.replace(/\s*[\r\n]+\s*/g, ' ').slice(0, 300);
}

async function eachLimited<T>(items: T[], limit: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  });
  await Promise.all(lanes);
}

/** Trim what is not stored before it is held for the commit (the clean HTML is not kept by the store). */
function forStore(r: AnalyzeResult): AnalyzeResult {
  return { ...r, cleanHtml: '' };
}

/** Analyse and store one job; exported for tests that run a job without a Worker. */
export async function processJob(data: JobData, ctx: JobContext, jobIdForRun?: string): Promise<JobOutcome> {
  const out: JobOutcome = { pages: 0, stored: 0, skipped: 0, failedPages: 0, failures: [] };
  const items: Array<{ meta: PageMeta; result: AnalyzeResult }> = [];
  const fail = (page: string, err: unknown) => {
    const reason = failureReason(err);
    out.failedPages++;
    out.failures.push({ page, reason });
    ctx.log?.(`winnow: ${page}: not stored (${reason})`);
  };
  // each page runs under analyze()'s time budget (budgetMs, default DEFAULT_BUDGET_MS): a hostile page ends over it and is a
  // failed page of the run (named, listed by status --failed), recorded in the store as not analysed, never stored as
  // a scan: stored, it would count as a clean page
  const notAnalysed: Array<{ meta: PageMeta; reason: string; url?: string }> = [];
  const analyse = async (meta: PageMeta, body: Uint8Array, url: string | undefined, contentType: string | undefined, input: string) => {
    try {
      const result = await ctx.pool.run({ body, url, contentType, input, budgetMs: ctx.budgetMs });
      const overBudget = overBudgetReason(result);
      if (overBudget) {
        notAnalysed.push({ meta: { ...meta, body: undefined }, reason: overBudget, url: result.url });
        throw new Error(`not analysed: ${overBudget}`);
      }
      items.push({ meta, result: forStore(result) });
    } catch (err) {
      fail(input, err);
    }
  };
  if (data.kind === 'warc') {
    const records = await readJobRecords(data.source, data.records);
    await eachLimited(records, PAGES_IN_FLIGHT_PER_JOB, async (r) => {
      const got = await recordPage(r.bytes, r.offset);
      if ('skip' in got) {
        out.skipped++;
        return;
      }
      const p = got.page;
      const key = warcPageKey(data.file, r.offset);
      const meta: PageMeta = {
        url: key, finalUrl: p.targetUri || undefined, fetchedAt: p.date, status: p.status, etag: p.etag,
        lastModified: p.lastModified, contentType: p.contentType, source: `${data.file}@${r.offset}`, body: p.body,
      };
      await analyse(meta, p.body, httpUrlOrNone(p.targetUri), p.contentType, key);
    });
  } else {
    if (!ctx.fetcher) {
      const { Fetcher } = await import('../fetch/index.js');
      ctx.fetcher = new Fetcher({ allowPrivate: ctx.allowPrivate, perHostDelayMs: ctx.hostDelayMs });
    }
    const fetcher = ctx.fetcher;
    await eachLimited(data.urls, PAGES_IN_FLIGHT_PER_JOB, async (url) => {
      let host: string;
      try {
        const u = new URL(url);
        if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
        host = u.hostname;
      } catch {
        out.skipped++;
        return;
      }
      await ctx.limiter.acquire(host);
      let res;
      try {
        // every guard of src/fetch applies: SSRF on each hop, robots.txt, size and time limits, retries
        res = await fetcher.fetch(url);
      } catch (err) {
        fail(url, err);
        return;
      }
      if (!isHtmlRecord(res.contentType || undefined, res.body)) {
        out.skipped++;
        return;
      }
      const meta: PageMeta = {
        url, finalUrl: res.finalUrl || url, fetchedAt: res.fetchedAt, status: res.status, etag: res.headers.etag,
        lastModified: res.headers['last-modified'], contentType: res.contentType || undefined, body: res.body,
      };
      await analyse(meta, res.body, res.finalUrl || url, res.contentType || undefined, url);
    });
  }
  // one order whatever order the threads finished in: the same job gives the same rows
  items.sort((a, b) => (a.meta.url < b.meta.url ? -1 : a.meta.url > b.meta.url ? 1 : 0));
  const saved = await saveResults(ctx.store, items, { run: data.run });
  for (const n of notAnalysed) await saveUnanalysed(ctx.store, n.meta, n.reason, n.url);
  out.pages = items.length;
  out.stored = saved.filter((s) => s.created).length;
  // the run's failed pages, after the commit: a page stored by this delivery is no longer failed, a page that failed
  // again keeps its latest reason (a job delivered twice counts each page once)
  const keys = runKeys(ctx.target.prefix, data.run);
  const tx = ctx.redis.multi();
  if (items.length) tx.hdel(keys.failedPages, ...items.map((i) => i.meta.url));
  if (out.failures.length) {
    const kept = await ctx.redis.hlen(keys.failedPages);
    const room = Math.max(0, MAX_FAILED_PAGES_KEPT - kept);
    const named = out.failures.slice(0, room);
    if (named.length) tx.hset(keys.failedPages, Object.fromEntries(named.map((f) => [f.page, f.reason])));
    if (out.failures.length > named.length) tx.hincrby(keys.meta, 'failedPagesNotKept', out.failures.length - named.length);
  }
  if (jobIdForRun) tx.sadd(keys.done, jobIdForRun).hsetnx(keys.meta, 'started', new Date().toISOString());
  await tx.exec();
  return out;
}

export interface RunningWorker {
  worker: Worker;
  /** finish the jobs in hand (or release them with force), then close everything */
  stop(force?: boolean): Promise<void>;
}

/** Connect to Redis and the store and start the analyze threads; close() undoes it all. */
export async function openJobContext(o: WorkerOptions & { concurrency: number }): Promise<JobContext & { close(): Promise<void> }> {
  const target = queueTarget(o.queue);
  const redis = await connectRedis(target);
  let store: Store;
  try {
    store = await openStore(o.db || process.env.WINNOW_DB || './winnow.db', { keepHtml: o.keepHtml });
  } catch (err) {
    redis.disconnect();
    throw err;
  }
  const pool = new AnalyzePool(o.concurrency);
  const hostDelayMs = o.hostDelayMs ?? DEFAULT_HOST_DELAY_MS;
  const ctx: JobContext = { store, pool, redis, target, limiter: new HostLimiter(redis, target.prefix, hostDelayMs), allowPrivate: Boolean(o.allowPrivate), hostDelayMs, budgetMs: o.budgetMs, log: o.log };
  return Object.assign(ctx, {
    async close() {
      await pool.close();
      await ctx.fetcher?.close();
      await store.close();
      redis.disconnect();
    },
  });
}

export async function startWorker(o: WorkerOptions = {}): Promise<RunningWorker> {
  const concurrency = o.concurrency ?? availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new InputError(`--concurrency must be an integer >= 1 (got ${o.concurrency})`);
  const lockMs = o.lockMs ?? DEFAULT_LOCK_MS;
  const ctx = await openJobContext({ ...o, concurrency });
  const { redis, target } = ctx;
  const worker = new Worker(
    QUEUE_NAME,
    async (job: Job) => {
      const parsed = JobData.safeParse(job.data);
      if (!parsed.success) throw new Error(`bad job data: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return processJob(parsed.data, ctx, job.id);
    },
    {
      connection: redis,
      prefix: target.prefix,
      concurrency,
      lockDuration: lockMs,
      stalledInterval: Math.max(1000, Math.floor(lockMs / 2)),
      maxStalledCount: MAX_STALLED,
    },
  );
  worker.on('failed', (job, err) => {
    if (!job) return;
    o.log?.(`winnow: job ${job.id} failed (attempt ${job.attemptsMade}): ${String(err?.message ?? err).split('\n')[0]}`);
    if (job.attemptsMade >= (job.opts.attempts ?? 1) && typeof job.data?.run === 'string') {
      void redis.sadd(runKeys(target.prefix, job.data.run).failed, job.id!).catch(() => undefined);
    }
  });
  worker.on('error', (err) => o.log?.(`winnow: worker: ${String(err?.message ?? err).split('\n')[0]}`));
  let stopping: Promise<void> | undefined;
  return {
    worker,
    stop(force = false) {
      stopping ??= (async () => {
        await worker.close(force);
        await ctx.close();
      })();
      return stopping;
    },
  };
}
