// Visibility from inline styles, the `hidden` attribute and simple class/id rules of the page's own <style>.
import type { HiddenReason } from './types.js';
import { isSpace } from '../util/chars.js';

/** font-size at or below this many px counts as invisible text. */
export const TINY_FONT_PX = 2;
/** Opacity at or below this is invisible. */
export const MAX_INVISIBLE_OPACITY = 0.05;
/** A negative left/top/right/bottom/text-indent/margin of at least this many px moves content off screen. */
export const OFFSCREEN_PX = 500;
/**
 * Width/height at or below this many px (with overflow hidden or clip, or a <marquee>) hides the content: a line of
 * text needs about 10 px, and hacked sites hide link lists in 1-6 px boxes. The 1,416 shared pages' findings and
 * clean texts are the same at 1 and at 6.
 */
export const TINY_BOX_PX = 6;
/** A clipping box (a <marquee>) whose width or height attribute is at most TINY_BOX_PX shows nothing of its content. */
export function tinyBoxAttrs(width: string | undefined, height: string | undefined): boolean {
  return lengthPx(width) <= TINY_BOX_PX || lengthPx(height) <= TINY_BOX_PX;
}

/** Pixels per em/rem when converting lengths. */
const PX_PER_EM = 16;

export type Decls = Map<string, string>;
export type ReadonlyDecls = ReadonlyMap<string, string>;

/** Parse a CSS declaration list ("a: b; c: d !important") into a map of lower-case property -> value. */
export function parseDecls(style: string, into: Decls = new Map()): Decls {
  for (const part of style.split(';')) {
    const i = part.indexOf(':');
    if (i <= 0) continue;
    const prop = part.slice(0, i).trim().toLowerCase();
    const val = part.slice(i + 1).replace(/!\s*important/i, '').trim().toLowerCase();
    if (prop && val) into.set(prop, val);
  }
  return into;
}

/** A CSS length in px; NaN when not a plain length. Percentages count as NaN except 0%. */
export function lengthPx(v: string | undefined): number {
  if (v === undefined) return NaN;
  const m = /^(-?\d*\.?\d+)\s*(px|em|rem|pt|%|vw|vh)?$/.exec(v.trim());
  if (!m) return NaN;
  const n = parseFloat(m[1]);
  const unit = m[2] ?? 'px';
  if (n === 0) return 0;
  if (unit === 'px') return n;
  if (unit === 'em' || unit === 'rem') return n * PX_PER_EM;
  if (unit === 'pt') return (n * 4) / 3;
  return NaN;
}

const NAMED_COLORS: Record<string, string> = {
  white: '#ffffff', black: '#000000', red: '#ff0000', green: '#008000', blue: '#0000ff', yellow: '#ffff00',
  gray: '#808080', grey: '#808080', silver: '#c0c0c0', navy: '#000080', maroon: '#800000', purple: '#800080',
  orange: '#ffa500', lime: '#00ff00', aqua: '#00ffff', fuchsia: '#ff00ff', teal: '#008080', olive: '#808000',
};

/** Normalise a colour to #rrggbb; undefined when it cannot be parsed (or is transparent). */
export function normColor(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const s = v.trim().toLowerCase();
  if (NAMED_COLORS[s]) return NAMED_COLORS[s];
  let m = /^#([0-9a-f]{3})$/.exec(s);
  if (m) return '#' + [...m[1]].map((c) => c + c).join('');
  m = /^#([0-9a-f]{6})$/.exec(s);
  if (m) return s;
  m = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(s);
  if (m) {
    if (m[4] !== undefined && parseFloat(m[4]) === 0) return undefined;
    return '#' + [m[1], m[2], m[3]].map((x) => Math.min(255, +x).toString(16).padStart(2, '0')).join('');
  }
  return undefined;
}

/** Background colour declared by these declarations (background-color or a plain colour in background). */
export function declaredBackground(d: ReadonlyDecls): string | undefined {
  const bc = d.get('background-color');
  if (bc) return normColor(bc);
  const bg = d.get('background');
  if (!bg) return undefined;
  for (const tok of outsideParens(bg)) {
    const c = normColor(tok);
    if (c) return c;
  }
  return undefined;
}

/**
 * The white-space separated parts of a CSS value, white space inside parentheses kept (rgb(0, 0, 0) is one part), in
 * one pass: a regex with a lookahead for the closing parenthesis rescanned the rest of the value at every space.
 */
function outsideParens(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x28) depth++;
    else if (c === 0x29) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isSpace(c)) {
      if (i > from) parts.push(value.slice(from, i));
      from = i + 1;
    }
  }
  if (from < value.length) parts.push(value.slice(from));
  return parts;
}

