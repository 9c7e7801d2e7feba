// Why src/util/edit.ts is hand-written rather than natural's LevenshteinDistance: the misspelt-brand check
// (detect/context.ts fuzzyMatches) compares windows of page text with the fuzzy lexicon's brand names, one edit
// allowed. This runs the same comparisons both ways on the Chinese text of the bench pages: the windows that check
// reads (first and last character equal to the term's, length within one edit), every fuzzy term of the shipped
// rules. It prints µs per comparison and whether the two agree on every window.
//   npx tsx bench/edit-distance.ts
import natural from 'natural';
import { editDistance } from '../src/util/edit.js';
import { loadRules } from '../src/detect/rules/index.js';
import { FUZZY_MAX_EDITS, FUZZY_MIN_CHARS } from '../src/detect/context.js';
import { pageRefs } from './systems.js';

const terms = new Set<string>();
for (const rule of loadRules().rules)
  if (rule.kind === 'lexicon' && rule.fuzzy) for (const t of rule.terms) if (t.length >= FUZZY_MIN_CHARS && /[\u3400-\u9fff]/.test(t)) terms.add(t);
const byFirst = new Map<string, string[]>();
for (const t of terms) byFirst.set(t[0], [...(byFirst.get(t[0]) ?? []), t]);

const pairs: [string, string][] = [];
for (const ref of pageRefs()) {
  const text = ref.load().html.replace(/<[^>]*>/g, ' ');
  for (let s = 0; s < text.length; s++) {
    for (const term of byFirst.get(text[s]) ?? []) {
      for (let len = term.length - FUZZY_MAX_EDITS; len <= term.length + FUZZY_MAX_EDITS; len++) {
        if (s + len <= text.length && text[s + len - 1] === term[term.length - 1]) pairs.push([text.slice(s, s + len), term]);
      }
    }
  }
}
// pad with the near misses the check exists for: each term with one character swapped, dropped and doubled
for (const t of terms) {
  const mid = t.length >> 1;
  pairs.push([t.slice(0, mid) + '就' + t.slice(mid + 1), t], [t.slice(0, mid) + t.slice(mid + 1), t], [t.slice(0, mid) + t[mid] + t.slice(mid), t]);
}
let disagree = 0;
for (const [w, t] of pairs) if ((natural.LevenshteinDistance(w, t) <= FUZZY_MAX_EDITS) !== (editDistance(w, t, FUZZY_MAX_EDITS) <= FUZZY_MAX_EDITS)) disagree++;

const impls: [string, (w: string, t: string) => boolean][] = [
  ['natural LevenshteinDistance', (w, t) => natural.LevenshteinDistance(w, t) <= FUZZY_MAX_EDITS],
  ['util/edit.ts editDistance', (w, t) => editDistance(w, t, FUZZY_MAX_EDITS) <= FUZZY_MAX_EDITS],
];
const rounds = Math.max(1, Math.ceil(2e6 / pairs.length));
const best = new Map<string, number>();
for (let pass = 0; pass < 3; pass++) {
  for (const [name, f] of impls) {
    let hits = 0;
    const t0 = performance.now();
    for (let r = 0; r < rounds; r++) for (const [w, t] of pairs) if (f(w, t)) hits++;
    const us = ((performance.now() - t0) * 1000) / (rounds * pairs.length);
    best.set(name, Math.min(best.get(name) ?? Infinity, us));
    if (hits < 0) console.log(hits);
  }
}
console.log(`${terms.size} fuzzy terms, ${pairs.length} windows, the two disagree on ${disagree}`);
for (const [name, us] of best) console.log(`${name.padEnd(28)} ${us.toFixed(3)} µs per comparison (best of 3 passes)`);
