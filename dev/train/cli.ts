// npm run train: build the classifier model file (corpus/model/model.json) from the corpus train split and print the
// dev-split figures before and after. `winnow train` and the review service run this file as a child process:
//   --db PATH       also learn from the moderators' decisions stored there
//   --extra-stdin   read labelled texts (JSON array of LabeledText) from stdin
//   --model PATH    write the model there instead of the default path
//   --json          print the result as one JSON line on stdout (progress goes to stderr)
// The comparison with natural's BayesClassifier is in `npm run bench`.
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { retrain } from './train.js';
import { LabeledText } from '../../src/detect/labeled.js';

function fail(message: string): never {
  process.stderr.write(`train: ${message}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: { db: { type: 'string' }, 'extra-stdin': { type: 'boolean' }, model: { type: 'string' }, json: { type: 'boolean' } },
  }).values;
} catch (err) {
  fail((err as Error).message);
}

const extra: LabeledText[] = [];
if (args['extra-stdin']) {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(0, 'utf8') || '[]');
  } catch {
    fail('stdin: not JSON');
  }
  const r = z.array(LabeledText).safeParse(json);
  if (!r.success) fail(`stdin: not a JSON array of labelled texts (${r.error.issues[0]?.message})`);
  extra.push(...r.data);
}
if (args.db) {
  const { openStore } = await import('../../src/store/index.js');
  const { trainingExamples } = await import('../../src/store/review.js');
  let store;
  try {
    store = openStore(args.db);
  } catch (err) {
    fail(`${args.db}: ${String((err as Error).message).split('\n')[0]}`);
  }
  try {
    extra.push(...trainingExamples(store));
  } finally {
    store.close();
  }
}

const log = (s: string) => (args.json ? process.stderr : process.stdout).write(`${s}\n`);
const t0 = performance.now();
const r = await retrain({ extra, log, ...(args.model ? { modelPath: args.model } : {}) });
if (args.json) {
  process.stdout.write(`${JSON.stringify(r)}\n`);
} else {
  log(`model: ${r.modelPath} (trained on ${r.trainedOn} pages, ${extra.length} reviewed texts, in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const fmt = (f: typeof r.after | null) => (f ? `page P ${f.pagePrecision.toFixed(3)} R ${f.pageRecall.toFixed(3)} F1 ${f.pageF1.toFixed(3)}, span F1 ${f.spanF1.toFixed(3)}` : 'n/a');
  log(`dev before: ${fmt(r.before)}`);
  log(`dev after:  ${fmt(r.after)}`);
}
