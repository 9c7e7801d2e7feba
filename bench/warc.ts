// Batch benchmark: build a WARC (gzip per record) from the real pages in ../shared/data, then time
// `runBatch` over it with the batch's default analyze workers (--workers N to set them). Prints pages/s and peak RSS.
//   npx tsx bench/warc.ts [--repeat N] [--workers N] [--worker-heap MB] [--worker-young MB] [--node-flags "..."] [--bare] [--keep] [--src]
// --repeat N writes every page N times (distinct record ids) to check memory stays flat as the input grows.
// --plumbing replaces analyze() by a constant result: measures WARC reading + store + NDJSON alone.
// The batch runs in a child process of its own, so its peak RSS (all threads: process.resourceUsage().maxRSS)
// is the batch's alone, not this script's WARC writing. The child runs the build (dist/, what the CLI and
// library users run; `npm run build` first) or, with --src or without a build, the TypeScript source via tsx.
// The child starts as the installed CLI does: with the environment assignments and Node flags of bin/winnow.js's
// `#!/usr/bin/env -S` line (printed with the figures); --bare starts it with plain `node` instead.
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { launcherNode } from './launcher.js';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { warcRecord } from '../test/helpers/warcgen.js';
import { htmlFilesUnder } from '../dev/eval/data.js';
import { defaultWorkers } from '../src/batch/pool.js';

process.env.DOTENV_CONFIG_QUIET ??= 'true';
const REPO = fileURLToPath(new URL('..', import.meta.url));
const DATA = join(REPO, '..', 'shared', 'data');
/** RSS sampling interval while the batch runs. */
const RSS_SAMPLE_MS = 50;

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}
const repeat = arg('repeat', 1);
const workers = arg('workers', defaultWorkers());
const keep = process.argv.includes('--keep');
const plumbing = process.argv.includes('--plumbing');
const bare = process.argv.includes('--bare');

const launch = bare ? { env: {}, flags: [], line: 'node (bare)' } : launcherNode(REPO);

const tmp = mkdtempSync(join(tmpdir(), 'winnow-bench-warc-'));
const warc = join(tmp, 'bench.warc.gz');
const files = htmlFilesUnder(DATA);
const out = createWriteStream(warc);
let records = 0;
let htmlBytes = 0;
for (let r = 0; r < repeat; r++) {
  for (const f of files) {
    const raw = readFileSync(f);
    const body = f.endsWith('.gz') ? gunzipSync(raw) : raw;
    htmlBytes += body.length;
    const name = f.slice(DATA.length + 1).replace(/[^A-Za-z0-9._/-]/g, '_');
    const rec = warcRecord({ url: `https://bench.example/${r}/${name}`, body, httpHeaders: { 'Content-Type': 'text/html' } });
    if (!out.write(gzipSync(rec))) await once(out, 'drain');
    records++;
  }
}
out.end();
await once(out, 'finish');
console.log(`WARC: ${records} records, ${(htmlBytes / 1e6).toFixed(1)} MB of HTML, ${(statSync(warc).size / 1e6).toFixed(1)} MB gzip, from ${files.length} pages x ${repeat}`);

