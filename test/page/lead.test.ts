// A story's lead paragraph (intro, chapo, standfirst, excerpt) often sits in its own element above the container of
// its body paragraphs: it is the story's text too and joins the article; captions, sidebars, link teasers and short
// kickers near it stay out.
import { describe, it, expect } from 'vitest';
import { buildPage } from '../../src/page/index.js';
import { LEAD_MIN_CHARS } from '../../src/page/main-content.js';
import { expectKeepsSnippets } from './data.js';

const squeeze = (s: string) => s.replace(/\s+/g, '');
const para = (k: number) =>
  `Absatz ${k}: Die Lufthansa Aviation Training hat über Jahrzehnte in Bremen Piloten ausgebildet, und nun übernimmt ein kanadischer Anbieter die Schulung der künftigen Piloten der Luftwaffe am Standort.`;
const LEAD = 'Der Simulatorhersteller CAE bildet künftig die Piloten der Luftwaffe in Bremen aus, wie das Verteidigungsministerium am Dienstag mitteilte.';
const mainText = (html: string) => {
  const page = buildPage(html, {});
  return squeeze(page.mainIds.map((id) => page.blocks[id].text).join('\n'));
};
const story = (intro: string) => `<html><head><title>CAE bildet Piloten aus</title></head><body><nav><a href="/">Start</a> <a href="/militar">Militär</a></nav>
  <main><article><header><h1>CAE bildet künftig Luftwaffen-Piloten in Bremen aus</h1><p>23.06.2016 um 16:14 Uhr</p>${intro}</header>
  <div class="entry-content">${[1, 2, 3, 4, 5].map((k) => `<p>${para(k)}</p>`).join('')}</div></article></main>
  <footer><p>Impressum und Datenschutz, alle Rechte vorbehalten, bitte nicht ohne Erlaubnis kopieren.</p></footer></body></html>`;

describe('the lead paragraph above the story body', () => {
  it('a lead in its own element ("intro" > "chapo") above the body container is kept, before the body', () => {
    const text = mainText(story(`<div class="intro"><div class="chapo widthfix"><div><p>${LEAD}</p></div></div></div>`));
    expect(text).toContain(squeeze(LEAD));
    expect(text.indexOf(squeeze(LEAD))).toBeLessThan(text.indexOf(squeeze(para(1))));
    expect(text).not.toContain('Impressum');
  });

  it("an excerpt in the story's header is kept; the same paragraph under a name that is no lead is not", () => {
    expect(mainText(story(`<div class="entry-excerpt"><p>${LEAD}</p></div>`))).toContain(squeeze(LEAD));
    expect(mainText(story(`<div class="entry-meta"><p>${LEAD}</p></div>`))).not.toContain(squeeze(LEAD));
  });

  it('a caption in the intro box, a lead in a sidebar, a teaser of links and a short kicker stay out', () => {
    const caption = 'Piloten vor einem Simulator in Bremen, aufgenommen bei der Vorstellung des neuen Ausbildungszentrums im Sommer.';
    const side = 'Mehr aus der Rubrik Militär: neue Tankflugzeuge, Eurofighter-Nachfolger und die Zukunft der Luftwaffe im Überblick.';
    const links = 'Lesen Sie auch: Eurofighter-Nachfolger, Tankflugzeuge für die Luftwaffe und die Zukunft der Bundeswehr.';
    const kicker = 'Ausbildung: Neuer Anbieter.';
    expect(kicker.length).toBeLessThan(LEAD_MIN_CHARS);
    const text = mainText(
      story(`<div class="c-intro"><figure><figcaption>${caption}</figcaption></figure><div class="sidebar"><p class="teaser">${side}</p></div>
        <div class="teaser"><p><a href="/a">${links}</a></p></div><div class="lead"><p>${kicker}</p></div></div>`),
    );
    expect(text).toContain(squeeze(para(3)));
    for (const t of [caption, side, links, kicker]) expect(text).not.toContain(squeeze(t));
  });

  it.each(['field-perex', 'article-subtitle', 'text-einleitung', 'story-deck'])('a lead named %s (the words other languages and CMSs use) is kept', (name) => {
    expect(mainText(story(`<div class="${name}"><p>${LEAD}</p></div>`))).toContain(squeeze(LEAD));
  });

  it('a lead a dozen blocks above the body (a header of short lines between) is kept', () => {
    const lines = Array.from({ length: 9 }, (_, k) => `<p class="meta-line">Zeile ${k}</p>`).join('');
    const text = mainText(story(`<div class="intro"><p>${LEAD}</p></div>${lines}`));
    expect(text).toContain(squeeze(LEAD));
  });

  it.each([
    'https://francais.radio.cz/le-ministre-de-la-sante-surpris-sans-masque-au-restaurant-8698000',
    'https://www.spiegel.de/spiegel/print/d-161500790.html',
    'https://www.waldwissen.net/de/lernen-und-vermitteln/der-hollaenderholzhandel',
    'https://netzpolitik.org/2016/die-cider-connection-abmahnungen-gegen-nutzer-von-creative-commons-bildern/',
    'https://wien.orf.at/stories/3017954/',
    'https://aerobuzz.de/militar/cae-bildet-kuenftig-luftwaffen-piloten-in-bremen-aus/',
  ])('a real story with its lead above the body (trafilatura-eval) keeps its must-keep snippets: %s', (url) => {
    expectKeepsSnippets(url);
  });
});

describe('a teaser box is a preview of another story, not the story', () => {
  it.each([
    'https://www1.wdr.de/nachrichten/correctiv-recherche-deutsche-waffen-fuer-russland-100.html',
    'https://www.iass-potsdam.de/de/forschungsbereich/energiewende-und-gesellschaftlicher-wandel ',
  ])('a real page whose teaser box outscored its article modules (trafilatura-eval) keeps its article: %s', (url) => {
    expectKeepsSnippets(url);
  });

  it("a story's own lead named as its teaser (mobilsicher's mosi-artikel-teaser) is still its lead", () => {
    const o = expectKeepsSnippets('https://mobilsicher.de/aktuelles/apple-kippt-verschluesselungsplaene-fuer-icloud');
    expect(o.with.some((s) => s.startsWith('Medienberichten zufolge'))).toBe(true);
  });
});
