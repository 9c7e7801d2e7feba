// Page stage: bytes -> decoded HTML -> Page (blocks with visibility, regions, main content, title).
// The signatures below are the stage's contract with text/ and detect/.
import type { Page, Block, Region } from './types.js';
import { decodeBytes } from './decode.js';
import { walkHtml, PathBuilder, TooDeep, type RawBlock, type WalkResult } from './walk.js';
import { selectMain } from './main-content.js';
import { wrappersToShow } from './reveal.js';
import { pickTitle, unreadTitleParts } from './title.js';
import { limitNesting, MAX_NESTING } from './nesting.js';
import { urlDomain } from './domain.js';
import { NO_BUDGET, type Budget } from '../budget.js';
export type { Page, Block, Region, HiddenReason, Link } from './types.js';

export interface DecodeOptions {
  /** Content-Type header value when known (may carry charset=) */
  contentType?: string;
}
export interface Decoded {
  html: string;
  /** WHATWG label actually used, lower-case: utf-8, gb18030, big5, shift_jis, euc-kr, windows-1252 ... */
  encoding: string;
}

/** Decode bytes: BOM, then HTTP header charset, then <meta> charset, then sniffing. Strings pass through. */
export function decode(input: Buffer | Uint8Array | string, opts: DecodeOptions = {}): Decoded {
  return decodeBytes(input, opts.contentType);
}

export interface BuildOptions {
  url?: string;
  encoding?: string;
  /** the page's time budget: the walk and main-content selection poll it (BudgetExceeded) */
  budget?: Budget;
}

/** A hidden group with at least this many off-site links (and mostly off-site links) is not UI. */
export const SPAM_MIN_OFFSITE_LINKS = 3;
export const SPAM_MIN_OFFSITE_SHARE = 0.5;
/** Hidden prose (not a link list) at least this long, without UI names, is not UI. */
export const LONG_HIDDEN_TEXT = 200;
/** Hidden link lists with at least this share of on-site links are menus. */
export const MENU_MIN_ONSITE_SHARE = 0.6;

/**
 * The page's own registrable domain: from the URL, else <base href>, else the canonical link, else og:url,
 * else the most frequent domain among the page's absolute links (sites link to themselves most).
 */
export function pageDomain(w: WalkResult, blocks: RawBlock[], url?: string): string | undefined {
  for (const u of [url, w.baseHref, w.canonical, w.ogUrl]) {
    const d = u ? urlDomain(u) : undefined;
    if (d) return d;
  }
  const counts = new Map<string, number>();
  for (const b of blocks) for (const l of b.links) if (l.domain) counts.set(l.domain, (counts.get(l.domain) ?? 0) + 1);
  let best: string | undefined;
  let n = 0;
  for (const [d, c] of counts) if (c > n) [best, n] = [d, c];
  return best;
}

/** Hidden groups shorter than this with no off-site link count as UI bits (captions, "original title" lines). */
export const SHORT_HIDDEN_TEXT = 200;
/** How far up from a block the walk looks for UI names inside its hidden group. */
const MAX_UI_WALK = 64;

/**
 * Decide per hidden group (blocks sharing the outermost hidden element) whether it is legit UI.
 * Content first: a hidden block of mostly off-site links, or long hidden prose, is not UI unless the hidden
 * element itself (or something inside it) is named like UI; names on ancestors alone do not excuse it
 * (real spam sits inside "topbar-search" / "widget" containers). Then UI names anywhere up the tree, then
 * on-site link lists (menus) and short link-free bits count as UI.
 */
function hiddenUiGroups(w: WalkResult, blocks: RawBlock[]): Map<number, boolean> {
  interface G { chars: number; linkChars: number; links: number; offsite: number; uiInside: boolean }
  const els = w.els;
  const groups = new Map<number, G>();
  for (const b of blocks) {
    if (!b.hidden) continue;
    let g = groups.get(b.hiddenRoot);
    if (!g) groups.set(b.hiddenRoot, (g = { chars: 0, linkChars: 0, links: 0, offsite: 0, uiInside: false }));
    g.chars += b.text.length;
    g.linkChars += b.linkChars;
    for (const l of b.links) {
      if (l.href === '' || l.href.startsWith('#') || /^(javascript|mailto|tel):/i.test(l.href)) continue;
      g.links++;
      if (l.offsite) g.offsite++;
    }
    if (!g.uiInside) {
      let cur = b.el;
      for (let k = 0; k < MAX_UI_WALK && cur > 0; k++) {
        if (els[cur].uiOwn) {
          g.uiInside = true;
          break;
        }
        if (cur === b.hiddenRoot) break;
        cur = els[cur].parent;
      }
    }
  }
  // panel sets: a hidden element with a sibling of the same tag and the same name up to digits
  // (tab1/tab2, PublicRelation1..4, listhot1/listhot2) is one of several JS-rotated panels
  const stemKey = (id: number): string | undefined => {
    const e = els[id];
    const stem = e.names.replace(/\d+/g, '#');
    return stem && stem !== e.names ? `${e.parent}|${e.tag}|${stem}` : undefined;
  };
  let stems: Map<string, number> | undefined;
  const inPanelSet = (root: number): boolean => {
    const key = stemKey(root);
    if (!key) return false;
    if (!stems) {
      stems = new Map();
      for (let i = 1; i < els.length; i++) {
        if (!els[i].names) continue;
        const k = stemKey(i);
        if (k) stems.set(k, (stems.get(k) ?? 0) + 1);
      }
    }
    return (stems.get(key) ?? 0) >= 2;
  };
  // JS-toggled panels: the page's own inline scripts name the hidden element's id (shown on click / timer)
  let scriptText: string | undefined;
  const toggledByScript = (root: number): boolean => {
    const id = els[root].id;
    if (!id || id.length < 3) return false;
    scriptText ??= w.scripts.join('\n');
    const at = scriptText.indexOf(id);
    if (at < 0) return false;
    const re = new RegExp(`(^|[^\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`);
    return re.test(scriptText);
  };
  const out = new Map<number, boolean>();
  for (const [root, g] of groups) {
    const uiAbove = root > 0 && els[els[root].parent].uiAnc;
    let ui: boolean;
    if (g.uiInside || inPanelSet(root) || toggledByScript(root)) ui = true;
    else if (g.offsite >= SPAM_MIN_OFFSITE_LINKS && g.offsite >= SPAM_MIN_OFFSITE_SHARE * g.links) ui = false;
    else if (g.chars >= LONG_HIDDEN_TEXT && g.linkChars < 0.5 * g.chars) ui = false;
    else if (uiAbove) ui = true;
    else if (g.links >= 2 && g.links - g.offsite >= MENU_MIN_ONSITE_SHARE * g.links) ui = true;
    else ui = g.chars < SHORT_HIDDEN_TEXT && g.offsite === 0;
    out.set(root, ui);
  }
  return out;
}

