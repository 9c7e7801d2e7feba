// Spliced anchors: a spam link dropped into an article sentence is cut as exactly its <a> element, neither a word
// glued to it nor a word of it left behind; a number and its unit next to it stay whole.
import { describe, it, expect } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { snapToLinks } from '../../src/detect/anchors.js';

const page = (title: string, p1: string, p2: string) =>
  `<html><head><title>${title}</title></head><body><h1>${title}</h1><p>${p1}</p><p>${p2}</p></body></html>`;

describe('spliced anchors cut from markup', () => {
  it('an anchor glued to the end of a sentence takes no word of the sentence with it', () => {
    const r = analyze(
      page(
        'Watch fair opens',
        'The annual watch fair opened in Basel on Thursday with 1.2万余份 catalogues printed, and dealers said demand for vintage pieces was strong.<a href="http://www.replica-watches-uk.example/">Replica Watches</a> Organisers expect 40,000 visitors over the week.',
        'Exhibitors from 30 countries are showing new movements and restored classics, the organisers said.',
      ),
    );
    expect(r.findings.map((f) => f.text)).toEqual(['Replica Watches']);
    expect(r.cleanText).toContain('demand for vintage pieces was strong.');
    expect(r.cleanText).toContain('1.2万余份 catalogues');
  });
  it('an anchor glued to a word inside a sentence leaves none of its own words behind', () => {
    const r = analyze(
      page(
        'Restaurant review',
        'We ordered the tasting menu, which arrived in seven courses<a href="https://cheap-viagra-online.example/">buy viagra online</a>, each paired with a local wine, and the service was attentive throughout.',
        'The dessert course was the highlight, a light lemon tart with basil sorbet that balanced the meal well.',
      ),
    );
    expect(r.findings.map((f) => f.text)).toEqual(['buy viagra online']);
    expect(r.cleanText).toContain('arrived in seven courses, each paired');
  });
  it('spans without a link, or whose rule match is outside the link, stay as the tagger cut them', () => {
    const sentence = 'Demand was strong.Replica Watches Organisers expect visitors.';
    const spans = [{ start: 12, end: 33 }];
    expect(snapToLinks(sentence, spans, [{ start: 19, end: 33 }], [])).toEqual(spans);
    const link = { href: 'https://example.com/expo', text: 'Organisers', offsite: false };
    expect(snapToLinks(sentence, spans, [{ start: 19, end: 33 }], [link])).toEqual(spans);
    const spam = { href: 'https://replica.example/', text: 'Replica Watches', offsite: true };
    expect(snapToLinks(sentence, spans, [{ start: 19, end: 33 }], [spam])).toEqual([{ start: 18, end: 33 }]);
  });
});
