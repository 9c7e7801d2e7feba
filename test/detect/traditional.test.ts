// Spam converted to traditional characters to slip past simplified keyword lists: real contaminated pages of the
// spam-pages dev split, converted with OpenCC (simplified to Taiwan traditional), are found as they are in
// simplified, because the rule matcher reads traditional characters as simplified (src/text/hanzi.ts).
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { analyze } from '../../src/analyze.js';
import { normScore, spamPages } from '../../dev/eval/real-pages.js';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const dev = new Map(spamPages('dev').map((p) => [p.label.id, p]));

describe('spam in traditional characters', () => {
  for (const id of ['zh-lianzhaobiao-peizi-title-affix', 'zh-ahfagshui-pujing-substitution', 'zh-marthadiao-weinisi-substitution']) {
    it(`${id}: converted to traditional, still flagged and its spam strings removed`, () => {
      const { label, html } = dev.get(id)!;
      const trad = toTraditional(html.toString('utf8'));
      expect(trad).not.toBe(html.toString('utf8'));
      const r = analyze(trad, { input: id });
      expect(r.verdict).toBe('contaminated');
      const clean = normScore(`${r.cleanTitle}\n${r.cleanText}`);
      for (const s of label.spam) expect(clean, s).not.toContain(normScore(toTraditional(s)));
    });
  }
});
