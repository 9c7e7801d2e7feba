// Where the queue lives: a redis:// URL (--queue or WINNOW_QUEUE), with an optional ?prefix=NAME that keeps
// several deployments (or test runs) apart in one Redis. Every key winnow writes starts with the prefix.
import { Redis } from 'ioredis';
import { InputError } from '../errors.js';

export const DEFAULT_QUEUE_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_PREFIX = 'winnow';
/** The BullMQ queue every job goes to (runs are told apart by the job's data and the run's sets). */
export const QUEUE_NAME = 'scan';

export interface QueueTarget {
  url: string;
  prefix: string;
  /** the URL without password, for messages */
  display: string;
}

export function queueTarget(value: string | undefined): QueueTarget {
  const raw = value || process.env.WINNOW_QUEUE || DEFAULT_QUEUE_URL;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new InputError(`--queue: not a redis:// URL: ${raw}`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new InputError(`--queue: not a redis:// URL: ${raw}`);
  const prefix = u.searchParams.get('prefix') || DEFAULT_PREFIX;
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(prefix)) throw new InputError(`--queue: bad prefix ${prefix}`);
  u.searchParams.delete('prefix');
  const display = new URL(u.toString());
  display.password = '';
  return { url: u.toString(), prefix, display: display.toString() };
}

/** A Redis connection as BullMQ wants it (no per-command retry limit: blocking commands wait). */
export async function connectRedis(t: QueueTarget, timeoutMs = 5000): Promise<Redis> {
  const r = new Redis(t.url, { maxRetriesPerRequest: null, lazyConnect: true, connectTimeout: timeoutMs, enableReadyCheck: true });
  r.on('error', () => undefined); // reported by the command that fails; ioredis reconnects on its own
  try {
    await r.connect();
    await r.ping();
  } catch (err) {
    r.disconnect();
    throw new InputError(`cannot connect to Redis at ${t.display} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return r;
}

/** The sets that track a run: every job id enqueued, done, and failed for good (idempotent under redelivery). */
export function runKeys(prefix: string, run: string) {
  const base = `${prefix}:run:${run}`;
  return { jobs: `${base}:jobs`, done: `${base}:done`, failed: `${base}:failed`, meta: `${base}:meta` };
}

export function checkRunName(run: string | undefined): string {
  if (!run) throw new InputError('--run NAME is required');
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(run)) throw new InputError(`--run: use letters, digits, _ . - (got ${run})`);
  return run;
}
