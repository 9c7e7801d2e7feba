// Unit-level figures of a model on the corpus dev split: short gold spans (site-branding, title-affix,
// spliced-phrase, promo-line) against short clean units of the dev clean pages.
// usage: npx tsx dev/train/short-units-report.ts [model.json] [--dump]
import { readFileSync, writeFileSync } from 'node:fs';
import { loadSplit } from '../corpus/index.js';
import { decode, buildPage } from '../../src/page/index.js';
import { sentences, segment } from '../../src/text/index.js';
import { parseModel } from '../../src/detect/model.js';
import { unitP } from '../../src/detect/classifier.js';

const path = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'corpus/model/model.json';
const model = parseModel(JSON.parse(readFileSync(path, 'utf8')));
const KINDS = new Set(['site-branding', 'title-affix', 'spliced-phrase', 'promo-line']);
const items = loadSplit('dev');
const isWord = (t: { text: string }) => /[\p{L}\p{N}]/u.test(t.text);
const pos: { text: string; kind: string; lang: string; p: number }[] = [];
const negSet = new Map<string, string>();
for (const it of items) {
  if (it.gold.length) {
    for (const g of it.gold) if (KINDS.has(g.kind)) pos.push({ text: g.text, kind: g.kind, lang: g.lang, p: unitP(g.text, model) });
    continue;
  }
  const { html, encoding } = decode(it.html);
  const page = buildPage(html, { encoding });
  const add = (t: string) => {
    t = t.trim();
    const n = segment(t).filter(isWord).length;
    if (n >= 1 && n <= 10 && !negSet.has(t)) negSet.set(t, it.lang);
  };
  for (const b of page.blocks) {
    if (b.region === 'hidden') continue;
    for (const sp of sentences(b.text)) add(b.text.slice(sp.start, sp.end));
    for (const part of b.text.split(/\s[|｜\-–—_·•:：]\s|[|｜]/u)) add(part);
  }
  for (const t of [page.siteName, page.slogan, page.logo]) add(t);
  for (const part of page.htmlTitle.split(/\s[|｜\-–—_·•:：]\s|[|｜]/u)) add(part);
}
const neg = [...negSet].map(([text, lang]) => ({ text, lang, p: unitP(text, model) }));
const negP = neg.map((x) => x.p).sort((a, b) => b - a);
const thrAt = (fpr: number) => negP[Math.floor(fpr * negP.length)];
const t1 = thrAt(0.01);
const t05 = thrAt(0.005);
const out: string[] = [];
out.push(`model ${path}; negatives ${neg.length} (p>=0.9: ${neg.filter((x) => x.p >= 0.9).length}, p>=0.5: ${neg.filter((x) => x.p >= 0.5).length}); thr@1%FPR ${t1.toFixed(3)}, thr@0.5%FPR ${t05.toFixed(3)}`);
// AUC per group
function auc(ps: number[]): number {
  let s = 0;
  for (const p of ps) {
    // share of negatives below p (binary search on descending)
    let lo = 0, hi = negP.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (negP[m] >= p) lo = m + 1; else hi = m; }
    s += (negP.length - lo) / negP.length;
  }
  return s / ps.length;
}
const groups = new Map<string, number[]>();
for (const x of pos) {
  for (const k of [x.kind, `${x.kind}/${x.lang}`, 'ALL']) (groups.get(k) ?? groups.set(k, []).get(k)!).push(x.p);
}
out.push(['group', 'n', 'R@0.9', 'R@1%FPR', 'R@0.5%FPR', 'AUC'].join('\t'));
for (const k of [...groups.keys()].sort()) {
  const ps = groups.get(k)!;
  const r = (t: number) => (ps.filter((p) => p >= t).length / ps.length).toFixed(3);
  out.push([k.padEnd(22), ps.length, r(0.9), r(t1), r(t05), auc(ps).toFixed(4)].join('\t'));
}
console.log(out.join('\n'));
console.log('top negatives:');
for (const x of neg.sort((a, b) => b.p - a.p).slice(0, 15)) console.log(`  ${x.p.toFixed(3)} ${x.lang} ${x.text.slice(0, 80)}`);
if (process.argv.includes('--dump')) {
  writeFileSync('/tmp/short-units-dump.tsv', [...pos.map((x) => `pos\t${x.kind}\t${x.lang}\t${x.p.toFixed(4)}\t${x.text}`), ...neg.map((x) => `neg\t-\t${x.lang}\t${x.p.toFixed(4)}\t${x.text}`)].join('\n'));
}
