// A page whose other units are findings carries spam: units that lack spam evidence of their own are asked again
// with that finding as their evidence (SPAM_ELSEWHERE). Without the finding elsewhere the same units stay.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { countWord, WordStarts, MIN_PREFIX_CHARS } from '../../src/detect/words.js';

const cut = (html: string) => analyze(html).findings.map((f) => f.text);
/** The finding elsewhere on the page: a casino promo paragraph. */
const spam = '<p>Win big at LuckyStar casino: claim 200 free spins and a no deposit bonus today, instant withdrawals!</p>';
/** The bus-lane story with `inSentence` spliced after "cut journey times" and `extra` before its last paragraph. */
const splicedStory = (inSentence: string, extra: string) => `<html><head><title>Council approves new bus lanes on High Street</title></head><body>
<h1>Council approves new bus lanes on High Street</h1>
<p>The city council voted on Tuesday to add dedicated bus lanes along the length of High Street. Transport officials expect the lanes to cut journey times${inSentence} on the busiest routes by several minutes at peak hours.</p>
<p>Construction is due to start in the spring and should take about eight months, the transport department said. Residents will be consulted at a public meeting before work begins.</p>
${extra}
<p>Shop owners on the street said they welcomed the plan but worried about deliveries during the works, which the council promised to keep open.</p>
</body></html>`;

describe('a line shaped as a promo line, on a page with spam elsewhere', () => {
  const page = (line: string, extra: string) => `<html><head><title>Council approves new bus lanes on High Street</title></head><body>
<h1>Council approves new bus lanes on High Street</h1>
<p>The city council voted on Tuesday to add dedicated bus lanes along the length of High Street. Transport officials expect the lanes to cut journey times on the busiest routes by several minutes at peak hours.</p>
${line}
<p>Construction is due to start in the spring and should take about eight months, the transport department said. Residents will be consulted at a public meeting before work begins.</p>
${extra}
<p>Shop owners on the street said they welcomed the plan but worried about deliveries during the works, which the council promised to keep open.</p>
</body></html>`;
  const line = '<p>4) Try the new slots at GoldenReel</p>';

  it('a numbered line off the article\'s words, which the classifier leans to call spam, is cut', () => {
    const r = analyze(page(line, spam));
    const f = r.findings.find((x) => x.text === '4) Try the new slots at GoldenReel');
    expect(f?.kind).toBe('promo-line');
    expect(f?.rules.map((h) => h.rule)).toEqual(expect.arrayContaining(['STRUCT_NUMBERED_PROMO_LINE', 'SPAM_ELSEWHERE', 'OFF_TOPIC']));
    expect(r.cleanText).not.toContain('GoldenReel');
  });

  it('the same line stays on a page with no other finding; a numbered line the classifier reads as news stays', () => {
    expect(cut(page(line, ''))).toEqual([]);
    expect(cut(page('<p>2) Meet the people behind Harbour Books</p>', spam))).not.toContain('2) Meet the people behind Harbour Books');
  });
});

describe('a run of another script spliced into a sentence, on a page with spam elsewhere', () => {
  const page = (extra: string) => splicedStory(' 网贷哪家好', extra);

  it('is cut with a weak rule match and a weak vote; without the finding elsewhere it stays', () => {
    const r = analyze(page(spam));
    const f = r.findings.find((x) => x.text === '网贷哪家好');
    expect(f?.kind).toBe('spliced-phrase');
    expect(f?.rules.map((h) => h.rule)).toEqual(expect.arrayContaining(['STRUCT_SCRIPT_SPLICE', 'SPAM_ELSEWHERE']));
    expect(r.cleanText).toContain('cut journey times on the busiest routes');
    expect(cut(page(''))).toEqual([]);
  });
});

describe('a business\'s own pitch spliced into a sentence, on a page with spam elsewhere', () => {
  const page = (extra: string) => splicedStory(', licensed and insured,', extra);

  it('commercial wording short of a finding on its own is cut with the finding elsewhere; without it the sentence stays whole', () => {
    const r = analyze(page(spam));
    const f = r.findings.find((x) => x.text === 'licensed and insured');
    expect(f?.rules.map((h) => h.rule)).toEqual(expect.arrayContaining(['EN_BUSINESS_PITCH', 'SPAM_ELSEWHERE']));
    expect(r.cleanText).toContain('The city council voted on Tuesday');
    expect(cut(page(''))).toEqual([]);
  });
});

describe('a keyword in place of the headline, on a page with spam elsewhere', () => {
  // the article's words hold the keyword's as parts of other words (Themas, Harington, Termini), which are no use
  const page = (title: string, extra: string) => `<html><head><title>${title}</title></head><body>
<h1>Harington-Quartett eröffnet die Saison in Kairo</h1>
<p>Das Harington-Quartett hat am Wochenende die neue Konzertsaison eröffnet. Im Mittelpunkt des Themas standen Werke der Wiener Klassik: die vier Musiker spielten vor ausverkauftem Haus Werke von Haydn und Schubert, die Termini der Tournee stehen inzwischen fest.</p>
<p>Im Frühjahr reist das Ensemble nach Kairo, wo es an der Oper drei Abende gestaltet. Die Karten für alle Termine sind ab Montag im Vorverkauf erhältlich, teilte der Veranstalter mit.</p>
<p>Der Cellist des Quartetts sagte, die Gruppe freue sich besonders auf das Publikum in Kairo und auf die Begegnung mit jungen Musikern der dortigen Hochschule.</p>
${extra}
</body></html>`;
  const links =
    '<div class="footer"><p>Situs rekomendasi: <a href="http://pinjol-cepat.xyz/">pinjol tanpa bi checking</a> <a href="http://kilat-dana.xyz/">pinjaman kilat</a> <a href="http://tunai88.xyz/">kredit tanpa agunan</a></p></div>';

  it('is cut, the link list being the page\'s spam; without the list it stays', () => {
    const r = analyze(page('harga emas hari ini - Saison', links));
    const f = r.findings.find((x) => x.text === 'harga emas hari ini');
    expect(f?.kind).toBe('title-affix');
    expect(f?.rules.map((h) => h.rule)).toContain('SPAM_ELSEWHERE');
    expect(cut(page('harga emas hari ini - Saison', ''))).toEqual([]);
  });

  it('the real headline stays beside the same link list', () => {
    expect(cut(page('Harington-Quartett eröffnet die Saison in Kairo - Kulturmagazin', links)).some((t) => t.includes('Harington'))).toBe(false);
  });
});

describe('what counts as the article using a word', () => {
  it('a word of a spaced script at a word\'s start, a short one whole; a word with CJK in it anywhere', () => {
    expect(countWord('die termini der tournee', 'ini')).toBe(0);
    expect(countWord('in der krisen zeit', 'krise')).toBe(1);
    expect(countWord('achtsamkeit hilft', 'achtsam')).toBe(1);
    expect('app'.length).toBeLessThan(MIN_PREFIX_CHARS);
    expect(countWord('an appeal, the app', 'app')).toBe(1);
    expect(countWord('股票配资平台', '配资')).toBe(1);
    const words = new WordStarts('des themas harington termini krisen krise app appeal');
    expect(words.count('emas')).toBe(0);
    expect(words.count('ini')).toBe(0);
    expect(words.count('krise')).toBe(2);
    expect(words.count('app')).toBe(1);
  });
});
