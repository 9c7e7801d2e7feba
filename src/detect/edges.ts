// Edges of a spliced plug beyond the words its evidence covers. A spam network signs its keyword with the shop's name
// ("swiss replica watches - TitanOutlet", "pinjol tanpa bi checking - OlympusTunai29"): the rules and the token head
// read the keyword, never the made-up name, so a cut by their words leaves the name in the sentence. A name shaped as
// no word of running text is (inner capitals, letters run into digits) that sits right against the span, alone or
// behind a dash or bar, is the plug's signature and goes with it.
import { dictionaryWords } from '../text/index.js';
import type { Span, Token } from '../text/types.js';
import { HAN_CLASS } from '../util/chars.js';

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

/** After a number, these continue it as a date, a time, an amount or a count ("永利娱乐城9" of "…9月"). */
const NUMBER_UNIT_RE = /^[\d.,年月日号時时点分秒%％万亿元个位名家]/u;

/**
 * Each span's edges beyond its rule matches pulled in over the article's own words: the token head reads a spliced
 * brand and runs on into the sentence around it ("太阳城集团门诊", "同时，威尼斯人官网", "永利娱乐城公布"). An edge goes
 * only when everything between it and the nearest rule match is the sentence's: Chinese or Japanese words of two
 * characters or more that the article uses elsewhere (`usedElsewhere`), punctuation, a number that goes on as a date
 * or an amount. A word the article never uses keeps the whole edge with the plug (鼎盛金融 of "配资平台-鼎盛金融",
 * though the article says 金融), and so does a single character (金 of 金沙威尼斯…) or a Latin word (buy of "buy
 * c.h.e.a.p v.i.a.g.r.a": a space already parts Latin words, so the token head's edges there are the words'), unless
 * those few characters and the article's text on the plug's other side make one word of the dictionary: the plug was
 * spliced into that word (发<plug>展), and its halves stay. Spans without a rule match inside are left as they
 * are. `words` segments a piece of text (offsets into the piece).
 */
export function withoutArticleWords(text: string, spans: Span[], anchors: Span[], words: (s: string) => Token[], usedElsewhere: (word: string) => boolean): Span[] {
  return spans.map((sp) => {
    const inside = anchors.filter((a) => a.start >= sp.start && a.end <= sp.end);
    if (inside.length === 0) return sp;
    const first = Math.min(...inside.map((a) => a.start));
    const last = Math.max(...inside.map((a) => a.end));
    const articleWord = (t: Token, next: string): boolean =>
      /^\p{N}+$/u.test(t.text) ? NUMBER_UNIT_RE.test(next) : t.cjk && t.text.length >= 2 && usedElsewhere(t.text);
    // every word of the edge is the sentence's: the edge goes whole
    const sentenceOwn = (from: number, to: number): boolean =>
      words(text.slice(from, to)).every((t) => articleWord(t, text.charAt(from + t.end)));
    let end = sp.end > last && sentenceOwn(last, sp.end) ? last : sp.end;
    let start = sp.start < first && sentenceOwn(sp.start, first) ? first : sp.start;
    // a few Han characters at an edge that make a word of the dictionary with the article's text across the plug are
    // part of the article's word the plug was spliced into (发<plug>展, 一<plug>直未): they stay with the article
    const left = start < first ? text.slice(start, first) : '';
    const right = end > last ? text.slice(last, end) : '';
    // each edge (or, where the plug has none on that side, the article's Han text beside it) read as one string
    const ok = (s: string) => s.length <= HALF_LOOK_CHARS && (s === '' || HAN_RUN_RE.test(s));
    if ((left || right) && ok(left) && ok(right)) {
      const a = left || (HAN_TAIL_RE.exec(text.slice(Math.max(0, start - HALF_LOOK_CHARS), start))?.[0] ?? '');
      const b = right || (HAN_HEAD_RE.exec(text.slice(end, end + HALF_LOOK_CHARS))?.[0] ?? '');
      if (joinsAt(a + b, a.length)) {
        if (left) start = first;
        if (right) end = last;
      }
    }
    return start === sp.start && end === sp.end ? sp : { start, end };
  });
}

const HAN_RUN_RE = new RegExp(`^[${HAN_CLASS}]+$`, 'u');
const HAN_HEAD_RE = new RegExp(`^[${HAN_CLASS}]+`, 'u');
const HAN_TAIL_RE = new RegExp(`[${HAN_CLASS}]+$`, 'u');
/** At most this many Han characters at an edge are read as half of a word, with as many of the article's across the plug. */
const HALF_LOOK_CHARS = 3;

/**
 * Does a word of the dictionary run across the boundary before han[at]? (Not a word the segmenter's HMM makes up: it
 * glues unknown characters, 金 of 金沙威尼斯 with the 副 of the 副校監 after the plug.)
 */
function joinsAt(han: string, at: number): boolean {
  if (at === 0 || at === han.length) return false;
  return dictionaryWords(han).some((t) => t.start < at && t.end > at);
}

/**
 * Each span that runs from a title-case run (titleCaseRuns) over one stop word beside it ends at the run: a spammer's
 * keyword goes into the sentence in title case ("… released online and Crypto Casino & Casino Welcome Offer are
 * making the rounds", "… according to the Best Forex Trading Signals"), and the token head runs on into the sentence's
 * "and" or "the". The run's other capitalised words beside the span are left as they are: a plug is as often spliced
 * into a name (John <plug> McCain, Escola <plug> de Belas Artes) as set before its own title-case words.
 */
export function withoutStopWordEdges(text: string, spans: Span[], runs: Span[], stopWords: ReadonlySet<string>): Span[] {
  if (runs.length === 0 || spans.length === 0) return spans;
  const oneStopWord = (from: number, to: number): boolean => {
    const w = text.slice(from, to).trim();
    return /^\p{L}+$/u.test(w) && stopWords.has(w.toLowerCase());
  };
  return spans.map((sp) => {
    const touched = runs.filter((r) => r.start < sp.end && r.end > sp.start);
    if (touched.length === 0) return sp;
    const first = touched[0];
    const last = touched[touched.length - 1];
    const start = sp.start < first.start && oneStopWord(sp.start, first.start) ? first.start : sp.start;
    const end = sp.end > last.end && oneStopWord(last.end, sp.end) ? last.end : sp.end;
    return start === sp.start && end === sp.end ? sp : { start, end };
  });
}
