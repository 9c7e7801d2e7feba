// A whole document pasted into a post (<html><body> inside the article) is part of the article, and a WordPress
// post's category and tag classes name its topics, not its role: neither drops the article's text as chrome.
import { describe, it, expect } from 'vitest';
import { buildPage } from '../../src/page/index.js';
import { snippetOutcome, expectKeepsSnippets } from './data.js';
import { roleNames } from '../../src/page/hints.js';

const squeeze = (s: string) => s.replace(/\s+/g, '');
const mainText = (html: string) => {
  const page = buildPage(html, {});
  return squeeze(page.mainIds.map((id) => page.blocks[id].text).join('\n'));
};
const para = (k: string) =>
  `${k}: Der Teig wird auf dem Blech verteilt, glattgestrichen und etwa fünfundzwanzig Minuten gebacken, bis er goldbraun ist, und danach mit dem Guss bestrichen.`;

describe('a document pasted into a post', () => {
  it('the paragraphs of the pasted <body> stay with the article, not only the box of them that scores best', () => {
    const faq = Array.from({ length: 5 }, (_, i) => `<h4>Frage ${i}?</h4><p>${para(`Antwort ${i}`)}</p>`).join('');
    const html = `<!doctype html><html><head><title>Zitronenkuchen</title></head><body>
      <nav><a href="/">Start</a> <a href="/rezepte">Rezepte</a></nav>
      <main class="content"><article class="post"><h1>Zitronenkuchen vom Blech</h1><div class="entry-content"><html><body>
        <p>${para('Einleitung')}</p><p>${para('Zweiter Absatz')}</p><p>${para('Dritter Absatz')}</p>
        <div id="faq"><div class="box">${faq}</div></div>
      </body></html></div></article></main>
      <footer><p>Impressum und Datenschutz, alle Rechte vorbehalten, bitte nicht kopieren ohne Erlaubnis der Autorin.</p></footer>
      </body></html>`;
    const text = mainText(html);
    for (const k of ['Einleitung', 'Zweiter Absatz', 'Dritter Absatz', 'Antwort 0', 'Antwort 4']) expect(text).toContain(squeeze(para(k)));
    expect(text).not.toContain('Impressum');
  });

  it('a real recipe post (trafilatura-eval) with a pasted document and a "category-no-newsletter-rss" class keeps every must-keep snippet', () => {
    const o = snippetOutcome('https://www.backenmachtgluecklich.de/rezepte/saftiger-zitronenkuchen-vom-blech.html', mainText);
    expect(o.with.length).toBeGreaterThanOrEqual(5);
    expect(o.lost).toEqual([]);
  });
});

describe('roleNames', () => {
  it("drops a WordPress post container's term classes, and only a post container's", () => {
    expect(roleNames('post-7972 post type-post category-no-newsletter-rss tag-social-media hentry')).toBe('post-7972 post type-post hentry');
    // no post-<id>: a widget named "tag-cloud" or a box named "category-newsletter" keeps its names
    expect(roleNames('widget tag-cloud')).toBe('widget tag-cloud');
    expect(roleNames('category-newsletter signup')).toBe('category-newsletter signup');
  });
});

describe('a layout named for its sidebar', () => {
  it('"has-sidebar" or "c-fixed-sidebar-layout--140--left@lg" is no sidebar; "sidebar-left" and "layout-sidebar" are', () => {
    expect(roleNames('o-row c-fixed-sidebar-layout--140--left@lg')).not.toContain('sidebar');
    expect(roleNames('site-content has-sidebar')).toBe('site-content');
    expect(roleNames('sidebar-left widget-area')).toBe('sidebar-left widget-area');
    expect(roleNames('layout-sidebar')).toBe('layout-sidebar');
  });
  it('a real story inside "c-fixed-sidebar-layout--140--left@lg" (trafilatura-eval) keeps every must-keep snippet', () => {
    expectKeepsSnippets('https://threatpost.com/android-ransomware-spreads-via-sex-simulation-game-links-on-reddit-sms/146774/', mainText);
  });
});

describe('a wrapper named for its place above the footer', () => {
  const page = (wrapper: string) => `<!doctype html><html><head><title>Zitronenkuchen</title></head><body>
      <nav><a href="/">Start</a> <a href="/rezepte">Rezepte</a></nav>
      <section class="disclosure-body">${['Hinweis', 'Provision', 'Links', 'Partner'].map((k) => `<p>${para(k)}</p>`).join('')}</section>
      <div class="${wrapper}"><article class="post"><h1>Zitronenkuchen vom Blech</h1><div class="article-body">
        ${['Einleitung', 'Zweiter', 'Dritter', 'Vierter', 'Fünfter', 'Sechster', 'Siebter', 'Vierter Absatz'].map((k) => `<p>${para(k)}</p>`).join('')}</div></article></div>
      <footer><p>Impressum und Datenschutz, alle Rechte vorbehalten, bitte nicht kopieren ohne Erlaubnis der Autorin.</p></footer>
      </body></html>`;
  it('"above-footer" or "before-footer" around the post is no footer: the post is the article; "site-footer" stays chrome', () => {
    for (const w of ['above-footer', 'before-footer']) {
      const text = mainText(page(w));
      for (const k of ['Einleitung', 'Vierter Absatz']) expect(text, w).toContain(squeeze(para(k)));
    }
    expect(mainText(page('site-footer'))).not.toContain(squeeze(para('Vierter Absatz')));
  });
  it('a real story inside "above-footer" (trafilatura-eval) keeps every must-keep snippet', () => {
    expectKeepsSnippets('https://thepointsguy.com/news/alaska-airlines-oneworld-membership-new-date/');
  });
});

describe('an article in numbered content elements', () => {
  it('sections a CMS names by number (<div id="c68514">) are one article; a box named otherwise stays out', () => {
    // each section deep in a grid of its own: no one container near the sections holds them all
    const section = (id: number, k: string) =>
      `<div class="row"><div class="col"><div class="frame"><div id="content-${id}"><div id="c${id}"><h3>${k}</h3>${['eins', 'zwei', 'drei', 'vier', 'fünf'].map((w) => `<p>${para(`${k} ${w}`)} ${para('Weiter')}</p>`).join('')}</div></div></div></div></div>`;
    const html = `<!doctype html><html><head><title>Betriebsrente</title></head><body>
      <div class="page"><h1>Betriebliche Altersvorsorge</h1>
      ${section(68514, 'Grundlagen')}
      <div class="teaser-box"><p>${para('Anzeige')}</p></div>
      ${section(68521, 'Nachteile')}
      <div class="newsletter"><p>Unser Newsletter: jede Woche die besten Spartipps, kostenlos und jederzeit kündbar, hier anmelden.</p></div>
      ${section(83009, 'Beispielrechnungen')}
      ${section(83010, 'Fazit')}
      </div></body></html>`;
    const text = mainText(html);
    for (const k of ['Grundlagen', 'Nachteile', 'Beispielrechnungen', 'Fazit']) expect(text).toContain(squeeze(para(`${k} zwei`)));
    expect(text).not.toContain('Newsletter');
  });
});
