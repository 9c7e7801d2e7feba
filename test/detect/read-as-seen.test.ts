// The edges of a spliced plug as a reader sees them: a shop name signed onto a keyword goes with the keyword, and a
// notice's © is no disguise to read through.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { withBrandEdges } from '../../src/detect/edges.js';
import { undisguised } from '../../src/text/index.js';

describe('a notice sign is no disguise', () => {
  it('a copyright sign glued to a name stays: only pictographs between letters are the emoji disguise', () => {
    expect(undisguised('Copyright©和讯网 版权所有')).toBe('Copyright©和讯网 版权所有');
    expect(undisguised('Marke®公司 Marke™公司')).toBe('Marke®公司 Marke™公司');
    expect(undisguised('股票💰配资')).toBe('股票配资');
  });
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
