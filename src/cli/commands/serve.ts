import type { Command } from 'commander';
import { InputError } from '../../errors.js';

/** `winnow serve --port N --db PATH|postgres://… [--host 127.0.0.1]`: the review service (API + web UI). */
export function register(program: Command): void {
  program
    .command('serve')
    .description('Run the review service: moderation queue, decisions, rule stats, retrain (API + web UI)')
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <addr>', 'address to bind (keep 127.0.0.1 unless behind a proxy)', '127.0.0.1')
    .option('--db <target>', 'store: a SQLite path or postgres://…', 'winnow.db')
    .option('--no-seed', 'do not scan the demo pages into an empty store')
    .option('--allow-private', 'let POST /api/scan fetch private/loopback addresses (intranets, tests)')
    .option('--model <path>', 'where the Retrain button writes the classifier model (default: corpus/model/model.json)')
    .action(async (opts: { port: string; host: string; db: string; seed: boolean; allowPrivate?: boolean; model?: string }) => {
      const port = /^\d{1,5}$/.test(opts.port) ? Number(opts.port) : NaN;
      if (!(port >= 0 && port <= 65535)) throw new InputError(`--port must be a number 0-65535, got "${opts.port}"`);
      const { startServer } = await import('../../serve/index.js');
      const srv = await startServer({ port, host: opts.host, dbPath: opts.db, seed: opts.seed, allowPrivate: opts.allowPrivate, modelPath: opts.model });
      const stop = () => {
        srv.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
