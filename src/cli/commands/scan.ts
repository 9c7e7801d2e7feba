import type { Command } from 'commander';
import type { AnalyzeOptions } from '../../analyze.js';
import { MIN_WORKER_HEAP_MB, WORKER_HEAP_MB, MIN_WORKER_YOUNG_MB, WORKER_YOUNG_MB, defaultWorkers } from '../../batch/pool.js';
import { InputError } from '../../errors.js';
import { REQUIRED_POINTS } from '../../detect/scoring.js';
import { DEFAULT_USER_AGENT, DEFAULT_PER_HOST_CONCURRENCY, DEFAULT_PER_HOST_DELAY_MS } from '../../fetch/options.js';
import { readInput, isUrl } from '../input.js';
import type { AnalyzeResult } from '../../result.js';
import { formatReport, formatLine, COLOR, PLAIN } from '../report-text.js';
import { errorRecord, intOption, namedMessage, OutDir, parseFields, pick, positiveOption, userAgentOption } from '../output.js';

/** Parallel fetches of a batch when --concurrency is not given (src/batch's default, shown in --help). */
const BATCH_CONCURRENCY = 8;
const BATCH_DB = './winnow.db';

/** Fetch the URL as the crawlers too; their extra text becomes findings (src/detect/cloaking.ts). */
async function cloaked(url: string, result: AnalyzeResult, allowPrivate: boolean, userAgent?: string): Promise<AnalyzeResult> {
  const { Fetcher } = await import('../../fetch/index.js');
  const { cloakingCheck } = await import('../../fetch/cloaking.js');
  const { withCloaking } = await import('../../cloaked.js');
  const { loadRules } = await import('../../detect/rules/index.js');
  const fetcher = new Fetcher({ allowPrivate, ...(userAgent ? { userAgent } : {}) });
  try {
    const report = await cloakingCheck(fetcher, url);
    // the same text served to several crawlers is one finding that names them all
    const byText = new Map<string, { crawlers: string[]; text: string; path: string }>();
    for (const c of report.crawlers) {
      for (const b of c.blocks) {
        const e = byText.get(b.text) ?? { crawlers: [], text: b.text, path: b.path };
        if (!e.crawlers.includes(c.crawler)) e.crawlers.push(c.crawler);
        byText.set(b.text, e);
      }
    }
    const blocks = [...byText.values()].map((e) => ({ crawler: e.crawlers.join(' and '), text: e.text, path: e.path }));
    return withCloaking(result, blocks, loadRules());
  } finally {
    await fetcher.close();
  }
}

interface ScanOpts {
  json?: boolean;
  fields?: string;
  out?: string;
  quiet?: boolean;
  allowPrivate?: boolean;
  cloaking?: boolean;
  userAgent?: string;
  threshold?: string;
  rescan?: boolean;
  keepHtml?: boolean;
  from?: string;
  db?: string;
  concurrency?: string;
  delay?: string;
  workers?: string;
  workerHeap?: string;
  workerYoung?: string;
}

const isWarc = (s: string) => /\.warc(\.gz)?$/i.test(s);

