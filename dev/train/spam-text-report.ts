// npm run spam-text: unit-level recall of the classifier on real spam text at a fixed false-positive rate on clean
// news sentences, per source and language, leave-one-source-out. Writes reports/spam-text.md and .json.
//
// For every spam-text source S (and for "none": the full training set), the unit head is trained on the corpus train
// split + the rules' lexicons + every real text but S; its threshold is set so that 0.5% of the clean news sentences
// of the corpus DEV split's pages score above it; recall is then the share of S's spam texts above it (S's texts that
// also occur in another source are left out) and the ham rate the share of S's ham above it. The eval-only Chinese
// chat set (GPL) is never trained on: it is scored by every model. "corpus only" is the model without real texts.
//   npx tsx dev/train/spam-text-report.ts [--out reports] [--fpr 0.005] [--seed 7]
// --seed: the training shuffles' and samples' seed (default the shipped recipe's). The figures move with it: the
// 120-entry moderation list by up to 0.13, the others by 0.01-0.06 (seeds 7, 8, 9 on 2026-12-02), so a change is
// read over a few seeds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { unitFeatures } from '../../src/detect/features.js';
import { loadRules } from '../../src/detect/rules/index.js';
import { predict, rng, trainHead, type LrHead, type TrainExample } from '../../src/detect/model.js';
import { loadSplit } from '../corpus/index.js';
import { balance, itemExamples, lexiconExamples, TOKEN_BITS, TRAIN, UNIT_BITS, type Examples } from './train.js';
import { realExamples } from './real.js';
import { dedupKey, loadSpamText, newsSentences, type SpamTextRow } from './texts.js';

process.env.DOTENV_CONFIG_QUIET ??= 'true';
/** Languages whose own threshold is reported when the dev news has at least this many sentences in them. */
const MIN_LANG_SENTENCES = 500;

let args;
try {
  args = parseArgs({ options: { out: { type: 'string', default: 'reports' }, fpr: { type: 'string', default: '0.005' }, seed: { type: 'string', default: String(TRAIN.seed) } } }).values;
} catch (e) {
  process.stderr.write(`spam-text: ${(e as Error).message}\n`);
  process.exit(2);
}
const FPR = Number(args.fpr);
if (!(FPR > 0 && FPR < 1)) {
  process.stderr.write(`spam-text: --fpr must be in (0, 1), got "${args.fpr}"\n`);
  process.exit(2);
}
const SEED = Number(args.seed);
if (!Number.isInteger(SEED)) {
  process.stderr.write(`spam-text: --seed must be an integer, got "${args.seed}"\n`);
  process.exit(2);
}
const trainSettings = { ...TRAIN, seed: SEED };
const log = (s: string) => process.stderr.write(`spam-text: ${s}\n`);
const mask = (1 << UNIT_BITS) - 1;
const t0 = performance.now();

// corpus units (train split + the rules' lexicons): the part every fold shares
const ex: Examples = { unit: [], token: [] };
const rand = rng(SEED);
const rules = loadRules();
lexiconExamples(rules, ex, rand, mask);
for (const item of loadSplit('train')) itemExamples(item, ex, rand, mask, (1 << TOKEN_BITS) - 1);
const corpusUnits = ex.unit;
log(`corpus: ${corpusUnits.length} units, ${((performance.now() - t0) / 1000).toFixed(0)} s`);

const newsTrain = newsSentences('train', log, { chrome: true });
const newsDev = newsSentences('dev', log);
const newsTest = newsSentences('test', log);
const rows = loadSpamText({ evalOnly: true });
const trainable = rows.filter((r) => !r.evalOnly);
const sources = [...new Set(trainable.map((r) => r.source))].sort();
const evalOnlySources = [...new Set(rows.filter((r) => r.evalOnly).map((r) => r.source))].sort();

function train(exclude: string | null, withReal: boolean): LrHead {
  const real = withReal ? realExamples({ mask, exclude: exclude ?? undefined, news: newsTrain, rows: trainable }).examples : [];
  const all: TrainExample[] = [...corpusUnits.map((e) => ({ ...e })), ...real.map(({ source: _s, ...e }) => e)];
  balance(all);
  return trainHead(all, { bits: UNIT_BITS, ...trainSettings });
}

