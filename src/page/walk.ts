// One pass over the parser's events (no DOM is built): element table (parent, preorder span, visibility, name hints),
// raw text blocks, links, and head metadata. No recursion, so 100k nested elements cannot overflow the stack.
import { NO_BUDGET, type Budget } from '../budget.js';
import { Parser, Tokenizer, type Handler, type QuoteType } from 'htmlparser2';
import type { HiddenReason, Link } from './types.js';
import { StyleRules, parseDecls, hiddenByDecls, declaredBackground, normColor, showsText, tinyBoxAttrs, type ReadonlyDecls } from './visibility.js';
import { isUiRole, nameFlags, roleNames, UI_TAGS, NAME_JUNK, NAME_LIKELY, NAME_NEGATIVE, NAME_POSITIVE, NAME_UI, NAME_UNLIKELY } from './hints.js';
import { urlDomain } from './domain.js';
import { isAsciiRange, isSpace } from '../util/chars.js';
import { FOLD_ASCII_LOWER, SliceMap } from '../util/slice-map.js';

/** Elements that start a new text block. */
export const BLOCK_TAGS = new Set([
  'html', 'body', 'head', 'p', 'div', 'li', 'ul', 'ol', 'dl', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'tr',
  'table', 'tbody', 'thead', 'tfoot', 'caption', 'blockquote', 'pre', 'section', 'article', 'header', 'footer', 'nav', 'aside',
  'main', 'form', 'fieldset', 'legend', 'figure', 'figcaption', 'center', 'address', 'hr', 'details', 'summary', 'dialog',
  'menu', 'hgroup', 'noframes', 'frameset', 'option', 'optgroup', 'textarea', 'title', 'output', 'picture', 'video', 'audio',
]);
/**
 * Elements whose content is never page text. A ruby annotation (<rt>, and the <rp> brackets around it) is the reading
 * a browser sets above its base text (子<rt>こ</rt>ども), not words of the sentence: read inline it would double every
 * annotated word (子こども, 虐待ぎゃくたい).
 */
export const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'select', 'textarea', 'math', 'canvas', 'map', 'rt', 'rp', 'head>title']);
/** Elements that hold article furniture rather than article text. */
export const JUNK_TAGS = new Set(['figure', 'figcaption', 'aside', 'nav', 'footer', 'form', 'button', 'menu', 'dialog']);
export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** What the walk asks of an element's tag name (TAG_* bits): one look-up per element, not one per Set. */
const TAG_BLOCK = 1;
const TAG_SKIP = 2;
const TAG_JUNK = 4;
const TAG_UI = 8;
const TAG_KIND = (() => {
  const kind = new Map<string, number>();
  const add = (tags: Iterable<string>, bit: number) => {
    for (const t of tags) kind.set(t, (kind.get(t) ?? 0) | bit);
  };
  add(BLOCK_TAGS, TAG_BLOCK);
  add(SKIP_TAGS, TAG_SKIP);
  add(JUNK_TAGS, TAG_JUNK);
  add(UI_TAGS, TAG_UI);
  return kind;
})();
/** Path segments kept before a block's path is shortened to "...>" + the last ones. */
export const MAX_PATH_SEGMENTS = 40;

export interface ElInfo {
  /** the id attribute */
  id: string | undefined;
  tag: string;
  parent: number;
  /** position among the parent's element children, 1-based */
  nth: number;
  /** element children entered so far */
  kids: number;
  pre: number;
  /** last preorder index inside this element's subtree */
  end: number;
  depth: number;
  hidden: HiddenReason | null;
  /** element where the hiding starts (outermost hidden ancestor-or-self), -1 when visible */
  hiddenRoot: number;
  /** hidden, and by font-size alone from its hiddenRoot down (a descendant that sets its own font-size shows again) */
  fontOnly: boolean;
  /** this element or an ancestor below <body> has legit-UI names */
  uiAnc: boolean;
  /** this element's own names/tag/role mark legit UI */
  uiOwn: boolean;
  bg?: string;
  /** Readability-style class weight of this element alone */
  classWeight: number;
  unlikely: boolean;
  /** nearest ancestor-or-self with an "unlikely" name, -1 when none */
  unlikelyAnc: number;
  /** nearest ancestor-or-self that is article furniture (caption, byline, share bar, figure ...), -1 when none */
  junkAnc: number;
  names: string;
  /** the subtree's text nodes: WalkResult.texts[textFrom, textTo) */
  textFrom: number;
  textTo: number;
  /** element opens (all elements, skipped ones too) up to this one, and up to its last descendant */
  openAt: number;
  openTo: number;
}

export interface RawLink extends Link {
  domain?: string;
  relative: boolean;
}

export interface RawBlock {
  el: number;
  tag: string;
  text: string;
  hidden: HiddenReason | null;
  hiddenRoot: number;
  heading: boolean;
  links: RawLink[];
  linkChars: number;
}

export interface WalkResult {
  els: ElInfo[];
  blocks: RawBlock[];
  /** every text node in document order, but those of <script> and <style> (subtreeText reads them) */
  texts: string[];
  /** every <img> by its open position, with its alt (else title) text */
  imgs: { at: number; alt: string }[];
  /** open positions of the links to the site's home page inside an <h1> */
  homeLinks: number[];
  htmlTitle: string;
  ogTitle: string;
  ogSiteName: string;
  ogUrl: string;
  canonical: string;
  baseHref: string;
  lang: string;
  /** the <h1> elements in document order (their text is read on demand: subtreeText with a bound) */
  h1s: { el: number }[];
  /** text of the page's inline <script> elements (to tell JS-toggled panels from injected hidden blocks) */
  scripts: string[];
}

