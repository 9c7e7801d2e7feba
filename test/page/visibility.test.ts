import { describe, it, expect } from 'vitest';
import { decode, buildPage, type Page, type Block } from '../../src/page/index.js';
import { dataBytes, expectKeepsSnippets } from './data.js';

const PARA = 'The council approved the new budget on Tuesday, after a long debate about schools, roads and the harbour.';

/** A small article page with one extra fragment placed after the article. */
function page(extra: string, head = ''): Page {
  return buildPage(
    `<html><head><title>Budget approved - Town News</title>${head}</head><body>
     <div id="content"><h1>Budget approved</h1><p>${PARA}</p><p>${PARA} Second.</p><p>${PARA} Third.</p></div>
     ${extra}
     <div id="footer"><p>Copyright Town News</p></div></body></html>`,
    { url: 'https://town.example.com/news/budget' },
  );
}
const blockWith = (p: Page, text: string): Block => {
  const b = p.blocks.find((x) => x.text.includes(text));
  if (!b) throw new Error(`no block with ${text}`);
  return b;
};

describe('visibility', () => {
  const cases: [string, string, string][] = [
    ['display-none', '<div style="display: none">secret words</div>', ''],
    ['visibility-hidden', '<div style="visibility:hidden">secret words</div>', ''],
    ['hidden-attr', '<div hidden>secret words</div>', ''],
    ['font-size-zero', '<span style="font-size:0px">secret words</span>', ''],
    ['font-size-zero', '<p style="font-size: 1px">secret words</p>', ''],
    ['opacity-zero', '<div style="opacity:0">secret words</div>', ''],
    ['offscreen', '<span style="position: absolute; top: -9990px;">secret words</span>', ''],
    ['offscreen', '<div style="position:absolute;left:-999px">secret words</div>', ''],
    ['offscreen', '<div style="text-indent:-9999px">secret words</div>', ''],
    ['zero-size', '<div style="width:0;height:0;overflow:hidden">secret words</div>', ''],
    ['zero-size', '<div style="height:0px; overflow: hidden">secret words</div>', ''],
    ['zero-size', '<div style="height:6px; overflow: hidden">secret words</div>', ''],
    ['zero-size', '<marquee width="1" height="1">secret words</marquee>', ''],
    ['zero-size', '<marquee style="height:4px">secret words</marquee>', ''],
    ['zero-size', '<MARQUEE WIDTH=0 HEIGHT=0>secret words</MARQUEE>', ''],
    ['same-color', '<div style="background:#fff"><p style="color:#FFFFFF">secret words</p></div>', ''],
    ['same-color', '<table bgcolor="white"><tr><td><font color="#ffffff">secret words</font></td></tr></table>', ''],
    ['stylesheet', '<div class="xq">secret words</div>', '<style>.xq{display:none}</style>'],
    ['stylesheet', '<div id="yz">secret words</div>', '<style>p.other, div#yz { visibility: hidden }</style>'],
    ['stylesheet', '<div class="a b">secret words</div>', '<style>/* c */ div.a.b{position:absolute;left:-5000px}</style>'],
    ['stylesheet', '<div class="ms">secret words</div>', '<style>body{margin:0} @media screen { .nav a{color:red} .ms { display:none } } p{color:#333}</style>'],
    ['stylesheet', '<p class="ww">secret words</p>', '<style>.ww{color:#fff;background:#fff}</style>'],
  ];
  for (const [reason, html, head] of cases) {
    it(`detects ${reason}: ${html}`, () => {
      const b = blockWith(page(html, head), 'secret words');
      expect(b.hidden).toBe(reason);
      expect(page(html, head).mainIds).not.toContain(b.id);
    });
  }

  it('propagates hidden from ancestors', () => {
    const p = page('<div style="display:none"><section><ul><li><b>deep secret words</b></li></ul></section></div>');
    expect(blockWith(p, 'deep secret words').hidden).toBe('display-none');
  });

  it('does not count aria-hidden alone, @media print rules, or an inline display:block override', () => {
    const p = page(
      '<div aria-hidden="true">aria words</div><div class="pr">print words</div><div class="dn" style="display:block">shown words</div>',
      '<style>@media print { .pr { display: none } } .dn{display:none}</style>',
    );
    expect(blockWith(p, 'aria words').hidden).toBeNull();
    expect(blockWith(p, 'print words').hidden).toBeNull();
    expect(blockWith(p, 'shown words').hidden).toBeNull();
  });

  it('leaves a box that can show a line, and a plain <marquee>, visible', () => {
    const p = page('<div style="height:12px;overflow:hidden">tall words</div><marquee>news ticker words</marquee><marquee height="20" width="100%">sized ticker words</marquee>');
    expect(blockWith(p, 'tall words').hidden).toBeNull();
    expect(blockWith(p, 'news ticker words').hidden).toBeNull();
    expect(blockWith(p, 'sized ticker words').hidden).toBeNull();
  });

  it('leaves visible text alone (no false hidden on plain pages)', () => {
    const p = page('<div style="color:#333;font-size:14px;position:relative;left:0">plain words</div>');
    expect(blockWith(p, 'plain words').hidden).toBeNull();
    expect(p.blocks.filter((b) => b.hidden).length).toBe(0);
  });
});

