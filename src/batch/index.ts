// Batch runs: `winnow scan --from urls.txt` and `winnow scan a.warc.gz b.warc ...`.
// Inputs are streamed (URL list line by line, WARC record by record); CPU work (analyze) runs on a worker pool
// across all cores; every page is committed to the store atomically with its scan, then printed as one NDJSON
// line. Bounded in-flight work gives backpressure, so memory stays flat however large the input.
// Resumable: a URL already scanned with the same content (url + sha256) and a WARC record already stored
// (by record id) are skipped, so re-running a killed command loses nothing and stores nothing twice.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { InputError } from '../errors.js';
import { overBudgetReason, type AnalyzeResult } from '../result.js';
import { openStore, saveResults, saveUnanalysed, hasScan, hasAnyScan, conditionalFor, contentHash, type PageMeta, type Store, type SqliteStore } from '../store/index.js';
import pLimit from 'p-limit';
import { AnalyzePool, MIN_WORKER_HEAP_MB, MIN_WORKER_YOUNG_MB, defaultWorkers, semiSpaceFlagMb } from './pool.js';
export { WORKER_HEAP_MB, MIN_WORKER_HEAP_MB, WORKER_YOUNG_MB, MIN_WORKER_YOUNG_MB, defaultWorkers } from './pool.js';
import { Bounded } from './bounded.js';
import { readWarc, isHtmlRecord, MAX_RECORD_BYTES, type SkipReason } from './warc.js';
import { readUrlList } from './url-list.js';
import { badUrl, httpUrlOrNone } from '../util/url.js';
import { cannotRead, inputFileProblem } from '../util/files.js';

/**
 * SQLite page cache of a batch's store connection, KiB: SQLite's own default (better-sqlite3 builds with 16 MB).
 * A batch appends pages and looks up one key per record; the 16 MB cache filled during the run and was 10-18 MB of
 * the batch's peak RSS (docs/bounds.md) at the same pages/s.
 */
export const BATCH_STORE_CACHE_KIB = 2000;

/** Set the batch's page cache on a SQLite store (PostgreSQL stores keep their own settings). */
export function tuneStoreForBatch(store: Store): void {
  if ('db' in store) (store as SqliteStore).db.pragma(`cache_size = -${BATCH_STORE_CACHE_KIB}`);
}

/** Parallel fetches when --concurrency is not given (the Fetcher still limits per host). */
export const DEFAULT_FETCH_CONCURRENCY = 8;
/** Jobs per analyze worker kept in flight (queued + running): enough to keep cores busy, small for memory. */
const JOBS_PER_WORKER = 2;
/**
 * Page bytes waiting for or in analysis. With the 10 MiB record limit a run holds at most this plus one page
 * (and what waits for commit, below) whatever the input size; 32 MiB keeps 2-4 workers busy on real pages.
 */
export const MAX_IN_FLIGHT_BYTES = 32 * 1024 * 1024;
/** Pages per store transaction (group commit) and the longest an analyzed page waits for its commit. */
export const COMMIT_GROUP = 64;
/** Page bytes analysed and waiting for their commit: a group is committed early past this. */
export const COMMIT_MAX_BYTES = 16 * 1024 * 1024;
const COMMIT_INTERVAL_MS = 250;

/** Progress bar refresh interval on a TTY. */
const PROGRESS_INTERVAL_MS = 200;
export const DEFAULT_DB = './winnow.db';

/** What the batch needs from src/fetch's Fetcher (kept structural so tests can pass a stub). */
export interface FetchLike {
  fetch(url: string, cond?: { etag?: string; lastModified?: string }): Promise<{
    url: string;
    finalUrl: string;
    status: number;
    contentType?: string;
    headers?: Record<string, string | string[] | undefined>;
    body: Uint8Array;
    fetchedAt: string;
    notModified?: boolean;
  }>;
  close(): Promise<void>;
}

