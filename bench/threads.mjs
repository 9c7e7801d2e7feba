// How two threads share this machine: a plain integer loop and an allocating, array-streaming loop, each run in one
// worker thread and then in two at once. A memory-bound load that slows down in two threads where the integer loop
// does not is the limit a second analyse thread meets (docs/bounds.md).
//
//   node bench/threads.mjs
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

/** Loop sizes: a few seconds each on a 2026 server core. */
const ALU_STEPS = 6e8;
const OBJECTS = 3e6;
const STREAM_DOUBLES = 8e6;
const STREAM_PASSES = 20;

if (!isMainThread) {
  const t0 = performance.now();
  let x = 0;
  if (workerData === 'integer') {
    for (let i = 0; i < ALU_STEPS; i++) x = (x * 31 + i) | 0;
  } else {
    const live = [];
    for (let i = 0; i < OBJECTS; i++) {
      live.push({ s: 'k' + i, n: i });
      if (live.length > 2e5) live.length = 0;
    }
    const big = new Float64Array(STREAM_DOUBLES);
    for (let r = 0; r < STREAM_PASSES; r++) for (let i = 0; i < big.length; i += 8) x += big[i]++;
  }
  parentPort.postMessage({ ms: performance.now() - t0, x });
} else {
  for (const load of ['integer', 'memory']) {
    const alone = [];
    for (const n of [1, 2]) {
      const runs = await Promise.all(
        Array.from({ length: n }, () => new Promise((resolve, reject) => {
          const w = new Worker(new URL(import.meta.url), { workerData: load });
          w.once('message', (m) => resolve(m.ms));
          w.once('error', reject);
        })),
      );
      if (n === 1) alone.push(runs[0]);
      const slow = runs.map((ms) => (ms / alone[0]).toFixed(2)).join(', ');
      console.log(`${load.padEnd(7)} ${n} thread${n > 1 ? 's' : ' '}: ${runs.map((ms) => ms.toFixed(0)).join(', ')} ms each (x${slow} of one alone)`);
    }
  }
}