const dist = join(REPO, 'dist', 'batch', 'index.js');
const fromSource = process.argv.includes('--src') || !existsSync(dist);
const heapArg = process.argv.indexOf('--worker-heap');
const workerHeapMb = heapArg >= 0 ? Number(process.argv[heapArg + 1]) : undefined;
const youngArg = process.argv.indexOf('--worker-young');
const workerYoungMb = youngArg >= 0 ? Number(process.argv[youngArg + 1]) : undefined;
// the child: runBatch over the WARC, NDJSON serialized as in the CLI and discarded; one JSON line on stdout
const child = `
const { Writable } = await import('node:stream');
const { runBatch } = await import(${JSON.stringify(pathToFileURL(fromSource ? join(REPO, 'src', 'batch', 'index.ts') : dist).href)});
const cfg = JSON.parse(process.argv[2]);
let peak = process.memoryUsage().rss;
const startRss = peak;
let mainHeap = 0;
const timer = setInterval(() => {
  const m = process.memoryUsage();
  peak = Math.max(peak, m.rss);
  mainHeap = Math.max(mainHeap, m.heapTotal);
}, ${RSS_SAMPLE_MS});
const constant = (body, o) => ({
  input: o.input, url: o.url, status: 'ok', verdict: 'clean', score: 0, lang: 'en', encoding: 'utf-8', title: '', cleanTitle: '',
  cleanText: '', cleanHtml: '', siteName: '', findings: [], text: String(body.byteLength),
  version: { winnow: 'bench', rules: 'bench', model: 'none' },
});
const cpu0 = process.cpuUsage();
const summary = await runBatch({
  inputs: [cfg.warc], db: cfg.db, workers: cfg.workers, workerHeapMb: cfg.workerHeapMb, workerYoungMb: cfg.workerYoungMb, out: new Writable({ write: (_c, _e, cb) => cb() }),
  err: process.stderr, progress: false, ...(cfg.plumbing ? { analyzer: constant } : {}),
});
clearInterval(timer);
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ summary, startRss, mainHeap, peakSampled: Math.max(peak, process.memoryUsage().rss), maxRss: process.resourceUsage().maxRSS * 1024, cpuMs: (cpu.user + cpu.system) / 1000 }));
`;
const cfg = { warc, db: join(tmp, 'bench.db'), workers, workerHeapMb, workerYoungMb, plumbing };
// a file, not --eval: worker threads inherit the parent's execArgv
const childFile = join(tmp, 'batch-child.mjs');
writeFileSync(childFile, child);
// --node-flags "..." passes Node/V8 flags to the batch process (its worker threads share the process's V8 flags)
const flagsArg = process.argv.indexOf('--node-flags');
const nodeFlags = flagsArg >= 0 ? process.argv[flagsArg + 1].split(/\s+/).filter(Boolean) : [];
const r = spawnSync(process.execPath, [...launch.flags, ...nodeFlags, ...(fromSource ? ['--import', 'tsx'] : []), childFile, JSON.stringify(cfg)], {
  cwd: REPO,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, ...launch.env, DOTENV_CONFIG_QUIET: 'true' },
});
if (r.status !== 0) {
  console.error(`batch child failed: exit ${r.status}`);
  process.exit(1);
}
const res = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
  summary: { scanned: number; failed: number; elapsedMs: number; pagesPerSec: number; workerBusy?: number };
  startRss: number;
  mainHeap: number;
  peakSampled: number;
  maxRss: number;
  cpuMs: number;
};
const summary = res.summary;
const peak = Math.max(res.maxRss, res.peakSampled);
console.log(
  `batch: ${summary.scanned} pages in ${(summary.elapsedMs / 1000).toFixed(1)} s = ${summary.pagesPerSec.toFixed(1)} pages/s ` +
    `(${plumbing ? 'plumbing only, analyze stubbed' : `${workers} workers`}, ${(htmlBytes / 1e6 / (summary.elapsedMs / 1000)).toFixed(1)} MB/s); failed ${summary.failed}; ` +
    `peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (start ${(res.startRss / 2 ** 20).toFixed(0)} MiB, main-thread heap peak ${(res.mainHeap / 2 ** 20).toFixed(0)} MiB); ` +
    `CPU ${(res.cpuMs / Math.max(1, summary.scanned)).toFixed(1)} ms/page, all threads` +
    `${summary.workerBusy !== undefined ? `; workers busy ${(100 * summary.workerBusy).toFixed(0)}% of the time` : ''} (${fromSource ? 'source via tsx' : 'dist build'}; ${launch.line}${nodeFlags.length ? ` ${nodeFlags.join(' ')}` : ''})`,
);
if (keep) console.log(`kept ${tmp}`);
else rmSync(tmp, { recursive: true, force: true });
