// Recipe format (corpus/<split>.jsonl, one JSON object a line): a pointer to a real page + the injections to apply.
// Validated with zod when read (recipes cross the file boundary).
import { z } from 'zod';
import { Category, InjectionKind } from '../../src/detect/types.js';
import { Region } from '../../src/page/types.js';

export const Dataset = z.enum(['scrapinghub', 'chinese', 'gne', 'trafilatura']);
export type Dataset = z.infer<typeof Dataset>;

const SpamLang = z.enum(['zh', 'en', 'ja', 'id']);
const LinkSpec = z.object({ text: z.string(), href: z.string() });

export const InjectionSpecSchema = z.object({
  kind: InjectionKind,
  category: Category,
  lang: SpamLang,
  vocab: z.enum(['train', 'heldout']),
  phrase: z.string().optional(),
  position: z.enum(['prefix', 'suffix']).optional(),
  sep: z.string().optional(),
  text: z.string().optional(),
  link: LinkSpec.optional(),
  label: z.string().optional(),
  links: z.array(LinkSpec).optional(),
  place: z.enum(['header', 'body', 'sidebar', 'footer']).optional(),
  method: z.enum(['display-none', 'offscreen', 'font-size-zero', 'text-indent', 'stylesheet']).optional(),
  name: z.string().optional(),
  slogan: z.string().optional(),
  footer: z.string().optional(),
});

/** Gold taken from a REAL injected block already in the page (spam-in-the-wild). */
export const RealSpan = z.object({
  selector: z.string(),
  /** which match: the one with the longest text, or the first */
  pick: z.enum(['longest', 'first']),
  kind: InjectionKind,
  category: Category,
  where: Region,
  lang: z.string(),
});
export type RealSpan = z.infer<typeof RealSpan>;

export const Recipe = z.object({
  id: z.string(),
  site: z.string(),
  /** path relative to ../shared/data */
  source: z.string(),
  dataset: Dataset,
  /** gold key in the dataset: scrapinghub sha, chinese uuid, trafilatura URL */
  key: z.string().optional(),
  lang: z.string(),
  split: z.enum(['train', 'dev', 'test']),
  seed: z.number().int(),
  injections: z.array(InjectionSpecSchema),
  real: z.array(RealSpan).optional(),
  tags: z.array(z.string()).optional(),
});
export type Recipe = z.infer<typeof Recipe>;
