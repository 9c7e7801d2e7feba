/**
 * A snapshot of analyze() over every HTML page of ../shared/data: per page its status, hashes of the clean text and
 * of the title and clean title, and every finding's kind, span and points. Two snapshots taken before and after a
 * change that should not change results (a speed-up, a refactor) must be identical:
 *
 *   npx tsx dev/eval/snapshot.ts /tmp/before.tsv   (change)   npx tsx dev/eval/snapshot.ts /tmp/after.tsv
 *   diff /tmp/before.tsv /tmp/after.tsv
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { analyze } from '../../src/analyze.js';
import { sharedDataDir } from '../../src/util/paths.js';
import { htmlFilesUnder } from './data.js';

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: npx tsx dev/eval/snapshot.ts <out.tsv>\n');
  process.exit(2);
}


const root = sharedDataDir();
const files = htmlFilesUnder(root);
const lines: string[] = [];
const t0 = performance.now();
for (const f of files) {
  const raw = readFileSync(f);
  const name = f.slice(root.length + 1);
  try {
    // no time budget: a loaded machine must not turn a page into an over-budget result in one snapshot only
    const r = analyze(f.endsWith('.gz') ? gunzipSync(raw) : raw, { input: name, budgetMs: Infinity });
    const clean = createHash('sha1').update(r.cleanText).digest('hex').slice(0, 12);
    const title = createHash('sha1').update(`${r.title}\n${r.cleanTitle}`).digest('hex').slice(0, 12);
    lines.push([name, r.status, clean, title, r.findings.map((x) => `${x.kind}:${x.start}-${x.end}:${x.points.toFixed(3)}`).join(' ')].join('\t'));
  } catch (e) {
    lines.push([name, `error: ${(e as Error).message.split('\n')[0]}`].join('\t'));
  }
}
writeFileSync(out, lines.join('\n') + '\n');
process.stderr.write(`snapshot: ${files.length} pages in ${((performance.now() - t0) / 1000).toFixed(1)} s -> ${out}\n`);
