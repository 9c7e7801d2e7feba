// Registrable domains from the public-suffix list (tldts): bbc.co.uk, sina.com.cn, example.com.au. Only ICANN
// suffixes count (github.io is one domain), as links between two blogs of one platform are rare in news pages.
import { getDomain } from 'tldts';

const IP_RE = /^[\d.]+$/;

/** The registrable domain of a host name; IP addresses, single labels and unknown suffixes give the host itself. */
export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (IP_RE.test(h) || h.includes(':')) return h;
  const d = getDomain(h, { extractHostname: false });
  return d && d.charCodeAt(0) !== 46 ? d : h; // an empty label ("a..b") is no domain
}

const URL_HOST_RE = /^\s*(?:https?:)?\/\/([^/?#:\s@]+@)?([^/?#:\s]+)/i;

/**
 * Registrable domain of an absolute http(s) URL (or protocol-relative //host), else undefined. `hosts`: domains
 * by host name already looked up (one page's links share a few hosts); the caller drops it with the page.
 */
export function urlDomain(href: string, hosts?: Map<string, string>): string | undefined {
  const m = URL_HOST_RE.exec(href);
  if (!m) return undefined;
  const host = m[2];
  if (!hosts) return registrableDomain(host);
  let d = hosts.get(host);
  if (d === undefined) hosts.set(host, (d = registrableDomain(host)));
  return d;
}
