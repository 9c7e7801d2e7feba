import { z } from 'zod';

/** Why a block is not visible to a reader. null = visible. */
export const HiddenReason = z.enum([
  'display-none',
  'visibility-hidden',
  'hidden-attr',
  'font-size-zero',
  'opacity-zero',
  'offscreen',
  'zero-size',
  'same-color',
  'stylesheet', // hidden by a class/id rule in the page's own <style>
]);
export type HiddenReason = z.infer<typeof HiddenReason>;

/** Where a block sits in the page, as the detector and the report see it. */
export const Region = z.enum(['title', 'body', 'hidden', 'boilerplate']);
export type Region = z.infer<typeof Region>;

export const Link = z.object({ href: z.string(), text: z.string(), offsite: z.boolean() });
export type Link = z.infer<typeof Link>;

/**
 * A text block: the visible (or hidden) text of one block-level element that holds text directly
 * (p, li, h1-h6, td, a text-bearing div ...). Block 0 is always the synthetic title block; the parts of the <title>
 * that the headline leaves out follow the page's blocks as blocks of region 'title' (path 'head>title').
 */
export const Block = z.object({
  id: z.number().int(),
  /** CSS-like DOM path, e.g. "html>body>div#main>p:nth-child(3)"; "" for the title block */
  path: z.string(),
  tag: z.string(),
  /** whitespace-collapsed text as a reader sees it (original characters, not normalized) */
  text: z.string(),
  region: Region,
  /** set when the block (or an ancestor) is hidden; legit hidden UI is still marked hidden here */
  hidden: HiddenReason.nullable(),
  /** true when the hidden element looks like legit UI (menu, tab, cookie banner, sr-only, dropdown) */
  hiddenUi: z.boolean(),
  heading: z.boolean(),
  /** links inside the block */
  links: z.array(Link),
  /** characters of text that sit inside <a> */
  linkChars: z.number().int(),
  /** start offset of this block's text in Page.text */
  start: z.number().int(),
  end: z.number().int(),
});
export type Block = z.infer<typeof Block>;

export const Page = z.object({
  url: z.string().optional(),
  /** charset used to decode the bytes, lower-case WHATWG label (e.g. "utf-8", "gb18030") */
  encoding: z.string(),
  /** the page's displayed headline: og:title / h1 / <title>, site name removed */
  title: z.string(),
  /** raw <title> text */
  htmlTitle: z.string(),
  h1: z.string(),
  ogTitle: z.string(),
  siteName: z.string(),
  /** site slogan or tagline near the logo/header, "" when none */
  slogan: z.string(),
  /** text of the header logo element (the site's name as its header shows it), "" when none */
  logo: z.string(),
  /** lang attribute or detected later; may be "" */
  declaredLang: z.string(),
  blocks: z.array(Block),
  /** ids of the blocks that form the main article, in reading order (never includes block 0) */
  mainIds: z.array(z.number().int()),
  /** all block texts joined with "\n" (block.start/end point into it); block 0 = title */
  text: z.string(),
});
export type Page = z.infer<typeof Page>;
