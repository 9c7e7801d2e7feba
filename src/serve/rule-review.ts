// What the rules page shows from the store's per-rule decision counts: the share of confirmed findings with a
// Wilson interval, rules that speak against spam kept apart (a precision means nothing for them), and tuning
// candidates only when the decisions show, beyond chance, that moderators mostly dismiss a rule.
import type { RuleStat, RuleStats } from '../store/review.js';
import { wilson, type Rate as Interval } from '../util/stats.js';

/** Decided findings a rule needs before it can be a tuning candidate (3 decisions prove nothing). */
export const MIN_DECISIONS_FOR_TUNING = 10;
/** A candidate's whole 95% interval of confirmed share lies below this. */
export const TUNING_MAX_SHARE = 0.5;
export interface RuleRow extends Omit<RuleStat, 'precision'> {
  /** share of decided findings confirmed, with its interval; null when none is decided or the rule is negative */
  precision: Interval | null;
}

export interface RuleReview {
  positive: RuleRow[];
  negative: RuleRow[];
  candidates: RuleRow[];
  decisions: number;
  minDecisions: number;
  maxShare: number;
}

export function reviewRules(st: RuleStats): RuleReview {
  const rows: RuleRow[] = st.rules.map((r) => {
    const decided = r.confirmed + r.dismissed;
    return { ...r, precision: r.points >= 0 && decided > 0 ? wilson(r.confirmed, decided) : null };
  });
  const positive = rows.filter((r) => r.points >= 0);
  const negative = rows.filter((r) => r.points < 0);
  const candidates = positive
    .filter((r) => r.confirmed + r.dismissed >= MIN_DECISIONS_FOR_TUNING && r.precision !== null && r.precision.high < TUNING_MAX_SHARE)
    .sort((a, b) => a.precision!.high - b.precision!.high || b.dismissed - a.dismissed);
  return { positive, negative, candidates, decisions: st.decisions, minDecisions: MIN_DECISIONS_FOR_TUNING, maxShare: TUNING_MAX_SHARE };
}
