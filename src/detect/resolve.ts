// Overlap resolution: of overlapping scored candidates the strongest wins; a weaker candidate inside the winner
// hands its structural evidence to the winner's report. O(n log n): candidates sorted once, the winners kept as a
// start-sorted list of disjoint spans, each new candidate checked against its one possible neighbour.
import type { RuleHit } from './types.js';
import type { Budget } from '../budget.js';
import { NO_BUDGET } from '../budget.js';
import { lowerBound } from './spans.js';

export interface Scored<C extends { start: number; end: number }> {
  c: C;
  hits: RuleHit[];
  points: number;
}

/**
 * Keep the strongest of overlapping candidates (on a tie the longer span: a two-segment title affix over its first
 * segment), in text order. `sum` recomputes a winner's points once a contained candidate's evidence joins it.
 */
export function resolveOverlaps<C extends { start: number; end: number }>(
  scored: Scored<C>[],
  sum: (hits: RuleHit[]) => number,
  budget: Budget = NO_BUDGET,
): Scored<C>[] {
  const order = [...scored].sort((a, b) => b.points - a.points || b.c.end - b.c.start - (a.c.end - a.c.start) || a.c.start - b.c.start);
  // winners, disjoint, sorted by start: their ends are sorted too, so the only winner that can overlap [s,e) is
  // the last one starting before e
  const taken: { start: number; end: number; x: Scored<C> }[] = [];
  for (const x of order) {
    budget.check('detect:resolve');
    const k = lowerBound(taken, x.c.end) - 1;
    const w = k >= 0 && taken[k].end > x.c.start ? taken[k] : null;
    if (!w) {
      taken.splice(k + 1, 0, { start: x.c.start, end: x.c.end, x });
      continue;
    }
    if (w.start <= x.c.start && w.end >= x.c.end) {
      const winner = w.x;
      let added = false;
      for (const h of x.hits) {
        if (h.rule.startsWith('STRUCT_') && !winner.hits.some((o) => o.rule === h.rule)) {
          winner.hits.push(h);
          added = true;
        }
      }
      if (added) winner.points = sum(winner.hits);
    }
  }
  return taken.map((t) => t.x);
}
