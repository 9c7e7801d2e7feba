// A small worker_threads pool for analyze(): one job per worker at a time, a FIFO queue in front, a crashed
// worker is replaced and its job fails (never hangs). `workers: 0` runs analyze() inline (tests, tiny runs).
// analyze() (parser, rules, model, segmenter: ~100 MB per thread) is imported only where it runs: in the workers,
// or here on the first inline job; the thread that feeds a pool never loads it.
import { existsSync } from 'node:fs';
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
 * Old-generation heap cap per analyze worker. The biggest shared page needs ~106 MB at its peak and input is
 * capped at 10 MiB, so 320 MB leaves a wide margin; a lower cap also makes V8 collect sooner, which keeps a
 * batch's RSS flat. A page that still exceeds it kills its worker (job reported, worker replaced), not the run.
 */
export const WORKER_HEAP_MB = 320;
/** Young-generation cap per worker: short-lived per-page garbage is collected in small, frequent scavenges. */
export const WORKER_YOUNG_MB = 16;

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
  private idle: Worker[] = [];
  private all = new Set<Worker>();
  private busy = new Map<Worker, Pending>();
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
    return this.queue.length + this.busy.size;
  }

  private spawn(): void {
    const w = new Worker(this.entry!.url, {
      eval: this.entry!.eval,
      env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: this.youngMb },
    });
    this.all.add(w);
    w.on('message', (reply: AnalyzeReply) => {
      const p = this.busy.get(w);
      this.busy.delete(w);
      if (p) {
        if (reply.ok) p.resolve(reply.result);
        else p.reject(reply.inputError ? new InputError(reply.message) : new Error(reply.message));
      }
      this.release(w);
    });
    w.on('error', (err) => this.crashed(w, err));
    w.on('exit', (code) => {
      if (!this.closed && this.all.has(w)) this.crashed(w, new Error(`analyze worker exited with code ${code}`));
    });
    this.idle.push(w);
  }

  private crashed(w: Worker, err: Error): void {
    if (!this.all.has(w)) return;
    this.all.delete(w);
    this.idle = this.idle.filter((x) => x !== w);
    const p = this.busy.get(w);
    this.busy.delete(w);
    void w.terminate();
    const oom = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
    p?.reject(oom ? new OverMemoryError(this.heapMb) : new Error(`analyze worker crashed: ${err.message.split('\n')[0]}`));
    if (!this.closed) {
      this.spawn();
      this.pump();
    }
  }

  private release(w: Worker): void {
    if (!this.all.has(w)) return;
    this.idle.push(w);
    this.pump();
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop()!;
      const p = this.queue.shift()!;
      this.busy.set(w, p);
      // copied, not transferred: the caller still stores the same bytes after analysis
      w.postMessage(p.job);
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
    for (const p of this.queue.splice(0)) p.reject(new Error('pool closed'));
    await Promise.all([...this.all].map((w) => w.terminate()));
    this.all.clear();
  }
}
