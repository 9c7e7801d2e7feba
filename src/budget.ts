// A per-page budget of time that every stage of analyze() polls, so a hostile page ends with a clear
// "over budget" result instead of a hang. Pure: the clock is the only input.

/** Thrown by Budget.check() when the page has used its time; analyze() turns it into an over-budget result. */
export class BudgetExceeded extends Error {
  constructor(
    readonly stage: string,
    readonly limitMs: number,
  ) {
    super(`page over its time budget of ${limitMs} ms (in ${stage})`);
    this.name = 'BudgetExceeded';
  }
}

export interface Budget {
  /** the time allowed, in ms (Infinity: no budget) */
  readonly limitMs: number;
  /** throws BudgetExceeded once the deadline has passed; cheap enough to call per block or per candidate */
  check(stage: string): void;
  /** like check() but reads the clock every time: for the few calls between stages */
  checkNow(stage: string): void;
}

/**
 * Time this thread spent in one-off loads that no page caused (the segmenter's dictionary, built on the first page
 * with Chinese text): every budget's clock leaves it out.
 */
let excludedMs = 0;

/** The clock budgets run on: the thread's time less the one-off loads. */
function budgetClock(): number {
  return performance.now() - excludedMs;
}

/** Run a one-off load whose time counts against no page's budget (not even the page that needed it first). */
export function outsideBudgets<T>(load: () => T): T {
  const t = performance.now();
  try {
    return load();
  } finally {
    excludedMs += performance.now() - t;
  }
}

/** How many check() calls share one clock read: performance.now() costs ~30 ns, a loop step far less. */
const CHECKS_PER_CLOCK_READ = 64;

export function startBudget(limitMs: number): Budget {
  if (!Number.isFinite(limitMs)) return NO_BUDGET;
  const deadline = budgetClock() + limitMs;
  let calls = 0;
  return {
    limitMs,
    check(stage: string) {
      if (++calls % CHECKS_PER_CLOCK_READ !== 0) return;
      if (budgetClock() > deadline) throw new BudgetExceeded(stage, limitMs);
    },
    checkNow(stage: string) {
      if (budgetClock() > deadline) throw new BudgetExceeded(stage, limitMs);
    },
  };
}

/** A budget that never runs out (the default for code that is given none). */
export const NO_BUDGET: Budget = { limitMs: Infinity, check() {}, checkNow() {} };
