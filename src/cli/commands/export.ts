import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { openStore } from '../../store/index.js';
import { exportFindings, EXPORT_FORMATS } from '../../report/index.js';
import { storeReadOptions, checkFormat, cannotWrite, type StoreReadOpts } from '../store-options.js';

// `winnow export`: findings joined with page url/domain and scan info, as CSV (RFC 4180) or NDJSON.
export function register(program: Command): void {
  const cmd = program.command('export').description('export findings with page url/domain and scan info (CSV or NDJSON)');
  storeReadOptions(cmd, EXPORT_FORMATS, 'csv').action(async (opts: StoreReadOpts) => {
    const format = checkFormat('export', EXPORT_FORMATS, opts.format);
    const store = await openStore(opts.db, { mustExist: true, readOnly: true });
    let out: Writable = process.stdout;
    if (opts.out) {
      const file = createWriteStream(opts.out);
      try {
        await once(file, 'open');
      } catch (err) {
        await store.close();
        throw cannotWrite(opts.out, err);
      }
      out = file;
    }
    try {
      await exportFindings(store, { format, since: opts.since, out });
    } finally {
      await store.close();
      if (out !== process.stdout) {
        out.end();
        await once(out, 'finish');
      }
    }
  });
}
