// `winnow rules coverage` (run from a source checkout as a child process): share of the corpus gold spans (injected
// spam) on which the text rules alone reach --min points, by language, kind and category.
//   node --import tsx dev/corpus/coverage.ts [--split dev] [--min 2] [--rules DIR]
import { parseArgs } from 'node:util';
import { detectLang, type Lang } from '../../src/text/index.js';
import { loadRules, matchText } from '../../src/detect/rules/index.js';
import { loadSplit } from './index.js';

const LANGS: readonly string[] = ['zh', 'ja', 'ko', 'en', 'id', 'de', 'es', 'pt', 'fr', 'ru', 'other'];

function fail(message: string): never {
  process.stderr.write(`rules coverage: ${message}\n`);
  process.exit(2);
}

let opts;
try {
  opts = parseArgs({ options: { split: { type: 'string', default: 'dev' }, min: { type: 'string', default: '2' }, rules: { type: 'string' } } }).values;
} catch (err) {
  fail((err as Error).message);
}
if (!['train', 'dev', 'test'].includes(opts.split)) fail('--split must be train, dev or test');
const min = Number(opts.min);
if (!Number.isFinite(min)) fail('--min must be a number');
const compiled = loadRules(opts.rules);
const tally = new Map<string, [number, number]>();
for (const item of loadSplit(opts.split as 'dev')) {
  for (const g of item.gold) {
    const lang = LANGS.includes(g.lang) ? (g.lang as Lang) : detectLang(g.text);
    const byRule = new Map(matchText(compiled, g.text, { lang, where: g.where }).map((m) => [m.rule.id, m.rule.score]));
    const hit = [...byRule.values()].reduce((a, b) => a + b, 0) >= min ? 1 : 0;
    for (const key of ['all', `lang ${g.lang}`, `kind ${g.kind}`, `category ${g.category}`]) {
      const t = tally.get(key) ?? [0, 0];
      t[0] += hit;
      t[1]++;
      tally.set(key, t);
    }
  }
}
for (const [key, [hit, n]] of [...tally].sort((a, b) => (a[0] === 'all' ? -1 : b[0] === 'all' ? 1 : a[0] < b[0] ? -1 : 1))) {
  process.stdout.write(`${key.padEnd(26)} ${String(hit).padStart(5)}/${String(n).padEnd(5)} ${((100 * hit) / n).toFixed(0)}%\n`);
}
