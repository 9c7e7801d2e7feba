// Options shared by the commands that read the store (report, export): --db, --format, --since, --out, --limit.
import type { Command } from 'commander';
import { existsSync, fstatSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { isPostgresUrl } from '../store/index.js';

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

/** Files SQLite and winnow keep beside a store: writing over any of them damages the store. */
const STORE_SIDE_FILES = ['-wal', '-shm', '-journal', '.lock'];

/** The path with its folder's symlinks resolved (the file itself may not exist yet). */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return resolve(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** Same file: the same inode when both exist (symlinks, hard links), else the same resolved path. */
function sameFile(a: string, b: string): boolean {
  try {
    const [sa, sb] = [statSync(a), statSync(b)];
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return realPath(a) === realPath(b);
  }
}

/**
 * Refuse an output path that is the SQLite store being read, or its -wal, -shm, -journal or lock file, before
 * anything is opened or written: the report would replace the database. Checks standard output too (`> r.db`).
 */
export function checkOutIsNotStore(db: string, outs: string[], option = '--out'): void {
  if (!db || isPostgresUrl(db)) return;
  const dbPath = realPath(db);
  for (const out of outs) {
    if (sameFile(out, db)) throw new InputError(`${option} ${out} is the --db file`);
    const outPath = realPath(out);
    const side = STORE_SIDE_FILES.find((x) => outPath === `${dbPath}${x}`);
    if (side) throw new InputError(`${option} ${out} is the --db file's ${side.slice(1)} file`);
  }
  if (outs.length === 0 && existsSync(db)) {
    try {
      const [o, d] = [fstatSync(1), statSync(db)];
      if (o.isFile() && o.dev === d.dev && o.ino === d.ino) throw new InputError(`standard output is the --db file ${db}`);
    } catch (err) {
      if (err instanceof InputError) throw err;
    }
  }
}
