// `winnow rules lint`: everything loadRules checks, plus per-rule sanity checks and the rules' own examples.
import type { Region } from '../../page/types.js';
import type { Lang } from '../../text/types.js';
import { formatProblem, parseRuleSources, readRuleSources, RulesError, type RuleProblem } from './loader.js';
import { foldTerm, matchRules, type RuleSet } from './matcher.js';
import type { Rule } from './schema.js';

export type { RuleProblem } from './loader.js';
export { formatProblem } from './loader.js';

export interface LintOptions {
  /** Runs the detector on an HTML document and returns the ids of the rules that fired (structural examples). */
  runStructural?: (html: string) => Set<string>;
}

export interface LintReport {
  /** rules that parsed and validated */
  rules: number;
  files: number;
  problems: RuleProblem[];
  /** informational lines (e.g. structural examples skipped); not problems */
  notes: string[];
}

/** Strings a regex is tried on to see whether it can match the empty string. */
const EMPTY_PROBES = ['', 'x', ' ', '中文 text 123'];

function exampleCtx(rule: Rule): { lang: Lang; where: Region } {
  const first = rule.lang[0] ?? 'any';
  return { lang: first === 'any' ? 'en' : first, where: rule.where?.[0] ?? 'body' };
}

function short(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function ruleProblems(rule: Rule, file: string, all: RuleSet, opts: LintOptions): RuleProblem[] {
  const out: RuleProblem[] = [];
  const add = (problem: string): void => {
    out.push({ file, rule: rule.id, problem });
  };
  if (rule.kind === 'lexicon') {
    const seen = new Map<string, string>();
    for (const term of rule.terms) {
      const f = foldTerm(term);
      if (f.length === 0) {
        add(`term ${JSON.stringify(term)} is empty once folded`);
        continue;
      }
      const prev = seen.get(f);
      if (prev !== undefined) add(`term ${JSON.stringify(term)} duplicates ${JSON.stringify(prev)}`);
      else seen.set(f, term);
    }
  }
  if (rule.kind === 'regex') {
    const re = new RegExp(rule.pattern, rule.flags);
    for (const probe of EMPTY_PROBES) {
      const m = re.exec(probe);
      if (m && m[0].length === 0) {
        add(`pattern matches the empty string (on ${JSON.stringify(probe)})`);
        break;
      }
    }
  }
  if (rule.kind === 'structural') {
    if (!opts.runStructural) return out;
    rule.examples.positive.forEach((html, i) => {
      let fired: Set<string>;
      try {
        fired = opts.runStructural!(html);
      } catch (err) {
        add(`positive example ${i + 1}: detector failed: ${short((err as Error).message ?? String(err))}`);
        return;
      }
      if (!fired.has(rule.id)) add(`positive example ${i + 1} does not fire`);
    });
    rule.examples.negative.forEach((html, i) => {
      let fired: Set<string>;
      try {
        fired = opts.runStructural!(html);
      } catch (err) {
        add(`negative example ${i + 1}: detector failed: ${short((err as Error).message ?? String(err))}`);
        return;
      }
      if (fired.has(rule.id)) add(`negative example ${i + 1} fires`);
    });
    return out;
  }
  const ctx = exampleCtx(rule);
  for (const ex of rule.examples.positive) {
    if (!matchRules(all, ex, ctx).some((m) => m.rule === rule)) add(`positive example does not fire: ${JSON.stringify(short(ex))}`);
  }
  for (const ex of rule.examples.negative) {
    const hit = matchRules(all, ex, ctx).find((m) => m.rule === rule);
    if (hit) add(`negative example fires on ${JSON.stringify(hit.evidence)}: ${JSON.stringify(short(ex))}`);
  }
  return out;
}

/** Lint every rule file in dir. Never throws for problems in the files; only when dir is unusable. */
export function lintRules(dir: string, opts: LintOptions = {}): LintReport {
  const sources = readRuleSources(dir);
  const { rules, problems } = parseRuleSources(sources);
  const set: RuleSet = { rules: rules.map((r) => r.rule) };
  const notes: string[] = [];
  for (const { rule, file } of rules) problems.push(...ruleProblems(rule, file, set, opts));
  const structural = rules.filter((r) => r.rule.kind === 'structural').length;
  if (structural > 0 && !opts.runStructural) notes.push(`examples of ${structural} structural rules not run (no detector given)`);
  return { rules: rules.length, files: sources.length, problems, notes };
}

export { RulesError, formatProblem as formatRuleProblem };