interface Ctx {
  el: number;
  tag: string;
  buf: string;
  links: RawLink[] | null;
  linkChars: number;
}

interface Anchor {
  href: string;
  buf: string;
  ctx: Ctx;
}

interface NameHints {
  /** lower-cased "id class" string */
  names: string;
  junk: boolean;
  ui: boolean;
  unlikely: boolean;
  weight: number;
}
const NO_HINTS: NameHints = { names: '', junk: false, ui: false, unlikely: false, weight: 0 };

function computeHints(raw: string): NameHints {
  const names = roleNames(raw.toLowerCase().trim());
  if (!names) return NO_HINTS;
  const f = nameFlags(names);
  let weight = 0;
  if (f & NAME_NEGATIVE) weight -= 25;
  if (f & NAME_POSITIVE) weight += 25;
  return { names, junk: (f & NAME_JUNK) !== 0, ui: (f & NAME_UI) !== 0, unlikely: (f & NAME_UNLIKELY) !== 0 && (f & NAME_LIKELY) === 0, weight };
}

/**
 * Hints for the id and class attributes (the names are the lower-cased, trimmed "id class" string), worked out once
 * per distinct string of the page. Three maps, so the common lookups need no concatenated key: class only, id only,
 * both ("id class"). No cache is shared across pages: sites name their elements their own way, so a page brings
 * ~100 names a shared cache of thousands had not seen (10.7k distinct names on 100 bench pages), and a look-up in a
 * large map, which misses the CPU caches, cost more than nameFlags on the few names it saved.
 */
class PageHints {
  private byClass = new Map<string, NameHints>();
  private byId = new Map<string, NameHints>();
  private byBoth = new Map<string, NameHints>();

  get(id: string | undefined, cls: string | undefined): NameHints {
    let cache: Map<string, NameHints>;
    let key: string;
    if (id === undefined) {
      if (!cls) return NO_HINTS;
      cache = this.byClass;
      key = cls;
    } else if (cls === undefined) {
      cache = this.byId;
      key = id;
    } else {
      cache = this.byBoth;
      key = id + ' ' + cls;
    }
    let h = cache.get(key);
    if (!h) cache.set(key, (h = computeHints(key)));
    return h;
  }
}

/** Lower-case tag name; the parser already lower-cases HTML tag names, so this is almost always a no-op. */
function lowerTag(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return s.toLowerCase();
  }
  return s;
}

/** Only ASCII whitespace (the common indentation text nodes). */
function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 12) return false;
  }
  return true;
}


/**
 * Whitespace runs collapsed to one space, trimmed: s.replace(/\s+/g, ' ').trim(), by a char-code scan that keeps
 * the runs of text between whitespace needing a change (anything but one interior space) as slices.
 */
export function collapse(s: string): string {
  const n = s.length;
  let out = '';
  let seg = 0;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (!isSpace(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isSpace(s.charCodeAt(j))) j++;
    if (c === 32 && j === i + 1 && i > 0 && j < n) {
      i = j;
      continue;
    }
    if (seg < i) out = out === '' ? s.slice(seg, i) : out + ' ' + s.slice(seg, i);
    seg = j;
    i = j;
  }
  if (seg < n) out = out === '' ? (seg === 0 ? s : s.slice(seg)) : out + ' ' + s.slice(seg);
  return out;
}

/** Class attribute tokens (split at whitespace runs), cached by the raw attribute value within one page. */
function classList(cache: Map<string, string[]>, cls: string): string[] {
  let l = cache.get(cls);
  if (!l) cache.set(cls, (l = cls.trim().split(/\s+/)));
  return l;
}

/** <style media=...> values that apply on a desktop screen. */
const MEDIA_OK = /^\s*(only\s+)?(screen|all)\s*$/i;

/** Stylesheet rules of the page's own <style> elements in the raw HTML (media=print etc. skipped). */
export function collectStyles(html: string): StyleRules {
  const rules = new StyleRules();
  const re = /<style\b([^>]*)>([\s\S]*?)<\/style\s*>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const media = /\bmedia\s*=\s*["']?([^"'>]+)/i.exec(m[1]);
    if (media && !MEDIA_OK.test(media[1])) continue;
    rules.addSheet(m[2]);
  }
  return rules;
}

/**
 * A <title> (or og:title) is read this far at most: a headline is a line, and a title of a megabyte of stuffed keywords
 * would otherwise be matched, segmented and weighed whole by every title check. Well past any real title (the longest
 * of the 1,416 shared pages' is 273 characters); what is read of a stuffed title is still judged as spam.
 */
export const MAX_TITLE_CHARS = 4000;

/** The text nodes [from, to) joined, cut after maxChars characters (only the nodes needed are joined). */
function rawText(texts: readonly string[], from: number, to: number, maxChars: number): string {
  if (maxChars === Infinity) return texts.slice(from, to).join('');
  let n = 0;
  let k = from;
  while (k < to && n < maxChars) n += texts[k++].length;
  const raw = texts.slice(from, k).join('');
  return raw.length > maxChars ? raw.slice(0, maxChars) : raw;
}

/**
 * The collapsed text of an element's subtree (as subtreeText) when its text nodes hold at most maxChars characters,
 * else null: a short label is asked for without reading a long subtree whole (a header element never closed holds the
 * rest of the page).
 */
