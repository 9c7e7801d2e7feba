// Reading rules/*.yaml: YAML parse, zod validation, one-line errors that name file, rule and field.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../../errors.js';
import { Rule, RuleFile, ScoresFile, SCORES_FILE } from './schema.js';
import { PACKAGE_ROOT } from '../../util/paths.js';
import { inputFileProblem } from '../../util/files.js';

/** A problem in the rule files (bad YAML, schema violation, bad regex, duplicate id): one line, exit 2. */
export class RulesError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'RulesError';
  }
}

/** One problem found while reading or linting the rule files. */
export interface RuleProblem {
  /** file name relative to the rules folder */
  file: string;
  /** rule id, or "-" when the problem is not tied to one rule */
  rule: string;
  problem: string;
}

export function formatProblem(p: RuleProblem): string {
  return `${p.file}: ${p.rule}: ${p.problem}`;
}

/** Length of the content hash reported as the rules version. */
const VERSION_HEX_CHARS = 12;
/** Extensions of rule files inside the rules folder (top level only). */
const RULE_FILE_RE = /\.ya?ml$/i;

/**
 * The package's rules/ folder.
 */
export function defaultRulesDir(): string {
  return join(PACKAGE_ROOT, 'rules');
}

export interface RuleSource {
  /** file name relative to the rules folder */
  file: string;
  content: string;
}

/** Why `err` (a failed read) happened, in a few words: its errno code, else its message's first line. */
const readError = (err: unknown) => (err as NodeJS.ErrnoException)?.code ?? String((err as Error)?.message ?? err).split('\n')[0];

/**
 * The rule files of dir, sorted by name. Throws RulesError when dir is missing or holds none, and when a rule file
 * is no readable regular file (a folder named a.yaml, a link loop, unreadable, a device): its path and why.
 */
export function readRuleSources(dir: string): RuleSource[] {
  if (!existsSync(dir)) throw new RulesError(`rules folder not found: ${dir}`);
  if (!statSync(dir).isDirectory()) throw new RulesError(`not a folder: ${dir}`);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (err) {
    throw new RulesError(`${dir}: cannot read the rules folder (${readError(err)})`);
  }
  const names = entries.filter((n) => RULE_FILE_RE.test(n)).sort();
  if (names.length === 0) throw new RulesError(`no rule files (*.yaml) in ${dir}`);
  return names.map((file) => {
    const path = join(dir, file);
    const why = inputFileProblem(path);
    if (why) throw new RulesError(`${path}: ${why}`);
    try {
      return { file, content: readFileSync(path, 'utf8') };
    } catch (err) {
      throw new RulesError(`${path}: cannot read (${readError(err)})`);
    }
  });
}

/** Short sha256 over the files' names and contents. */
export function rulesVersion(sources: RuleSource[]): string {
  const h = createHash('sha256');
  for (const s of sources) h.update(s.file).update('\0').update(s.content).update('\0');
  return h.digest('hex').slice(0, VERSION_HEX_CHARS);
}

export interface ParsedRule {
  rule: Rule;
  file: string;
}

/** Id of the rule at raw.rules[index] for messages, or "rules[index]" when it has none. */
function rawRuleId(raw: unknown, index: number): string {
  const rules = (raw as { rules?: unknown } | null)?.rules;
  if (Array.isArray(rules)) {
    const id = (rules[index] as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && id) return id;
  }
  return `rules[${index}]`;
}

function issueProblems(file: string, raw: unknown, issues: z.core.$ZodIssue[]): RuleProblem[] {
  return issues.map((iss) => {
    const path = iss.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (path[0] === 'rules' && typeof path[1] === 'number') {
      const field = path.slice(2).reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
      return { file, rule: rawRuleId(raw, path[1]), problem: `${field || '(rule)'}: ${iss.message}` };
    }
    return { file, rule: '-', problem: `${path.join('.') || '(file)'}: ${iss.message}` };
  });
}

/** Compile a regex rule's pattern; returns the error message or null. */
export function regexError(pattern: string, flags: string): string | null {
  try {
    new RegExp(pattern, flags);
    return null;
  } catch (err) {
    return (err as Error).message.replace(/\s+/g, ' ');
  }
}

/**
 * Parse and validate every source. Collects problems instead of throwing: schema errors, YAML errors,
 * regexes that do not compile, duplicate ids across files.
 */
export function parseRuleSources(sources: RuleSource[]): { rules: ParsedRule[]; problems: RuleProblem[] } {
  const rules: ParsedRule[] = [];
  const problems: RuleProblem[] = [];
  const seen = new Map<string, string>();
  let scores: Record<string, number> | null = null;
  for (const { file, content } of sources) {
    const doc = parseDocument(content, { uniqueKeys: true });
    if (file === SCORES_FILE) {
      if (doc.errors.length > 0) {
        for (const e of doc.errors) problems.push({ file, rule: '-', problem: `YAML: ${e.message.split('\n')[0]}` });
        continue;
      }
      const sc = ScoresFile.safeParse(doc.toJS());
      if (!sc.success) problems.push(...issueProblems(file, null, sc.error.issues));
      else scores = sc.data.scores;
      continue;
    }
    if (doc.errors.length > 0) {
      for (const e of doc.errors) problems.push({ file, rule: '-', problem: `YAML: ${e.message.split('\n')[0]}` });
      continue;
    }
    const raw: unknown = doc.toJS();
    const parsed = RuleFile.safeParse(raw);
    if (!parsed.success) {
      problems.push(...issueProblems(file, raw, parsed.error.issues));
      continue;
    }
    for (const rule of parsed.data.rules) {
      const prev = seen.get(rule.id);
      if (prev !== undefined) {
        problems.push({ file, rule: rule.id, problem: `duplicate id (also in ${prev})` });
        continue;
      }
      seen.set(rule.id, file);
      if (rule.kind === 'regex') {
        const err = regexError(rule.pattern, rule.flags);
        if (err) {
          problems.push({ file, rule: rule.id, problem: `pattern: does not compile: ${err}` });
          continue;
        }
        const preErr = rule.prefilter === undefined ? null : regexError(rule.prefilter, rule.flags);
        if (preErr) {
          problems.push({ file, rule: rule.id, problem: `prefilter: does not compile: ${preErr}` });
          continue;
        }
      }
      rules.push({ rule, file });
    }
  }
  // every rule has exactly one score: in scores.yaml, or (in a folder without an entry for it) in its own file
  const ids = new Set(rules.map((r) => r.rule.id));
  for (const r of rules) {
    const inFile = !Number.isNaN(r.rule.score);
    const listed = scores !== null && Object.hasOwn(scores, r.rule.id);
    if (listed && inFile) problems.push({ file: r.file, rule: r.rule.id, problem: `score given twice (here and in ${SCORES_FILE})` });
    else if (listed) r.rule.score = scores![r.rule.id];
    else if (!inFile) problems.push({ file: r.file, rule: r.rule.id, problem: `no score (add it to ${SCORES_FILE})` });
  }
  for (const id of Object.keys(scores ?? {})) {
    if (!ids.has(id)) problems.push({ file: SCORES_FILE, rule: id, problem: 'score for a rule that does not exist' });
  }
  return { rules: rules.filter((r) => !Number.isNaN(r.rule.score)), problems };
}

/** Throw the first problem as a one-line RulesError (with a count of the rest). */
export function throwProblems(dir: string, problems: RuleProblem[]): never {
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more; run \`winnow rules lint ${dir}\`)` : '';
  const first = problems[0];
  throw new RulesError(`${join(basename(dir), first.file)}: ${first.rule}: ${first.problem}${more}`);
}

export { Rule };
