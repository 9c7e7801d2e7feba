// Clean stage: strip the findings' spans out of the title and the article blocks, tidy what the cut leaves
// (doubled spaces, a separator left dangling at the title's edge), and rebuild title, text and article HTML.
import type { Page, Block } from '../page/types.js';
import type { Finding } from '../detect/types.js';

export interface Cleaned {
  cleanTitle: string;
  cleanText: string;
  cleanHtml: string;
}

/** Title separators left at an edge once an affix is cut ("| Headline" -> "Headline"). */
const EDGE_SEP_RE = /^[\s|｜_\-–—:：·•,，]+|[\s|｜_\-–—:：·•,，]+$/gu;
/** A block with nothing but punctuation left after cutting is dropped. */
const EMPTY_RE = /^[\s\p{P}\p{S}]*$/u;

/** Remove [start,end) spans (offsets into page.text) from one block's text. */
export function cutBlock(block: Block, findings: Finding[]): string {
  const spans = findings
    .filter((f) => f.start < block.end && f.end > block.start)
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

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function htmlTag(b: Block): string {
  if (/^h[1-6]$/.test(b.tag)) return b.tag === 'h1' ? 'h2' : b.tag;
  if (b.tag === 'blockquote' || b.tag === 'pre') return b.tag;
  return 'p';
}

export function clean(page: Page, findings: Finding[]): Cleaned {
  const title = page.blocks[0];
  const cleanTitle = title ? cutBlock(title, findings).replace(EDGE_SEP_RE, '') : page.title;
  const paras: { tag: string; text: string }[] = [];
  for (const id of page.mainIds) {
    const b = page.blocks[id];
    const text = cutBlock(b, findings);
    if (EMPTY_RE.test(text)) continue;
    paras.push({ tag: htmlTag(b), text });
  }
  const cleanText = [cleanTitle, ...paras.map((p) => p.text)].join('\n\n');
  const cleanHtml =
    `<article>\n<h1>${esc(cleanTitle)}</h1>\n` + paras.map((p) => `<${p.tag}>${esc(p.text)}</${p.tag}>`).join('\n') + '\n</article>';
  return { cleanTitle, cleanText, cleanHtml };
}
