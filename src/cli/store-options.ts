// Options shared by the commands that read the store (report, export): --db, --format, --since, --out, --limit.
import type { Command } from 'commander';
import { InputError } from '../errors.js';

export interface StoreReadOpts {
  db: string;
  format: string;
  since?: string;
  out?: string;
  limit?: string;
}

export function storeReadOptions(cmd: Command, formats: readonly string[], defaultFormat: string): Command {
  return cmd
    .option('--db <target>', 'the store: a SQLite path or postgres://… (default: WINNOW_DB or ./winnow.db)', process.env.WINNOW_DB || './winnow.db')
    .option('--format <fmt>', `output format: ${formats.join(', ')}`, defaultFormat)
    .option('--since <date>', 'only pages fetched on/after this date (2026-11-01) or in the last N days (7d) (default: all pages)');
}

/** The --format value when it is one of formats; a one-line error otherwise. */
export function checkFormat<F extends string>(command: string, formats: readonly F[], format: string): F {
  if (!(formats as readonly string[]).includes(format)) {
    throw new InputError(`${command}: --format must be one of ${formats.join(', ')} (got ${format})`);
  }
  return format as F;
}

/** One-line error for an output file that cannot be written. */
export function cannotWrite(path: string, err: unknown): InputError {
  return new InputError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
}
