// The unit classifier as a plain function (for the bench and the comparison with natural's BayesClassifier).
import { predict, loadModel, type Model } from './model.js';
import { unitFeatures } from './features.js';

/** p(spam) of a sentence or block with our hashed n-gram model; null when no model file is there. */
export function classifyText(text: string, model: Model | null = loadModel()): number | null {
  if (!model) return null;
  return predict(model.unit, unitFeatures(text, model.unit.mask));
}
