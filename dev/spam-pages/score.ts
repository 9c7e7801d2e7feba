/**
 * Quick loop on the real contaminated pages: runs analyze() on one split of ../shared/data/spam-pages and scores it
 * as its README says (verdict, spam strings removed — by a finding or by extraction —, keep sentences kept, title).
 *
 *   npx tsx dev/spam-pages/score.ts [dev|test] [--verbose]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/analyze.js';

const split = process.argv[2] === 'test' ? 'test' : 'dev';
const verbose = process.argv.includes('--verbose');
const root = join(import.meta.dirname, '..', '..');
const dir = join(root, '..', 'shared', 'data', 'spam-pages', 'pages');
const ids = (JSON.parse(readFileSync(join(root, 'corpus', 'spam-pages-split.json'), 'utf8')) as Record<string, string[]>)[split];

interface Label {
  id: string;
  verdict: 'clean' | 'contaminated';
  kind: string | null;
  spam: string[];
  keep: string[];
  title: string | null;
  uncertain?: boolean;
}
const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

let tp = 0, fp = 0, fn = 0, tn = 0;
let spamN = 0, spamGone = 0, spamByFinding = 0, keepN = 0, keepOk = 0, titleN = 0, titleOk = 0;
for (const id of ids) {
  const label = JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as Label;
  const html = readFileSync(join(dir, `${id}.html`));
  const r = analyze(html, {});
  const out = norm(r.cleanTitle + '\n' + r.cleanText);
  const all = norm(r.text);
  const flagged = r.verdict === 'contaminated';
  const pos = label.verdict === 'contaminated';
  if (pos && flagged) tp++;
  else if (pos) fn++;
  else if (flagged) fp++;
  else tn++;
  const lines: string[] = [];
  for (const s of label.spam) {
    spamN++;
    const n = norm(s);
    if (!out.includes(n)) {
      spamGone++;
      const byFinding = r.findings.some((f) => norm(f.text).includes(n) || n.includes(norm(f.text))) || !all.includes(n) === false && r.findings.some((f) => norm(r.text.slice(f.start, f.end)).includes(n));
      if (byFinding) spamByFinding++;
      else lines.push(`   spam gone (extraction): ${s.slice(0, 60)}`);
    } else lines.push(`   SPAM LEFT: ${s.slice(0, 80)}`);
  }
  for (const k of label.keep) {
    keepN++;
    if (out.includes(norm(k))) keepOk++;
    else lines.push(`   KEEP LOST: ${k.slice(0, 80)}${r.findings.some((f) => norm(k).includes(norm(f.text)) || norm(f.text).includes(norm(k))) ? ' (finding)' : ' (extraction?)'}`);
  }
  if (label.title !== null) {
    titleN++;
    if (norm(r.cleanTitle) === norm(label.title)) titleOk++;
    else lines.push(`   TITLE: got "${r.cleanTitle.slice(0, 60)}" want "${label.title.slice(0, 60)}"`);
  }
  const mark = pos === flagged ? 'ok ' : pos ? 'FN ' : 'FP ';
  if (verbose || pos !== flagged || lines.some((l) => /LEFT|LOST|TITLE/.test(l))) {
    console.log(`${mark}${id} [${label.kind ?? 'clean'}] findings=${r.findings.length}`);
    for (const l of lines) console.log(l);
    if (verbose || !pos) for (const f of r.findings) console.log(`     F ${f.kind} ${f.points.toFixed(1)} "${f.text.slice(0, 50)}" ${f.rules.map((h) => `${h.rule}:${h.points.toFixed(1)}`).join(' ')}`);
  }
}
const P = tp / (tp + fp || 1), R = tp / (tp + fn || 1);
console.log(`\n${split}: pages ${ids.length}  precision ${P.toFixed(3)} recall ${R.toFixed(3)} (tp ${tp} fp ${fp} fn ${fn} tn ${tn})`);
console.log(`spam strings removed ${spamGone}/${spamN} = ${(spamGone / spamN).toFixed(3)} (by a finding ${spamByFinding}, by extraction ${spamGone - spamByFinding})`);
console.log(`keep sentences kept ${keepOk}/${keepN} = ${(keepOk / keepN).toFixed(3)}; title right ${titleOk}/${titleN}`);
