// Every structural rule's own examples (small HTML pages in rules/structural.yaml) run through analyze():
// positives must produce a finding that names the rule, negatives must not.
import { describe, it, expect } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { loadRules } from '../../src/detect/rules/index.js';

const rules = loadRules().rules.filter((r) => r.kind === 'structural');
const fired = (html: string) => new Set(analyze(html).findings.flatMap((f) => f.rules.map((h) => h.rule)));

describe('structural rules behave on their examples', () => {
  it('there is a structural rule for every check', () => {
    expect(rules.length).toBeGreaterThanOrEqual(10);
  });
  for (const r of rules) {
    it(`${r.id}`, () => {
      r.examples.positive.forEach((html, i) => expect(fired(html).has(r.id), `positive ${i + 1}`).toBe(true));
      r.examples.negative.forEach((html, i) => expect(fired(html).has(r.id), `negative ${i + 1}`).toBe(false));
    });
  }
});
