// Words of the page's texts, segmented once per page: the keyword-stuffing check, the classifier's word count and
// the off-topic vote all ask for the words of the same (sometimes very long) block.
import { segment } from '../text/index.js';
import type { Token } from '../text/types.js';

/** Texts shorter than this are segmented afresh (cheap, and too many to be worth keeping). */
const MIN_CACHED_CHARS = 256;

export class PageWords {
  private readonly cache = new Map<string, Token[]>();

  /** segment(text.toLowerCase()), memoised for long texts for the life of one page. */
  lower(text: string): Token[] {
    if (text.length < MIN_CACHED_CHARS) return segment(text.toLowerCase());
    let t = this.cache.get(text);
    if (!t) this.cache.set(text, (t = segment(text.toLowerCase())));
    return t;
  }
}
