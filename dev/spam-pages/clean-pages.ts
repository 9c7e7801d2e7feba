/**
 * False alarms on the clean real pages of ../shared/data (Scrapinghub, Chinese extraction set, GNE news,
 * trafilatura eval): every page through analyze(); the two pages with real injected spam (spam-in-the-wild
 * manifest) are expected to be flagged. With --replay each page is analysed as fetched from another host
 * (a WARC replay), which must change nothing.
 *
 *   npx tsx dev/spam-pages/clean-pages.ts [--replay]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { analyze } from '../../src/analyze.js';

const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const replay = process.argv.includes('--replay');
const files: string[] = [];
const add = (dir: string) => {
  for (const f of readdirSync(join(DATA, dir))) if (/\.html?(\.gz)?$/.test(f)) files.push(join(dir, f));
};
add('scrapinghub-article-extraction-benchmark/html');
add('chinese-web-content-extraction/original');
for (const s of readdirSync(join(DATA, 'gne-chinese-news/html'))) add(join('gne-chinese-news/html', s));
add('trafilatura-eval/eval');
add('trafilatura-eval/cache');
const manifest = JSON.parse(readFileSync(join(DATA, 'spam-in-the-wild/manifest.json'), 'utf8')) as { real_injected_spam: { file: string }[] };
const injected = new Set(manifest.real_injected_spam.map((e) => e.file));
let flagged = 0;
let alarms = 0;
for (const f of files) {
  const raw = readFileSync(join(DATA, f));
  let r;
  try {
    r = analyze(f.endsWith('.gz') ? gunzipSync(raw) : raw, replay ? { url: 'http://replay.warc-archive.example/page.html' } : {});
  } catch {
    continue;
  }
  if (r.verdict !== 'contaminated') continue;
  flagged++;
  if (!injected.has(f)) {
    alarms++;
    console.log(`FALSE ALARM ${f}: ${r.findings.map((x) => `${x.kind} ${x.points.toFixed(1)} "${x.text.slice(0, 40)}"`).join(' | ')}`);
  }
}
console.log(`${files.length} pages${replay ? ' (replayed under another host)' : ''}: ${flagged} flagged, ${alarms} of them not among the ${injected.size} pages with real injected spam`);
