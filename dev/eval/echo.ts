/**
 * Would a page's own confirmed findings locate the spam it missed? For each contaminated item of the corpus dev split
 * with a finding: the words of its findings (Latin words of 4+ letters, Chinese and Japanese words of 2+ characters)
 * that occur nowhere else in the page; a missed gold span sharing one is an "echo" a page-level vocabulary vote could
 * catch, and an article line (not gold) sharing one is what that vote would put at risk. Never the test split.
 *
 *   npx tsx dev/eval/echo.ts            (one line per missed span and per line at risk, then the counts)
 */
import { loadSplit } from '../corpus/index.js';
import { analyze } from '../../src/analyze.js';
import { segment, foldScope } from '../../src/text/index.js';

const words = (s: string) =>
  new Set(
    foldScope(() => segment(s.toLowerCase()))
      .filter((t) => (t.cjk ? t.text.length >= 2 : /^[a-z0-9]{4,}$/.test(t.text) && /[a-z]/.test(t.text)))
      .map((t) => t.text),
  );

let echo = 0;
let none = 0;
let atRisk = 0;
let lines = 0;
for (const it of loadSplit('dev')) {
  if (!it.contaminated) continue;
  const r = analyze(it.html, { budgetMs: Infinity });
  if (r.findings.length === 0) continue;
  const found = new Set<string>();
  for (const f of r.findings) for (const w of words(f.text)) found.add(w);
  // the page text outside its findings
  let rest = '';
  let at = 0;
  for (const f of [...r.findings].sort((a, b) => a.start - b.start)) {
    rest += `${r.text.slice(at, f.start)}\n`;
    at = Math.max(at, f.end);
  }
  rest += r.text.slice(at);
  for (const g of it.gold.filter((x) => r.cleanText.includes(x.text))) {
    const elsewhere = words(rest.split(g.text).join('\n'));
    const shared = [...words(g.text)].filter((w) => found.has(w) && !elsewhere.has(w));
    if (shared.length) echo++;
    else none++;
    console.log(`${shared.length ? 'ECHO' : 'none'}\t${it.id}\t${JSON.stringify(g.text)}\t${shared.join(',')}`);
  }
  for (const line of rest.split('\n')) {
    if (line.length < 20 || it.gold.some((g) => line.includes(g.text) || g.text.includes(line))) continue;
    lines++;
    const elsewhere = words(rest.split(line).join('\n'));
    const shared = [...words(line)].filter((w) => found.has(w) && !elsewhere.has(w));
    if (shared.length) {
      atRisk++;
      console.log(`RISK\t${it.id}\t${JSON.stringify(line.slice(0, 100))}\t${shared.join(',')}`);
    }
  }
}
console.log(`missed gold spans sharing a word with the page's findings: ${echo} of ${echo + none}; article lines that would be at risk: ${atRisk} of ${lines}`);
