// Registrable domains from the public-suffix list (tldts): bbc.co.uk, sina.com.cn, example.com.au. Only ICANN
// suffixes count (github.io is one domain), as links between two blogs of one platform are rare in news pages.
import { getDomain } from 'tldts';
import { endsAuthority, hostStart } from '../util/url.js';

const IP_RE = /^[\d.]+$/;

/** The registrable domain of a host name; IP addresses, single labels and unknown suffixes give the host itself. */
export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (IP_RE.test(h) || h.includes(':')) return h;
  const d = getDomain(h, { extractHostname: false });
  return d && d.charCodeAt(0) !== 46 ? d : h; // an empty label ("a..b") is no domain
}

const COLON = 0x3a;
const AT = 0x40;

/** A char that ends a URL's host (and its user info, which '@' ends too): the authority's end, or the port's ':'. */
const endsHost = (c: number): boolean => c === COLON || endsAuthority(c);

/**
 * The host of an absolute http(s) URL (or protocol-relative //host), without user info and port, else undefined:
 * what /^\s*(?:https?:)?\/\/([^/?#:\s@]+@)?([^/?#:\s]+)/i captures second, read by a char scan (a regex and its
 * match array per link).
 */
export function urlHost(href: string): string | undefined {
  const at = hostStart(href);
  if (at < 0) return undefined;
  const n = href.length;
  // user info: a run without '@' (nor what ends a host) ended by '@', when a host follows it
  let j = at;
  while (j < n && href.charCodeAt(j) !== AT && !endsHost(href.charCodeAt(j))) j++;
  if (j > at && j < n && href.charCodeAt(j) === AT) {
    const to = hostEnd(href, j + 1);
    if (to > j + 1) return href.slice(j + 1, to);
  }
  const to = hostEnd(href, at);
  return to > at ? href.slice(at, to) : undefined;
}

/** The end of a host that starts at from. */
function hostEnd(href: string, from: number): number {
  let to = from;
  while (to < href.length && !endsHost(href.charCodeAt(to))) to++;
  return to;
}

/**
 * Registrable domain of an absolute http(s) URL (or protocol-relative //host), else undefined. `hosts`: domains
 * by host name already looked up (one page's links share a few hosts); the caller drops it with the page.
 */
export function urlDomain(href: string, hosts?: Map<string, string>): string | undefined {
  const host = urlHost(href);
  if (host === undefined) return undefined;
  if (!hosts) return registrableDomain(host);
  let d = hosts.get(host);
  if (d === undefined) hosts.set(host, (d = registrableDomain(host)));
  return d;
}
