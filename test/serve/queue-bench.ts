// Benchmark (not a test): the review queue on a 20k-page store.
//  1. query times one at a time (counts recomputed each time: the worst case after every write);
//  2. GET /api/queue over HTTP from 32 concurrent clients for a few seconds, with a mix of filters and keyset
//     pages, first read-only, then while one moderator decides a finding every 200 ms (each write makes the next
//     queue request recount).
// The server runs in a child process (test/serve/bench-server.ts), the clients here.
// Run: npx tsx test/serve/queue-bench.ts [pages=20000] [seconds=8] [db path]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { openStore, saveResults } from '../../src/store/index.js';
import { listQueue, ruleStats, decideFindings, trainingExamples, noteStoreWrite, type QueueFilter } from '../../src/store/review.js';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Category } from '../../src/detect/types.js';
import type { AnalyzeResult } from '../../src/result.js';

const N = Number(process.argv[2] ?? 20000);
const SECONDS = Number(process.argv[3] ?? 8);
const CLIENTS = 32;
const TOKEN = 'bench-token-0123456789abcdef';
const dir = mkdtempSync(join(tmpdir(), 'winnow-queue-bench-'));
const store = await openStore(process.argv[4] ?? join(dir, 'bench.db'));
const cats: Category[] = ['gambling', 'margin-lending', 'adult', 'promo'];
const PHRASES = ['best online casino bonus', '股票配资 低息', 'cheap viagra online', 'replica watches sale', 'slot gacor hari ini'];
const t0 = performance.now();
for (let i0 = 0; i0 < N; i0 += 500) {
  const batch: { meta: { url: string }; result: AnalyzeResult }[] = [];
  for (let i = i0; i < Math.min(N, i0 + 500); i++) {
    const n = i % 4;
    const text = `title ${i}\n` + 'body text '.repeat(50);
    const findings = Array.from({ length: n }, (_, k) => ({
      text: `${PHRASES[(i + k) % PHRASES.length]} ${i}`, start: 12 + k * 10, end: 16 + k * 10, blockId: 1, path: 'p', where: 'body' as const,
      category: cats[(i + k) % 4], kind: 'promo-line' as const, score: (i % 100) / 100, points: 3,
      rules: [{ rule: `R${(i + k) % 30}`, points: 3, description: 'd', evidence: 'e' }],
    }));
    batch.push({
      meta: { url: `https://site${i % 500}.example/${i}` },
      result: {
        verdict: n ? 'contaminated' : 'clean', score: (i % 100) / 100, lang: 'en', encoding: 'utf-8', title: `t${i}`,
        cleanTitle: '', cleanText: '', cleanHtml: '', siteName: '', findings, text, version: { winnow: '0', rules: '0', model: '0' },
      } as unknown as AnalyzeResult,
    });
  }
  await saveResults(store, batch);
}
console.log(`load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')} on ${(await import('node:os')).availableParallelism()} cores`);
console.log(`store: ${N} pages, ${N * 1.5} findings saved in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const ids = (await store.all<{ id: number }>('SELECT id FROM findings ORDER BY id LIMIT ?', [Math.floor(N / 4)])).map((r) => r.id);
await decideFindings(store, ids, { decision: 'dismiss', reviewer: 'bench' });

const quantile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;

console.log('\n1. one query at a time (counts recomputed: the cost right after a write)');
const time = async (label: string, f: () => Promise<unknown>) => {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    noteStoreWrite(store);
    const t = performance.now();
    await f();
    runs.push(performance.now() - t);
  }
  console.log(`${label.padEnd(36)} median ${quantile(runs, 0.5).toFixed(1)} ms`);
};
const page2 = (await listQueue(store, { status: 'pending' })).next ?? undefined;
await time('queue, no filter', () => listQueue(store));
await time('queue, category + minScore', () => listQueue(store, { category: 'gambling', minScore: 0.5 }));
await time('queue, domain', () => listQueue(store, { domain: 'site42.example' }));
await time('queue, text search', () => listQueue(store, { q: 'viagra' }));
await time('queue, status=pending, 2nd page', () => listQueue(store, { status: 'pending', after: page2 }));
await time('rule stats', () => ruleStats(store));
await time('training examples', () => trainingExamples(store));

console.log(`\n2. GET /api/queue, ${CLIENTS} concurrent clients, ${SECONDS} s per phase`);
// the server runs in its own process (as in production), so the load generator does not share its event loop;
// this process hands its SQLite store over (closed first: one writer process per store)
const dbPath = process.argv[4] ?? join(dir, 'bench.db');
await store.close();
const server = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./bench-server.ts', import.meta.url)), dbPath, TOKEN], { stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise<number>((resolve, reject) => {
  server.stdout.on('data', (b: Buffer) => {
    const m = /port (\d+)/.exec(b.toString());
    if (m) resolve(Number(m[1]));
  });
  server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});
const origin = `http://127.0.0.1:${port}`;
const http = new Pool(origin, { connections: CLIENTS });
const headers = { authorization: `Bearer ${TOKEN}` };
const FILTERS: QueueFilter[] = [{}, { status: 'pending' }, { category: 'gambling' }, { verdict: 'contaminated', minScore: 0.5 }, { domain: 'site7.example' }, { q: 'casino' }, { sort: 'recent' }];
const qs = (f: QueueFilter) => new URLSearchParams(Object.entries(f).map(([k, v]) => [k, String(v)])).toString();

async function phase(label: string, writer: boolean): Promise<void> {
  const lat: number[] = [];
  let errors = 0;
  const stop = Date.now() + SECONDS * 1000;
  const client = async (c: number) => {
    let i = c;
    while (Date.now() < stop) {
      const f = FILTERS[i++ % FILTERS.length];
      let after: string | null = null;
      // the first page, then up to two more pages of the same filter by cursor
      for (let p = 0; p < 3 && Date.now() < stop; p++) {
        const t = performance.now();
        const r = await http.request({ path: `/api/queue?${qs(after ? { ...f, after } : f)}`, method: 'GET', headers });
        const body = (await r.body.json()) as { next?: string | null };
        lat.push(performance.now() - t);
        if (r.statusCode !== 200) errors++;
        after = body.next ?? null;
        if (!after) break;
      }
    }
  };
  let decided = 0;
  const write = async () => {
    let k = ids.length;
    const all = Array.from({ length: 200 }, (_, j) => ids.length + 1 + j);
    while (Date.now() < stop) {
      const r = await http.request({ path: `/api/findings/${all[k++ % all.length]}/decision`, method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"decision":"confirm"}' });
      await r.body.text();
      decided++;
      await new Promise((res) => setTimeout(res, 200));
    }
  };
  const t = performance.now();
  await Promise.all([...Array.from({ length: CLIENTS }, (_, c) => client(c)), ...(writer ? [write()] : [])]);
  const secs = (performance.now() - t) / 1000;
  console.log(
    `${label.padEnd(36)} ${lat.length} requests, ${(lat.length / secs).toFixed(0)} req/s, p50 ${quantile(lat, 0.5).toFixed(1)} ms, ` +
      `p99 ${quantile(lat, 0.99).toFixed(1)} ms, max ${Math.max(...lat).toFixed(1)} ms, errors ${errors}${writer ? `, ${decided} decisions written` : ''}`,
  );
}
// warm up: each filter once (JIT, first counts), as a server that has been up for a while
for (const f of FILTERS) await (await http.request({ path: `/api/queue?${qs(f)}`, method: 'GET', headers })).body.json();
// one client, one request at a time: the service time of a request, whatever else the machine is running
{
  const lat: number[] = [];
  const stop = Date.now() + 2000;
  for (let i = 0; Date.now() < stop; i++) {
    const t = performance.now();
    const r = await http.request({ path: `/api/queue?${qs(FILTERS[i % FILTERS.length])}`, method: 'GET', headers });
    await r.body.json();
    lat.push(performance.now() - t);
  }
  console.log(`${'one client (service time)'.padEnd(36)} ${lat.length} requests, p50 ${quantile(lat, 0.5).toFixed(1)} ms, p99 ${quantile(lat, 0.99).toFixed(1)} ms`);
}
await phase('read only', false);
await phase('with a decision every 200 ms', true);
await http.close();
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
rmSync(dir, { recursive: true, force: true });
