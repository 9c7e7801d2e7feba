import { z } from 'zod';
import { Region } from '../page/types.js';

export const Category = z.enum([
  'margin-lending', // 配资, stock/futures margin promotion
  'gambling', // 博彩, casino, slot gacor, lottery
  'fake-documents', // 发票, 办证, fake diplomas/IDs
  'loans', // 贷款, payday loans
  'pharma', // viagra, cialis, 代孕, prescription drugs without prescription
  'replica-goods', // スーパーコピー, replica watches, 高仿
  'adult', // escort, porn, 成人
  'link-farm', // hidden or visible blocks of off-site keyword links, 友情链接
  'seo-keywords', // keyword stuffing of generic search terms, site name/slogan of a spam site
  'promo', // other commercial promotion spliced into an article (numbered promo lines, app plugs)
  'game-servers', // 私服, game gold
]);
export type Category = z.infer<typeof Category>;

/** The injection shape a finding has (what a researcher counts; also the corpus' injection kinds). */
export const InjectionKind = z.enum([
  'title-affix', // promo phrase prepended/appended to the headline
  'spliced-phrase', // phrase spliced into a real sentence
  'promo-line', // standalone promo paragraph / numbered promo line between paragraphs
  'link-block', // 友情链接 / blogroll of off-site links
  'hidden-block', // hidden text or links (display:none, off-screen, zero font ...)
  'keyword-stuffing', // paragraph of stacked search keywords
  'site-branding', // spam site's own name / slogan around the article
]);
export type InjectionKind = z.infer<typeof InjectionKind>;

/**
 * The kind a finding has: an injection shape, or the page verdict that the page itself is spam (a parasite page
 * planted on a hacked or expired domain: each of its blocks is a finding of this kind). Not an injection shape:
 * nothing is injected into an article there.
 */
export const FindingKind = z.enum([...InjectionKind.options, 'parasite-page']);
export type FindingKind = z.infer<typeof FindingKind>;

/** One rule's contribution to a finding, SpamAssassin-style. */
export const RuleHit = z.object({
  rule: z.string(),
  points: z.number(),
  description: z.string(),
  /** the matched text (evidence) */
  evidence: z.string(),
  /** ham evidence against the classifier's vote only: it cancels at most the classifier's positive points */
  cancels: z.literal('CLASSIFIER').optional(),
});
export type RuleHit = z.infer<typeof RuleHit>;

export const Finding = z.object({
  /** exact original text removed */
  text: z.string(),
  /** offsets into AnalyzeResult.text (Page.text); block 0 (the title) comes first */
  start: z.number().int(),
  end: z.number().int(),
  blockId: z.number().int(),
  path: z.string(),
  where: Region,
  category: Category,
  kind: FindingKind,
  /** 0..1 */
  score: z.number().min(0).max(1),
  /** total points before squashing into score */
  points: z.number(),
  rules: z.array(RuleHit),
});
export type Finding = z.infer<typeof Finding>;