export function shortSubtreeText(w: WalkResult, id: number, maxChars: number): string | null {
  const e = w.els[id];
  // read one character past the bound: holding it means the subtree holds more
  const raw = rawText(w.texts, e.textFrom, e.textTo, maxChars + 1);
  return raw.length > maxChars ? null : collapse(raw);
}

/**
 * The collapsed text of an element's subtree, as a reader of the markup sees it: every text node but those of
 * <script> and <style>, skipped elements (noscript, svg ...) included. With `altFromImg`, an element without text
 * gives the first non-empty alt (else title) of an <img> that it is or holds (a logo image). `maxChars`: the text is read
 * no further than this many characters of the markup's text nodes (collapsed after).
 */
export function subtreeText(w: WalkResult, id: number, altFromImg = false, maxChars = Infinity): string {
  const e = w.els[id];
  const t = collapse(rawText(w.texts, e.textFrom, e.textTo, maxChars));
  if (t || !altFromImg) return t;
  for (const img of w.imgs) if (img.at >= e.openAt && img.at <= e.openTo && img.alt) return collapse(img.alt);
  return '';
}

/** An <img>, or a link to the site's home page ("/", "https://host/", "/index.php"), inside the element. */
export function hasImgOrHomeLink(w: WalkResult, id: number): boolean {
  const e = w.els[id];
  const inside = (at: number) => at > e.openAt && at <= e.openTo;
  return w.imgs.some((i) => inside(i.at)) || w.homeLinks.some(inside);
}

/** The declarations of an element that has none (no stylesheet rule, no inline style). */
const NO_DECLS: ReadonlyDecls = new Map();

const HOME_HREF = /^(\/|https?:\/\/[^/]+\/?)(index\.\w+)?$/i;

/**
 * The attributes of the tag being opened that the walk reads, the first of each name (as the parser's own attribute
 * object keeps them); undefined when the tag has none. A field per attribute, named as the attribute.
 */
export class TagAttrs {
  id: string | undefined = undefined;
  class: string | undefined = undefined;
  style: string | undefined = undefined;
  bgcolor: string | undefined = undefined;
  background: string | undefined = undefined;
  color: string | undefined = undefined;
  hidden: string | undefined = undefined;
  role: string | undefined = undefined;
  href: string | undefined = undefined;
  alt: string | undefined = undefined;
  title: string | undefined = undefined;
  property: string | undefined = undefined;
  name: string | undefined = undefined;
  content: string | undefined = undefined;
  rel: string | undefined = undefined;
  src: string | undefined = undefined;
  media: string | undefined = undefined;
  lang: string | undefined = undefined;
  width: string | undefined = undefined;
  height: string | undefined = undefined;

  clear(): void {
    this.id = this.class = this.style = this.bgcolor = this.background = this.color = this.hidden = this.role = undefined;
    this.href = this.alt = this.title = this.property = this.name = this.content = this.rel = this.src = this.media = this.lang = undefined;
    this.width = this.height = undefined;
  }

  /** An attribute of the tag (names lower-cased by the parser): kept when the walk reads it and it is the first. */
  set(name: string, value: string): void {
    switch (name) {
      case 'id': this.id ??= value; break;
      case 'class': this.class ??= value; break;
      case 'style': this.style ??= value; break;
      case 'bgcolor': this.bgcolor ??= value; break;
      case 'background': this.background ??= value; break;
      case 'color': this.color ??= value; break;
      case 'hidden': this.hidden ??= value; break;
      case 'role': this.role ??= value; break;
      case 'href': this.href ??= value; break;
      case 'alt': this.alt ??= value; break;
      case 'title': this.title ??= value; break;
      case 'property': this.property ??= value; break;
      case 'name': this.name ??= value; break;
      case 'content': this.content ??= value; break;
      case 'rel': this.rel ??= value; break;
      case 'src': this.src ??= value; break;
      case 'media': this.media ??= value; break;
      case 'lang': this.lang ??= value; break;
      case 'width': this.width ??= value; break;
      case 'height': this.height ??= value; break;
    }
  }
}

/** The tokenizer's read position (fields its typings keep private). */
interface ScanState {
  buffer: string;
  index: number;
  offset: number;
}

/**
 * Where the next char ch of a buffer is, at or after a position, kept until the tokenizer passes it: text with few
 * entities is not searched again and again for its next '&', and text with many ('& & & …' before a far '<') not for
 * its next '<'. Made with the tokenizer (fields added to the tokenizer itself as it ran slowed every one of its
 * states by ~20%).
 */
class NextIndex {
  private in = '';
  private ch = '';
  private at = 0;
  /** Index of the next ch in b at or after from, else b's length. */
  find(b: string, ch: string, from: number): number {
    if (this.in !== b || this.ch !== ch || this.at < from) {
      const i = b.indexOf(ch, from);
      this.in = b;
      this.ch = ch;
      this.at = i < 0 ? b.length : i;
    }
    return this.at;
  }
}
interface NextIndexes {
  nextAmp: NextIndex;
  nextLt: NextIndex;
  nextQuote: NextIndex;
}

const LT = 0x3c;
const AMP = 0x26;
const DOUBLE_QUOTE = 0x22;
type State = (c: number) => void;
const plain = Tokenizer.prototype as unknown as {
  stateText: State;
  handleInAttributeValue(c: number, quote: number): void;
  stateInTagName: State;
  stateInAttributeName: State;
  stateInClosingTagName: State;
};
const textState = plain.stateText;
const attrValueState = plain.handleInAttributeValue;

