// The event loop's heavy steps taken one at a time: parsing a large request body and writing a scan to the store
// each hold the loop for tens of milliseconds on a page of megabytes, and a burst of scans would run them back to
// back while /healthz and the UI wait behind all of them. Each step waits for the one before it and for one turn
// of the loop (setImmediate), so requests that arrived meanwhile are answered between two steps.

/** Runs steps one after another with a turn of the event loop before each. */
export class Turns {
  private tail: Promise<unknown> = Promise.resolve();

  /** fn's result, once every step queued before it has finished and the loop has had one turn. */
  run<T>(fn: () => T | Promise<T>): Promise<T> {
    const step = this.tail.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(fn);
    // a failed step fails its own caller only; the next step still runs
    this.tail = step.catch(() => undefined);
    return step;
  }
}
