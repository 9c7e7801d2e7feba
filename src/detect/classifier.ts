// The unit classifier as a plain function (for the bench and the comparison with natural's BayesClassifier).
import { squash, loadModel, type Model } from './model.js';
import { unitScore } from './features.js';

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
