// Features of the unit classifier past vocabulary: commercial intent families, brand shapes, obfuscation.
import { describe, expect, it } from 'vitest';
import { addIntentFeatures, FeatureSink, hasSpacedLetters, SPACED_RE, unitFeatures } from '../../src/detect/features.js';
import { tokenFeatures } from '../../src/detect/tagger.js';
import { toSimplified } from '../../src/text/index.js';

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

describe('traditional characters', () => {
  it('are read as their simplified forms: the text in traditional has the features of the same text in simplified', () => {
    const pairs = [
      ['澳門新葡京娛樂場 真人棋牌遊戲', '澳门新葡京娱乐场 真人棋牌游戏'],
      // intent words (官網 註冊 送彩金) as well as the n-grams
      ['南京麻將遊戲官網註冊送彩金', '南京麻将游戏官网注册送彩金'],
      ['香港新聞：立法會今日討論預算案', '香港新闻：立法会今日讨论预算案'],
    ];
    for (const [trad, simp] of pairs) {
      expect(toSimplified(trad)).toBe(simp);
      expect(unitFeatures(trad, MASK)).toEqual(unitFeatures(simp, MASK));
      const tokens = (t: string) => [...t].map((text, i) => ({ text, start: i, end: i + 1, cjk: true }));
      for (const i of [0, 2, trad.length - 1]) expect(tokenFeatures(tokens(trad), i, MASK)).toEqual(tokenFeatures(tokens(simp), i, MASK));
    }
    // three intent families (offer, call to action, official entry) and their count, as in simplified
    expect(intent('南京麻將遊戲官網註冊送彩金')).toHaveLength(4);
  });
});

describe('hand-written scanners answer as the regexes they replace', () => {
  it('hasSpacedLetters equals SPACED_RE on random strings of letters, separators, digits, astral letters and CJK', () => {
    const alphabet = ['a', 'B', 'é', 'ж', '中', '𝗠', ' ', '.', '*', '·', '_', '-', '\u3000', '1', ',', '!', '⭐', '\n'];
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % alphabet.length);
    let positives = 0;
    for (let n = 0; n < 20000; n++) {
      let s = '';
      const len = 1 + (n % 17);
      // half the strings alternate letters and separators (the shape the scanner looks for), half are any chars
      for (let k = 0; k < len; k++) s += n % 2 ? alphabet[rnd()] : k % 2 ? alphabet[6 + (rnd() % 6)] : alphabet[rnd() % 6];
      const want = SPACED_RE.test(s);
      if (want) positives++;
      expect(hasSpacedLetters(s), JSON.stringify(s)).toBe(want);
    }
    expect(positives).toBeGreaterThan(200);
  });

  it('and on real text: spaced brand names yes, ordinary sentences and initials no', () => {
    for (const s of ['main di A L E X I S sekarang', 'A-L-E-X-I-S 17', 'b.e.t.t.e.r', '博 彩 网 站', '𝗠 𝗢 𝗡 𝗔']) expect(hasSpacedLetters(s), s).toBe(true);
    for (const s of ['J. R. R. Tolkien wrote it', 'U.S. officials said', 'a b c', '中 国 人民', 'abcd e f g h']) expect(hasSpacedLetters(s), s).toBe(SPACED_RE.test(s));
  });
});
