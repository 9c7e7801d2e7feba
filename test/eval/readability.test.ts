import { describe, expect, it } from 'vitest';
import { readabilityLinkedom } from '../../dev/eval/readability.js';
import { scrapinghubPages } from '../../dev/eval/data.js';
import { tokenF1 } from '../../dev/eval/metrics.js';

describe('Readability runner (linkedom)', () => {
  it('returns the article text of a real Scrapinghub page', () => {
    const [page] = scrapinghubPages(1);
    const out = readabilityLinkedom(page.bytes.toString('utf8'));
    expect(out.ok).toBe(true);
    // the gold body's first sentence is in the article text, and the text is mostly the gold body
    const firstSentence = page.goldBody.split(/(?<=\.)\s/u)[0];
    expect(out.text.replace(/\s+/gu, ' ')).toContain(firstSentence.replace(/\s+/gu, ' '));
    expect(tokenF1(out.text, page.goldBody).f1).toBeGreaterThan(0.8);
  });
  it('returns empty text, not a crash, on a page without an article', () => {
    expect(readabilityLinkedom('<html><body></body></html>')).toMatchObject({ ok: false, text: '' });
  });
});