/** The chars that end a name in the tokenizer's name states (a bit per state): white space, and / > = as each has them. */
const ENDS_TAG_NAME = 1;
const ENDS_ATTRIBUTE_NAME = 2;
const ENDS_CLOSING_TAG_NAME = 4;
const NAME_END = (() => {
  const t = new Uint8Array(0x80);
  for (const c of [0x20, 0x0a, 0x09, 0x0c, 0x0d, 0x3e]) t[c] = ENDS_TAG_NAME | ENDS_ATTRIBUTE_NAME | ENDS_CLOSING_TAG_NAME; // white space, >
  t[0x2f] = ENDS_TAG_NAME | ENDS_ATTRIBUTE_NAME; // /
  t[0x3d] = ENDS_ATTRIBUTE_NAME; // =
  return t;
})();
const endsName = (c: number, kind: number): boolean => c < 0x80 && (NAME_END[c] & kind) !== 0;

/**
 * The tokenizer's state for a name of this kind, but a char that does not end the name (the state does nothing with
 * it) steps to the one before the next char that does (the parse loop's own step lands on it).
 */
function nameState(kind: number, state: State): State {
  return function (this: ScanState, c: number): void {
    if (endsName(c, kind)) return state.call(this, c);
    const b = this.buffer;
    let i = this.index + 1 - this.offset;
    while (i < b.length && !endsName(b.charCodeAt(i), kind)) i++;
    this.index = i + this.offset - 1;
  };
}

/**
 * htmlparser2's Tokenizer, but three of its loops over the chars ask String.indexOf: fastForwardTo (the skip to the
 * next '<' of a script or style, the '-' of a comment's end, the '>' of a declaration), text and quoted attribute
 * values, where the tokenizer's parse loop stepped through every char to find the next '<' (the closing quote) or
 * '&' (with entities decoded, no other char there changes its state); and tag, closing tag and attribute names step
 * to their end in a loop of their own instead of one turn of the parse loop per char. The same positions, so the same
 * events. Set on the prototype since the typings keep the methods private. These are htmlparser2 10.1.0's internals,
 * so package.json pins that exact version; test/page/fast-paths compares the events with the plain Parser's on real
 * pages.
 */
class ScanTokenizer extends Tokenizer {
  readonly nextAmp = new NextIndex();
  readonly nextLt = new NextIndex();
  readonly nextQuote = new NextIndex();
}
Object.defineProperty(ScanTokenizer.prototype, 'stateText', {
  value: function stateText(this: ScanState & NextIndexes, c: number): void {
    if (c === LT || c === AMP) return textState.call(this, c);
    // a char text leaves alone: step to the one before the next '<' or '&' (the parse loop's own step lands on it)
    const b = this.buffer;
    const from = this.index + 1 - this.offset;
    this.index = Math.min(this.nextLt.find(b, '<', from), this.nextAmp.find(b, '&', from)) + this.offset - 1;
  },
});
// a quoted attribute value likewise: to the char before its closing quote or the next '&'
Object.defineProperty(ScanTokenizer.prototype, 'handleInAttributeValue', {
  value: function handleInAttributeValue(this: ScanState & NextIndexes, c: number, quote: number): void {
    if (c === quote || c === AMP) return attrValueState.call(this, c, quote);
    const b = this.buffer;
    const from = this.index + 1 - this.offset;
    this.index = Math.min(this.nextQuote.find(b, quote === DOUBLE_QUOTE ? '"' : "'", from), this.nextAmp.find(b, '&', from)) + this.offset - 1;
  },
});
// tag and attribute names likewise: to the char before the one that ends the name
Object.defineProperty(ScanTokenizer.prototype, 'stateInTagName', { value: nameState(ENDS_TAG_NAME, plain.stateInTagName) });
Object.defineProperty(ScanTokenizer.prototype, 'stateInAttributeName', { value: nameState(ENDS_ATTRIBUTE_NAME, plain.stateInAttributeName) });
Object.defineProperty(ScanTokenizer.prototype, 'stateInClosingTagName', { value: nameState(ENDS_CLOSING_TAG_NAME, plain.stateInClosingTagName) });
Object.defineProperty(ScanTokenizer.prototype, 'fastForwardTo', {
  value: function fastForwardTo(this: ScanState, c: number): boolean {
    const at = this.buffer.indexOf(String.fromCharCode(c), this.index + 1 - this.offset);
    if (at >= 0) {
      this.index = at + this.offset;
      return true;
    }
    // as the loop leaves it: the parse loop's own step then ends the buffer
    this.index = this.buffer.length + this.offset - 1;
    return false;
  },
});

/** The Parser's attribute state and its input (fields its typings keep private). */
interface AttrState {
  attribname: string;
  attribvalue: string;
  buffers: string[];
  bufferOffset: number;
  tagname: string;
}

/** Attributes the walk reads of one tag only: a <marquee>'s size (it clips what scrolls through it). */
const MARQUEE_ONLY = new Set(['width', 'height']);

/** The attributes TagAttrs keeps, read straight from an ASCII attribute name in the input, as its lower case. */
const READ_ATTRIBUTE_AT = new SliceMap(
  Object.keys(new TagAttrs()).map((n) => [n, n] as const),
  FOLD_ASCII_LOWER,
);
/** The attribute name of an attribute the walk does not read (no attribute has an empty name). */
const UNREAD = '';

