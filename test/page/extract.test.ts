import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decode, buildPage, type Page } from '../../src/page/index.js';
import { Page as PageSchema } from '../../src/page/types.js';
import { tokenF1, charF1, mean } from '../../src/page/extract-metrics.js';
import { DATA, dataBytes, dataJson } from './data.js';

const mainText = (p: Page): string => p.mainIds.map((id) => p.blocks[id].text).join('\n');
function load(rel: string, url?: string): Page {
  const { html, encoding } = decode(dataBytes(rel));
  return buildPage(html, { url, encoding });
}

describe('page model invariants', () => {
  it('block 0 is the title, offsets point into Page.text, the page validates against the schema', () => {
    const p = load('gne-chinese-news/html/163/2.html.gz');
    expect(PageSchema.safeParse(p).success).toBe(true);
    expect(p.blocks[0]).toMatchObject({ id: 0, path: '', tag: 'title', region: 'title', text: p.title });
    expect(p.text).toBe(p.blocks.map((b) => b.text).join('\n'));
    for (const b of p.blocks) expect(p.text.slice(b.start, b.end)).toBe(b.text);
    expect(p.mainIds).not.toContain(0);
    expect([...p.mainIds].sort((a, b) => a - b)).toEqual(p.mainIds);
    for (const id of p.mainIds) expect(p.blocks[id].region).toBe('body');
    expect(p.blocks.every((b) => b.text.length > 0 && !/\s{2}/.test(b.text))).toBe(true);
  });

  it('skips script/style/noscript/template/svg/iframe contents', () => {
    const p = buildPage(
      '<body><p>visible one</p><script>var x="script text"</script><style>.a{}</style><noscript>noscript text</noscript><template><p>template text</p></template><svg><text>svg text</text></svg><iframe>iframe text</iframe><p>visible two</p></body>',
    );
    expect(p.text).toContain('visible one');
    expect(p.text).toContain('visible two');
    for (const t of ['script text', 'noscript text', 'template text', 'svg text', 'iframe text']) expect(p.text).not.toContain(t);
  });

  it('splits br-separated lines inside a div into blocks and marks off-site links', () => {
    const p = buildPage('<body><div>line one<br>line <a href="https://other.org/x">two</a><br/><a href="/local">line three</a></div></body>', {
      url: 'https://news.example.co.uk/a',
    });
    const texts = p.blocks.slice(1).map((b) => b.text);
    expect(texts).toEqual(['line one', 'line two', 'line three']);
    expect(p.blocks[2].links).toEqual([{ href: 'https://other.org/x', text: 'two', offsite: true }]);
    expect(p.blocks[3].links[0].offsite).toBe(false);
    expect(p.blocks[2].linkChars).toBe(3);
  });

  it('without a URL, the dominant link domain is the page own domain', () => {
    const p = buildPage(
      '<body><a href="http://www.site.com/1">a</a> <a href="http://site.com/2">b</a> <a href="https://m.site.com/3">c</a><p><a href="http://spam.biz/">spam</a></p></body>',
    );
    const links = p.blocks.flatMap((b) => b.links);
    expect(links.filter((l) => l.offsite).map((l) => l.href)).toEqual(['http://spam.biz/']);
  });
});

