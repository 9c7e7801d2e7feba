// Article furniture (a caption, a gallery, a share bar) is dropped from the article by its name, but an element named
// like furniture that holds most of the article's text is the article under an unlucky name ("content carousel").
import { describe, it, expect } from 'vitest';
import { buildPage } from '../../src/page/index.js';
import { expectKeepsSnippets } from './data.js';

const squeeze = (s: string) => s.replace(/\s+/g, '');
const para = (k: number) =>
  `Frage ${k}: Wo und wie erleben Sie in der Kirche, dass Menschen wegen ihrer Lebensform ausgegrenzt werden, und was müsste sich in den Bistümern sofort ändern, damit niemand mehr um seine Stelle fürchten muss?`;
const mainText = (html: string) => {
  const page = buildPage(html, {});
  return squeeze(page.mainIds.map((id) => page.blocks[id].text).join('\n'));
};

describe('furniture by name', () => {
  it('the article inside an element named like a carousel is kept', () => {
    const html = `<html><head><title>Interview</title></head><body><main><article id="main"><h1>Interview mit Rainer Teuber</h1>
      <div id="content" class="carousel content no_js"><div>${[1, 2, 3, 4, 5].map((k) => `<p>${para(k)}</p>`).join('')}</div></div>
      </article></main><footer><p>Impressum, Datenschutz und alle Rechte vorbehalten, bitte nicht ohne Erlaubnis kopieren.</p></footer></body></html>`;
    const text = mainText(html);
    for (const k of [1, 3, 5]) expect(text).toContain(squeeze(para(k)));
    expect(text).not.toContain('Impressum');
  });

  it('an article whose every section carries a furniture name ("testreport__section--ads") is kept', () => {
    const sections = [1, 2, 3, 4].map((k) => `<section class="testreport__section testreport__section--ads"><h2>Teil ${k}</h2><div><p>${para(k)}</p></div></section>`).join('');
    const html = `<html><head><title>Test</title></head><body><main><article class="testreport"><header><h1>Der Grill im Test</h1><h2>Das perfekte Steak aus dem Discounter-Grill</h2><p>19.03.2019 11:45 | von Inga Buller</p></header>${sections}</article></main>
      <footer><p>Impressum, Datenschutz und alle Rechte vorbehalten, bitte nicht ohne Erlaubnis kopieren.</p></footer></body></html>`;
    const text = mainText(html);
    for (const k of [1, 2, 3, 4]) expect(text).toContain(squeeze(para(k)));
    expect(text).not.toContain('Impressum');
  });

  it('a post in a wrapper named for its social icons keeps its paragraphs; the comment thread beside it stays out', () => {
    const html = `<html><head><title>Post</title></head><body><main><article class="post-1503 post hentry"><h1>Wir unterstützen Fridays for Future</h1>
      <div class="contentwrap"><div class="socialicons-sticky"><div class="entry-content">${[1, 2, 3, 4, 5, 6].map((k) => `<p>${para(k)}</p>`).join('')}</div></div>
      <div class="comments-area"><p>Kommentar: ${para(9)}</p><p>Kommentar: ${para(10)}</p></div>
      </div></article></main><footer><p>Copyright © 2020 Piratenpartei, alle Rechte vorbehalten.</p></footer></body></html>`;
    const text = mainText(html);
    for (const k of [1, 4]) expect(text).toContain(squeeze(para(k)));
    expect(text).not.toContain('Kommentar');
    expect(text).not.toContain('Copyright');
  });

  it('a real post inside "socialicons-sticky" (trafilatura-eval) keeps its must-keep snippets and leaves out its must-drop ones', () => {
    const o = expectKeepsSnippets('https://www.piratenpartei-marburg.de/2019/09/21/wir-unterstuetzen-fridays-for-future/');
    expect(o.keptDrop).toEqual([]);
  });

  it('a gallery and a caption beside the article stay out of it', () => {
    const html = `<html><head><title>Interview</title></head><body><article><h1>Interview mit Rainer Teuber</h1>
      ${[1, 2, 3, 4, 5].map((k) => `<p>${para(k)}</p>`).join('')}
      <div class="gallery"><p>Bildergalerie: zwölf Fotos vom Gottesdienst in der Kirche am Sonntag, aufgenommen von unserem Fotografen.</p></div>
      <div class="image-caption"><p>Rainer Teuber vor dem Dom, fotografiert am Montag für dieses Interview mit unserer Redaktion.</p></div>
      </article></body></html>`;
    const text = mainText(html);
    expect(text).toContain(squeeze(para(2)));
    expect(text).not.toContain('Bildergalerie');
    expect(text).not.toContain(squeeze('Rainer Teuber vor dem Dom'));
  });

  it('a real interview whose text sits in "content carousel content no_js" (trafilatura-eval) keeps its must-keep snippets', () => {
    expectKeepsSnippets('https://www.maenner.media/gesellschaft/community/interview-mit-rainer-teuber-outinchurch/');
  });

  it('a tweet the story embeds (blockquote.twitter-tweet) is quoted in it and stays; an Instagram embed stays out', () => {
    const tweet = 'Heute beginnt die Synode in Frankfurt, und wir sind mit zwölf Delegierten aus unserem Bistum dabei. Wir berichten live.';
    const insta = 'Ein Foto auf Instagram: der Dom im Abendlicht, aufgenommen von einer Besucherin während der Synode am Samstag.';
    const html = `<html><head><title>Interview</title></head><body><article><h1>Interview mit Rainer Teuber</h1>
      ${[1, 2, 3].map((k) => `<p>${para(k)}</p>`).join('')}
      <blockquote class="twitter-tweet"><p lang="de" dir="ltr">${tweet}</p>— Bistum (@bistum) <a href="https://twitter.com/bistum/status/1">March 3, 2022</a></blockquote>
      <blockquote class="instagram-media"><p>${insta}</p></blockquote>
      ${[4, 5].map((k) => `<p>${para(k)}</p>`).join('')}</article></body></html>`;
    const text = mainText(html);
    expect(text).toContain(squeeze(tweet));
    expect(text).toContain(squeeze(para(5)));
    expect(text).not.toContain(squeeze(insta));
  });

  it('a real post built around embedded tweets (trafilatura-eval) keeps the tweets it quotes', () => {
    expectKeepsSnippets('https://www.basicthinking.de/blog/2018/12/05/erfolgreiche-tweets-zutaten/');
  });
});

