import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { InputError } from '../../errors.js';
import { openStore } from '../../store/index.js';
import { exportFindings, EXPORT_FORMATS, type ExportFormat } from '../../report/index.js';

interface ExportOpts {
  db: string;
  format: string;
  since?: string;
  out?: string;
}

// `winnow export`: findings joined with page url/domain and scan info, as CSV (RFC 4180) or NDJSON.
export function register(program: Command): void {
  program
    .command('export')
    .description('export findings with page url/domain and scan info (CSV or NDJSON)')
    .option('--db <path>', 'the SQLite store', './winnow.db')
    .option('--format <fmt>', `output format: ${EXPORT_FORMATS.join(', ')}`, 'csv')
    .option('--since <date>', 'only pages fetched on/after this date (2026-11-01) or in the last N days (7d)')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (opts: ExportOpts) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) {
        throw new InputError(`export: --format must be one of ${EXPORT_FORMATS.join(', ')} (got ${opts.format})`);
      }
      const store = openStore(opts.db, { mustExist: true });
      let out: Writable = process.stdout;
      if (opts.out) {
        const file = createWriteStream(opts.out);
        try {
          await once(file, 'open');
        } catch (err) {
          store.close();
          throw new InputError(`cannot write ${opts.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
        }
        out = file;
      }
      try {
        await exportFindings(store, { format: opts.format as ExportFormat, since: opts.since, out });
      } finally {
        store.close();
        if (out !== process.stdout) {
          out.end();
          await once(out, 'finish');
        }
      }
    });
}
