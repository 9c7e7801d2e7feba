// Short keys (stop words, class-name tokens) looked up straight from a slice s[a, b) of a longer text: no substring
// per look-up on the hot paths that test every word of a page.

/** A map of short string keys read from slices; `fold` maps a char code before it is hashed and compared. */
export class SliceMap<T> {
  private readonly byHash = new Map<number, { key: string; value: T }[]>();
  /** the longest key: a longer slice is never in the map */
  readonly maxLen: number;

  constructor(
    entries: Iterable<readonly [string, T]>,
    private readonly fold: (c: number) => number = (c) => c,
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
    let h = b - a;
    for (let i = a; i < b; i++) h = (Math.imul(h, 31) + this.fold(s.charCodeAt(i))) | 0;
    return h;
  }

  /** The value of the key equal to s[a, b) (char by char, after fold), else undefined. */
  get(s: string, a: number, b: number): T | undefined {
    if (b - a > this.maxLen) return undefined;
    const list = this.byHash.get(this.hash(s, a, b));
    if (!list) return undefined;
    for (const { key, value } of list) {
      if (key.length !== b - a) continue;
      let k = 0;
      while (k < key.length && this.fold(s.charCodeAt(a + k)) === key.charCodeAt(k)) k++;
      if (k === key.length) return value;
    }
    return undefined;
  }
}
