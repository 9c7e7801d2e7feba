// A spliced plug as a reader sees it: the classifier and the token head read a spaced-out, glossed or emoji-sprayed run
// as the words it spells, a shop name signed onto a keyword goes with the keyword, and a notice's © is no disguise.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { withBrandEdges } from '../../src/detect/edges.js';
import { undisguised } from '../../src/text/index.js';
import { DISGUISE_INSIDE, normScore, spamPages, spamPagesDisguised } from '../../dev/eval/real-pages.js';

const DISGUISES = Object.keys(DISGUISE_INSIDE) as (keyof typeof DISGUISE_INSIDE)[];

describe('a notice sign is no disguise', () => {
  it('a copyright sign glued to a name stays: only pictographs between letters are the emoji disguise', () => {
    expect(undisguised('Copyright©和讯网 版权所有')).toBe('Copyright©和讯网 版权所有');
    expect(undisguised('Marke®公司 Marke™公司')).toBe('Marke®公司 Marke™公司');
    expect(undisguised('股票💰配资')).toBe('股票配资');
  });
});

describe('disguised real pages lose what the plain page loses', () => {
  // a site's breadcrumb line under its logo (真人棋牌游戏 你的位置:真人棋牌游戏 > 南京麻将游戏 >): cut on the plain
  // page, and left on the disguised one while the classifier read the disguise as characters cut apart
  const id = 'zh-qpyouxi-qipai-title-affix';
  const page = spamPages('dev').find((p) => p.label.id === id)!;
  const spam = '真人棋牌游戏';
  it(`${id}: the plain page loses "${spam}"`, () => {
    const r = analyze(page.html, { input: id, url: page.label.source });
    expect(normScore(`${r.cleanTitle}\n${r.cleanText}`)).not.toContain(normScore(spam));
  });
  for (const d of DISGUISES) {
    it(`${id}, spam ${d}: the disguised page loses it too`, () => {
      const { label, html } = spamPagesDisguised('dev', d).find((p) => p.label.id === id)!;
      // the disguised labels are the plain ones, disguised, in the same order
      const s = label.spam[page.label.spam.indexOf(spam)];
      expect(s).toBe(DISGUISE_INSIDE[d](spam));
      const r = analyze(html, { input: id, url: label.source });
      expect(normScore(`${r.cleanTitle}\n${r.cleanText}`)).not.toContain(normScore(s));
    });
  }
});

describe('a disguised brand is as much of its sentence as the plain brand', () => {
  // a brand substituted for a school's name all through the page: cut where it stands, the sentences around it kept; a
  // glossed brand measured by its raw characters (four per character) took whole sentences as promo lines
  for (const d of DISGUISES) {
    it(`zh-bjxpyban-jinsha-substitution, spam ${d}: the article sentences stay`, () => {
      const { label, html } = spamPagesDisguised('dev', d).find((p) => p.label.id === 'zh-bjxpyban-jinsha-substitution')!;
      const r = analyze(html, { input: label.id, url: label.source });
      const clean = normScore(`${r.cleanTitle}\n${r.cleanText}`);
      expect(r.verdict).toBe('contaminated');
      for (const k of label.keep) expect(clean, k).toContain(normScore(k));
    });
  }
});

describe('a shop name signed onto a spliced keyword goes with it', () => {
  it('widens a span over a brand-shaped name behind a dash, a bar or a space', () => {
    const t = 'wenn er die Swiss Replica Watches - TitanOutlet ganze Nacht';
    const at = t.indexOf('Swiss');
    const span = { start: at, end: at + 'Swiss Replica Watches'.length };
    const [w] = withBrandEdges(t, [span]);
    expect(t.slice(w.start, w.end)).toBe('Swiss Replica Watches - TitanOutlet');
    const u = 'lasse pinjol tanpa bi checking | OlympusTunai29 sich nicht sagen';
    const [v] = withBrandEdges(u, [{ start: u.indexOf('pinjol'), end: u.indexOf(' |') }]);
    expect(u.slice(v.start, v.end)).toBe('pinjol tanpa bi checking | OlympusTunai29');
    const x = 'featuring a MahjongFarma: cialis asli glass face';
    const [y] = withBrandEdges(x, [{ start: x.indexOf('cialis'), end: x.indexOf(' glass') }]);
    expect(x.slice(y.start, y.end)).toBe('MahjongFarma: cialis asli');
  });
  it('leaves plain words, capitalised nouns and part of a word alone', () => {
    for (const t of ['die Swiss Replica Watches - Ganze Nacht', 'die Swiss Replica Watches sind', 'die Swiss Replica Watches - TitanOutletähnlich']) {
      const at = t.indexOf('Swiss');
      const span = { start: at, end: at + 'Swiss Replica Watches'.length };
      const [w] = withBrandEdges(t, [span]);
      expect(t.slice(w.start, w.end), t).toBe('Swiss Replica Watches');
    }
    const t = 'xTitanOutlet - Swiss Replica Watches';
    const [w] = withBrandEdges(t, [{ start: t.indexOf('Swiss'), end: t.length }]);
    expect(t.slice(w.start, w.end)).toBe('Swiss Replica Watches');
  });
  it('a German article: the plug is cut with its shop name, the sentence keeps its own words', () => {
    const p = (s: string) => `<p>${s}</p>`;
    const html = `<html><head><title>Nachtleben in Berlin: Wie Clubs die Pandemie überstanden</title></head><body><article>
<h1>Nachtleben in Berlin: Wie Clubs die Pandemie überstanden</h1>
${p('Die Berliner Clubszene hat in den vergangenen zwei Jahren schwere Zeiten erlebt. Viele Betreiber mussten Kredite aufnehmen, um ihre Mitarbeiter weiter bezahlen zu können.')}
${p('Der Betreiber eines bekannten Clubs in Friedrichshain sagt, dass die Gäste nun zurückkehren. Auch wenn er sich wünscht, die Swiss Replica Watches - TitanOutlet ganze Nacht durchzumachen, sei die Lage noch angespannt.')}
${p('Die Stadt hat einen Hilfsfonds eingerichtet, aus dem die Clubs Zuschüsse für Lüftungsanlagen beantragen können. Bis Ende des Jahres sollen weitere Mittel fließen.')}
${p('Die Gewerkschaft fordert zudem bessere Arbeitsbedingungen für das Personal an der Tür und hinter der Bar, das in der Krise oft als erstes entlassen wurde.')}
</article></body></html>`;
    const r = analyze(html);
    expect(r.findings.map((f) => f.text)).toEqual(['Swiss Replica Watches - TitanOutlet']);
    expect(r.cleanText).toContain('wünscht, die ganze Nacht durchzumachen');
  });
});
