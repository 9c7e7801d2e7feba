// A page hidden whole until its scripts run: a fade-in <body class="fadein">, a "loading" wrapper a script clears, a
// container shown once the page has laid out. A crawler runs no script, so the page as fetched hides its own article;
// what a reader sees is that wrapper shown. Spam hides a block beside a visible article, never the article itself.
import type { HiddenReason } from './types.js';
import type { ElInfo, RawBlock } from './walk.js';
import { proseChars, RETRY_MIN_CHARS } from './main-content.js';

/** A hidden element holding at least this share of the page's text is the page's own wrapper, not a hidden block. */
export const REVEAL_MIN_SHARE = 0.6;
/** ... of text, not of links: a hidden link farm is never shown, however much of the page it is. */
export const REVEAL_MAX_LINK_SHARE = 0.3;
/**
 * ... in this many blocks or more: a page's wrapper holds the page's headings and paragraphs, where a hidden keyword
 * list on a short page is one block however long.
 */
export const REVEAL_MIN_BLOCKS = 3;
/**
 * How a page hides itself until its scripts run. Off-screen boxes, 0-px boxes, 0-px fonts and text coloured like its
 * background are ways to keep text in the page unseen (hidden spam's), not a page waiting to be shown.
 */
const REVEALED_REASONS: ReadonlySet<HiddenReason> = new Set(['display-none', 'visibility-hidden', 'opacity-zero', 'hidden-attr', 'stylesheet']);

/**
 * The hidden elements (walk element ids) to show: each one holds REVEAL_MIN_SHARE of the page's text in
 * REVEAL_MIN_BLOCKS blocks or more, at most REVEAL_MAX_LINK_SHARE of it link text, hidden the way a page hides itself
 * until its scripts run, on a page whose visible blocks hold no article (less prose than main content selection's
 * RETRY_MIN_CHARS).
 */
export function wrappersToShow(els: ElInfo[], blocks: RawBlock[]): Set<number> {
  let total = 0;
  const groups = new Map<number, { chars: number; linkChars: number; blocks: number }>();
  for (const b of blocks) {
    total += b.text.length;
    if (!b.hidden) continue;
    let g = groups.get(b.hiddenRoot);
    if (!g) groups.set(b.hiddenRoot, (g = { chars: 0, linkChars: 0, blocks: 0 }));
    g.chars += b.text.length;
    g.linkChars += b.linkChars;
    g.blocks++;
  }
  const out = new Set<number>();
  for (const [root, g] of groups) {
    if (g.blocks < REVEAL_MIN_BLOCKS || g.chars < REVEAL_MIN_SHARE * total || g.linkChars > REVEAL_MAX_LINK_SHARE * g.chars) continue;
    if (REVEALED_REASONS.has(els[root].hidden!)) out.add(root);
  }
  // the visible blocks' prose is measured only on a page that has such a wrapper (most have none)
  if (out.size === 0) return out;
  let visibleProse = 0;
  for (const b of blocks) {
    if (b.hidden) continue;
    visibleProse += proseChars(b);
    if (visibleProse >= RETRY_MIN_CHARS) return new Set();
  }
  return out;
}
