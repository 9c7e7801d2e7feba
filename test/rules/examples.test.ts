// Every lexicon/regex rule's own examples behave: positives fire, negatives do not (one test per rule).
import { describe, expect, it } from 'vitest';
import { lintRules, loadRules, matchText, defaultRulesDir } from '../../src/detect/rules/index.js';
import type { Rule } from '../../src/detect/rules/schema.js';

const compiled = loadRules();
const textRules = compiled.rules.filter((r) => r.kind !== 'structural');

function ctxOf(rule: Rule) {
  const first = rule.lang[0] ?? 'any';
  return { lang: first === 'any' ? 'en' : first, where: rule.where?.[0] ?? 'body' } as const;
}

describe('rule examples', () => {
  it('the package ships a real rule set', () => {
    expect(compiled.rules.length).toBeGreaterThan(50);
    const cats = new Set(compiled.rules.filter((r) => r.score > 0).map((r) => r.category));
    for (const c of ['margin-lending', 'gambling', 'fake-documents', 'loans', 'pharma', 'replica-goods', 'adult', 'game-servers', 'promo']) {
      expect(cats, c).toContain(c);
    }
    expect(compiled.rules.some((r) => r.score < 0), 'ham rules with negative points').toBe(true);
    expect(compiled.rules.filter((r) => r.kind === 'structural').map((r) => (r as { check: string }).check).sort()).toEqual(
      ['case-splice', 'hidden-link-list', 'hidden-text', 'keyword-stuffing', 'language-mismatch', 'link-block', 'link-farm', 'numbered-promo-line', 'repeated-phrase', 'script-splice', 'site-branding', 'spam-link-hosts', 'spliced-anchor', 'title-affix'],
    );
  });

  for (const rule of textRules) {
    it(`${rule.id}: positives fire, negatives do not`, () => {
      const ctx = ctxOf(rule);
      for (const ex of rule.examples.positive) {
        const hits = matchText(compiled, ex, ctx).filter((m) => m.rule.id === rule.id);
        expect(hits.length, `positive: ${ex}`).toBeGreaterThan(0);
        for (const h of hits) expect(ex.slice(h.start, h.end)).toBe(h.evidence);
      }
      for (const ex of rule.examples.negative) {
        const hits = matchText(compiled, ex, ctx).filter((m) => m.rule.id === rule.id);
        expect(hits.map((h) => h.evidence), `negative: ${ex}`).toEqual([]);
      }
    });
  }

  it('lint finds no problem in the shipped rules (structural examples aside)', () => {
    const report = lintRules(defaultRulesDir());
    expect(report.problems).toEqual([]);
    expect(report.rules).toBe(compiled.rules.length);
  });
});
