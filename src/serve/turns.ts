// The event loop's heavy steps taken one at a time: parsing a large request body and writing a scan to the store
// each hold the loop for tens of milliseconds on a page of megabytes, and a burst of scans would run them back to
// back while /healthz and the UI wait behind all of them. Each step starts one turn of the loop (setImmediate)
// after the one before it has run its synchronous part, so requests that arrived meanwhile are answered between two
// steps. A step that goes on waiting for I/O (a PostgreSQL write) holds no turn while it waits: the next step does
// not wait for it to finish.

/** Runs steps one after another with a turn of the event loop before each. */
export class Turns {
  private tail: Promise<unknown> = Promise.resolve();

  /** fn's result; fn starts once every step queued before it has run its synchronous part and the loop has turned. */
  run<T>(fn: () => T | Promise<T>): Promise<T> {
    // the step's own result is boxed, so that the next step waits for fn to return, not for its promise to settle
    const ran = this.tail.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(() => {
      try {
        return { value: Promise.resolve(fn()) };
      } catch (err) {
        return { value: Promise.reject(err) as Promise<T> };
      }
    });
    this.tail = ran;
    return ran.then((r) => r.value);
  }
}