describe('legit hidden UI', () => {
  it('marks a hidden dropdown menu of on-site links as UI', () => {
    const p = page(
      '<nav><ul><li><a href="/a">Sections</a><ul class="sub-menu" style="display:none"><li><a href="/sport">Sport</a></li><li><a href="/news/local">Local news</a></li></ul></li></ul></nav>',
    );
    const b = blockWith(p, 'Sport');
    expect(b.hidden).toBe('display-none');
    expect(b.hiddenUi).toBe(true);
    expect(b.region).toBe('boilerplate');
  });

  it('marks a hidden cookie banner and sr-only text as UI', () => {
    const p = page(
      '<div id="cookie-consent" style="display:none">We use cookies to improve your experience. Accept all cookies or manage settings in the privacy centre of this website.</div><span class="sr-only">Skip to main content</span>',
      '<style>.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}</style>',
    );
    const c = blockWith(p, 'We use cookies');
    expect([c.hidden, c.hiddenUi, c.region]).toEqual(['display-none', true, 'boilerplate']);
    const s = blockWith(p, 'Skip to main content');
    expect([s.hidden, s.hiddenUi]).toEqual(['stylesheet', true]);
  });

  it('marks a hidden block of off-site links as hidden, not UI', () => {
    const links = ['casino-one.org', 'slots-two.us', 'bet-three.com', 'pills-four.net']
      .map((h) => `<a href="https://www.${h}/">${h} best online casinos</a>`)
      .join(' ');
    const p = page(`<div style="position:absolute;left:-9999px">${links}</div>`);
    const b = blockWith(p, 'best online casinos');
    expect([b.hidden, b.hiddenUi, b.region]).toEqual(['offscreen', false, 'hidden']);
    expect(b.links.every((l) => l.offsite)).toBe(true);
  });

  it('the real injected Chinese keyword block (njxfhn) is hidden and not UI', () => {
    const { html, encoding } = decode(dataBytes('gne-chinese-news/html/njxfhn/1.html.gz'));
    const p = buildPage(html, { encoding });
    const spam = p.blocks.filter((b) => b.text.includes('配资') && b.text.length > 10000);
    expect(spam.length).toBe(1);
    expect([spam[0].hidden, spam[0].hiddenUi, spam[0].region]).toEqual(['display-none', false, 'hidden']);
    expect(p.mainIds).not.toContain(spam[0].id);
    // the article itself is found
    expect(p.mainIds.map((id) => p.blocks[id].text).join('').length).toBeGreaterThan(300);
  });

  it('the real off-screen casino link block (silvias.net) is hidden and not UI', () => {
    const { html, encoding } = decode(dataBytes('trafilatura-eval/eval/silvias.net.wahlzensur.html.gz'));
    for (const url of [undefined, 'http://www.silvias.net/blog/wahlzensur-angriff-auf-universitaeten/']) {
      const p = buildPage(html, { encoding, url });
      const b = blockWith(p, 'Fastestpayoutscasinos');
      expect([b.hidden, b.hiddenUi, b.region]).toEqual(['offscreen', false, 'hidden']);
      expect(b.links.filter((l) => l.offsite).length).toBeGreaterThanOrEqual(8);
    }
  });

  it('hard negatives: sina hidden ad boxes and thepaper hidden tab list are UI and outside main content', () => {
    const sina = decode(dataBytes('chinese-web-content-extraction/original/8cb7b39d-4a06-4cad-bc50-0f63304267f3.html'));
    const p = buildPage(sina.html, { encoding: sina.encoding });
    for (const t of ['投资二万年利高的惊人', '美国技术办小厂赚大钱']) {
      const b = blockWith(p, t);
      expect(b.hidden).not.toBeNull();
      expect(b.hiddenUi).toBe(true);
      expect(p.mainIds).not.toContain(b.id);
    }
    const paper = decode(dataBytes('gne-chinese-news/html/thepaper/5.html.gz'));
    const q = buildPage(paper.html, { encoding: paper.encoding });
    const tabs = q.blocks.filter((b) => b.text.includes('葡京酒店'));
    expect(tabs.length).toBeGreaterThan(0);
    for (const b of tabs) {
      expect(b.hidden).not.toBeNull();
      expect(b.hiddenUi).toBe(true);
      expect(q.mainIds).not.toContain(b.id);
    }
  });
});

