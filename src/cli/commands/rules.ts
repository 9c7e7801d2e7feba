// `winnow rules lint [dir]` and `winnow rules list [--json] [dir]`.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { analyze } from '../../analyze.js';
import {
  defaultRulesDir,
  formatProblem,
  lintRules,
  loadRules,
  type CompiledRules,
  type LintOptions,
} from '../../detect/rules/index.js';

interface LintCliOpts {
  structural: boolean;
}
interface ListCliOpts {
  json?: boolean;
}

/** Structural examples go through the whole pipeline; the rule ids in the findings are what fired. */
export function structuralRunner(rules: CompiledRules): NonNullable<LintOptions['runStructural']> {
  return (html: string) => {
    const result = analyze(html, { rules, input: 'rule example' });
    const fired = new Set<string>();
    for (const f of result.findings) for (const hit of f.rules) fired.add(hit.rule);
    return fired;
  };
}

export function register(program: Command): void {
  const rules = program.command('rules').description('check and list the spam rules (rules/*.yaml)');

  rules
    .command('lint')
    .description('validate rule files and run every rule\'s examples; exit 1 when there are problems')
    .argument('[dir]', 'rules folder (default: the package\'s rules/)')
    .option('--no-structural', 'do not run the structural rules\' HTML examples through the detector')
    .action((dir: string | undefined, opts: LintCliOpts) => {
      const root = resolve(dir ?? defaultRulesDir());
      const lintOpts: LintOptions = {};
      if (opts.structural) {
        try {
          lintOpts.runStructural = structuralRunner(loadRules(root));
        } catch {
          // the files have problems: lint reports them; structural examples need a loadable rule set
        }
      }
      const report = lintRules(root, lintOpts);
      for (const note of report.notes) process.stderr.write(`winnow: note: ${note}\n`);
      if (report.problems.length > 0) {
        for (const p of report.problems) process.stdout.write(`${formatProblem(p)}\n`);
        process.stderr.write(`winnow: ${report.problems.length} problems in ${report.files} rule files\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`${report.rules} rules OK\n`);
    });

  rules
    .command('list')
    .description('list the rules: id, category, kind, score, description')
    .argument('[dir]', 'rules folder (default: the package\'s rules/)')
    .option('--json', 'one JSON array of {id, category, kind, score, description}')
    .action((dir: string | undefined, opts: ListCliOpts) => {
      const compiled = loadRules(dir);
      const rows = compiled.rules.map((r) => ({
        id: r.id,
        category: r.category,
        kind: r.kind,
        score: r.score,
        description: r.description.replace(/\s+/g, ' ').trim(),
      }));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const w = {
        id: Math.max(...rows.map((r) => r.id.length)),
        category: Math.max(...rows.map((r) => r.category.length)),
        kind: Math.max(...rows.map((r) => r.kind.length)),
      };
      for (const r of rows) {
        const score = (r.score > 0 ? `+${r.score}` : String(r.score)).padStart(5);
        process.stdout.write(`${r.id.padEnd(w.id)}  ${r.category.padEnd(w.category)}  ${r.kind.padEnd(w.kind)}  ${score}  ${r.description}\n`);
      }
      process.stdout.write(`${rows.length} rules, version ${compiled.version}\n`);
    });
}
