// Commercial wording by its grammar rather than by fixed phrases: a call to action with urgency (join today, offer
// ends soon, get the app now), a loan keyword in search-bait form (installment loans online, loans near me, with no
// paperwork), and the offers and calls to action of Indonesian and Japanese shop spam (diskon besar, 新規登録特典).
// Each is weak alone; beside structure (a numbered line) or a confident classifier they make a finding, and a
// publisher's own "Subscribe now" is left out. The page is a real clean WSJ page of ../shared/data.
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { sharedDataDir } from '../../src/util/paths.js';
import { spliceAfter } from '../helpers/splice.js';

const DIR = join(sharedDataDir(), 'scrapinghub-article-extraction-benchmark', 'html');
const html = (): string => {
  const name = readdirSync(DIR).find((f) => f.startsWith('7ab16ade32386ece'))!;
  return gunzipSync(readFileSync(join(DIR, name))).toString('utf8');
};
const PARA_END = 'hitting him in the head.';
/** a paragraph of its own inside the article, after the one that ends with PARA_END */
const withParagraph = (line: string) => spliceAfter(html(), PARA_END, `</p><p>${line}</p><p>`);

describe('commercial grammar', () => {
  it('the clean page has no finding', () => {
    expect(analyze(html()).findings).toEqual([]);
  });
  it('a loan keyword in search-bait form spliced into a sentence is cut whole, the sentence stays', () => {
    const plug = 'installment loans online with no paperwork';
    const r = analyze(spliceAfter(html(), 'by the league for ', plug));
    expect(r.findings.map((f) => [f.kind, f.text])).toEqual([['spliced-phrase', plug]]);
    expect(r.cleanText).toContain('suspended without pay by the league for');
  });
  it('a numbered line with a call to action or a loan keyword is a promo line', () => {
    for (const line of ['2) NovaLend: join today! Offer ends soon', '2) QuickFunds | installment loans online with no paperwork']) {
      const r = analyze(withParagraph(line));
      expect(r.findings.map((f) => [f.kind, f.text]), line).toEqual([['promo-line', line]]);
      expect(r.cleanText).toContain(PARA_END);
    }
  });
  it('a numbered line with an Indonesian or Japanese offer is a promo line, whatever the page language', () => {
    for (const line of ['2) diskon besar di TokoKita', '2) gratis ongkir, beli sekarang di TokoKita', '2) 新規登録特典はサクラモール']) {
      const r = analyze(withParagraph(line));
      expect(r.findings.map((f) => [f.kind, f.text]), line).toEqual([['promo-line', line]]);
    }
  });
  it("a publisher's own subscription line is no finding", () => {
    const r = analyze(withParagraph('Subscribe now for more from the sports desk.'));
    expect(r.findings).toEqual([]);
  });
});
