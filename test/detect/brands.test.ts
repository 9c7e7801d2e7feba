// Brand substitutions on real pages of the spam-pages dev split: a casino brand (with its site number or VIP, or
// one character the rule match leaves out) standing where the school's name belongs is cut wherever it stands,
// also where the role word after it is missing; the classifier's low p on a bare name does not excuse it.
import { describe, it, expect } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { isNameSpan, NAME_SPAN_EXTRA_CHARS } from '../../src/detect/detector.js';
import { spamPages, normScore } from '../../dev/eval/real-pages.js';

const dev = new Map(spamPages('dev').map((p) => [p.label.id, p]));
function run(id: string) {
  const p = dev.get(id);
  if (!p) throw new Error(`${id} is not in the dev split`);
  const r = analyze(p.html, { url: /^https?:/.test(p.label.source) ? p.label.source : undefined });
  const out = normScore(`${r.cleanTitle}\n${r.cleanText}`);
  return { r, label: p.label, out };
}

describe('brand substituted for an institution (spam-pages dev split)', () => {
  for (const id of ['zh-ahfagshui-pujing-substitution', 'zh-hiracollege-888-substitution', 'zh-bjxpyban-jinsha-substitution', 'zh-estudioretro-xinpujing-substitution']) {
    it(`${id}: flagged, every brand string gone, every article sentence kept`, () => {
      const { r, label, out } = run(id);
      expect(r.verdict).toBe('contaminated');
      for (const s of label.spam) expect(out.includes(normScore(s)), s).toBe(false);
      for (const s of label.keep) expect(out.includes(normScore(s)), s).toBe(true);
    });
  }
});

describe('name spans', () => {
  it('a span that is its rule match and a few glued characters is a name', () => {
    expect(isNameSpan('350VIP浦京集团', [{ start: 3, end: 11 }])).toBe(true);
    expect(isNameSpan('新浦京', [{ start: 1, end: 3 }])).toBe(true);
  });
  it('a phrase with more of its own words than the match is not', () => {
    const text = '350VIP浦京集团今年举办志愿者活动';
    expect(text.length - 11).toBeGreaterThan(NAME_SPAN_EXTRA_CHARS);
    expect(isNameSpan(text, [{ start: 3, end: 11 }])).toBe(false);
    expect(isNameSpan('新浦京', [])).toBe(false);
  });
});
