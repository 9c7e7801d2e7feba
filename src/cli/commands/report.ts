import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { openStore } from '../../store/index.js';
import { buildReport, renderReport, REPORT_FORMATS, type ReportFormat } from '../../report/index.js';

interface ReportOpts {
  db: string;
  format: string;
  since?: string;
  out?: string;
}

// `winnow report`: per domain, category, rule and injection kind; top phrases and link targets; per day.
export function register(program: Command): void {
  program
    .command('report')
    .description('summarize the store: domains, categories, rules, injection kinds, phrases, link targets, per day')
    .option('--db <path>', 'the SQLite store', './winnow.db')
    .option('--format <fmt>', `output format: ${REPORT_FORMATS.join(', ')}`, 'md')
    .option('--since <date>', 'only pages fetched on/after this date (2026-11-01) or in the last N days (7d)')
    .option('--out <file>', 'write to this file instead of stdout')
    .action((opts: ReportOpts) => {
      if (!(REPORT_FORMATS as readonly string[]).includes(opts.format)) {
        throw new InputError(`report: --format must be one of ${REPORT_FORMATS.join(', ')} (got ${opts.format})`);
      }
      const store = openStore(opts.db, { mustExist: true });
      let text: string;
      try {
        text = renderReport(buildReport(store, { since: opts.since }), opts.format as ReportFormat);
      } finally {
        store.close();
      }
      if (opts.out) {
        try {
          writeFileSync(opts.out, text);
        } catch (err) {
          throw new InputError(`cannot write ${opts.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
        }
      } else process.stdout.write(text);
    });
}