describe('titles on real pages', () => {
  it('matches the GNE titles (site name removed) on all 20 silver pages', () => {
    const silver = dataJson<Record<string, { title: string }>>('gne-chinese-news/gne-output-silver.json');
    const rows = Object.entries(silver).map(([f, g]) => [load(`gne-chinese-news/${f}`).title, g.title]);
    expect(rows.length).toBe(20);
    const ok = rows.filter(([got, want]) => got === want).length;
    expect(ok).toBeGreaterThanOrEqual(19);
  });

  it('removes portal site names from <title>', () => {
    const zh = 'chinese-web-content-extraction/original/';
    const sina = load(zh + 'e3f3b532-95de-433e-a4b5-ad51bb981c96.html');
    // the page's <title> ends in a GBK user-defined character (decoded to the private-use area): kept as is
    expect(sina.title.replace(/[\ue000-\uf8ff]/g, '')).toBe('投身外交(3)');
    expect(sina.siteName).toBe('新浪网');
    expect(load(zh + '8cb7b39d-4a06-4cad-bc50-0f63304267f3.html').title).toBe('拿出10万元投资房产 小两口尝试以钱生钱(图)');
    expect(load(zh + '274a65d9-46df-45be-b9f6-4d18ba911427.html')).toMatchObject({ title: '拿起跨界“指挥棒”她跟学生“较着劲儿”成长', siteName: '大河网' });
    const s = load('trafilatura-eval/eval/silvias.net.wahlzensur.html.gz', 'http://www.silvias.net/blog/wahlzensur-angriff-auf-universitaeten/');
    expect(s.title).toBe('Wahlzensur: Angriff auf Universitäten');
    expect(s.htmlTitle).not.toBe(s.title);
  });
});

describe('the Chinese dash in <title>', () => {
  const page = (title: string, site = '') =>
    buildPage(`<html><head><title>${title}</title>${site ? `<meta property="og:site_name" content="${site}">` : ''}</head><body><p>正文第一段，记者从会上获悉。</p></body></html>`);
  it('sets off a sub-title, kept in the headline, when neither side is the site name', () => {
    expect(page('藍鯨運維體系大模型應用——藍鯨運維開發智能助手').title).toBe('藍鯨運維體系大模型應用——藍鯨運維開發智能助手');
  });
  it('still parts the headline from a recognised site name', () => {
    const p = page('热烈祝贺市政协五届一次会议开幕——巴彦淖尔市人民政府网', '巴彦淖尔市人民政府网');
    expect(p.title).toBe('热烈祝贺市政协五届一次会议开幕');
    expect(p.siteName).toBe('巴彦淖尔市人民政府网');
  });
});

describe('"_" titles with no recognised site name', () => {
  const page = (title: string) => buildPage(`<html><head><title>${title}</title></head><body><p>正文第一段，记者从会上获悉。</p></body></html>`);
  it('a short keyword in front of a longer headline stays in front of it, the rest is the site', () => {
    const p = page('股票配资_深圳推动科技创新和产业创新深度融合_启泰网');
    expect(p.title).toBe('股票配资_深圳推动科技创新和产业创新深度融合');
    expect(p.siteName).toBe('启泰网');
  });
  it('the headline first, as portals write it, is the title alone', () => {
    expect(page('深圳推动科技创新和产业创新深度融合_新闻中心_某某网').title).toBe('深圳推动科技创新和产业创新深度融合');
    // a column name in front: the headline is no longer lost to it (it was the title alone)
    expect(page('科技_深圳推动科技创新和产业创新深度融合_某某网').title).toBe('科技_深圳推动科技创新和产业创新深度融合');
  });
});

describe('main content on real pages', () => {
  it('reaches a high token F1 vs the Scrapinghub gold bodies (sample of 30 pages)', () => {
    const gold = dataJson<Record<string, { articleBody: string; url: string }>>('scrapinghub-article-extraction-benchmark/ground-truth.json');
    const keys = Object.keys(gold).sort().filter((_, i) => i % 6 === 0);
    const f1 = keys.map((k) => tokenF1(mainText(load(`scrapinghub-article-extraction-benchmark/html/${k}.html.gz`, gold[k].url)), gold[k].articleBody).f1);
    expect(f1.length).toBe(31);
    expect(mean(f1)).toBeGreaterThan(0.92);
  });

  it('reaches a high char F1 vs the Chinese gold bodies (every third page)', () => {
    const dir = resolve(DATA, 'chinese-web-content-extraction');
    const files = readdirSync(resolve(dir, 'original')).filter((f) => f.endsWith('.html')).sort().filter((_, i) => i % 3 === 0);
    const f1 = files.map((f) => {
      const gold = decode(readFileSync(resolve(dir, 'cleaned', f.replace(/\.html$/, '.txt')))).html;
      return charF1(mainText(load(`chinese-web-content-extraction/original/${f}`)), gold).f1;
    });
    expect(mean(f1)).toBeGreaterThan(0.88);
  });

  it('excludes the headline h1 from mainIds', () => {
    const p = load('gne-chinese-news/html/163/2.html.gz');
    expect(p.title).toBe('姚明对周琦说了啥？周琦上下半场判若两人');
    expect(p.mainIds.map((id) => p.blocks[id].text)).not.toContain(p.title);
    expect(mainText(p).length).toBeGreaterThan(200);
  });
});

