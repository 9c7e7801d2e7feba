// npm run train: build the classifier model file (corpus/model/model.json) from the corpus train split.
//   --compare   also train natural's BayesClassifier on the same sentences and compare both on the dev split
import { retrain } from '../src/detect/train.js';
import { loadSplit } from '../src/corpus/index.js';
import { decode, buildPage } from '../src/page/index.js';
import { sentences, segment } from '../src/text/index.js';
import { classifyText } from '../src/detect/classifier.js';
import { loadModel } from '../src/detect/model.js';
import type { CorpusItem } from '../src/corpus/types.js';

const args = new Set(process.argv.slice(2));
const t0 = performance.now();
const r = await retrain({ log: (s) => console.log(s) });
console.log(`model: ${r.modelPath} (trained on ${r.trainedOn} pages in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
const fmt = (f: typeof r.after | null) => (f ? `page P ${f.pagePrecision.toFixed(3)} R ${f.pageRecall.toFixed(3)} F1 ${f.pageF1.toFixed(3)}, span F1 ${f.spanF1.toFixed(3)}` : 'n/a');
console.log(`dev before: ${fmt(r.before)}`);
console.log(`dev after:  ${fmt(r.after)}`);

if (args.has('--compare')) {
  // sentence-level comparison on the dev split: our hashed LR vs natural's BayesClassifier
  process.env.DOTENV_CONFIG_QUIET = 'true';
  const natural = (await import('natural')).default;
  const units = (items: CorpusItem[]) => {
    const out: { text: string; y: number }[] = [];
    for (const it of items) {
      const { html, encoding } = decode(it.html);
      const page = buildPage(html, { encoding });
      const gold = it.gold.map((g) => g.text);
      for (const g of gold) out.push({ text: g, y: 1 });
      for (const b of page.blocks) {
        for (const sp of sentences(b.text)) {
          const t = b.text.slice(sp.start, sp.end);
          if (!gold.some((g) => t.includes(g) || g.includes(t))) out.push({ text: t, y: 0 });
        }
      }
    }
    return out;
  };
  const tok = (s: string) => segment(s.toLowerCase()).map((t) => t.text);
  const train = units(loadSplit('train'));
  const dev = units(loadSplit('dev'));
  const bayes = new natural.BayesClassifier();
  const tb = performance.now();
  for (const u of train) bayes.addDocument(tok(u.text), u.y ? 'spam' : 'ham');
  bayes.train();
  const trainMs = performance.now() - tb;
  const model = loadModel();
  const evalWith = (f: (s: string) => boolean) => {
    let tp = 0, fp = 0, fn = 0;
    const t = performance.now();
    for (const u of dev) {
      const p = f(u.text);
      if (p && u.y) tp++;
      else if (p) fp++;
      else if (u.y) fn++;
    }
    const ms = performance.now() - t;
    const P = tp / (tp + fp || 1), R = tp / (tp + fn || 1);
    return { P, R, F1: (2 * P * R) / (P + R || 1), usPerDoc: (ms * 1000) / dev.length };
  };
  const ours = evalWith((s) => (classifyText(s, model) ?? 0) >= 0.5);
  const nat = evalWith((s) => bayes.classify(tok(s)) === 'spam');
  console.log(`\nsentence units: train ${train.length}, dev ${dev.length}`);
  console.log(`hashed LR (ours):       P ${ours.P.toFixed(3)} R ${ours.R.toFixed(3)} F1 ${ours.F1.toFixed(3)}  ${ours.usPerDoc.toFixed(1)} µs/unit`);
  console.log(`natural BayesClassifier: P ${nat.P.toFixed(3)} R ${nat.R.toFixed(3)} F1 ${nat.F1.toFixed(3)}  ${nat.usPerDoc.toFixed(1)} µs/unit (train ${(trainMs / 1000).toFixed(1)} s)`);
}
