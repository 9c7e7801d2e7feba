// A small worker_threads pool for analyze(): up to WORKER_JOBS jobs per worker (one running, the next waiting in
// its message queue), a FIFO queue in front, a crashed worker is replaced and its running job fails while the
// jobs queued behind it go to another worker (never hangs, nothing lost). `workers: 0` runs analyze() inline (tests, tiny runs).
// analyze() (parser, rules, model, segmenter: ~100 MB per thread) is imported only where it runs: in the workers,
// or here on the first inline job; the thread that feeds a pool never loads it.
// Not piscina (the server's scan pool, which needs its deadlines and lazy start): piscina rejects every task sent to
// a worker that dies, so a page over its heap would take the page queued behind it along, and on the bench pages
// it does 15-20% fewer pages/s through one worker even when it sends ahead (`npm run build && npx tsx bench/pool.ts`:
// 182 against 146-155 pages/s with 2 ms of main-thread work per page; 190 against 156 with none).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import type { AnalyzeResult } from '../result.js';

export interface AnalyzeJob {
  id: number;
  body: Uint8Array;
  url?: string;
  contentType?: string;
  input?: string;
  /** keep result.cleanHtml; else the worker empties it before the result crosses threads (the store never uses it) */
  cleanHtml?: boolean;
  /** analyze()'s time budget for this page, ms */
  budgetMs?: number;
  /** analyze's `threshold` option (points a candidate needs to become a finding) */
  threshold?: number;
}
export type AnalyzeReply =
  | { id: number; ok: true; result: AnalyzeResult }
  | { id: number; ok: false; message: string; inputError: boolean };

export type InlineAnalyzer = (body: Uint8Array, o: { url?: string; contentType?: string; input?: string; budgetMs?: number; threshold?: number }) => AnalyzeResult;

/**
 * Analyze workers when --workers is not given: one fewer than the cores, at least one. The main thread has work of
 * its own for every page (WARC decompression, hashing, the store's commits, NDJSON), and a second analyse thread on
 * 2 vCPUs bought no pages/s (1 worker 68-120, 2 workers 60-69 pages/s, 1.3x the CPU per page, alternating runs of
 * `bench/warc.ts`) for ~130 MB more peak RSS (docs/bounds.md).
 */
export function defaultWorkers(cores: number = availableParallelism()): number {
  return Math.max(1, cores - 1);
}

/**
 * Old-generation heap cap per analyze worker. The biggest shared page needs ~106 MB at its peak and input is
 * capped at 10 MiB, so 320 MB leaves a wide margin; a lower cap also makes V8 collect sooner, which keeps a
 * batch's RSS flat. A page that still exceeds it kills its worker (job reported, worker replaced), not the run.
 */
export const WORKER_HEAP_MB = 320;
/**
 * Young-generation cap per worker, MB: a 16 MB new space (two 8 MB semi-spaces; 48, V8's default, is a 32 MB one).
 * A page's strings live for the page's analysis, and a small young generation promotes more of them: with V8's
 * parallel GC, 16 MB cost the pool on 2 cores a quarter of its pages/s (docs/bounds.md). With `--single-threaded-gc`
 * (bin/winnow.js's launcher line) a WARC batch's CPU per page is the same at 24 and 48 (9.2-10.3 ms either way)
 * and its peak RSS 285-298 MiB instead of 306-326 (1 worker, 1x and 2x the shared pages). The launcher's
 * `--max-semi-space-size=8` gives every thread this new space and overrides the setting (a V8 flag wins over a
 * worker's resourceLimits).
 */
export const WORKER_YOUNG_MB = 24;

/**
 * The `--max-semi-space-size` Node runs with (the launcher line, or NODE_OPTIONS), MB, if any: V8 then sizes every
 * thread's young generation from it, and a worker's `maxYoungGenerationSizeMb` has no effect.
 */
export function semiSpaceFlagMb(argv: readonly string[] = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)]): number | undefined {
  let mb: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const m = /^--max[-_]semi[-_]space[-_]size(?:=(\d+))?$/.exec(argv[i]);
    if (m) mb = Number(m[1] ?? argv[i + 1]);
  }
  return mb !== undefined && Number.isFinite(mb) ? mb : undefined;
}
/** Smallest young generation accepted, MB (V8 needs a few semi-space pages). */
export const MIN_WORKER_YOUNG_MB = 4;
/**
 * Jobs sent to one worker at a time: the one it analyses and the next, already in its message queue, so it
 * never waits for the main thread (busy with a commit or the WARC reader) between two pages.
 */
export const WORKER_JOBS = 2;

/**
 * Smallest heap cap accepted, MB: a worker's analyze() holds ~50 MB of rules, model and code before any page,
 * so less would fail every page.
 */
export const MIN_WORKER_HEAP_MB = 64;

export interface PoolOptions {
  /** old-generation heap cap per worker, MB (default WORKER_HEAP_MB) */
  heapMb?: number;
  /** young-generation cap per worker, MB (default WORKER_YOUNG_MB) */
  youngMb?: number;
}

/** The reason given for a page whose analysis ran its worker out of heap. */
export function outOfMemoryMessage(heapMb: number): string {
  return `page over its memory budget: analysis needed more than the worker's ${heapMb} MB heap`;
}

