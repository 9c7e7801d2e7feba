// Hashed features for the classifier: character n-grams (CJK 1-3, Latin 3-5 inside words), word uni/bi-grams,
// and a few shape features (URL, phone/QQ/WeChat numbers, digits, exclamation). Computed on folded text with
// rolling FNV-1a hashes straight from char codes, so no n-gram strings are built on the hot path.
import { fold } from '../text/index.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;

/** Namespaces keep different feature families from sharing buckets by construction. */
export const NS = { cjk: 1, latinGram: 2, word: 3, bigram: 4, shape: 5, prev: 6, next: 7, self: 8 } as const;

/** Sentence texts longer than this are cut for featurisation (the head carries the signal; keeps cost bounded). */
export const MAX_FEATURE_CHARS = 2000;

const isCjk = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3040 && c <= 0x30ff);
const isWordChar = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x400 && c <= 0x4ff) || (c >= 0xac00 && c <= 0xd7af);

/** Character p of " word " (word = s[i .. i+len-2)), the spaces marking the word's edges. */
function wordCharAt(s: string, i: number, len: number, p: number): number {
  return p === 0 || p === len - 1 ? 0x20 : normCode(s.charCodeAt(i + p - 1));
}

function mix(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME) >>> 0;
}

/** Where hashed features go: collected as ids (training), or summed straight into a score (the hot path). */
export interface Sink {
  add(h: number): void;
}

export class FeatureSink implements Sink {
  ids: number[] = [];
  constructor(readonly mask: number) {}
  add(h: number): void {
    this.ids.push(h & this.mask);
  }
}

/** Sums the weights of the features as they are produced: no id array, no garbage. */
export class ScoreSink implements Sink {
  sum = 0;
  n = 0;
  constructor(
    readonly w: Float32Array,
    readonly mask: number,
  ) {}
  add(h: number): void {
    this.sum += this.w[h & this.mask];
    this.n++;
  }
}

/** Digits fold to '0' so that phone numbers, prices and QQ ids share features. */
const normCode = (c: number) => (c >= 0x30 && c <= 0x39 ? 0x30 : c);

/**
 * Append the hashed features of `text` (already folded) to sink, in namespace `ns0` (+ offsets for families),
 * so a token's neighbours can be added under other namespaces.
 */
export function addTextFeatures(folded: string, sink: Sink, nsSalt = 0): void {
  const s = folded.length > MAX_FEATURE_CHARS ? folded.slice(0, MAX_FEATURE_CHARS) : folded;
  const n = s.length;
  const salt = Math.imul(nsSalt + 1, 0x9e3779b1) >>> 0;
  let prevWordHash = 0;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isCjk(c)) {
      let j = i;
      while (j < n && isCjk(s.charCodeAt(j))) j++;
      for (let a = i; a < j; a++) {
        let h = mix(FNV_OFFSET ^ salt, NS.cjk);
        for (let k = 0; k < 3 && a + k < j; k++) {
          h = mix(h, s.charCodeAt(a + k));
          sink.add(mix(h, k));
        }
      }
      prevWordHash = 0;
      i = j;
    } else if (isWordChar(c)) {
      let j = i;
      while (j < n && isWordChar(s.charCodeAt(j))) j++;
      // word unigram
      let wh = mix(FNV_OFFSET ^ salt, NS.word);
      for (let a = i; a < j; a++) wh = mix(wh, normCode(s.charCodeAt(a)));
      sink.add(wh);
      if (prevWordHash) sink.add(mix(mix(prevWordHash, NS.bigram), wh));
      prevWordHash = wh;
      // char 3..5-grams inside " word " with boundary marks
      const len = j - i + 2;
      const seed = mix(FNV_OFFSET ^ salt, NS.latinGram);
      for (let a = 0; a + 3 <= len; a++) {
        let h = seed;
        for (let k = 0; k < 5 && a + k < len; k++) {
          h = mix(h, wordCharAt(s, i, len, a + k));
          if (k >= 2) sink.add(mix(h, k));
        }
      }
      i = j;
    } else {
      if (c === 0x21 || c === 0xff01) sink.add(mix(mix(FNV_OFFSET ^ salt, NS.shape), 1)); // '!'
      if (c === 0x2e && i > 0 && isWordChar(s.charCodeAt(i - 1)) && i + 1 < n && isWordChar(s.charCodeAt(i + 1))) {
        sink.add(mix(mix(FNV_OFFSET ^ salt, NS.shape), 2)); // dotted name: domain-ish
      }
      if (c !== 0x20) prevWordHash = 0;
      i++;
    }
  }
}

const CAMEL_RE = /[A-Z][a-z]+[A-Z][a-z]+/g;
const DOMAIN_RE = /\b[a-z0-9-]{2,}\.(com|net|org|info|biz|cc|vip|club|site|online|top|xyz|me|io|co|us|bet|win|app|shop|store|live|pro|asia|cn|jp|id|ru|tk|ml)\b/gi;
const SEP_RE = /[|｜·•/、]/g;
const LONG_DIGITS_RE = /\d{5,}/g;
const EMOJI_RE = /\p{Extended_Pictographic}/gu;
const NUMBERED_RE = /^\s*\d{1,2}\s*[.)、）]/;

function bucket(n: number): number {
  return n <= 0 ? 0 : n === 1 ? 1 : n <= 3 ? 2 : n <= 7 ? 3 : 4;
}

/**
 * Shape features that carry over to spam wording never seen in training: brand-like CamelCase names, domains and
 * their TLDs, separator-stacked keyword lists, long digit runs (phone, QQ), emoji, numbering, length.
 */
export function addShapeFeatures(text: string, sink: Sink): void {
  const shape = (k: number, v: number) => sink.add(mix(mix(mix(FNV_OFFSET, NS.shape), k), v));
  const head = text.length > MAX_FEATURE_CHARS ? text.slice(0, MAX_FEATURE_CHARS) : text;
  shape(10, bucket(head.match(CAMEL_RE)?.length ?? 0));
  for (const m of head.matchAll(DOMAIN_RE)) {
    shape(11, 1);
    let h = mix(FNV_OFFSET, 12);
    for (const c of m[1].toLowerCase()) h = mix(h, c.charCodeAt(0));
    sink.add(h);
  }
  const words = Math.max(1, head.split(/\s+/).length);
  const seps = head.match(SEP_RE)?.length ?? 0;
  shape(13, bucket(seps));
  shape(14, Math.min(4, Math.floor((seps / words) * 8)));
  shape(15, bucket(head.match(LONG_DIGITS_RE)?.length ?? 0));
  shape(16, bucket(head.match(EMOJI_RE)?.length ?? 0));
  if (NUMBERED_RE.test(head)) shape(17, 1);
  shape(18, Math.min(12, Math.floor(Math.log2(head.length + 1))));
}

function unitInto(text: string, sink: Sink): void {
  addTextFeatures(fold(text).text, sink);
  addShapeFeatures(text, sink);
  sink.add(0x5eed); // bias-like constant feature
}

/** Features of a whole text unit (sentence or block) for the unit classifier. */
export function unitFeatures(text: string, mask: number): number[] {
  const sink = new FeatureSink(mask);
  unitInto(text, sink);
  return sink.ids;
}

/** The unit head's raw sum of weights and feature count for a text, without materialising the features. */
export function unitScore(text: string, w: Float32Array, mask: number): { sum: number; n: number } {
  const sink = new ScoreSink(w, mask);
  unitInto(text, sink);
  return sink;
}
