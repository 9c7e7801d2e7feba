// Pure metric code for the evaluation harness: P/R/F1 from counts, token F1 (Scrapinghub), char F1 (Chinese gold),
// character masks over AnalyzeResult.text for span-level scoring.
//
// Conventions (documented once, used everywhere):
// - Zero denominators: precision with no predictions is 1 (nothing wrong was predicted), recall with no gold is 1
//   (nothing was missed); F1 is 0 when precision + recall is 0. So "no gold, no predictions" scores 1/1/1 and
//   "gold but no predictions" scores P=1, R=0, F1=0.
// - Character masks count NON-WHITESPACE characters only: Page.text joins blocks with "\n" while a gold span's text
//   joins the same pieces with " " (or nothing), so whitespace is neither gold nor predicted.
// - Locating a gold text is whitespace-insensitive: both sides are compared with all whitespace removed.

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export const ZERO_COUNTS: Readonly<Counts> = Object.freeze({ tp: 0, fp: 0, fn: 0 });

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

/** Precision, recall and F1 from raw counts (zero-denominator conventions above). */
export function prf(c: Counts): PRF {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Multiset overlap of two token lists -> counts. */
export function multisetCounts(pred: Iterable<string>, gold: Iterable<string>): Counts {
  const goldBag = new Map<string, number>();
  let goldN = 0;
  for (const t of gold) {
    goldBag.set(t, (goldBag.get(t) ?? 0) + 1);
    goldN++;
  }
  let tp = 0;
  let predN = 0;
  for (const t of pred) {
    predN++;
    const n = goldBag.get(t);
    if (n) {
      tp++;
      goldBag.set(t, n - 1);
    }
  }
  return { tp, fp: predN - tp, fn: goldN - tp };
}

/** Scrapinghub benchmark metric for one page: whitespace tokens, multiset overlap. */
export function tokenF1(pred: string, gold: string): PRF {
  return prf(multisetCounts(whitespaceTokens(pred), whitespaceTokens(gold)));
}

export function whitespaceTokens(s: string): string[] {
  return s.split(/\s+/u).filter((t) => t.length > 0);
}

/** Chinese gold metric for one page: multiset of non-whitespace characters (code points). */
export function charF1(pred: string, gold: string): PRF {
  return prf(multisetCounts(nonWhitespaceChars(pred), nonWhitespaceChars(gold)));
}

export function* nonWhitespaceChars(s: string): Generator<string> {
  for (const ch of s) if (!/\s/u.test(ch)) yield ch;
}

/** Mean of per-page P/R/F1 (the benchmark averages per page, so long pages do not weigh more). */
export function meanPRF(list: PRF[]): PRF {
  if (list.length === 0) return { precision: 0, recall: 0, f1: 0 };
  let p = 0;
  let r = 0;
  let f = 0;
  for (const x of list) {
    p += x.precision;
    r += x.recall;
    f += x.f1;
  }
  return { precision: p / list.length, recall: r / list.length, f1: f / list.length };
}

/**
 * A text prepared for whitespace-insensitive search: `stripped` is the text without whitespace, `pos[k]` the offset
 * in the original text of stripped[k] (UTF-16 units).
 */
export interface SearchText {
  text: string;
  stripped: string;
  pos: Int32Array;
}

const WS = /\s/u;

export function searchText(text: string): SearchText {
  const pos = new Int32Array(text.length);
  let out = '';
  let k = 0;
  let chunkStart = -1;
  for (let i = 0; i < text.length; i++) {
    if (WS.test(text[i])) {
      if (chunkStart >= 0) {
        out += text.slice(chunkStart, i);
        chunkStart = -1;
      }
      continue;
    }
    if (chunkStart < 0) chunkStart = i;
    pos[k++] = i;
  }
  if (chunkStart >= 0) out += text.slice(chunkStart);
  return { text, stripped: out, pos: pos.subarray(0, k) };
}

export function stripWhitespace(s: string): string {
  return s.replace(/\s+/gu, '');
}

/** Every occurrence (overlapping allowed) of needle in st, as [start,end) ranges in st.text; whitespace-insensitive. */
export function locateAll(st: SearchText, needle: string): Array<[number, number]> {
  const n = stripWhitespace(needle);
  const out: Array<[number, number]> = [];
  if (n.length === 0) return out;
  let from = 0;
  for (;;) {
    const k = st.stripped.indexOf(n, from);
    if (k < 0) break;
    out.push([st.pos[k], st.pos[k + n.length - 1] + 1]);
    from = k + 1;
  }
  return out;
}

/** Whether needle occurs in the haystack, ignoring whitespace on both sides. */
export function containsLoose(haystackStripped: string, needle: string): boolean {
  const n = stripWhitespace(needle);
  return n.length > 0 && haystackStripped.includes(n);
}

/**
 * A page's snippets against its clean text (`cleanStripped`: whitespace stripped): how many must-keep and must-drop
 * snippets count (an empty one is none), the must-keep ones it lost, the must-drop ones it kept.
 */
export function snippetLoss(cleanStripped: string, keep: string[], drop: string[]): { keep: number; lost: string[]; drop: number; kept: string[] } {
  const real = (xs: string[]) => xs.filter((x) => stripWhitespace(x).length > 0);
  const k = real(keep);
  const d = real(drop);
  return { keep: k.length, lost: k.filter((w) => !containsLoose(cleanStripped, w)), drop: d.length, kept: d.filter((w) => containsLoose(cleanStripped, w)) };
}

/** A mask over text: 1 where a range covers the character. Ranges are clipped to the text. */
export function rangesMask(length: number, ranges: Iterable<readonly [number, number]>): Uint8Array {
  const mask = new Uint8Array(length);
  for (const [s, e] of ranges) {
    const a = Math.max(0, s);
    const b = Math.min(length, e);
    if (b > a) mask.fill(1, a, b);
  }
  return mask;
}

/** Mask of every occurrence of each needle; needles that cannot be located are counted in `unlocated`. */
export function locatedMask(st: SearchText, needles: string[]): { mask: Uint8Array; unlocated: number[] } {
  const mask = new Uint8Array(st.text.length);
  const unlocated: number[] = [];
  needles.forEach((needle, i) => {
    const hits = locateAll(st, needle);
    if (hits.length === 0) unlocated.push(i);
    for (const [s, e] of hits) mask.fill(1, s, e);
  });
  return { mask, unlocated };
}

/** Number of non-whitespace characters of text under the mask (mask may be undefined = all). */
export function maskedChars(text: string, mask?: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (mask && !mask[i]) continue;
    if (!isWs(text.charCodeAt(i))) n++;
  }
  return n;
}

