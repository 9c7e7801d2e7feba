import type { Command } from 'commander';

/** `winnow worker [--concurrency N]`: analyse queued jobs into the store until SIGTERM/SIGINT. */
export function register(program: Command): void {
  program
    .command('worker')
    .description('process queued jobs (BullMQ on Redis) into the store; stops gracefully on SIGTERM/SIGINT')
    .option('--queue <url>', 'Redis URL, optional ?prefix=NAME (default: WINNOW_QUEUE or redis://127.0.0.1:6379)')
    .option('--db <target>', 'store: postgres://… or a SQLite path (default: WINNOW_DB or ./winnow.db)')
    .option('--concurrency <n>', 'jobs at a time, each on its own analyze thread (default: all cores)')
    .option('--lock-ms <ms>', 'job lock: a killed worker\'s job is handed out again within ~1.5 times this', '15000')
    .option('--keep-html', 'keep each page\'s raw bytes (compressed) in the store')
    .option('--allow-private', 'let URL jobs fetch loopback/private addresses (tests, intranets)')
    .option('--host-delay <ms>', 'minimum time between requests to one host, across all workers', '1000')
    .action(async (opts: { queue?: string; db?: string; concurrency?: string; lockMs: string; keepHtml?: boolean; allowPrivate?: boolean; hostDelay: string }) => {
      const { InputError } = await import('../../errors.js');
      const int = (v: string, name: string, min: number) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < min) throw new InputError(`--${name} must be an integer >= ${min} (got ${v})`);
        return n;
      };
      const { startWorker } = await import('../../queue/worker.js');
      const log = (l: string) => process.stderr.write(`${l}\n`);
      const w = await startWorker({
        queue: opts.queue,
        db: opts.db,
        concurrency: opts.concurrency === undefined ? undefined : int(opts.concurrency, 'concurrency', 1),
        lockMs: int(opts.lockMs, 'lock-ms', 1000),
        keepHtml: opts.keepHtml,
        allowPrivate: opts.allowPrivate,
        hostDelayMs: int(opts.hostDelay, 'host-delay', 0),
        log,
      });
      log(`winnow: worker ${process.pid} ready`);
      let signals = 0;
      const stop = (sig: string) => {
        // first signal: finish the jobs in hand; a second one: stop now (their locks lapse, others take them)
        signals++;
        log(`winnow: ${sig}: ${signals === 1 ? 'finishing the current jobs' : 'stopping now'}`);
        w.stop(signals > 1).then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
    });
}
