// Fetcher micro-benchmark on loopback (not a test; run: npx tsx test/fetch/bench-fetch.ts).
// Prints pages/s for plain and gzip bodies at the default per-host concurrency (delay 0), and what a 50 MB body
// costs when cut at 1 MB: bytes the server managed to write, and RSS growth.
import zlib from 'node:zlib';
import { Fetcher } from '../../src/fetch/index.js';
import { send, startServer } from '../helpers/http-server.js';

const N = Number(process.env.N ?? 300);
const MB = 1024 * 1024;

async function main(): Promise<void> {
  // a real 107 KB-ish page: varied text so gzip ratio is realistic (~4-6x), not a degenerate repeat
  const paras = Array.from({ length: 1200 }, (_, i) => `<p id="p${i}">新闻正文 ${i * 7919 % 10007} news body ${Math.sin(i).toFixed(6)} 配资 ${(i * 31337).toString(36)}</p>`);
  const page = Buffer.from(`<html><body>${paras.join('\n')}</body></html>`);
  const gz = zlib.gzipSync(page);
  const stats = { written: 0 };
  const srv = await startServer({
    '/robots.txt': send('User-agent: *\nAllow: /\n'),
    '/plain': send(page, { 'content-type': 'text/html; charset=utf-8' }),
    '/gz': send(gz, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }),
    '/huge': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (stats.written < 50 * MB) {
          if (res.destroyed) return;
          stats.written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    },
  });
  const f = new Fetcher({ allowPrivate: true, perHostDelayMs: 0 });
  try {
    for (const path of ['/plain', '/gz']) {
      await f.fetch(srv.url(path)); // warm-up
      const t0 = performance.now();
      let bytes = 0;
      const queue = Array.from({ length: N }, (_, i) => i);
      await Promise.all(
        [0, 1, 2, 3].map(async () => {
          while (queue.pop() !== undefined) {
            const n = (await f.fetch(srv.url(path))).body.length;
            bytes += n;
          }
        }),
      );
      const s = (performance.now() - t0) / 1000;
      console.log(`${path}: ${N} fetches of ${(page.length / 1024).toFixed(0)} KB (${path === '/gz' ? `${(gz.length / 1024).toFixed(0)} KB gzip` : 'identity'}) in ${s.toFixed(2)} s = ${(N / s).toFixed(0)} pages/s, ${(bytes / MB / s).toFixed(1)} MB/s decoded`);
    }
    global.gc?.();
    const rss0 = process.memoryUsage().rss;
    const r = await new Fetcher({ allowPrivate: true, perHostDelayMs: 0, maxBodyBytes: MB }).fetch(srv.url('/huge'));
    await new Promise((res) => setTimeout(res, 200));
    const rss1 = process.memoryUsage().rss;
    console.log(`/huge (50 MB offered, limit 1 MB): got ${r.body.length} bytes truncated=${r.truncated}; server wrote ${(stats.written / MB).toFixed(1)} MB before the abort; RSS +${((rss1 - rss0) / MB).toFixed(1)} MB`);
  } finally {
    await f.close();
    await srv.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
