// npm run train: build the classifier model file (corpus/model/model.json) from the corpus train split and print the
// dev-split figures before and after. The comparison with natural's BayesClassifier is in `npm run bench`.
import { retrain } from '../src/detect/train.js';

const t0 = performance.now();
const r = await retrain({ log: (s) => console.log(s) });
console.log(`model: ${r.modelPath} (trained on ${r.trainedOn} pages in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
const fmt = (f: typeof r.after | null) => (f ? `page P ${f.pagePrecision.toFixed(3)} R ${f.pageRecall.toFixed(3)} F1 ${f.pageF1.toFixed(3)}, span F1 ${f.spanF1.toFixed(3)}` : 'n/a');
console.log(`dev before: ${fmt(r.before)}`);
console.log(`dev after:  ${fmt(r.after)}`);
