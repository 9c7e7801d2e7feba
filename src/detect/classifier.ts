// The unit classifier as a plain function (for the bench and the comparison with natural's BayesClassifier).
import { squash, featureScale, loadModel, type LrHead, type Model } from './model.js';
import { unitScore, unitScoreBound, type ScoreBound } from './features.js';

/** p(spam) of a sentence or block with our hashed n-gram model; null when no model file is there. */
export function classifyText(text: string, model: Model | null = loadModel()): number | null {
  if (!model) return null;
  return unitP(text, model);
}

/** p(spam) of a text by the model's unit head. */
export function unitP(text: string, model: Model): number {
  const { sum, n } = unitScore(text, model.unit.w, model.unit.mask);
  return squash(model.unit, sum, n);
}

/** Slack for the bound's float sums (summed in another order than the exact score). */
const BOUND_EPSILON = 1e-6;

/**
 * Is p(spam) of text at least p0? Answers from the score's upper bound (features.unitScoreBound) when even that
 * stays below p0, as it does for most sentences of a page; otherwise from the exact p. Same answer as unitP >= p0.
 * `folded`: foldText(text), when the caller has it.
 */
export function unitPAtLeast(text: string, model: Model, p0: number, folded?: string): boolean {
  const p = unitPUnlessBelow(text, model, p0, folded);
  return p !== null && p >= p0;
}

/**
 * unitP(text) when the score's upper bound does not already keep p below p0, else null (p < p0): unitPAtLeast's
 * question, with the exact p kept for a caller that asks for it next.
 */
export function unitPUnlessBelow(text: string, model: Model, p0: number, folded?: string): number | null {
  const h = model.unit;
  belowHead = h;
  belowZ = Math.log(p0 / (1 - p0));
  if (below(unitScoreBound(text, h, below, folded))) return null;
  return unitP(text, model);
}

/** The question unitPAtLeast is asking (set before each bound; the bound calls `below` synchronously): no closure per question. */
let belowHead: LrHead | null = null;
let belowZ = 0;
/** Does the bound keep the score below the question's z? */
function below(b: ScoreBound): boolean {
  return belowHead!.bias + b.sum * featureScale(b.sum >= 0 ? b.nMin : b.nMax) + BOUND_EPSILON < belowZ;
}
