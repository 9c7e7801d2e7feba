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
  return checkChoice(command, 'format', formats, format);
}

/** The value of --<option> when it is one of choices; a one-line error naming the option otherwise. */
export function checkChoice<F extends string>(command: string, option: string, choices: readonly F[], value: string): F {
  if (!(choices as readonly string[]).includes(value)) {
    throw new InputError(`${command}: --${option} must be one of ${choices.join(', ')} (got ${value})`);
  }
  return value as F;
}

/** One-line error for an output file that cannot be written. */
export function cannotWrite(path: string, err: unknown): InputError {
  return new InputError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
}
