import { z } from 'zod';
import { Category, InjectionKind } from '../types.js';
import { Region } from '../../page/types.js';

export const RuleLang = z.enum(['zh', 'ja', 'en', 'id', 'any']);

/** Structural checks implemented in code (src/detect/structural.ts); a structural rule names one. */
export const StructuralCheck = z.enum([
  'title-affix', // title prefix/suffix not supported by the article
  'numbered-promo-line', // standalone "1. 富途证券:..." line between article paragraphs
  'link-block', // 友情链接 / blogroll: block of links, mostly off-site
  'link-farm', // many off-site links with keyword anchors, often hidden
  'keyword-stuffing', // paragraph of stacked keywords, few function words, repeated terms
  'repeated-phrase', // phrase in both title and body that the article does not use otherwise
  'hidden-text', // hidden block carrying text or links (not legit UI)
  'site-branding', // spam site name/slogan around the article
  'spam-link-hosts', // off-site links whose host names look like spam domains (digits, throwaway TLDs, keywords)
  'language-mismatch', // a short standalone paragraph in another language than the article
  'script-splice', // a run of Chinese or Japanese spliced into a sentence of Latin letters
  'case-splice', // a run of capitalised words spliced into a sentence of a page that carries spam elsewhere
  'spliced-anchor', // an off-site link dropped into a sentence of the article, its anchor a few words
  'hidden-link-list', // hidden links to several other sites under anchors that do not name them
]);
export type StructuralCheck = z.infer<typeof StructuralCheck>;

const Examples = z.object({
  /** texts (or, for structural rules, HTML documents) on which the rule MUST fire */
  positive: z.array(z.string()).min(1),
  /** texts on which the rule must NOT fire */
  negative: z.array(z.string()).min(1),
});

const Base = z.object({
  id: z.string().regex(/^[A-Z][A-Z0-9_]{2,63}$/, 'rule ids are UPPER_SNAKE_CASE, 3-64 chars'),
  description: z.string().min(10),
  category: Category,
  /**
   * points added to the unit's total when the rule fires; negative = ham evidence (e.g. news context). Shipped rules
   * take it from rules/scores.yaml (one scores file for every symbol); a folder without one may give it here.
   * Unset (NaN) until the loader resolves it.
   */
  score: z.number().min(-10).max(10).optional().transform((v) => v ?? Number.NaN),
  lang: z.array(RuleLang).default(['any']),
  /** restrict the rule to these regions; default all */
  where: z.array(Region).optional(),
  /** the injection kind this rule is evidence of, when it is specific */
  injection: InjectionKind.optional(),
  /**
   * commercial wording (contact handles, offers, calls to action, sign-up and download plugs): the article's own
   * topic never excuses it (no ON_TOPIC discount on a unit that carries it)
   */
  commercial: z.boolean().optional(),
  /**
   * ham evidence against the classifier's vote only (a shape it mistakes for spam, such as a copyright footer): the
   * rule's negative points cancel at most the classifier's positive points, never those of the unit's own words
   */
  cancelsClassifier: z.boolean().optional(),
  examples: Examples,
});

export const LexiconRule = Base.extend({
  kind: z.literal('lexicon'),
  /** matched on folded text (NFKC, lower-case, zero-width removed); latin terms match on word boundaries */
  terms: z.array(z.string().min(1)).min(1),
  /**
   * brand names: a CJK term of at least FUZZY_MIN_CHARS also matches written with one character swapped, added or
   * dropped (a homophone or look-alike that dodges filters: 澳门新新浦京 for 澳门新葡京)
   */
  fuzzy: z.boolean().optional(),
});
export const RegexRule = Base.extend({
  kind: z.literal('regex'),
  /** JavaScript regex source, matched on folded text */
  pattern: z.string().min(1),
  flags: z.string().regex(/^[imsu]*$/).default('u'),
  /**
   * optional cheap regex (same flags) that must match somewhere in the folded text before pattern runs;
   * keeps slow patterns (e.g. ones that start with a character class) off texts that cannot match
   */
  prefilter: z.string().min(1).optional(),
});
const count = z.number().int().min(0);
const share = z.number().min(0).max(1);
const points = z.number().min(0);

/**
 * Each structural check's thresholds, typed by its own schema: the rule file gives every one of them (there is no
 * second copy of the values in code), and a missing, misspelt or out-of-range key is a lint error.
 */
export const CheckParams = {
  'title-affix': z.strictObject({ minAffixChars: count, maxAffixChars: count, maxBodyUses: count }),
  'numbered-promo-line': z.strictObject({ maxLineChars: count, maxListLength: count }),
  'link-block': z.strictObject({ minLinks: count, minOffsiteShare: share, minLinkTextShare: share }),
  'link-farm': z.strictObject({ minLinks: count, minKeywordAnchorShare: share }),
  'keyword-stuffing': z.strictObject({ minChars: count, maxFunctionWordShare: share, minSpamTerms: count }),
  'repeated-phrase': z.strictObject({ minPhraseChars: count, maxOtherUses: count }),
  'hidden-text': z.strictObject({ minChars: count, minSpamPoints: points }),
  'site-branding': z.strictObject({ maxChars: count, minSpamPoints: points }),
  'spam-link-hosts': z.strictObject({ minLinks: count, minShare: share }),
  'language-mismatch': z.strictObject({ minChars: count, maxChars: count }),
  'script-splice': z.strictObject({ minRunChars: count }),
  'case-splice': z.strictObject({ minCapWords: count }),
  'spliced-anchor': z.strictObject({ maxAnchorWords: count }),
  'hidden-link-list': z.strictObject({ minLinks: count, minDomains: count }),
} satisfies Record<StructuralCheck, z.ZodType>;
export type CheckParams = { [K in StructuralCheck]: z.infer<(typeof CheckParams)[K]> };

export const StructuralRule = Base.extend({
  kind: z.literal('structural'),
  check: StructuralCheck,
  /** thresholds for the check, validated by the check's own schema (CheckParams) */
  params: z.record(z.string(), z.number()),
}).superRefine((r, ctx) => {
  const res = CheckParams[r.check].safeParse(r.params);
  if (!res.success) {
    for (const issue of res.error.issues) {
      ctx.addIssue({ code: 'custom', path: ['params', ...issue.path.map(String)], message: `${r.check}: ${issue.message}` });
    }
  }
});

export const Rule = z.discriminatedUnion('kind', [LexiconRule, RegexRule, StructuralRule]);
export type Rule = z.infer<typeof Rule>;

export const RuleFile = z.object({ rules: z.array(Rule).min(1) });

/** The file, inside the rules folder, that holds the score of every rule (SpamAssassin's 50_scores.cf). */
export const SCORES_FILE = 'scores.yaml';
export const ScoresFile = z.strictObject({ scores: z.record(z.string().regex(/^[A-Z][A-Z0-9_]{2,63}$/), z.number().min(-10).max(10)) });
export type RuleFile = z.infer<typeof RuleFile>;
