// Queue bench (npx tsx bench/queue.ts [--pages N] [--out reports/]): on this machine, against the local Redis
// and PostgreSQL (own key prefix and schema, removed afterwards):
//   - single-thread analyze() pages/s over the pages of a real-page WARC (the baseline);
//   - pages/s through the queue with 1 and with 2 `winnow worker --concurrency 1` processes, and the efficiency
//     per core against the baseline;
//   - jobs/s the queue sustains (enqueue, and add→complete with a no-op processor);
//   - Redis memory per 10,000 queued jobs (WARC jobs of 300 records, URL jobs of 100 URLs);
//   - recovery time after a worker is killed with SIGKILL mid-job (default 30 s lock).
// Writes <out>/queue-bench.md and .json.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { analyze } from '../src/analyze.js';
import { enqueue } from '../src/queue/enqueue.js';
import { runStatus } from '../src/queue/status.js';
import { QUEUE_NAME } from '../src/queue/config.js';
import { indexWarc, readJobRecords, recordPage } from '../src/queue/warc-range.js';
import { DEFAULT_LOCK_MS } from '../src/queue/worker.js';
import { writeRealWarc } from '../test/queue/fixtures.js';

process.env.DOTENV_CONFIG_QUIET ??= 'true';
const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const { values: args } = parseArgs({ options: { pages: { type: 'string', default: '240' }, out: { type: 'string', default: 'reports' }, 'skip-recovery': { type: 'boolean' }, 'recovery-only': { type: 'boolean' } } });
const PAGES = Number(args.pages);
const REDIS = process.env.WINNOW_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const PG_BASE = process.env.WINNOW_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const tag = `wbench_${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'winnow-qbench-'));
const warc = join(dir, 'bench.warc.gz');
const log = (s: string) => process.stderr.write(`bench-queue: ${s}\n`);
const children = new Set<ChildProcess>();
const schemas: string[] = [];
const prefixes: string[] = [];
let n = 0;

function fresh(): { queue: string; prefix: string; db: string } {
  const prefix = `${tag}_${++n}`;
  prefixes.push(prefix);
  schemas.push(prefix);
  return { queue: `${REDIS}?prefix=${prefix}`, prefix, db: `${PG_BASE}?schema=${prefix}` };
}

function startWorkerProcess(queue: string, db: string, extra: string[] = []): Promise<ChildProcess> {
  const c = spawn(process.execPath, [join(ROOT, 'bin', 'winnow.js'), 'worker', '--concurrency', '1', '--queue', queue, '--db', db, ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(c);
  c.once('exit', () => children.delete(c));
  return new Promise((res, rej) => {
    let err = '';
    c.stderr!.on('data', (d) => {
      err += d;
      if (err.includes('ready')) res(c);
    });
    c.once('exit', (code) => rej(new Error(`worker exited ${code}: ${err}`)));
  });
}

async function waitDone(run: string, queue: string, db: string, timeoutMs = 600_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const s = await runStatus({ run, queue, db }).catch(() => null);
    if (s && s.done + s.failed === s.total) {
      if (s.failed) throw new Error(`${s.failed} job(s) failed`);
      return;
    }
    if (Date.now() > end) throw new Error(`run ${run} not done in time`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopAll(): Promise<void> {
  await Promise.all([...children].map((c) => new Promise((r) => { c.once('exit', r); c.kill('SIGTERM'); })));
}

async function cleanup(): Promise<void> {
  for (const c of children) c.kill('SIGKILL');
  const r = new Redis(REDIS);
  for (const p of prefixes) {
    for await (const keys of r.scanStream({ match: `${p}:*`, count: 1000 })) if ((keys as string[]).length) await r.del(...(keys as string[]));
  }
  r.disconnect();
  const c = new pg.Client({ connectionString: PG_BASE });
  await c.connect();
  for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await c.end();
  rmSync(dir, { recursive: true, force: true });
}

async function baseline(): Promise<number> {
  // the same pages, read the way a worker reads them, analysed on this thread
  const recs: Array<[number, number]> = [];
  for await (const r of indexWarc(warc)) recs.push(r);
  const pages = [];
  for (const r of await readJobRecords(warc, recs)) {
    const p = await recordPage(r.bytes, r.offset);
    if ('page' in p) pages.push(p.page);
  }
  for (const p of pages.slice(0, 20)) analyze(p.body, { url: p.targetUri, contentType: p.contentType });
  const t = performance.now();
  for (const p of pages) analyze(p.body, { url: p.targetUri, contentType: p.contentType });
  return pages.length / ((performance.now() - t) / 1000);
}

async function throughput(workers: number): Promise<number> {
  const { queue, db } = fresh();
  for (let i = 0; i < workers; i++) await startWorkerProcess(queue, db);
  // warm-up run: each worker's analyze thread loads rules, model and dictionaries once
  await enqueue({ inputs: [warc], run: 'warm', queue, recordsPerJob: 4 });
  await waitDone('warm', queue, db);
  const copy = join(dir, `measured-${workers}.warc.gz`);
  writeFileSync(copy, readFileSync(warc));
  const t = performance.now();
  await enqueue({ inputs: [copy], run: 'measured', queue, recordsPerJob: 20 });
  await waitDone('measured', queue, db);
  const secs = (performance.now() - t) / 1000;
  await stopAll();
  return PAGES / secs;
}

async function queueRates(): Promise<{ enqueuePerSec: number; processedPerSec: number }> {
  const { queue, prefix } = fresh();
  const urls = join(dir, 'urls.txt');
  writeFileSync(urls, Array.from({ length: 10_000 }, (_, i) => `https://news${i % 50}.example/${i}`).join('\n'));
  let t = performance.now();
  const s = await enqueue({ inputs: [urls], run: 'rates', queue, urlsPerJob: 1 });
  const enqueuePerSec = s.added / ((performance.now() - t) / 1000);
  const conn = new Redis(REDIS, { maxRetriesPerRequest: null });
  let done = 0;
  t = performance.now();
  await new Promise<void>((res) => {
    const w = new Worker(QUEUE_NAME, async () => { if (++done === s.added) setImmediate(res); }, { connection: conn, prefix, concurrency: 50 });
    void res;
    (globalThis as { __w?: Worker }).__w = w;
  });
  const processedPerSec = s.added / ((performance.now() - t) / 1000);
  await (globalThis as { __w?: Worker }).__w!.close();
  conn.disconnect();
  return { enqueuePerSec, processedPerSec };
}

