// Detect stage: rules + structural checks + classifier + consistency -> scored, character-exact findings.
// context (languages, sentences, rule matches: context.ts) -> candidates (detector.ts) -> consistency votes
// (consistency.ts) -> points and the spam-evidence requirement (evidence.ts, scoring.ts) -> overlap resolution
// (resolve.ts) -> findings.
import type { Page } from '../page/types.js';
import type { Category, Finding, FindingKind, RuleHit } from './types.js';
import type { CompiledRules } from './rules/index.js';
import type { Model } from './model.js';
import { scoreOf, sumPoints, countedHits, pickCategory, REQUIRED_POINTS } from './scoring.js';
import { NO_BUDGET, type Budget } from '../budget.js';
import { Generators, spamElsewhereHit, type Cand } from './detector.js';
import { Consistency } from './consistency.js';
import { resolveOverlaps } from './resolve.js';
import { spamEvidence, MIN_SPAM_EVIDENCE } from './evidence.js';
export type { Finding, RuleHit, Category, InjectionKind, FindingKind } from './types.js';
export { isQuoted } from './consistency.js';
export { mainTextLang } from './context.js';

export interface DetectOptions {
  rules: CompiledRules;
  model?: Model | null;
  /** points a unit needs to be a finding; default REQUIRED_POINTS */
  threshold?: number;
  /** the page's time budget, polled per block and per candidate; default none */
  budget?: Budget;
}

const FALLBACK_CATEGORY: Record<FindingKind, Category> = {
  'title-affix': 'seo-keywords',
  'spliced-phrase': 'seo-keywords',
  'promo-line': 'promo',
  'link-block': 'link-farm',
  'hidden-block': 'link-farm',
  'keyword-stuffing': 'seo-keywords',
  'site-branding': 'seo-keywords',
  'parasite-page': 'seo-keywords',
};

/** Rules by id, built once per rule set (the category vote runs for every candidate). */
const ruleIndex = new WeakMap<CompiledRules, Map<string, CompiledRules['rules'][number]>>();
function rulesById(rules: CompiledRules): Map<string, CompiledRules['rules'][number]> {
  let byId = ruleIndex.get(rules);
  if (!byId) ruleIndex.set(rules, (byId = new Map(rules.rules.map((r) => [r.id, r]))));
  return byId;
}

interface Scored {
  c: Cand;
  hits: RuleHit[];
  points: number;
  /** spam evidence of the unit's own (lexicon points, a strong classifier vote) */
  evidence: number;
}

/** A finding needs the threshold AND spam evidence of its own (see detect). */
function isFinding(x: Scored, threshold: number): boolean {
  return x.points >= threshold && x.evidence >= MIN_SPAM_EVIDENCE;
}

/**
 * Every candidate with its points and spam evidence, before the threshold. `voted(evidence)` false: the candidate's
 * consistency votes are not asked and its points are its own hits' (a caller that drops it whatever its points).
 * `findingsOnly`: candidates that cannot have the spam evidence a finding needs may be left out (Generators).
 */
function scoreAll(page: Page, opts: DetectOptions, voted: (evidence: number) => boolean = () => true, findingsOnly = false): { scored: Scored[]; cons: Consistency } {
  const budget = opts.budget ?? NO_BUDGET;
  const byId = rulesById(opts.rules);
  const g = new Generators(page, opts.rules, opts.model ?? null, budget, opts.threshold ?? REQUIRED_POINTS, findingsOnly);
  let cons: Consistency | null = null;
  const votes = (c: Cand) => (cons ??= new Consistency(page, g.ctx, opts.rules, g.spamAffixes, byId, g.words, g.article)).votes(c);
  const phrases = g.titleAffix(votes);
  g.siteBranding();
  g.repeatedPhrases(phrases);
  for (const bc of g.ctx.blocks) g.block(bc);
  g.parasitePage();
  // spam affixes are final once the title is done (the votes above were asked after the last one): reuse
  const consistency = (cons ??= new Consistency(page, g.ctx, opts.rules, g.spamAffixes, byId, g.words, g.article));
  const score = (c: Cand): Scored => {
    budget.check('detect:score');
    const evidence = spamEvidence(c.hits, opts.rules, c.corroborated);
    const hits = voted(evidence) ? [...c.hits, ...consistency.votes(c)] : c.hits;
    return { c, hits, points: sumPoints(hits), evidence };
  };
  const scored = g.cands.map(score);
  // a page whose other units are findings carries spam: its headline's unused parts, title-case runs, runs of
  // another script, header branding and units of a spam shape are asked again, on that evidence
  const threshold = opts.threshold ?? REQUIRED_POINTS;
  let elsewhere: Scored | null = null;
  for (const x of scored) if (x.c.blockId !== 0 && isFinding(x, threshold) && (!elsewhere || x.points > elsewhere.points)) elsewhere = x;
  if (elsewhere) {
    const cut = scored.filter((x) => x.c.blockId === 0 && isFinding(x, threshold)).map((x) => x.c);
    const text = page.text.slice(elsewhere.c.start, elsewhere.c.end).slice(0, 80);
    const missed = scored.filter((x) => !isFinding(x, threshold)).map((x) => x.c);
    const before = g.cands.length;
    g.siteBranding(spamElsewhereHit(text));
    g.siteKeywordAffixes(text, cut);
    g.siteCaseRuns(text);
    g.siteScriptRuns(text);
    g.siteShapedUnits(text, missed);
    for (const c of g.cands.slice(before)) scored.push(score(c));
  }
  return { scored, cons: consistency };
}

/** All candidates with their points, threshold not applied: for tuning on the dev split and for diagnostics. */
export function candidates(
  page: Page,
  opts: DetectOptions,
): { start: number; end: number; kind: FindingKind; points: number; evidence: number; rules: RuleHit[] }[] {
  return scoreAll(page, opts).scored.map(({ c, hits, points, evidence }) => ({ start: c.start, end: c.end, kind: c.kind, points, evidence, rules: countedHits(hits) }));
}

export function detect(page: Page, opts: DetectOptions): Finding[] {
  const threshold = opts.threshold ?? REQUIRED_POINTS;
  // a finding needs the threshold AND spam evidence of its own: structure alone, or with a weak classifier vote,
  // only says where to look. A candidate without the evidence is dropped whatever its points, so the consistency
  // votes (the article's words and prose, gathered on the first vote) are asked only of candidates with it.
  const { scored, cons } = scoreAll(page, opts, (evidence) => evidence >= MIN_SPAM_EVIDENCE, true);
  const kept = resolveOverlaps(
    scored.filter((x) => isFinding(x, threshold)),
    sumPoints,
    opts.budget,
  );
  return kept.map(({ c, hits, points }) => {
    const b = page.blocks[c.blockId];
    return {
      text: page.text.slice(c.start, c.end),
      start: c.start,
      end: c.end,
      blockId: c.blockId,
      path: b.path,
      where: c.kind === 'hidden-block' ? 'hidden' : b.region,
      category: pickCategory(cons.categoryVotes(hits), FALLBACK_CATEGORY[c.kind]),
      kind: c.kind,
      score: scoreOf(points, threshold),
      points,
      rules: countedHits(hits),
    };
  });
}
