// Jobs carry references, never page bodies: a WARC (local path or http(s) URL) with the offsets and lengths of
// its response records, or a list of URLs. Job ids are a hash of the run and the job's content, so enqueuing the
// same input twice adds nothing.
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** WARC response records per job: ~300 pages is a few seconds of analysis, far inside the lock's renewal. */
export const RECORDS_PER_JOB = 300;
/** URLs per job: fetching dominates; ~100 keeps a job short while the per-host limiter spaces requests. */
export const URLS_PER_JOB = 100;

export const WarcJob = z.object({
  run: z.string().min(1),
  kind: z.literal('warc'),
  /** absolute path or http(s) URL of the WARC */
  source: z.string().min(1),
  /** file name used in page keys: warc:<file>@<offset> */
  file: z.string().min(1),
  /** [offset, length] of each record in the file as stored (gzip members for .warc.gz), ascending (a job reads them as one span) */
  records: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().positive()])).min(1),
});
export const UrlJob = z.object({
  run: z.string().min(1),
  kind: z.literal('urls'),
  urls: z.array(z.string().min(1)).min(1),
});
export const JobData = z.discriminatedUnion('kind', [WarcJob, UrlJob]);
export type JobData = z.infer<typeof JobData>;

/** Deterministic id: same run + same content → same id (BullMQ ids may not contain ':'). */
export function jobId(data: JobData): string {
  const h = createHash('sha256').update(JSON.stringify(data.kind === 'warc' ? [data.run, data.source, data.records[0][0], data.records.length] : [data.run, data.urls])).digest('hex');
  return `${data.kind}-${h.slice(0, 32)}`;
}

/** The store key of a WARC record's page (pages.url for queued runs). */
export const warcPageKey = (file: string, offset: number) => `warc:${file}@${offset}`;