export function register(program: Command): void {
  program
    .command('scan')
    .description('scan pages (files, URLs, - for stdin, WARC files) for injected spam')
    .argument('[inputs...]', 'HTML files, http(s) URLs, - for stdin, or .warc/.warc.gz files')
    .option('--json', 'one JSON object per input (NDJSON); a failed input is {"input","error"}')
    .option('--fields <list>', 'JSON output keeps only these fields, e.g. input,url,verdict,score,findings (default: all)')
    .option('--out <dir>', 'write one JSON file per input into this folder (stdout keeps one line per page)')
    .option('--quiet', 'no progress, no summary, no per-page lines (errors are still printed)')
    .option('--threshold <points>', `points a candidate needs to become a finding (default: ${REQUIRED_POINTS})`)
    .option('--allow-private', 'allow fetching loopback/private addresses (tests, intranets)')
    .option('--user-agent <ua>', `User-Agent for fetched URLs (default: "${DEFAULT_USER_AGENT}")`)
    .option('--cloaking', 'for URLs: fetch again as Googlebot and Baiduspider and report text only crawlers see (single pages, not in a batch)')
    // batch runs: --from or WARC inputs go to the batch runner (store, worker threads, resumable)
    .option('--from <file>', 'batch: read URLs (one per line) from a file')
    .option('--db <path>', `batch: store results in this SQLite file or postgres:// URL (default: ${BATCH_DB}); given with files or URLs, they are scanned as a batch and stored too`)
    .option('--concurrency <n>', `batch: parallel fetches in all (default: ${BATCH_CONCURRENCY}; at most ${DEFAULT_PER_HOST_CONCURRENCY} per host)`)
    .option('--delay <ms>', `batch: pause between two requests to the same host, in ms (default: ${DEFAULT_PER_HOST_DELAY_MS})`)
    .option('--workers <n>', `batch: analyze threads (default: one fewer than the cores, at least 1: ${defaultWorkers()} here)`)
    .option('--worker-heap <mb>', `batch: heap limit of each analyze thread, MB (default: ${WORKER_HEAP_MB}); a page that needs more fails with that reason, the run goes on`)
    .option('--worker-young <mb>', `batch: young generation of each analyze thread, MB (default: ${WORKER_YOUNG_MB}); smaller holds less memory and spends more CPU on garbage collection; only when started as \`node bin/winnow.js\` (the winnow command sets every thread's with --max-semi-space-size=8)`)
    .option('--rescan', 'batch: analyze again pages the store already has (default: skip them, which makes runs resumable)')
    .option('--keep-html', "batch: keep each page's HTML in the store, for the review UI's original view and the report's link targets (default: not kept)")
    .action(async (inputs: string[], opts: ScanOpts) => {
      const fields = parseFields(opts.fields);
      const threshold = positiveOption('threshold', opts.threshold);
      userAgentOption(opts.userAgent);
      intOption('concurrency', opts.concurrency, 1);
      intOption('delay', opts.delay, 0);
      intOption('workers', opts.workers, 0);
      intOption('worker-heap', opts.workerHeap, MIN_WORKER_HEAP_MB);
      intOption('worker-young', opts.workerYoung, MIN_WORKER_YOUNG_MB);
      const outDir = opts.out ? new OutDir(opts.out, inputs) : undefined;
      const json = (r: AnalyzeResult) => `${JSON.stringify(pick(r, fields))}\n`;
      /** where a page's result goes: a file in --out, NDJSON with --json, else the readable form given */
      const emit = (r: AnalyzeResult, name: string, readable: () => string): string => {
        if (outDir) {
          outDir.write(name, 'json', json(r));
          return opts.quiet ? '' : `${formatLine(r)}\n`;
        }
        if (opts.json) return json(r);
        return opts.quiet ? '' : readable();
      };
      const emitError = (input: string, err: unknown): string => {
        if (outDir) {
          outDir.appendError(input, err);
          return '';
        }
        return opts.json ? errorRecord(input, err) : '';
      };

      // a store asked for (--db, --rescan, --keep-html) sends files and URLs to the batch runner too: results stored,
      // resumable; without this the option would be read and nothing stored
      const storeAsked = opts.db !== undefined || opts.rescan === true || opts.keepHtml === true;
      if (opts.from || inputs.some(isWarc) || storeAsked) {
        // the cloaking check fetches each URL three times: a single-page check, not part of a batch's pipeline
        if (opts.cloaking) throw new InputError(`scan: --cloaking checks single URLs and does not run in a batch (${opts.from ? '--from' : inputs.some(isWarc) ? 'WARC input' : '--db, --rescan or --keep-html'}); leave one out`);
        if (inputs.includes('-')) throw new InputError(`scan: standard input (-) cannot go into a store; save it to a file first, or leave out ${opts.db !== undefined ? '--db' : opts.rescan ? '--rescan' : '--keep-html'}`);
        const clearLine = !opts.quiet && process.stdout.isTTY && process.stderr.isTTY ? '\r\x1b[K' : '';
        const { runBatch, formatSummary } = await import('../../batch/index.js');
        const summary = await runBatch({
          inputs,
          from: opts.from,
          db: opts.db,
          allowPrivate: opts.allowPrivate,
          concurrency: opts.concurrency,
          delay: opts.delay,
          workers: opts.workers,
          workerHeapMb: opts.workerHeap,
          workerYoungMb: opts.workerYoung,
          rescan: opts.rescan,
          keepHtml: opts.keepHtml,
          userAgent: opts.userAgent,
          threshold,
          progress: opts.quiet ? false : undefined,
          // a WARC record is named by its target URI, a fetched page by its URL
          // on a terminal the progress line (stderr) is cleared before a page line is printed over it
          render: (r) => emit(r, r.url && isUrl(r.url) ? r.url : (r.input ?? 'page'), () => `${clearLine}${formatLine(r)}\n`),
          renderError: (input, message) => emitError(input, new Error(message)),
        });
        if (!opts.quiet) process.stderr.write(`winnow: ${formatSummary(summary)}\n`);
        if (summary.failed > 0) process.exitCode = 2;
        return;
      }
      if (inputs.length === 0) throw new InputError('scan: give at least one file, URL or - (see winnow scan --help)');
      // loaded here, not at the top: a batch analyses on worker threads and its main thread never needs it
      const { analyze } = await import('../../analyze.js');
      const style = process.stdout.isTTY && !process.env.NO_COLOR ? COLOR : PLAIN;
      for (const input of inputs) {
        try {
          const src = await readInput(input, { allowPrivate: opts.allowPrivate, userAgent: opts.userAgent });
          const aopts: AnalyzeOptions & { threshold?: number } = { url: src.url, contentType: src.contentType, input, threshold };
          let result = analyze(src.body, aopts);
          if (opts.cloaking && isUrl(input)) result = await cloaked(input, result, opts.allowPrivate ?? false, opts.userAgent);
          process.stdout.write(emit(result, input, () => `${formatReport(result, style)}\n\n`));
        } catch (err) {
          process.stderr.write(`winnow: ${namedMessage(input, err)}\n`);
          if (process.env.WINNOW_DEBUG) process.stderr.write(`${(err as Error)?.stack}\n`);
          process.stdout.write(emitError(input, err));
          process.exitCode = Math.max(Number(process.exitCode ?? 0), err instanceof InputError ? err.exitCode : 1);
        }
      }
    });
}
