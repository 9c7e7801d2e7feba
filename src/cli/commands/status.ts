import type { Command } from 'commander';

/** `winnow status --run NAME [--json]`: jobs total/done/failed and pages stored for a queued run. */
export function register(program: Command): void {
  program
    .command('status')
    .description('progress of a queued run: jobs total, done, failed; pages stored (pages/s and ETA on a terminal)')
    .requiredOption('--run <name>', 'the run (as given to enqueue)')
    .option('--json', 'one JSON line {"run","total","done","failed","stored"}')
    .option('--queue <url>', 'Redis URL, optional ?prefix=NAME (default: WINNOW_QUEUE or redis://127.0.0.1:6379)')
    .option('--db <target>', 'store: postgres://… or a SQLite path (default: WINNOW_DB or ./winnow.db)')
    .action(async (opts: { run: string; json?: boolean; queue?: string; db?: string }) => {
      const { runStatus, formatStatus } = await import('../../queue/status.js');
      const s = await runStatus({ run: opts.run, queue: opts.queue, db: opts.db });
      if (opts.json) {
        const { run, total, done, failed, stored } = s;
        process.stdout.write(`${JSON.stringify({ run, total, done, failed, stored })}\n`);
      } else process.stdout.write(`${formatStatus(s)}\n`);
    });
}
