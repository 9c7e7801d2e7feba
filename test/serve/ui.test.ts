import { describe, it, expect } from 'vitest';
import { highlight, plainReason, cardText } from '../../src/serve/ui.js';
import { analyze } from '../../src/analyze.js';
import { readPage } from './helpers.js';

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const visibleText = (html: string) => unescape(html.replace(/<span class="tag"[^>]*>[^<]*<\/span>/g, '').replace(/<[^>]+>/g, ''));

function f(id: number, start: number, end: number, score: number) {
  return { id, start, end, score, category: 'gambling', where: 'body', kind: 'promo-line', rules: [{ rule: 'R', points: 1.23456, description: 'd', evidence: 'e' }] };
}

describe('highlight', () => {
  it('keeps every character of the text, escapes markup, and marks each finding in place', () => {
    const text = 'Title <b>x</b>\nbest casino bonus & free spins\nreal article text';
    const a = text.indexOf('casino');
    const html = highlight(text, [f(1, a, a + 'casino bonus'.length, 0.9)]);
    expect(visibleText(html)).toBe(text);
    expect(html).not.toContain('<b>');
    expect(html).toContain('data-finding="1" id="m-1"');
    expect(html).toMatch(/<mark[^>]*>.*casino bonus<\/mark>/);
    // the hover text is plain language, no rule ids or points
    expect(html).toContain('title="Gambling: advert line between paragraphs, in the article (almost certainly spam)"');
    expect(html).not.toContain('R (+1.23)');
  });

  it('splits overlapping findings at every boundary and gives each piece to the strongest finding', () => {
    const text = 'aaaa bbbb cccc dddd';
    const html = highlight(text, [f(1, 0, 9, 0.5), f(2, 5, 14, 0.9), f(3, 100, 120, 1)]);
    expect(visibleText(html)).toBe(text);
    const marks = [...html.matchAll(/<mark[^>]*data-finding="(\d+)"[^>]*>(?:<span class="tag"[^>]*>[^<]*<\/span>)?([^<]*)<\/mark>/g)].map((m) => [m[1], m[2]]);
    expect(marks).toEqual([
      ['1', 'aaaa '],
      ['2', 'bbbb'],
      ['2', ' cccc'],
    ]);
    // the out-of-range finding is ignored, not thrown
    expect(html).not.toContain('data-finding="3"');
  });

  it('renders a real page text with real findings losslessly', () => {
    const r = analyze(readPage('njxfhn'));
    const findings = r.findings.map((x, i) => ({ ...x, id: i + 1 }));
    expect(findings.length).toBeGreaterThan(0);
    const html = highlight(r.text, findings);
    expect(visibleText(html)).toBe(r.text);
    for (const x of findings) expect(html).toContain(`data-finding="${x.id}"`);
  });
});

describe('plain-language cards', () => {
  it('drops tuning notes from rule descriptions and separates run-together link texts', () => {
    expect(plainReason('headline carries a prefix/suffix that the article body never uses. params: minAffixChars / maxAffixChars = length of the affix')).toBe(
      'Headline carries a prefix/suffix that the article body never uses.',
    );
    expect(plainReason('word that news also uses (casino, gambling); low points alone')).toBe('Word that news also uses (casino, gambling)');
    expect(plainReason('Hashed n-gram classifier, p(spam)=0.914')).toBe('The trained text classifier rates it spam (91%)');
    const html = cardText({ text: 'HoustonSouthwestSoutheastNorthwest', kind: 'link-block' });
    expect(html.split('<span class="sep" aria-hidden="true"> · </span>')).toEqual(['Houston', 'Southwest', 'Southeast', 'Northwest']);
    expect(cardText({ text: 'iPhone <b>', kind: 'promo-line' })).toBe('iPhone &lt;b&gt;');
  });

  it('every rule description of the real rule files reads without developer notation', async () => {
    const { loadRules } = await import('../../src/detect/rules/index.js');
    const rules = loadRules().rules;
    expect(rules.length).toBeGreaterThan(20);
    for (const r of rules) expect(plainReason(r.description), r.id).not.toMatch(/params:|minAffix|maxBodyUses|low points alone/);
  });
});
