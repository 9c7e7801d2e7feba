// Each hostile page shape of the fuzz suite (test/fuzz/shapes.ts) at its measured worst size, analysed twice: with
// no budget (how long the whole analysis takes: the stages' own cost) and with the default budget (when the result
// comes back, and whether it is the page's or the budget's). CPU time of this process, so other load does not count.
//   npx tsx bench/hostile.ts [--scale 1] [--only name]
import { analyze, DEFAULT_BUDGET_MS } from '../src/analyze.js';
import { InputError } from '../src/errors.js';
import { SHAPES } from '../test/fuzz/shapes.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const scale = Number(arg('scale') ?? '1');
const only = arg('only');

function timed(input: string | Buffer, budgetMs: number): { ms: number; status: string } {
  const c0 = process.cpuUsage();
  let status: string;
  try {
    const r = analyze(input, { budgetMs });
    status = r.status === 'ok' ? `ok, ${r.findings.length} findings` : `over-budget at ${r.overBudget?.stage}`;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    status = `input error: ${e.message}`;
  }
  const d = process.cpuUsage(c0);
  return { ms: (d.user + d.system) / 1000, status };
}

analyze('<p>warm-up 股票配资 casino</p>');
console.log(`| shape | size | no budget: CPU ms | result | budget ${DEFAULT_BUDGET_MS} ms: CPU ms | result |`);
console.log('|---|---|---|---|---|---|');
for (const shape of SHAPES) {
  if (only && shape.name !== only) continue;
  const input = shape.build(scale);
  const size = `${(input.length / 1024).toFixed(0)} K${typeof input === 'string' ? ' chars' : 'B'}`;
  const free = timed(input, Infinity);
  const bounded = timed(input, DEFAULT_BUDGET_MS);
  console.log(`| ${shape.name} | ${size} | ${free.ms.toFixed(0)} | ${free.status} | ${bounded.ms.toFixed(0)} | ${bounded.status} |`);
}
