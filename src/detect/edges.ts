// Edges of a spliced plug beyond the words its evidence covers. A spam network signs its keyword with the shop's name
// ("swiss replica watches - TitanOutlet", "pinjol tanpa bi checking - OlympusTunai29"): the rules and the token head
// read the keyword, never the made-up name, so a cut by their words leaves the name in the sentence. A name shaped as
// no word of running text is (inner capitals, letters run into digits) that sits right against the span, alone or
// behind a dash or bar, is the plug's signature and goes with it.
import type { Span } from '../text/types.js';

/**
 * A brand-shaped token: a word with an inner capital (TitanOutlet, MahjongFarma, SilverApexOutlet), or letters run into
 * digits (Tunai29, lucky88, bet365). A plain capitalised word (a name, a German noun) is not one.
 */
const BRAND_TOKEN = String.raw`(?:[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+|[A-Za-z]{2,}[0-9]{2,})`;
/** What may join the plug to its signature: spaces, a dash or a bar between optional spaces. */
const JOIN = String.raw`(?:\s*[-–—|·:]\s*|\s+)`;
/** The signature after the span: the join, the token, then the end of the sentence or a character that is no letter. */
const TAIL_RE = new RegExp(String.raw`^${JOIN}${BRAND_TOKEN}(?![\p{L}\p{N}])`, 'u');
/** The signature before the span: the token and the join (the token starts a word: checked by the caller). */
const HEAD_RE = new RegExp(String.raw`${BRAND_TOKEN}${JOIN}$`, 'u');
const WORD_CHAR_RE = /[\p{L}\p{N}]/u;
/** How far back the head's look goes (a token and its join are short). */
const HEAD_LOOK_CHARS = 40;

/** Each span of `text` widened over a brand-shaped signature right before or after it. */
export function withBrandEdges(text: string, spans: Span[]): Span[] {
  if (spans.length === 0) return spans;
  return spans.map((sp) => {
    let { start, end } = sp;
    const tail = TAIL_RE.exec(text.slice(end, end + HEAD_LOOK_CHARS));
    if (tail) end += tail[0].length;
    const from = Math.max(0, start - HEAD_LOOK_CHARS);
    const head = HEAD_RE.exec(text.slice(from, start));
    if (head && (from + head.index === 0 || !WORD_CHAR_RE.test(text[from + head.index - 1]))) start = from + head.index;
    return start === sp.start && end === sp.end ? sp : { start, end };
  });
}
