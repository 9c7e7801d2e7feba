// Title affixes: a spam keyword prefix may be longer than the headline's own words, and is cut only with spam
// evidence of its own; a real two-part headline stays whole.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { titleAffixes, MAX_AFFIX_SHARE } from '../../src/detect/structural.js';
import { sharedDataDir } from '../../src/util/paths.js';
import { AFFIX_ALONE_P } from '../../src/detect/detector.js';
import { MIN_AFFIX_EVIDENCE } from '../../src/detect/evidence.js';
import { unitP } from '../../src/detect/classifier.js';
import { loadModel } from '../../src/detect/model.js';
import { loadRules, matchTextLangs } from '../../src/detect/rules/index.js';

const PARAMS = { minAffixChars: 2, maxAffixChars: 40, maxBodyUses: 0 };

describe('title affixes', () => {
  it('a prefix longer than half the title is a candidate, up to MAX_AFFIX_SHARE of it', () => {
    const title = 'Bitcoin Gambling & Jackpot Slots – Achtsam durch die Krise';
    const prefixes = titleAffixes(title, PARAMS).map((a) => a.text);
    expect(prefixes).toContain('Bitcoin Gambling & Jackpot Slots');
    expect('Bitcoin Gambling & Jackpot Slots'.length / title.length).toBeGreaterThan(0.5);
    for (const a of titleAffixes(title, PARAMS)) expect(a.text.length).toBeLessThanOrEqual(title.length * MAX_AFFIX_SHARE);
  });

  const story = (title: string) => `<html><head><title>${title}</title></head><body><h1>${title}</h1>
<p>Viele Menschen suchen in der Krise nach Ruhe. Achtsamkeit hilft, sagt die Psychologin im Gespräch mit der Redaktion.</p>
<p>Die Übungen dauern nur wenige Minuten am Tag und lassen sich leicht in den Alltag einbauen, erklärt sie.</p>
<p>Wer regelmäßig übt, schläft besser und reagiert gelassener auf Stress, wie mehrere Studien zeigen.</p></body></html>`;

  it('cuts the long spam prefix from a real story; a long real first part stays', () => {
    const spam = analyze(story('Bitcoin Gambling &amp; Jackpot Slots – Achtsam durch die Krise'));
    expect(spam.findings.map((f) => f.text)).toContain('Bitcoin Gambling & Jackpot Slots');
    expect(spam.cleanTitle).toBe('Achtsam durch die Krise');
    const clean = analyze(story('Wie Achtsamkeit in schweren Zeiten hilft – Achtsam durch die Krise'));
    expect(clean.findings).toEqual([]);
  });
});

describe('a longer affix and the next headline part', () => {
  // a real wine story of ../shared/data whose headline starts with the wine's name, a game-gold shop put before it
  const page = (prefix: string): string => {
    const html = gunzipSync(readFileSync(join(sharedDataDir(), 'trafilatura-eval/eval/weinkenner.de-st.magdalener.html.gz'))).toString('utf8');
    const head = 'St. Magdalener: Rotweine mit Eleganz und Charakter';
    expect(html).toContain(`<title>${head}`);
    expect(html).toContain(`>${head}</h1>`);
    return html.replace(`<title>${head}`, `<title>${prefix}${head}`).replace(`>${head}</h1>`, `>${prefix}${head}</h1>`);
  };

  it('stops before a part the article uses and that carries no spam evidence', () => {
    const r = analyze(page('Cheap WoW Gold Shop - '));
    const cut = r.findings.map((f) => f.text).filter((t) => t.includes('Gold'));
    expect(cut.length).toBeGreaterThan(0);
    for (const t of cut) expect(t).not.toContain('Magdalener');
    expect(r.cleanTitle).toContain('St. Magdalener');
    expect(r.cleanText).not.toContain('Gold Shop');
  });
});

describe('a headline part with no rule match, asked about alone', () => {
  const story = (title: string, extra = '') => `<html><head><title>${title}</title></head><body><h1>${title}</h1>
<p>本报讯 记者从市教育局获悉，今年全市将新建和改扩建中小学校二十所，新增学位一万五千个，缓解城区入学压力。</p>
<p>市教育局有关负责人表示，新建学校将优先布局在人口导入较快的片区，并同步配建体育场馆和图书馆。${extra}</p>
<p>据介绍，这批学校预计在明年秋季学期前陆续投入使用，届时将面向周边社区统一招生。</p></body></html>`;
  const model = loadModel()!;
  const rules = loadRules();
  const lexPoints = (t: string) => matchTextLangs(rules, t, ['zh'], 'title').reduce((n, m) => n + Math.max(0, m.rule.score), 0);

  it('is cut when the article never uses it and the classifier is confident, without a rule match', () => {
    const part = '学历认证电话';
    expect(lexPoints(part)).toBeLessThan(MIN_AFFIX_EVIDENCE);
    expect(unitP(part, model)).toBeGreaterThanOrEqual(AFFIX_ALONE_P);
    const r = analyze(story(`${part} 今年全市新建中小学校二十所`));
    expect(r.findings.map((f) => [f.kind, f.text])).toContainEqual(['title-affix', part]);
    expect(r.cleanTitle).toBe('今年全市新建中小学校二十所');
  });
  it('stays when the classifier is not confident (a column name) or the article uses it', () => {
    expect(unitP('独家专访', model)).toBeLessThan(AFFIX_ALONE_P);
    expect(analyze(story('独家专访 今年全市新建中小学校二十所')).findings).toEqual([]);
    const used = analyze(story('学历认证电话 今年全市新建中小学校二十所', '毕业生可通过电话预约办理学历认证。'));
    expect(used.findings.filter((f) => f.kind === 'title-affix')).toEqual([]);
  });
});

