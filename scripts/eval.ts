// npm run eval [-- --split dev|test] [--spam-pages dev|test] [--no-clean-pages] [--out reports/] [--limit N] [--no-peers]
//   [--no-snippets] [--no-baseline] [--no-extraction]
// Scores winnow on real pages first (spam-pages dev and test, false alarms on every clean shared page, as is and
// replayed under another host), then the corpus split(s), the fixtures and the extraction gold pages; writes
// <out>/eval.md and <out>/eval.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runEval } from '../dev/eval/run.js';
import { renderEvalMarkdown } from '../dev/eval/report-md.js';
import type { Split } from '../dev/corpus/types.js';

process.env.DOTENV_CONFIG_QUIET ??= 'true';

function fail(msg: string): never {
  process.stderr.write(`eval: ${msg}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        split: { type: 'string' },
        'spam-pages': { type: 'string' },
        'no-clean-pages': { type: 'boolean', default: false },
        out: { type: 'string', default: 'reports' },
        limit: { type: 'string' },
        'no-peers': { type: 'boolean', default: false },
        'no-snippets': { type: 'boolean', default: false },
        'no-baseline': { type: 'boolean', default: false },
        'no-extraction': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    fail((e as Error).message);
  }
  const splits: Split[] = args.split === undefined ? ['test', 'dev'] : ['dev', 'test', 'train'].includes(args.split) ? [args.split as Split] : fail(`--split must be dev or test, got "${args.split}"`);
  const sp = args['spam-pages'];
  const spamPages: Array<'dev' | 'test'> = sp === undefined ? ['dev', 'test'] : sp === 'dev' || sp === 'test' ? [sp] : fail(`--spam-pages must be dev or test, got "${sp}"`);
  const limit = args.limit === undefined ? undefined : Number(args.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit <= 0)) fail(`--limit must be a positive integer, got "${args.limit}"`);
  const log = args.quiet ? undefined : (l: string): void => void process.stderr.write(`eval: ${l}\n`);
  const report = await runEval({
    splits,
    spamPages: [...spamPages],
    cleanPages: !args['no-clean-pages'],
    baseline: !args['no-baseline'],
    readability: !args['no-peers'],
    extraction: !args['no-extraction'],
    snippets: !args['no-snippets'],
    fixtures: true,
    limit,
    log,
  });
  const out = resolve(args.out);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'eval.json'), JSON.stringify(report, null, 2) + '\n');
  const md = renderEvalMarkdown(report);
  writeFileSync(join(out, 'eval.md'), md);
  process.stdout.write(md);
  process.stderr.write(`eval: wrote ${join(out, 'eval.md')} and ${join(out, 'eval.json')} in ${report.meta.seconds.toFixed(1)} s\n`);
  // a page analyze() threw on is missing from every figure above: the run is not a measurement until it is fixed
  const failed = errorCount(report);
  if (failed > 0) {
    process.stderr.write(`eval: analyze() failed on ${failed} page(s); the figures leave them out (see "Errors" in eval.md)\n`);
    process.exitCode = 1;
  }
}

/** Every `errors` list in the report, summed (each section keeps its own). */
function errorCount(node: unknown): number {
  if (node === null || typeof node !== 'object') return 0;
  let n = 0;
  for (const [k, v] of Object.entries(node)) n += k === 'errors' && Array.isArray(v) ? v.length : errorCount(v);
  return n;
}

main().catch((e: unknown) => {
  process.stderr.write(`eval: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}\n`);
  process.exit(1);
});
