// Per-host politeness: at most N requests in flight to one host, and starts spaced by a minimum delay.

interface HostState {
  active: number;
  waiting: Array<() => void>;
  /** earliest time (ms epoch) the next request to this host may start */
  nextStart: number;
  /** per-host delay override (robots Crawl-delay), when larger than the default */
  delayMs?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class HostGates {
  private hosts = new Map<string, HostState>();
  constructor(
    private readonly concurrency: number,
    private readonly delayMs: number,
  ) {}

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      s = { active: 0, waiting: [], nextStart: 0 };
      this.hosts.set(host, s);
    }
    return s;
  }

  /** Raise the delay for one host (never lowers it below the configured default). */
  setDelay(host: string, delayMs: number): void {
    const s = this.state(host);
    s.delayMs = Math.max(this.delayMs, delayMs);
  }

  /**
   * Wait for a slot and for the host's delay; returns the release function (call it exactly once).
   * `spaced: false` (robots.txt) takes a slot but neither waits for nor pushes back the delay.
   */
  async acquire(host: string, spaced = true): Promise<() => void> {
    const s = this.state(host);
    if (s.active < this.concurrency) s.active++;
    else await new Promise<void>((resolve) => s.waiting.push(resolve)); // slot handed over by release()
    if (spaced) {
      const now = Date.now();
      const start = Math.max(now, s.nextStart);
      s.nextStart = start + (s.delayMs ?? this.delayMs);
      if (start > now) await sleep(start - now);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = s.waiting.shift();
      if (next) next();
      else s.active--;
    };
  }
}
