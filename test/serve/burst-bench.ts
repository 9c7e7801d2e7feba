// Benchmark (not a test): /healthz latency and the server's longest event-loop stall while N large {html} scans
// arrive at once. The server runs in a child process of its own (its loop delay measured there with
// monitorEventLoopDelay); the scans are sent and /healthz polled from this process, so the client's own work does not
// count as the server's. Run: npx tsx test/serve/burst-bench.ts [scans=20] [MB=4.9]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { request } from 'undici';

const TOKEN = 'bench-token-0123456789abcdef';

if (process.argv[2] === '--server') {
  // the child: a server on a temporary store; prints its port, then its loop-delay figures when told to stop
  const { openStore } = await import('../../src/store/index.js');
  const { buildApp } = await import('../../src/serve/app.js');
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const dir = mkdtempSync(join(tmpdir(), 'winnow-burst-bench-'));
  const store = await openStore(join(dir, 'bench.db'), { keepHtml: true });
  const app = await buildApp({ store, tokens: [{ name: 'bench', token: TOKEN }] });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const a = app.server.address();
  process.stdout.write(`PORT ${typeof a === 'object' && a ? a.port : 0}\n`);
  process.once('SIGTERM', async () => {
    process.stdout.write(`LOOP max ${(delay.max / 1e6).toFixed(0)} ms p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms\n`);
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
} else {
  const scans = Number(process.argv[2] ?? 20);
  const chars = Math.round(Number(process.argv[3] ?? 4.9) * 1e6);
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', self, '--server'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  const port = await new Promise<number>((resolve) => {
    const t = setInterval(() => {
      const m = /PORT (\d+)/.exec(out);
      if (m) {
        clearInterval(t);
        resolve(Number(m[1]));
      }
    }, 20);
  });
  const base = `http://127.0.0.1:${port}`;
  // a real Chinese news page, its article repeated up to the size asked for (ASCII padding keeps it under 8 MiB)
  const page = gunzipSync(readFileSync(fileURLToPath(new URL('../../../shared/data/gne-chinese-news/html/163/1.html.gz', import.meta.url)))).toString('utf8');
  const para = `<p>${'The weather was fine and the harbour was busy. '.repeat(11)}</p>`;
  const html = page.replace('</body>', `${para.repeat(Math.ceil(chars / para.length))}</body>`).slice(0, chars);
  const body = Buffer.from(JSON.stringify({ html }));
  let left = scans;
  const statuses: Record<number, number> = {};
  const t0 = performance.now();
  for (let i = 0; i < scans; i++) {
    void request(`${base}/api/scan`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body,
      headersTimeout: 600_000,
      bodyTimeout: 600_000,
    }).then(async (r) => {
      await r.body.dump();
      statuses[r.statusCode] = (statuses[r.statusCode] ?? 0) + 1;
      left--;
    });
  }
  const health: number[] = [];
  while (left > 0) {
    const t = performance.now();
    await (await request(`${base}/healthz`)).body.text();
    health.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  health.sort((x, y) => x - y);
  const q = (p: number) => health[Math.min(health.length - 1, Math.floor(p * health.length))].toFixed(1);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  console.log(`${scans} scans of ${(body.length / 1e6).toFixed(1)} MB JSON in ${((performance.now() - t0) / 1000).toFixed(1)} s: HTTP ${JSON.stringify(statuses)}`);
  console.log(`/healthz n=${health.length} p50 ${q(0.5)} ms  p95 ${q(0.95)} ms  max ${q(1)} ms (client side)`);
  console.log(`server ${/LOOP .*/.exec(out)?.[0] ?? 'LOOP ?'} (event-loop delay in the server process)`);
}
