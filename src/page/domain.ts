// Registrable-domain approximation without a public-suffix list: last two labels, or three when the
// second-level label is a generic one under a country TLD (co.uk, com.cn, gov.cn, ne.jp ...).

const GENERIC_SLD = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'or', 'ne', 'go', 'gob', 'mil', 'nic', 'ltd', 'plc', 'sch', 'info', 'biz', 'nom', 'gv', 'gouv', 'asso']);

export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(h) || h.includes(':')) return h;
  const parts = h.split('.');
  if (parts.length <= 2) return h;
  const tld = parts[parts.length - 1];
  const sld = parts[parts.length - 2];
  if (tld.length === 2 && GENERIC_SLD.has(sld)) return parts.slice(-3).join('.');
  return parts.slice(-2).join('.');
}

/** Registrable domain of an absolute http(s) URL (or protocol-relative //host), else undefined. */
export function urlDomain(href: string): string | undefined {
  const m = /^\s*(?:https?:)?\/\/([^/?#:\s@]+@)?([^/?#:\s]+)/i.exec(href);
  if (!m) return undefined;
  return registrableDomain(m[2]);
}
