// The server's scan pool: analyze() runs in worker threads (piscina) so the event loop keeps answering /healthz
// and the UI while a hostile page is being analysed. The queue in front of the workers is bounded (a full queue
// is a 503, not unbounded memory) and every scan has a deadline: past it the worker is terminated and replaced.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { InputError } from '../errors.js';
import type { AnalyzeResult } from '../result.js';
import type { OriginalTask, ScanReply, ScanTask } from './scan-worker.js';

/** Scans waiting for a worker beyond this many are refused with 503 (each holds up to MAX_SCAN_HTML_CHARS). */
export const SCAN_QUEUE_MAX = 16;
/**
 * A scan that runs longer is stopped (its worker terminated). analyze()'s own per-page budget ends hostile pages
 * well before this; the deadline is the backstop for a stage that does not poll the budget.
 */
export const SCAN_TIMEOUT_MS = 20_000;
/** Heap cap per scan worker: a pathological page kills its worker, never the server. */
export const SCAN_WORKER_HEAP_MB = 1024;

export class ScanBusy extends Error {}
export class ScanTimeout extends Error {}

export interface ScanPoolOptions {
  /** worker threads (default: cores - 1, at least 1) */
  threads?: number;
  queueMax?: number;
  timeoutMs?: number;
}

function workerFile(): string {
  const js = fileURLToPath(new URL('./scan-worker.js', import.meta.url));
  if (existsSync(js)) return js;
  const dev = fileURLToPath(new URL('./scan-worker-dev.mjs', import.meta.url));
  if (existsSync(dev)) return dev;
  throw new Error('scan worker not found; run `npm run build`');
}

export class ScanPool {
  private readonly pool: Piscina;
  private readonly timeoutMs: number;
  private readonly capacity: number;
  private inFlight = 0;

  constructor(o: ScanPoolOptions = {}) {
    const threads = Math.max(1, o.threads ?? availableParallelism() - 1);
    this.timeoutMs = o.timeoutMs ?? SCAN_TIMEOUT_MS;
    // running + waiting; counted here rather than with piscina's maxQueue, whose bound depends on how many
    // workers have started yet
    this.capacity = threads + (o.queueMax ?? SCAN_QUEUE_MAX);
    this.pool = new Piscina({
      filename: workerFile(),
      // no worker until the first scan: a server that only reviews never pays for one
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: SCAN_WORKER_HEAP_MB },
      env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
    });
  }

  /** Scans running or waiting. */
  get load(): number {
    return this.inFlight;
  }

  /** Scans it takes at once, running and waiting (threads + queueMax); one more is refused with ScanBusy. */
  get size(): number {
    return this.capacity;
  }

  async run(task: ScanTask): Promise<AnalyzeResult> {
    if (this.inFlight >= this.capacity) throw new ScanBusy(`too many scans in progress (${this.inFlight}); try again shortly`);
    this.inFlight++;
    try {
      return await this.runNow(task);
    } finally {
      this.inFlight--;
    }
  }

  private async runNow(task: ScanTask): Promise<AnalyzeResult> {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), this.timeoutMs);
    let reply: ScanReply;
    try {
      reply = (await this.pool.run(task, { signal: ctl.signal })) as ScanReply;
    } catch (err) {
      if (ctl.signal.aborted) throw new ScanTimeout(`scan stopped after ${this.timeoutMs} ms`);
      const msg = String((err as Error)?.message ?? err);
      throw new Error(`scan worker failed: ${msg.split('\n')[0]}`);
    } finally {
      clearTimeout(timer);
    }
    if (!reply.ok) throw reply.inputError ? new InputError(reply.message) : new Error(reply.message);
    return reply.result;
  }

  /** The stored page as a copy that opens no connection (see original.ts), built in a worker. */
  async original(body: Uint8Array): Promise<string> {
    const task: OriginalTask = { body };
    if (this.inFlight >= this.capacity) throw new ScanBusy('the server is busy scanning; try again shortly');
    this.inFlight++;
    try {
      return (await this.pool.run(task, { name: 'original' })) as string;
    } finally {
      this.inFlight--;
    }
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
