// A short paragraph between the article's paragraphs is judged whole (SHORT_BLOCK_CHARS), however many sentences it
// has: a promo line of two short sentences ("Win big with … on <brand>. Payouts in minutes.") is a promo line, though
// neither sentence alone says enough for the classifier. The page is a real clean Scrapinghub page (WSJ) of
// ../shared/data; the paragraphs are put after one of its own.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { SHORT_BLOCK_CHARS } from '../../src/detect/detector.js';
import { sharedDataDir } from '../../src/util/paths.js';

const WSJ = join(sharedDataDir(), 'scrapinghub-article-extraction-benchmark', 'html', '042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856.html.gz');
const AFTER = 'then repeat.</p>';
const html = (): string => gunzipSync(readFileSync(WSJ)).toString('utf8');
const withParagraph = (text: string): string => {
  const h = html();
  expect(h).toContain(AFTER);
  return h.replace(AFTER, `${AFTER}<p>${text}</p>`);
};

describe('a short paragraph of two sentences', () => {
  it('that sells is one promo line, cut whole', () => {
    const plug = 'Spin to win with the casino welcome offer at LuckyReels. Withdrawals in minutes.';
    expect(plug.length).toBeLessThanOrEqual(SHORT_BLOCK_CHARS);
    expect(analyze(html()).findings).toEqual([]);
    const r = analyze(withParagraph(plug));
    expect(r.findings.map((f) => [f.kind, f.text])).toEqual([['promo-line', plug]]);
    expect(r.cleanText).toContain('grind our way to the end, then repeat.');
  });

  it("of the article's own stays", () => {
    const own = 'The studio declined to comment. Sales figures are due in March.';
    const r = analyze(withParagraph(own));
    expect(r.findings).toEqual([]);
    expect(r.cleanText).toContain(own);
  });
});