function isWs(c: number): boolean {
  // fast path for ASCII; falls back to the Unicode test for the rest
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 128) return false;
  return WS.test(String.fromCharCode(c));
}

/** Character counts of a predicted mask against a gold mask over the same text (non-whitespace only). */
export function maskCounts(text: string, pred: Uint8Array, gold: Uint8Array): Counts {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < text.length; i++) {
    const p = pred[i];
    const g = gold[i];
    if (!p && !g) continue;
    if (isWs(text.charCodeAt(i))) continue;
    if (p && g) tp++;
    else if (p) fp++;
    else fn++;
  }
  return { tp, fp, fn };
}

/** Page-level (verdict) counts from pairs of (gold, predicted) booleans. */
export function verdictCounts(pairs: Iterable<{ gold: boolean; predicted: boolean }>): Counts & { tn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { gold, predicted } of pairs) {
    if (gold && predicted) tp++;
    else if (predicted) fp++;
    else if (gold) fn++;
    else tn++;
  }
  return { tp, fp, fn, tn };
}

/** Median and p95 of a list of numbers (nearest-rank). */
export function quantiles(xs: number[]): { median: number; p95: number; mean: number } {
  if (xs.length === 0) return { median: 0, p95: 0, mean: 0 };
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { median: at(0.5), p95: at(0.95), mean: s.reduce((a, b) => a + b, 0) / s.length };
}
