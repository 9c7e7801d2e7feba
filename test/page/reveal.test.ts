// A page hidden whole until its scripts run (a fade-in <body>, a "loading" wrapper) shows its article; a hidden block
// beside a visible article, a hidden link farm, and text hidden the ways spam hides it stay hidden.
import { describe, it, expect } from 'vitest';
import { buildPage } from '../../src/page/index.js';
import { expectKeepsSnippets } from './data.js';

const squeeze = (s: string) => s.replace(/\s+/g, '');
const para = (k: number) =>
  `Absatz ${k}: Der Gemeinderat hat am Dienstagabend den Haushalt für das kommende Jahr beschlossen, nachdem die Fraktionen lange über die Sanierung der Grundschule und die Kosten der neuen Sporthalle gestritten hatten.`;
const article = Array.from({ length: 6 }, (_, k) => `<p>${para(k)}</p>`).join('');
const bodyText = (html: string) => {
  const page = buildPage(html, {});
  return squeeze(page.blocks.filter((b) => b.region === 'body').map((b) => b.text).join('\n'));
};
const regionOf = (html: string, needle: string) => buildPage(html, {}).blocks.find((b) => b.text.includes(needle))?.region;

describe('a page hidden until its scripts run', () => {
  it('a fade-in <body> the stylesheet hides (visibility: hidden until a script adds a class) shows its article', () => {
    const html = `<html><head><title>Haushalt</title><style>.fadein { visibility: hidden }</style></head>
      <body class="single fadein"><nav><a href="/">Start</a></nav><article><h1>Haushalt beschlossen</h1>${article}</article></body></html>`;
    expect(bodyText(html)).toContain(squeeze(para(0)));
    expect(bodyText(html)).toContain(squeeze(para(5)));
  });

  it('a "loading" wrapper shows its article, and a link farm hidden inside it stays hidden', () => {
    const farm = Array.from({ length: 8 }, (_, k) => `<a href="https://slot${k}-gacor.net/">slot gacor ${k}</a>`).join(' ');
    const html = `<html><head><title>Haushalt</title><style>.loading { display: none }</style></head>
      <body><div class="wrapper loading"><article><h1>Haushalt beschlossen</h1>${article}<div style="display:none">${farm}</div></article></div></body></html>`;
    expect(bodyText(html)).toContain(squeeze(para(3)));
    expect(regionOf(html, 'slot gacor 1')).toBe('hidden');
  });

  it('a hidden block beside a visible article stays hidden, however long', () => {
    const hiddenProse = Array.from({ length: 20 }, (_, k) => `<p>${para(100 + k)}</p>`).join('');
    const html = `<html><head><title>Haushalt</title></head><body><article><h1>Haushalt beschlossen</h1>${article}</article>
      <div style="display:none">${hiddenProse}</div></body></html>`;
    expect(regionOf(html, 'Absatz 100:')).toBe('hidden');
    expect(bodyText(html)).toContain(squeeze(para(2)));
  });

  it('a hidden keyword list that is most of a short page is one block, not the page\'s wrapper, and stays hidden', () => {
    const list = Array.from({ length: 40 }, (_, k) => `slot gacor ${k} situs judi online terpercaya`).join(', ');
    const html = `<html><head><title>Kurz</title></head><body><h1>Kurz notiert</h1><p>Die Sitzung beginnt um acht Uhr.</p>
      <div style="display:none">${list}</div></body></html>`;
    expect(regionOf(html, 'slot gacor 1 ')).toBe('hidden');
  });

  it('text kept off screen or in a 0-px box is not a page waiting to be shown', () => {
    for (const style of ['position:absolute; left:-9999px', 'height:1px; overflow:hidden']) {
      const html = `<html><head><title>Haushalt</title></head><body><div style="${style}"><article><h1>Haushalt</h1>${article}</article></div></body></html>`;
      expect(regionOf(html, 'Absatz 0:'), style).toBe('hidden');
    }
  });

  it('a real blog post whose <body class="… fadein"> the stylesheet hides (trafilatura-eval) keeps its must-keep snippets', () => {
    const o = expectKeepsSnippets('https://blog.teufel.de/musik-und-sport-so-steigern-songs-deine-leistung/');
    expect(o.keptDrop).toEqual([]);
  });
});