describe('font-size: 0 undone by a child (the whitespace trick between inline-blocks)', () => {
  const STORY = 'Tras el anuncio del paro armado, la policía reforzó las patrullas en la sierra y en los corregimientos cercanos.';
  const story = (css: string, inner: string) =>
    buildPage(
      `<html><head><title>Policía en la sierra</title><style>${css}</style></head><body><div class="row-inner">${inner}</div></body></html>`,
      {},
    );

  it('a child that sets an absolute font-size (rem, px, a keyword) is shown; text straight in the zeroed row stays hidden', () => {
    for (const size of ['1rem', '16px', 'medium', '12pt !important']) {
      const p = story(`.row-inner{display:flex;font-size:0}.col{font-size:${size}}`, `<div class="col"><p>${STORY}</p></div>stray secret words`);
      expect(blockWith(p, 'Tras el anuncio').hidden, size).toBeNull();
      expect(blockWith(p, 'stray secret words').hidden, size).not.toBeNull();
    }
  });

  it('a relative size (em, %) is a share of zero: still hidden; so is a child of a display:none box, whatever its font-size', () => {
    const rel = story('.row-inner{font-size:0}.col{font-size:1.2em}', `<div class="col"><p>${STORY}</p></div>`);
    expect(blockWith(rel, 'Tras el anuncio').hidden).not.toBeNull();
    const none = buildPage(
      `<html><head><title>x</title><style>.box{display:none}.row-inner{font-size:0}.col{font-size:1rem}</style></head><body><div class="box"><div class="row-inner"><div class="col"><p>${STORY}</p></div></div></div></body></html>`,
      {},
    );
    expect(blockWith(none, 'Tras el anuncio').hidden).not.toBeNull();
  });

  it('an inline font-size under an inline font-size: 0 shows its text; a sibling left zeroed stays hidden', () => {
    const p = buildPage(
      `<html><head><title>x</title></head><body><div style="font-size:0"><p style="font-size:14px">${STORY}</p><p>casino bonus secret words</p></div></body></html>`,
      {},
    );
    expect(blockWith(p, 'Tras el anuncio').hidden).toBeNull();
    expect(blockWith(p, 'casino bonus').hidden).not.toBeNull();
  });

  it('a real story whose row zeroes its font-size (trafilatura-eval) keeps its must-keep snippets', () => {
    expectKeepsSnippets('https://www.minuto30.com/policia-hace-presencia-en-la-sierra/1331134/');
  });
});
