// Rules engine: load rules/*.yaml (zod-validated), compile, match lexicon/regex rules on text, lint.
// The signatures below are the contract detect/ relies on.
import { resolve } from 'node:path';
import type { Lang } from '../../text/types.js';
import type { Region } from '../../page/types.js';
import type { Rule } from './schema.js';
import { defaultRulesDir, parseRuleSources, readRuleSources, rulesVersion, throwProblems } from './loader.js';
import { foldTerm, matchRules, matchRulesLangs, type TextMatch } from './matcher.js';
export type { Rule, RuleFile, StructuralCheck } from './schema.js';
export type { TextMatch } from './matcher.js';
export { foldForMatch, foldTerm, mayBeDisguised, readsOtherwise, toOriginal as matchToOriginal } from './matcher.js';
export { RulesError, defaultRulesDir, formatProblem, type RuleProblem } from './loader.js';
export { lintRules, type LintOptions, type LintReport } from './lint.js';

export interface CompiledRules {
  rules: Rule[];
  /** content hash of the rule files, reported as AnalyzeResult.version.rules */
  version: string;
}

/** Loaded rule sets by folder; reused while the files' contents hash the same. */
const cache = new Map<string, CompiledRules>();

/** Load and validate every rules/*.yaml under dir (default: the package's rules/). Throws RulesError. */
export function loadRules(dir?: string): CompiledRules {
  const root = resolve(dir ?? defaultRulesDir());
  const sources = readRuleSources(root);
  const version = rulesVersion(sources);
  const hit = cache.get(root);
  if (hit && hit.version === version) return hit;
  const { rules, problems } = parseRuleSources(sources);
  if (problems.length > 0) throwProblems(root, problems);
  const compiled: CompiledRules = { rules: rules.map((r) => r.rule), version };
  cache.set(root, compiled);
  return compiled;
}

/** Run the lexicon and regex rules that apply to (lang, where) over text. */
export function matchText(rules: CompiledRules, text: string, ctx: { lang: Lang; where: Region }): TextMatch[] {
  return matchRules(rules, text, ctx);
}

/** matchText for each of several languages, the text folded once: the lists one after the other, in langs' order, each match once. */
export function matchTextLangs(rules: CompiledRules, text: string, langs: Iterable<Lang>, where: Region): TextMatch[] {
  return matchRulesLangs(rules, text, langs, where);
}

/**
 * Folded lexicon terms of the rules with at least minScore points that run on lang (all languages when
 * unset), e.g. to add them to the segmenter's dictionary (text/addWords) so they come out as whole words.
 */
export function lexiconTerms(rules: CompiledRules, opts: { lang?: Lang; minScore?: number } = {}): string[] {
  const min = opts.minScore ?? Number.EPSILON;
  const out = new Set<string>();
  for (const r of rules.rules) {
    if (r.kind !== 'lexicon' || r.score < min) continue;
    if (opts.lang && !r.lang.includes('any') && !r.lang.includes(opts.lang as 'zh')) continue;
    for (const t of r.terms) {
      const f = foldTerm(t);
      if (f) out.add(f);
    }
  }
  return [...out];
}