/**
 * Tag names of HTML elements, read straight from an ASCII name in the input as the lower case the Parser gives: the
 * tags of real pages, so the name of each open and close tag is neither cut out of the input nor lower-cased (a
 * string per tag event, ~7% of what analyze allocated). Any other name is read by the Parser itself.
 */
const TAG_NAME_AT = new SliceMap(
  [
    ...BLOCK_TAGS, ...SKIP_TAGS, ...JUNK_TAGS,
    'a', 'abbr', 'b', 'base', 'bdi', 'bdo', 'big', 'br', 'button', 'cite', 'code', 'col', 'colgroup', 'data', 'del', 'dfn', 'em', 'font',
    'i', 'img', 'input', 'ins', 'kbd', 'label', 'link', 'mark', 'meta', 'nobr', 'path', 'q', 's', 'samp', 'small', 'source', 'span',
    'strike', 'strong', 'sub', 'sup', 'time', 'track', 'tt', 'u', 'var', 'wbr', 'g', 'use', 'symbol', 'defs', 'circle', 'rect', 'polygon',
  ]
    .filter((n) => /^[a-z][a-z0-9]*$/.test(n)) // not SKIP_TAGS' 'head>title'
    .map((n) => [n, n] as const),
  FOLD_ASCII_LOWER,
);

/** The Parser's own methods the walk calls or replaces (its typings keep them private). */
interface ParserState {
  emitOpenTag(name: string): void;
  getSlice(start: number, end: number): string;
  /** the interned name of the close tag being read (see AttrParser.onclosetag), else undefined */
  closeTagName: string | undefined;
}

/**
 * htmlparser2's Parser, but each attribute goes to one reused TagAttrs instead of the fresh object of all attributes
 * that the parser builds per tag and onopentag is given (that object stays empty): building those objects, a
 * dictionary insert per attribute, was the parser's largest cost after its tokenizer. Everything else is the
 * Parser's own: its events come in the same order, onopentag when the tag's attributes are all read. Its tokenizer
 * is a ScanTokenizer.
 * (Overrides Parser.onattribend, the tokenizer's call at each attribute's end, and onattribname, onattribdata and
 * onattribentity, which leave out the attributes TagAttrs does not keep; test/page/fast-paths pins the attributes
 * read against the plain Parser's.)
 */
export class AttrParser extends Parser {
  constructor(
    cbs: Partial<Handler>,
    readonly attrs: TagAttrs,
  ) {
    super({ ...cbs, onopentagname: () => attrs.clear() }, { decodeEntities: true, Tokenizer: ScanTokenizer });
  }

  /** the known name of the close tag being read, handed to the Parser's getSlice (see onclosetag) */
  private closeTagName: string | undefined = undefined;

  /** The name of the tag s[start, endIndex) as the Parser gives it (lower case), when TAG_NAME_AT has it. */
  private tagNameAt(start: number, endIndex: number): string | undefined {
    const state = this as unknown as AttrState;
    const from = start - state.bufferOffset;
    const to = endIndex - state.bufferOffset;
    const b = state.buffers[0];
    return from >= 0 && to <= b.length ? TAG_NAME_AT.get(b, from, to) : undefined;
  }

  /** The Parser's onopentagname (the name, then emitOpenTag), its name from TAG_NAME_AT when it is a known tag. */
  override onopentagname(start: number, endIndex: number): void {
    const name = this.tagNameAt(start, endIndex);
    if (name === undefined) return super.onopentagname(start, endIndex);
    this.endIndex = endIndex;
    (this as unknown as ParserState).emitOpenTag(name);
  }

  /**
   * The Parser's onclosetag, its name from TAG_NAME_AT when it is a known tag: the Parser's first step is
   * getSlice(start, endIndex), which gives closeTagName when set (its toLowerCase of a lower-case name is that name).
   */
  override onclosetag(start: number, endIndex: number): void {
    this.closeTagName = this.tagNameAt(start, endIndex);
    super.onclosetag(start, endIndex);
    // never left for a later getSlice, whatever path the Parser took
    this.closeTagName = undefined;
  }

  /**
   * The attribute's name, as the Parser has it (lower-cased) when the walk reads it, else UNREAD: an ASCII name (all
   * real ones) is looked up in the input without cutting it out and lower-casing it, and the value of an attribute
   * the walk does not read (data-*, aria-*, srcset, width ...: a good share of a page's attributes) is never built.
   */
  override onattribname(start: number, endIndex: number): void {
    const state = this as unknown as AttrState;
    const from = start - state.bufferOffset;
    const to = endIndex - state.bufferOffset;
    const b = state.buffers[0];
    if (from >= 0 && to <= b.length && isAsciiRange(b, from, to)) {
      this.startIndex = start;
      const name = READ_ATTRIBUTE_AT.get(b, from, to) ?? UNREAD;
      // an <img>'s width and height (most of them) are never built
      state.attribname = MARQUEE_ONLY.has(name) && state.tagname !== 'marquee' ? UNREAD : name;
    } else super.onattribname(start, endIndex); // cut out and lower-cased: toLowerCase maps some non-ASCII chars to ASCII (U+212A KELVIN SIGN to k)
  }

  override onattribdata(start: number, endIndex: number): void {
    if ((this as unknown as AttrState).attribname !== UNREAD) super.onattribdata(start, endIndex);
  }

  override onattribentity(cp: number): void {
    if ((this as unknown as AttrState).attribname !== UNREAD) super.onattribentity(cp);
  }

  override onattribend(_quote: QuoteType, endIndex: number): void {
    const state = this as unknown as AttrState;
    this.endIndex = endIndex;
    this.attrs.set(state.attribname, state.attribvalue);
    state.attribvalue = '';
  }
}

