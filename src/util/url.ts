// Where an absolute http(s) or protocol-relative link's host starts and its authority ends, read by a char scan: the page and detect stages
// read the host of every link of a page, where a regex and its match array per link cost more than the scan. And
// whether an input given as a URL (a batch's, a URL list's line) is one to fetch.
import { isSpace } from './chars.js';

const SLASH = 0x2f;
const QUESTION = 0x3f;
const HASH = 0x23;

/** A char that ends a link's authority (user info, host and port): / ? # or white space. */
export function endsAuthority(c: number): boolean {
  return c === SLASH || c === QUESTION || c === HASH || isSpace(c);
}

/** Does s hold the ASCII text w (lower case) at i, its letters in any case (as a case-insensitive regex reads it)? */
export function hasAsciiAt(s: string, i: number, w: string): boolean {
  if (i + w.length > s.length) return false;
  for (let k = 0; k < w.length; k++) {
    const c = s.charCodeAt(i + k);
    if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== w.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * The index after the '//' that the regex /^\s*(?:https?:)?\/\// matches at the start of href (white space, an
 * optional http: or https: in any case, then //), else -1.
 */
export function hostStart(href: string): number {
  const n = href.length;
  let i = 0;
  while (i < n && isSpace(href.charCodeAt(i))) i++;
  if (hasAsciiAt(href, i, 'https:')) i += 6;
  else if (hasAsciiAt(href, i, 'http:')) i += 5;
  return href.charCodeAt(i) === SLASH && href.charCodeAt(i + 1) === SLASH ? i + 2 : -1;
}

/** Why a URL given to be fetched is no http(s) URL, or null when it is one (batch URLs, lines of URL lists). */
export function badUrl(text: string): string | null {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return 'not a valid URL';
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? null : 'not an http(s) URL';
}

/** text when it is an http(s) URL, else undefined: a WARC record's target URI as page context for analyze(). */
export function httpUrlOrNone(text: string | undefined): string | undefined {
  return text && badUrl(text) === null ? text : undefined;
}
