// Where the queue lives: a redis:// URL (--queue or WINNOW_QUEUE), with an optional ?prefix=NAME that keeps
// several deployments (or test runs) apart in one Redis. Every key winnow writes starts with the prefix.
import { Redis } from 'ioredis';
import { InputError } from '../errors.js';

export const DEFAULT_QUEUE_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_PREFIX = 'winnow';
/** The BullMQ queue every job goes to (runs are told apart by the job's data and the run's sets). */
export const QUEUE_NAME = 'scan';

/**
 * How long connecting to Redis may take, from the TCP connect to the first answer. ioredis's connectTimeout covers
 * only the TCP handshake: an address that accepts the connection and never answers (another service's port, a
 * proxy with nothing behind it) would hold enqueue, worker and status forever. A healthy Redis answers PING in
 * well under a millisecond on a LAN; 5 s leaves room for a loaded server and a TLS handshake across regions.
 */
export const REDIS_CONNECT_TIMEOUT_MS = 5000;

export interface QueueTarget {
  url: string;
  prefix: string;
  /** the URL without password, for messages */
  display: string;
  /** the database index of the URL's path (redis://host:6379/2), 0 when none */
  db: number;
}

/** The URL for messages: no password, neither in the user part nor as ?password=. */
function displayUrl(u: URL): string {
  const d = new URL(u.toString());
  if (d.password) d.password = '****';
  if (d.searchParams.has('password')) d.searchParams.set('password', '****');
  return d.toString();
}

export function queueTarget(value: string | undefined): QueueTarget {
  const raw = value || process.env.WINNOW_QUEUE || DEFAULT_QUEUE_URL;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new InputError(`--queue: not a redis:// URL: ${raw.replace(/:[^@/]*@/, ':****@')}`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new InputError(`--queue: not a redis:// URL: ${displayUrl(u)}`);
  const prefix = u.searchParams.get('prefix') || DEFAULT_PREFIX;
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(prefix)) throw new InputError(`--queue: bad prefix ${prefix}`);
  u.searchParams.delete('prefix');
  // the database index: the URL's path, or ?db= as ioredis also reads it (the path wins)
  const index = u.pathname.replace(/^\/+/, '') || (u.searchParams.get('db') ?? '');
  if (index !== '' && !/^\d{1,5}$/.test(index)) throw new InputError(`--queue ${displayUrl(u)}: the database must be an index (redis://host:6379/0)`);
  return { url: u.toString(), prefix, display: displayUrl(u), db: index === '' ? 0 : Number(index) };
}

/**
 * A Redis connection as BullMQ wants it (no per-command retry limit: blocking commands wait), proved to answer
 * within timeoutMs: PING, and SELECT of the URL's database index (ioredis selects it on connect but only emits an
 * error event when the server refuses, so the jobs would go to database 0).
 */
export async function connectRedis(t: QueueTarget, timeoutMs = REDIS_CONNECT_TIMEOUT_MS): Promise<Redis> {
  const r = new Redis(t.url, { maxRetriesPerRequest: null, lazyConnect: true, connectTimeout: timeoutMs, enableReadyCheck: true });
  // reported by the command that fails (ioredis reconnects on its own); the last one names why a connect failed
  let lastError: Error | undefined;
  r.on('error', (err: Error) => {
    lastError = err;
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  const probe = (async () => {
    await r.connect();
    await r.ping();
    if (t.db !== 0) {
      try {
        await r.select(t.db);
      } catch (err) {
        throw new InputError(`Redis at ${t.display} refused database ${t.db} (${String((err as Error).message).split('\n')[0]})`);
      }
    }
  })();
  probe.catch(() => undefined); // settled by the race below; a late rejection after the deadline is not news
  try {
    await Promise.race([probe, deadline]);
  } catch (err) {
    r.disconnect();
    if (err instanceof InputError) throw err;
    // a refused or reset connection rejects connect() with "Connection is closed."; the error event said why
    const cause = (err as Error).message === 'Connection is closed.' && lastError ? lastError : (err as NodeJS.ErrnoException);
    const reason = (cause as NodeJS.ErrnoException).code ?? cause.message;
    throw new InputError(`cannot connect to Redis at ${t.display} (${String(reason).split('\n')[0]})`);
  } finally {
    clearTimeout(timer);
  }
  return r;
}

/**
 * The keys that track a run: the sets of job ids enqueued, done, and failed for good, and the hash of pages that
 * could not be stored (page key → why), all idempotent under redelivery.
 */
export function runKeys(prefix: string, run: string) {
  const base = `${prefix}:run:${run}`;
  return { jobs: `${base}:jobs`, done: `${base}:done`, failed: `${base}:failed`, failedPages: `${base}:failed-pages`, meta: `${base}:meta` };
}

export function checkRunName(run: string | undefined): string {
  if (!run) throw new InputError('--run NAME is required');
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(run)) throw new InputError(`--run: use letters, digits, _ . - (got ${run})`);
  return run;
}
