// fold(): the text as matchers see it, with an exact offset map back into the original.
//
// Per character cluster (a code point plus any combining marks after it): NFKC, lower-case, then
// look-alike letters (Cyrillic/Greek homoglyphs) folded to Latin. Zero-width characters are dropped.
// Folding is context-free (the same character always folds the same way), so a rule term folded with
// fold() matches the folded text whatever script surrounds it. Spaced-out spam ("v i a g r a") is left as is.
//
// Speed: O(n), one pass. BMP characters are folded through a lazily filled table (NFKC is computed once
// per distinct character); ASCII and the CJK unified ideographs never touch String.prototype.normalize.
import { detach } from '../page/detach.js';
import type { Folded } from './types.js';
import { ZERO_WIDTH_CHARS, isAscii, isZeroWidth } from '../util/chars.js';

export { ZERO_WIDTH_CHARS } from '../util/chars.js';

/**
 * Look-alike letters folded to Latin, keyed by the LOWER-CASE form (fold lower-cases first, so capitals
 * such as Cyrillic 'В' reach this table as 'в'). Context-free on purpose: see the header comment.
 */
export const HOMOGLYPHS: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ӏ: 'l', һ: 'h', ԛ: 'q', ԝ: 'w', ү: 'y', ɡ: 'g', ѵ: 'v', ԍ: 'g',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y',
  ζ: 'z', μ: 'u', ϲ: 'c', ϳ: 'j',
  // Latin letters that only look alike
  ı: 'i', ȷ: 'j', ℓ: 'l',
};

const ZERO_WIDTH_RE = new RegExp(`[${ZERO_WIDTH_CHARS.map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`, 'g');

// Fold table for BMP code units. 0 = not computed yet; otherwise one of the kinds below, plus MARK_BIT
// when the character is a combining mark (it then joins the cluster of the character before it).
const KIND_DELETE = 1;
const KIND_MULTI = 2; // folds to 0 or 2+ code units: look in MULTI
const KIND_SINGLE_BASE = 3; // folds to the single code unit (value - KIND_SINGLE_BASE)
const MARK_BIT = 1 << 20;
const KIND_MASK = MARK_BIT - 1;

const table = new Int32Array(0x10000);
const MULTI = new Map<number, string>();
/** folds of clusters (surrogate pairs, base + combining marks), memoised up to this many entries */
const CLUSTER_CACHE_MAX = 50_000;
const clusterCache = new Map<string, string>();
const MARK_RE = /\p{M}/u;

let homoTable: Uint16Array | null = null;
function homo(): Uint16Array {
  if (homoTable) return homoTable;
  const t = new Uint16Array(0x10000);
  for (const [k, v] of Object.entries(HOMOGLYPHS)) t[k.charCodeAt(0)] = v.charCodeAt(0);
  homoTable = t;
  return t;
}

function applyHomoglyphs(x: string): string {
  const h = homo();
  let out = '';
  for (let i = 0; i < x.length; i++) {
    const c = x.charCodeAt(i);
    out += h[c] ? String.fromCharCode(h[c]) : x[i];
  }
  return out;
}

/** NFKC + lower-case + look-alikes of one cluster. */
function foldCluster(x: string): string {
  // 'İ'.toLowerCase() is "i" + combining dot above: fold it to a plain "i" so "İstanbul" matches "istanbul"
  // zero-width chars that are also combining marks (U+034F) can sit inside a cluster: drop them there too
  return applyHomoglyphs(x.normalize('NFKC').toLowerCase().replace(/i\u0307/g, 'i').replace(ZERO_WIDTH_RE, ''));
}

function computeEntry(c: number): number {
  let v: number;
  if (isZeroWidth(c)) v = KIND_DELETE;
  else if (c >= 0xd800 && c <= 0xdfff) v = KIND_SINGLE_BASE + c; // surrogates are handled by the caller
  else {
    const f = foldCluster(String.fromCharCode(c));
    if (f.length === 1) v = KIND_SINGLE_BASE + f.charCodeAt(0);
    else {
      MULTI.set(c, f);
      v = KIND_MULTI;
    }
  }
  if (MARK_RE.test(String.fromCharCode(c))) v |= MARK_BIT;
  table[c] = v;
  return v;
}

// ASCII and CJK unified ideographs are filled eagerly: they are stable under NFKC and lower-casing is trivial.
for (let c = 0; c < 0x80; c++) table[c] = KIND_SINGLE_BASE + (c >= 0x41 && c <= 0x5a ? c + 32 : c);
for (let c = 0x4e00; c <= 0x9fff; c++) table[c] = KIND_SINGLE_BASE + c;

