// Spliced anchors: a spam link dropped into a sentence ("...seven courses<a>buy viagra online</a>, each ...") is
// exactly the <a> element. Cut by words alone, the span takes a word glued to the anchor ("strong.Replica Watches")
// or leaves one of its words behind ("coursesbuy"); snapped to the link's text, it is the element the sentence
// never needed.
import type { Link } from '../page/types.js';
import type { Span } from '../text/types.js';

/** A link text shorter than this is too short to place by its text alone (a lone "here", "1"). */
export const MIN_ANCHOR_CHARS = 4;
/** A link that is this share of its sentence or more is the sentence itself (a link line), not an anchor in it. */
export const MAX_ANCHOR_SHARE = 0.8;

/**
 * Snap each span (offsets into `sentence`) that overlaps the text of one of the block's links, with a rule match
 * of the span inside that text, to exactly that text. `anchors` are the spans' rule matches (sentence offsets).
 */
export function snapToLinks(sentence: string, spans: Span[], anchors: Span[], links: readonly Link[]): Span[] {
  if (links.length === 0 || spans.length === 0) return spans;
  const places: Span[] = [];
  for (const l of links) {
    const t = l.text.trim();
    if (t.length < MIN_ANCHOR_CHARS || t.length >= sentence.length * MAX_ANCHOR_SHARE) continue;
    for (let i = sentence.indexOf(t); i >= 0; i = sentence.indexOf(t, i + t.length)) places.push({ start: i, end: i + t.length });
  }
  if (places.length === 0) return spans;
  const out = spans.map((sp) => {
    const a = places.find((p) => p.start < sp.end && p.end > sp.start && anchors.some((m) => m.start >= p.start && m.end <= p.end && m.start < sp.end && m.end > sp.start));
    return a ? { start: a.start, end: a.end } : sp;
  });
  // two spans snapped to one link are one span
  out.sort((x, y) => x.start - y.start || y.end - x.end);
  const merged: Span[] = [];
  for (const sp of out) {
    const last = merged[merged.length - 1];
    if (last && sp.start < last.end) last.end = Math.max(last.end, sp.end);
    else merged.push({ ...sp });
  }
  return merged;
}
