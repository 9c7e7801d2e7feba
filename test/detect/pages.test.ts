// The detector on whole pages shaped like the false alarms and hostile inputs seen on real pages: the site's own
// lottery menu, social login buttons, two-part headlines, crackdown stories quoting adverts, a headline that names
// the topic over a selling line, thousands of spam paragraphs, the time budget and the threshold option.
import { describe, it, expect } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildPage } from '../../src/page/index.js';
import { detect } from '../../src/detect/index.js';
import { loadRules } from '../../src/detect/rules/index.js';
import { loadModel } from '../../src/detect/model.js';
import { startBudget, BudgetExceeded } from '../../src/budget.js';
import { REQUIRED_POINTS } from '../../src/detect/scoring.js';

const STORY =
  '<p>新华社北京3月5日电 记者从国家统计局获悉，今年前两个月全国规模以上工业增加值同比增长5.3%，比去年全年加快0.7个百分点。</p>' +
  '<p>国家统计局新闻发言人表示，从三大门类看，制造业增加值增长5.9%，电力、热力、燃气及水生产和供应业增长6.8%。</p>' +
  '<p>分地区看，东部地区增加值增长5.4%，中部地区增长5.9%，西部地区增长4.8%，东北地区增长3.3%。</p>';

describe('the site own navigation', () => {
  const menu = ['双色球', '大乐透', '福彩3D', '重庆时时彩', '江苏快三', '11选5计划']
    .map((g, i) => `<a href="https://caipiao.163.com/game/${i}.html">${g}</a>`)
    .join(' ');
  const html = `<html><head><title>前两月工业增加值增长5.3%_网易新闻</title></head><body>
    <div class="nav"><a href="https://news.163.com/">新闻</a> <a href="https://sports.163.com/">体育</a> <a href="https://money.163.com/">财经</a></div>
    <div class="lottery-menu">${menu}</div>
    <h1>前两月工业增加值增长5.3%</h1>${STORY}</body></html>`;
  it('a menu of the portal own lottery channel is no finding, also when the page is replayed under another host', () => {
    expect(analyze(html).findings).toEqual([]);
    expect(analyze(html, { url: 'http://warc-replay.example.net/163/1.html' }).findings).toEqual([]);
  });
});

describe('links that are not a link farm', () => {
  it('social login buttons', () => {
    const html = `<html><head><title>Council approves bus lanes</title></head><body><h1>Council approves bus lanes</h1>
      <p>The city council voted 7-2 on Tuesday to add dedicated bus lanes along Main Street, a project transit officials say will cut commute times.</p>
      <p>Construction is expected to begin in the spring and last about eight months, according to the transportation department.</p>
      <div class="login">Sign in: <a href="https://accounts.google.com/o/oauth2">Google</a> <a href="https://www.facebook.com/dialog/oauth">Facebook</a>
      <a href="https://twitter.com/oauth/authorize">Twitter</a> <a href="https://appleid.apple.com/auth">Apple</a> <a href="https://www.linkedin.com/oauth">LinkedIn</a></div>
      <div class="press">Coverage: <a href="https://www.sfchronicle.com/a">SF Chronicle</a> <a href="https://www.essexlive.news/b">Essex Live</a> <a href="https://www.middlesex.gov/c">Middlesex County</a> <a href="https://www.sf.gov/d">SF.gov</a></div>
      </body></html>`;
    expect(analyze(html).findings).toEqual([]);
  });
});