async function redisMemory(): Promise<{ warcJobsMB: number; urlJobsMB: number }> {
  const r = new Redis(REDIS, { maxRetriesPerRequest: null });
  const used = async () => Number(/used_memory:(\d+)/.exec(await r.info('memory'))![1]);
  const measure = async (kind: 'warc' | 'urls') => {
    const { prefix } = fresh();
    const q = new Queue(QUEUE_NAME, { connection: r, prefix });
    const before = await used();
    for (let b = 0; b < 50; b++) {
      await q.addBulk(Array.from({ length: 200 }, (_, i) => {
        const k = b * 200 + i;
        const data = kind === 'warc'
          ? { run: 'mem', kind, source: `/data/cc/CC-MAIN-2026-44/segments/${k % 100}/warc/CC-MAIN-${k}.warc.gz`, file: `CC-MAIN-${k}.warc.gz`, records: Array.from({ length: 300 }, (_, j) => [k * 10_000_000 + j * 33_000, 20_000 + (j * 37) % 15_000]) }
          : { run: 'mem', kind, urls: Array.from({ length: 100 }, (_, j) => `https://news${j % 40}.example.com/2026/11/${k}/${j}/a-typical-article-slug.html`) };
        return { name: kind, data, opts: { jobId: `${kind}-${k}`, attempts: 5, backoff: { type: 'exponential', delay: 2000 } } };
      }));
    }
    const after = await used();
    await q.obliterate({ force: true });
    await q.close();
    return (after - before) / 1024 / 1024;
  };
  const warcJobsMB = await measure('warc');
  const urlJobsMB = await measure('urls');
  r.disconnect();
  return { warcJobsMB, urlJobsMB };
}

async function recovery(): Promise<number> {
  const { queue, db } = fresh();
  await enqueue({ inputs: [warc], run: 'rec', queue, recordsPerJob: PAGES });
  const a = await startWorkerProcess(queue, db);
  // kill it once it holds the one job (a few pages stored would show it is mid-job; the job commits at its end)
  const r = new Redis(REDIS);
  const { prefix } = { prefix: queue.split('prefix=')[1] };
  for (;;) {
    if ((await r.llen(`${prefix}:${QUEUE_NAME}:active`)) > 0) break;
    await new Promise((res) => setTimeout(res, 50));
  }
  await new Promise((res) => setTimeout(res, 1000));
  a.kill('SIGKILL');
  const killedAt = performance.now();
  await startWorkerProcess(queue, db);
  for (;;) {
    // recovered = the job is active again in the surviving worker
    if ((await r.llen(`${prefix}:${QUEUE_NAME}:active`)) > 0 && (await r.hget(`${prefix}:${QUEUE_NAME}:${(await r.lrange(`${prefix}:${QUEUE_NAME}:active`, 0, 0))[0]}`, 'stc')) !== null) break;
    if (performance.now() - killedAt > 5 * DEFAULT_LOCK_MS) throw new Error('job not recovered');
    await new Promise((res) => setTimeout(res, 100));
  }
  const secs = (performance.now() - killedAt) / 1000;
  await waitDone('rec', queue, db);
  r.disconnect();
  await stopAll();
  return secs;
}

