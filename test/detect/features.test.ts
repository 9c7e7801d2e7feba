// Features of the unit classifier past vocabulary: commercial intent families, brand shapes, obfuscation.
import { describe, expect, it } from 'vitest';
import { addIntentFeatures, FeatureSink, unitFeatures } from '../../src/detect/features.js';

const MASK = (1 << 20) - 1;
const intent = (t: string): number[] => {
  const s = new FeatureSink(MASK);
  addIntentFeatures(t, s);
  return s.ids;
};

describe('intent features', () => {
  it('a news sentence with a percentage has one family; an ad stacks several', () => {
    const news = intent('The court fined the company 10% of its revenue.');
    const ad = intent('威尼斯人88.com 注册送彩金 秒到账 加微信 abc12345');
    // presence features + the family count
    expect(news).toHaveLength(2);
    expect(ad.length).toBeGreaterThanOrEqual(6);
    expect(intent('Officials said the meeting would resume on Monday.')).toHaveLength(1); // the count alone (0 families)
  });

  it('the same family count is the same feature whatever the words', () => {
    const a = intent('加微信 abc12345 咨询');
    const b = intent('telegram @spamshop click here');
    expect(a.at(-1)).toBe(b.at(-1));
  });

  it('spaced or starred letters add the n-grams of the squeezed text, so the obfuscated brand shares the plain one\'s', () => {
    const spaced = new Set(intent('main di A L E X I S ⭐17⭐ sekarang'));
    const plain = new Set(unitFeatures('alexis17', MASK));
    expect(spaced.size).toBeGreaterThan(10);
    // squeezed n-grams live in their own namespace: none collides with the plain text's features by construction
    expect([...spaced].filter((x) => plain.has(x)).length).toBeLessThan(3);
    const again = new Set(intent('A-L-E-X-I-S 17 gacor'));
    // the two obfuscations of one brand share squeezed n-grams
    expect([...spaced].filter((x) => again.has(x)).length).toBeGreaterThan(5);
  });

  it('math-bold letters and pinyin glosses are features of their own', () => {
    expect(intent('𝗠𝗢𝗡𝗔𝟰𝗗 selalu sukses')).not.toEqual(intent('MONA4D selalu sukses'));
    expect(intent('股票配资(zī)平台')).not.toEqual(intent('股票配资平台'));
  });
});
