/** Text stage types. Offsets always point into the ORIGINAL string given to the text stage. */

export type Lang = 'zh' | 'ja' | 'ko' | 'en' | 'id' | 'de' | 'es' | 'pt' | 'fr' | 'ru' | 'other';

/** A string folded for matching (NFKC, lower-case, zero-width removed, full-width and look-alikes folded). */
export interface Folded {
  /** the folded text */
  text: string;
  /** map[i] = offset in the original of folded char i; map[text.length] = original.length */
  map: Int32Array;
}

export interface Token {
  text: string;
  start: number;
  end: number;
  /** true for words made of CJK characters */
  cjk: boolean;
}

export interface Span {
  start: number;
  end: number;
}