try {
  writeRealWarc(warc, PAGES);
  log(`${PAGES} real pages in ${warc}`);
  if (args['recovery-only']) {
    const rec = await recovery();
    log(`recovery after SIGKILL (lock ${DEFAULT_LOCK_MS / 1000} s): ${rec.toFixed(1)} s`);
    process.stdout.write(`recovery after SIGKILL of a worker mid-job (lock ${DEFAULT_LOCK_MS / 1000} s, stalled check every ${DEFAULT_LOCK_MS / 2000} s): ${rec.toFixed(1)} s; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  } else await fullBench();
} finally {
  await cleanup();
}

async function fullBench(): Promise<void> {
  const single = await baseline();
  log(`single-thread analyze: ${single.toFixed(1)} pages/s`);
  const one = await throughput(1);
  log(`1 worker process: ${one.toFixed(1)} pages/s`);
  const two = await throughput(2);
  log(`2 worker processes: ${two.toFixed(1)} pages/s`);
  const rates = await queueRates();
  log(`queue: enqueue ${rates.enqueuePerSec.toFixed(0)} jobs/s, add→complete (no-op) ${rates.processedPerSec.toFixed(0)} jobs/s`);
  const mem = await redisMemory();
  log(`Redis per 10,000 queued jobs: WARC (300 records) ${mem.warcJobsMB.toFixed(1)} MB, URLs (100) ${mem.urlJobsMB.toFixed(1)} MB`);
  const rec = args['skip-recovery'] ? null : await recovery();
  if (rec !== null) log(`recovery after SIGKILL (lock ${DEFAULT_LOCK_MS / 1000} s): ${rec.toFixed(1)} s`);
  const report = {
    date: new Date().toISOString(), cores: availableParallelism(), loadavg: loadavg(), pages: PAGES,
    singleThreadPagesPerSec: single, workers1PagesPerSec: one, workers2PagesPerSec: two,
    efficiencyPerCore1: one / single, efficiencyPerCore2: two / (2 * single),
    enqueueJobsPerSec: rates.enqueuePerSec, noopJobsPerSec: rates.processedPerSec,
    redisMBPer10kWarcJobs: mem.warcJobsMB, redisMBPer10kUrlJobs: mem.urlJobsMB, recoverySec: rec, lockMs: DEFAULT_LOCK_MS,
  };
  const f = (x: number | null, d = 1) => (x === null ? '–' : x.toFixed(d));
  const md = `# Queue bench (${report.date}, ${report.cores} cores, load ${report.loadavg.map((l) => l.toFixed(2)).join(' ')})

Command: \`npx tsx bench/queue.ts --pages ${PAGES}\` (Redis and PostgreSQL on 127.0.0.1; ${PAGES} real pages of ../shared/data in one gzip WARC)

| figure | value |
|---|---|
| single-thread analyze() | ${f(single)} pages/s |
| 1 worker process (--concurrency 1) | ${f(one)} pages/s (${f(100 * report.efficiencyPerCore1, 0)}% of one core's analyze) |
| 2 worker processes | ${f(two)} pages/s (efficiency per core ${f(100 * report.efficiencyPerCore2, 0)}%) |
| enqueue | ${f(rates.enqueuePerSec, 0)} jobs/s |
| add → complete, no-op processor (concurrency 50) | ${f(rates.processedPerSec, 0)} jobs/s |
| Redis memory per 10,000 queued WARC jobs (300 records each) | ${f(mem.warcJobsMB)} MB |
| Redis memory per 10,000 queued URL jobs (100 URLs each) | ${f(mem.urlJobsMB)} MB |
| recovery after SIGKILL of a worker mid-job (lock ${DEFAULT_LOCK_MS / 1000} s) | ${f(rec)} s |
`;
  mkdirSync(args.out!, { recursive: true });
  writeFileSync(join(args.out!, 'queue-bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(args.out!, 'queue-bench.md'), md);
  process.stdout.write(md);
}
