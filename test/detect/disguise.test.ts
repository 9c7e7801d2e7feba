// Keywords disguised so that keyword lists miss them: spaced out (澳 门 新 葡 京), glossed in pinyin (葡(zī)京(zī)) or
// sprayed with emoji (葡京🔥). The rule matcher drops the disguise from the text it reads and keeps the match on the
// original. Real contaminated pages of the spam-pages dev split, their spam strings disguised in place.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { matchText, loadRules } from '../../src/detect/rules/index.js';
// the disguises are those of `npm run eval`'s block of disguised pages
import { DISGUISE_INSIDE, normScore, spamPages, spamPagesDisguised } from '../../dev/eval/real-pages.js';

const dev = new Map(spamPages('dev').map((p) => [p.label.id, p]));

describe('disguised keywords', () => {
  const rules = loadRules();
  it('the rules match through each disguise, and the match covers the disguised original', () => {
    for (const [name, d] of Object.entries(DISGUISE_INSIDE)) {
      const text = `新闻 ${d('股票配资平台')} 新闻`;
      const m = matchText(rules, text, { lang: 'zh', where: 'body' }).find((x) => x.rule.id === 'ZH_MARGIN_LENDING_STRONG');
      expect(m, name).toBeDefined();
      // an emoji after the last character is outside the word: not part of the match
      expect(text.slice(m!.start, m!.end), name).toBe(d('股票配资平台').replace(/🔥$/u, ''));
    }
  });
  it('a spaced-out run needs three characters: two words with a space between them stay two words', () => {
    const m = matchText(rules, '今天股票 配资讯息', { lang: 'zh', where: 'body' });
    expect(m.some((x) => x.rule.id === 'ZH_MARGIN_LENDING_STRONG')).toBe(false);
  });
  it('a spaced-out title prefix is one part of the title, and the article reads it as the word it spells', () => {
    const { label, html } = dev.get('zh-lianzhaobiao-peizi-title-affix')!;
    const spaced = DISGUISE_INSIDE['spaced out'];
    const prefix = spaced(label.spam[0]);
    const r = analyze(html.toString('utf8').split(label.spam[0]).join(prefix), { input: label.id });
    expect(r.title.startsWith(`${prefix} `)).toBe(true);
    expect(r.findings.find((f) => f.kind === 'title-affix')?.text).toBe(prefix);
    expect(r.cleanTitle).not.toContain(prefix);
  });
  for (const id of ['zh-ahfagshui-pujing-substitution', 'zh-marthadiao-weinisi-substitution']) {
    for (const name of Object.keys(DISGUISE_INSIDE) as (keyof typeof DISGUISE_INSIDE)[]) {
      it(`${id}, its spam ${name}: still flagged, the disguised strings removed`, () => {
        const { label, html } = spamPagesDisguised('dev', name).find((p) => p.label.id === id)!;
        const r = analyze(html, { input: id });
        expect(r.verdict).toBe('contaminated');
        const clean = normScore(`${r.cleanTitle}\n${r.cleanText}`);
        for (const s of label.spam) expect(clean, s).not.toContain(normScore(s));
      });
    }
  }
  // what the structure checks measure is the word a reader sees: a glossed or emoji-sprayed name is no longer than its
  // plain form, and the token model's word edges in a headline are the plain text's
  const cases: [string, keyof typeof DISGUISE_INSIDE, string][] = [
    // a misspelt brand (人生就是就博 for 人生就是博) substituted for a company's name, disguised: the misspelling
    // matcher reads the text the exact matcher reads
    ['zh-yogaoman-rsjb-substitution', 'spaced out', 'the misspelt brand'],
    ['zh-yogaoman-rsjb-substitution', 'emoji', 'the misspelt brand'],
    // a glossed title prefix is three times as long as it reads: it is still a title part
    ['zh-lianzhaobiao-peizi-title-affix', 'pinyin gloss', 'the title prefix'],
    ['zh-nhljbh-dahongying-title-affix', 'pinyin gloss', 'the title prefix'],
    // a spaced-out plug inside a headline word run (卢煜澳 彩 期 期 准 凤 凰 艺 术明谈) is cut on its plain word edges
    ['zh-hnxfqy-aocai-title-splice', 'spaced out', 'the headline splice'],
  ];
  for (const [id, name, what] of cases) {
    it(`${id}, its spam ${name}: ${what} is found and removed as undisguised`, () => {
      const { label, html } = spamPagesDisguised('dev', name).find((p) => p.label.id === id)!;
      const r = analyze(html, { input: id });
      expect(r.verdict).toBe('contaminated');
      const clean = normScore(`${r.cleanTitle}\n${r.cleanText}`);
      for (const s of label.spam) expect(clean, s).not.toContain(normScore(s));
      if (what === 'the title prefix') expect(normScore(r.cleanTitle)).toBe(normScore(label.title!));
    });
  }
  it("a glossed site name is the spam site's branding, and its category in the branding line a title affix", () => {
    const { label, html } = spamPagesDisguised('dev', 'pinyin gloss').find((p) => p.label.id === 'zh-qpyouxi-qipai-title-affix')!;
    const r = analyze(html, { input: label.id });
    expect(r.findings.some((f) => f.kind === 'site-branding')).toBe(true);
    expect(normScore(r.cleanTitle)).toBe(normScore(label.title!));
  });
  // the consistency votes read a disguised term as its words: a brand substituted all through a page recurs whatever
  // its disguise (RECURRING), and a disguised copy of the parasite story's keyword is no report on it (ON_TOPIC)
  for (const [id, d] of [['zh-bjxpyban-jinsha-substitution', 'emoji'], ['zh-xueshanguoyuan-peizi-parasite', 'spaced out'], ['zh-xueshanguoyuan-peizi-parasite', 'emoji']] as const) {
    it(`${id}, ${d}: every spam string removed as on the plain page is removed`, () => {
      const plain = dev.get(id)!;
      const r0 = analyze(plain.html);
      const out0 = normScore(`${r0.cleanTitle}\n${r0.cleanText}`);
      const p = spamPagesDisguised('dev', d).find((x) => x.label.id === id)!;
      const r = analyze(p.html);
      const out = normScore(`${r.cleanTitle}\n${r.cleanText}`);
      p.label.spam.forEach((s, k) => {
        if (!out0.includes(normScore(plain.label.spam[k]))) expect(out.includes(normScore(s)), s).toBe(false);
      });
    });
  }
});
