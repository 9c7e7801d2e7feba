import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { openStore } from '../../store/index.js';
import { buildReport, renderReport, REPORT_FORMATS } from '../../report/index.js';
import { storeReadOptions, checkFormat, cannotWrite, type StoreReadOpts } from '../store-options.js';

// `winnow report`: per domain, category, rule and injection kind; top phrases and link targets; per day.
export function register(program: Command): void {
  const cmd = program
    .command('report')
    .description('summarize the store: domains, categories, rules, injection kinds, phrases, link targets, per day');
  storeReadOptions(cmd, REPORT_FORMATS, 'md').action(async (opts: StoreReadOpts) => {
    const format = checkFormat('report', REPORT_FORMATS, opts.format);
    const store = await openStore(opts.db, { mustExist: true, readOnly: true });
    let text: string;
    try {
      text = renderReport(await buildReport(store, { since: opts.since }), format);
    } finally {
      await store.close();
    }
    if (opts.out) {
      try {
        writeFileSync(opts.out, text);
      } catch (err) {
        throw cannotWrite(opts.out, err);
      }
    } else process.stdout.write(text);
  });
}
