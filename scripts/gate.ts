// npm run gate: score winnow on the corpus DEV split, the spam-pages dev split and the page stage's gold pages
// (Scrapinghub, Chinese, trafilatura-eval snippets; no peers) and fail (exit 1, one line per failed figure) when a
// figure falls below its floor or rises above its ceiling in corpus/gate.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkGate, effectiveGate, GateFile } from '../dev/eval/gate.js';
import { evalRepoRoot } from '../dev/eval/data.js';
import { reportGateFigures, runGateEval } from '../dev/eval/run.js';

process.env.DOTENV_CONFIG_QUIET ??= 'true';

async function main(): Promise<number> {
  const path = join(evalRepoRoot(), 'corpus', 'gate.json');
  let gate: GateFile;
  try {
    gate = GateFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (e) {
    process.stderr.write(`gate: cannot read ${path}: ${(e as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  const report = await runGateEval(gate.split);
  const set = report.corpus[gate.split];
  const figures = reportGateFigures(report, gate.split);
  if (!set || !figures) {
    process.stderr.write(`gate: corpus ${gate.split} split not available: ${report.meta.corpusErrors.join('; ') || 'dev/corpus missing'}\n`);
    return 1;
  }
  const failures = checkGate(figures, effectiveGate(gate));
  const summary = Object.entries(figures).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(', ');
  process.stdout.write(`gate (${gate.split}, ${set.winnow.items} items, ${report.meta.seconds.toFixed(1)} s): ${summary}\n`);
  if (set.errors.length) process.stdout.write(`gate: ${set.errors.length} items failed to analyze, first: ${set.errors[0].id}: ${set.errors[0].error}\n`);
  for (const f of failures) process.stdout.write(f.message + '\n');
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`gate: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}\n`);
    process.exit(1);
  },
);
