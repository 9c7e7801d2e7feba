// The spam-pages scorer follows ../shared/data/spam-pages/README.md "How to score a detector" on the real labels.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { cleanSharedPages, normScore, scorePage, spamPages, spamPagesSplit, aggregatePages } from '../../dev/eval/real-pages.js';

describe('spam-pages scoring', () => {
  const pages = spamPages('dev');
  const split = spamPagesSplit();

  it('reads every dev page of the split, none of the test split', () => {
    expect(pages.map((p) => p.label.id)).toEqual(split.dev);
    expect(split.dev.filter((id) => split.test.includes(id))).toEqual([]);
  });

  it('normalises by NFKC, lower case and no whitespace', () => {
    expect(normScore('Ｃｈｅａｐ  NFL\u3000Jerseys\n')).toBe('cheapnfljerseys');
  });

  it('a result that keeps the whole page text removes no spam string and keeps every sentence; one that keeps nothing does the opposite', () => {
    const { label, html } = pages.find((p) => p.label.verdict === 'contaminated' && p.label.keep.length > 0)!;
    const r = analyze(html);
    const whole = scorePage(label, { ...r, verdict: 'clean', cleanTitle: '', cleanText: r.text, findings: [] });
    expect(whole.spam.removed).toBe(0);
    expect(whole.keep.kept).toBe(label.keep.length);
    const none = scorePage(label, { ...r, verdict: 'contaminated', cleanTitle: '', cleanText: '', findings: [] });
    expect(none.spam.removed).toBe(label.spam.length);
    // nothing covered them: every removal is extraction's, every lost sentence too
    expect(none.spam.removedByExtraction).toBe(label.spam.length);
    expect(none.keep.lostToExtraction).toBe(label.keep.length);
    const agg = aggregatePages([whole, none]);
    expect([agg.tp, agg.fn, agg.pageRecall, agg.pagePrecision]).toEqual([1, 1, 0.5, 1]);
  });

  it('lists the clean shared pages without the two with real injected spam', () => {
    const all = cleanSharedPages();
    expect(all.length).toBeGreaterThan(1300);
    expect(all).not.toContain('gne-chinese-news/html/njxfhn/1.html.gz');
    expect(all).not.toContain('trafilatura-eval/eval/silvias.net.wahlzensur.html.gz');
    expect(all.some((f) => f.startsWith('spam-pages/'))).toBe(false);
  });
});
