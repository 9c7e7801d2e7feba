// Benchmark (not a test): /healthz and queue-page latency while the server scans a hostile 300 KB page
// (`<a ` repeated 100k times). Run: npx tsx test/serve/healthz-bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { openStore } from '../../src/store/index.js';
import { buildApp } from '../../src/serve/app.js';

const TOKEN = 'bench-token-0123456789abcdef';
const dir = mkdtempSync(join(tmpdir(), 'winnow-healthz-bench-'));
const store = await openStore(join(dir, 'bench.db'), { keepHtml: true });
const app = await buildApp({ store, tokens: [{ name: 'bench', token: TOKEN }] });
await app.listen({ port: 0, host: '127.0.0.1' });
const a = app.server.address();
const base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;

const hostile = '<a '.repeat(100_000);
let done = false;
const t0 = performance.now();
const scan = request(`${base}/api/scan`, {
  method: 'POST',
  headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
  body: JSON.stringify({ html: hostile }),
}).then(async (r) => {
  done = true;
  await r.body.text();
  return r.statusCode;
});
const health: number[] = [];
const ui: number[] = [];
while (!done) {
  let t = performance.now();
  await (await request(`${base}/healthz`)).body.text();
  health.push(performance.now() - t);
  t = performance.now();
  await (await request(`${base}/`, { headers: { authorization: `Bearer ${TOKEN}` } })).body.text();
  ui.push(performance.now() - t);
  await new Promise((r) => setTimeout(r, 10));
}
const status = await scan;
const q = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
console.log(`hostile scan: HTTP ${status} after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
for (const [name, xs] of [['/healthz', health], ['/ (queue page)', ui]] as const) {
  console.log(`${name.padEnd(16)} n=${xs.length} p50 ${q(xs, 0.5).toFixed(1)} ms  p99 ${q(xs, 0.99).toFixed(1)} ms  max ${Math.max(...xs).toFixed(1)} ms`);
}
await app.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
