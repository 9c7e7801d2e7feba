// npm run bench [-- --out reports/] [--limit N]
// One run over the same real pages (Scrapinghub 181 + Chinese gold 69): bare cheerio/slim parse, winnow analyze(),
// linkedom+Readability, jsdom+Readability; winnow's hashed n-gram classifier vs natural's BayesClassifier; batch
// throughput on all cores with worker threads. Each system runs in its own child process (sequentially, so timings
// do not compete) so that its peak RSS (process.resourceUsage().maxRSS) is its own. Warm-up before timing.
// Writes <out>/bench.md and <out>/bench.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { renderBenchMarkdown, type BenchReport, type SystemResult } from './report.js';
import { launcherNode } from './launcher.js';

process.env.DOTENV_CONFIG_QUIET ??= 'true';

const SELF = fileURLToPath(import.meta.url);
const ROOT = resolve(SELF, '..', '..');

/** Systems timed page by page, in this order. */
export const PAGE_SYSTEMS = ['cheerio-slim', 'winnow-analyze', 'interleaved', 'linkedom-readability', 'jsdom-readability'] as const;
const OTHER_SYSTEMS = ['classifier-winnow', 'classifier-natural', 'batch-workers', 'warc-batch'] as const;
type SystemName = (typeof PAGE_SYSTEMS)[number] | (typeof OTHER_SYSTEMS)[number];

/** bench/warc.ts (a script, no exported function): run it and parse its summary lines. */
function runWarcBench(): SystemResult {
  const system = 'warc-batch';
  if (!existsSync(join(ROOT, 'bench', 'warc.ts'))) return { system, ok: false, error: 'bench/warc.ts not written yet' };
  process.stderr.write(`bench: ${system} (bench/warc.ts) ...\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'warc.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
  });
  const lines = r.stdout.trim().split('\n').filter(Boolean);
  const batchLine = lines.find((l) => l.startsWith('batch:'));
  if (r.status !== 0 || !batchLine) {
    const err = (r.stderr || '').trim().split('\n').filter(Boolean).pop() ?? `exit ${r.status}`;
    return { system, ok: false, error: err.slice(0, 300) };
  }
  const num = (re: RegExp): number | undefined => {
    const m = re.exec(batchLine);
    return m ? Number(m[1]) : undefined;
  };
  const res: SystemResult = {
    system,
    ok: true,
    pages: num(/batch: (\d+) pages/u),
    pagesPerSec: num(/= ([\d.]+) pages\/s/u),
    throughput: num(/= ([\d.]+) pages\/s/u),
    unit: 'pages/s',
    peakRssMB: (num(/peak RSS ([\d.]+) MiB/u) ?? 0) * 1.048576,
    note: lines.join(' / '),
  };
  process.stderr.write(`bench: ${system}: ${batchLine}\n`);
  return res;
}

/** Each system's child runs as the CLI launcher runs Node (bench/launcher.ts); BENCH_LAUNCHER=0 runs plain `node`. */
const LAUNCHER = process.env.BENCH_LAUNCHER === '0' ? { env: {}, flags: [], line: 'node' } : launcherNode(ROOT);
const NODE_FLAGS = LAUNCHER.flags;

function runChild(system: SystemName, limit: number | undefined): SystemResult {
  if (system === 'warc-batch') return runWarcBench();
  const args = [...NODE_FLAGS, '--import', 'tsx', SELF, '--child', system];
  if (limit !== undefined) args.push('--limit', String(limit));
  process.stderr.write(`bench: ${system} ...\n`);
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...LAUNCHER.env, DOTENV_CONFIG_QUIET: 'true' },
  });
  const line = r.stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (r.status !== 0 || !line) {
    const err = (r.stderr || '').trim().split('\n').filter(Boolean).pop() ?? `exit ${r.status}`;
    process.stderr.write(`bench: ${system} failed: ${err}\n`);
    return { system, ok: false, error: err.slice(0, 300) };
  }
  const res = JSON.parse(line) as SystemResult;
  process.stderr.write(`bench: ${system}: ${res.note ?? ''}${res.perPage ? ` median ${res.perPage.median.toFixed(2)} ms/page` : ''}${res.throughput ? ` ${res.throughput.toFixed(0)} /s` : ''}${res.peakRssMB === undefined ? '' : `, peak RSS ${res.peakRssMB.toFixed(0)} MB`}\n`);
  return res;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      out: { type: 'string', default: 'reports' },
      limit: { type: 'string' },
      only: { type: 'string' },
    },
    strict: true,
  });
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit <= 0)) {
    process.stderr.write(`bench: --limit must be a positive integer\n`);
    process.exit(2);
  }
  if (values.child) {
    const { runSystem } = await import('./systems.js');
    const res = await runSystem(values.child, limit);
    process.stdout.write(JSON.stringify(res) + '\n');
    return;
  }
  const all: SystemName[] = [...PAGE_SYSTEMS, ...OTHER_SYSTEMS];
  const chosen = values.only ? (values.only.split(',') as SystemName[]) : all;
  for (const s of chosen) {
    if (!all.includes(s)) {
      process.stderr.write(`bench: unknown system "${s}" (one of ${all.join(', ')})\n`);
      process.exit(2);
    }
  }
  const t0 = performance.now();
  const loadStart = loadavg();
  const results: SystemResult[] = chosen.map((s) => runChild(s, limit));
  const report: BenchReport = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: availableParallelism(),
    limit,
    warcBench: existsSync(join(ROOT, 'bench', 'warc.ts')),
    loadavg: { start: loadStart, end: loadavg() },
    launcher: LAUNCHER.line,
    seconds: 0,
    results,
  };
  report.seconds = (performance.now() - t0) / 1000;
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'bench.json'), JSON.stringify(report, null, 2) + '\n');
  const md = renderBenchMarkdown(report);
  writeFileSync(join(out, 'bench.md'), md);
  process.stdout.write(md);
  process.stderr.write(`bench: wrote ${join(out, 'bench.md')} and ${join(out, 'bench.json')} in ${report.seconds.toFixed(1)} s\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}\n`);
  process.exit(1);
});
