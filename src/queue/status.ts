// `winnow status --run NAME`: jobs enqueued, done and failed (the run's sets in Redis) and pages stored (the
// store), plus pages/s and an ETA for a terminal.
import { InputError } from '../errors.js';
import { openStore, countRunPages } from '../store/index.js';
import { checkRunName, connectRedis, queueTarget, runKeys } from './config.js';

export interface RunStatus {
  run: string;
  total: number;
  done: number;
  failed: number;
  stored: number;
  /** pages of the run that could not be fetched or analysed (see runFailedPages for which and why) */
  failedPages: number;
}

export interface RunProgress extends RunStatus {
  /** pages stored per second since the first job started; null before */
  pagesPerSec: number | null;
  /** seconds to finish at the current job rate; null when unknown */
  etaSec: number | null;
}

export async function runStatus(o: { run: string; queue?: string; db?: string }): Promise<RunProgress> {
  const run = checkRunName(o.run);
  const target = queueTarget(o.queue);
  const redis = await connectRedis(target);
  let total: number, done: number, failed: number, failedPages: number, started: string | null;
  try {
    const keys = runKeys(target.prefix, run);
    const r = await redis
      .multi()
      .scard(keys.jobs)
      .scard(keys.done)
      .scard(keys.failed)
      .hlen(keys.failedPages)
      .hget(keys.meta, 'failedPagesNotKept')
      .hget(keys.meta, 'started')
      .exec();
    [total, done, failed] = [0, 1, 2].map((i) => Number(r?.[i]?.[1] ?? 0));
    failedPages = Number(r?.[3]?.[1] ?? 0) + Number(r?.[4]?.[1] ?? 0);
    started = (r?.[5]?.[1] as string | null) ?? null;
  } finally {
    redis.disconnect();
  }
  if (total === 0) throw new InputError(`no run ${run} in the queue at ${target.display}`);
  const store = await openStore(o.db || process.env.WINNOW_DB || './winnow.db', { readOnly: true, mustExist: true });
  let stored: number;
  try {
    stored = await countRunPages(store, run);
  } finally {
    await store.close();
  }
  const elapsed = started ? (Date.now() - Date.parse(started)) / 1000 : 0;
  const pagesPerSec = elapsed > 0 ? stored / elapsed : null;
  const finished = done + failed;
  const etaSec = elapsed > 0 && finished > 0 ? ((total - finished) * elapsed) / finished : null;
  return { run, total, done, failed, stored, failedPages, pagesPerSec, etaSec };
}

/** The run's failed pages with why (at most `limit`, in no particular order). */
export async function runFailedPages(o: { run: string; queue?: string; limit?: number }): Promise<Array<{ page: string; reason: string }>> {
  const run = checkRunName(o.run);
  const target = queueTarget(o.queue);
  const redis = await connectRedis(target);
  const out: Array<{ page: string; reason: string }> = [];
  const limit = o.limit ?? Infinity;
  try {
    const key = runKeys(target.prefix, run).failedPages;
    let cursor = '0';
    do {
      const [next, flat] = await redis.hscan(key, cursor, 'COUNT', 500);
      for (let i = 0; i + 1 < flat.length && out.length < limit; i += 2) out.push({ page: flat[i], reason: flat[i + 1] });
      cursor = next;
    } while (cursor !== '0' && out.length < limit);
  } finally {
    redis.disconnect();
  }
  return out;
}

export function formatStatus(s: RunProgress): string {
  const pct = s.total ? ((100 * (s.done + s.failed)) / s.total).toFixed(1) : '0.0';
  const rate = s.pagesPerSec === null ? '–' : `${s.pagesPerSec.toFixed(1)} pages/s`;
  const eta = s.etaSec === null ? '–' : s.done + s.failed >= s.total ? 'done' : `${Math.ceil(s.etaSec)} s`;
  return `run ${s.run}: ${s.done}/${s.total} jobs done (${pct}%), ${s.failed} failed, ${s.stored} pages stored, ${s.failedPages} pages failed, ${rate}, ETA ${eta}`;
}
