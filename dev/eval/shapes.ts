/**
 * Spam shapes put into real clean pages of ../shared/data, each with words the rules know (so what is measured is the
 * shape's handling, not the vocabulary): how often the page is caught and the spam cut exactly.
 *   - byline / reporter / dateline: a casino brand in a name slot of the GNE pages (来源：<name>, 记者<name>,
 *     <name>12月9日电), the slot's name replaced where a reader sees it;
 *   - anchor: an off-site link of spam words put after the first comma of a Scrapinghub page's third long paragraph;
 *   - entity: a brand substituted for an institution's name (…大学, …公司) all through a GNE page, as spam networks do;
 *   - title: a spam keyword put before a page's <title> ("股票配资 - <title>", "Buy Viagra Online | <title>"), found
 *     when a finding in the title (the headline, or the <title> text the headline leaves out) holds it.
 *
 *   npx tsx dev/eval/shapes.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { analyze } from '../../src/analyze.js';
import { evalDataRoot } from './data.js';

const BRANDS = ['澳门新葡京', '金沙娱乐场', '威尼斯人官网', '太阳城集团', '永利娱乐城', '皇冠体育'];
const ANCHORS = ['slot gacor', 'situs judi online', 'bandar togel', 'buy viagra online', 'replica watches', 'payday loans no credit check', 'online casino bonus'];

const read = (f: string) => (f.endsWith('.gz') ? gunzipSync(readFileSync(f)) : readFileSync(f)).toString('utf8');

function gnePages(): string[] {
  const root = join(evalDataRoot(), 'gne-chinese-news', 'html');
  return readdirSync(root).flatMap((d) => readdirSync(join(root, d)).map((f) => join(root, d, f))).sort();
}

interface Tally {
  cases: number;
  found: number;
  exact: number;
}

/** Each brand put in place of the slot's name (the first match of `slot` in the body a reader sees). */
function nameSlot(slot: RegExp): Tally {
  const t: Tally = { cases: 0, found: 0, exact: 0 };
  for (const f of gnePages()) {
    const html = read(f);
    const body = html.indexOf('<body');
    if (body < 0) continue;
    const m = slot.exec(html.slice(body));
    if (!m) continue;
    const at = body + m.index + m[0].indexOf(m[1]);
    for (const b of BRANDS) {
      const r = analyze(html.slice(0, at) + b + html.slice(at + m[1].length));
      if (!r.text.includes(b)) continue;
      t.cases++;
      const fnd = r.findings.find((x) => x.text.includes(b));
      if (fnd) t.found++;
      if (fnd?.text === b) t.exact++;
    }
  }
  return t;
}

function anchors(): Tally {
  const t: Tally = { cases: 0, found: 0, exact: 0 };
  const dir = join(evalDataRoot(), 'scrapinghub-article-extraction-benchmark', 'html');
  for (const f of readdirSync(dir).sort().slice(0, 40)) {
    const html = read(join(dir, f));
    if (analyze(html).verdict !== 'clean') continue;
    const p = [...html.matchAll(/<p[^>]*>([^<]{120,})/g)][2];
    if (!p) continue;
    const at = p.index! + p[0].indexOf(', ');
    if (at <= p.index!) continue;
    for (const a of ANCHORS) {
      const link = `<a href="https://${a.replace(/\s+/g, '')}.example.com/">${a}</a> `;
      const r = analyze(html.slice(0, at + 2) + link + html.slice(at + 2));
      // a paragraph no reader sees (in a script's template, a <noscript>) is no case
      if (!r.text.includes(a)) continue;
      t.cases++;
      const fnd = r.findings.find((x) => x.text.includes(a.split(' ')[0]));
      if (fnd) t.found++;
      if (fnd?.text.trim() === a) t.exact++;
    }
  }
  return t;
}

const ORG_RE = /[\u4e00-\u9fa5]{2,6}(?:大学|学院|公司|集团|医院|银行|协会|研究院|中学|小学)/gu;

function entities(): Tally & { occurrences: number; removed: number } {
  const t = { cases: 0, found: 0, exact: 0, occurrences: 0, removed: 0 };
  for (const f of gnePages()) {
    const html = read(f);
    const base = analyze(html);
    if (base.verdict !== 'clean') continue;
    const counts = new Map<string, number>();
    for (const m of base.cleanText.matchAll(ORG_RE)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    const org = [...counts].filter(([, k]) => k >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    if (!org) continue;
    for (const b of BRANDS) {
      const r = analyze(html.split(org).join(b));
      const k = r.text.split(b).length - 1;
      if (k === 0) continue;
      t.cases++;
      t.occurrences += k;
      t.removed += k - (r.cleanText.split(b).length - 1);
      if (r.verdict === 'contaminated') t.found++;
      t.exact += r.findings.filter((x) => x.text === b).length;
    }
  }
  return t;
}

function titlePrefixes(files: string[], keywords: string[], sep: string): Tally {
  const t: Tally = { cases: 0, found: 0, exact: 0 };
  for (const f of files) {
    const html = read(f);
    const m = /<title>([^<]{6,})<\/title>/i.exec(html);
    if (!m) continue;
    for (const k of keywords) {
      const r = analyze(html.replace(m[0], `<title>${k}${sep}${m[1]}</title>`));
      t.cases++;
      const fnd = r.findings.find((x) => x.where === 'title' && x.text.includes(k.slice(0, 3)));
      if (fnd) t.found++;
      if (fnd?.text.trim() === k) t.exact++;
    }
  }
  return t;
}

const line = (name: string, t: Tally) => console.log(`${name.padEnd(9)} ${t.cases} cases: found ${t.found}, cut exactly ${t.exact}`);
line('byline', nameSlot(/来源[：:]\s*([\u4e00-\u9fa5]{2,10})/u));
line('reporter', nameSlot(/记者\s?([\u4e00-\u9fa5]{2,3})(?=[\s）)])/u));
line('dateline', nameSlot(/([\u4e00-\u9fa5]{2,6})(?=\d{1,2}月\d{1,2}日[电讯])/u));
line('anchor', anchors());
const e = entities();
console.log(`entity    ${e.cases} pages x brands: flagged ${e.found}; occurrences ${e.occurrences}, removed ${e.removed}; findings exactly the brand ${e.exact}`);
line('title zh', titlePrefixes(gnePages(), ['股票配资', '澳门新葡京', '在线配资平台', '太阳城集团'], ' - '));
const shDir = join(evalDataRoot(), 'scrapinghub-article-extraction-benchmark', 'html');
const shPages = readdirSync(shDir).sort().slice(0, 40).map((f) => join(shDir, f));
line('title en', titlePrefixes(shPages, ['Buy Viagra Online', 'Online Casino Bonus', 'Payday Loans No Credit Check', 'Replica Watches'], ' | '));
