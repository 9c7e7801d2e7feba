// A/B of analyze() between two checkouts of winnow, page by page in one process (order alternating), with the bare
// cheerio/slim parse of each page for scale: on a machine whose speed drifts, only an interleaved comparison shows
// what a change did. One warm-up pass, then two timed passes over the bench pages (Scrapinghub + Chinese gold).
//   git worktree add /tmp/winnow-old <commit> && cp -a node_modules /tmp/winnow-old/
//   npx tsx bench/ab.ts /tmp/winnow-old .
// Each checkout needs its own copy of htmlparser2 (a real folder, not a link to the other's): the walk subclasses its
// Parser and Tokenizer, and two walks on one copy share (and slow) the base classes' inline caches, so a change to
// the parser measured on one copy can show a gain it does not have (-24% for a change worth -3% on separate copies).
import { join, resolve } from 'node:path';
import { pageRefs } from './systems.js';

const [dirA, dirB] = process.argv.slice(2).map((d) => resolve(d));
if (!dirA || !dirB) {
  process.stderr.write('usage: npx tsx bench/ab.ts <checkout A> <checkout B>\n');
  process.exit(2);
}
type Analyze = (input: Uint8Array, opts: { url?: string }) => unknown;
const A = ((await import(join(dirA, 'src', 'analyze.ts'))) as { analyze: Analyze }).analyze;
const B = ((await import(join(dirB, 'src', 'analyze.ts'))) as { analyze: Analyze }).analyze;
const { load } = await import('cheerio/slim');
const pages = pageRefs().map((r) => r.load());
const html = pages.map((p) => p.html);

const time = (f: () => unknown): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const ta: number[] = [];
const tb: number[] = [];
const tp: number[] = [];
/** Timed passes after the warm-up one (AB_PASSES=n for more, when the machine is noisy). */
const PASSES = Number(process.env.AB_PASSES ?? 2);
for (let pass = 0; pass < PASSES + 1; pass++) {
  pages.forEach((p, i) => {
    const aFirst = (i + pass) % 2 === 0;
    const parse1 = time(() => load(html[i]));
    const first = time(() => (aFirst ? A : B)(p.bytes, { url: p.url }));
    const second = time(() => (aFirst ? B : A)(p.bytes, { url: p.url }));
    const parse2 = time(() => load(html[i]));
    if (pass === 0) return;
    tp.push(Math.min(parse1, parse2));
    ta.push(aFirst ? first : second);
    tb.push(aFirst ? second : first);
  });
}
const median = (x: number[]) => [...x].sort((a, b) => a - b)[x.length >> 1];
const total = (x: number[]) => x.reduce((a, b) => a + b, 0);
const line = (name: string, x: number[]) =>
  `${name.padEnd(6)} median ${median(x).toFixed(2)} ms, mean ${(total(x) / x.length).toFixed(2)} ms, x parse ${(median(x) / median(tp)).toFixed(2)} (median) ${(total(x) / total(tp)).toFixed(2)} (mean)`;
console.log(line('parse', tp));
console.log(line('A', ta));
console.log(line('B', tb));
// paired: each page's B time over its A time (the two ran back to back), robust to drift between pages
const ratio = tb.map((b, i) => b / ta[i]);
console.log(`B/A    median per-page ratio ${median(ratio).toFixed(3)}, total ${(total(tb) / total(ta)).toFixed(3)}`);
