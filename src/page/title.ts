// Headline, site name and slogan from <title>, og:title, og:site_name, the h1s and the header logo.
import type { ElInfo, WalkResult } from './walk.js';
import { collapse, shortSubtreeText, subtreeText, hasImgOrHomeLink } from './walk.js';

/**
 * Separators between a headline and the site name in <title>, strongest first. Only the strongest class
 * present is used, so a headline's own dashes survive "Headline – part two | Site".
 */
const TITLE_SEPS: RegExp[] = [
  /\s*[|｜]\s*/g,
  /\s*_{1,2}\s*/g,
  /\s+[-–—]{1,2}\s+|\s*-{2,}\s*|\s*－\s*/g,
  /(?<=[\u3400-\u9fff）)」』！？])\s*-\s*|\s*-\s*(?=[\u3400-\u9fff])/g,
  /\s+(?:::|»|›|·|•|\/\/|~)\s+/g,
];
/**
 * Weak separators, used only when one side is recognised as the site name: a colon, and the Chinese dash "——", which
 * sets off a sub-title ("藍鯨運維體系大模型應用——藍鯨運維開發智能助手") more often than a site's name.
 */
const WEAK_SEP = /\s+:\s+|\s*——\s*/g;
/** A slogan is at most this many characters. */
export const MAX_SLOGAN_LEN = 60;
/** Only this many elements from the top of the page are searched for a logo / slogan. */
export const HEADER_SCAN_ELEMENTS = 400;
/**
 * A slogan candidate's text nodes hold at most this many characters (MAX_SLOGAN_LEN once collapsed, with room for
 * the markup's white space): a longer element is no slogan and is not read whole (400 nested unclosed "subtitle"
 * elements over a page would each be).
 */
export const SLOGAN_MAX_RAW_CHARS = 8 * MAX_SLOGAN_LEN;

/**
 * Separators used per <title>: the first and last half of these (headline and site name sit at the ends; real
 * titles have at most ~5 parts). Each cut gives two candidate strings of the title's length, so an unbounded
 * count ("股票配资_|||…|||") made the title stage quadratic.
 */
export const MAX_TITLE_CUTS = 16;
/** A first <title> part this many times shorter than the second is taken for a keyword in front of the headline. */
export const PREFIX_PART_RATIO = 2;
/** Visible h1s considered for the headline (real pages have a few; each is compared with every candidate). */
export const MAX_H1S = 32;
/**
 * An h1's text is read this far at most: a headline is a line, and an h1 never closed holds the rest of the page (a
 * page of nested unclosed h1s would otherwise be read once per h1: quadratic). Well past any real headline.
 */
export const MAX_H1_CHARS = 2000;

const norm = (s: string): string => collapse(s).toLowerCase();

/** Cut positions of the strongest separator class present: [start, end) of each part. */
function titleParts(t: string, weak = false): { parts: string[]; cuts: [number, number][] } {
  for (const re of weak ? [...TITLE_SEPS, WEAK_SEP] : TITLE_SEPS) {
    re.lastIndex = 0;
    const cuts: [number, number][] = [];
    for (let m = re.exec(t); m; m = re.exec(t)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (m.index > 0 && m.index + m[0].length < t.length) cuts.push([m.index, m.index + m[0].length]);
    }
    if (cuts.length > MAX_TITLE_CUTS) cuts.splice(MAX_TITLE_CUTS / 2, cuts.length - MAX_TITLE_CUTS);
    if (cuts.length) {
      const parts: string[] = [];
      let from = 0;
      for (const [a, b] of cuts) {
        parts.push(t.slice(from, a));
        from = b;
      }
      parts.push(t.slice(from));
      return { parts, cuts };
    }
  }
  return { parts: [t], cuts: [] };
}

