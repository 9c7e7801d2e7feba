// The batch's producer keeps up to maxTasks pages in flight: submit() resolves when a task starts, not when it
// ends (a run that awaited each page's end analysed one page at a time whatever the worker count).
import { describe, expect, it } from 'vitest';
import { Bounded } from '../../src/batch/bounded.js';

describe('Bounded', () => {
  it('starts up to maxTasks tasks before any ends, then waits for room', async () => {
    const b = new Bounded(3);
    const release: Array<() => void> = [];
    let started = 0;
    const task = () =>
      new Promise<void>((r) => {
        started++;
        release.push(r);
      });
    for (let i = 0; i < 3; i++) await b.submit(task);
    await Promise.resolve();
    expect(started).toBe(3);
    let fourth = false;
    const submitted = b.submit(task).then(() => (fourth = true));
    await new Promise((r) => setImmediate(r));
    expect(fourth).toBe(false);
    release[0]();
    await submitted;
    expect(started).toBe(4);
    for (const r of release.slice(1)) r();
    await b.drain();
  });

  it('holds a task bigger than the byte budget until it can run alone', async () => {
    const b = new Bounded(4, 100);
    let release!: () => void;
    const { done } = await b.submit(() => new Promise<void>((r) => (release = r)), 60);
    let second = false;
    const submitted = b.submit(async () => undefined, 60).then(() => (second = true));
    await new Promise((r) => setImmediate(r));
    expect(second).toBe(false);
    release();
    await done;
    await submitted;
    expect(second).toBe(true);
  });
});