/**
 * walkHtml of limitNesting(html). limitNesting replays the parser's stack to drop the open tags beyond MAX_NESTING,
 * and a page whose elements never nest that deep, as real pages (below ~100), is left as it is: the walk itself
 * watches the parser's depth and the page is limited and walked again only when it reaches the limit. The replay's
 * scan (and its count of the tags, for its own cheap exit) was 1% of analyze.
 */
function walkNested(html: string, budget: Budget, shown?: ReadonlySet<number>): WalkResult {
  try {
    return walkHtml(html, undefined, budget, MAX_NESTING, shown);
  } catch (e) {
    if (!(e instanceof TooDeep)) throw e;
    return walkHtml(limitNesting(html), undefined, budget, Infinity, shown);
  }
}

/** Parse HTML and build the Page model. Must not throw on malformed, deeply nested or unclosed markup. */
export function buildPage(html: string, opts: BuildOptions = {}): Page {
  const budget = opts.budget ?? NO_BUDGET;
  let w = walkNested(html, budget);
  // a page hidden whole until its scripts run is walked again with its wrapper shown (the same HTML walks to the same
  // element ids; rare, so the second walk costs nothing on most pages)
  const shown = wrappersToShow(w.els, w.blocks);
  if (shown.size > 0) w = walkNested(html, budget, shown);
  budget.checkNow('page:parse');
  const raw = w.blocks;

  const own = pageDomain(w, raw, opts.url);
  for (const b of raw) for (const l of b.links) l.offsite = !l.relative && l.domain !== undefined && l.domain !== own;
  const ui = hiddenUiGroups(w, raw);
  const t = pickTitle(w, opts.url);
  const exclude = new Set([t.h1, t.title].filter((x) => x));
  const { main } = selectMain(w.els, raw, exclude, budget);
  const mainSet = new Set(main);

  const blocks: Block[] = [];
  const texts: string[] = [t.title];
  blocks.push({
    id: 0, path: '', tag: 'title', text: t.title, region: 'title', hidden: null, hiddenUi: false, heading: true,
    links: [], linkChars: 0, start: 0, end: t.title.length,
  });
  let off = t.title.length;
  const paths = new PathBuilder(w.els);
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i];
    const hiddenUi = b.hidden ? (ui.get(b.hiddenRoot) ?? false) : false;
    const region: Region = mainSet.has(i) ? 'body' : b.hidden && !hiddenUi ? 'hidden' : 'boilerplate';
    const start = off + 1;
    off = start + b.text.length;
    texts.push(b.text);
    blocks.push({
      id: i + 1,
      path: paths.path(b.el),
      tag: b.tag,
      text: b.text,
      region,
      hidden: b.hidden,
      hiddenUi,
      heading: b.heading,
      links: b.links.map((l) => ({ href: l.href, text: l.text, offsite: l.offsite })),
      linkChars: b.linkChars,
      start,
      end: off,
    });
  }
  // the <title>'s text that the headline leaves out, after the page's blocks (region 'title', never in the article):
  // a keyword put before a copied story's <title> is read though the headline comes from the h1 or og:title
  for (const text of unreadTitleParts(w.htmlTitle, t.title)) {
    const start = off + 1;
    off = start + text.length;
    texts.push(text);
    blocks.push({
      id: blocks.length, path: 'head>title', tag: 'title', text, region: 'title', hidden: null, hiddenUi: false, heading: false,
      links: [], linkChars: 0, start, end: off,
    });
  }
  return {
    url: opts.url,
    encoding: opts.encoding ?? 'utf-8',
    title: t.title,
    htmlTitle: w.htmlTitle,
    h1: t.h1,
    ogTitle: w.ogTitle,
    siteName: t.siteName,
    slogan: t.slogan,
    logo: t.logo,
    declaredLang: w.lang,
    blocks,
    mainIds: main.map((i) => i + 1),
    text: texts.join('\n'),
  };
}