describe("a title affix's copy in the headline", () => {
  // a real story of ../shared/data whose <h1> stands below a section label, apart from the <title>
  const page = (prefix: string): string => {
    const html = gunzipSync(readFileSync(join(sharedDataDir(), 'trafilatura-eval/eval/furche.at.achtsam.html.gz'))).toString('utf8');
    const title = '<title data-n-head="true">Achtsam durch die Krise';
    const h1 = '<h1>\n        Achtsam durch die Krise';
    expect(html).toContain(title);
    expect(html).toContain(h1);
    return html.replace(title, title.replace('Achtsam', `${prefix}Achtsam`)).replace(h1, h1.replace('Achtsam', `${prefix}Achtsam`));
  };

  it("is cut with the classifier's vote for the phrase, which its weak rule matches alone do not reach", () => {
    const phrase = 'Bitcoin Gambling & Jackpot Slots';
    expect(unitP(phrase, loadModel()!)).toBeGreaterThan(0.9);
    const r = analyze(page('Bitcoin Gambling &amp; Jackpot Slots – '));
    const cuts = r.findings.filter((f) => f.text === phrase);
    expect(cuts.length).toBe(2);
    expect(cuts.some((f) => f.kind === 'spliced-phrase' && f.rules.some((h) => h.rule === 'CLASSIFIER' && h.points > 0))).toBe(true);
    expect(r.cleanText).not.toContain('Jackpot');
    expect(r.cleanText).toContain('Achtsam durch die Krise');
  });

  it('a real two-part headline stays whole in both places', () => {
    const r = analyze(page('Wie Achtsamkeit in schweren Zeiten hilft – '));
    expect(r.findings).toEqual([]);
  });

  it('a part that sells (a call to action) and that the article never uses is cut on its own words', () => {
    const shop = 'Sign Up Today NovaPoint Club';
    // the rules and the headline's structure alone, without the classifier's vote (the shop's name is no word it knows)
    for (const model of [null, undefined]) {
      const r = analyze(page(`${shop} – `), { model });
      const f = r.findings.filter((x) => x.text === shop && x.blockId === 0);
      expect(f.map((x) => x.kind)).toEqual(['title-affix']);
      expect(f[0].rules.map((h) => h.rule)).toEqual(expect.arrayContaining(['EN_CTA_URGENCY', 'STRUCT_TITLE_AFFIX']));
      expect(f[0].rules.some((h) => h.rule === 'CLASSIFIER' && h.points < 0)).toBe(false);
      // its copy in the <h1>, if cut, is cut as that phrase's copy
      for (const c of r.findings.filter((x) => x.blockId !== 0)) {
        expect([c.kind, c.text]).toEqual(['spliced-phrase', shop]);
        expect(c.rules.map((h) => h.rule)).toContain('STRUCT_REPEATED_PHRASE');
      }
      expect(r.cleanTitle).toBe('Achtsam durch die Krise');
      expect(r.cleanText).not.toContain('NovaPoint');
      // a part that does not sell stays, however unused
      expect(analyze(page('Analyse und Hintergrund – '), { model }).findings).toEqual([]);
    }
  });
});

describe('copies of a title phrase cut on its own evidence', () => {
  const headline = '刺死辱母者于欢的罪与悔：出狱第一晚仅睡三四个小时';
  const page = (title: string, splice: string) => `<html><head><title>${title}_${headline}_搜狐新闻</title>
<meta property="og:site_name" content="搜狐新闻"></head><body>
<div class="article-title">${title}_ ${headline}</div>
<p>出狱当晚，于欢几乎睡不着，只睡了三四个小时就醒了，“在里面天天想着回家，想要的生活突然来到面前，就像是个美梦。”</p>
<p>媒体蜂拥而至，面对镜头，大多数时间，于欢沉默寡${splice}言，不知道该表达些什么，又不好意思推辞。</p>
<p>“内向腼腆，不爱说话。”母亲苏银霞对于欢念叨最多的，还是愧疚，觉得对不起儿子，她说以后要好好陪着他。</p>
<p>于欢想尽快熟悉环境，适应信息社会，他说现在买菜都是手机支付，很多事情都要重新学起。</p></body></html>`;

  it('the phrase the classifier alone convicted in the <title> is cut from the headline line and from the sentence it is spliced into', () => {
    const phrase = 'ダイエット薬最安値';
    const r = analyze(page(phrase, phrase));
    expect(r.cleanTitle).toBe(headline);
    const cut = r.findings.filter((f) => f.text === phrase);
    // the title's, the headline line's and the sentence's copy
    expect(cut.length).toBe(3);
    expect(r.cleanText).not.toContain(phrase);
    expect(r.cleanText).toContain('于欢沉默寡言');
  });

  it('a real two-part headline is left whole, its words too', () => {
    const r = analyze(page('出狱第一晚', ''));
    expect(r.findings).toEqual([]);
  });
});

describe('a keyword in front of a "_" title with no recognised site name', () => {
  it('is cut, and the clean title is the headline without the site', () => {
    const r = analyze(`<html><head><title>股票配资_深圳推动科技创新和产业创新深度融合_启泰网</title></head><body>
<p>深圳新闻网2024年9月25日讯 9月24日，深圳市工业和信息化局局长在接受记者专访时表示，深圳将扎实推动科技创新和产业创新深度融合，全面提升产业科技创新能力。</p>
<p>今年上半年，全市20个战新产业集群实现增加值7600亿元，同比增长11.7%。</p></body></html>`);
    expect(r.findings.map((f) => [f.kind, f.text])).toEqual([['title-affix', '股票配资']]);
    expect(r.cleanTitle).toBe('深圳推动科技创新和产业创新深度融合');
  });
});
