// The original-page view's copy: on real pages (Chinese and English news with their scripts, images, iframes
// and stylesheets), nothing that could make a browser open a connection survives, and the text does.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { neutraliseHtml, neutraliseCss } from '../../src/serve/original.js';
import { decode } from '../../src/page/index.js';
import { DATA, readPage } from './helpers.js';

/** Attributes through which HTML, SVG or MathML can fetch or navigate. */
const URL_ATTRS = ['src', 'srcset', 'href', 'xlink:href', 'action', 'formaction', 'poster', 'background', 'ping', 'data', 'codebase', 'cite', 'longdesc', 'lowsrc', 'dynsrc', 'manifest', 'imagesrcset', 'to', 'values', 'from', 'by'];

function leaks(html: string): string[] {
  const $ = load(html);
  const out: string[] = [];
  $('script, iframe, frame, object, embed, link, base, applet, portal, video, audio, source, track').each((_, el) => {
    out.push(`<${(el as { tagName: string }).tagName}>`);
  });
  $('meta').each((_, el) => {
    const a = (el as { attribs: Record<string, string> }).attribs;
    if (Object.keys(a).some((k) => k !== 'charset')) out.push(`<meta ${Object.keys(a).join(' ')}>`);
  });
  $('*').each((_, el) => {
    for (const [k, v] of Object.entries((el as { attribs: Record<string, string> }).attribs)) {
      const n = k.toLowerCase();
      if (n.startsWith('on')) out.push(`${n}=`);
      if (URL_ATTRS.includes(n) && !(n === 'src' && v.startsWith('data:image/'))) out.push(`${n}="${v.slice(0, 40)}"`);
      if (n === 'style' && /\burl\s*\(|@import|image-set/i.test(v)) out.push(`style="${v.slice(0, 40)}"`);
    }
  });
  $('style').each((_, el) => {
    const css = $(el).text();
    if (/\burl\s*\(|@import|image-set\s*\(/i.test(css)) out.push(`<style>${css.slice(0, 40)}`);
  });
  return out;
}

function realPages(): { name: string; html: string }[] {
  const dir = join(DATA, 'gne-chinese-news/html');
  const out: { name: string; html: string }[] = [];
  for (const site of readdirSync(dir).slice(0, 12)) {
    const f = readdirSync(join(dir, site)).find((x) => x.endsWith('.html.gz'));
    if (f) out.push({ name: `${site}/${f}`, html: decode(gunzipSync(readFileSync(join(dir, site, f)))).html });
  }
  for (const key of ['silvias', 'pharma', 'seed'] as const) out.push({ name: key, html: decode(readPage(key)).html });
  return out;
}

describe('neutraliseHtml', () => {
  const pages = realPages();

  it('the real pages do load things before (the test can fail)', () => {
    const before = pages.map((p) => leaks(p.html).length);
    expect(before.filter((n) => n > 0).length).toBeGreaterThanOrEqual(10);
  });

  it('leaves no element or attribute that loads, embeds, navigates or runs anything; keeps the text', () => {
    for (const p of pages) {
      const out = neutraliseHtml(p.html);
      expect(leaks(out), p.name).toEqual([]);
      // the visible text survives (title text of the article is still in the copy)
      const title = load(p.html)('title').first().text().trim().slice(0, 12);
      if (title) expect(load(out)('body').text() + load(out)('title').text(), p.name).toContain(title);
    }
  });

  it('keeps where links went as hover text and names what was embedded', () => {
    const out = neutraliseHtml(
      '<p><a href="https://casino.example/bonus">best casino</a><iframe src="https://tracker.example/x"></iframe>' +
        '<svg><style><img src="https://breakout.example/a.png"></style></svg><form action="https://f.example"><input type="image" src="https://i.example/b.png"></form></p>',
    );
    expect(leaks(out)).toEqual([]);
    expect(out).toContain('title="→ https://casino.example/bonus"');
    expect(out).toContain('[iframe from tracker.example removed]');
  });

  it('makes every fetching CSS construct invalid, including escaped ones', () => {
    expect(neutraliseCss('a{background:url(http://x.example/a.png)}@import "http://y.example/b.css";')).not.toMatch(/\burl\(|@import/);
    expect(neutraliseCss('a{background:u\\72l(http://x.example/a.png)}')).not.toContain('x.example');
    expect(neutraliseCss('@font-face{src:local(x)} a{color:red}')).toContain('color:red');
  });

  it('a page of 20k unclosed hostile links stays a finite copy', () => {
    const hostile = '<body>' + '<a href="https://x.example/" '.repeat(20_000) + '</body>';
    const out = neutraliseHtml(hostile);
    expect(leaks(hostile).length).toBeGreaterThan(0);
    expect(leaks(out)).toEqual([]);
    expect(out.length).toBeLessThan(hostile.length);
  });
});
