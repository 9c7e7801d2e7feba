// The library over every HTML page of ../shared/data, N passes in one process: retained memory must not grow
// with the number of pages (caches keep no page alive). Prints one JSON line: pages, passes, ms, peak RSS,
// heap used after the last pass. Run under a heap cap to check it holds:
//   node --max-old-space-size=256 --import tsx bench/library-memory.ts [--passes 2]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { analyze } from '../src/analyze.js';
import { InputError } from '../src/errors.js';
import { htmlFilesUnder } from '../dev/eval/data.js';

process.env.DOTENV_CONFIG_QUIET ??= 'true';
const DATA = resolve(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared', 'data');
const i = process.argv.indexOf('--passes');
const passes = i >= 0 ? Number(process.argv[i + 1]) : 2;

const files = htmlFilesUnder(DATA);
const t0 = performance.now();
let pages = 0;
let refused = 0;
let overBudget = 0;
for (let p = 0; p < passes; p++) {
  for (const f of files) {
    // read each page when it is analysed: only the library's own retention counts
    const raw = readFileSync(f);
    try {
      const r = analyze(f.endsWith('.gz') ? gunzipSync(raw) : raw, { input: f });
      if (r.status === 'over-budget') overBudget++;
      pages++;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      refused++;
    }
  }
}
const peakRssMB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ files: files.length, passes, pages, refused, overBudget, ms: Math.round(performance.now() - t0), peakRssMB: Math.round(peakRssMB), heapUsedMB: Math.round(process.memoryUsage().heapUsed / 2 ** 20) }));
