// A plug spliced into a line outside the article (here a photo caption): the rules locate the plug and the rest of
// the line reads as the page's own text, so the plug is cut as in an article sentence and the caption stays. Before,
// the whole caption was the candidate, and the classifier's vote against its German words kept a pharmacy plug in.
// The page is a real clean German page of ../shared/data (in no corpus split).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { sharedDataDir } from '../../src/util/paths.js';
import { spliceAfter } from '../helpers/splice.js';

const html = (): string => gunzipSync(readFileSync(join(sharedDataDir(), 'trafilatura-eval', 'cache', 'chip.de.beef.html.gz'))).toString('utf8');
const AT = 'Der Toast-Test zeigt, in der Mitte ';
const REST = 'ist die Hitze am größten';

describe('a plug spliced into a caption outside the article', () => {
  it('the clean page has no finding; the caption is outside the article', () => {
    const r = analyze(html());
    expect(r.findings).toEqual([]);
    expect(r.text).toContain(`${AT}${REST}`);
    expect(r.cleanText).not.toContain(`${AT}${REST}`);
  });
  it('loses the plug only, not the caption', () => {
    for (const plug of ['Cheap Tramadol', 'Call Girls', '股票配资平台']) {
      const r = analyze(spliceAfter(html(), AT, plug));
      expect(r.verdict, plug).toBe('contaminated');
      expect(r.findings.map((f) => f.text), plug).toEqual([plug]);
      expect(r.findings[0].kind, plug).toBe('spliced-phrase');
    }
  });
});

// A numbered line or a line in another language than the page's, outside the article (here after the same caption),
// is not the page's own text: the rest around a located plug is the promo's too, and the line goes whole. Before,
// the messenger link alone was cut as a plug spliced into the line and, with the rest's words against it, stayed.
describe('a promo line outside the article with the shape of one', () => {
  const withLine = (line: string): string => {
    const h = html();
    expect(h).toContain('</figcaption></figure>');
    return h.replace('</figcaption></figure>', `</figcaption><p>${line}</p></figure>`);
  };
  it('a numbered English line on a German page goes whole, its link and the words around it', () => {
    const line = '3) Open a futures trading account at <a href="http://quick-broker.site/">QuickBroker</a>, t.me/quickbroker_ads';
    const r = analyze(withLine(line));
    expect(r.findings.map((f) => [f.kind, f.text])).toEqual([['promo-line', '3) Open a futures trading account at QuickBroker, t.me/quickbroker_ads']]);
    expect(r.findings[0].rules.map((h) => h.rule)).toEqual(expect.arrayContaining(['STRUCT_NUMBERED_PROMO_LINE', 'MESSENGER_LINK']));
  });
  it("a numbered line of the page's own with its channel stays", () => {
    const r = analyze(withLine('3) Mehr Tests im Newsletter, t.me/chip_de'));
    expect(r.findings).toEqual([]);
  });
});
