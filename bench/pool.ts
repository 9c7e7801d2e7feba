// The batch's own analyze pool (src/batch/pool.ts) against piscina (the server's scan pool) on the same pages, with
// a main thread that, as a batch's does, has synchronous work of its own for every finished page (the store's
// commit, NDJSON, the WARC reader): `--busy` ms of it per page. AnalyzePool sends each worker its next page ahead
// (WORKER_JOBS = 2); piscina is run as the batch would have to run it, one task per worker, because with more it
// rejects every task sent to a worker that dies (a page over its heap would take the page queued behind it along).
// Both run the compiled workers (npm run build first). Alternating rounds; pages/s of each.
//   npm run build && npx tsx bench/pool.ts [--workers 1] [--busy 2] [--rounds 3]   (PIS_TASKS=2: piscina sends ahead too)
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { AnalyzePool, WORKER_HEAP_MB, WORKER_JOBS, WORKER_YOUNG_MB } from '../dist/batch/pool.js';
import { pageRefs } from './systems.js';

const { values } = parseArgs({ options: { workers: { type: 'string', default: '1' }, busy: { type: 'string', default: '2' }, rounds: { type: 'string', default: '3' } } });
const workers = Number(values.workers);
const busyMs = Number(values.busy);
const rounds = Number(values.rounds);
/** piscina's concurrentTasksPerWorker (PIS_TASKS=2 to see whether sending ahead is what differs) */
const pisTasks = Number(process.env.PIS_TASKS ?? 1);
const pages = pageRefs().map((r) => r.load());

/** Synchronous main-thread work per finished page, as a commit or a WARC read would be. */
function busy(): void {
  const end = performance.now() + busyMs;
  while (performance.now() < end);
}

type Run = (job: { body: Uint8Array; url?: string; input?: string }) => Promise<unknown>;
async function feed(run: Run): Promise<number> {
  // as runBatch does: a bounded number of pages in flight, each answer handled on the main thread
  const inFlight = workers * 4;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < pages.length) {
        const p = pages[next++];
        await run({ body: p.bytes, url: p.url, input: p.id });
        busy();
      }
    }),
  );
  return pages.length / ((performance.now() - t0) / 1000);
}

const own = new AnalyzePool(workers);
const pis = new Piscina({
  filename: fileURLToPath(new URL('../dist/serve/scan-worker.js', import.meta.url)),
  minThreads: workers,
  maxThreads: workers,
  concurrentTasksPerWorker: pisTasks,
  resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
});
const systems: [string, Run][] = [
  [`AnalyzePool (${WORKER_JOBS} jobs per worker)`, (j) => own.run(j)],
  [`piscina (${pisTasks} task${pisTasks > 1 ? 's' : ''} per worker)`, (j) => pis.run(j)],
];
// warm-up: every worker loads analyze() and sees the pages once
for (const [, run] of systems) await feed(run);
const rates = new Map<string, number[]>();
for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? systems : [...systems].reverse();
  for (const [name, run] of order) rates.set(name, [...(rates.get(name) ?? []), await feed(run)]);
}
await own.close();
await pis.destroy();
console.log(`${pages.length} pages, ${workers} worker(s), main thread busy ${busyMs} ms per page, ${rounds} rounds`);
for (const [name, rs] of rates) {
  const sorted = [...rs].sort((a, b) => a - b);
  console.log(`${name.padEnd(32)} median ${sorted[sorted.length >> 1].toFixed(1)} pages/s (${rs.map((x) => x.toFixed(1)).join(', ')})`);
}
