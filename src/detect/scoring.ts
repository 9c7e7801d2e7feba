// Points -> score, categories, and the named thresholds of the detector (one place to tune them, on dev only).
import type { Category } from './types.js';
import type { RuleHit } from './types.js';

/** A unit whose total points reach this is injected content (tuned on the dev split: no clean dev page has a candidate this high, and on the 1,337 real clean pages of ../shared/data none reaches it). */
export const REQUIRED_POINTS = 3.5;
/** Width of the logistic that turns points into a 0..1 score (score 0.5 at REQUIRED_POINTS). */
export const SCORE_SCALE = 1.5;
/**
 * The classifier's vote in points: MODEL_WEIGHT * logit(p), clipped to [MODEL_MIN_POINTS, MODEL_MAX_POINTS].
 * Asymmetric on purpose: a confident spam vote is strong evidence, but a low p on wording the model never saw is
 * weak evidence of ham (measured on dev: held-out spam wording gets p near 0), so it may only pull down a little.
 */
export const MODEL_WEIGHT = 1;
export const MODEL_MAX_POINTS = 5;
export const MODEL_MIN_POINTS = -1.5;
/** Ham rules (negative points) in one unit add up to at most this much. */
export const MAX_HAM_POINTS = -6;
/** The same lexicon rule firing again in one unit adds this share of its points each time, up to MAX_REPEATS. */
export const REPEAT_SHARE = 0.25;
export const MAX_REPEATS = 4;

export function scoreOf(points: number, threshold = REQUIRED_POINTS): number {
  return 1 / (1 + Math.exp(-(points - threshold) / SCORE_SCALE));
}

export function modelPoints(p: number): number {
  const eps = 1e-6;
  const q = Math.min(1 - eps, Math.max(eps, p));
  const logit = Math.log(q / (1 - q));
  return Math.max(MODEL_MIN_POINTS, Math.min(MODEL_MAX_POINTS, MODEL_WEIGHT * logit));
}

/** Votes computed by the detector itself (not lexicon rules): never capped. */
export const DETECTOR_VOTES = new Set(['CLASSIFIER', 'ON_TOPIC', 'OFF_TOPIC', 'QUOTED', 'RECURRING', 'SITE_OFF_TOPIC', 'SPAM_ELSEWHERE']);

/**
 * Total points; the ham (negative) lexicon rules together count at most MAX_HAM_POINTS, and the hits that only answer
 * the classifier (`cancels: 'CLASSIFIER'`, a copyright footer) cancel at most its positive vote: never the points of
 * the unit's own words ("© 2020 Jade Lovers | porn tube" keeps its porn rule's points).
 */
export function sumPoints(hits: RuleHit[]): number {
  let total = 0;
  let ham = 0;
  let model = 0;
  let against = 0;
  for (const h of hits) {
    if (h.cancels === 'CLASSIFIER') against += h.points;
    else if (h.points < 0 && !DETECTOR_VOTES.has(h.rule)) ham += h.points;
    else {
      total += h.points;
      if (h.rule === 'CLASSIFIER' && h.points > 0) model += h.points;
    }
  }
  return total + Math.max(MAX_HAM_POINTS, ham) + Math.max(against, -model);
}

/** The hits as they count in sumPoints: a hit that cancels the classifier shows the points it cancelled. */
export function countedHits(hits: RuleHit[]): RuleHit[] {
  if (!hits.some((h) => h.cancels === 'CLASSIFIER')) return hits;
  let left = hits.reduce((n, h) => (h.rule === 'CLASSIFIER' && h.points > 0 ? n + h.points : n), 0);
  return hits.map((h) => {
    if (h.cancels !== 'CLASSIFIER') return h;
    const points = Math.max(h.points, -left);
    left += points;
    return { ...h, points };
  });
}

/** The category with most positive points among the hits; fallback when none carries one. */
export function pickCategory(votes: Map<Category, number>, fallback: Category): Category {
  let best: Category = fallback;
  let bestPts = 0;
  for (const [c, p] of votes) {
    if (p > bestPts) {
      best = c;
      bestPts = p;
    }
  }
  return best;
}