/** Absolute font-size keywords: a size of their own, whatever the parent's. */
const FONT_SIZE_KEYWORDS = new Set(['xx-small', 'x-small', 'small', 'medium', 'large', 'x-large', 'xx-large', 'xxx-large']);

/**
 * Does a declared font-size show text again under an ancestor's font-size: 0 (the whitespace trick between
 * inline-blocks, undone by each child: `.row{font-size:0} .col{font-size:1rem}`)? An absolute size over TINY_FONT_PX
 * does (px, pt, rem, a keyword); a relative one (em, %, smaller) is a share of zero.
 */
export function showsText(fontSize: string | undefined): boolean {
  if (fontSize === undefined) return false;
  const v = fontSize.trim().toLowerCase().replace(/\s*!important$/, '');
  if (FONT_SIZE_KEYWORDS.has(v)) return true;
  // an absolute unit, in px as lengthPx reads it (em and % are shares of the zero above, a bare number no size)
  return /\d\s*(?:px|pt|rem)$/.test(v) && lengthPx(v) > TINY_FONT_PX;
}

/**
 * Why these declarations hide an element (null = they do not). bg = the effective background colour; `clips`: the
 * element clips its content whatever its overflow (a <marquee>).
 */
export function hiddenByDecls(d: ReadonlyDecls, bg?: string, clips = false): HiddenReason | null {
  const display = d.get('display');
  if (display === 'none') return 'display-none';
  const vis = d.get('visibility');
  if (vis === 'hidden' || vis === 'collapse') return 'visibility-hidden';
  const fs = d.get('font-size');
  if (fs !== undefined && lengthPx(fs) <= TINY_FONT_PX) return 'font-size-zero';
  const op = d.get('opacity');
  if (op !== undefined && parseFloat(op) <= MAX_INVISIBLE_OPACITY) return 'opacity-zero';
  const pos = d.get('position');
  if (pos === 'absolute' || pos === 'fixed' || pos === 'relative') {
    for (const side of ['left', 'top', 'right', 'bottom']) {
      const px = lengthPx(d.get(side));
      if (px <= -OFFSCREEN_PX) return 'offscreen';
    }
  }
  const ti = lengthPx(d.get('text-indent'));
  if (ti <= -OFFSCREEN_PX) return 'offscreen';
  for (const side of ['margin-left', 'margin-top']) {
    if (lengthPx(d.get(side)) <= -OFFSCREEN_PX * 2) return 'offscreen';
  }
  const tr = d.get('transform');
  if (tr) {
    const m = /translate[xy]?\(\s*(-?[\d.]+(?:px|em|rem)?)/.exec(tr);
    if (m && lengthPx(m[1]) <= -OFFSCREEN_PX) return 'offscreen';
  }
  const ov = d.get('overflow') ?? d.get('overflow-x') ?? d.get('overflow-y');
  const clip = d.get('clip') ?? '';
  const clipped = clips || ov === 'hidden' || /rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)/.test(clip) || /inset\(\s*50%/.test(d.get('clip-path') ?? '');
  const w = lengthPx(d.get('width') ?? d.get('max-width'));
  const h = lengthPx(d.get('height') ?? d.get('max-height'));
  if (clipped && (w <= TINY_BOX_PX || h <= TINY_BOX_PX)) return 'zero-size';
  const color = normColor(d.get('color'));
  if (color && bg && color === bg) return 'same-color';
  return null;
}

/** Cheap pre-filter: declaration bodies that cannot hide anything are not parsed. */
const HIDING_HINT = /display\s*:\s*none|visibility\s*:\s*(hidden|collapse)|overflow[-xy]*\s*:\s*hidden|-\d{3}|font-size\s*:\s*[01](\.\d+)?(px|pt)?\s*(;|!|$)|font-size\s*:\s*0|opacity\s*:\s*0*(\.0\d*)?\s*(;|!|$)|clip|transform/i;
/** White/black backgrounds: the stylesheet colour rules considered for same-colour text. */
const WHITE_BLACK_BG = /background(-color)?\s*:\s*(#fff(fff)?|white|#000(000)?|black)\b/;
/** A pattern with its groups made non-capturing (it has no back-references): the same matches, no group strings per match. */
function nonCapturing(source: string): string {
  return source.replace(/(?<!\\)\((?!\?)/g, '(?:');
}
/** One global scan for every declaration that can hide something (HIDING_HINT or a white/black background). */
const SHEET_HINT = new RegExp(nonCapturing(HIDING_HINT.source + '|' + WHITE_BLACK_BG.source), 'gi');
/** A declaration that zeroes a font-size (0, 0px, 0em ...). */
const FONT_ZERO = /font-size\s*:\s*0(?:px|pt|em|rem|%)?\s*(?:[;}!]|$)/i;
/** Any font-size declaration (the second scan of a sheet with FONT_ZERO). */
const FONT_SIZE_HINT = /font-size\s*:/gi;
/** Rules setting both a text colour and a background can hide text by colour. */
const COLOR_HINT = /(^|[;\s])color\s*:/i;
const BG_HINT = /background/i;

/** The query of an @media block whose rules apply on a desktop screen. */
const MEDIA_SCREEN_RE = /^\s*(only\s+)?(screen|all)\s*$/i;

/** [-\w]: the chars of an at-rule's name. */
const isAtNameChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;

/**
 * The next at-rule with a block at or after `from`, as /@([-\w]+)([^{;]*)\{/g finds it (start: its '@', nameEnd: the end
 * of the name, open: its '{'), by indexOf and char scans; null when there is none.
 */
function nextAtBlock(text: string, from: number): { start: number; nameEnd: number; open: number } | null {
  const n = text.length;
  for (let i = text.indexOf('@', from); i >= 0; i = text.indexOf('@', i + 1)) {
    let j = i + 1;
    while (j < n && isAtNameChar(text.charCodeAt(j))) j++;
    if (j === i + 1) continue;
    let k = j;
    while (k < n && text.charCodeAt(k) !== 0x7b && text.charCodeAt(k) !== 0x3b) k++;
    if (k < n && text.charCodeAt(k) === 0x7b) return { start: i, nameEnd: j, open: k };
  }
  return null;
}

/** The index after the '}' that closes the block opened just before `from` (nested blocks counted), else the text's end. */
function blockEnd(text: string, from: number): number {
  let depth = 1;
  let open = text.indexOf('{', from);
  let close = text.indexOf('}', from);
  while (close >= 0) {
    if (open >= 0 && open < close) {
      depth++;
      open = text.indexOf('{', open + 1);
      continue;
    }
    if (--depth === 0) return close + 1;
    close = text.indexOf('}', close + 1);
  }
  return text.length;
}

/**
 * The at-rule blocks of a stylesheet that do not apply on a desktop screen (all but @media screen/all), as [start,
 * end) ranges from the '@' to after the '}' that closes the block.
 */
export function skippedAtRules(text: string): [number, number][] {
  const skip: [number, number][] = [];
  for (let from = 0, a = nextAtBlock(text, 0); a; a = nextAtBlock(text, from)) {
    from = a.open + 1;
    if (text.slice(a.start + 1, a.nameEnd).toLowerCase() === 'media' && MEDIA_SCREEN_RE.test(text.slice(a.nameEnd, a.open))) continue;
    const end = blockEnd(text, from);
    skip.push([a.start, end]);
    from = end;
  }
  return skip;
}

/** A simple selector: a tag name or none, then ids and classes (no descendant, child, attribute or state part). */
const SIMPLE_SELECTOR_RE = /^([a-z][a-z0-9]*)?((?:[.#][-_a-zA-Z0-9\u00a0-\uffff]+)+)$/i;

/** A simple selector from the page's own <style>: tag?, id?, classes (all must match). */
interface SimpleRule {
  tag?: string;
  id?: string;
  classes: string[];
  decls: Decls;
  order: number;
}

/** Index of simple class/id rules from the page's <style> elements. */
export class StyleRules {
  private byClass = new Map<string, SimpleRule[]>();
  private byId = new Map<string, SimpleRule[]>();
  private count = 0;
  /** where the current sheet starts in the page's stylesheets read end to end: a rule's order is its place there */
  private sheetAt = 0;

  get size(): number {
    return this.count;
  }

  /** Add the rules of one stylesheet text. @media blocks other than screen/all are skipped (print must not count). */
  addSheet(css: string): void {
    let text = css.includes('/*') ? css.replace(/\/\*[\s\S]*?\*\//g, '') : css;
    if (text.includes('<!--')) text = text.replace(/<!--|-->/g, '');
    // Stylesheets are long and almost no rule can hide anything: find the declarations that can, and parse
    // only their rules. At-rule blocks other than @media screen/all are skipped (print must not count).
    const skip = skippedAtRules(text);
    this.scanRules(text, SHEET_HINT, skip, false);
    // a sheet that zeroes a font-size (the whitespace trick between inline-blocks) sets it back on the children:
    // their font-size rules are read too, so the text they show is not taken as hidden (showsText)
    if (FONT_ZERO.test(text)) this.scanRules(text, FONT_SIZE_HINT, skip, true);
    this.sheetAt += text.length + 1;
  }

  /** The rules whose declarations hold a match of `hint`, outside the skipped at-rule blocks, added (addRule). */
  private scanRules(text: string, hint: RegExp, skip: Array<[number, number]>, fontSizes: boolean): void {
    hint.lastIndex = 0;
    let lastOpen = -1;
    let k = 0; // skip ranges and matches both ascend
    // the last two '{' and the last '}' at or before the scan point, kept as the matches ascend (a backward search
    // from every match went back to the sheet's start when a long sheet had no brace)
    let scanned = 0;
    let open1 = -1;
    let open2 = -1;
    let close1 = -1;
    for (let m = hint.exec(text); m; m = hint.exec(text)) {
      const pos = m.index;
      while (k < skip.length && skip[k][1] <= pos) k++;
      if (k < skip.length && pos >= skip[k][0]) {
        hint.lastIndex = skip[k][1];
        continue;
      }
      for (; scanned <= pos && scanned < text.length; scanned++) {
        const c = text.charCodeAt(scanned);
        if (c === 0x7b) [open2, open1] = [open1, scanned];
        else if (c === 0x7d) close1 = scanned;
      }
      const open = open1;
      if (open < 0 || open === lastOpen || close1 > open) continue;
      lastOpen = open;
      let close = text.indexOf('}', pos);
      if (close < 0) close = text.length;
      // the rule's selectors start after the '}' or '{' before its own '{' (close1 < open: no '}' since it)
      const start = Math.max(close1, open2) + 1;
      const prelude = text.slice(start, open).trim();
      if (!prelude.startsWith('@')) this.addRule(prelude, text.slice(open + 1, close), this.sheetAt + open, fontSizes);
      hint.lastIndex = close;
    }
  }

  private addRule(selectors: string, body: string, at: number, fontSizes: boolean): void {
    // only simple class/id selectors with a declaration that can hide something are kept (or, on the second scan of a
    // sheet that zeroes a font-size, one that sets a font-size; a rule that can hide was kept by the first scan)
    if (!/[.#]/.test(selectors)) return;
    const hides = HIDING_HINT.test(body) || (COLOR_HINT.test(body) && BG_HINT.test(body));
    if (fontSizes ? hides : !hides) return;
    // the body is parsed only for a rule with a simple selector (most stylesheet rules have none: descendants, states)
    let simple: RegExpExecArray[] | undefined;
    for (const raw of selectors.split(',')) {
      const m = SIMPLE_SELECTOR_RE.exec(raw.trim());
      if (m) (simple ??= []).push(m);
    }
    if (!simple) return;
    let decls = parseDecls(body);
    // a font-size rule lends its font-size alone: its other declarations never counted (a colour without a background)
    if (fontSizes) decls = decls.has('font-size') ? new Map([['font-size', decls.get('font-size')!]]) : new Map();
    if (decls.size === 0) return;
    for (const m of simple) {
      this.count++;
      const rule: SimpleRule = { tag: m[1]?.toLowerCase(), classes: [], decls, order: at };
      for (const p of m[2].match(/[.#][^.#]+/g) ?? []) {
        if (p[0] === '#') rule.id = p.slice(1);
        else rule.classes.push(p.slice(1));
      }
      if (rule.id) push(this.byId, rule.id, rule);
      else if (rule.classes.length) push(this.byClass, rule.classes[0], rule);
    }
  }

  /** Merged declarations of every rule that matches the element, in source order; undefined when none. */
  match(tag: string, id: string | undefined, classes: string[]): Decls | undefined {
    if (this.count === 0) return undefined;
    let hits: SimpleRule[] | undefined;
    if (id) hits = consider(this.byId.get(id), tag, id, classes, hits);
    if (this.byClass.size > 0) for (const c of classes) hits = consider(this.byClass.get(c), tag, id, classes, hits);
    if (!hits) return undefined;
    // class rules before id rules (specificity), then source order
    if (hits.length > 1) hits.sort((a, b) => (a.id ? 1 : 0) - (b.id ? 1 : 0) || a.order - b.order);
    const out: Decls = new Map();
    for (const r of hits) for (const [k, v] of r.decls) out.set(k, v);
    return out;
  }
}

/** The rules of one index list that match the element, appended to hits. */
function consider(list: SimpleRule[] | undefined, tag: string, id: string | undefined, classes: string[], hits: SimpleRule[] | undefined): SimpleRule[] | undefined {
  if (!list) return hits;
  for (const r of list) {
    if (r.tag && r.tag !== tag) continue;
    if (r.id && r.id !== id) continue;
    if (r.classes.some((c) => !classes.includes(c))) continue;
    (hits ??= []).push(r);
  }
  return hits;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}
