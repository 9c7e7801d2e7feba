// Parasite pages: a page that is itself spam (a casino blog or an online-casino explainer planted on a hacked or
// expired domain, a keyword tag page), not a news page with spam spliced into it. Nothing in such a page is the
// article's own, so no unit stands out against the rest: the page as a whole is judged, on strong evidence only,
// because a news story about the same topic (a crackdown, a casino's results, a lottery ban) looks alike by topic.
import type { PageCtx } from './context.js';
import type { Category, RuleHit } from './types.js';

/** Topics a page can be a parasite of: the spam verticals, not the generic shapes (promo, keywords, link farms). */
export const PARASITE_TOPICS: ReadonlySet<Category> = new Set<Category>([
  'gambling',
  'adult',
  'pharma',
  'margin-lending',
  'loans',
  'replica-goods',
  'fake-documents',
  'game-servers',
]);
/** A sentence of the page's prose has this many non-space characters (shorter: a label, a date line, a button). */
export const PARASITE_MIN_SENTENCE_CHARS = 12;
/** The page has at least this many prose sentences: a few lines are too little to judge a page by. */
export const PARASITE_MIN_SENTENCES = 4;
/**
 * This share of the prose sentences carries the headline's spam topic. Measured on the spam-pages dev split:
 * parasite pages 0.45–0.90; the 1,336 clean shared pages all stay under 0.3 for every topic; clean stories about
 * the topic reach 0.9 too, which is why the two checks below are needed as well.
 */
export const PARASITE_MIN_TOPIC_SHARE = 0.4;
/**
 * The classifier's mean p(spam) over the prose sentences. Measured on the dev split: parasite pages 0.34–0.54;
 * clean stories about the topic whose headline names it and that have no reporting sentence 0.01–0.16.
 */
export const PARASITE_MIN_MEAN_P = 0.3;
/**
 * A page whose prose the classifier reads as spam this strongly on average needs only PARASITE_STORY_TOPIC_SHARE of
 * its sentences on the topic: a story told to sell (a slot win narrated in a warung, "Scatter hitam muncul lagi")
 * names the game in a few sentences and tells the rest. Measured on the spam-pages dev split: that page 0.50 at a
 * topic share of 0.20; the clean pages about the topic that reach this check 0.01-0.16; of the 1,336 clean shared
 * pages one reaches it, at 0.00.
 */
export const PARASITE_STORY_MEAN_P = 0.45;
/** The topic share a page needs when its prose reaches PARASITE_STORY_MEAN_P (see there). */
export const PARASITE_STORY_TOPIC_SHARE = 0.15;
/** Points of the page verdict: above the finding threshold on its own, since all three checks are spam evidence. */
export const PARASITE_POINTS = 5;

export interface ParasiteVerdict {
  category: Category;
  hit: RuleHit;
}

/**
 * Is the page itself spam: its headline names a spam topic, most of its prose is about that topic, none of its
 * sentences reports on it (sources, police, courts, regulators: the ham rules), and the classifier finds the prose
 * spam-like on average. `p` is the classifier's p(spam) of a text; it runs only when the other checks pass.
 */
export function parasitePage(ctx: PageCtx, p: (text: string) => number): ParasiteVerdict | null {
  const titleCats = new Set<Category>();
  for (const m of ctx.blocks[0]?.matches ?? []) if (m.rule.score > 0 && PARASITE_TOPICS.has(m.rule.category)) titleCats.add(m.rule.category);
  if (titleCats.size === 0) return null;
  const text = ctx.page.text;
  const prose = ctx.mainSentences.filter((s) => text.slice(s.span.start, s.span.end).replace(/\s+/g, '').length >= PARASITE_MIN_SENTENCE_CHARS);
  if (prose.length < PARASITE_MIN_SENTENCES) return null;
  // a sentence that reports (a source, the police, a court, a regulator) makes the page a story about the topic
  if (prose.some((s) => s.ham)) return null;
  let best: Category | null = null;
  let topical = 0;
  for (const c of titleCats) {
    const n = prose.filter((s) => s.cats.has(c)).length;
    if (n > topical) [best, topical] = [c, n];
  }
  if (!best) return null;
  const share = topical / prose.length;
  if (share < PARASITE_STORY_TOPIC_SHARE) return null;
  let sum = 0;
  for (const s of prose) sum += p(text.slice(s.span.start, s.span.end));
  const meanP = sum / prose.length;
  if (meanP < (share >= PARASITE_MIN_TOPIC_SHARE ? PARASITE_MIN_MEAN_P : PARASITE_STORY_MEAN_P)) return null;
  return {
    category: best,
    hit: {
      rule: 'PARASITE_PAGE',
      points: PARASITE_POINTS,
      description: `the page itself is ${best} content: its headline names it, ${topical} of ${prose.length} sentences are about it, none reports on it, mean p(spam) ${meanP.toFixed(2)}`,
      evidence: ctx.blocks[0].block.text.slice(0, 80),
    },
  };
}
