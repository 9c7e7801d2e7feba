import { describe, expect, it } from 'vitest';
import { charNgrams, featureVector, hashFeature, sentences, type FeatureVector } from '../../src/text/index.js';
import { readSeed } from './data.js';

const total = (v: FeatureVector) => v.counts.reduce((a, b) => a + b, 0);
function cosine(a: FeatureVector, b: FeatureVector): number {
  const m = new Map<number, number>();
  a.ids.forEach((id, i) => m.set(id, a.counts[i]));
  let dot = 0;
  b.ids.forEach((id, i) => (dot += (m.get(id) ?? 0) * b.counts[i]));
  const norm = (v: FeatureVector) => Math.sqrt(v.counts.reduce((x, c) => x + c * c, 0));
  return dot / (norm(a) * norm(b));
}

describe('charNgrams', () => {
  it('skips white space runs and yields the requested sizes', () => {
    expect(charNgrams('配 资\n平台', [2])).toEqual(['配资', '资平', '平台']);
    expect(charNgrams('ab  c', [1, 3])).toEqual(['a', 'b', 'c', 'abc']);
    expect(charNgrams('', [1, 2])).toEqual([]);
  });
});

describe('hashFeature', () => {
  it('is 32-bit FNV-1a (reference vectors)', () => {
    expect(hashFeature('')).toBe(0x811c9dc5);
    expect(hashFeature('a')).toBe(0xe40c292c);
    expect(hashFeature('foobar')).toBe(0xbf9cf968);
    expect(hashFeature('配资')).not.toBe(hashFeature('资配'));
  });
});

describe('featureVector', () => {
  it('has the documented features: Latin word + char 3-5 grams, CJK word + char 1-3 grams', () => {
    // "casino": 1 word + grams of " casino " (8 chars): 6 three-grams, 5 four-grams, 4 five-grams
    expect(total(featureVector('casino', { buckets: 1 << 24 }))).toBe(16);
    // "online casino": 2 words, 1 bigram, grams of " online " and " casino " (6+5+4 each)
    expect(total(featureVector('online casino', { buckets: 1 << 24 }))).toBe(2 + 1 + 15 + 15);
    // 配资: 1 word + 2 one-grams + 1 two-gram
    expect(total(featureVector('配资'))).toBe(4);
    // 股票配资 (two words): 2 words + 4 + 3 + 2 char grams
    expect(total(featureVector('股票配资'))).toBe(2 + 4 + 3 + 2);
  });

  it('folds first: full-width and look-alike spellings give the same vector', () => {
    const a = featureVector('online casino');
    const b = featureVector('ＯＮＬＩＮＥ \u0441\u0430sin\u043e');
    expect(Array.from(b.ids)).toEqual(Array.from(a.ids));
    expect(Array.from(b.counts)).toEqual(Array.from(a.counts));
  });

  it('ids lie in [0, buckets), are distinct, counts add up, for any bucket count', () => {
    const seed = readSeed();
    for (const buckets of [1 << 10, 1000, 1 << 18]) {
      const v = featureVector(seed, { buckets });
      expect(v.ids.length).toBe(v.counts.length);
      expect(v.ids.every((id) => id < buckets)).toBe(true);
      expect(new Set(v.ids).size).toBe(v.ids.length);
    }
    const big = featureVector(seed, { buckets: 1 << 23 });
    const small = featureVector(seed, { buckets: 1 << 10 });
    expect(total(big)).toBe(total(small));
    expect(big.ids.length).toBeGreaterThan(small.ids.length);
  });

  it('two margin-lending promo lines are closer to each other than to the news sentences of the seed', () => {
    const promo1 = featureVector('1. 富途证券:提供低费用的股票配资服务,支持港股和美股。');
    const promo2 = featureVector('专业股票配资平台，低息配资，快速开户，支持港股美股');
    const seed = readSeed();
    const news = sentences(seed)
      .map((p) => seed.slice(p.start, p.end))
      .filter((t) => t.length > 40 && !t.includes('配资'))
      .slice(0, 20);
    expect(news.length).toBe(20);
    const spamSim = cosine(promo1, promo2);
    for (const t of news) expect(cosine(promo2, featureVector(t))).toBeLessThan(spamSim);
  });

  it('looks at maxChars characters only', () => {
    const s = 'casino '.repeat(10) + 'viagra '.repeat(10);
    expect(total(featureVector(s, { maxChars: 70 }))).toBeLessThan(total(featureVector(s)));
    expect(featureVector('').ids.length).toBe(0);
  });
});
