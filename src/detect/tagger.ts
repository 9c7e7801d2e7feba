// Character-exact spans inside a sentence: each word is scored by the model's token head (its own character
// n-grams and its neighbours'), and the spliced phrase is the run of spam-tagged words around the rule matches.
import { firstAtLeast, fold, isDisguised, segment, undisguiseMapped, STOP_WORDS } from '../text/index.js';
import { isSpace } from '../util/chars.js';
import type { Token } from '../text/types.js';
import { addTextFeatures, FeatureSink, NS } from './features.js';
import { predict, type LrHead } from './model.js';
import type { Span } from '../text/types.js';

/** A word is part of a spliced phrase when the token head gives it at least this. */
export const TOKEN_P = 0.5;
/** A run of tagged words with no rule match inside is kept only when its strongest word reaches this. */
export const TOKEN_ALONE_P = 0.9;
/**
 * Function words of the Latin-script languages (and, the, dan, und ...): a tagged run does not begin or end with one
 * that no rule match covers. The splice is the plug's words; the sentence's "and" after it is the sentence's
 * ("kecanduan judi slot dan ..." loses "judi slot", not its "dan").
 */
const EDGE_FUNCTION_WORDS: ReadonlySet<string> = new Set(Object.values(STOP_WORDS).flat());

export function tokenFeatures(tokens: Token[], i: number, mask: number, foldedTokens?: string[]): number[] {
  const sink = new FeatureSink(mask);
  const f = (k: number) => (foldedTokens ? foldedTokens[k] : fold(tokens[k].text).text);
  addTextFeatures(f(i), sink, NS.self);
  if (i > 0) addTextFeatures(f(i - 1), sink, NS.prev);
  else sink.add(0xb0);
  if (i + 1 < tokens.length) addTextFeatures(f(i + 1), sink, NS.next);
  else sink.add(0xe0);
  sink.add(0x70);
  return sink.ids;
}

/**
 * Spans (offsets into `text`) of spliced phrases. `anchors` are rule matches (offsets into text); with no head,
 * the anchors themselves, widened to whole words, are the spans.
 */
export function tagSpans(text: string, anchors: Span[], head: LrHead | null): Span[] {
  const tokens = segment(text);
  if (tokens.length === 0) return [];
  const folded = tokens.map((t) => fold(t.text).text);
  const spam: boolean[] = tokens.map(() => false);
  const strong: boolean[] = tokens.map(() => false);
  const anchored: boolean[] = tokens.map((t) => anchors.some((a) => a.start < t.end && a.end > t.start));
  if (head) {
    for (let i = 0; i < tokens.length; i++) {
      const p = predict(head, tokenFeatures(tokens, i, head.mask, folded));
      spam[i] = p >= TOKEN_P || anchored[i];
      strong[i] = p >= TOKEN_ALONE_P;
    }
  } else {
    for (let i = 0; i < tokens.length; i++) spam[i] = anchored[i];
  }
  const out: Span[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!spam[i]) {
      i++;
      continue;
    }
    let j = i;
    let keep = anchored[i] || strong[i];
    while (j + 1 < tokens.length && spam[j + 1]) {
      j++;
      keep ||= anchored[j] || strong[j];
    }
    if (keep) {
      let a0 = i;
      let a1 = j;
      while (a0 < a1 && !anchored[a0] && EDGE_FUNCTION_WORDS.has(folded[a0])) a0++;
      while (a1 > a0 && !anchored[a1] && EDGE_FUNCTION_WORDS.has(folded[a1])) a1--;
      // rule matches may start or end inside a word: never cut less than the match itself
      let s = tokens[a0].start;
      let e = tokens[a1].end;
      for (const a of anchors) {
        if (a.start < e && a.end > s) {
          s = Math.min(s, a.start);
          e = Math.max(e, a.end);
        }
      }
      out.push({ start: s, end: e });
    }
    i = j + 1;
  }
  // anchors that fell between tokens (punctuation-only matches, e.g. a phone number regex) stay as they are
  for (const a of anchors) if (!out.some((o) => o.start <= a.start && o.end >= a.end)) out.push({ ...a });
  return mergeSpans(out);
}

/**
 * tagSpans on the text as a reader sees its words: a spaced-out, glossed or emoji-sprayed run (浦 京 集 团) is tagged
 * without its disguise, so the token head reads the words rather than characters cut apart, then the spans are mapped
 * back to `text`. A span's end stops before the spaces of a spaced-out run that follow its last character.
 */
export function tagSpansAsRead(text: string, anchors: Span[], head: LrHead | null): Span[] {
  if (!isDisguised(text)) return tagSpans(text, anchors, head);
  const plain = undisguiseMapped(text, null);
  const toPlain = (o: number) => firstAtLeast(plain.map, o);
  const spans = tagSpans(plain.text, anchors.map((a) => ({ start: toPlain(a.start), end: toPlain(a.end) })), head);
  return mergeSpans(
    spans.map((sp) => {
      const start = plain.map[sp.start];
      let end = plain.map[sp.end];
      while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
      return { start, end };
    }),
  );
}

export function mergeSpans(spans: Span[]): Span[] {
  const s = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const x of s) {
    const last = out[out.length - 1];
    if (last && x.start <= last.end) last.end = Math.max(last.end, x.end);
    else out.push({ ...x });
  }
  return out;
}
