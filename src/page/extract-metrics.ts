// Pure extraction metrics, shared by scripts/extract-eval.ts and the tests.

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

function multisetPRF(pred: string[], gold: string[]): PRF {
  if (pred.length === 0 && gold.length === 0) return { precision: 1, recall: 1, f1: 1 };
  if (pred.length === 0 || gold.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const counts = new Map<string, number>();
  for (const t of gold) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of pred) {
    const c = counts.get(t);
    if (c) {
      overlap++;
      counts.set(t, c - 1);
    }
  }
  const precision = overlap / pred.length;
  const recall = overlap / gold.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Token-level P/R/F1 over whitespace-split tokens (multiset overlap), as the Scrapinghub benchmark does. */
export function tokenF1(pred: string, gold: string): PRF {
  const split = (s: string): string[] => s.split(/\s+/).filter((t) => t.length > 0);
  return multisetPRF(split(pred), split(gold));
}

/** Character-level P/R/F1 over the multiset of non-whitespace characters (for Chinese, where words are not spaced). */
export function charF1(pred: string, gold: string): PRF {
  const chars = (s: string): string[] => [...s.replace(/\s+/g, '')];
  return multisetPRF(chars(pred), chars(gold));
}

export function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}
