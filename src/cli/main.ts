// winnow command line. Each command lives in its own module under ./commands and registers itself.
import { Command, CommanderError } from 'commander';
import { WINNOW_VERSION } from '../util/version.js';
import { InputError } from '../errors.js';
import * as scan from './commands/scan.js';
import * as cleanCmd from './commands/clean.js';
import * as rules from './commands/rules.js';
import * as report from './commands/report.js';
import * as exportCmd from './commands/export.js';
import * as serve from './commands/serve.js';
import * as train from './commands/train.js';
import * as enqueueCmd from './commands/enqueue.js';
import * as workerCmd from './commands/worker.js';
import * as statusCmd from './commands/status.js';

export function buildProgram(): Command {
  const program = new Command('winnow')
    .description('Find and strip injected SEO spam and ads in scraped news pages')
    .version(WINNOW_VERSION)
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });
  for (const m of [scan, cleanCmd, rules, report, exportCmd, serve, train, enqueueCmd, workerCmd, statusCmd]) m.register(program);
  return program;
}

/** One line on stderr and a non-zero exit; a stack only with WINNOW_DEBUG=1. */
export function fail(err: unknown): never {
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
  if (err instanceof InputError) {
    process.stderr.write(`winnow: ${err.message}\n`);
    process.exit(err.exitCode);
  }
  const e = err as Error;
  process.stderr.write(`winnow: ${e?.message ?? String(err)}\n`);
  if (process.env.WINNOW_DEBUG) process.stderr.write(`${e?.stack}\n`);
  process.exit(1);
}

// a reader that went away (`| head`) ends the run quietly; any other write error (a full disk, a closed stdout) is the
// output lost: one line and exit 2, never exit 0 over output that went nowhere, nor a wait for a drain that never comes
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  process.stderr.write(`winnow: cannot write to standard output (${err.code ?? err.message})\n`);
  process.exit(2);
});

buildProgram()
  .parseAsync(process.argv)
  .catch(fail);
