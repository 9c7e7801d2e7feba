// An ordinary business's advert standing as a paragraph of a story (a machinery maker's "厂家直销，欢迎来电咨询", a
// plumber's "call us today for a free quote") is cut whole as a promo line: its pitch is commercial wording and its
// other words are none of the article's. The same pitch words spliced into the story's own sentence are cut alone,
// and a story quoting a pitch keeps it. The pages are real clean pages of ../shared/data (NetEase, WSJ).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { sharedDataDir } from '../../src/util/paths.js';

const NETEASE = join(sharedDataDir(), 'gne-chinese-news', 'html', '163', '1.html.gz');
const ZH_AFTER = '但截至发稿前公司并未回复。</p>';
const WSJ = join(sharedDataDir(), 'scrapinghub-article-extraction-benchmark', 'html', '042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856.html.gz');
const EN_AFTER = 'then repeat.</p>';
const withParagraph = (file: string, after: string, text: string): string => {
  const h = gunzipSync(readFileSync(file)).toString('utf8');
  expect(h).toContain(after);
  return h.replace(after, `${after}<p>${text}</p>`);
};

describe('an ordinary business advert between a story paragraphs', () => {
  it('a machinery maker\'s advert in a Chinese story is one promo line', () => {
    const ad = '郑州鼎盛重工专业生产破碎机、制砂机、球磨机，厂家直销，量大从优，欢迎来电咨询。';
    expect(analyze(withParagraph(NETEASE, ZH_AFTER, '')).findings).toEqual([]);
    const r = analyze(withParagraph(NETEASE, ZH_AFTER, ad));
    const f = r.findings.filter((x) => x.text.includes('厂家直销'));
    expect(f.map((x) => [x.kind, x.text])).toEqual([['promo-line', ad]]);
    expect(f[0].rules.map((h) => h.rule)).toEqual(expect.arrayContaining(['ZH_BUSINESS_PITCH', 'ZH_BUSINESS_CONTACT']));
    expect(r.cleanText).toContain('但截至发稿前公司并未回复。');
    expect(r.cleanText).not.toContain('破碎机');
  });

  it("a plumber's advert in an English story is one promo line", () => {
    const ad = 'Looking for an emergency plumber in Leeds? Call us today for same-day service at unbeatable prices.';
    const r = analyze(withParagraph(WSJ, EN_AFTER, ad));
    expect(r.findings.filter((x) => x.text.includes('plumber')).map((x) => [x.kind, x.text])).toEqual([['promo-line', ad]]);
  });

  it('the pitch spliced into the story\'s own sentence is cut alone; a story quoting a pitch keeps it', () => {
    const spliced = '经过三年狂奔的龙湖，在众多项目爆发业主维权的糟糕时期，厂家直销，欢迎来电咨询其还有哪些“暗伤”需要排查？';
    const r = analyze(withParagraph(NETEASE, ZH_AFTER, spliced));
    const cut = r.findings.filter((x) => x.text.includes('厂家直销'));
    expect(cut.length).toBe(1);
    expect(cut[0].kind).toBe('spliced-phrase');
    expect(r.cleanText).toContain('在众多项目爆发业主维权的糟糕时期');
    const quoted = '执法人员发现，该店在门口张贴“厂家直销，量大从优，欢迎来电咨询”的广告，涉嫌虚假宣传，已被立案调查。';
    expect(analyze(withParagraph(NETEASE, ZH_AFTER, quoted)).findings.filter((x) => x.text.includes('厂家直销'))).toEqual([]);
  });
});
