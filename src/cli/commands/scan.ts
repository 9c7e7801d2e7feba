import type { Command } from 'commander';
import { analyze } from '../../analyze.js';
import { InputError } from '../../errors.js';
import { readInput, isUrl } from '../input.js';
import type { AnalyzeResult } from '../../result.js';

/** Fetch the URL as the crawlers too; their extra text becomes findings (src/detect/cloaking.ts). */
async function cloaked(url: string, result: AnalyzeResult, allowPrivate: boolean): Promise<AnalyzeResult> {
  const { Fetcher } = await import('../../fetch/index.js');
  const { cloakingCheck } = await import('../../fetch/cloaking.js');
  const { withCloaking } = await import('../../cloaked.js');
  const { loadRules } = await import('../../detect/rules/index.js');
  const fetcher = new Fetcher({ allowPrivate });
  try {
    const report = await cloakingCheck(fetcher, url);
    const blocks = report.crawlers.flatMap((c) => c.blocks.map((b) => ({ crawler: c.crawler, text: b.text, path: b.path })));
    return withCloaking(result, blocks, loadRules());
  } finally {
    await fetcher.close();
  }
}
import { formatReport, COLOR, PLAIN } from '../report-text.js';

interface ScanOpts {
  json?: boolean;
  allowPrivate?: boolean;
  cloaking?: boolean;
  // BATCH options (store/batch owner):
  from?: string;
  db?: string;
  concurrency?: string;
  delay?: string;
  workers?: string;
}

const isWarc = (s: string) => /\.warc(\.gz)?$/i.test(s);

export function register(program: Command): void {
  program
    .command('scan')
    .description('scan pages (files, URLs, - for stdin, WARC files) for injected spam')
    .argument('[inputs...]', 'HTML files, http(s) URLs, - for stdin, or .warc/.warc.gz files')
    .option('--json', 'one JSON object per input (NDJSON when several)')
    .option('--allow-private', 'allow fetching loopback/private addresses (tests, intranets)')
    .option('--cloaking', 'for URLs: fetch again as Googlebot and Baiduspider and report text only crawlers see')
    // BATCH: options for batch runs (--from, WARC, store)
    .option('--from <file>', 'read URLs (one per line) from a file')
    .option('--db <path>', 'store results in this SQLite file (batch runs; default ./winnow.db)')
    .option('--concurrency <n>', 'parallel fetches in a batch')
    .option('--delay <ms>', 'delay between requests to one host in a batch')
    .option('--workers <n>', 'analyze threads in a batch (default: all cores)')
    .action(async (inputs: string[], opts: ScanOpts) => {
      // BATCH: --from or WARC inputs go to the batch runner (store, workers, resumable)
      if (opts.from || inputs.some(isWarc)) {
        const { runBatch, formatSummary } = await import('../../batch/index.js');
        const summary = await runBatch({
          inputs,
          from: opts.from,
          db: opts.db,
          allowPrivate: opts.allowPrivate,
          concurrency: opts.concurrency,
          delay: opts.delay,
          workers: opts.workers,
        });
        process.stderr.write(`winnow: ${formatSummary(summary)}\n`);
        if (summary.failed > 0) process.exitCode = 2;
        return;
      }
      // END BATCH
      if (inputs.length === 0) throw new InputError('scan: give at least one file, URL or - (see winnow scan --help)');
      const style = process.stdout.isTTY && !process.env.NO_COLOR ? COLOR : PLAIN;
      let failed = 0;
      for (const input of inputs) {
        try {
          const src = await readInput(input, { allowPrivate: opts.allowPrivate });
          let result = analyze(src.body, { url: src.url, contentType: src.contentType, input });
          if (opts.cloaking && isUrl(input)) result = await cloaked(input, result, opts.allowPrivate ?? false);
          process.stdout.write(opts.json ? `${JSON.stringify(result)}\n` : `${formatReport(result, style)}\n\n`);
        } catch (err) {
          if (!(err instanceof InputError) || inputs.length === 1) throw err;
          // several inputs: report the bad one and go on with the rest
          process.stderr.write(`winnow: ${err.message}\n`);
          failed++;
        }
      }
      if (failed > 0) process.exitCode = 2;
    });
}
