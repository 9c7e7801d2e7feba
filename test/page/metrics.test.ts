import { describe, it, expect } from 'vitest';
import { tokenF1, charF1 } from '../../src/page/extract-metrics.js';
import { dataJson } from './data.js';

describe('extract metrics', () => {
  it('token F1 is multiset overlap of whitespace tokens', () => {
    expect(tokenF1('a b c', 'a b c').f1).toBe(1);
    const m = tokenF1('a a b x', 'a b b c');
    expect(m.precision).toBeCloseTo(2 / 4);
    expect(m.recall).toBeCloseTo(2 / 4);
    expect(tokenF1('', 'a').f1).toBe(0);
    expect(tokenF1('', '').f1).toBe(1);
  });

  it('char F1 ignores whitespace and counts repeated characters', () => {
    expect(charF1('新 闻\n报道', '新闻报道').f1).toBe(1);
    const m = charF1('新新闻', '新闻闻报');
    expect(m.precision).toBeCloseTo(2 / 3);
    expect(m.recall).toBeCloseTo(2 / 4);
  });

  it('a peer extractor scores as published on the Scrapinghub set (sanity of the metric)', () => {
    const gold = dataJson<Record<string, { articleBody: string }>>('scrapinghub-article-extraction-benchmark/ground-truth.json');
    const peer = dataJson<{ output: Record<string, { articleBody?: string }> }>('scrapinghub-article-extraction-benchmark/peer-outputs/trafilatura.json');
    const f1 = Object.keys(gold).map((k) => tokenF1(peer.output[k]?.articleBody ?? '', gold[k].articleBody).f1);
    const avg = f1.reduce((a, b) => a + b, 0) / f1.length;
    // trafilatura's published F1 on this benchmark is 0.958 (4-gram shingles); whitespace tokens land close to it
    expect(avg).toBeGreaterThan(0.93);
    expect(avg).toBeLessThan(0.98);
  });
});
