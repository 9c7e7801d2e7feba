// Time, page faults and kernel time per page of each stage over the bench pages, in this one thread:
//
//   node --single-threaded-gc --max-semi-space-size=8 --import tsx bench/faults.ts [passes]
//
// decode = bytes to the page's string; page = decode + the page stage; analyze = everything. Each stage runs once over
// the pages unmeasured, then `passes` times (2 by default) measured with process.resourceUsage().
import { pageRefs } from './systems.js';
import { analyze } from '../src/index.js';
import { decode, buildPage } from '../src/page/index.js';

const passes = Number(process.argv[2] ?? 2);
if (!Number.isInteger(passes) || passes < 1) {
  process.stderr.write(`faults: passes must be a positive integer, got "${process.argv[2]}"\n`);
  process.exit(2);
}
const pages = pageRefs().map((r) => r.load());
const stages: Array<[string, (p: (typeof pages)[number]) => number]> = [
  ['decode', (p) => decode(p.bytes).html.length],
  ['page', (p) => buildPage(decode(p.bytes).html, {}).text.length],
  ['analyze', (p) => analyze(p.bytes, { url: p.url }).text.length],
];
for (const p of pages) analyze(p.bytes, { url: p.url });
for (const [name, run] of stages) {
  for (const p of pages) run(p);
  const before = process.resourceUsage();
  const t0 = performance.now();
  for (let k = 0; k < passes; k++) for (const p of pages) run(p);
  const after = process.resourceUsage();
  const n = passes * pages.length;
  const per = (x: number) => (x / n).toFixed(2);
  console.log(
    `${name.padEnd(8)} ${per(performance.now() - t0)} ms/page, ${per(after.minorPageFault - before.minorPageFault)} minor faults/page, ` +
      `user ${per((after.userCPUTime - before.userCPUTime) / 1000)} ms, system ${per((after.systemCPUTime - before.systemCPUTime) / 1000)} ms/page`,
  );
}