describe('headlines', () => {
  it('a two-part headline with no spam evidence in either part stays whole', () => {
    const title = 'Online pharmacy sales boom during the pandemic — regulators step up checks';
    const html = `<html><head><title>${title}</title></head><body><h1>${title}</h1>
      <p>Sales at licensed online pharmacies rose sharply last year, the national regulator said on Monday, as more patients ordered repeat prescriptions.</p>
      <p>The agency said it had stepped up checks on websites selling medicines and warned consumers to buy only from registered pharmacies.</p></body></html>`;
    const r = analyze(html);
    expect(r.findings).toEqual([]);
    expect(r.cleanTitle).toBe(title);
  });
  it('a two-part Chinese headline about a 配资 crackdown keeps its sub-headline', () => {
    const title = '证监会严打非法配资：一批场外配资平台被查处';
    const html = `<html><head><title>${title}</title></head><body><h1>${title}</h1>
      <p>记者从中国证监会获悉，证监会联合公安机关近日开展专项行动，依法查处一批非法从事场外股票配资活动的平台。</p>
      <p>证监会有关负责人表示，非法配资平台未经许可从事证券业务，扰乱市场秩序，公安机关已对相关人员立案侦查。</p>
      <p>该负责人提醒投资者，应通过证券公司依法开展的融资融券业务参与杠杆交易，切勿轻信网络广告。</p></body></html>`;
    const r = analyze(html);
    expect(r.findings).toEqual([]);
    expect(r.cleanTitle).toBe(title);
  });
  it('a headline naming the topic does not protect a line that sells it', () => {
    const html = `<html><head><title>股票配资</title></head><body><h1>股票配资</h1>${STORY}
      <p>股票配资平台，低息配资十倍杠杆，加微信peizi8888秒到账。</p></body></html>`;
    const r = analyze(html);
    expect(r.verdict).toBe('contaminated');
    expect(r.cleanText).not.toContain('peizi8888');
    expect(r.cleanText).toContain('国家统计局新闻发言人表示');
  });
});

describe('a brand standing in for the institution all through the page', () => {
  it('is cut wherever it stands, and the sentences around it stay', () => {
    const html = `<html><head><title></title></head><body>
      <p>近日，888集团网站代表团一行赴宁波大学开展交流活动，双方就人才培养等议题进行了座谈。</p>
      <p>座谈会上，888集团网站负责人介绍了学院的办学情况和特色专业建设。</p>
      <p>当天下午，代表团还参观了宁波博物馆，了解当地的历史文化。</p></body></html>`;
    const r = analyze(html);
    expect(r.verdict).toBe('contaminated');
    expect(r.cleanText).not.toContain('888集团网站');
    expect(r.cleanText).toContain('当天下午，代表团还参观了宁波博物馆，了解当地的历史文化。');
  });
});

describe('hostile shapes', () => {
  const rules = loadRules();
  const model = loadModel();
  it('thousands of spam paragraphs: one finding each', () => {
    const page = buildPage('<html><body>' + '<p>股票配资平台</p>'.repeat(3000) + '</body></html>');
    const f = detect(page, { rules, model });
    expect(f).toHaveLength(3000);
    expect(new Set(f.map((x) => x.text))).toEqual(new Set(['股票配资平台']));
    expect(f.every((x, i) => i === 0 || x.start > f[i - 1].start)).toBe(true);
  });
  it('an unpunctuated run of spam words is cut without tagging it word by word', () => {
    const page = buildPage('<html><body><p>' + '配资股票今天市场走势分析炒股'.repeat(3000) + '</p></body></html>');
    const f = detect(page, { rules, model });
    expect(f.length).toBeGreaterThan(0);
    expect(f.map((x) => x.end - x.start).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
  it('the time budget is polled inside detect', () => {
    const page = buildPage('<html><body>' + '<h1>股票配资 - site</h1>'.repeat(2000) + '</body></html>');
    expect(() => detect(page, { rules, model, budget: startBudget(0) })).toThrow(BudgetExceeded);
  });
  it('the threshold is an option of analyze and of detect', () => {
    const html = `<html><head><title>t</title></head><body>${STORY}<p>股票配资平台，低息配资十倍杠杆，加微信peizi8888秒到账。</p></body></html>`;
    expect(analyze(html).verdict).toBe('contaminated');
    expect(analyze(html, { threshold: 100 }).verdict).toBe('clean');
    const f = analyze(html, { threshold: REQUIRED_POINTS }).findings;
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.points >= REQUIRED_POINTS)).toBe(true);
  });
});
