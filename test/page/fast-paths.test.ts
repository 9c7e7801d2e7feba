// The page stage's hand-written fast paths must give exactly what the plain (slower) formulations give:
// checked against reference implementations on real page text and on edge cases.
import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { decode, buildPage } from '../../src/page/index.js';
import { SNIFF_SAMPLE_BYTES } from '../../src/page/decode.js';
import { collapse, walkHtml, TooDeep, AttrParser, TagAttrs } from '../../src/page/walk.js';
import { Parser } from 'htmlparser2';
import { effectiveLength } from '../../src/page/main-content.js';
import { registrableDomain, urlDomain, urlHost } from '../../src/page/domain.js';
import { limitNesting, MAX_NESTING } from '../../src/page/nesting.js';
import { isUiName, nameFlags, NAME_JUNK, NAME_LIKELY, NAME_NEGATIVE, NAME_POSITIVE, NAME_UI, NAME_UNLIKELY } from '../../src/page/hints.js';
import { skippedAtRules } from '../../src/page/visibility.js';
import { DATA, dataBytes } from './data.js';

const SH = 'scrapinghub-article-extraction-benchmark/html';
const ZH = 'chinese-web-content-extraction/original';

/** Raw text runs of a few real pages (Latin and Chinese), whitespace as the parser left it. */
function realTexts(): string[] {
  const files = [
    ...readdirSync(resolve(DATA, SH)).sort().slice(0, 4).map((f) => `${SH}/${f}`),
    ...readdirSync(resolve(DATA, ZH)).filter((f) => f.endsWith('.html')).sort().slice(0, 4).map((f) => `${ZH}/${f}`),
  ];
  const out: string[] = [];
  for (const f of files) {
    const { html } = decode(dataBytes(f));
    for (const m of html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '').split(/<[^>]*>/)) if (m) out.push(m);
  }
  return out;
}

