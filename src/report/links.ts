// Every link target of a link-block or hidden-block finding: the stored page is parsed again and the off-site
// links of every block the finding covers are listed (full URLs, not samples).
import { buildPage, decode } from '../page/index.js';

/** Kinds whose links are the injection itself (a spliced phrase's sentence may link to the article's own site). */
export const LINK_KINDS: ReadonlySet<string> = new Set(['link-block', 'hidden-block']);

export interface FindingLink {
  href: string;
  host: string;
  text: string;
}

/** host of an absolute http(s) URL, www. stripped; '' otherwise. */
export function hostOf(href: string): string {
  try {
    const u = new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase().replace(/^www\./, '') : '';
  } catch {
    return '';
  }
}

/**
 * For each span (start, end into the page text), the off-site links of the blocks it overlaps, in page order.
 * Returns one list per span; empty lists when the page cannot be parsed again.
 */
export function linksOfSpans(html: Buffer, contentType: string | null, url: string | undefined, spans: Array<{ start: number; end: number }>): FindingLink[][] {
  let page;
  try {
    const d = decode(html, { contentType: contentType ?? undefined });
    page = buildPage(d.html, { url, encoding: d.encoding });
  } catch {
    return spans.map(() => []);
  }
  return spans.map(({ start, end }) => {
    const out: FindingLink[] = [];
    const seen = new Set<string>();
    for (const b of page.blocks) {
      if (b.end <= start || b.start >= end) continue;
      for (const l of b.links) {
        if (!l.offsite) continue;
        let href = l.href;
        try {
          href = new URL(l.href, url).href;
        } catch {
          /* keep the href as written */
        }
        if (seen.has(href)) continue;
        seen.add(href);
        out.push({ href, host: hostOf(href), text: l.text.replace(/\s+/g, ' ').trim() });
      }
    }
    return out;
  });
}
