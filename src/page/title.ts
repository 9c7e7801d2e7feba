// Headline, site name and slogan from <title>, og:title, og:site_name, the h1s and the header logo.
import type { Element, AnyNode } from 'domhandler';
import type { ElInfo, WalkResult } from './walk.js';
import { collapse } from './walk.js';

/** Separators between a headline and the site name in <title>. */
const TITLE_SEP = /\s+[|\-–—·•»:/]\s+|\s*[_|｜·]{1,2}\s*|\s*-{2,}\s*|\s*::\s*|\s*——\s*|\s*－\s*|(?<=[\u3400-\u9fff）)」』！？])-(?=[\u3400-\u9fff（(A-Za-z])|(?<=[\u3400-\u9fff）)」』！？])\s+-\s*|\s*-\s+(?=[\u3400-\u9fff])/;
/** A slogan is at most this many characters. */
export const MAX_SLOGAN_LEN = 60;
/** Only this many elements from the top of the page are searched for a logo / slogan. */
export const HEADER_SCAN_ELEMENTS = 400;

const norm = (s: string): string => collapse(s).toLowerCase();

export function splitTitle(t: string): string[] {
  return t.split(TITLE_SEP).map((p) => p.trim()).filter((p) => p.length > 0);
}

/** The headline part of a <title> (the longest part; site name parts removed). */
export function stripSiteName(t: string, siteName = '', h1 = ''): { title: string; rest: string[] } {
  const parts = splitTitle(t);
  if (parts.length <= 1) return { title: collapse(t), rest: [] };
  const sn = norm(siteName);
  const h = norm(h1);
  let pick = -1;
  if (h) pick = parts.findIndex((p) => norm(p) === h);
  if (pick < 0) {
    let best = -1;
    parts.forEach((p, i) => {
      if (sn && (norm(p) === sn || sn.includes(norm(p)))) return;
      if (p.length > best) {
        best = p.length;
        pick = i;
      }
    });
  }
  if (pick < 0) pick = 0;
  return { title: parts[pick], rest: parts.filter((_, i) => i !== pick) };
}

function textOf(n: AnyNode, altFromImg: boolean): string {
  const out: string[] = [];
  let alt = '';
  const stack: AnyNode[] = [n];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.type === 'text') out.push((x as unknown as { data: string }).data);
    else if (x.type === 'tag') {
      const e = x as Element;
      if (altFromImg && e.name === 'img' && !alt) alt = e.attribs.alt ?? e.attribs.title ?? '';
      for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]);
    }
  }
  const t = collapse(out.join(''));
  return t || collapse(alt);
}

export interface TitleInfo {
  title: string;
  h1: string;
  siteName: string;
  slogan: string;
}

export function pickTitle(w: WalkResult): TitleInfo {
  const els = w.els;
  const h1s = w.h1s.filter((h) => h.text && !els[h.el].hidden);
  const og = w.ogTitle;
  const parts = splitTitle(w.htmlTitle).map(norm);
  // the h1 that matches the <title> (or og:title) best; else the first visible h1
  let h1 = h1s.find((h) => parts.includes(norm(h.text)))?.text ?? h1s.find((h) => norm(w.htmlTitle).includes(norm(h.text)) && h.text.length >= 4)?.text ?? '';
  const h1Matched = h1 !== '';
  if (!h1) h1 = h1s[0]?.text ?? '';
  const stripped = stripSiteName(w.htmlTitle, w.ogSiteName, h1Matched ? h1 : '');
  let title: string;
  if (h1Matched) {
    // keep a prefix that the <title> shows in front of the h1 (promo prefixes), else the h1 itself
    const s = stripped.title;
    title = s.length > h1.length && norm(s).endsWith(norm(h1)) ? s : h1;
  } else if (og) title = stripSiteName(og, w.ogSiteName).title;
  else if (stripped.title) title = stripped.title;
  else title = h1;

  // site name: og:site_name, else the removed <title> part, else the header logo
  let siteName = w.ogSiteName;
  if (!siteName && stripped.rest.length) siteName = stripped.rest[stripped.rest.length - 1];
  const logo = findLogo(els);
  if (!siteName && logo >= 0) siteName = textOf(els[logo].node, true);
  return { title, h1, siteName, slogan: findSlogan(els, logo, siteName) };
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

function findSlogan(els: ElInfo[], logo: number, siteName: string): string {
  const lim = Math.min(els.length, HEADER_SCAN_ELEMENTS);
  const ok = (t: string): boolean => t.length >= 2 && t.length <= MAX_SLOGAN_LEN && norm(t) !== norm(siteName);
  for (let i = 1; i < lim; i++) {
    const e = els[i];
    if (e.hidden) continue;
    if (/slogan|tagline|site-description|site-desc|sitedesc|motto|site-subtitle|subtitle/.test(e.names)) {
      const t = textOf(e.node, false);
      if (ok(t)) return t;
    }
  }
  if (logo < 0) return '';
  // a short text element right after the logo (a <p>/<span> under it)
  const end = els[logo].end;
  for (let i = end + 1; i < Math.min(els.length, end + 6); i++) {
    const e = els[i];
    if (e.hidden || e.tag === 'a' || e.tag === 'nav' || e.tag === 'ul') break;
    if (['p', 'span', 'h2', 'em', 'div', 'strong'].includes(e.tag) && e.end === e.pre) {
      const t = textOf(e.node, false);
      if (ok(t)) return t;
    }
  }
  return '';
}