// Output state of the fold() call in progress: code units into a reusable scratch, offsets into the map
// (allocated per call, it is returned). Module-level so that the hot loop allocates no closures.
let out = new Uint16Array(1 << 12);
let map = new Int32Array(0);
let cap = 0;
let o = 0;
const decoder = new TextDecoder('utf-16le');
/** Below this many code units String.fromCharCode beats TextDecoder. */
const SMALL_DECODE = 256;

function grow(extra: number): void {
  cap = Math.max(cap * 2, o + extra + 16);
  const nb = new Uint16Array(cap);
  nb.set(out.subarray(0, o));
  out = nb;
  const nm = new Int32Array(cap + 1);
  nm.set(map.subarray(0, o));
  map = nm;
}

function emit(str: string, at: number): void {
  if (o + str.length >= cap) grow(str.length);
  for (let k = 0; k < str.length; k++) {
    out[o] = str.charCodeAt(k);
    map[o++] = at;
  }
}

function isMarkAt(s: string, i: number): boolean {
  if (i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 0x300) return false;
  if (c >= 0xd800 && c <= 0xdbff) {
    // astral combining marks (rare): ask the regex
    const cp = s.codePointAt(i)!;
    return cp > 0xffff && MARK_RE.test(String.fromCodePoint(cp));
  }
  const v = table[c] || computeEntry(c);
  return (v & MARK_BIT) !== 0;
}

/** Strings up to this long are memoised (tokens and short blocks repeat a lot; a call costs ~1 µs otherwise). */
export const FOLD_MEMO_MAX_LEN = 32;
/**
 * The memo is dropped when it holds this many strings. Each entry keeps an offset map (a typed array), so 50k
 * entries held ~15 MB per analyze thread; 5k hold ~1.5 MB at no measurable cost in speed over the shared pages.
 */
export const FOLD_MEMO_MAX_ENTRIES = 5_000;
const memo = new Map<string, Folded>();

/**
 * Folds of texts (longer than the memo's) of the page in analysis, while a foldScope runs: the rules fold a block,
 * then the classifier's bound and its exact score fold it again, and its sentences are read from the block's fold.
 * fold() keeps its result with the map, foldText() the text alone. Null outside a scope; dropped when it ends, so it
 * keeps no page alive.
 */
let pageFolds: Map<string, Folded | string> | null = null;

/** Run fn with a fold memo of its own for long texts (one page's analysis); the memo is dropped afterwards. */
export function foldScope<T>(fn: () => T): T {
  const prev = pageFolds;
  pageFolds = new Map();
  try {
    return fn();
  } finally {
    pageFolds = prev;
  }
}

/**
 * NFKC + lower-case + zero-width removal + full-width/look-alike folding; map points back into s.
 * The result may be shared between calls with the same (short) input: treat it as read-only.
 */
export function fold(s: string): Folded {
  if (s.length <= FOLD_MEMO_MAX_LEN) {
    const hit = memo.get(s);
    if (hit) return hit;
    let f = foldUncached(s);
    // an unchanged text is s itself, often a slice of a whole page: cache a copy so the memo keeps no page alive
    if (f.text === s) f = { text: detach(s), map: f.map };
    if (memo.size >= FOLD_MEMO_MAX_ENTRIES) memo.clear();
    memo.set(detach(s), f);
    return f;
  }
  const known = pageFolds?.get(s);
  if (known !== undefined && typeof known !== 'string') return known;
  const f = foldUncached(s);
  pageFolds?.set(s, f);
  return f;
}

/**
 * fold(s).text without the offset map: pure ASCII text folds to its lower case (NFKC and the look-alike table leave
 * ASCII alone), so it skips the table walk and the map; other text takes fold().
 */
export function foldText(s: string): string {
  if (isAscii(s)) return s.toLowerCase();
  if (s.length <= FOLD_MEMO_MAX_LEN) return fold(s).text;
  const known = pageFolds?.get(s);
  if (known !== undefined) return typeof known === 'string' ? known : known.text;
  const text = foldUncached(s, false).text;
  pageFolds?.set(s, text);
  return text;
}

/** A whole text folded once, for foldTextPart: ASCII text as its lower case (offsets unchanged, map null), else fold(). */
export interface WholeFold {
  text: string;
  map: Int32Array | null;
}

export function foldWhole(s: string): WholeFold {
  return isAscii(s) ? { text: s.toLowerCase(), map: null } : fold(s);
}

/**
 * Does fold() start a cluster at s[i] (or is i an end of s)? A combining mark is folded with the char before it, and
 * the second half of a surrogate pair with the first.
 */
