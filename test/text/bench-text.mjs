// Quick throughput check of the text stage on the Chinese gold bodies (not a test; not run by vitest).
//   npm run build && node test/text/bench-text.mjs
// Reports MB/s of UTF-8 input per CPU second (process.cpuUsage, so a busy shared machine skews it less than
// wall time) for whole documents, per block (one line = one block) and per token, plus raw jieba cut().
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { fold, segment, sentences, clauses, featureVector, detectLang } = await import(resolve(root, 'dist/text/index.js'));
const dir = resolve(root, '../shared/data/chinese-web-content-extraction/cleaned');
const docs = readdirSync(dir).map((f) => readFileSync(resolve(dir, f), 'utf8'));
const blocks = docs.flatMap((d) => d.split(/\n+/).filter((x) => x.trim()));
const bytes = (arr) => arr.reduce((a, s) => a + Buffer.byteLength(s), 0);

function run(name, fn, arr, reps) {
  for (const s of arr) fn(s); // warm-up
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < reps; r++) for (const s of arr) fn(s);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cu = process.cpuUsage(c0);
  const cpu = (cu.user + cu.system) / 1e6;
  const mb = (bytes(arr) * reps) / 1e6;
  console.log(`${name.padEnd(16)} ${(mb / cpu).toFixed(1).padStart(7)} MB/s cpu ${(mb / wall).toFixed(1).padStart(7)} MB/s wall`);
}

console.log(`${docs.length} docs, ${blocks.length} blocks, ${(bytes(docs) / 1e6).toFixed(2)} MB UTF-8`);
const jieba = Jieba.withDict(dict);
for (const [label, arr] of [['whole docs', docs], ['per block', blocks]]) {
  console.log(`-- ${label}`);
  run('fold', fold, arr, 20);
  run('segment', segment, arr, 3);
  run('jieba.cut raw', (s) => jieba.cut(s, true), arr, 3);
  run('sentences', sentences, arr, 10);
  run('clauses', clauses, arr, 10);
  run('detectLang', detectLang, arr, 20);
  run('featureVector', (s) => featureVector(s, { maxChars: 1e9 }), arr, 2);
}
const toks = docs.flatMap((d) => segment(d).map((t) => t.text));
console.log(`-- per token (${toks.length} tokens)`);
run('fold', fold, toks, 10);
