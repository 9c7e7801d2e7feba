// Character n-grams and hashed features for a hashed n-gram classifier.
import { fold } from './normalize.js';
import { segment } from './segment.js';
import type { Token } from './types.js';
import { isSeparator as isSpace } from '../util/chars.js';

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 16777619;
/** Default number of hash buckets of featureVector(). */
export const DEFAULT_BUCKETS = 1 << 18;
/** featureVector() looks at no more than this many characters (the head of a long text carries the signal). */
export const DEFAULT_MAX_FEATURE_CHARS = 5000;

/** Feature families: hashed into different places, so a word and a char gram never share a hash by design. */
export const FEATURE_NS = { word: 1, bigram: 2, cjkGram: 3, latinGram: 4 } as const;


/** Character n-grams of the given sizes (on folded text, whitespace skipped). */
export function charNgrams(s: string, sizes: number[] = [1, 2, 3]): string[] {
  let t = '';
  let runStart = -1;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || isSpace(s.charCodeAt(i))) {
      if (runStart >= 0) t += s.slice(runStart, i);
      runStart = -1;
    } else if (runStart < 0) runStart = i;
  }
  const out: string[] = [];
  for (const n of sizes) {
    if (n < 1) continue;
    for (let i = 0; i + n <= t.length; i++) out.push(t.slice(i, i + n));
  }
  return out;
}

/** One FNV-1a step over a UTF-16 code unit. */
function mix(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME) >>> 0;
}

/** 32-bit FNV-1a over the UTF-16 code units of str (same as FNV-1a over bytes for ASCII). Unsigned. */
export function hashFeature(str: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < str.length; i++) h = mix(h, str.charCodeAt(i));
  return h;
}

function hashRange(h: number, s: string, a: number, b: number): number {
  for (let i = a; i < b; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

export interface FeatureOptions {
  /** number of buckets (ids are in [0, buckets)); default DEFAULT_BUCKETS */
  buckets?: number;
  /** fold() the text first (default true); pass false when s is already folded */
  fold?: boolean;
  /** only the first maxChars characters are used; default DEFAULT_MAX_FEATURE_CHARS */
  maxChars?: number;
}

/** Sparse hashed feature vector: distinct bucket ids (in first-seen order, not sorted), each with its count. */
export interface FeatureVector {
  ids: Uint32Array;
  counts: Float32Array;
}

/** Up to this many buckets, counting uses a dense reusable array (4 bytes per bucket); above, a Map. */
export const DENSE_MAX_BUCKETS = 1 << 22;
let dense = new Uint32Array(0);
let scratch = new Uint32Array(1 << 14);
let used = 0;
function add(h: number): void {
  if (used === scratch.length) {
    const nb = new Uint32Array(scratch.length * 2);
    nb.set(scratch);
    scratch = nb;
  }
  scratch[used++] = h;
}

/** Hashes (unsigned 32-bit, before bucketing) of the features of an already folded text. */
function collect(t: string, tokens: Token[]): void {
  const nsWord = mix(FNV_OFFSET, FEATURE_NS.word);
  const nsBigram = mix(FNV_OFFSET, FEATURE_NS.bigram);
  const nsCjk = mix(FNV_OFFSET, FEATURE_NS.cjkGram);
  const nsLatin = mix(FNV_OFFSET, FEATURE_NS.latinGram);
  let prevLatin: Token | null = null;
  let k = 0;
  while (k < tokens.length) {
    const tok = tokens[k];
    if (tok.cjk) {
      // a run of CJK tokens separated by nothing or white space only
      let e = k + 1;
      while (e < tokens.length && tokens[e].cjk && onlySpace(t, tokens[e - 1].end, tokens[e].start)) e++;
      let chars = '';
      for (let q = k; q < e; q++) {
        add(hashRange(nsWord, t, tokens[q].start, tokens[q].end));
        chars += tokens[q].text;
      }
      for (let a = 0; a < chars.length; a++) {
        let h = nsCjk;
        for (let m = 0; m < 3 && a + m < chars.length; m++) {
          h = mix(h, chars.charCodeAt(a + m));
          add(mix(h, m));
        }
      }
      prevLatin = null;
      k = e;
      continue;
    }
    const wh = hashRange(nsWord, t, tok.start, tok.end);
    add(wh);
    if (prevLatin) add(mix(hashRange(mix(hashRange(nsBigram, t, prevLatin.start, prevLatin.end), 0x20), t, tok.start, tok.end), 0));
    prevLatin = tok;
    // char 3..5-grams of " word " (space marks the word boundaries)
    const len = tok.end - tok.start + 2;
    for (let a = 0; a + 3 <= len; a++) {
      let h = nsLatin;
      for (let m = 0; m < 5 && a + m < len; m++) {
        const p = a + m;
        h = mix(h, p === 0 || p === len - 1 ? 0x20 : t.charCodeAt(tok.start + p - 1));
        if (m >= 2) add(mix(h, m));
      }
    }
    k++;
  }
}

function onlySpace(t: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (!isSpace(t.charCodeAt(i))) return false;
  return true;
}

/**
 * Hashed features for a classifier: words from segment(); for CJK runs char 1-3 grams (white space
 * skipped); for other words word unigrams + bigrams and char 3-5 grams of the word with boundary marks.
 */
export function featureVector(s: string, opts: FeatureOptions = {}): FeatureVector {
  const buckets = opts.buckets ?? DEFAULT_BUCKETS;
  const maxChars = opts.maxChars ?? DEFAULT_MAX_FEATURE_CHARS;
  if (!(buckets >= 1)) throw new RangeError('featureVector: buckets must be >= 1');
  const head = s.length > maxChars ? s.slice(0, maxChars) : s;
  const t = opts.fold === false ? head : fold(head).text;
  used = 0;
  collect(t, segment(t));
  const pow2 = (buckets & (buckets - 1)) === 0;
  const mask = buckets - 1;
  // count in a dense per-bucket scratch (touched entries only are read and reset), no sorting
  if (buckets <= DENSE_MAX_BUCKETS) {
    if (dense.length < buckets) dense = new Uint32Array(buckets);
    let uniq = 0;
    for (let i = 0; i < used; i++) {
      const id = pow2 ? (scratch[i] & mask) >>> 0 : scratch[i] % buckets;
      if (dense[id]++ === 0) scratch[uniq++] = id;
    }
    const ids = scratch.slice(0, uniq);
    const counts = new Float32Array(uniq);
    for (let i = 0; i < uniq; i++) {
      counts[i] = dense[ids[i]];
      dense[ids[i]] = 0;
    }
    return { ids, counts };
  }
  const m = new Map<number, number>();
  for (let i = 0; i < used; i++) {
    const id = pow2 ? (scratch[i] & mask) >>> 0 : scratch[i] % buckets;
    m.set(id, (m.get(id) ?? 0) + 1);
  }
  const ids = Uint32Array.from(m.keys());
  const counts = Float32Array.from(m.values());
  return { ids, counts };
}