const score = (head: LrHead, text: string): number => predict(head, unitFeatures(text, mask));

/** The score above which `fpr` of the sentences lie. */
function thresholdAt(scores: number[], fpr: number): number {
  const s = scores.slice().sort((a, b) => b - a);
  return s[Math.min(s.length - 1, Math.floor(fpr * s.length))] ?? 1;
}

interface Cell {
  spam: number;
  caught: number;
  recall: number;
  ham: number;
  hamFlagged: number;
  hamRate: number;
  /** recall with the threshold of this language's own news sentences (when there are enough of them) */
  recallOwnLang?: number;
}

function cell(head: LrHead, texts: SpamTextRow[], t: number, tLang?: number): Cell {
  let spam = 0, caught = 0, ham = 0, hamFlagged = 0, own = 0;
  for (const r of texts) {
    const p = score(head, r.text);
    if (r.spam) {
      spam++;
      if (p > t) caught++;
      if (tLang !== undefined && p > tLang) own++;
    } else {
      ham++;
      if (p > t) hamFlagged++;
    }
  }
  return { spam, caught, recall: spam ? caught / spam : NaN, ham, hamFlagged, hamRate: ham ? hamFlagged / ham : NaN, ...(tLang !== undefined && spam ? { recallOwnLang: own / spam } : {}) };
}

interface Fold {
  model: string;
  threshold: number;
  thresholdByLang: Record<string, number>;
  newsDevFpr: number;
  newsTestFpr: number;
  newsTestFprByLang: Record<string, { sentences: number; rate: number }>;
  heldOut: Record<string, Record<string, Cell>>;
}

function byLang(rs: SpamTextRow[]): Map<string, SpamTextRow[]> {
  const m = new Map<string, SpamTextRow[]>([['all', rs]]);
  for (const r of rs) (m.get(r.lang) ?? m.set(r.lang, []).get(r.lang)!).push(r);
  return m;
}

function fold(name: string, head: LrHead, heldSources: string[]): Fold {
  const dev = newsDev.map((s) => score(head, s.text));
  const t = thresholdAt(dev, FPR);
  const langs = new Map<string, number[]>();
  newsDev.forEach((s, i) => (langs.get(s.lang) ?? langs.set(s.lang, []).get(s.lang)!).push(dev[i]));
  const thresholdByLang: Record<string, number> = {};
  for (const [l, sc] of langs) if (sc.length >= MIN_LANG_SENTENCES) thresholdByLang[l] = thresholdAt(sc, FPR);
  const test = newsTest.map((s) => score(head, s.text));
  const testByLang: Fold['newsTestFprByLang'] = {};
  newsTest.forEach((s, i) => {
    const c = (testByLang[s.lang] ??= { sentences: 0, rate: 0 });
    c.sentences++;
    if (test[i] > t) c.rate++;
  });
  for (const c of Object.values(testByLang)) c.rate /= c.sentences;
  const heldOut: Fold['heldOut'] = {};
  for (const src of heldSources) {
    // texts of the held-out source that also occur in a training source would measure memory, not generalisation
    const others = new Set(trainable.filter((r) => r.source !== src).map((r) => dedupKey(r.text)));
    const texts = rows.filter((r) => r.source === src && !others.has(dedupKey(r.text)));
    heldOut[src] = {};
    for (const [lang, rs] of byLang(texts)) heldOut[src][lang] = cell(head, rs, t, thresholdByLang[lang]);
  }
  return {
    model: name,
    threshold: t,
    thresholdByLang,
    newsDevFpr: dev.filter((p) => p > t).length / dev.length,
    newsTestFpr: test.filter((p) => p > t).length / test.length,
    newsTestFprByLang: testByLang,
    heldOut,
  };
}

const folds: Fold[] = [];
log('fold: corpus only');
folds.push(fold('corpus only (no real texts)', train(null, false), [...sources, ...evalOnlySources]));
for (const s of sources) {
  log(`fold: without ${s}`);
  folds.push(fold(`without ${s}`, train(s, true), [s]));
}
log('fold: all real texts');
folds.push(fold('all real texts (the shipped recipe)', train(null, true), evalOnlySources));