export interface BatchOptions {
  /** WARC files (.warc, .warc.gz), http(s) URLs, or HTML files */
  inputs?: string[];
  /** a file with one URL per line ('#' comments and blank lines ignored) */
  from?: string;
  /** SQLite store path (default ./winnow.db) */
  db?: string;
  allowPrivate?: boolean;
  /** parallel fetches (CLI strings accepted) */
  concurrency?: number | string;
  /** per-host delay between requests, ms */
  delay?: number | string;
  /** analyze worker threads; default defaultWorkers() (one fewer than the cores, at least 1); 0 = analyze inline (CLI strings accepted) */
  workers?: number | string;
  /**
   * old-generation heap cap per analyze worker, MB (default WORKER_HEAP_MB; CLI strings accepted): a page whose
   * analysis needs more fails with a memory-budget reason, its worker is replaced and the run goes on
   */
  workerHeapMb?: number | string;
  /**
   * young-generation size of each analyze worker, MB (default WORKER_YOUNG_MB): larger spends less CPU on garbage
   * collection per page and holds more memory (docs/bounds.md); no effect when Node runs with --max-semi-space-size,
   * as the CLI's launcher line starts it
   */
  workerYoungMb?: number | string;
  /** where NDJSON goes (default process.stdout); null to print nothing */
  out?: Writable | null;
  /** where progress and per-input errors go (default process.stderr) */
  err?: Writable;
  /** progress bar; default: when err is a TTY */
  progress?: boolean;
  /** fetcher to use for URLs (default: new Fetcher from src/fetch) */
  fetcher?: FetchLike;
  /** analysis function used inline when workers is 0 (default: analyze from src/analyze.ts) */
  analyzer?: (body: Uint8Array, o: { url?: string; contentType?: string; input?: string; budgetMs?: number }) => AnalyzeResult;
  /** store busy timeout, ms */
  busyTimeoutMs?: number;
  /** analyze()'s time budget per page, ms (default DEFAULT_BUDGET_MS): a slower page is named and recorded as not analysed */
  budgetMs?: number;
  /** keep cleanHtml in the NDJSON results (default: left empty; the store does not use it and it doubles the result) */
  cleanHtml?: boolean;
  /** analyze again what the store already has (same url + content, same WARC record) */
  rescan?: boolean;
  /** keep each page's bytes in the store (review UI's original view, the report's link targets) */
  keepHtml?: boolean;
  /** User-Agent for fetched URLs (default: the Fetcher's) */
  userAgent?: string;
  /** points a candidate needs to become a finding (analyze's `threshold`; default: the detector's) */
  threshold?: number;
  /** the line written to `out` for an analyzed page (default: its JSON) */
  render?: (result: AnalyzeResult) => string;
  /** the line written to `out` for a failed input (default: none) */
  renderError?: (input: string, message: string) => string;
}

export interface BatchSummary {
  /** pages analyzed and stored in this run */
  scanned: number;
  contaminated: number;
  findings: number;
  /** already in the store (same url + content, or same WARC record): not analyzed again */
  skippedDone: number;
  /** 304 Not Modified on a conditional GET */
  notModified: number;
  /** WARC records skipped: not HTML, non-2xx, too large, empty, unreadable */
  skipped: Record<SkipReason, number>;
  /** inputs that failed (fetch error, not HTML, analyze error) */
  failed: number;
  /** pages too big or too slow for analyze's budget: named on stderr and in the output, recorded as not analysed, never as a scan (retried next run) */
  overBudget: number;
  elapsedMs: number;
  pagesPerSec: number;
  /** share of the run's wall time the analyze workers were busy (0-1, mean over workers; absent when inline) */
  workerBusy?: number;
}

function toInt(v: number | string | undefined, name: string, min: number): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n) || n < min) throw new InputError(`--${name} must be an integer >= ${min} (got ${v})`);
  return n;
}

const isWarcPath = (s: string) => /\.warc(\.gz)?$/i.test(s);
const isUrl = (s: string) => /^https?:\/\//i.test(s);

async function writeLine(out: Writable | null, line: string): Promise<void> {
  if (!out) return;
  if (!out.write(line)) await new Promise<void>((r) => out.once('drain', r));
}

function headerValue(h: Record<string, string | string[] | undefined> | undefined, name: string): string | undefined {
  const v = h?.[name];
  return Array.isArray(v) ? v[0] : v;
}