// the Parser's getSlice (private in its typings), but the first call after AttrParser.onclosetag set closeTagName
// gives that name
const plainGetSlice = (Parser.prototype as unknown as ParserState).getSlice;
Object.defineProperty(AttrParser.prototype, 'getSlice', {
  value: function getSlice(this: ParserState, start: number, end: number): string {
    const name = this.closeTagName;
    if (name === undefined) return plainGetSlice.call(this, start, end);
    this.closeTagName = undefined;
    return name;
  },
});

/** No element's own hiding ignored (walkHtml's `shown`). */
const NONE_SHOWN: ReadonlySet<number> = new Set();

/** Thrown by walkHtml when the parser's stack of open elements reaches its maxDepth. */
export class TooDeep extends Error {
  constructor(readonly depth: number) {
    super(`elements nested ${depth} deep`);
    this.name = 'TooDeep';
  }
}

/**
 * Parse the HTML and walk it in one pass over htmlparser2's events (the tree it would build, in document order,
 * without building it). Pass rules to pre-seed the stylesheet index; <style> elements met on the way are added.
 * `maxDepth`: throw TooDeep as soon as the parser has that many elements open (its stack is what each open and close
 * event pushes and pops, void elements' included). `shown`: elements (ids of a walk of the same HTML) whose own hiding
 * is ignored, the wrappers a page hides until its scripts run (reveal.ts).
 */
