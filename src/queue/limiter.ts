// Per-host politeness across every worker process and machine: before a request to a host, a worker takes that
// host's slot in Redis (SET NX with an expiry of the delay). Whoever holds the slot may fetch; the others wait
// for it to expire, so requests to one host are at least `delayMs` apart however many workers run.
// BullMQ's own `limiter` counts jobs per queue, not per host: its group keys were removed in BullMQ 3 and per-group
// limits are BullMQ Pro only (docs.bullmq.io/bullmq-pro/groups), and one queue holds every host of a crawl.
import type { Redis } from 'ioredis';

/** How long a worker sleeps between attempts when the host's slot is taken (bounded by the slot's expiry). */
const POLL_MS = 50;

export class HostLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly delayMs: number,
  ) {}

  /** Resolves when this worker may send the next request to host. */
  async acquire(host: string): Promise<void> {
    if (this.delayMs <= 0) return;
    const key = `${this.prefix}:host:${host.toLowerCase()}`;
    for (;;) {
      const ok = await this.redis.set(key, '1', 'PX', this.delayMs, 'NX');
      if (ok === 'OK') return;
      const ttl = await this.redis.pttl(key);
      await new Promise((r) => setTimeout(r, Math.max(1, Math.min(ttl > 0 ? ttl : POLL_MS, this.delayMs))));
    }
  }
}
