// Benchmark (not a test): the page view of a large real page (faz.net, 892 KB of HTML). Times the server's
// render of /pages/:id, the neutralised original (built in the worker pool), and, in headless Chromium, the time
// until the findings are on screen. Run: npx tsx test/serve/page-bench.ts
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { openStore, saveResult } from '../../src/store/index.js';
import { analyze } from '../../src/analyze.js';
import { buildApp } from '../../src/serve/app.js';
import { DATA } from './helpers.js';

const TOKEN = 'bench-token-0123456789abcdef';
const body = gunzipSync(readFileSync(join(DATA, 'trafilatura-eval/cache/faz.net.streaming.html.gz')));
const dir = mkdtempSync(join(tmpdir(), 'winnow-page-bench-'));
const store = await openStore(join(dir, 'bench.db'), { keepHtml: true });
const url = 'https://www.faz.net/streaming';
const result = analyze(body, { url });
const { scanId } = await saveResult(store, { url, body }, result);
const app = await buildApp({ store, tokens: [{ name: 'bench', token: TOKEN }] });
await app.listen({ port: 0, host: '127.0.0.1' });
const a = app.server.address();
const base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
const headers = { authorization: `Bearer ${TOKEN}` };
const time = async (path: string) => {
  const runs: number[] = [];
  let size = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = await fetch(base + path, { headers });
    size = (await r.text()).length;
    runs.push(performance.now() - t);
  }
  runs.sort((x, y) => x - y);
  console.log(`${path.padEnd(28)} median ${runs[2].toFixed(0)} ms, ${(size / 1024).toFixed(0)} KB`);
};
console.log(`page: ${(body.length / 1024).toFixed(0)} KB of HTML, ${result.text.length} characters of text, ${result.findings.length} finding(s)`);
await time(`/pages/${scanId}`);
await time(`/pages/${scanId}/original`);
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const ctx = await browser.newContext({ extraHTTPHeaders: headers });
const page = await ctx.newPage();
await page.goto(`${base}/rules`);
const runs: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  await page.goto(`${base}/pages/${scanId}`, { waitUntil: 'domcontentloaded' });
  await page.locator('.side').first().waitFor();
  runs.push(performance.now() - t);
}
console.log(`Chromium: page view usable (findings column shown) median ${runs.sort((x, y) => x - y)[1].toFixed(0)} ms`);
await browser.close();
await app.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