export async function runBatch(opts: BatchOptions): Promise<BatchSummary> {
  const started = Date.now();
  const inputs = opts.inputs ?? [];
  const concurrency = toInt(opts.concurrency, 'concurrency', 1) ?? DEFAULT_FETCH_CONCURRENCY;
  const delay = toInt(opts.delay, 'delay', 0);
  const workers = toInt(opts.workers, 'workers', 0) ?? defaultWorkers();
  const heapMb = toInt(opts.workerHeapMb, 'worker-heap', MIN_WORKER_HEAP_MB);
  const youngMb = toInt(opts.workerYoungMb, 'worker-young', MIN_WORKER_YOUNG_MB);
  const out = opts.out === undefined ? process.stdout : opts.out;
  const errOut = opts.err ?? process.stderr;
  const showProgress = opts.progress ?? Boolean((errOut as { isTTY?: boolean }).isTTY);

  // the URL list is the run's input: a list that cannot be read refuses the run
  if (opts.from) {
    const why = inputFileProblem(opts.from);
    if (why) throw new InputError(`--from ${opts.from}: ${why}`);
  }
  if (!opts.from && inputs.length === 0) throw new InputError('scan: nothing to do (give --from FILE or WARC files)');

  const summary: BatchSummary = {
    scanned: 0, contaminated: 0, findings: 0, skippedDone: 0, notModified: 0,
    skipped: { 'non-html': 0, 'http-status': 0, 'too-large': 0, empty: 0, 'bad-record': 0 },
    failed: 0, overBudget: 0, elapsedMs: 0, pagesPerSec: 0,
  };
  const reportFailure = (label: string, err: unknown) => {
    summary.failed++;
    const msg = (err as Error)?.message ?? String(err);
    errOut.write(`${showProgress ? '\r\x1b[K' : ''}winnow: ${msg.startsWith(label) ? msg : `${label}: ${msg}`}\n`.replace(/\n(?!$)/g, ' '));
    if (out && opts.renderError) out.write(opts.renderError(label, msg));
  };

  // Files checked before anything is read: a missing file, a folder, a device or FIFO (/dev/zero, which never ends),
  // an unreadable file, or an HTML file over the page limit is one failed input, named; the others go on. A WARC is
  // streamed record by record, so only its pages are limited (MAX_RECORD_BYTES), not the file.
  const fileProblem = (i: string) => inputFileProblem(i, isWarcPath(i) ? undefined : MAX_RECORD_BYTES);
  const files: string[] = [];
  for (const i of inputs) {
    if (isUrl(i)) continue;
    const why = fileProblem(i);
    if (why) reportFailure(i, new InputError(`${i}: ${why}`));
    else files.push(i);
  }
  const urlInputs = inputs.filter(isUrl);
  // nothing left to scan: no store is created for a run that reads nothing
  if (!opts.from && urlInputs.length === 0 && files.length === 0) {
    summary.elapsedMs = Date.now() - started;
    return summary;
  }

  const store = await openStore(opts.db ?? DEFAULT_DB, { timeoutMs: opts.busyTimeoutMs, keepHtml: opts.keepHtml });
  tuneStoreForBatch(store);
  const semiFlag = semiSpaceFlagMb();
  if (youngMb !== undefined && semiFlag !== undefined && workers > 0 && !opts.analyzer) {
    errOut.write(`winnow: --worker-young ${youngMb} has no effect: Node runs with --max-semi-space-size=${semiFlag} (bin/winnow.js's first line), which sizes every thread's young generation; start it as \`node bin/winnow.js ...\` to set it\n`);
  }
  const pool = opts.analyzer ? new AnalyzePool(0, opts.analyzer) : new AnalyzePool(workers, undefined, { heapMb, youngMb });
  let fetcher = opts.fetcher;
  let ownFetcher = false;
  let progressTimer: NodeJS.Timeout | undefined;
  const progress = () => {
    const s = (Date.now() - started) / 1000;
    const skipped = Object.values(summary.skipped).reduce((a, b) => a + b, 0);
    errOut.write(`\r\x1b[Kscanned ${summary.scanned} (${(summary.scanned / Math.max(s, 0.001)).toFixed(1)}/s)  contaminated ${summary.contaminated}  already-done ${summary.skippedDone}  skipped ${skipped}  failed ${summary.failed}`);
  };
  if (showProgress) progressTimer = setInterval(progress, PROGRESS_INTERVAL_MS);
  let fatal: unknown;

  // Group commit: analyzed pages wait (at most COMMIT_GROUP pages or COMMIT_INTERVAL_MS) and are committed
  // together; each page still lands with its scan and findings or not at all, and NDJSON is printed only after
  // the commit, so a kill loses at most an uncommitted group, which the next run redoes.
  let pending: Array<{ meta: PageMeta; result: AnalyzeResult }> = [];
  let pendingBytes = 0;
  /** keys (pages.url) being worked on, and those analyzed but not yet committed: kept small, not a log of the run */
  const active = new Set<string>();
  const queued = new Set<string>();
  let commitTimer: NodeJS.Timeout | undefined;
  const flush = async () => {
    if (commitTimer) clearTimeout(commitTimer);
    commitTimer = undefined;
    if (pending.length === 0 || fatal) return;
    const group = pending;
    pending = [];
    pendingBytes = 0;
    try {
      await saveResults(store, group);
    } catch (err) {
      fatal ??= err;
      return;
    }
    for (const { meta } of group) {
      queued.delete(meta.url);
      active.delete(meta.url);
    }
    for (const { result } of group) {
      summary.scanned++;
      if (result.verdict === 'contaminated') summary.contaminated++;
      summary.findings += result.findings.length;
      await writeLine(out, opts.render ? opts.render(result) : `${JSON.stringify(result)}\n`);
    }
  };

  /** Analyze, then queue page + scan for the next group commit. Store errors (locked, disk full) stop the run. */
  const finish = async (label: string, job: { body: Uint8Array; url?: string; contentType?: string }, meta: PageMeta) => {
    let result: AnalyzeResult;
    try {
      result = await pool.run({ body: job.body, url: job.url, contentType: job.contentType, input: label, cleanHtml: Boolean(opts.cleanHtml), budgetMs: opts.budgetMs, threshold: opts.threshold });
    } catch (err) {
      reportFailure(label, err);
      return;
    }
    if (!opts.cleanHtml) result.cleanHtml = '';
    const overBudget = overBudgetReason(result);
    if (overBudget) {
      // not analysed: stored as a scan it would be a clean page in every rate of the report. Named, counted, in the
      // output and recorded apart (the report counts it per site); the next run of the same input tries it again
      summary.scanned++;
      summary.overBudget++;
      try {
        await saveUnanalysed(store, meta, overBudget, result.url);
      } catch (err) {
        fatal ??= err;
        return;
      }
      errOut.write(`${showProgress ? '\r\x1b[K' : ''}winnow: ${result.url || label}: not analysed (${overBudget}); recorded as not analysed\n`);
      await writeLine(out, opts.render ? opts.render(result) : `${JSON.stringify(result)}\n`);
      return;
    }
    if (!opts.keepHtml && meta.body) {
      // the store keeps only the bytes' hash: let the page go now, not after its group commit
      meta = { ...meta, contentHash: meta.contentHash ?? contentHash(meta.body), body: undefined };
    }
    pending.push({ meta, result });
    pendingBytes += meta.body?.byteLength ?? 0;
    queued.add(meta.url);
    if (pending.length >= COMMIT_GROUP || pendingBytes >= COMMIT_MAX_BYTES) await flush();
    else commitTimer ??= setTimeout(() => void flush(), COMMIT_INTERVAL_MS);
  };

  const analyzing = new Bounded(Math.max(1, workers) * JOBS_PER_WORKER + 1, MAX_IN_FLIGHT_BYTES);
  const fetchLimit = pLimit(concurrency);

  const doUrl = async (url: string) => {
    if (!fetcher) {
      // the Fetcher (src/fetch) is loaded only when URLs are scanned
      const { Fetcher } = await import('../fetch/index.js');
      fetcher ??= new Fetcher({
        allowPrivate: Boolean(opts.allowPrivate),
        ...(delay !== undefined ? { perHostDelayMs: delay } : {}),
        ...(opts.userAgent ? { userAgent: opts.userAgent } : {}),
      });
      ownFetcher = true;
    }
    let res;
    try {
      const bad = badUrl(url);
      if (bad) throw new InputError(`${url}: ${bad}`);
      const f = fetcher;
      const conditional = opts.rescan ? {} : await conditionalFor(store, url);
      res = await fetchLimit(() => f.fetch(url, conditional));
    } catch (err) {
      reportFailure(url, err);
      return;
    }
    if (res.notModified) {
      summary.notModified++;
      return;
    }
    if (!isHtmlRecord(res.contentType || undefined, res.body)) {
      summary.skipped['non-html']++;
      return;
    }
    const hash = contentHash(res.body);
    if (!opts.rescan && (await hasScan(store, url, hash))) {
      summary.skippedDone++;
      return;
    }
    const r = res;
    // awaited: the task (and its claim on `url`) lasts until the page is analyzed and queued for commit
    const { done } = await analyzing.submit(() => finish(url, { body: r.body, url: r.finalUrl || url, contentType: r.contentType }, {
      url,
      finalUrl: r.finalUrl || url,
      fetchedAt: r.fetchedAt,
      status: r.status,
      etag: headerValue(r.headers, 'etag'),
      lastModified: headerValue(r.headers, 'last-modified'),
      contentType: r.contentType,
      contentHash: hash,
      body: r.body,
    }), r.body.byteLength);
    await done;
  };

  const runUrls = async (urls: AsyncIterable<string> | Iterable<string>) => {
    // tasks in flight: bounded by fetches + analyses (each task holds one of them while working)
    const tasks = new Bounded(concurrency + Math.max(1, workers) * JOBS_PER_WORKER + 1);
    for await (const url of urls) {
      if (fatal) break;
      // a URL listed again while its first copy is still in flight (not yet committed) is skipped: both would
      // miss the store check. Once committed, a repeat is caught by the store (304 or same content hash).
      if (active.has(url)) {
        summary.skippedDone++;
        continue;
      }
      active.add(url);
      await tasks.submit(() =>
        doUrl(url)
          .catch((err) => reportFailure(url, err))
          .finally(() => {
            if (!queued.has(url)) active.delete(url);
          }),
      );
    }
    await tasks.drain();
  };

  const runWarc = async (path: string) => {
    try {
      await runWarcRecords(path);
    } catch (err) {
      // a cut or damaged WARC: the records before the damage are kept; report it and go on with the next input
      if (!(err instanceof InputError)) throw err;
      reportFailure(path, err);
    }
  };
  const runWarcRecords = async (path: string) => {
    for await (const item of readWarc(path, { skipKey: (key) => !opts.rescan && hasAnyScan(store, key) })) {
      if (fatal) break;
      if (item.kind === 'done-before') {
        summary.skippedDone++;
        continue;
      }
      if (item.kind === 'skip') {
        summary.skipped[item.skip.reason]++;
        continue;
      }
      const p = item.page;
      await analyzing.submit(() => finish(p.key, { body: p.body, url: httpUrlOrNone(p.targetUri), contentType: p.contentType }, {
        url: p.key,
        finalUrl: p.targetUri || undefined,
        fetchedAt: p.date,
        status: p.status,
        etag: p.etag,
        lastModified: p.lastModified,
        contentType: p.contentType,
        source: `${p.file}@${p.offset}`,
        body: p.body,
      }), p.body.byteLength);
    }
  };

  try {
    if (opts.from) {
      const from = opts.from;
      const urls = (async function* () {
        try {
          for await (const l of readUrlList(from)) {
            // a line that is no http(s) URL is named by where it is, as \`winnow enqueue\` names it
            if ('bad' in l) reportFailure(`${from}:${l.line}`, new InputError(l.bad));
            else yield l.url;
          }
        } catch (err) {
          // the list fails midway (a read error): the URLs read so far are scanned and stored, the list is named
          if (!(err instanceof InputError)) throw err;
          reportFailure(from, err);
        }
      })();
      await runUrls(urls);
    }
    if (urlInputs.length) await runUrls(urlInputs);
    for (const input of files) {
      if (fatal) break;
      if (isWarcPath(input)) await runWarc(input);
      else {
        // a local HTML file: keyed by its absolute file: URL, resumable by content hash like a URL
        const abs = resolve(input);
        // checked again: the run may have spent hours on other inputs since, and the file changed meanwhile
        const why = fileProblem(input);
        if (why) {
          reportFailure(input, new InputError(`${input}: ${why}`));
          continue;
        }
        let body: Buffer;
        try {
          body = await readFile(abs);
        } catch (err) {
          reportFailure(input, cannotRead(input, err));
          continue;
        }
        const key = `file:${abs}`;
        if (active.has(key)) continue;
        active.add(key);
        if (!opts.rescan && (await hasScan(store, key, contentHash(body)))) {
          summary.skippedDone++;
          continue;
        }
        await analyzing.submit(
          () => finish(input, { body }, { url: key, body, fetchedAt: new Date().toISOString() }).finally(() => {
            if (!queued.has(key)) active.delete(key);
          }),
          body.byteLength,
        );
      }
    }
    await analyzing.drain();
    await flush();
    if (pool.size > 0) summary.workerBusy = pool.utilization();
  } finally {
    if (commitTimer) clearTimeout(commitTimer);
    if (progressTimer) clearInterval(progressTimer);
    await pool.close();
    if (ownFetcher && fetcher) await fetcher.close();
    await store.close();
  }
  if (fatal) throw fatal;
  summary.elapsedMs = Date.now() - started;
  summary.pagesPerSec = summary.scanned / Math.max(summary.elapsedMs / 1000, 0.001);
  if (showProgress) {
    progress();
    errOut.write('\n');
  }
  return summary;
}

/** One line for stderr at the end of a CLI batch run. */
export function formatSummary(s: BatchSummary): string {
  const skipped = Object.entries(s.skipped).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ');
  return `scanned ${s.scanned} pages (${s.contaminated} contaminated, ${s.findings} findings) in ${(s.elapsedMs / 1000).toFixed(1)} s, ${s.pagesPerSec.toFixed(1)} pages/s; already done ${s.skippedDone}; not modified ${s.notModified}; skipped ${skipped || 0}; failed ${s.failed}${s.overBudget ? `; over budget ${s.overBudget}` : ''}`;
}

