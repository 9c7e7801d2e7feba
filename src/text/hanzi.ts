// Traditional Chinese characters read as their simplified forms, one char for one char, so that a rule or a word
// written in simplified Chinese meets the same word written in traditional (澳門新葡京娛樂場 is 澳门新葡京娱乐场):
// spam networks convert their text to traditional to slip past simplified keyword lists. The tables are OpenCC's
// (opencc-js): Taiwan and Hong Kong variants to OpenCC's traditional standard, then traditional to simplified.
// Only BMP chars with a BMP simplified form are mapped, so a string keeps its length and every offset.
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import TW_VARIANTS_REV from 'opencc-js/dict/TWVariantsRev';
import HK_VARIANTS_REV from 'opencc-js/dict/HKVariantsRev';

/** First code unit that can be a Han character (CJK Extension A); below it nothing is mapped. */
const FIRST_HAN = 0x3400;

let table: Uint16Array | null = null;

/** Pairs of single BMP chars of one OpenCC table ("from to|from to"; a pair with several targets takes the first). */
function* pairs(dict: string): Generator<[number, number]> {
  for (const entry of dict.split('|')) {
    const [from, to] = entry.split(' ');
    if (!from || !to || from.length !== 1 || to.length !== 1) continue;
    yield [from.charCodeAt(0), to.charCodeAt(0)];
  }
}

function build(): Uint16Array {
  const t = new Uint16Array(0x10000);
  const simplified = new Set<number>();
  for (const [from, to] of pairs(TS_CHARACTERS)) {
    t[from] = to;
    simplified.add(to);
  }
  // a regional variant reads as its standard traditional char's simplified form (or that char, when it has none);
  // not a char that is itself a simplified form (么, Taiwan's variant of 幺, is the simplified 麼 of 什么)
  for (const dict of [TW_VARIANTS_REV, HK_VARIANTS_REV]) {
    for (const [from, to] of pairs(dict)) if (!t[from] && !simplified.has(from)) t[from] = t[to] || to;
  }
  return t;
}

/** The table itself: code unit -> its simplified form, 0 when it has none (for a caller's own pass over a text). */
export function simplifiedTable(): Uint16Array {
  return (table ??= build());
}

/** The simplified form of the char code c, or c when it has none. */
export function simplifiedChar(c: number): number {
  return c < FIRST_HAN ? c : simplifiedTable()[c] || c;
}

/** s with each traditional char as its simplified form: the same length, every offset the same. */
export function toSimplified(s: string): string {
  const t = simplifiedTable();
  const n = s.length;
  let i = 0;
  // most text has no traditional char: one table look-up per Han char, no copy
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= FIRST_HAN && t[c] !== 0) break;
  }
  if (i === n) return s;
  const out = new Uint16Array(n);
  for (let k = 0; k < i; k++) out[k] = s.charCodeAt(k);
  for (let k = i; k < n; k++) {
    const c = s.charCodeAt(k);
    out[k] = (c >= FIRST_HAN && t[c]) || c;
  }
  return UTF16.decode(out);
}

const UTF16 = new TextDecoder('utf-16le');
