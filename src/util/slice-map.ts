// Short keys (stop words, class-name tokens) looked up straight from a slice s[a, b) of a longer text: no substring
// per look-up on the hot paths that test every word of a page.

import { denseTrie, TRIE_DEAD, TRIE_ROOT } from './dense-trie.js';

/** chars as they are */
export const FOLD_EXACT = 0;
/** ASCII letters in lower case */
export const FOLD_ASCII_LOWER = 1;
/** ASCII letters in lower case, and ’ (U+2019) as ' */
export const FOLD_ASCII_LOWER_APOSTROPHE = 2;
/**
 * How a SliceMap reads a char before it is compared (FOLD_*): a fixed set of folds, applied to every char code once
 * when the map is built (its class table), so get() itself folds nothing.
 */
export type SliceFold = typeof FOLD_EXACT | typeof FOLD_ASCII_LOWER | typeof FOLD_ASCII_LOWER_APOSTROPHE;

/** The char code c as the fold reads it. */
function foldChar(fold: SliceFold, c: number): number {
  if (fold === FOLD_EXACT) return c;
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  return fold === FOLD_ASCII_LOWER_APOSTROPHE && c === 0x2019 ? 39 : c;
}

/**
 * A map of short string keys read from slices; `fold` (FOLD_*) maps a char code before it is compared. The keys are a
 * trie frozen into a dense transition table over their own chars (every other char is one class, which leads to the
 * dead state): get() reads one table entry per char of the slice and gives up at the first char no key has there
 * (most slices looked up are no key: a word that is not a stop word, an attribute the walk does not read), where a
 * hash of the whole slice, a Map look-up and a compare each read every char.
 */
export class SliceMap<T> {
  /** char code, as the fold reads it -> class (0: a char no key holds) */
  private readonly classOf = new Uint8Array(0x10000);
  private readonly classes: number;
  /** state * classes + class -> next state */
  private readonly next: Int32Array;
  /** state -> the value of the key that ends there */
  private readonly values: (T | undefined)[];
  /** the longest key: a longer slice is never in the map */
  readonly maxLen: number;

  constructor(entries: Iterable<readonly [string, T]>, fold: SliceFold = FOLD_EXACT) {
    const list = [...entries];
    // a class per distinct key char; a char of the text gets the class of the key char it folds to
    const keyClass = new Map<number, number>();
    for (const [key] of list) for (let i = 0; i < key.length; i++) if (!keyClass.has(key.charCodeAt(i))) keyClass.set(key.charCodeAt(i), keyClass.size + 1);
    const classes = keyClass.size + 1;
    if (classes > 0xff) throw new Error('too many distinct chars in the keys');
    for (let c = 0; c < 0x10000; c++) this.classOf[c] = keyClass.get(foldChar(fold, c)) ?? 0;
    this.classes = classes;
    const trie = denseTrie(
      list.map(([key]) => key),
      (c) => keyClass.get(c)!,
      classes,
    );
    const values: (T | undefined)[] = Array.from({ length: trie.states }, () => undefined);
    // the first entry of a key wins
    list.forEach(([, value], i) => {
      if (values[trie.ends[i]] === undefined) values[trie.ends[i]] = value;
    });
    this.next = trie.next;
    this.values = values;
    this.maxLen = list.reduce((m, [key]) => Math.max(m, key.length), 0);
  }

  /** The value of the key equal to s[a, b) (char by char, after fold), else undefined. */
  get(s: string, a: number, b: number): T | undefined {
    if (b - a > this.maxLen) return undefined;
    const { classOf, classes, next } = this;
    let st = TRIE_ROOT;
    for (let i = a; i < b; i++) {
      st = next[st * classes + classOf[s.charCodeAt(i)]];
      if (st === TRIE_DEAD) return undefined;
    }
    return this.values[st];
  }
}