export function splitTitle(t: string): string[] {
  return titleParts(collapse(t)).parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/**
 * Candidate headlines of a <title>: every prefix and suffix run of parts (original text between them kept),
 * longest first.
 */
export function titleCandidates(t: string): string[] {
  const c = collapse(t);
  const { cuts } = titleParts(c);
  const out: string[] = [c];
  for (const [a, b] of cuts) {
    out.push(c.slice(0, a).trim(), c.slice(b).trim());
  }
  return out.filter((x) => x.length > 0);
}

/** The headline part of a <title>: site-name parts dropped from either end. */
export function stripSiteName(t: string, siteName = '', isSite: (p: string) => boolean = () => false, guess = true): { title: string; rest: string[] } {
  const c = collapse(t);
  const site = (p: string): boolean => (siteName !== '' && norm(p.trim()) === norm(siteName)) || isSite(p.trim());
  let { parts, cuts } = titleParts(c);
  if (cuts.length === 0) {
    ({ parts, cuts } = titleParts(c, true));
    if (cuts.length === 0 || !parts.some(site)) return { title: c, rest: [] };
  }
  let lo = 0;
  let hi = parts.length - 1;
  while (hi > lo && site(parts[hi])) hi--;
  while (lo < hi && site(parts[lo])) lo++;
  if (lo === 0 && hi === parts.length - 1) {
    if (!guess) return { title: c, rest: [] };
    // nothing recognised: "_" titles (Chinese portals) put the headline first; others drop the shorter end
    const first = parts[0].trim();
    const last = parts[parts.length - 1].trim();
    const underscore = /_/.test(c.slice(cuts[0][0], cuts[0][1]));
    if (underscore || first.length >= last.length) {
      hi = 0;
      // in a "_" title, a short first part before a much longer one, with more after it, is a keyword put in front of
      // the headline ("股票配资_<headline>_<site>"): the headline is the second part, and the keyword stays in front of
      // it, where detection judges it as a title affix ("Podcast | Episode | Site" titles keep their first part)
      if (underscore && parts.length >= 3 && first.length * PREFIX_PART_RATIO <= parts[1].trim().length) hi = 1;
    } else lo = parts.length - 1;
  }
  const start = lo === 0 ? 0 : cuts[lo - 1][1];
  const end = hi === parts.length - 1 ? c.length : cuts[hi][0];
  const rest = parts.filter((_, i) => i < lo || i > hi).map((p) => p.trim());
  return { title: c.slice(start, end).trim(), rest };
}

/** Separator characters and spaces at the edges of a <title> piece ("股票配资 - " before the headline). */
const PIECE_EDGE_RE = /^[\s|｜_\-–—:：·•»›~/]+|[\s|｜_\-–—:：·•»›~/]+$/gu;

/**
 * The parts of the <title> that the displayed headline leaves out: what stands before and after the headline in it
 * (a keyword put in front of a copied story's title, the site's name), or, when the headline (an h1, og:title) is not
 * in the <title> at all, each part of the <title>. A crawler's index and a search result show this text, so detection
 * reads it; the clean text never holds it. Parts the headline already holds are left out.
 */
export function unreadTitleParts(htmlTitle: string, headline: string): string[] {
  const t = collapse(htmlTitle);
  const h = collapse(headline);
  if (!HAS_WORD.test(t)) return [];
  let at = h ? t.indexOf(h) : -1;
  if (at < 0 && h) {
    const lower = t.toLowerCase();
    // a case-insensitive find only where lower-casing keeps every offset
    if (lower.length === t.length) at = lower.indexOf(h.toLowerCase());
  }
  const pieces = at >= 0 ? [t.slice(0, at), t.slice(at + h.length)] : titleParts(t).parts;
  const head = norm(h);
  const out: string[] = [];
  for (const piece of pieces) {
    const p = piece.replace(PIECE_EDGE_RE, '');
    if (HAS_WORD.test(p) && !head.includes(norm(p))) out.push(p);
  }
  return out;
}

export interface TitleInfo {
  title: string;
  h1: string;
  siteName: string;
  slogan: string;
  /** the header logo's text, "" when none */
  logo: string;
}

/** Names of containers whose h1 is the site's logo/name rather than the headline. */
const SITE_H1_NAMES = /logo|site-title|site-name|sitename|site_name|blog-title|blogtitle|brand|masthead|site-header|siteheader|branding/;
const HAS_WORD = /[\p{L}\p{N}]/u;

/** An h1 that is the site's name: inside a logo/branding container, or a <header> h1 that links home / holds an image. */
function isSiteH1(w: WalkResult, id: number): boolean {
  const els = w.els;
  let inHeader = false;
  for (let cur = id, k = 0; cur > 0 && k < 8; k++, cur = els[cur].parent) {
    const e = els[cur];
    if (SITE_H1_NAMES.test(e.names)) return true;
    if (e.tag === 'article' || e.tag === 'main') return false;
    if (e.tag === 'header') inHeader = true;
  }
  return inHeader && hasImgOrHomeLink(w, id);
}

/** Same text, or one contains the other and covers most of it. */
function similar(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return long.includes(short) && short.length >= 0.6 * long.length;
}

export function pickTitle(w: WalkResult, url?: string): TitleInfo {
  const els = w.els;
  const h1s: { text: string; el: number }[] = [];
  for (const { el } of w.h1s) {
    if (h1s.length === MAX_H1S) break;
    if (els[el].hidden) continue;
    const text = subtreeText(w, el, false, MAX_H1_CHARS);
    if (HAS_WORD.test(text)) h1s.push({ text, el });
  }
  const host = url ? (/^\s*https?:\/\/([^/?#:]+)/i.exec(url)?.[1] ?? '') : '';
  const hostWords = host.toLowerCase().replace(/^www\./, '');
  // the most distinctive host label ("damianduchamps" in damianduchamps.wordpress.com)
  const hostLabel = hostWords
    .split('.')
    .slice(0, -1)
    .filter((l) => !/^(www|m|blog|blogs|news|wordpress|blogspot|com|co|net|org|de|uk)$/.test(l))
    .reduce((a, b) => (b.length > a.length ? b : a), '')
    .replace(/[^a-z0-9]/g, '');
  const logo = findLogo(els);
  const logoRaw = logo >= 0 ? subtreeText(w, logo, true) : '';
  const logoText = /logo/i.test(logoRaw) || logoRaw.length > MAX_SLOGAN_LEN ? '' : logoRaw;
  const siteH1 = h1s.filter((h) => isSiteH1(w, h.el)).map((h) => h.text);
  const siteH1Norms = new Set(siteH1.map(norm));

  const isSitePart = (p: string): boolean => {
    const n = norm(p);
    if (!n) return false;
    if (w.ogSiteName && similar(p, w.ogSiteName)) return true;
    if (logoText && norm(logoText) === n) return true;
    if (siteH1Norms.has(n)) return true;
    const compact = n.replace(/[^\p{L}\p{N}.]/gu, '');
    if (hostWords !== '' && compact.length >= 3 && (hostWords.includes(compact) || compact.includes(hostWords))) return true;
    const letters = n.replace(/[^a-z0-9]/g, '');
    return hostLabel.length >= 4 && letters.length >= 4 && (letters.includes(hostLabel) || hostLabel.includes(letters)) && letters.length <= hostLabel.length * 2;
  };
  const stripped = stripSiteName(w.htmlTitle, w.ogSiteName, isSitePart);
  const articleH1s = h1s.filter((h) => !siteH1.includes(h.text) && !isSitePart(h.text));
  // an article h1 that equals one of the <title>'s prefix/suffix runs (or og:title) is the headline
  const cands = new Set(titleCandidates(w.htmlTitle).map(norm));
  let matched = articleH1s.find((h) => cands.has(norm(h.text)));
  matched ??= articleH1s.find((h) => similar(h.text, stripped.title) || (w.ogTitle && similar(h.text, w.ogTitle)));
  const h1 = matched?.text ?? articleH1s[0]?.text ?? h1s[0]?.text ?? '';
  const headline = stripped.title;
  const rest = stripped.rest;
  let title: string;
  if (matched) {
    // keep a prefix that the <title> shows in front of the h1 (promo prefixes), else the h1 itself
    title = headline.length > h1.length && norm(headline).endsWith(norm(h1)) ? headline : h1;
  } else if (w.ogTitle && HAS_WORD.test(w.ogTitle)) title = stripSiteName(w.ogTitle, w.ogSiteName, isSitePart, false).title;
  else if (HAS_WORD.test(headline)) title = headline;
  else title = h1;

  // site name: og:site_name, else the removed <title> part, else the header logo
  let siteName = w.ogSiteName;
  if (!siteName && rest.length) {
    const part = rest.find((p) => isSitePart(p)) ?? rest[rest.length - 1];
    // "芯片_新浪新闻" left over from a "|" title: the last piece at a weaker separator is the site
    const pieces = part.split(/\s*[_|｜]\s*|\s+[-–—]\s+/).filter((x) => HAS_WORD.test(x));
    siteName = pieces[pieces.length - 1] ?? part;
  }
  if (!siteName) siteName = logoText || siteH1[0] || breadcrumbRoot(w) || '';
  return { title, h1, siteName, slogan: findSlogan(w, logo, siteName), logo: logoText };
}

/** A Chinese breadcrumb line ("你的位置：站名 > 栏目 >"): its first crumb is the site's name. */
const BREADCRUMB_RE = /(?:当前位置|您的位置|你的位置|您现在的位置|你现在的位置|现在的位置|所在位置)\s*[:：]\s*([^>»›→]+?)\s*[>»›→]/u;
/** A first crumb that only links home names no site. */
const HOME_CRUMB_RE = /^(首页|主页|网站首页|返回首页|home|index)$/iu;
/** Only this many text blocks from the top of the page are searched for a breadcrumb. */
export const BREADCRUMB_SCAN_BLOCKS = 60;

/** The site's name as the first crumb of a breadcrumb near the top of the page, '' when there is none. */
export function breadcrumbRoot(w: WalkResult): string {
  const lim = Math.min(w.blocks.length, BREADCRUMB_SCAN_BLOCKS);
  for (let i = 0; i < lim; i++) {
    const b = w.blocks[i];
    if (b.hidden) continue;
    const m = BREADCRUMB_RE.exec(b.text);
    if (!m) continue;
    const root = collapse(m[1]);
    return root.length >= 2 && root.length <= MAX_SLOGAN_LEN && !HOME_CRUMB_RE.test(root) ? root : '';
  }
  return '';
}

function findLogo(els: ElInfo[]): number {
  const lim = Math.min(els.length, HEADER_SCAN_ELEMENTS);
  for (let i = 1; i < lim; i++) {
    const e = els[i];
    if (e.hidden) continue;
    if (/(^|[-_\s])(logo|site-title|site-name|sitename|brand|navbar-brand)([-_\s]|$)/.test(e.names)) return i;
  }
  return -1;
}

function findSlogan(w: WalkResult, logo: number, siteName: string): string {
  const els = w.els;
  const lim = Math.min(els.length, HEADER_SCAN_ELEMENTS);
  const ok = (t: string): boolean => t.length >= 2 && t.length <= MAX_SLOGAN_LEN && norm(t) !== norm(siteName);
  for (let i = 1; i < lim; i++) {
    const e = els[i];
    if (e.hidden) continue;
    if (/slogan|tagline|site-description|site-desc|sitedesc|motto|site-subtitle|subtitle/.test(e.names)) {
      const t = shortSubtreeText(w, i, SLOGAN_MAX_RAW_CHARS);
      if (t !== null && ok(t)) return t;
    }
  }
  if (logo < 0) return '';
  // a short text element right after the logo (a <p>/<span> under it)
  const end = els[logo].end;
  for (let i = end + 1; i < Math.min(els.length, end + 6); i++) {
    const e = els[i];
    if (e.hidden || e.tag === 'a' || e.tag === 'nav' || e.tag === 'ul') break;
    if (['p', 'span', 'h2', 'em', 'div', 'strong'].includes(e.tag) && e.end === e.pre) {
      const t = shortSubtreeText(w, i, SLOGAN_MAX_RAW_CHARS);
      if (t !== null && ok(t)) return t;
    }
  }
  return '';
}
