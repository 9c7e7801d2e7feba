// Which container holds the article: chunks of one article that a CMS names with hashes or wraps in nameless divs, and
// boxes whose long text is no article (a cookie-consent box's privacy policy, a dialog, a paper's reference list).
import { describe, it, expect } from 'vitest';
import { buildPage } from '../../src/page/index.js';
import { SECTIONS_MAX_PARA_CHARS } from '../../src/page/main-content.js';
import { expectKeepsSnippets, snippetOutcome } from './data.js';

const squeeze = (s: string) => s.replace(/\s+/g, '');
const mainText = (html: string) => {
  const page = buildPage(html, {});
  return squeeze(page.mainIds.map((id) => page.blocks[id].text).join('\n'));
};
// paragraphs longer than SECTIONS_MAX_PARA_CHARS: an article's, not a landing page's blurbs
const para = (k: number) =>
  `Abschnitt ${k}: Eine Wärmepumpe im Altbau lohnt sich, wenn die Heizkörper groß genug sind, die Vorlauftemperatur niedrig bleibt und das Haus ordentlich gedämmt ist, sagen Energieberater. Wer nachrüstet, prüft zuerst die Heizlast, dann die Fläche der Heizkörper und zuletzt die Kosten.`;
const page = (body: string) => `<html><head><title>Wärmepumpe im Altbau</title></head><body><nav><a href="/">Start</a> <a href="/heizung">Heizung</a></nav>
  <main>${body}</main><footer><p>Impressum und Datenschutz, alle Rechte vorbehalten.</p></footer></body></html>`;

describe('chunks of one article', () => {
  it('sections whose names differ only by a hash a CMS gives each component are one article', () => {
    expect(para(0).length).toBeGreaterThan(SECTIONS_MAX_PARA_CHARS);
    const ids = ['3aabaf8649', '6cb7081e8d', 'e7f36e096c'];
    const html = page(
      ids.map((h, k) => `<section class="richtext"><div class="text-${h} cmp-text"><p>${para(2 * k)}</p><p>${para(2 * k + 1)}</p></div></section>
        <div class="teaser-${h} cmp-image"><img src="/${h}.jpg" alt=""></div>`).join(''),
    );
    const text = mainText(html);
    for (let k = 0; k < 6; k++) expect(text).toContain(squeeze(para(k)));
    // a word that merely looks like hex ("facade") or a short number run is no hash: names that differ by it differ
    const other = mainText(page(`<div class="text-facade1 cmp-text"><p>${para(0)}</p><p>${para(1)}</p><p>${para(2)}</p></div><div class="text-decade2 cmp-text"><p>Kurz.</p></div>`));
    expect(other).toContain(squeeze(para(0)));
  });

  it('runs of paragraphs in bare divs, each held alone by a named wrapper, are one article', () => {
    const run = (ks: number[]) =>
      `<div class="group"><div class="main-col"><div class="paragraph"><div>${ks.map((k) => `<p>${para(k)}</p>`).join('')}</div></div></div><div class="side-col"><p>Anzeige</p></div></div>`;
    const text = mainText(page(`<article><h1>Wärmepumpe im Altbau</h1>${run([0, 1, 2, 3, 4, 5])}${run([6, 7])}${run([8, 9])}</article>`));
    for (let k = 0; k < 10; k++) expect(text).toContain(squeeze(para(k)));
    expect(text).not.toContain('Impressum');
  });

  it.each([
    'https://www.nationalgeographic.co.uk/environment-and-conservation/2020/01/ravenous-wild-goats-ruled-island-over-century-now-its-being',
  ])('a real story in named wrappers of bare divs (trafilatura-eval) keeps its must-keep snippets: %s', (url) => {
    expectKeepsSnippets(url);
  });

  it("a real page of hashed AEM text components (trafilatura-eval) keeps the body's snippets", () => {
    const o = snippetOutcome('https://www.heizung.de/waermepumpe/wissen/eignet-sich-eine-waermepumpe-im-altbau.html');
    const body = o.with.filter((s) => !s.startsWith('Wärmepumpenheizungen setzen'));
    expect(body.length).toBe(2);
    for (const s of body) expect(o.lost).not.toContain(s);
  });
});

