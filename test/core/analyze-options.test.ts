// analyze() as a library caller meets it: options of the wrong kind are one InputError naming the option, never a
// silent change of the verdict (a NaN threshold made the seed page clean, a NaN budget turned the budget off) nor an
// internal TypeError; an input that is not text or bytes is named too.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze, AnalyzeResult } from '../../src/index.js';
import { InputError } from '../../src/errors.js';

const SEED = readFileSync(fileURLToPath(new URL('../../corpus/fixtures/seed.html', import.meta.url)));

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).not.toContain('\n');
    return (e as Error).message;
  }
  throw new Error('no error thrown');
}

describe('analyze options', () => {
  it('a threshold, budget or size limit that is no positive number is refused by name', () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ threshold: NaN }, 'analyze: option threshold must be a finite number > 0 (got NaN)'],
      [{ threshold: 'abc' }, 'analyze: option threshold must be a finite number > 0 (got "abc")'],
      [{ threshold: Infinity }, 'analyze: option threshold must be a finite number > 0 (got Infinity)'],
      [{ threshold: -1 }, 'analyze: option threshold must be a finite number > 0 (got -1)'],
      [{ budgetMs: NaN }, 'analyze: option budgetMs must be a number of ms > 0, or Infinity for no limit (got NaN)'],
      [{ budgetMs: 0 }, 'analyze: option budgetMs must be a number of ms > 0, or Infinity for no limit (got 0)'],
      [{ maxBytes: -1 }, 'analyze: option maxBytes must be a number of bytes > 0, or Infinity for no limit (got -1)'],
      [{ url: 5 }, 'analyze: option url must be an absolute http(s) URL (got 5)'],
      // the page's address is read for its site: anything else would also come back as result.url and be stored
      [{ url: 'not a url' }, 'analyze: option url must be an absolute http(s) URL (got "not a url")'],
      [{ url: 'javascript:alert(1)' }, 'analyze: option url must be an absolute http(s) URL (got "javascript:alert(1)")'],
      [{ url: 'ftp://example.com/a' }, 'analyze: option url must be an absolute http(s) URL (got "ftp://example.com/a")'],
      [{ input: 5 }, 'analyze: option input must be a string (got 5)'],
      [{ model: 'x' }, 'analyze: option model must be a model from loadModel(), or null (got "x")'],
      [{ rules: {} }, 'analyze: option rules must be a rule set from loadRules() (got object)'],
    ];
    for (const [opts, msg] of bad) expect(refusal(() => analyze(SEED, opts as never))).toBe(msg);
    expect(refusal(() => analyze(SEED, null as never))).toBe('analyze: options must be an object, not null');
  });

  it('an input that is neither text nor bytes is named by its kind', () => {
    const cases: Array<[unknown, string]> = [
      [undefined, 'undefined'],
      [null, 'null'],
      [42, 'number'],
      [{}, 'Object'],
      [new ArrayBuffer(8), 'ArrayBuffer'],
    ];
    for (const [input, kind] of cases) {
      expect(refusal(() => analyze(input as never))).toBe(`analyze: input must be a string or bytes (Buffer or Uint8Array), not ${kind}`);
    }
  });

  it('the limits off (Infinity), a threshold and no model give results the exported schema accepts', () => {
    const whole = analyze(SEED);
    expect(whole.verdict).toBe('contaminated');
    for (const opts of [{ budgetMs: Infinity, maxBytes: Infinity }, { threshold: 3.5 }, { model: null }, { input: 'seed.html', url: 'https://example.com/a' }, { url: '' }]) {
      const r = AnalyzeResult.parse(analyze(SEED, opts));
      expect(r.status).toBe('ok');
      expect(r.verdict).toBe('contaminated');
    }
    // a threshold above every finding's points leaves the page clean: the option is read, not ignored
    expect(analyze(SEED, { threshold: 1000 }).verdict).toBe('clean');
  });
});
