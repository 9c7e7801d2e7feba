/**
 * Quick loop on the real contaminated pages: scores one split of ../shared/data/spam-pages with the evaluation's own
 * scorer (dev/eval/real-pages.ts, as the spam-pages README says) and prints every page that is wrong or cut into.
 *
 *   npx tsx dev/spam-pages/score.ts [dev|test] [--verbose]
 */
import { evalSpamPages } from '../eval/real-pages.js';

const split = process.argv[2] === 'test' ? 'test' : 'dev';
const verbose = process.argv.includes('--verbose');
const { all, pages } = evalSpamPages(split);
for (const p of pages) {
  const wrong = p.contaminated !== p.predicted;
  const titleWrong = p.title.known && !p.title.right;
  if (!verbose && !wrong && p.spam.missed.length === 0 && p.keep.lost.length === 0 && !titleWrong) continue;
  const mark = wrong ? (p.contaminated ? 'FN ' : 'FP ') : 'ok ';
  console.log(`${mark}${p.id} [${p.kind ?? 'clean'}] findings=${p.findings.length}${p.error ? ` error: ${p.error}` : ''}`);
  for (const s of p.spam.missed) console.log(`   SPAM LEFT: ${s.slice(0, 80)}`);
  for (const s of p.keep.lost) console.log(`   KEEP LOST: ${s.slice(0, 80)}`);
  if (titleWrong) console.log(`   TITLE: got "${p.title.got.slice(0, 60)}"`);
  if (verbose || !p.contaminated) for (const f of p.findings) console.log(`     F ${f}`);
}
console.log(`\n${split}: pages ${all.pages}  precision ${all.pagePrecision.toFixed(3)} recall ${all.pageRecall.toFixed(3)} (tp ${all.tp} fp ${all.fp} fn ${all.fn} tn ${all.tn})`);
console.log(`spam strings removed ${all.spamRemoved}/${all.spamStrings} = ${all.spamRemovedShare.toFixed(3)} (by extraction only ${all.spamRemovedByExtraction})`);
console.log(`keep sentences kept ${all.keepKept}/${all.keepSentences} = ${all.keepKeptShare.toFixed(3)} (lost to findings ${all.keepLostToFindings}, to extraction ${all.keepLostToExtraction}); title right ${all.titlesRight}/${all.titlesKnown}`);
