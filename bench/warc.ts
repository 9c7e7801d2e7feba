// Batch benchmark: build a WARC (gzip per record) from the real pages in ../shared/data, then time
// `runBatch` over it with analyze on all cores. Prints pages/s and peak RSS.
//   npx tsx bench/warc.ts [--repeat N] [--workers N] [--keep]
// --repeat N writes every page N times (distinct record ids) to check memory stays flat as the input grows.
// --plumbing replaces analyze() by a constant result: measures WARC reading + store + NDJSON alone.
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { warcRecord } from '../test/helpers/warcgen.js';
import { runBatch } from '../src/batch/index.js';
import type { AnalyzeResult } from '../src/result.js';

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
const workers = arg('workers', availableParallelism());
const keep = process.argv.includes('--keep');
const plumbing = process.argv.includes('--plumbing');

function* pageFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* pageFiles(p);
    else if (/\.html?(\.gz)?$/i.test(e.name)) yield p;
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'winnow-bench-warc-'));
const warc = join(tmp, 'bench.warc.gz');
const files = [...pageFiles(DATA)].sort();
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

let peak = process.memoryUsage().rss;
const startRss = peak;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), RSS_SAMPLE_MS);
// NDJSON is serialized as in the CLI, then discarded
const sink = new Writable({ write: (_c, _e, cb) => cb() });
const constant = (body: Uint8Array, o: { url?: string; input?: string }): AnalyzeResult => ({
  input: o.input, url: o.url, verdict: 'clean', score: 0, lang: 'en', encoding: 'utf-8', title: '', cleanTitle: '',
  cleanText: '', cleanHtml: '', siteName: '', findings: [], text: String(body.byteLength),
  version: { winnow: 'bench', rules: 'bench', model: 'none' },
});
const summary = await runBatch({
  inputs: [warc], db: join(tmp, 'bench.db'), workers, out: sink, err: process.stderr, progress: false,
  ...(plumbing ? { analyzer: constant } : {}),
});
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(
  `batch: ${summary.scanned} pages in ${(summary.elapsedMs / 1000).toFixed(1)} s = ${summary.pagesPerSec.toFixed(1)} pages/s ` +
    `(${plumbing ? 'plumbing only, analyze stubbed' : `${workers} workers`}, ${(htmlBytes / 1e6 / (summary.elapsedMs / 1000)).toFixed(1)} MB/s); failed ${summary.failed}; ` +
    `peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (start ${(startRss / 2 ** 20).toFixed(0)} MiB)`,
);
if (keep) console.log(`kept ${tmp}`);
else rmSync(tmp, { recursive: true, force: true });