describe('boxes whose long text is no article', () => {
  const policy = Array.from({ length: 12 }, (_, k) =>
    `<p>Datenschutz ${k}: Wir verwenden Cookies, um Inhalte und Anzeigen zu personalisieren, Funktionen für soziale Medien anbieten zu können und die Zugriffe auf unsere Website zu analysieren, und geben Informationen weiter.</p>`).join('');

  it("a cookie-consent box's privacy policy, longer than the story, is not the article", () => {
    const html = page(`<article><h1>Wärmepumpe im Altbau</h1><div class="entry">${[0, 1, 2].map((k) => `<p>${para(k)}</p>`).join('')}</div></article>
      <div class="cookie-consent-wrap"><div class="tab_content">${policy}</div></div>`);
    const text = mainText(html);
    expect(text).toContain(squeeze(para(1)));
    expect(text).not.toContain('Datenschutz3');
  });

  it('a dialog (modal) holding a long disclosure is not the article', () => {
    const html = page(`<article><h1>Wärmepumpe im Altbau</h1><div class="entry">${[0, 1, 2].map((k) => `<p>${para(k)}</p>`).join('')}</div></article>
      <div class="disclosures-modal"><div class="modal__body">${policy}</div></div>`);
    const text = mainText(html);
    expect(text).toContain(squeeze(para(1)));
    expect(text).not.toContain('Datenschutz3');
  });

  it("a paper's reference list casts no vote for a container: the abstract beside it is chosen", () => {
    const refs = Array.from({ length: 40 }, (_, k) =>
      `<li><p>Author ${k} A, Second B, Third C, Fourth D, Fifth E. A study of drug reaction ${k}, its treatment and its outcome in adults, children and the elderly: a cohort. J Rheumatol. 2015;42(${k}):1-9.</p></li>`).join('');
    const abstract =
      'The purpose of the review is to summarise the various drugs used in rheumatology practice implicated in the syndrome, and their treatment. The most commonly reported drugs are allopurinol, sulfasalazine and minocycline, which pose a very high risk.';
    expect(abstract.length).toBeGreaterThan(SECTIONS_MAX_PARA_CHARS);
    const paras = ['summarise', 'list', 'count'].map((w) => abstract.replace('summarise', w));
    const html = page(`<article><h1>DRESS syndrome</h1><div class="article-body">
      <section><div class="abs-section"><div class="abs-content">${paras.map((x) => `<p>${x}</p>`).join('')}</div></div></section>
      <section><div class="bib-section"><div class="bib-content"><div><ol class="c-article-references">${refs}</ol></div></div></div></section></div></article>`);
    const text = mainText(html);
    for (const x of paras) expect(text).toContain(squeeze(x));
  });

  it.each([
    'https://battery-news.de/index.php/2022/12/06/ultium-cells-erhoeht-gigafactory-kapazitaet-in-tennessee/',
    'https://www.acpjournals.org/doi/10.7326/M19-3075',
  ])('a real page whose consent box, dialog or reference list had outscored its article (trafilatura-eval) keeps its snippets: %s', (url) => {
    expectKeepsSnippets(url);
  });

  it("a real paper whose reference list had been chosen over its abstract (trafilatura-eval) keeps the abstract's snippets", () => {
    const o = snippetOutcome('https://link.springer.com/article/10.1007/s11926-017-0626-z');
    const abstract = o.with.filter((s) => s.startsWith('The purpose') || s.startsWith('The most commonly'));
    expect(abstract.length).toBe(2);
    for (const s of abstract) expect(o.lost).not.toContain(s);
  });
});
