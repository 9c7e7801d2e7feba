// lintRules / loadRules on small broken rule folders: each kind of problem is reported with file, rule, field.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem, lintRules, loadRules, RulesError } from '../../src/detect/rules/index.js';
import { InputError } from '../../src/errors.js';

const dirs: string[] = [];
function folder(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'winnow-rules-'));
  dirs.push(d);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(d, name), content);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const lexicon = (id: string, extra = '', terms = ['股票配资'], pos = '正规股票配资平台', neg = '融资融券余额增加') => `
  - id: ${id}
    description: margin lending promotion term
    category: margin-lending
    score: 3
    lang: [zh]
    kind: lexicon
    terms: [${terms.join(', ')}]
    examples:
      positive: ['${pos}']
      negative: ['${neg}']
${extra}`;

const GOOD = `rules:${lexicon('ZH_TEST_MARGIN')}`;

function lines(dir: string, opts = {}): string[] {
  return lintRules(dir, opts).problems.map(formatProblem);
}

describe('scores.yaml', () => {
  const unscored = GOOD.replace('    score: 3\n', '');
  it('gives every rule its score, once', () => {
    const d = folder({ 'a.yaml': unscored, 'scores.yaml': 'scores:\n  ZH_TEST_MARGIN: 2.5\n' });
    expect(lines(d)).toEqual([]);
    expect(loadRules(d).rules.find((r) => r.id === 'ZH_TEST_MARGIN')!.score).toBe(2.5);
  });
  it('a score in both places, none at all, or for a rule that does not exist is a problem', () => {
    expect(lines(folder({ 'a.yaml': GOOD, 'scores.yaml': 'scores:\n  ZH_TEST_MARGIN: 2.5\n' }))).toEqual([
      'a.yaml: ZH_TEST_MARGIN: score given twice (here and in scores.yaml)',
    ]);
    expect(lines(folder({ 'a.yaml': unscored }))).toEqual(['a.yaml: ZH_TEST_MARGIN: no score (add it to scores.yaml)']);
    expect(lines(folder({ 'a.yaml': unscored, 'scores.yaml': 'scores:\n  ZH_TEST_MARGIN: 1\n  NO_SUCH_RULE: 1\n' }))).toEqual([
      'scores.yaml: NO_SUCH_RULE: score for a rule that does not exist',
    ]);
  });
  it('every shipped rule takes its score from rules/scores.yaml', () => {
    const shipped = loadRules();
    expect(shipped.rules.every((r) => Number.isFinite(r.score))).toBe(true);
  });
});

