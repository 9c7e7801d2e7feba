// Registrable-domain approximation without a public-suffix list: last two labels, or three when the
// second-level label is a generic one under a country TLD (co.uk, com.cn, gov.cn, ne.jp ...).

const GENERIC_SLD = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'or', 'ne', 'go', 'gob', 'mil', 'nic', 'ltd', 'plc', 'sch', 'info', 'biz', 'nom', 'gv', 'gouv', 'asso']);

/** Position of the last "." before index i, -1 when none. */
function prevDot(h: string, i: number): number {
  return i <= 0 ? -1 : h.lastIndexOf('.', i - 1);
}

export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(h) || h.includes(':')) return h;
  // the last labels by dot positions (no split/join: this runs for every link)
  const d1 = h.lastIndexOf('.');
  if (d1 < 0) return h;
  const d2 = prevDot(h, d1);
  if (d2 < 0) return h;
  if (h.length - d1 - 1 === 2 && GENERIC_SLD.has(h.slice(d2 + 1, d1))) return h.slice(prevDot(h, d2) + 1);
  return h.slice(d2 + 1);
}

/** Registrable domain of an absolute http(s) URL (or protocol-relative //host), else undefined. */
export function urlDomain(href: string): string | undefined {
  const m = /^\s*(?:https?:)?\/\/([^/?#:\s@]+@)?([^/?#:\s]+)/i.exec(href);
  if (!m) return undefined;
  return registrableDomain(m[2]);
}
