// Turns (src/serve/turns.ts): the event loop's heavy steps one at a time, with other work let in between two steps.
import { describe, it, expect } from 'vitest';
import { Turns } from '../../src/serve/turns.js';

describe('Turns', () => {
  it('runs steps in the order they came, lets queued work run between two steps, and goes on past a failed step', async () => {
    const turns = new Turns();
    const log: string[] = [];
    const a = turns.run(() => {
      log.push('a');
      // work that arrives while a runs (a timer due now, as an I/O callback would be) runs before b
      setTimeout(() => log.push('other'), 0);
      const until = Date.now() + 5;
      while (Date.now() < until) {
        /* a step that holds the loop */
      }
      return 1;
    });
    const b = turns.run(() => {
      log.push('b');
      throw new Error('b failed');
    });
    const c = turns.run(async () => {
      log.push('c');
      return 3;
    });
    expect(await a).toBe(1);
    await expect(b).rejects.toThrow('b failed');
    expect(await c).toBe(3);
    expect(log).toEqual(['a', 'other', 'b', 'c']);
  });

  it('a step still waiting for I/O holds no turn: the next one runs', async () => {
    const turns = new Turns();
    let release: () => void = () => undefined;
    // a write that waits on the network (a stalled PostgreSQL) after its synchronous part
    const slow = turns.run(() => new Promise<string>((r) => (release = () => r('written'))));
    const next = await turns.run(() => 'parsed');
    expect(next).toBe('parsed');
    release();
    expect(await slow).toBe('written');
  });
});
