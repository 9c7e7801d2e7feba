import { describe, expect, it } from 'vitest';
import {
  charF1,
  locateAll,
  maskCounts,
  prf,
  quantiles,
  rangesMask,
  searchText,
  tokenF1,
  verdictCounts,
} from '../../dev/eval/metrics.js';
import { aggregate, bodyMask, residueByKind, scoreItem } from '../../dev/eval/score.js';

describe('prf', () => {
  it('computes precision, recall and F1 from counts', () => {
    const r = prf({ tp: 6, fp: 2, fn: 4 });
    expect(r.precision).toBeCloseTo(0.75);
    expect(r.recall).toBeCloseTo(0.6);
    expect(r.f1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35);
  });
  it('handles zero denominators', () => {
    expect(prf({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(prf({ tp: 0, fp: 0, fn: 3 })).toEqual({ precision: 1, recall: 0, f1: 0 });
    expect(prf({ tp: 0, fp: 5, fn: 0 })).toEqual({ precision: 0, recall: 1, f1: 0 });
    expect(prf({ tp: 0, fp: 1, fn: 1 })).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
  it('counts verdicts', () => {
    const c = verdictCounts([
      { gold: true, predicted: true },
      { gold: true, predicted: false },
      { gold: false, predicted: true },
      { gold: false, predicted: false },
      { gold: false, predicted: false },
    ]);
    expect(c).toEqual({ tp: 1, fn: 1, fp: 1, tn: 2 });
  });
});

describe('token F1 and char F1', () => {
  it('uses whitespace tokens with multiset overlap', () => {
    // pred tokens: a a b c ; gold: a b b d -> overlap a,b = 2
    const r = tokenF1('a  a\nb c', 'a b b d');
    expect(r.precision).toBeCloseTo(0.5);
    expect(r.recall).toBeCloseTo(0.5);
    expect(r.f1).toBeCloseTo(0.5);
    expect(tokenF1('same text here', 'same   text\nhere').f1).toBe(1);
    expect(tokenF1('', 'gold').f1).toBe(0);
  });
  it('char F1 ignores whitespace and counts repeated characters', () => {
    // pred 配资配 (配 x2, 资), gold 配 资 资 (配, 资 x2): overlap 2 of 3 each side
    const r = charF1('配资 配', '配\n资　资');
    expect(r.precision).toBeCloseTo(2 / 3);
    expect(r.recall).toBeCloseTo(2 / 3);
    expect(charF1('新闻正文', '新闻正文').f1).toBe(1);
  });
  it('quantiles use nearest rank', () => {
    const q = quantiles([5, 1, 3, 2, 4, 6, 7, 8, 9, 10]);
    expect(q.median).toBe(5);
    expect(q.p95).toBe(10);
    expect(q.mean).toBe(5.5);
  });
});

describe('character masks', () => {
  it('locates every occurrence across block joins, whitespace-insensitively', () => {
    const st = searchText('title\nbuy cheap\nviagra now. x buy cheap viagra');
    const hits = locateAll(st, 'buy cheap viagra');
    expect(hits).toEqual([
      [6, 22],
      [30, 46],
    ]);
    expect(locateAll(st, 'not there')).toEqual([]);
  });
  it('counts non-whitespace chars of pred vs gold', () => {
    const text = 'ab cd\nef';
    const pred = rangesMask(text.length, [[0, 5]]); // "ab cd" -> 4 chars
    const gold = rangesMask(text.length, [[3, 8]]); // "cd\nef" -> 4 chars
    expect(maskCounts(text, pred, gold)).toEqual({ tp: 2, fp: 2, fn: 2 });
  });
  it('scores an item per kind and language, unlocated gold counted as missed', () => {
    const text = '配资标题\n正文一句。股票配资平台\n友情链接 a b';
    const item = {
      id: 'x',
      lang: 'zh',
      contaminated: true,
      gold: [
        { text: '股票配资平台', kind: 'promo-line', lang: 'zh' },
        { text: '友情链接 a b', kind: 'link-block', lang: 'zh' },
        { text: 'never in the page', kind: 'hidden-block', lang: 'en' },
      ],
    };
    const start = text.indexOf('股票');
    const s = scoreItem(item, {
      contaminated: true,
      text,
      spans: [
        { start, end: start + 6, kind: 'promo-line' },
        { start: 0, end: 2, kind: 'title-affix' }, // 2 false-positive chars
      ],
    });
    expect(s.unlocated).toBe(1);
    expect(s.unlocatedByKind).toEqual({ 'hidden-block': 1 });
    expect(s.unlocatedSpans).toEqual([{ kind: 'hidden-block', text: 'never in the page' }]);
    // gold chars: 6 + 6 (友情链接ab) + 14 (neverinthepage) ; tp 6, fp 2
    expect(s.span).toEqual({ tp: 6, fp: 2, fn: 6 + 14 });
    expect(s.byKind['promo-line']).toEqual({ tp: 6, fp: 0, fn: 0 });
    expect(s.byKind['link-block']).toEqual({ tp: 0, fp: 0, fn: 6 });
    expect(s.byKind['title-affix']).toEqual({ tp: 0, fp: 2, fn: 0 });
    expect(s.byLang.en).toEqual({ tp: 0, fp: 0, fn: 14 });
    expect(s.byLang.zh).toEqual({ tp: 6, fp: 2, fn: 6 });
    expect(s.collateral).toBeUndefined();
  });
  it('measures collateral on a clean page against its gold body', () => {
    const text = 'Headline\nMenu Home\nFirst paragraph here.\nSecond one.';
    const item = { id: 'c', lang: 'en', contaminated: false, gold: [], goldBody: 'First paragraph here.\n\nSecond one.' };
    const start = text.indexOf('Second');
    const s = scoreItem(item, { contaminated: true, text, spans: [{ start, end: start + 6, kind: 'promo-line', where: 'body' }] });
    expect(s.collateral).toMatchObject({ source: 'goldBody', bodyChars: 19 + 10, removedChars: 6, locatedShare: 1 });
    const agg = aggregate([s]);
    expect(agg.page).toMatchObject({ tp: 0, fp: 1, fn: 0, tn: 0 });
    expect(agg.collateral.share).toBeCloseTo(6 / 29);
    expect(agg.span.precision).toBe(0);
  });
  it('body mask prefers in-order occurrences', () => {
    const st = searchText('Intro\nabcd\nxyzw\nabcd');
    const { mask, locatedShare } = bodyMask(st, 'xyzw\nabcd\nmissing line');
    expect(locatedShare).toBeCloseTo(8 / 19);
    expect([...mask].join('')).toBe('0000000000011110' + '1111');
  });
  it('residue counts gold spans left in an output, per kind', () => {
    const r = residueByKind([
      { gold: [{ text: 'cheap pills', kind: 'promo-line', lang: 'en' }, { text: 'x y', kind: 'link-block', lang: 'en' }], output: 'article cheap\npills end' },
    ]);
    expect(r['promo-line']).toMatchObject({ goldSpans: 1, leftSpans: 1, goldChars: 10, leftChars: 10, leftShare: 1 });
    expect(r['link-block']).toMatchObject({ leftSpans: 0, leftShare: 0 });
  });
});
