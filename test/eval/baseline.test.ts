import { describe, expect, it } from 'vitest';
import { blockSentences, lexiconTerms, naiveBaseline, termMatcher } from '../../dev/eval/baseline.js';
import { loadRules } from '../../src/detect/rules/index.js';

describe('naive lexicon baseline', () => {
  it('splits block text into Chinese and Latin sentences', () => {
    const t = '第一句话。第二句配资！Third one. Fourth?';
    const s = blockSentences(t).map(([a, b]) => t.slice(a, b).trim());
    expect(s).toEqual(['第一句话。', '第二句配资！', 'Third one.', 'Fourth?']);
  });
  it('matches latin terms on word boundaries and CJK terms as substrings, after NFKC + lower-case', () => {
    const m = termMatcher(['casino', '股票配资']);
    expect(m.test('Best CASINO bonus')).toBe(true);
    expect(m.test('casinos')).toBe(false);
    expect(m.test('互联网金融股票配资平台')).toBe(true);
    expect(m.test('ｃａｓｉｎｏ night')).toBe(true); // full-width folds to ASCII
    expect(m.test('nothing here')).toBe(false);
    expect(termMatcher([]).test('casino')).toBe(false);
  });
  it('drops every sentence that holds a term, with offsets into the page text', () => {
    const blocks = [
      { text: 'Casino news', start: 0, region: 'title' },
      { text: 'Police closed a casino. Nobody was hurt.', start: 12, region: 'body' },
    ];
    const spans = naiveBaseline(blocks, termMatcher(['casino']));
    const text = 'Casino news\nPolice closed a casino. Nobody was hurt.';
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Casino news', 'Police closed a casino.']);
    expect(spans.map((s) => s.kind)).toEqual(['title-affix', 'promo-line']);
  });
  it('takes its terms from the positive-score lexicon rules of the real rule set', () => {
    const rules = loadRules();
    const terms = lexiconTerms(rules);
    const negative = rules.rules.filter((r) => r.kind === 'lexicon' && r.score <= 0).flatMap((r) => (r.kind === 'lexicon' ? r.terms : []));
    expect(terms.length).toBeGreaterThan(0);
    expect(new Set(terms).size).toBe(terms.length);
    for (const t of negative.slice(0, 50)) if (!rules.rules.some((r) => r.kind === 'lexicon' && r.score > 0 && r.terms.includes(t))) expect(terms).not.toContain(t.normalize('NFKC').toLowerCase());
  });
});