// ------------------------------------------------------------------ report
const f3 = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(3));
const pct = (x: number) => (Number.isNaN(x) ? '–' : `${(100 * x).toFixed(1)}%`);
const md: string[] = [];
md.push('# Classifier on real spam text (unit level)');
md.push('');
md.push(
  `${new Date().toISOString()} · \`npm run spam-text\` · seed ${SEED} · threshold: ${pct(FPR)} of the clean news sentences of the corpus dev split's pages ` +
    `(${newsDev.length} sentences, ${new Set(newsDev.map((s) => s.page)).size} pages) score above it · training news: ${newsTrain.length} sentences of ` +
    `${new Set(newsTrain.map((s) => s.page)).size} clean pages of other sites · ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);
md.push('');
md.push('## Leave one source out: recall on the held-out source (its texts also found in another source left out)');
md.push('');
md.push('| held-out source | lang | spam texts | recall (global threshold) | recall (own-language threshold) | ham texts | ham above threshold | corpus-only model: recall |');
md.push('|---|---|---|---|---|---|---|---|');
const base = folds[0];
for (const f of folds.slice(1, -1)) {
  for (const [src, langs] of Object.entries(f.heldOut)) {
    for (const [lang, c] of Object.entries(langs).sort((a, b) => (a[0] === 'all' ? -1 : b[0] === 'all' ? 1 : b[1].spam - a[1].spam))) {
      if (lang !== 'all' && c.spam + c.ham < 50) continue;
      const b = base.heldOut[src]?.[lang];
      md.push(`| ${src}${src.includes('keywords') || src.includes('moderation') ? ' (lexicon: entries one by one)' : ''} | ${lang} | ${c.spam} | ${f3(c.recall)} | ${f3(c.recallOwnLang)} | ${c.ham} | ${c.ham ? pct(c.hamRate) : '–'} | ${f3(b?.recall)} |`);
    }
  }
}
md.push('');
md.push('## Never trained on: the eval-only Chinese chat ads (GPL), scored by the model trained on everything');
md.push('');
md.push('| source | lang | spam texts | recall (global) | recall (zh threshold) | ham | ham above threshold | corpus-only model: recall |');
md.push('|---|---|---|---|---|---|---|---|');
const full = folds[folds.length - 1];
for (const [src, langs] of Object.entries(full.heldOut)) {
  const c = langs.all;
  const b = base.heldOut[src]?.all;
  md.push(`| ${src} | zh | ${c.spam} | ${f3(c.recall)} | ${f3(langs.zh?.recallOwnLang)} | ${c.ham} | ${pct(c.hamRate)} | ${f3(b?.recall)} |`);
}
md.push('');
md.push('## Thresholds and false positives on clean news sentences');
md.push('');
md.push('| model | threshold p | news dev above (target) | news TEST above (same threshold) | test by language |');
md.push('|---|---|---|---|---|');
for (const f of folds) {
  const byl = Object.entries(f.newsTestFprByLang).filter(([, c]) => c.sentences >= 100).map(([l, c]) => `${l} ${pct(c.rate)} of ${c.sentences}`).join(', ');
  md.push(`| ${f.model} | ${f.threshold.toFixed(3)} | ${pct(f.newsDevFpr)} (${pct(FPR)}) | ${pct(f.newsTestFpr)} | ${byl} |`);
}
md.push('');
md.push(
  'Notes: the keyword lists are a lexicon; in training they appear only as lists of 3–8 entries, and their recall here is per single entry ' +
    '(a keyword alone, with no context), so it is a lower bound. The judol sets share campaigns: a text of one found in the other is not counted when ' +
    'one of them is held out. No clean Indonesian or Japanese news is in the shared pages in any number: the threshold is the global one.',
);
const out = resolve(args.out);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'spam-text.json'), JSON.stringify({ date: new Date().toISOString(), fpr: FPR, news: { train: newsTrain.length, dev: newsDev.length, test: newsTest.length }, folds }, null, 2) + '\n');
writeFileSync(join(out, 'spam-text.md'), md.join('\n') + '\n');
process.stdout.write(md.join('\n') + '\n');
log(`wrote ${join(out, 'spam-text.md')} and spam-text.json in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
