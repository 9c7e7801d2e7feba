// Sorted-span look-ups for the detector's per-candidate questions (which rule matches fall inside a unit, does a
// unit hold a copy of the title's keyword phrase, does it overlap one): binary search instead of a scan of every
// span, so a page with thousands of candidates stays near-linear.
import type { Span } from '../text/types.js';

/** First index i with spans[i].start >= pos (spans sorted by start). */
export function lowerBound(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The spans of a start-sorted list that lie inside [start, end). */
export function within<T extends Span>(spans: readonly T[], start: number, end: number): T[] {
  const out: T[] = [];
  for (let i = lowerBound(spans, start); i < spans.length && spans[i].start < end; i++) {
    if (spans[i].end <= end) out.push(spans[i]);
  }
  return out;
}

/** The text without the given spans (offsets into it, any order and overlap): what is left of a unit once they are cut. */
export function withoutRanges(text: string, spans: readonly Span[]): string {
  let rest = '';
  let at = 0;
  for (const sp of [...spans].sort((x, y) => x.start - y.start)) {
    if (sp.start > at) rest += text.slice(at, sp.start);
    at = Math.max(at, sp.end);
  }
  return rest + text.slice(at);
}

/**
 * A set of spans (any overlap allowed) that answers "does [s,e) overlap one?" and "does [s,e) hold one?" in
 * O(log n), and "which overlap [s,e)?" in O(log n + those): the spans sorted by start with a running maximum of
 * their ends.
 */
export class SpanSet<T extends Span = Span> {
  private readonly spans: T[];
  private readonly maxEnd: number[];
  constructor(spans: Iterable<T>) {
    this.spans = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
    this.maxEnd = [];
    let m = -Infinity;
    for (const s of this.spans) this.maxEnd.push((m = Math.max(m, s.end)));
  }

  get size(): number {
    return this.spans.length;
  }

  /** Some span overlaps [start, end). */
  overlaps(start: number, end: number): boolean {
    const k = lowerBound(this.spans, end) - 1; // spans[0..k] start before end
    return k >= 0 && this.maxEnd[k] > start;
  }

  /** The spans that overlap [start, end), in start order. */
  overlapping(start: number, end: number): T[] {
    const k = lowerBound(this.spans, end); // spans[0..k) start before end
    // the first span whose running maximum end passes start: none before it can overlap
    let lo = 0;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.maxEnd[mid] > start) hi = mid;
      else lo = mid + 1;
    }
    const out: T[] = [];
    for (let i = lo; i < k; i++) if (this.spans[i].end > start) out.push(this.spans[i]);
    return out;
  }

  /** Some span lies inside [start, end). */
  holds(start: number, end: number): boolean {
    for (let i = lowerBound(this.spans, start); i < this.spans.length && this.spans[i].start < end; i++) {
      if (this.spans[i].end <= end) return true;
    }
    return false;
  }
}
