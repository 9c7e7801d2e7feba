// Naive baseline: drop every sentence that contains a lexicon word (terms of the positive-score lexicon rules).
// It sees the same page model as winnow (Page.text, blocks) but no context: no structure, no classifier, no
// consistency checks. Its figures show what context buys.
import type { CompiledRules } from '../../src/detect/rules/index.js';
import type { PredSpan } from './score.js';

/** Terms of every lexicon rule with a positive score, folded (NFKC, lower-case), deduplicated. */
export function lexiconTerms(rules: CompiledRules): string[] {
  const set = new Set<string>();
  for (const r of rules.rules) {
    if (r.kind !== 'lexicon' || r.score <= 0) continue;
    for (const t of r.terms) {
      const f = foldTerm(t);
      if (f) set.add(f);
    }
  }
  return [...set].sort();
}

function foldTerm(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\u200b-\u200d\u2060\ufeff]/gu, '').trim();
}

const LATIN_START = /^[\p{Script=Latin}\p{N}]/u;
const LATIN_END = /[\p{Script=Latin}\p{N}]$/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

export interface TermMatcher {
  test(sentence: string): boolean;
}

interface Term {
  t: string;
  boundStart: boolean;
  boundEnd: boolean;
}

/**
 * Substring search per term (a giant alternation regex with look-arounds is pathologically slow on long pages):
 * latin terms must sit on word boundaries at their latin ends, other terms match as plain substrings.
 */
export function termMatcher(terms: string[]): TermMatcher {
  const list: Term[] = terms.map((t) => ({ t, boundStart: LATIN_START.test(t), boundEnd: LATIN_END.test(t) }));
  if (list.length === 0) return { test: () => false };
  return {
    test(sentence: string): boolean {
      const s = foldTerm(sentence);
      for (const { t, boundStart, boundEnd } of list) {
        let i = s.indexOf(t);
        while (i >= 0) {
          const okStart = !boundStart || i === 0 || !WORD_CHAR.test(s[i - 1]);
          const j = i + t.length;
          const okEnd = !boundEnd || j >= s.length || !WORD_CHAR.test(s[j]);
          if (okStart && okEnd) return true;
          i = s.indexOf(t, i + 1);
        }
      }
      return false;
    },
  };
}

/** Sentence ends: Chinese/Japanese 。！？；, Latin .!? followed by a space, and block ends. */
const SENTENCE_END = /[。！？；!?]+|[.;](?=\s)/gu;

/** Sentence ranges [start,end) of one block text (offsets relative to the block). */
export function blockSentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (end > start) out.push([start, end]);
    start = end;
  }
  if (start < text.length) out.push([start, text.length]);
  return out.filter(([a, b]) => text.slice(a, b).trim().length > 0);
}

export interface BaselineBlock {
  text: string;
  start: number;
  region: string;
}

/** The baseline's prediction over a page's blocks: every sentence with a lexicon term becomes a span. */
export function naiveBaseline(blocks: BaselineBlock[], matcher: TermMatcher): PredSpan[] {
  const spans: PredSpan[] = [];
  for (const b of blocks) {
    for (const [s, e] of blockSentences(b.text)) {
      if (matcher.test(b.text.slice(s, e))) {
        spans.push({ start: b.start + s, end: b.start + e, kind: b.region === 'title' ? 'title-affix' : 'promo-line', where: b.region });
      }
    }
  }
  return spans;
}