/** A page whose analysis ran its worker out of heap (the worker is replaced; the other pages go on). */
export class OverMemoryError extends Error {
  constructor(readonly heapMb: number) {
    super(outOfMemoryMessage(heapMb));
    this.name = 'OverMemoryError';
  }
}

type Pending = { job: AnalyzeJob; resolve: (r: AnalyzeResult) => void; reject: (e: Error) => void };

/** The compiled worker beside this module (dist/), else the TypeScript source run through tsx. */
function workerEntry(): { url: URL | string; eval?: boolean } {
  const js = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return { url: js };
  const ts = new URL('./worker.ts', import.meta.url);
  if (existsSync(fileURLToPath(ts))) {
    // running from source (vitest, tsx scripts): register tsx inside the worker, then load the .ts module
    let api: string;
    try {
      api = import.meta.resolve('tsx/esm/api');
    } catch {
      throw new Error('batch worker not built; run `npm run build`');
    }
    const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(ts.href)}); })`;
    return { url: code, eval: true };
  }
  throw new Error('batch worker not found; run `npm run build`');
}

export class AnalyzePool {
  readonly size: number;
  /** jobs sent to each live worker and not answered yet, oldest (the one running) first */
  private sent = new Map<Worker, Pending[]>();
  private queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private entry?: { url: URL | string; eval?: boolean };
  private inline?: InlineAnalyzer;
  readonly heapMb: number;
  readonly youngMb: number;

  /** `inline` replaces analyze() when size is 0 (a custom analysis, or tests of the plumbing). */
  constructor(size: number, inline?: InlineAnalyzer, opts: PoolOptions = {}) {
    this.size = Math.max(0, Math.floor(size));
    this.inline = inline;
    this.heapMb = opts.heapMb ?? WORKER_HEAP_MB;
    this.youngMb = opts.youngMb ?? WORKER_YOUNG_MB;
    if (this.size > 0) {
      this.entry = workerEntry();
      for (let i = 0; i < this.size; i++) this.spawn();
    }
  }

  /** Jobs waiting or running; the producer keeps this bounded (backpressure). */
  get load(): number {
    let n = this.queue.length;
    for (const list of this.sent.values()) n += list.length;
    return n;
  }

  /** Share of wall time the live workers spent analysing (event-loop utilization, 0-1), mean over workers. */
  utilization(): number {
    const ws = [...this.sent.keys()];
    if (ws.length === 0) return 0;
    return ws.reduce((a, w) => a + w.performance.eventLoopUtilization().utilization, 0) / ws.length;
  }

  private spawn(): void {
    const w = new Worker(this.entry!.url, {
      eval: this.entry!.eval,
      env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: this.youngMb },
    });
    this.sent.set(w, []);
    w.on('message', (reply: AnalyzeReply) => {
      // a worker answers its jobs in the order they were sent
      const p = this.sent.get(w)?.shift();
      if (p) {
        if (reply.ok) p.resolve(reply.result);
        else p.reject(reply.inputError ? new InputError(reply.message) : new Error(reply.message));
      }
      this.pump();
    });
    w.on('error', (err) => this.crashed(w, err));
    w.on('exit', (code) => {
      if (!this.closed && this.sent.has(w)) this.crashed(w, new Error(`analyze worker exited with code ${code}`));
    });
  }

  private crashed(w: Worker, err: Error): void {
    const list = this.sent.get(w);
    if (!list) return;
    this.sent.delete(w);
    void w.terminate();
    // the first job was running and is the one that failed; the ones queued behind it go back to the pool
    const [p, ...waiting] = list;
    this.queue.unshift(...waiting);
    const oom = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
    p?.reject(oom ? new OverMemoryError(this.heapMb) : new Error(`analyze worker crashed: ${err.message.split('\n')[0]}`));
    if (!this.closed) {
      this.spawn();
      this.pump();
    }
  }

  private pump(): void {
    while (this.queue.length > 0) {
      // the worker with the fewest jobs, while it has room: every worker gets one before any gets a second
      let best: Worker | undefined;
      let fewest = WORKER_JOBS;
      for (const [w, list] of this.sent) {
        if (list.length < fewest) {
          best = w;
          fewest = list.length;
        }
      }
      if (!best) return;
      const p = this.queue.shift()!;
      this.sent.get(best)!.push(p);
      // copied, not transferred: the caller may still store the same bytes after analysis
      best.postMessage(p.job);
    }
  }

  run(job: Omit<AnalyzeJob, 'id'>): Promise<AnalyzeResult> {
    if (this.closed) return Promise.reject(new Error('pool is closed'));
    if (this.size === 0) return this.runInline(job);
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { ...job, id: this.nextId++ }, resolve, reject });
      this.pump();
    });
  }

  private async runInline(job: Omit<AnalyzeJob, 'id'>): Promise<AnalyzeResult> {
    this.inline ??= (await import('../analyze.js')).analyze;
    return this.inline(job.body, { url: job.url, contentType: job.contentType, input: job.input, budgetMs: job.budgetMs, threshold: job.threshold });
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.sent];
    this.sent.clear();
    for (const p of [...this.queue.splice(0), ...workers.flatMap(([, list]) => list)]) p.reject(new Error('pool closed'));
    await Promise.all(workers.map(([w]) => w.terminate()));
  }
}