export function walkHtml(html: string, rules: StyleRules = new StyleRules(), budget: Budget = NO_BUDGET, maxDepth = Infinity, shown: ReadonlySet<number> = NONE_SHOWN): WalkResult {
  const els: ElInfo[] = [];
  const blocks: RawBlock[] = [];
  const texts: string[] = [];
  const res: WalkResult = {
    els, blocks, texts, imgs: [], homeLinks: [], htmlTitle: '', ogTitle: '', ogSiteName: '', ogUrl: '', canonical: '', baseHref: '', lang: '', h1s: [], scripts: [],
  };

  const ctxStack: Ctx[] = [];
  const pageHints = new PageHints();
  const classLists = new Map<string, string[]>();
  const hosts = new Map<string, string>();
  let anchor: Anchor | undefined;
  const anchorStack: (Anchor | undefined)[] = [];
  let pre = 0;
  /** element opens so far, skipped subtrees included: the positions of imgs and home links */
  let opens = 0;
  /** walked <h1> elements open now: home links are looked for only inside one (isSiteH1 asks of no other element) */
  let h1Open = 0;
  /** close events so far (opens - closes: the parser's open elements) */
  let closes = 0;

  const flush = (c: Ctx): void => {
    if (c.buf === '') return;
    const text = collapse(c.buf);
    const info = els[c.el];
    if (text) {
      blocks.push({
        el: c.el,
        tag: c.tag,
        text,
        hidden: info.hidden,
        hiddenRoot: info.hiddenRoot,
        heading: HEADING_TAGS.has(c.tag),
        links: c.links ?? [],
        linkChars: Math.min(c.linkChars, text.length),
      });
      c.links = null;
      c.linkChars = 0;
    }
    c.buf = '';
  };

  // a synthetic root context for text outside <html>
  els.push({
    id: undefined, tag: '#root', parent: -1, nth: 1, kids: 0, pre: pre++, end: 0, depth: 0, hidden: null, hiddenRoot: -1, fontOnly: false, uiAnc: false, uiOwn: false, bg: undefined, classWeight: 0,
    unlikely: false, unlikelyAnc: -1, junkAnc: -1, names: '', textFrom: 0, textTo: 0, openAt: 0, openTo: 0,
  });
  ctxStack.push({ el: 0, tag: '#root', buf: '', links: null, linkChars: 0 });
  /** the walked elements open now, innermost last */
  const parentOf: number[] = [0];
  /**
   * Depth inside an element whose content the walk does not read (head metadata, <style>, <script>, SKIP_TAGS,
   * <br>): 0 outside. Its text still counts in subtree texts, but for <script> and <style>.
   */
  let skip = 0;
  let skipTag = '';
  let skipText = '';
  let skipTextFrom = 0;
  let skipScriptSrc = false;
  /** inside a <script> or <style> (raw text, no children), at any depth */
  let inRaw = false;

  /** the attributes of the tag being opened (see AttrParser) */
  const attribs = new TagAttrs();
  /** parseDecls of each style attribute value, once per page (pages repeat their inline styles); read only */
  const inlineStyles = new Map<string, ReadonlyDecls>();
  const inlineDecls = (style: string): ReadonlyDecls => {
    let d = inlineStyles.get(style);
    if (!d) inlineStyles.set(style, (d = parseDecls(style)));
    return d;
  };
  const open = (name: string): void => {
    budget.check('page:walk');
    opens++;
    if (opens - closes >= maxDepth) throw new TooDeep(opens - closes);
    const tag = lowerTag(name);
    inRaw = tag === 'script' || tag === 'style';
    if (tag === 'img') res.imgs.push({ at: opens, alt: attribs.alt ?? attribs.title ?? '' });
    else if (tag === 'a' && h1Open > 0 && HOME_HREF.test((attribs.href ?? '').trim())) res.homeLinks.push(opens);
    if (skip > 0) {
      skip++;
      return;
    }
    const parentId = parentOf[parentOf.length - 1];
    const parent = els[parentId];
    const nth = ++parent.kids;
    const kind = TAG_KIND.get(tag) ?? 0;

    // head metadata and elements whose content is not page text: read here, their subtree skipped
    let skipped = true;
    if (tag === 'meta') {
      const key = (attribs.property ?? attribs.name ?? '').toLowerCase();
      const content = attribs.content ?? '';
      if (key === 'og:title' && !res.ogTitle) res.ogTitle = collapse(content.slice(0, MAX_TITLE_CHARS));
      else if (key === 'og:site_name' && !res.ogSiteName) res.ogSiteName = collapse(content);
      else if (key === 'og:url' && !res.ogUrl) res.ogUrl = content.trim();
    } else if (tag === 'base') {
      if (!res.baseHref && attribs.href) res.baseHref = attribs.href.trim();
    } else if (tag === 'link') {
      if (!res.canonical && /\bcanonical\b/i.test(attribs.rel ?? '') && attribs.href) res.canonical = attribs.href.trim();
    } else if (tag === 'script') {
      skipScriptSrc = !!attribs.src;
    } else if (tag === 'br') {
      flush(ctxStack[ctxStack.length - 1]);
    } else if (tag !== 'title' && tag !== 'style' && (kind & TAG_SKIP) === 0) skipped = false;
    if (skipped) {
      skip = 1;
      // the page's own stylesheet is added when it closes: its rules apply to the elements that follow it (styles
      // sit in <head> or before the markup they hide; a <style> after its elements is missed, a documented limitation)
      skipTag = tag === 'style' && attribs.media && !MEDIA_OK.test(attribs.media) ? '' : tag;
      skipText = '';
      skipTextFrom = texts.length;
      return;
    }
    if (tag === 'html' && attribs.lang && !res.lang) res.lang = attribs.lang.trim();

    const { id: idAttr, class: classAttr, style: styleAttr, bgcolor: bgcolorAttr, background: backgroundAttr } = attribs;
    const { color: colorAttr, hidden: hiddenAttr, role: roleAttr, href: hrefAttr } = attribs;

    // visibility
    const sheet = rules.size === 0 ? undefined : rules.match(tag, idAttr, classAttr ? classList(classLists, classAttr) : []);
    const inline = styleAttr ? inlineDecls(styleAttr) : undefined;
    let bg = parent.bg;
    let own: HiddenReason | null = null;
    // an ancestor's font-size: 0 (the inline-block whitespace trick) is undone by a font-size of this element's own
    let fontShown = false;
    let fontZero = false;
    // a <marquee> clips what scrolls through it, as overflow:hidden does: a tiny one (its width/height attributes or
    // its style) shows nothing, the hacked-site link farm's favourite box
    const clips = tag === 'marquee';
    if (clips && tinyBoxAttrs(attribs.width, attribs.height)) own = 'zero-size';
    else if (sheet || inline || bgcolorAttr || backgroundAttr || (tag === 'font' && colorAttr)) {
      // the stylesheet's declarations, then the inline ones over them: sheet is a fresh map of this element's, the
      // parsed inline map is shared by the page's elements with that style (copied before a change)
      let merged: ReadonlyDecls = sheet ?? inline ?? NO_DECLS;
      if (sheet && inline) for (const [k, v] of inline) sheet.set(k, v);
      if (tag === 'font' && colorAttr && !merged.has('color')) merged = new Map(merged).set('color', colorAttr);
      const ownBg = declaredBackground(merged) ?? normColor(bgcolorAttr);
      if (ownBg) bg = ownBg;
      // a background image makes the colour underneath unknown
      if (backgroundAttr || /url\(/i.test(merged.get('background') ?? merged.get('background-image') ?? '')) bg = undefined;
      // text coloured like the background it sits on (its own background, else the inherited one)
      own = hiddenByDecls(merged, bg, clips);
      if (!own && parent.fontOnly) fontShown = showsText(merged.get('font-size'));
      if (own && sheet && inline) {
        // an inline display:block overrides a stylesheet display:none
        const inl = hiddenByDecls(inline, parent.bg, clips);
        if (!inl) {
          const d = inline.get('display');
          if (d && d !== 'none' && own === 'display-none') own = null;
        }
      }
      if (own === 'font-size-zero') fontZero = true;
      if (own && sheet && !(inline && hiddenByDecls(inline, bg, clips))) own = 'stylesheet';
    }
    if (!own && hiddenAttr !== undefined && tag !== 'input') own = 'hidden-attr';
    const id = els.length;
    // a wrapper the page hides until its scripts show it (reveal.ts): shown, what is hidden inside it stays hidden
    if (own && shown.size > 0 && shown.has(id)) own = null;
    const inherited = fontShown ? null : parent.hidden;
    const hidden = own ?? inherited;
    const hiddenRoot = inherited ? parent.hiddenRoot : own ? id : -1;
    const fontOnly = hidden !== null && (own ? fontZero && (!inherited || parent.fontOnly) : parent.fontOnly);
    const nh = idAttr || classAttr ? pageHints.get(idAttr, classAttr) : NO_HINTS;
    const names = nh.names;
    const inBody = tag !== 'html' && tag !== 'body';
    const uiOwn = inBody && (nh.ui || (kind & TAG_UI) !== 0 || isUiRole(roleAttr));
    const unlikely = inBody && tag !== 'article' && tag !== 'main' && nh.unlikely;
    let classWeight = inBody ? nh.weight : 0;
    if (tag === 'article' || tag === 'main') classWeight += 25;
    if (tag === 'footer' || tag === 'aside' || tag === 'nav') classWeight -= 25;
    const isUnlikely = unlikely || tag === 'footer' || tag === 'aside' || tag === 'nav';
    els.push({
      id: idAttr,
      tag,
      parent: parentId,
      nth,
      kids: 0,
      pre: pre++,
      end: 0,
      depth: parent.depth + 1,
      hidden,
      hiddenRoot,
      fontOnly,
      uiAnc: uiOwn || parent.uiAnc,
      uiOwn,
      bg,
      classWeight,
      unlikely: isUnlikely,
      unlikelyAnc: isUnlikely ? id : parent.unlikelyAnc,
      junkAnc: (inBody && nh.junk) || (kind & TAG_JUNK) !== 0 ? id : parent.junkAnc,
      names,
      textFrom: texts.length,
      textTo: 0,
      openAt: opens,
      openTo: 0,
    });
    parentOf.push(id);

    if (tag === 'h1') {
      res.h1s.push({ el: id });
      h1Open++;
    }
    // a new block context for block-level elements, and for inline elements that change visibility
    if ((kind & TAG_BLOCK) !== 0 || own !== null) {
      flush(ctxStack[ctxStack.length - 1]);
      ctxStack.push({ el: id, tag, buf: '', links: null, linkChars: 0 });
    }
    if (tag === 'a') {
      anchorStack.push(anchor);
      anchor = { href: (hrefAttr ?? '').trim(), buf: '', ctx: ctxStack[ctxStack.length - 1] };
    }
  };

  const close = (): void => {
    closes++;
    inRaw = false;
    if (skip > 0) {
      if (--skip > 0) return;
      if (skipTag === 'title') {
        if (!res.htmlTitle) res.htmlTitle = collapse(rawText(texts, skipTextFrom, texts.length, MAX_TITLE_CHARS));
      } else if (skipTag === 'style') rules.addSheet(skipText);
      else if (skipTag === 'script' && !skipScriptSrc && skipText !== '') res.scripts.push(skipText);
      return;
    }
    const item = parentOf.pop()!;
    if (item === 0) {
      // a close the parser sends for nothing the walk opened (never in practice): keep the root
      parentOf.push(0);
      return;
    }
    const info = els[item];
    info.end = pre - 1;
    info.textTo = texts.length;
    info.openTo = opens;
    const top = ctxStack[ctxStack.length - 1];
    if (top.el === item) {
      flush(top);
      ctxStack.pop();
    }
    if (info.tag === 'h1') h1Open--;
    if (info.tag === 'a') {
      const a = anchor;
      anchor = anchorStack.pop();
      if (a) {
        const text = collapse(a.buf);
        const domain = urlDomain(a.href, hosts);
        const relative = domain === undefined;
        (a.ctx.links ??= []).push({ href: a.href, text, offsite: false, domain, relative });
        a.ctx.linkChars += text.length;
      }
    }
  };

  const text = (data: string): void => {
    budget.check('page:walk');
    if (inRaw) {
      // a <script> or <style> the walk skips: its own text is read when it closes; one inside a skipped subtree is dropped
      if (skip === 1) skipText += data;
      return;
    }
    if (skip > 0) {
      texts.push(data);
      return;
    }
    texts.push(data);
    const top = ctxStack[ctxStack.length - 1];
    // indentation between tags at the start of a block is dropped by collapse anyway: skip the concatenation
    if (top.buf === '' && !anchor && isBlank(data)) return;
    top.buf += data;
    if (anchor) anchor.buf += data;
  };

  const parser = new AttrParser({ onopentag: open, onclosetag: close, ontext: text }, attribs);
  parser.end(html);
  while (ctxStack.length) flush(ctxStack.pop()!);
  els[0].end = pre - 1;
  els[0].textTo = texts.length;
  els[0].openTo = opens;
  return res;
}

function segment(e: ElInfo): string {
  const idAttr = e.id;
  if (idAttr && /^[-_a-zA-Z][-_a-zA-Z0-9]*$/.test(idAttr)) return e.tag + '#' + idAttr;
  if (e.tag !== 'html' && e.tag !== 'body' && e.tag !== 'head') return `${e.tag}:nth-child(${e.nth})`;
  return e.tag;
}

/**
 * CSS-like paths of elements, e.g. "html>body>div#main>p:nth-child(3)" (nth-child counts element siblings
 * the walker entered). Paths deeper than MAX_PATH_SEGMENTS keep the last segments behind "...>".
 * Cached per element, so blocks that share ancestors share the work.
 */
export class PathBuilder {
  private cache: (string | undefined)[] = [];
  constructor(private els: ElInfo[]) {}

  path(id: number): string {
    if (id <= 0) return '';
    const c = this.cache[id];
    if (c !== undefined) return c;
    const e = this.els[id];
    let p: string;
    if (e.depth <= MAX_PATH_SEGMENTS) {
      const parent = e.parent > 0 ? this.path(e.parent) : '';
      p = parent ? parent + '>' + segment(e) : segment(e);
    } else {
      const segs: string[] = [];
      let cur = id;
      while (cur > 0 && segs.length < MAX_PATH_SEGMENTS) {
        segs.push(segment(this.els[cur]));
        cur = this.els[cur].parent;
      }
      segs.push('...');
      p = segs.reverse().join('>');
    }
    this.cache[id] = p;
    return p;
  }
}

/** CSS-like path of one element (see PathBuilder). */
export function elementPath(els: ElInfo[], id: number): string {
  return new PathBuilder(els).path(id);
}