describe('lintRules', () => {
  it('a clean folder has no problems', () => {
    const r = lintRules(folder({ 'a.yaml': GOOD }));
    expect(r.problems).toEqual([]);
    expect(r.rules).toBe(1);
  });

  it('reports a regex that does not compile', () => {
    const d = folder({
      'a.yaml': `rules:
  - id: BAD_REGEX
    description: a broken pattern for the test
    category: promo
    score: 1
    kind: regex
    pattern: '(?:qq|微信'
    examples: { positive: ['qq 12345'], negative: ['hello'] }
`,
    });
    const out = lines(d);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^a\.yaml: BAD_REGEX: pattern: does not compile/);
    expect(() => loadRules(d)).toThrow(/a\.yaml: BAD_REGEX: pattern: does not compile/);
  });

  it('reports a regex that matches the empty string', () => {
    const d = folder({
      'a.yaml': `rules:
  - id: EMPTY_REGEX
    description: a pattern that matches nothing at all
    category: promo
    score: 1
    kind: regex
    pattern: '(?:qq)?'
    examples: { positive: ['qq'], negative: ['x'] }
`,
    });
    expect(lines(d).some((l) => /EMPTY_REGEX: pattern matches the empty string/.test(l))).toBe(true);
  });

  it('reports a duplicate id across files', () => {
    const d = folder({ 'a.yaml': GOOD, 'b.yaml': GOOD });
    expect(lines(d)).toEqual(['b.yaml: ZH_TEST_MARGIN: duplicate id (also in a.yaml)']);
    expect(() => loadRules(d)).toThrow(RulesError);
  });

  it('reports a term duplicated within a rule, also through folding', () => {
    const d = folder({ 'a.yaml': `rules:${lexicon('DUP_TERMS', '', ['股票配资', '配资平台', '股票配资', 'ＣＡＳＩＮＯ', 'casino'])}` });
    const out = lines(d);
    expect(out).toContain('a.yaml: DUP_TERMS: term "股票配资" duplicates "股票配资"');
    expect(out).toContain('a.yaml: DUP_TERMS: term "casino" duplicates "ＣＡＳＩＮＯ"');
  });

  it('reports examples that misbehave', () => {
    const d = folder({ 'a.yaml': `rules:${lexicon('BAD_EXAMPLES', '', ['股票配资'], '太阳城娱乐官网', '股票配资开户')}` });
    const out = lines(d);
    expect(out.some((l) => /^a\.yaml: BAD_EXAMPLES: positive example does not fire: "太阳城娱乐官网"/.test(l))).toBe(true);
    expect(out.some((l) => /^a\.yaml: BAD_EXAMPLES: negative example fires on "股票配资"/.test(l))).toBe(true);
  });

  it('reports schema errors naming the file, the rule id and the field', () => {
    const d = folder({
      'a.yaml': `rules:
  - id: SCORE_TOO_HIGH
    description: a rule whose score is out of range
    category: gambling
    score: 50
    kind: lexicon
    terms: [casino bonus]
    examples: { positive: ['casino bonus'], negative: ['hello'] }
  - id: no_lower_case
    description: lower-case ids are not allowed
    category: not-a-category
    score: 1
    kind: lexicon
    terms: []
    examples: { positive: ['x'], negative: ['y'] }
`,
    });
    const out = lines(d);
    expect(out.some((l) => /^a\.yaml: SCORE_TOO_HIGH: score: /.test(l))).toBe(true);
    expect(out.some((l) => /^a\.yaml: no_lower_case: id: rule ids are UPPER_SNAKE_CASE/.test(l))).toBe(true);
    expect(out.some((l) => /^a\.yaml: no_lower_case: category: /.test(l))).toBe(true);
    expect(out.some((l) => /^a\.yaml: no_lower_case: terms: /.test(l))).toBe(true);
    let err: unknown;
    try {
      loadRules(d);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RulesError);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/a\.yaml: SCORE_TOO_HIGH: score: .*\(and \d+ more; run `winnow rules lint/);
    expect((err as Error).message).not.toMatch(/\n/);
  });

  it('reports bad YAML and an unknown kind', () => {
    const d = folder({
      'a.yaml': 'rules:\n  - id: X\n    description: [unclosed\n',
      'b.yaml': `rules:
  - id: UNKNOWN_KIND
    description: kind is not one of the three
    category: promo
    score: 1
    kind: magic
    examples: { positive: ['x'], negative: ['y'] }
`,
    });
    const out = lines(d);
    expect(out.some((l) => /^a\.yaml: -: YAML: /.test(l))).toBe(true);
    expect(out.some((l) => /^b\.yaml: UNKNOWN_KIND: kind: /.test(l))).toBe(true);
  });

  it('runs structural examples through the callback, and notes when there is none', () => {
    const structural = `rules:
  - id: STRUCT_TEST_HIDDEN
    description: hidden block with spam for the test
    category: seo-keywords
    score: 2
    kind: structural
    check: hidden-text
    params: { minChars: 20, minSpamPoints: 2 }
    examples:
      positive: ['<div style="display:none">股票配资</div>']
      negative: ['<p>hello</p>']
`;
    const d = folder({ 'a.yaml': structural });
    const none = lintRules(d);
    expect(none.problems).toEqual([]);
    // every param of the check is given in the file (no defaults in code), each typed by the check's schema
    const partial = folder({ 'a.yaml': structural.replace('{ minChars: 20, minSpamPoints: 2 }', '{ minChars: 20, minSpamPoint: 2 }') });
    expect(lines(partial).join('\n')).toMatch(/params\.minSpamPoints: hidden-text: .*expected number[\s\S]*Unrecognized key: "minSpamPoint"/);
    expect(none.notes.join(' ')).toMatch(/1 structural rules not run/);
    const fake = (html: string) => new Set(html.includes('display:none') ? ['STRUCT_TEST_HIDDEN'] : []);
    expect(lintRules(d, { runStructural: fake }).problems).toEqual([]);
    const inverted = (html: string) => new Set(html.includes('display:none') ? [] : ['STRUCT_TEST_HIDDEN']);
    expect(lines(d, { runStructural: inverted })).toEqual([
      'a.yaml: STRUCT_TEST_HIDDEN: positive example 1 does not fire',
      'a.yaml: STRUCT_TEST_HIDDEN: negative example 1 fires',
    ]);
    const throwing = () => {
      throw new Error('boom');
    };
    expect(lines(d, { runStructural: throwing })[0]).toBe('a.yaml: STRUCT_TEST_HIDDEN: positive example 1: detector failed: boom');
  });

  it('a missing or empty folder is a one-line RulesError', () => {
    expect(() => lintRules(join(tmpdir(), 'winnow-no-such-dir-xyz'))).toThrow(/rules folder not found/);
    expect(() => loadRules(folder({ 'readme.txt': 'x' }))).toThrow(/no rule files/);
  });
});

describe('loadRules', () => {
  it('version is a content hash; the cache follows file changes', () => {
    const d = folder({ 'a.yaml': GOOD });
    const a = loadRules(d);
    expect(a.version).toMatch(/^[0-9a-f]{12}$/);
    expect(loadRules(d)).toBe(a);
    writeFileSync(join(d, 'a.yaml'), GOOD.replace('score: 3', 'score: 4'));
    const b = loadRules(d);
    expect(b.version).not.toBe(a.version);
    expect(b.rules[0].score).toBe(4);
  });
});
