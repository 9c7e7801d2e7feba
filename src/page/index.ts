// Page stage: bytes -> decoded HTML -> Page (blocks with visibility, regions, main content, title).
// OWNER: page-stage helper. The signatures below are the stage's contract; keep them.
import type { Page } from './types.js';
export type { Page, Block, Region, HiddenReason, Link } from './types.js';

export interface DecodeOptions {
  /** Content-Type header value when known (may carry charset=) */
  contentType?: string;
}
export interface Decoded {
  html: string;
  /** WHATWG label actually used, lower-case: utf-8, gb18030, big5, shift_jis, euc-kr, windows-1252 ... */
  encoding: string;
}

/** Decode bytes: BOM, then HTTP header charset, then <meta> charset, then sniffing. Strings pass through. */
export function decode(input: Buffer | Uint8Array | string, opts: DecodeOptions = {}): Decoded {
  void opts;
  if (typeof input === 'string') return { html: input, encoding: 'utf-8' };
  return { html: new TextDecoder('utf-8').decode(input), encoding: 'utf-8' };
}

export interface BuildOptions {
  url?: string;
  encoding?: string;
}

/** Parse HTML and build the Page model. Must not throw on malformed, deeply nested or unclosed markup. */
export function buildPage(html: string, opts: BuildOptions = {}): Page {
  void html;
  void opts;
  throw new Error('page stage not implemented yet');
}
