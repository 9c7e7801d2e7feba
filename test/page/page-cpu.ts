// Page-stage CPU time per page (not a test): decode(), buildPage() and the bare cheerio/slim parse over the bench
// pages (Scrapinghub 181 + Chinese gold 69), measured with process.cpuUsage (GC threads included), after a
// warm-up round; prints the median and minimum over the rounds and the ratio to the bare parse.
//   npx tsx test/page/page-cpu.ts [--rounds 5] [--stage <dir with index.ts|index.js of another page stage copy>]
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { load } from 'cheerio/slim';
import { DATA, REPO } from './data.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, stage: { type: 'string' } } });
const rounds = Math.max(1, Number(values.rounds) || 5);
const dir = resolve(values.stage ?? join(REPO, 'src/page'));
const entry = ['index.ts', 'index.js'].map((f) => join(dir, f)).find((f) => {
  try {
    readFileSync(f);
    return true;
  } catch {
    return false;
  }
});
if (!entry) {
  process.stderr.write(`page-cpu: no index.ts or index.js in ${dir}\n`);
  process.exit(2);
}
const stage = (await import(pathToFileURL(entry).href)) as typeof import('../../src/page/index.js');

const sh = join(DATA, 'scrapinghub-article-extraction-benchmark');
const gt = JSON.parse(readFileSync(join(sh, 'ground-truth.json'), 'utf8')) as Record<string, { url?: string }>;
const pages = Object.keys(gt)
  .sort()
  .map((h) => ({ url: gt[h].url, bytes: gunzipSync(readFileSync(join(sh, 'html', `${h}.html.gz`))) }));
const zh = join(DATA, 'chinese-web-content-extraction', 'original');
for (const f of readdirSync(zh).filter((x) => x.endsWith('.html')).sort()) pages.push({ url: undefined, bytes: readFileSync(join(zh, f)) });
const htmls = pages.map((p) => stage.decode(p.bytes).html);

const cpuMsPerPage = (f: () => void): number => {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000 / pages.length;
};
const runs: Record<'parse' | 'decode' | 'buildPage', number[]> = { parse: [], decode: [], buildPage: [] };
for (let r = 0; r <= rounds; r++) {
  const parse = cpuMsPerPage(() => htmls.forEach((h) => load(h)));
  const decode = cpuMsPerPage(() => pages.forEach((p) => stage.decode(p.bytes)));
  const build = cpuMsPerPage(() => htmls.forEach((h, i) => stage.buildPage(h, { url: pages[i].url })));
  if (r === 0) continue; // warm-up
  runs.parse.push(parse);
  runs.decode.push(decode);
  runs.buildPage.push(build);
}
const median = (x: number[]): number => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
const base = median(runs.parse);
process.stdout.write(`page stage ${dir}: ${pages.length} pages, ${rounds} rounds, CPU ms/page median (min), x bare parse\n`);
for (const [k, v] of Object.entries(runs)) {
  process.stdout.write(`  ${k.padEnd(10)} ${median(v).toFixed(3)} (${Math.min(...v).toFixed(3)})  x${(median(v) / base).toFixed(2)}\n`);
}
const both = median(runs.decode) + median(runs.buildPage);
process.stdout.write(`  decode+buildPage ${both.toFixed(3)}  x${(both / base).toFixed(2)}\n`);
