/**
 * Candidates just under the threshold that already have spam evidence of their own (evidence >= MIN_SPAM_EVIDENCE,
 * points in [1, REQUIRED_POINTS)): what one more structural or consistency point would turn into findings. On the
 * corpus dev split each is marked GOLD (overlaps an injected span) or NOTG; on the clean shared pages (spam-pages
 * left out) every one would be a false finding. Never the test split.
 *
 *   npx tsx dev/eval/near-miss.ts dev > /tmp/near-dev.tsv     npx tsx dev/eval/near-miss.ts clean > /tmp/near-clean.tsv
 *
 * Columns: mark, item, page language/candidate language, kind, points, evidence, text, counted hits.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { loadSplit } from '../corpus/index.js';
import { htmlFilesUnder } from './data.js';
import { sharedDataDir } from '../../src/util/paths.js';
import { analyze } from '../../src/analyze.js';
import { decode, buildPage } from '../../src/page/index.js';
import { candidates } from '../../src/detect/index.js';
import { MIN_SPAM_EVIDENCE } from '../../src/detect/evidence.js';
import { REQUIRED_POINTS } from '../../src/detect/scoring.js';
import { loadRules } from '../../src/detect/rules/index.js';
import { loadModel } from '../../src/detect/model.js';
import { detectLang, foldScope } from '../../src/text/index.js';

/** The lowest points a candidate is listed from: below it, one more vote would not make a finding. */
const BAND_FROM = 1;
const which = process.argv[2];
if (which !== 'dev' && which !== 'clean') {
  process.stderr.write('usage: npx tsx dev/eval/near-miss.ts dev|clean\n');
  process.exit(2);
}
const rules = loadRules();
const model = loadModel();

function scan(name: string, html: Buffer, gold: string[] | null): void {
  analyze(html, { budgetMs: Infinity }); // feeds the segmenter the rule terms, as a real run does
  const page = buildPage(decode(html).html, {});
  const main = page.blocks.filter((b) => page.mainIds.includes(b.id)).map((b) => b.text).join(' ');
  const pageLang = detectLang(main.slice(0, 3000));
  for (const c of foldScope(() => candidates(page, { rules, model }))) {
    if (c.evidence < MIN_SPAM_EVIDENCE || c.points >= REQUIRED_POINTS || c.points < BAND_FROM) continue;
    const t = page.text.slice(c.start, c.end);
    const mark = gold ? (gold.some((g) => t.includes(g) || g.includes(t)) ? 'GOLD' : 'NOTG') : 'CLEAN';
    const hits = c.rules.map((h) => `${h.rule}:${h.points.toFixed(1)}`).join(' ');
    console.log([mark, name, `${pageLang}/${detectLang(t)}`, c.kind, c.points.toFixed(2), c.evidence.toFixed(2), JSON.stringify(t.slice(0, 80)), hits].join('\t'));
  }
}

if (which === 'dev') {
  for (const it of loadSplit('dev')) scan(it.id, Buffer.from(it.html), it.gold.map((g) => g.text));
} else {
  const root = sharedDataDir();
  for (const f of htmlFilesUnder(root)) {
    if (f.includes('spam-pages')) continue;
    const raw = readFileSync(f);
    scan(f.slice(root.length + 1), f.endsWith('.gz') ? gunzipSync(raw) : raw, null);
  }
}
