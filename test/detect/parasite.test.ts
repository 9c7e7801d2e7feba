// Parasite pages: a page that is itself spam (a casino blog planted on a foreign company's domain, an online-casino
// explainer, a keyword tag page) is flagged as a whole; a story about the same topic (a crackdown, a law, a casino
// fee dispute) is not, however often it names the topic. Real pages of the spam-pages dev split, and small pages.
import { describe, it, expect } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildPage } from '../../src/page/index.js';
import { buildContext } from '../../src/detect/context.js';
import { loadRules } from '../../src/detect/rules/index.js';
import { parasitePage, PARASITE_POINTS } from '../../src/detect/parasite.js';
import { spamPages } from '../../dev/eval/real-pages.js';

const dev = new Map(spamPages('dev').map((p) => [p.label.id, p]));
const page = (id: string) => {
  const p = dev.get(id);
  if (!p) throw new Error(`${id} is not in the dev split`);
  return p;
};
const urlOf = (source: string) => (/^https?:\/\//.test(source) ? source : undefined);

describe('parasite pages (spam-pages dev split)', () => {
  // id-khunthaitea-indoraja-parasite is a story told to sell: 3 of its 15 sentences name the game, the classifier reads
  // the prose as spam at a mean p of 0.50 (PARASITE_STORY_MEAN_P)
  for (const id of ['ja-alsa-aluminyum-casino-blog', 'ja-bluecrosspune-casino-parasite', 'ja-cheapnfljerseys-casino-tag-parasite', 'id-climatetrade-wpcache-parasite', 'id-khunthaitea-indoraja-parasite']) {
    it(`${id}: the headline and every article block are one parasite-page finding each`, () => {
      const { label, html } = page(id);
      const r = analyze(html, { url: urlOf(label.source) });
      expect(r.verdict).toBe('contaminated');
      const parasite = r.findings.filter((f) => f.kind === 'parasite-page');
      expect(parasite.length).toBeGreaterThan(0);
      expect(parasite.every((f) => f.category === 'gambling' || f.category === 'seo-keywords')).toBe(true);
      expect(parasite[0].rules.map((h) => h.rule)).toContain('PARASITE_PAGE');
      // nothing of the page is left to keep
      expect(r.cleanText.replace(/\s+/g, '')).toBe('');
    });
  }

  for (const id of [
    'ja-neg-gambarulife-crackdown',
    'ja-neg-livedoor-online-casino-law',
    'ja-neg-datazoo-casino-dayservice',
    'en-neg-vernonblog-casino-fee',
    'zh-neg-wenweipo-macau-casinos-reopen',
    'id-neg-narasisumut-togel-macau',
    'id-neg-sumeks-judi-slot-desa',
  ]) {
    it(`${id}: a clean page about the topic is no parasite page`, () => {
      const { label, html } = page(id);
      const r = analyze(html, { url: urlOf(label.source) });
      expect(r.findings.filter((f) => f.kind === 'parasite-page')).toEqual([]);
    });
  }
});

describe('parasitePage on small pages', () => {
  const rules = loadRules();
  const blog = [
    'オンラインカジノの始め方をわかりやすく解説していきたいと思います。',
    'オンラインカジノは自宅からスマホで遊べるので、初心者にもおすすめですよね。',
    '今回は人気のオンラインカジノで使えるボーナスの選び方も紹介します。',
    'まずはカジノのゲームの種類を知っておくと、楽しみ方が広がると思います。',
    '私も最初はよくわからなかったのですが、今では毎週カジノを楽しんでいます。',
  ];
  const html = (paras: string[]) =>
    `<html><head><title>初心者のためのオンラインカジノ入門</title></head><body><h1>初心者のためのオンラインカジノ入門</h1>${paras.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
  const verdict = (h: string) => parasitePage(buildContext(buildPage(h, {}), rules), () => 0.6);

  it('a casino explainer whose headline and prose are about the casino, with no reporting sentence, is one', () => {
    const v = verdict(html(blog));
    expect(v?.category).toBe('gambling');
    expect(v?.hit.points).toBe(PARASITE_POINTS);
  });
  it('one sentence that reports (police, an arrest) makes it a story about the topic', () => {
    expect(verdict(html([...blog, '警察は違法なオンラインカジノを運営していた疑いで男を逮捕したと発表しました。']))).toBeNull();
  });
  it('prose the classifier does not find spam-like on average is no parasite page', () => {
    expect(parasitePage(buildContext(buildPage(html(blog), {}), rules), () => 0.1)).toBeNull();
  });
  it('a headline that names no spam topic, or too few sentences, is no parasite page', () => {
    expect(verdict(html(blog).replace(/初心者のためのオンラインカジノ入門/g, '週末の過ごし方'))).toBeNull();
    expect(verdict(html(blog.slice(0, 3)))).toBeNull();
  });
});