function isClusterEdge(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return true;
  const c = s.charCodeAt(i);
  if (c < 0x300) return true;
  if (c >= 0xdc00 && c <= 0xdfff) {
    const d = s.charCodeAt(i - 1);
    return !(d >= 0xd800 && d <= 0xdbff);
  }
  return !isMarkAt(s, i);
}

/** First index of the (non-decreasing) map whose offset is at least pos. */
export function firstAtLeast(map: Int32Array, pos: number): number {
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * foldText(s.slice(start, end)), read from whole = foldWhole(s) without folding the part again. fold() folds each
 * cluster on its own, so when start and end are cluster edges the part's fold is the run of folded chars whose map
 * points into [start, end); a part that cuts a cluster is folded alone.
 */
export function foldTextPart(whole: WholeFold, s: string, start: number, end: number): string {
  if (whole.map === null) return whole.text.slice(start, end);
  if (!isClusterEdge(s, start) || !isClusterEdge(s, end)) return foldText(s.slice(start, end));
  return whole.text.slice(firstAtLeast(whole.map, start), firstAtLeast(whole.map, end));
}

/** The offset map of foldText's calls, reused (their map is never returned). */
let scratchMap = new Int32Array(0);

/** keepMap false: the map is written to scratch space and the result's map must not be used. */
function foldUncached(s: string, keepMap = true): Folded {
  const n = s.length;
  cap = n + 16;
  if (out.length < cap) out = new Uint16Array(Math.max(cap, out.length * 2));
  else cap = Math.min(out.length, cap);
  if (keepMap) map = new Int32Array(cap + 1);
  else map = scratchMap.length >= cap + 1 ? scratchMap : (scratchMap = new Int32Array(cap + 1));
  o = 0;
  let changed = false;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    // fast path: a BMP non-surrogate char not followed by a combining mark
    if (c < 0xd800 || c > 0xdfff) {
      const v = table[c] || computeEntry(c);
      const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (next < 0x300 || !isMarkAt(s, i + 1)) {
        const kind = v & KIND_MASK;
        if (kind >= KIND_SINGLE_BASE) {
          const f = kind - KIND_SINGLE_BASE;
          if (f !== c) changed = true;
          if (o >= cap) grow(1);
          out[o] = f;
          map[o++] = i;
        } else if (kind === KIND_DELETE) {
          changed = true;
        } else {
          changed = true;
          emit(MULTI.get(c)!, i);
        }
        i++;
        continue;
      }
    }
    // slow path: surrogate pair and/or combining marks -> fold the whole cluster
    let j = i + 1;
    if (c >= 0xd800 && c <= 0xdbff && j < n) {
      const d = s.charCodeAt(j);
      if (d >= 0xdc00 && d <= 0xdfff) j++;
    }
    while (j < n && isMarkAt(s, j)) j += s.charCodeAt(j) >= 0xd800 && s.charCodeAt(j) <= 0xdbff ? 2 : 1;
    const raw = s.slice(i, j);
    let f = clusterCache.get(raw);
    if (f === undefined) {
      const lone = j === i + 1 && c >= 0xd800 && c <= 0xdfff;
      f = detach(lone ? raw : foldCluster(raw));
      if (clusterCache.size >= CLUSTER_CACHE_MAX) clusterCache.clear();
      clusterCache.set(detach(raw), f);
    }
    if (f !== raw) changed = true;
    emit(f, i);
    i = j;
  }
  map[o] = n;
  const m = o + 1 === map.length ? map : map.subarray(0, o + 1);
  if (!changed) return { text: s, map: m }; // nothing folded: the map is the identity
  let text: string;
  if (o <= SMALL_DECODE) text = String.fromCharCode.apply(null, out.subarray(0, o) as unknown as number[]);
  else text = decoder.decode(out.subarray(0, o));
  return { text, map: m };
}

/**
 * Original span of the folded span [start, end). The end is widened to the end of the cluster that holds
 * folded char end-1 (so a match on half of an expansion such as "ﬁ" -> "fi" still covers the whole "ﬁ").
 * Characters fold() dropped right after the match (zero-width) are included unless the original string is
 * passed as `s`, in which case they are trimmed off the end.
 */
export function toOriginal(f: Folded, start: number, end: number, s?: string): { start: number; end: number } {
  const len = f.text.length;
  if (start < 0) start = 0;
  if (end > len) end = len;
  if (start > end) start = end;
  const os = f.map[start];
  if (end === start) return { start: os, end: os };
  const last = f.map[end - 1];
  let k = end;
  while (k < len && f.map[k] === last) k++;
  let oe = f.map[k];
  if (s !== undefined) while (oe - 1 > last && isZeroWidth(s.charCodeAt(oe - 1))) oe--;
  return { start: os, end: oe };
}
