// Bounded producer/consumer for the batch: at most `maxTasks` tasks and `maxBytes` of their inputs in flight;
// the producer awaits room before reading the next input, so memory follows the configuration, not the input.
import pLimit, { type LimitFunction } from 'p-limit';

export class Bounded {
  private readonly limit: LimitFunction;
  private readonly inFlight = new Set<Promise<void>>();
  private bytes = 0;

  /** `maxBytes`: a task bigger than the whole budget still runs, alone. */
  constructor(
    private readonly maxTasks: number,
    private readonly maxBytes = Infinity,
  ) {
    this.limit = pLimit(maxTasks);
  }

  /**
   * Wait for room, then start `task` (its rejection is the task's own business: handle it inside).
   * Resolves once the task is started, with a promise of its end (wrapped: an async function that returned the
   * promise itself would resolve only at the task's end, one task at a time).
   */
  async submit(task: () => Promise<void>, bytes = 0): Promise<{ done: Promise<void> }> {
    while (this.inFlight.size >= this.maxTasks || (this.inFlight.size > 0 && this.bytes + bytes > this.maxBytes)) {
      await Promise.race(this.inFlight);
    }
    this.bytes += bytes;
    const done: Promise<void> = this.limit(task)
      .catch(() => undefined)
      .finally(() => {
        this.inFlight.delete(done);
        this.bytes -= bytes;
      });
    this.inFlight.add(done);
    return { done };
  }

  /** Wait until every submitted task has ended. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }
}