describe('promo lines and promo title prefixes (seed example)', () => {
  // the project's seed: a real injected page (title promo prefix, a promo list line between paragraphs)
  const seed = readFileSync(resolve(DATA, '../seeds/000_a5b88ab3fbf507b6.txt'), 'utf8').split(/\n+/).map((l) => l.trim()).filter(Boolean);
  const [siteName, slogan, headline] = seed;
  const promo = seed.find((l) => l.startsWith('1. 富途证券'))!;
  const paras = seed.filter((l) => l.length > 60 && l !== headline).slice(0, 6);
  const html = `<html><head><title>${headline}_${siteName}</title></head><body>
    <div class="header"><div class="logo"><a href="/"><img src="/logo.png" alt="${siteName}"></a></div><p>${slogan}</p></div>
    <div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/gp/">股票</a></li><li><a href="/pz/">配资</a></li></ul></div>
    <div class="main"><div class="article"><h1>${headline}</h1><div class="info">发布日期:2024-10-19 10:40 点击次数:82</div>
      <div class="content"><p>${paras[0]}</p><p>${promo}</p><p>${paras[1]}</p><p>${paras[2]}</p><p>${paras[3]}</p></div></div>
    <div class="sidebar"><h3>热门文章</h3><ul><li><a href="/a/1.html">股票配资平台排名</a></li><li><a href="/a/2.html">配资公司</a></li></ul></div></div>
    <div class="footer"><p>Copyright © 启泰网配资网 版权所有</p></div></body></html>`;
  const p = buildPage(html, { url: 'https://www.example.cn/a/123.html' });

  it('keeps the short promo line between two paragraphs inside mainIds, in place', () => {
    expect(promo).toBeTruthy();
    const main = p.mainIds.map((id) => p.blocks[id].text);
    const i = main.indexOf(promo);
    expect(i).toBeGreaterThan(0);
    expect(main[i - 1]).toBe(paras[0]);
    expect(main[i + 1]).toBe(paras[1]);
    expect(main).not.toContain('股票配资平台排名');
  });

  it('keeps the promo prefix of the title, finds the site name and slogan', () => {
    expect(headline.startsWith('互联网金融股票配资 ')).toBe(true);
    expect(p.title).toBe(headline);
    expect(p.siteName).toBe(siteName);
    expect(p.slogan).toBe(slogan);
  });
});

describe('robustness', () => {
  it('handles 50k nested divs without a stack overflow', () => {
    const n = 50000;
    const p = buildPage(`<html><body>${'<div>'.repeat(n)}deep text${'</div>'.repeat(n)}<p>after the nest</p></body></html>`);
    expect(p.blocks.map((b) => b.text)).toContain('deep text');
    expect(p.blocks.map((b) => b.text)).toContain('after the nest');
    const deep = p.blocks.find((b) => b.text === 'deep text')!;
    expect(deep.path.startsWith('...>')).toBe(true);
  });

  it('handles unclosed and broken markup', () => {
    const p = buildPage('<html><body><div><p>first para <b>bold <i>italic<p>second para</div></span><li>item <table><tr><td>cell');
    const t = p.blocks.map((b) => b.text);
    expect(t.join(' ')).toContain('first para bold italic');
    expect(t).toContain('second para');
    expect(t.join(' ')).toContain('cell');
    expect(buildPage('').blocks.length).toBe(1);
    expect(buildPage('<<<>>>&&&<!-- unterminated').blocks.length).toBeGreaterThanOrEqual(1);
    const many = buildPage('<div><span>x'.repeat(20000));
    expect(many.text).toContain('xxx');
  });
});
