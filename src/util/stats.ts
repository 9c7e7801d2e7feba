// Confidence intervals for rates (reports, the rules page).

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Rate {
  /** successes / trials (0 when trials is 0) */
  rate: number;
  /** Wilson score interval bounds */
  low: number;
  high: number;
}

/** Wilson score interval for k successes in n trials (well-behaved at 0, n and small n, unlike the Wald interval). */
export function wilson(k: number, n: number, z = Z95): Rate {
  if (n <= 0) return { rate: 0, low: 0, high: 0 };
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  return { rate: r(p), low: r(Math.max(0, centre - half)), high: r(Math.min(1, centre + half)) };
}
