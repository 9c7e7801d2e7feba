// Cloaked text as findings: text that a page serves only to search-engine crawlers (src/fetch/cloaking.ts finds
// it) is appended to the result's text, so every finding still points at its own characters.
import type { AnalyzeResult } from './result.js';
import type { Finding, RuleHit } from './detect/types.js';
import { matchText, type CompiledRules } from './detect/rules/index.js';
import { detectLang } from './text/index.js';
import { scoreOf, sumPoints, pickCategory } from './detect/scoring.js';
import type { Category } from './detect/types.js';

/** Serving different text to crawlers is deceptive in itself: enough alone to make a finding. */
export const CLOAKING_POINTS = 4;

export interface CloakedText {
  crawler: string;
  text: string;
  path: string;
}

export function withCloaking(result: AnalyzeResult, cloaked: CloakedText[], rules: CompiledRules): AnalyzeResult {
  if (cloaked.length === 0) return result;
  let text = result.text;
  const findings: Finding[] = [...result.findings];
  for (const c of cloaked) {
    const start = text.length + 1;
    text += `\n${c.text}`;
    const matches = matchText(rules, c.text, { lang: detectLang(c.text), where: 'hidden' });
    const hits: RuleHit[] = [
      { rule: 'CLOAKING', points: CLOAKING_POINTS, description: `text served only to ${c.crawler}, not to a browser`, evidence: c.path },
      ...matches.map((m) => ({ rule: m.rule.id, points: m.rule.score, description: m.rule.description, evidence: m.evidence })),
    ];
    const votes = new Map<Category, number>();
    for (const m of matches) if (m.rule.score > 0) votes.set(m.rule.category, (votes.get(m.rule.category) ?? 0) + m.rule.score);
    const points = sumPoints(hits);
    findings.push({
      text: c.text,
      start,
      end: start + c.text.length,
      blockId: -1,
      path: c.path,
      where: 'hidden',
      category: pickCategory(votes, 'seo-keywords'),
      kind: 'hidden-block',
      score: scoreOf(points),
      points,
      rules: hits,
    });
  }
  const score = findings.reduce((m, f) => Math.max(m, f.score), 0);
  return { ...result, text, findings, score, verdict: 'contaminated' };
}
