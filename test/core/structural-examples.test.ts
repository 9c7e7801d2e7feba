// Every structural rule's own examples (small HTML pages in rules/structural.yaml) run through analyze():
// positives must produce a finding that names the rule, negatives must not.
import { describe, it, expect } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { loadRules } from '../../src/detect/rules/index.js';
import { StructuralCheck } from '../../src/detect/rules/schema.js';

const rules = loadRules().rules.filter((r) => r.kind === 'structural');
const fired = (html: string) => new Set(analyze(html).findings.flatMap((f) => f.rules.map((h) => h.rule)));

describe('structural rules behave on their examples', () => {
  it('there is a structural rule for every check, and every rule names a check', () => {
    const named = new Set(rules.map((r) => (r as { check?: string }).check));
    expect([...StructuralCheck.options].filter((c) => !named.has(c))).toEqual([]);
    expect([...named].filter((c) => !StructuralCheck.options.includes(c as StructuralCheck))).toEqual([]);
  });
  for (const r of rules) {
    it(`${r.id}`, () => {
      r.examples.positive.forEach((html, i) => expect(fired(html).has(r.id), `positive ${i + 1}`).toBe(true));
      r.examples.negative.forEach((html, i) => expect(fired(html).has(r.id), `negative ${i + 1}`).toBe(false));
    });
  }
});
