import type { Command } from 'commander';

/** `winnow status --run NAME [--json] [--failed]`: jobs total/done/failed, pages stored and failed for a queued run. */
export function register(program: Command): void {
  program
    .command('status')
    .description('progress of a queued run: jobs total, done, failed; pages stored and failed (pages/s and ETA on a terminal)')
    .requiredOption('--run <name>', 'the run (as given to enqueue)')
    .option('--json', 'one JSON line {"run","total","done","failed","stored","failedPages"}')
    .option('--failed', 'then list the failed pages, one per line: page<TAB>why (one JSON line each with --json)')
    .option('--queue <url>', 'Redis URL, optional ?prefix=NAME (default: WINNOW_QUEUE or redis://127.0.0.1:6379)')
    .option('--db <target>', 'store: postgres://… or a SQLite path (default: WINNOW_DB or ./winnow.db)')
    .action(async (opts: { run: string; json?: boolean; failed?: boolean; queue?: string; db?: string }) => {
      const { runStatus, formatStatus, runFailedPages } = await import('../../queue/status.js');
      const s = await runStatus({ run: opts.run, queue: opts.queue, db: opts.db });
      if (opts.json) {
        const { run, total, done, failed, stored, failedPages } = s;
        process.stdout.write(`${JSON.stringify({ run, total, done, failed, stored, failedPages })}\n`);
      } else process.stdout.write(`${formatStatus(s)}\n`);
      if (opts.failed) {
        for (const f of await runFailedPages({ run: opts.run, queue: opts.queue })) {
          process.stdout.write(opts.json ? `${JSON.stringify(f)}\n` : `${f.page}\t${f.reason}\n`);
        }
      }
    });
}
