// Short keys (stop words, class-name tokens) looked up straight from a slice s[a, b) of a longer text: no substring
// per look-up on the hot paths that test every word of a page.

/** chars as they are */
export const FOLD_EXACT = 0;
/** ASCII letters in lower case */
export const FOLD_ASCII_LOWER = 1;
/** ASCII letters in lower case, and ’ (U+2019) as ' */
export const FOLD_ASCII_LOWER_APOSTROPHE = 2;
/**
 * How a SliceMap reads a char before it is hashed and compared (FOLD_*): a fixed set of folds in one function, not a
 * callback per map. The maps of the page and text stages share get(), where a call through a field holding several
 * maps' functions was not inlined: one real call per char of each word looked up.
 */
export type SliceFold = typeof FOLD_EXACT | typeof FOLD_ASCII_LOWER | typeof FOLD_ASCII_LOWER_APOSTROPHE;

/** The char code c as the fold reads it. */
function foldChar(fold: SliceFold, c: number): number {
  if (fold === FOLD_EXACT) return c;
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  return fold === FOLD_ASCII_LOWER_APOSTROPHE && c === 0x2019 ? 39 : c;
}

/** A map of short string keys read from slices; `fold` (FOLD_*) maps a char code before it is hashed and compared. */
export class SliceMap<T> {
  private readonly byHash = new Map<number, { key: string; value: T }[]>();
  /** the longest key: a longer slice is never in the map */
  readonly maxLen: number;

  constructor(
    entries: Iterable<readonly [string, T]>,
    private readonly fold: SliceFold = FOLD_EXACT,
  ) {
    let maxLen = 0;
    for (const [key, value] of entries) {
      const h = this.hash(key, 0, key.length);
      const list = this.byHash.get(h);
      if (list) list.push({ key, value });
      else this.byHash.set(h, [{ key, value }]);
      maxLen = Math.max(maxLen, key.length);
    }
    this.maxLen = maxLen;
  }

  private hash(s: string, a: number, b: number): number {
    const fold = this.fold;
    let h = b - a;
    for (let i = a; i < b; i++) h = (Math.imul(h, 31) + foldChar(fold, s.charCodeAt(i))) | 0;
    return h;
  }

  /** The value of the key equal to s[a, b) (char by char, after fold), else undefined. */
  get(s: string, a: number, b: number): T | undefined {
    if (b - a > this.maxLen) return undefined;
    const list = this.byHash.get(this.hash(s, a, b));
    if (!list) return undefined;
    const fold = this.fold;
    for (const { key, value } of list) {
      if (key.length !== b - a) continue;
      let k = 0;
      while (k < key.length && foldChar(fold, s.charCodeAt(a + k)) === key.charCodeAt(k)) k++;
      if (k === key.length) return value;
    }
    return undefined;
  }
}
