// `winnow enqueue`: split WARC files and URL lists into jobs of references and add them to the queue.
// Idempotent: a job already enqueued for the run (same deterministic id) is not added again.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Queue } from 'bullmq';
import { InputError } from '../errors.js';
import { readUrlList } from '../batch/url-list.js';
import { checkRunName, connectRedis, queueTarget, runKeys, QUEUE_NAME } from './config.js';
import { JobData, RECORDS_PER_JOB, URLS_PER_JOB, jobId } from './jobs.js';
import { indexWarc, warcFileName } from './warc-range.js';

/** Attempts per job and the first retry delay (doubling): a store or network hiccup is retried, then failed. */
export const JOB_ATTEMPTS = 5;
export const JOB_BACKOFF_MS = 2000;
/** Completed jobs kept for the dashboard; the run's own sets count them, so old ones can go. */
const KEEP_COMPLETED = 1000;
/** Jobs added per Redis round trip. */
const ADD_BATCH = 200;

const isHttp = (s: string) => /^https?:\/\//i.test(s);
const isWarc = (s: string) => /\.warc(\.gz)?$/i.test(isHttp(s) ? new URL(s).pathname : s);

export interface EnqueueOptions {
  inputs: string[];
  run: string;
  queue?: string;
  recordsPerJob?: number;
  urlsPerJob?: number;
  /** attempts per job before it is failed for good, and the first retry delay (doubling) */
  attempts?: number;
  backoffMs?: number;
}

export interface EnqueueSummary {
  run: string;
  /** jobs the inputs make */
  jobs: number;
  /** of which new in the queue (0 when the same input was enqueued before) */
  added: number;
  /** pages (WARC response records + URLs) referenced */
  pages: number;
  /** lines of URL lists that are no http(s) URL, not enqueued (the first MAX_BAD_LINES of them listed in badLines) */
  badLineCount: number;
  badLines: BadLine[];
}

/** A line of a URL list that is no http(s) URL: where it is and why. */
export interface BadLine {
  input: string;
  line: number;
  reason: string;
}

/** Bad lines listed in the summary; the rest are counted (a file that is no URL list at all has thousands). */
export const MAX_BAD_LINES = 10;

async function* jobsOf(input: string, run: string, recordsPerJob: number, urlsPerJob: number, bad: (b: BadLine) => void): AsyncGenerator<JobData> {
  if (isWarc(input)) {
    const source = isHttp(input) ? input : resolve(input);
    const file = warcFileName(input);
    let records: Array<[number, number]> = [];
    for await (const r of indexWarc(source)) {
      records.push(r);
      if (records.length >= recordsPerJob) {
        yield { run, kind: 'warc', source, file, records };
        records = [];
      }
    }
    if (records.length) yield { run, kind: 'warc', source, file, records };
    return;
  }
  // a text file of URLs, one per line ('#' comments and blank lines ignored); a line that is no http(s) URL is
  // reported, not queued for a worker to fail on
  let urls: string[] = [];
  for await (const l of readUrlList(input)) {
    if ('bad' in l) {
      bad({ input, line: l.line, reason: l.bad });
      continue;
    }
    urls.push(l.url);
    if (urls.length >= urlsPerJob) {
      yield { run, kind: 'urls', urls };
      urls = [];
    }
  }
  if (urls.length) yield { run, kind: 'urls', urls };
}

export async function enqueue(o: EnqueueOptions): Promise<EnqueueSummary> {
  const run = checkRunName(o.run);
  if (o.inputs.length === 0) throw new InputError('enqueue: give WARC files (.warc, .warc.gz, local or http(s)) or URL list files');
  for (const i of o.inputs) {
    if (isHttp(i)) {
      if (!isWarc(i)) throw new InputError(`${i}: an http(s) input must be a .warc or .warc.gz URL`);
      continue;
    }
    if (!existsSync(i)) throw new InputError(`no such file ${i}`);
    if (statSync(i).isDirectory()) throw new InputError(`${i} is a directory`);
  }
  const target = queueTarget(o.queue);
  const redis = await connectRedis(target);
  const queue = new Queue(QUEUE_NAME, { connection: redis, prefix: target.prefix });
  const keys = runKeys(target.prefix, run);
  const sum: EnqueueSummary = { run, jobs: 0, added: 0, pages: 0, badLineCount: 0, badLines: [] };
  const bad = (b: BadLine) => {
    if (sum.badLineCount++ < MAX_BAD_LINES) sum.badLines.push(b);
  };
  let batch: Array<{ id: string; data: JobData }> = [];
  const flush = async () => {
    if (!batch.length) return;
    const ids = batch.map((b) => b.id);
    const known = await redis.smismember(keys.jobs, ...ids);
    const fresh = batch.filter((_, i) => !known[i]);
    if (fresh.length) {
      // added first, recorded second: a crash in between re-adds the same id next time (BullMQ keeps one)
      await queue.addBulk(
        fresh.map((b) => ({
          name: b.data.kind,
          data: b.data,
          opts: {
            jobId: b.id,
            attempts: o.attempts ?? JOB_ATTEMPTS,
            backoff: { type: 'exponential', delay: o.backoffMs ?? JOB_BACKOFF_MS },
            removeOnComplete: { count: KEEP_COMPLETED },
            removeOnFail: false,
          },
        })),
      );
      await redis.sadd(keys.jobs, ...fresh.map((b) => b.id));
      sum.added += fresh.length;
    }
    batch = [];
  };
  try {
    await redis.hsetnx(keys.meta, 'created', new Date().toISOString());
    for (const input of o.inputs) {
      for await (const data of jobsOf(input, run, o.recordsPerJob ?? RECORDS_PER_JOB, o.urlsPerJob ?? URLS_PER_JOB, bad)) {
        sum.jobs++;
        sum.pages += data.kind === 'warc' ? data.records.length : data.urls.length;
        batch.push({ id: jobId(data), data });
        if (batch.length >= ADD_BATCH) await flush();
      }
    }
    await flush();
    if (sum.added) await redis.hincrby(keys.meta, 'pages', 0);
  } finally {
    await queue.close();
    redis.disconnect();
  }
  return sum;
}
