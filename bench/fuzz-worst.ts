// Search generated hostile pages for the slowest ones: analyze() every seed in [from, to] without a budget and
// print the slowest seeds (kept in test/fuzz/regressions.ts as regression cases).
//   npx tsx bench/fuzz-worst.ts [--from 241] [--to 1000] [--top 10]
import { analyze } from '../src/analyze.js';
import { InputError } from '../src/errors.js';
import { hostilePage } from '../test/fuzz/generate.js';

process.env.DOTENV_CONFIG_QUIET ??= 'true';
const arg = (name: string, d: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : d;
};
const from = arg('from', 241);
const to = arg('to', 1000);
const top = arg('top', 10);
analyze('<p>warm-up</p>');
const times: Array<{ seed: number; ms: number; kb: number }> = [];
for (let seed = from; seed <= to; seed++) {
  const { html } = hostilePage(seed);
  const t0 = performance.now();
  try {
    analyze(html, { budgetMs: Infinity });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
  }
  times.push({ seed, ms: performance.now() - t0, kb: Math.round(html.length / 1024) });
}
times.sort((a, b) => b.ms - a.ms);
for (const t of times.slice(0, top)) console.log(`seed ${t.seed}: ${t.ms.toFixed(0)} ms, ${t.kb} K chars`);
console.log(JSON.stringify(times.slice(0, top).map((t) => t.seed)));
