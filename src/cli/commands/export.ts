import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { openStore, type Store } from '../../store/index.js';
import { EXPORT_FORMATS, EXPORT_TABLES, type ExportFormat, type ExportTable } from '../../report/formats.js';
import type { exportTable as ExportTableFn } from '../../report/index.js';
import { InputError } from '../../errors.js';
import { makeDirs } from '../../util/files.js';
import { storeReadOptions, checkFormat, checkChoice, cannotWrite, checkOutIsNotStore, type StoreReadOpts } from '../store-options.js';

const EXT: Record<ExportFormat, string> = { csv: 'csv', ndjson: 'ndjson', parquet: 'parquet' };

/** The exporter, loaded when `winnow export` runs: the other commands start without the report's page parser. */
async function exportTable(...args: Parameters<typeof ExportTableFn>): Promise<number> {
  return (await import('../../report/index.js')).exportTable(...args);
}

async function toFile(store: Store, table: ExportTable, format: ExportFormat, since: string | undefined, path: string): Promise<number> {
  if (format === 'parquet') {
    try {
      return await exportTable(store, { table, format, since, file: path });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code) throw cannotWrite(path, err);
      throw err;
    }
  }
  const file = createWriteStream(path);
  try {
    await once(file, 'open');
  } catch (err) {
    throw cannotWrite(path, err);
  }
  try {
    return await exportTable(store, { table, format, since, out: file });
  } finally {
    file.end();
    await once(file, 'finish');
  }
}

// `winnow export`: pages, findings, links or unanalysed pages as flat tables with stable ids (CSV, NDJSON or Parquet).
export function register(program: Command): void {
  const cmd = program
    .command('export')
    .description('export the dataset as flat tables with stable ids: pages (denominators), findings (text hash, cluster id), links (every link target), unanalysed (pages over the budget)');
  storeReadOptions(cmd, EXPORT_FORMATS, 'csv')
    .option('--table <name>', `${EXPORT_TABLES.join(', ')}, or all (all: one file per table in the --out folder)`, 'findings')
    .option('--out <path>', 'write to this file (a folder with --table all) instead of stdout; parquet needs it')
    .action(async (opts: StoreReadOpts & { table: string }) => {
      const format = checkFormat('export', EXPORT_FORMATS, opts.format);
      const tables: ExportTable[] = opts.table === 'all' ? [...EXPORT_TABLES] : [checkChoice('export', 'table', [...EXPORT_TABLES, 'all'], opts.table) as ExportTable];
      if (opts.table === 'all' && !opts.out) throw new InputError('export: --table all needs --out FOLDER');
      if (format === 'parquet' && !opts.out) throw new InputError('export: --format parquet needs --out FILE');
      // with --table all, --out is a folder and the files written are <folder>/<table>.<ext>
      const outs = !opts.out ? [] : opts.table === 'all' ? [opts.out, ...tables.map((t) => join(opts.out!, `${t}.${EXT[format]}`))] : [opts.out];
      checkOutIsNotStore(opts.db, outs);
      const store = await openStore(opts.db, { mustExist: true, readOnly: true });
      try {
        if (opts.table === 'all') {
          try {
            makeDirs(opts.out!);
          } catch (err) {
            throw cannotWrite(opts.out!, err);
          }
          for (const t of tables) {
            const path = join(opts.out!, `${t}.${EXT[format]}`);
            const n = await toFile(store, t, format, opts.since, path);
            process.stderr.write(`winnow: ${t}: ${n} rows -> ${path}\n`);
          }
        } else if (opts.out) {
          await toFile(store, tables[0], format, opts.since, opts.out);
        } else {
          await exportTable(store, { table: tables[0], format, since: opts.since, out: process.stdout as Writable });
        }
      } finally {
        await store.close();
      }
    });
}