describe('furniture by text: pointers to other stories', () => {
  const story = (inside: string) => `<html><head><title>Interview</title></head><body><main><article><h1>Interview mit Rainer Teuber</h1>
    <div class="entry">${[1, 2].map((k) => `<p>${para(k)}</p>`).join('')}${inside}${[3, 4].map((k) => `<p>${para(k)}</p>`).join('')}</div>
    </article></main><footer><p>Impressum, Datenschutz und alle Rechte vorbehalten, bitte nicht ohne Erlaubnis kopieren.</p></footer></body></html>`;

  it.each([
    '<p>Lea también: <a href="/x">Impiden ingreso a Nicaragua a reportero y camarógrafo</a></p>',
    '<p><strong>MIRA:</strong> <a href="/y">Madre se acerca a conocer los motivos de captura de su hijo</a></p>',
    '<p>Czytaj też: <a href="/z">Wyścig zbrojeń ruszył z kopyta</a></p>',
    '<p>A lire aussi :</p>',
    '<h3>Auch interessant</h3>',
    '<p>Das könnte Sie auch interessieren!</p>',
  ])('a "read also" line inside the article is dropped, the paragraphs around it stay: %s', (line) => {
    const text = mainText(story(line));
    for (const k of [1, 2, 3, 4]) expect(text).toContain(squeeze(para(k)));
    const words = line.replace(/<[^>]+>/g, '');
    expect(text).not.toContain(squeeze(words));
  });

  it('a name or a sentence that starts like one stays ("Mira Sorvino …", "Lesen Sie auch den Bericht …")', () => {
    const lines = ['Mira Sorvino sprach am Abend über den Film, der im Herbst in die Kinos kommt.', 'Lesen Sie auch den Bericht der Kommission, sagte Teuber, dort steht alles Wichtige.'];
    const text = mainText(story(lines.map((l) => `<p>${l}</p>`).join('')));
    for (const l of lines) expect(text).toContain(squeeze(l));
  });
});

