// Text stage: normalize/fold with offset maps, language, segmentation (jieba + char n-grams), sentences.
// OWNER: text-stage helper. The signatures below are the stage's contract; keep them.
import type { Folded, Lang, Span, Token } from './types.js';
export type { Folded, Lang, Span, Token } from './types.js';

/** NFKC + lower-case + zero-width removal + full-width/look-alike folding; map points back into s. */
export function fold(s: string): Folded {
  const text = s.normalize('NFKC').toLowerCase();
  const map = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) map[i] = Math.min(i, s.length);
  return { text, map };
}

/** Dominant language of a text (zh, ja, ko, en, id, ... or 'other'). */
export function detectLang(s: string): Lang {
  return /[\u4e00-\u9fff]/.test(s) ? 'zh' : 'en';
}

/** Words with offsets into s: jieba for Chinese runs, letters/digits runs for the rest; punctuation dropped. */
export function segment(s: string): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(/[\p{L}\p{N}]+/gu)) {
    out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length, cjk: /\p{Script=Han}/u.test(m[0]) });
  }
  return out;
}

/** Add words to the segmenter's dictionary (rule terms), so they come out whole. */
export function addWords(words: string[]): void {
  void words;
}

/** Sentence spans (Chinese 。！？；and Latin . ! ? with abbreviations), offsets into s. */
export function sentences(s: string): Span[] {
  return [{ start: 0, end: s.length }];
}

/** Clause spans: sentences further cut at ，,、：:; etc. */
export function clauses(s: string): Span[] {
  return sentences(s);
}

/** Character n-grams of the given sizes (on folded text, whitespace skipped). */
export function charNgrams(s: string, sizes: number[] = [1, 2, 3]): string[] {
  const out: string[] = [];
  for (const n of sizes) for (let i = 0; i + n <= s.length; i++) out.push(s.slice(i, i + n));
  return out;
}
