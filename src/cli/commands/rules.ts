// `winnow rules lint [dir]` and `winnow rules list [--json] [dir]`.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { cannotRead, checkInputFile, gunzipInput } from '../../util/files.js';
import { MAX_INPUT_BYTES } from '../input.js';
import { Region } from '../../page/types.js';
import type { Lang } from '../../text/index.js';
import type { CompiledRules, LintOptions } from '../../detect/rules/index.js';
import type { analyze as Analyze } from '../../analyze.js';

/**
 * The rule engine, the language guess and analyze(), loaded when a rules subcommand runs: every other winnow
 * command (a batch scan's main thread above all) starts without the analysis stages.
 */
async function engine() {
  const [rules, text, { analyze }] = await Promise.all([import('../../detect/rules/index.js'), import('../../text/index.js'), import('../../analyze.js')]);
  return { ...rules, detectLang: text.detectLang, analyze };
}

interface LintCliOpts {
  structural: boolean;
}
interface ListCliOpts {
  json?: boolean;
}
interface MatchCliOpts {
  lang?: string;
  where: string;
  rules?: string;
  json?: boolean;
}
interface CoverageCliOpts {
  rules?: string;
  split: string;
  min: string;
}
interface BenchCliOpts {
  rules?: string;
  rounds: string;
}

const LANGS: readonly Lang[] = ['zh', 'ja', 'ko', 'en', 'id', 'de', 'es', 'pt', 'fr', 'ru', 'other'];

function parseLang(v: string | undefined, text: string, detectLang: (t: string) => Lang): Lang {
  if (v === undefined) return detectLang(text);
  if (!(LANGS as readonly string[]).includes(v)) throw new InputError(`--lang must be one of ${LANGS.join(', ')}`);
  return v as Lang;
}

function parseWhere(v: string): Region {
  const r = Region.safeParse(v);
  if (!r.success) throw new InputError(`--where must be one of ${Region.options.join(', ')}`);
  return r.data;
}

/**
 * Text of a file for benchmarking: .gz is gunzipped; HTML loses scripts, styles and tags (one line per tag). A file
 * that is no readable regular file (a folder, /dev/zero, a FIFO) or is over MAX_INPUT_BYTES, plain or gunzipped, is
 * refused with its name, as `winnow scan` refuses it.
 */
function benchText(file: string): string {
  checkInputFile(file, MAX_INPUT_BYTES);
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    throw cannotRead(file, err);
  }
  if (file.endsWith('.gz')) buf = gunzipInput(buf, MAX_INPUT_BYTES, file);
  let s = buf.toString('utf8');
  if (s.includes('\ufffd')) s = new TextDecoder('gb18030').decode(buf);
  if (!/<[a-z!]/i.test(s)) return s;
  return s
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<!--[\s\S]*?-->/gi, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&nbsp;/g, ' ');
}

