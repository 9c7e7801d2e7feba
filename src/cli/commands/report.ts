import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { openStore } from '../../store/index.js';
import { REPORT_FORMATS, DEFAULT_TABLE_ROWS } from '../../report/formats.js';
import { storeReadOptions, checkFormat, cannotWrite, checkOutIsNotStore, type StoreReadOpts } from '../store-options.js';
import { intOption } from '../output.js';

// `winnow report`: method, rates with intervals, domains, categories, kinds, clusters, link targets, rules, per day.
export function register(program: Command): void {
  const cmd = program
    .command('report')
    .description('summarize the store: method, contamination rates (95% intervals), domains, categories, kinds, injected texts, link targets, rules, per day');
  storeReadOptions(cmd, REPORT_FORMATS, 'md')
    .option('--limit <n>', `rows per table; 0 = all (default: ${DEFAULT_TABLE_ROWS} in md and html, where "N of M" marks a cut table; all in json and csv)`)
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (opts: StoreReadOpts) => {
      const format = checkFormat('report', REPORT_FORMATS, opts.format);
      const limit = intOption('limit', opts.limit, 0);
      checkOutIsNotStore(opts.db, opts.out ? [opts.out] : []);
      // loaded here, not at the top: the other winnow commands start without the report's rules and page parser
      const { buildReport, renderReport } = await import('../../report/index.js');
      const store = await openStore(opts.db, { mustExist: true, readOnly: true });
      let text: string;
      try {
        text = renderReport(await buildReport(store, { since: opts.since }), format, { limit });
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
