// A text the shipped classifier reads inside a band of p, for tests of a bar between two others: the first of several
// candidates (a retrained model moves each p by a few hundredths; the band, not one text's p, is what a check needs).
import { expect } from 'vitest';
import { unitP } from '../../src/detect/classifier.js';
import { loadModel } from '../../src/detect/model.js';

/** The first of `texts` whose p is in [lo, hi); fails the test, naming the band, when none is. */
export function firstInBand(texts: string[], lo: number, hi: number, band: string): string {
  const model = loadModel()!;
  const found = texts.find((t) => {
    const p = unitP(t, model);
    return p >= lo && p < hi;
  });
  expect(found, `a text in ${band}`).toBeDefined();
  return found!;
}