/** Structural examples go through the whole pipeline; the rule ids in the findings are what fired. */
export function structuralRunner(rules: CompiledRules, analyze: typeof Analyze): NonNullable<LintOptions['runStructural']> {
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
    .action(async (dir: string | undefined, opts: LintCliOpts) => {
      const { defaultRulesDir, loadRules, lintRules, formatProblem, analyze } = await engine();
      const root = resolve(dir ?? defaultRulesDir());
      const lintOpts: LintOptions = {};
      if (opts.structural) {
        try {
          lintOpts.runStructural = structuralRunner(loadRules(root), analyze);
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
    .action(async (dir: string | undefined, opts: ListCliOpts) => {
      const { loadRules } = await engine();
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

  rules
    .command('match')
    .description('show which lexicon/regex rules fire on a text (rule authoring aid)')
    .argument('<text>', 'the text to match (use - to read stdin)')
    .option('--lang <lang>', 'language context (default: detected)')
    .option('--where <region>', 'region context: title, body, hidden, boilerplate', 'body')
    .option('--rules <dir>', 'rules folder (default: the package\'s rules/)')
    .option('--json', 'print the matches as JSON')
    .action(async (text: string, opts: MatchCliOpts) => {
      const { loadRules, matchText, detectLang } = await engine();
      const input = text === '-' ? readFileSync(0, 'utf8') : text;
      const ctx = { lang: parseLang(opts.lang, input, detectLang), where: parseWhere(opts.where) };
      const matches = matchText(loadRules(opts.rules), input, ctx);
      if (opts.json) {
        const rows = matches.map((m) => ({ rule: m.rule.id, score: m.rule.score, start: m.start, end: m.end, evidence: m.evidence }));
        process.stdout.write(`${JSON.stringify(rows)}\n`);
        return;
      }
      const points = new Map(matches.map((m) => [m.rule.id, m.rule.score]));
      for (const m of matches) process.stdout.write(`${m.rule.id}\t${m.rule.score}\t${m.start}-${m.end}\t${m.evidence}\n`);
      const total = [...points.values()].reduce((a, b) => a + b, 0);
      process.stdout.write(`${points.size} rules, ${Math.round(total * 100) / 100} points (each rule once; lang ${ctx.lang}, where ${ctx.where})\n`);
    });

  rules
    .command('coverage')
    .description('share of the corpus gold spans (injected spam) on which the text rules alone reach --min points')
    .option('--split <split>', 'train, dev or test', 'dev')
    .option('--min <points>', 'points a span needs (each rule once)', '2')
    .option('--rules <dir>', 'rules folder (default: the package\'s rules/)')
    .action(async (opts: CoverageCliOpts) => {
      const { runDevScriptAttached, devScriptCommand, DEV_NEEDS_CHECKOUT } = await import('../../retrain.js');
      if (!devScriptCommand('corpus/coverage.ts')) throw new InputError(DEV_NEEDS_CHECKOUT('rules coverage'));
      const args = ['--split', opts.split, '--min', opts.min, ...(opts.rules ? ['--rules', resolve(opts.rules)] : [])];
      const code = await runDevScriptAttached('corpus/coverage.ts', args);
      if (code !== 0) process.exitCode = code;
    });

  rules
    .command('bench')
    .description('measure matchText throughput (CPU time, all rules) over text or HTML files, one call per line')
    .argument('<files...>', 'text or HTML files (.gz ok)')
    .option('--rules <dir>', 'rules folder (default: the package\'s rules/)')
    .option('--rounds <n>', 'timed rounds; the best is reported', '5')
    .action(async (files: string[], opts: BenchCliOpts) => {
      const { loadRules, matchText, detectLang } = await engine();
      const compiled = loadRules(opts.rules);
      const rounds = Number(opts.rounds);
      if (!Number.isInteger(rounds) || rounds < 1) throw new InputError('--rounds must be a positive integer');
      const units: { text: string; lang: Lang }[] = [];
      for (const f of files) {
        for (const line of benchText(f).split('\n')) {
          if (line.trim()) units.push({ text: line, lang: detectLang(line) });
        }
      }
      const bytes = units.reduce((n, u) => n + Buffer.byteLength(u.text), 0);
      if (bytes === 0) throw new InputError('no text in the given files');
      let hits = 0;
      for (const u of units) hits += matchText(compiled, u.text, { lang: u.lang, where: 'body' }).length; // warm-up
      let best = Infinity;
      for (let r = 0; r < rounds; r++) {
        const t = process.cpuUsage();
        for (const u of units) matchText(compiled, u.text, { lang: u.lang, where: 'body' });
        const used = process.cpuUsage(t);
        best = Math.min(best, (used.user + used.system) / 1000);
      }
      const mb = bytes / 1e6;
      process.stdout.write(
        `${files.length} files, ${units.length} lines, ${mb.toFixed(2)} MB, ${compiled.rules.length} rules: ` +
          `${best.toFixed(1)} ms CPU (best of ${rounds}) = ${(mb / (best / 1000)).toFixed(1)} MB/s, ${hits} matches\n`,
      );
    });
}