describe("furniture by text: a post's filing and provenance labels", () => {
  const story = (inside: string) => `<html><head><title>Interview</title></head><body><main><article><h1>Interview mit Rainer Teuber</h1>
    <div class="entry">${[1, 2].map((k) => `<p>${para(k)}</p>`).join('')}${inside}${[3, 4].map((k) => `<p>${para(k)}</p>`).join('')}</div>
    </article></main><footer><p>Impressum, Datenschutz und alle Rechte vorbehalten, bitte nicht ohne Erlaubnis kopieren.</p></footer></body></html>`;

  it.each(['Category : Press Releases', 'Kategorie: News', 'Tags:', 'Last Modified:', 'Quelle: Landesregierung Hessen', 'Źródło: Statista.com', 'Updated:'])(
    'a label line inside the article is dropped, the paragraphs around it stay: %s',
    (line) => {
      const text = mainText(story(`<p>${line}</p>`));
      for (const k of [1, 2, 3, 4]) expect(text).toContain(squeeze(para(k)));
      expect(text).not.toContain(squeeze(line));
    },
  );

  it('a heading or sentence that starts with a label word and no colon stays ("Tag der Abstimmung", "Source code …")', () => {
    const lines = ['Tag der Abstimmung im Unterhaus', 'Quellen zufolge will die Regierung das Gesetz noch vor dem Sommer durch den Bundestag bringen.'];
    const text = mainText(story(lines.map((l) => `<p>${l}</p>`).join('')));
    for (const l of lines) expect(text).toContain(squeeze(l));
  });
});

describe('a slideshow story told in its captions', () => {
  const caption = (k: number) =>
    `Idee ${k}: Mit einem Hut, falschen Wimpern und einem alten Hemd aus dem Schrank wird aus jedem Gast in wenigen Minuten eine Figur, die jeder auf der Party sofort erkennt, ganz ohne teures Kostüm.`;
  const page = (intro: string, n: number) => `<html><head><title>Kostüme</title></head><body><main><article class="post-page gallery"><h1>Günstige Kostüme</h1>
    <div class="post-content"><p>${intro}</p></div><div class="slides">${Array.from({ length: n }, (_, k) => `<figure class="slide"><img src="/${k}.jpg"><figcaption><p>${caption(k)}</p></figcaption></figure>`).join('')}</div>
    </article></main><footer><p>Impressum, Datenschutz und alle Rechte vorbehalten.</p></footer></body></html>`;

  it('captions that are most of the container are its article; a caption beside a long story stays out', () => {
    const gallery = mainText(page('Halloween steht vor der Tür, und diese Ideen kosten fast nichts.', 6));
    for (let k = 0; k < 6; k++) expect(gallery).toContain(squeeze(caption(k)));
    const story = mainText(page([1, 2, 3, 4, 5, 6].map((k) => para(k)).join(' '), 1));
    expect(story).toContain(squeeze(para(3)));
    expect(story).not.toContain(squeeze(caption(0)));
  });

  it('a real slideshow story (trafilatura-eval) keeps the captions that tell it', () => {
    expectKeepsSnippets('https://www.popsugar.co.uk/smart-living/Cheap-Homemade-Halloween-Costumes-42432483/amp');
  });
});
