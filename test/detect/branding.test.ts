// The spam site's own name from its breadcrumb ("你的位置：站名 > 栏目 >"), and the site's category keyword put
// before a copied story's headline: a real page of the spam-pages dev split and small pages.
import { describe, it, expect } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildPage } from '../../src/page/index.js';
import { spamPages, normScore } from '../../dev/eval/real-pages.js';

const STORY =
  '<p>新华社北京3月5日电 记者从国家统计局获悉，今年前两个月全国规模以上工业增加值同比增长5.3%，比去年全年加快0.7个百分点。</p>' +
  '<p>国家统计局新闻发言人表示，从三大门类看，制造业增加值增长5.9%，电力、热力、燃气及水生产和供应业增长6.8%。</p>';

describe('breadcrumb site name', () => {
  it('the first crumb is the site name; a crumb that only links home is none', () => {
    const page = (crumb: string) => buildPage(`<html><head><title>工业增加值增长5.3%</title></head><body><p>${crumb}</p><h1>工业增加值增长5.3%</h1>${STORY}</body></html>`, {});
    expect(page('当前位置：统计快讯网 > 数据发布 > 正文').siteName).toBe('统计快讯网');
    expect(page('您的位置：首页 > 数据发布 > 正文').siteName).toBe('');
  });
  it('a clean site named in its breadcrumb keeps its headline and its breadcrumb', () => {
    const html = `<html><head><title>数据发布 工业增加值增长5.3%</title></head><body><p>当前位置：统计快讯网 > 数据发布 ></p><h1>工业增加值增长5.3%</h1>${STORY}</body></html>`;
    expect(analyze(html).findings).toEqual([]);
  });
});

describe('spam site branding and its category before the headline (spam-pages dev split)', () => {
  it('zh-qpyouxi-qipai-title-affix: the card-game brand and its category keyword go, the casino story stays', () => {
    const p = spamPages('dev').find((x) => x.label.id === 'zh-qpyouxi-qipai-title-affix')!;
    const r = analyze(p.html, { url: p.label.source });
    expect(normScore(r.cleanTitle)).toBe(normScore(p.label.title!));
    const out = normScore(`${r.cleanTitle}\n${r.cleanText}`);
    expect(out).not.toContain(normScore('真人棋牌游戏'));
    for (const s of p.label.keep) expect(out.includes(normScore(s)), s).toBe(true);
  });
});
