// Clean stage: strip the findings' spans out of the title and the article blocks, tidy what the cut leaves
// (doubled spaces, a separator left dangling at the title's edge), and rebuild title, text and article HTML.
import type { Page, Block } from '../page/types.js';
import type { Finding } from '../detect/types.js';
import { SpanSet } from '../detect/spans.js';
import { escapeHtml as esc } from '../util/html.js';

export interface Cleaned {
  cleanTitle: string;
  cleanText: string;
  cleanHtml: string;
}

/** Title separators left at an edge once an affix is cut ("| Headline" -> "Headline"). */
const EDGE_SEP_RE = /^[\s|｜_\-–—:：·•,，]+|[\s|｜_\-–—:：·•,，]+$/gu;
/** One code point that is whitespace, punctuation or a symbol (a block of only these is dropped). */
const FILLER_RE = /[\s\p{P}\p{S}]/u;

/** Per BMP character: 0 not yet known, 1 filler, 2 content. */
const BMP_FILLER = new Uint8Array(0x10000);

/**
 * Nothing but whitespace, punctuation and symbols: a loop over code points, since a whole-string regex
 * (/^[\s\p{P}\p{S}]*$/u) recurses per character in V8 and overflows the stack on a few million of them.
 */
export function isEmptyText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      // ASCII: letters, digits and control characters are content; the rest is punctuation, symbol or space
      if ((c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122)) return false;
      if ((c < 32 && !(c >= 9 && c <= 13)) || c === 127) return false;
      continue;
    }
    if (c < 0xd800 || c > 0xdfff) {
      let k = BMP_FILLER[c];
      if (k === 0) BMP_FILLER[c] = k = FILLER_RE.test(String.fromCharCode(c)) ? 1 : 2;
      if (k === 2) return false;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (!FILLER_RE.test(String.fromCodePoint(cp))) return false;
  }
  return true;
}

/**
 * Remove [start,end) spans (offsets into page.text) from one block's text. The findings as a SpanSet: each block asks
 * for the ones over it alone (a page of thousands of blocks and findings would otherwise filter all for each).
 */
export function cutBlock(block: Block, findings: SpanSet<Finding>): string {
  const spans = findings
    .overlapping(block.start, block.end)
    .map((f) => ({ s: Math.max(f.start, block.start) - block.start, e: Math.min(f.end, block.end) - block.start }))
    .sort((a, b) => a.s - b.s);
  if (spans.length === 0) return block.text;
  let out = '';
  let at = 0;
  for (const { s, e } of spans) {
    if (s > at) out += block.text.slice(at, s);
    at = Math.max(at, e);
  }
  out += block.text.slice(at);
  // a cut between two Latin words leaves two spaces; a cut at a sentence start leaves a leading space
  return out.replace(/[ \t\u3000]{2,}/g, ' ').replace(/ ([,.;:!?，。；：！？、])/g, '$1').trim();
}


function htmlTag(b: Block): string {
  if (/^h[1-6]$/.test(b.tag)) return b.tag === 'h1' ? 'h2' : b.tag;
  if (b.tag === 'blockquote' || b.tag === 'pre') return b.tag;
  return 'p';
}

export function clean(page: Page, all: Finding[]): Cleaned {
  const findings = new SpanSet(all);
  const title = page.blocks[0];
  let cleanTitle = title ? cutBlock(title, findings).replace(EDGE_SEP_RE, '') : page.title;
  // a headline that was spam as a whole ("万丰国际娱乐-…_ZALMAN" over a hacked home page) leaves the page the rest
  // of its <title> (the region-title blocks after the page's blocks), not an empty title
  if (title && isEmptyText(cleanTitle)) {
    for (const b of page.blocks) {
      if (b.id === 0 || b.region !== 'title') continue;
      const rest = cutBlock(b, findings).replace(EDGE_SEP_RE, '');
      if (!isEmptyText(rest)) {
        cleanTitle = rest;
        break;
      }
    }
  }
  const paras: { tag: string; text: string }[] = [];
  for (const id of page.mainIds) {
    const b = page.blocks[id];
    const text = cutBlock(b, findings);
    if (isEmptyText(text)) continue;
    paras.push({ tag: htmlTag(b), text });
  }
  const cleanText = [cleanTitle, ...paras.map((p) => p.text)].join('\n\n');
  const cleanHtml =
    `<article>\n<h1>${esc(cleanTitle)}</h1>\n` + paras.map((p) => `<${p.tag}>${esc(p.text)}</${p.tag}>`).join('\n') + '\n</article>';
  return { cleanTitle, cleanText, cleanHtml };
}