describe('fast paths equal their reference formulations', () => {
  const texts = realTexts();

  it('collapse == replace(/\\s+/g, " ").trim() on real text and whitespace edge cases', () => {
    expect(texts.length).toBeGreaterThan(1000);
    const edge = ['', ' ', '  ', 'a', ' a', 'a ', 'a b', 'a  b', ' a b ', 'a\u00a0b', 'a \u00a0b', '\u3000标题\u3000', 'x\ty\nz', '\ufeffa', 'a\u2028b', 'a \u200bb'];
    for (const s of [...texts, ...edge]) expect(collapse(s), JSON.stringify(s.slice(0, 80))).toBe(s.replace(/\s+/g, ' ').trim());
  });

  it('effectiveLength counts CJK code units three times, like the regex count', () => {
    const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3\uf900-\ufaff]/g;
    let cjk = 0;
    for (const s of texts) {
      const n = s.match(CJK)?.length ?? 0;
      cjk += n;
      expect(effectiveLength(s)).toBe(s.length + 2 * n);
    }
    expect(cjk).toBeGreaterThan(1000);
  });

  it("a link's host is read by a char scan as the regex read it (every href of real pages, and edge cases)", () => {
    const URL_HOST_RE = /^\s*(?:https?:)?\/\/([^/?#:\s@]+@)?([^/?#:\s]+)/i;
    const hrefs: string[] = [];
    for (const f of [...readdirSync(resolve(DATA, SH)).sort().slice(0, 15).map((x) => `${SH}/${x}`), ...readdirSync(resolve(DATA, ZH)).filter((x) => x.endsWith('.html')).sort().slice(0, 15).map((x) => `${ZH}/${x}`)]) {
      for (const m of decode(dataBytes(f)).html.matchAll(/(?:href|src)\s*=\s*"([^"]*)"/gi)) hrefs.push(m[1]);
    }
    expect(hrefs.length).toBeGreaterThan(1000);
    const edges = ['', '//', '///x', 'https://', 'HTTPS://User:pw@X.com:80/a', '//a@', '//a@/x', '//@x', '//a@b@c', '//a:b@c', '//a b', ' \u00a0//a.b#c', 'http:\u001a//a', 'ftp://a.b', 'https:https://a', 'http://[::1]/', '//a\u3000b', 'javascript://x'];
    for (const h of [...hrefs, ...edges]) expect(urlHost(h), JSON.stringify(h)).toBe(URL_HOST_RE.exec(h)?.[2]);
  });

  it('urlDomain with a host map of the page gives what it gives without one (links of real pages)', () => {
    const hosts = new Map<string, string>();
    let n = 0;
    const pages = [
      ...readdirSync(resolve(DATA, SH)).sort().slice(0, 15).map((f) => `${SH}/${f}`),
      ...readdirSync(resolve(DATA, ZH)).filter((f) => f.endsWith('.html')).sort().slice(0, 15).map((f) => `${ZH}/${f}`),
    ];
    for (const f of pages) {
      const { html } = decode(dataBytes(f));
      for (const m of html.matchAll(/href\s*=\s*"([^"]*)"/gi)) {
        n++;
        expect(urlDomain(m[1], hosts)).toBe(urlDomain(m[1]));
      }
    }
    expect(n).toBeGreaterThan(1000);
    expect(hosts.size).toBeGreaterThan(20);
  });

  it('nameFlags and isUiName == one regex per name list (plus the UI tokens of split(/[-_\\s]+/)) on the class and id names of real pages', () => {
    // the name lists as alternation regexes, one test() each
    const UI_SUBSTR = /menu|dropdown|drop-down|carousel|swiper|slick|slide|modal|popup|pop-up|lightbox|cookie|consent|gdpr|sr-only|screen-reader|screenreader|visually-hidden|visuallyhidden|element-invisible|tooltip|accordion|offcanvas|off-canvas|hamburger|flyout|megamenu|toolbar|wm-ipp|overlay|subnav|navbar|navigation|sitenav|topnav|mainnav/;
    const UI_TOKENS = new Set(['nav', 'tab', 'tabs', 'tabpanel', 'panel', 'search', 'searchform', 'share', 'sharing', 'social', 'mobile', 'dialog', 'login', 'signin', 'newsletter', 'subscribe', 'collapse', 'collapsed', 'hide', 'hidden', 'invisible', 'js', 'noscript', 'skip', 'drawer', 'sidebar', 'gallery', 'lang', 'language', 'notice', 'alert', 'banner', 'dd', 'sub', 'more', 'toggle', 'header', 'weixin', 'wechat', 'qr', 'qrcode']);
    const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|正文|内容|zw|artibody|art_|news_txt|newstext|detail|endtext|cont/;
    const NEGATIVE = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|remark|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|recommend|hot|rank|nav|menu|breadcrumb|crumb|copyright|login|subscribe|newsletter|popular|author-bio|byline|social|advert|caption|disclaimer|ad_|_ad|adsbygoogle|推荐|相关|热点|评论|teaser/;
    const UNLIKELY = /comment|disqus|foot|footer|related|recommend|sidebar|share|social|sponsor|advert|popular|newsletter|subscribe|breadcrumb|crumb|copyright|rank|hotnews|hot-news|read-more|readmore|more-stories|most-|trending|promo|outbrain|taboola|correction|tags|tagcloud|author-bio|about-author|related|pager|pagination|menu|nav|consent|gdpr|modal|评论|相关|推荐/;
    const LIKELY = /article|body|content|entry|main|post|story|text|正文|artibody|detail|endtext|zw|news_txt|newstext|column/;
    const JUNK = /caption|credit|gallery|slideshow|carousel|byline|dateline|timestamp|share|sharing|social|newsletter|signup|sign-up|subscribe|promo|related|recommend|toolbar|breadcrumb|(^|[-_\s])tags?([-_\s]|$)|author-info|author-bio|advert|sponsor|outbrain|taboola|comment|pagination|pager|read-more|readmore|more-stories|sidebar|(^|[-_\s])ad([-_\s]|$)|(^|[-_\s])ads([-_\s]|$)|adslot|ad-slot|ad-container|adunit|ad-unit|dfp|disclaimer|copyright|footnote-ref|video-player|embed-|instagram-media|modal|popup|collapse|overlay|lightbox|(^|\s)(hide|hidden|d-none|is-hidden|invisible|control-hide|hidden-content|js-hidden)(\s|$)/;
    const ui = (names: string) => UI_SUBSTR.test(names) || names.split(/[-_\s]+/).some((t) => UI_TOKENS.has(t));
    const reference = (names: string) =>
      (ui(names) ? NAME_UI : 0) | (POSITIVE.test(names) ? NAME_POSITIVE : 0) | (NEGATIVE.test(names) ? NAME_NEGATIVE : 0) |
      (UNLIKELY.test(names) ? NAME_UNLIKELY : 0) | (LIKELY.test(names) ? NAME_LIKELY : 0) | (JUNK.test(names) ? NAME_JUNK : 0);
    const names = new Set<string>([
      'nav', 'main-nav', 'x_tab', 'tabs\tpanel', ' more ', 'qr-code', 'lang-en', 'navigation', 'dd', 'd-d', 'toggle_', '-', '', 'moreover', 'subnavx',
      'hid', 'a hid', 'hid b', 'a hid b', 'hid\tb', 'a\u00a0hid', 'hidx', 'tag', 'x-tags', 'tags_y', 'stag', 'ad', 'ads', 'x_ad', 'ad-x', 'bad', 'head',
      'hide', 'x hidden', 'is-hidden y', 'x-hide', 'js-hidden', 'd-none', 'x d-none\ty', 'invisible', 'invisibles', 'control-hide', 'hidden-content',
      '正文', 'news 内容 x', '推荐', 'most-read', 'art_x', 'com-x', '-ad-', 'x_ad_y',
    ]);
    const pages = [
      ...readdirSync(resolve(DATA, SH)).sort().slice(0, 40).map((x) => `${SH}/${x}`),
      ...readdirSync(resolve(DATA, ZH)).filter((x) => x.endsWith('.html')).sort().slice(0, 40).map((x) => `${ZH}/${x}`),
    ];
    for (const f of pages) {
      const { html } = decode(dataBytes(f));
      for (const m of html.matchAll(/\b(?:class|id)\s*=\s*"([^"]*)"/gi)) names.add(m[1].toLowerCase().trim());
    }
    const seen = new Map<number, number>();
    for (const n of names) {
      const want = reference(n);
      for (const flag of [NAME_UI, NAME_POSITIVE, NAME_NEGATIVE, NAME_UNLIKELY, NAME_LIKELY, NAME_JUNK]) if (want & flag) seen.set(flag, (seen.get(flag) ?? 0) + 1);
      expect(nameFlags(n), JSON.stringify(n)).toBe(want);
      expect(isUiName('', n, undefined), n).toBe((want & NAME_UI) !== 0);
    }
    expect(names.size).toBeGreaterThan(2000);
    expect(seen.size).toBe(6);
    for (const count of seen.values()) expect(count).toBeGreaterThan(20);
  });

  it('registrableDomain follows the public-suffix list (ICANN suffixes); IPs, single labels and broken hosts stay as they are', () => {
    const expected: Record<string, string> = {
      'www.bbc.co.uk': 'bbc.co.uk', 'WWW.BBC.CO.UK.': 'bbc.co.uk', 'news.sina.com.cn': 'sina.com.cn', 'x.gov.cn': 'x.gov.cn',
      'sub.example.com.au': 'example.com.au', 'shop.example.co.jp': 'example.co.jp', 'example.ne.jp': 'example.ne.jp',
      'a.b.example.com': 'example.com', 'x.github.io': 'github.io', 'sub.example.de': 'example.de', localhost: 'localhost',
      '1.2.3.4': '1.2.3.4', '[::1]': '[::1]', abc: 'abc', 'a..b': 'a..b', '': '',
    };
    for (const [host, d] of Object.entries(expected)) expect(registrableDomain(host), host).toBe(d);
  });

  it('nesting guard leaves a page with many tags but shallow nesting unchanged, and still cuts deep nesting', () => {
    const flat = '<p>x</p>'.repeat(5000);
    expect(limitNesting(flat, 100)).toBe(flat);
    const deep = '<div>'.repeat(300) + 'deep text' + '</div>'.repeat(300);
    const cut = limitNesting(deep, 100);
    expect(cut.match(/<div>/g)?.length).toBe(100);
    expect(cut).toContain('deep text');
    const p = buildPage(cut);
    expect(p.blocks.some((b) => b.text === 'deep text')).toBe(true);
  });

  it("AttrParser (and its ScanTokenizer) gives the events of htmlparser2's Parser (texts, entities decoded, included, tag names as it lower-cases them), and the attributes the walk reads as the Parser's attribute objects hold them", () => {
    /** TagAttrs field -> attribute name */
    const FIELDS: Record<string, string> = {
      id: 'id', class: 'class', style: 'style', bgcolor: 'bgcolor', background: 'background', color: 'color', hidden: 'hidden', role: 'role', href: 'href',
      alt: 'alt', title: 'title', property: 'property', name: 'name', content: 'content', rel: 'rel', src: 'src', media: 'media', lang: 'lang',
    };
    const files = [
      ...readdirSync(resolve(DATA, SH)).sort().slice(0, 30).map((f) => `${SH}/${f}`),
      ...readdirSync(resolve(DATA, ZH)).filter((f) => f.endsWith('.html')).sort().slice(0, 30).map((f) => `${ZH}/${f}`),
    ];
    const edge = [
      '<div id=a id=b class="x" CLASS="y" hidden data-x=1>t</div><p title="&amp;&lt;">x</br></p></p><img alt src=a.png>',
      '<meta property="og:title" content="T"><META NAME=x CONTENT=y><link rel=canonical href="/c"><base href=/b>',
      '<svg><title>in svg</title><a href=x /></svg><math><mi>x</mi></math><table><tr><td style="display:none">h<td>v',
      '<a href="/" role=button><span class="  a  b ">x</span></a><div hidden="">y</div><input hidden>',
      '<div id="unterminated',
      '<p class=x>one<p class=y>two<li>three<li>four',
      '<!DOCTYPE html><?xml version="1.0"?><!-- a <b>comment</b> -- --><![CDATA[ x ]]><script>if (a < b && c > d) x("</div>")</script><style>a>b{}</style>z',
      '<title>a < b</title><textarea>x <p> y</textarea><script>unterminated < script',
      '<!-- unterminated comment <p>x</p>',
      '<!doctype html',
      'text first &amp; &lt;b&gt; &#x41;&#66; &unknown; a&b &copy y <p>x &nbsp;&nbsp; z</p> tail & end &',
      'no markup at all, only text',
      `<a href="/x?a=1&amp;b=2&c" title='it&apos;s "q"' data-x="a'b" data-y='a"b' alt="&" class="unterminated`,
      `<img alt='x &lt; y' src="a&b.png"><div class='' id=""></div><p title="no end quote>`,
      '<DIV Class="A" ID=b STYLE="display:none" data-x="a&amp;b" aria-label=\'&lt;\' data-id=x id=c hRef=h>t</DIV>',
      '<div \u212Aclass=k bac\u212Aground=url(x) cl\u0130ss=i \u00e9=e class=after>t</div><p data-j=\'{"a":"&quot;"}\' title=t srcset="a 1x, b 2x">x</p>',
      '<a href=x target=_blank rel=nofollow onclick="f(1 &lt; 2)" title=&amp;>l</a><meta itemprop=x name=n content=c><html LANG=de>',
      '<a/b>x</a/b><p=x class=y>z</p\t\n><div\fclass\r=\na>q</div  ><DİV clä=ü>é</DİV><sCrIpT>x</ScRiPt ><tItLe >t</title\f>',
      '<div clas',
      '<div class=a',
      '<di',
      'x</di',
      '<p>x</p',
      // tag names read from the input (known tags in any ASCII case) or cut out by the Parser (any other name)
      '<H1 class=t>T</H1><Span>s</SPAN><my-widget x=1>w</my-widget><\u212Abd>k</\u212Abd><SVG><Path d=x /><G></G></SVG><P>a</P></br></BR><TABLE><TR><TD>c</table>',
      '<spanx>x</spanx><spa>y</spa><i>i</I><ul><li>a<li>b</UL><head><TITLE>t</TITLE></head><headx>h</headx>',
    ];
    const htmls = [...files.map((f) => decode(dataBytes(f)).html), ...edge];
    let tags = 0;
    for (const html of htmls) {
      const plain: string[] = [];
      const pick = (a: Record<string, string>) => JSON.stringify(Object.entries(FIELDS).map(([, n]) => (Object.hasOwn(a, n) ? a[n] : null)));
      new Parser(
        { onopentag: (n, a) => plain.push(`<${n} ${pick(a)}`), onclosetag: (n) => plain.push(`</${n}`), ontext: (t) => plain.push(t) },
        { decodeEntities: true },
      ).end(html);
      const attrs = new TagAttrs();
      const ours: string[] = [];
      const fields = () => JSON.stringify(Object.keys(FIELDS).map((f) => (attrs as unknown as Record<string, string | undefined>)[f] ?? null));
      new AttrParser({ onopentag: (n) => ours.push(`<${n} ${fields()}`), onclosetag: (n) => ours.push(`</${n}`), ontext: (t) => ours.push(t) }, attrs).end(html);
      expect(ours).toEqual(plain);
      tags += plain.filter((e) => e.startsWith('<')).length;
    }
    expect(tags).toBeGreaterThan(20000);
  });

  it('the walk stops before any depth where limitNesting cuts (never on real pages), so a page is limited only then', () => {
    // real pages nest far below the limit: limitNesting leaves them as they are and the walk never stops
    const files = [
      ...readdirSync(resolve(DATA, SH)).sort().slice(0, 40).map((f) => `${SH}/${f}`),
      ...readdirSync(resolve(DATA, ZH)).filter((f) => f.endsWith('.html')).sort().slice(0, 40).map((f) => `${ZH}/${f}`),
    ];
    for (const f of files) {
      const { html } = decode(dataBytes(f));
      expect(limitNesting(html), f).toBe(html);
      expect(() => walkHtml(html, undefined, undefined, MAX_NESTING), f).not.toThrow();
    }
    // deep markup of several shapes: a walk that stops is one limitNesting cuts, and the page built is the limited one's
    const shapes = [
      '<div>'.repeat(MAX_NESTING + 5) + 'deep text' + '</div>'.repeat(MAX_NESTING + 5),
      '<div>'.repeat(MAX_NESTING - 1) + '<br><img src=x><p>at the limit</p>' + '</div>'.repeat(MAX_NESTING - 1),
      '<div>'.repeat(MAX_NESTING - 1) + '<script>var a = "<div>";</script><b>x</b>',
      '<ul>' + '<li><ul>'.repeat(MAX_NESTING) + 'item' + '</ul></li>'.repeat(MAX_NESTING) + '</ul>',
      '<p>'.repeat(3 * MAX_NESTING) + 'paragraphs close each other',
      '<li>'.repeat(3 * MAX_NESTING) + 'items close each other',
      '<span>'.repeat(MAX_NESTING) + 'x',
    ];
    for (const html of shapes) {
      let stopped = false;
      try {
        walkHtml(html, undefined, undefined, MAX_NESTING);
      } catch (e) {
        expect(e).toBeInstanceOf(TooDeep);
        stopped = true;
      }
      const limited = limitNesting(html);
      if (!stopped) expect(limited).toBe(html);
      expect(buildPage(html)).toEqual(buildPage(limited));
    }
  });

  it('valid UTF-8 is decoded (ICU transcode, or latin1 for ASCII) to the string TextDecoder gives: real pages and edge cases', () => {
    const td = new TextDecoder('utf-8');
    let n = 0;
    const files = [
      ...readdirSync(resolve(DATA, SH)).sort().map((f) => `${SH}/${f}`),
      ...readdirSync(resolve(DATA, ZH)).filter((f) => f.endsWith('.html')).sort().map((f) => `${ZH}/${f}`),
    ];
    for (const f of files) {
      const bytes = dataBytes(f);
      const d = decode(bytes);
      if (d.encoding !== 'utf-8') continue;
      n++;
      expect(d.html === td.decode(bytes), f).toBe(true);
      expect(decode(bytes, { contentType: 'text/html; charset=UTF-8' }).html === d.html, f).toBe(true);
    }
    expect(n).toBeGreaterThan(150);
    const edge = ['', 'plain ascii <p>x</p>', 'caf\u00e9', '\u00ff\u0100', '\u4e2d\u6587\u65b0\u95fb', 'emoji \u{1f600} and \u{10ffff}', '\uffff\ufffd', '\u0000\u007f\u0080', 'x'.repeat(70000) + '\u00e9'];
    for (const body of edge) {
      for (const head of ['<meta charset="utf-8">', '<p>']) {
        const bytes = Buffer.from(head + body, 'utf8');
        expect(decode(bytes)).toEqual({ html: td.decode(bytes), encoding: 'utf-8' });
        expect(decode(bytes, { contentType: 'text/html;charset=utf-8' })).toEqual({ html: td.decode(bytes), encoding: 'utf-8' });
      }
    }
    // longer than the sniff sample, declared or not: valid, or with a stray byte (or a second BOM) past the sample
    const long = Buffer.from('<p>caf\u00e9 \u4e2d\u6587 '.repeat(30000), 'utf8');
    expect(long.length).toBeGreaterThan(SNIFF_SAMPLE_BYTES);
    for (const tail of [[], [0xff], [0xef, 0xbb, 0xbf, 0x41], [0xe4, 0xb8]]) {
      for (const head of ['<meta charset="utf-8">', '<p>']) {
        const bytes = Buffer.concat([Buffer.from(head), long, Buffer.from(tail)]);
        expect(decode(bytes)).toEqual({ html: td.decode(bytes), encoding: 'utf-8' });
      }
    }
  });

  it('the skipped at-rule blocks of a stylesheet (skippedAtRules) are the ranges the at-rule and brace regexes give (real stylesheets, edge cases)', () => {
    const reference = (text: string): [number, number][] => {
      const skip: [number, number][] = [];
      const at = /@([-\w]+)([^{;]*)\{/g;
      const brace = /[{}]/g;
      for (let m = at.exec(text); m; m = at.exec(text)) {
        if (m[1].toLowerCase() === 'media' && /^\s*(only\s+)?(screen|all)\s*$/i.test(m[2])) continue;
        let depth = 1;
        brace.lastIndex = at.lastIndex;
        let end = text.length;
        for (let b = brace.exec(text); b; b = brace.exec(text)) {
          depth += b[0] === '{' ? 1 : -1;
          if (depth === 0) {
            end = brace.lastIndex;
            break;
          }
        }
        skip.push([m.index, end]);
        at.lastIndex = end;
      }
      return skip;
    };
    const sheets: string[] = [];
    for (const dir of [SH, ZH]) {
      for (const f of readdirSync(resolve(DATA, dir)).filter((x) => x.endsWith('.html') || x.endsWith('.gz')).sort().slice(0, 40)) {
        const { html } = decode(dataBytes(`${dir}/${f}`));
        for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) sheets.push(m[1]);
      }
    }
    const edge = ['', '@', '@{', '@media{', '@media screen{.a{x:1}}.b{}', '@MEDIA ALL {.a{}}', '@media print{.a{}', '@import url(x);@font-face{a:b}', '@x y;z{}', '@@media x{}',
      '@-webkit-keyframes k{0%{a:b}100%{}}', '@media only screen and (max-width:1px){.a{}}', '@media  only  screen {}', 'a@b{}}', '@a{{{}}', '@a}{', '@_ {;}'];
    let ranges = 0;
    for (const t of [...sheets, ...edge]) {
      const want = reference(t);
      expect(skippedAtRules(t), t.slice(0, 80)).toEqual(want);
      ranges += want.length;
    }
    expect(sheets.length).toBeGreaterThan(40);
    expect(ranges).toBeGreaterThan(500);
  });
});
