// Words of the page's texts, segmented once per page: the keyword-stuffing check, the classifier's word count and
// the off-topic vote all ask for the words of the same (sometimes very long) block.
import { segment } from '../text/index.js';
import type { Token } from '../text/types.js';
import { isLetter } from '../util/chars.js';

/** Texts shorter than this are segmented afresh (cheap, and too many to be worth keeping). */
const MIN_CACHED_CHARS = 256;

export class PageWords {
  private readonly cache = new Map<string, Token[]>();

  /** segment(text.toLowerCase()), memoised for long texts for the life of one page. */
  lower(text: string): Token[] {
    if (text.length < MIN_CACHED_CHARS) return segment(text.toLowerCase());
    let t = this.cache.get(text);
    if (!t) this.cache.set(text, (t = segment(text.toLowerCase())));
    return t;
  }
}

/** A word of letters or digits without CJK: a word of a spaced script, which spaces and punctuation delimit. */
const SPACED_WORD_RE = /^(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{N}])+$/u;

export function isSpacedWord(w: string): boolean {
  return SPACED_WORD_RE.test(w);
}

const isWordChar = (c: number) => isLetter(c) || (c >= 0x30 && c <= 0x39);

/**
 * A spaced-script word shorter than this is used only as a whole word: a short word starts too many others ("app"
 * starts "appeal"); from this length on, a word it starts uses it too.
 */
export const MIN_PREFIX_CHARS = 4;

/**
 * How many times (up to `cap`) `text` holds `word`: for a word of a spaced script, at the start of a word (no letter or
 * digit before it), so "ini" is not in "Termini" while "Krise" is in "Krisen" and "achtsam" in "Achtsamkeit" (the
 * inflections and compounds of languages that add to a word's end), and as a whole word when it is shorter than
 * MIN_PREFIX_CHARS; for a word with CJK in it, anywhere (text without spaces to mark words).
 */
export function countWord(text: string, word: string, cap = Infinity): number {
  if (!word) return 0;
  const spaced = isSpacedWord(word);
  const whole = spaced && word.length < MIN_PREFIX_CHARS;
  let n = 0;
  for (let i = text.indexOf(word); i >= 0 && n < cap; i = text.indexOf(word, i + word.length)) {
    if (spaced && i > 0 && isWordChar(text.charCodeAt(i - 1))) continue;
    if (whole && i + word.length < text.length && isWordChar(text.charCodeAt(i + word.length))) continue;
    n++;
  }
  return n;
}

/** A run of letters or digits: a word where spaces mark words. */
const WORD_RE = /[\p{L}\p{N}]+/gu;

/**
 * The words of a text (lower-cased by the caller), sorted once, for countWord's question of a spaced-script word
 * asked many times over one long text: the count of its words that start with the word, found by binary search, not
 * by a scan of the text per question.
 */
export class WordStarts {
  private readonly words: string[];
  private readonly counts: number[];
  constructor(text: string) {
    const m = new Map<string, number>();
    for (const w of text.matchAll(WORD_RE)) m.set(w[0], (m.get(w[0]) ?? 0) + 1);
    this.words = [...m.keys()].sort();
    this.counts = this.words.map((w) => m.get(w)!);
  }
  /** How many of the text's words are `word` or, from MIN_PREFIX_CHARS on, start with it (see countWord). */
  count(word: string): number {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.words[mid] < word) lo = mid + 1;
      else hi = mid;
    }
    if (word.length < MIN_PREFIX_CHARS) return this.words[lo] === word ? this.counts[lo] : 0;
    let n = 0;
    for (let i = lo; i < this.words.length && this.words[i].startsWith(word); i++) n += this.counts[i];
    return n;
  }
}

/**
 * The article's words, for "does the article use this word outside the unit": the one measure of it (countWord's reading
 * of a use), built on the first question from the article's lower-cased sentences.
 */
export class ArticleWords {
  private starts: WordStarts | null = null;
  private text: string | null = null;
  constructor(private readonly sentences: () => readonly string[]) {}

  /** Does the article use the (lower-cased) word more than `own` times (the unit's own uses, which are no use)? */
  usesBeyond(word: string, own: number): boolean {
    if (!word) return false;
    if (isSpacedWord(word)) return (this.starts ??= new WordStarts(this.sentences().join('\n'))).count(word) > own;
    return countWord((this.text ??= this.sentences().join('\n')), word, own + 1) > own;
  }
}
