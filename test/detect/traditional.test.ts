// Spam converted to traditional characters to slip past simplified keyword lists: real contaminated pages of the
// spam-pages dev split, converted with OpenCC (simplified to Taiwan traditional), are found as they are in
// simplified, because the rule matcher reads traditional characters as simplified (src/text/hanzi.ts).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { normScore, spamPages, spamPagesDisguised } from '../../dev/eval/real-pages.js';

const dev = new Map(spamPages('dev').map((p) => [p.label.id, p]));
const trad = new Map(spamPagesDisguised('dev', 'traditional').map((p) => [p.label.id, p]));

describe('spam in traditional characters', () => {
  for (const id of ['zh-lianzhaobiao-peizi-title-affix', 'zh-ahfagshui-pujing-substitution', 'zh-marthadiao-weinisi-substitution']) {
    it(`${id}: converted to traditional, still flagged and its spam strings removed`, () => {
      const { label, html } = trad.get(id)!;
      expect(html.toString('utf8')).not.toBe(dev.get(id)!.html.toString('utf8'));
      const r = analyze(html, { input: id });
      expect(r.verdict).toBe('contaminated');
      const clean = normScore(`${r.cleanTitle}\n${r.cleanText}`);
      for (const s of label.spam) expect(clean, s).not.toContain(normScore(s));
    });
  }
});
