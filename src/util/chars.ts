// Characters and scripts by code unit: white space, invisible characters, CJK. One definition each, used by the
// page, text and detect stages (char-code tests: no regex or string allocation on the hot paths).

/** JS \s (WhiteSpace + LineTerminator: the set String.prototype.trim removes). */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Invisible characters that text folding removes: zero-width space and joiners, word joiner and invisible operators,
 * BOM, soft hyphen, Mongolian vowel separator, CGJ, and the invisible bidi controls.
 */
export const ZERO_WIDTH_CHARS: readonly number[] = [
  0x00ad, 0x034f, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060,
  0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
];
const ZERO_WIDTH = new Set(ZERO_WIDTH_CHARS);

export function isZeroWidth(c: number): boolean {
  return c >= 0xad && ZERO_WIDTH.has(c);
}

/** White space or an invisible character: what separates tokens without being text. */
export function isBlank(c: number): boolean {
  return isSpace(c) || isZeroWidth(c);
}

/** Han ideographs: CJK Unified Ideographs with Extension A, and the compatibility block. */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** Japanese kana (hiragana, katakana, half-width katakana). */
export function isKana(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0xff66 && c <= 0xff9f);
}

/**
 * Kana letters alone: hiragana and katakana syllables with the small katakana extension and half-width katakana,
 * without the marks Chinese text uses too (・ U+30FB, ー U+30FC, the iteration and voicing marks). For telling
 * Japanese text from Chinese by its letters.
 */
export function isKanaLetter(c: number): boolean {
  return (c >= 0x3041 && c <= 0x309f) || (c >= 0x30a1 && c <= 0x30fa) || (c >= 0x31f0 && c <= 0x31ff) || (c >= 0xff66 && c <= 0xff9d);
}

/** Hangul syllables and jamo. */
export function isHangul(c: number): boolean {
  return (c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f);
}

/** A character of a script written without spaces between words (Han, kana) or Hangul. */
export function isCjk(c: number): boolean {
  return isHan(c) || isKana(c) || isHangul(c);
}

/** Han ideographs as a regex class body, for rules and patterns that need one (the same ranges as isHan). */
export const HAN_CLASS = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';

/** White space as segmentation sees it: JS \s plus NEL (U+0085, a line break) and ZERO WIDTH SPACE (a word break). */
export function isSeparator(c: number): boolean {
  return isSpace(c) || c === 0x85 || c === 0x200b;
}

/** 1 = letter, 2 = not, 0 = not looked up yet; by UTF-16 code unit (BMP). */
const LETTER_TABLE = new Uint8Array(0x10000);
const LETTER_RE = /\p{L}/u;

/** A letter (Unicode \p{L}) by code point: the regex's answer, looked up once per BMP code unit. */
export function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
  if (cp > 0xffff) return LETTER_RE.test(String.fromCodePoint(cp));
  let v = LETTER_TABLE[cp];
  if (v === 0) LETTER_TABLE[cp] = v = LETTER_RE.test(String.fromCharCode(cp)) ? 1 : 2;
  return v === 1;
}

const ASCII_RE = /^[\x00-\x7f]*$/;

/** Only ASCII characters (text that folding leaves alone but for lower case). */
export function isAscii(s: string): boolean {
  return ASCII_RE.test(s);
}

/** Only ASCII characters in s[from, to): isAscii of that part, without cutting it out. */
export function isAsciiRange(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** How many characters of s[start, end) are not white space: s.slice(start, end).replace(/\s+/g, '').length, without the copy. */
export function nonSpaceLength(s: string, start = 0, end = s.length): number {
  let n = 0;
  for (let i = start; i < end; i++) if (!isSpace(s.charCodeAt(i))) n++;
  return n;
}
