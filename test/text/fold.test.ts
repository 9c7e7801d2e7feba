import { describe, expect, it } from 'vitest';
import { fold, foldScope, foldText, foldTextPart, foldWhole, toOriginal } from '../../src/text/index.js';
import { chineseGold, readSeed, scrapinghubGold } from './data.js';

/** Find needle in the folded text and return the original slice it maps back to. */
function originalOf(s: string, needle: string, from = 0): string {
  const f = fold(s);
  const i = f.text.indexOf(needle, from);
  expect(i, `"${needle}" in folded "${f.text}"`).toBeGreaterThanOrEqual(0);
  const o = toOriginal(f, i, i + needle.length);
  return s.slice(o.start, o.end);
}

function checkMap(s: string): void {
  const f = fold(s);
  expect(f.map.length).toBe(f.text.length + 1);
  expect(f.map[f.text.length]).toBe(s.length);
  let bad = -1;
  for (let i = 1; i <= f.text.length && bad < 0; i++) if (f.map[i] < f.map[i - 1]) bad = i;
  expect(bad, 'map is non-decreasing').toBe(-1);
}

describe('fold', () => {
  it('drops zero-width chars and soft hyphens; the match maps back to the whole original', () => {
    const s = 'Buy v\u200Bi\u200Ca\u00ADg\u2060r\uFEFFa now';
    expect(fold(s).text).toBe('buy viagra now');
    expect(originalOf(s, 'viagra')).toBe('v\u200Bi\u200Ca\u00ADg\u2060r\uFEFFa');
    checkMap(s);
    // zero-width chars right after the match: kept by default, trimmed when the original is passed
    const t = '\u200Bviagra\u200B\u200D!';
    const f = fold(t);
    expect(f.text).toBe('viagra!');
    expect(toOriginal(f, 0, 6)).toEqual({ start: 1, end: 9 });
    expect(toOriginal(f, 0, 6, t)).toEqual({ start: 1, end: 7 });
    // U+034F (combining grapheme joiner) is a mark, so it joins a cluster: still dropped
    expect(fold('vi\u034Fagra').text).toBe('viagra');
    expect(fold('vi\u202Eag\u202Cra').text).toBe('viagra');
  });

  it('folds full-width letters (ｖｉａｇｒａ) and maps back to the full-width original', () => {
    const s = '特价ｖｉａｇｒａ，ＣＩＡＬＩＳ！';
    const f = fold(s);
    expect(f.text).toBe('特价viagra,cialis!');
    expect(originalOf(s, 'viagra')).toBe('ｖｉａｇｒａ');
    expect(originalOf(s, 'cialis')).toBe('ＣＩＡＬＩＳ');
  });

  it('folds Cyrillic and Greek look-alikes to Latin', () => {
    const s = 'cheap v\u0456agra and \u0441\u0430sin\u043e bonus, \u03bdiagra';
    const f = fold(s);
    expect(f.text).toBe('cheap viagra and casino bonus, viagra');
    expect(originalOf(s, 'viagra')).toBe('v\u0456agra');
    expect(originalOf(s, 'casino')).toBe('\u0441\u0430sin\u043e');
    expect(originalOf(s, 'viagra', 20)).toBe('\u03bdiagra');
    // Cyrillic ԁ, ѕ, і, ј and capitals that lower-case into look-alikes
    expect(fold('\u0501\u0455\u0456\u0458 \u0412\u041e\u0422').text).toBe('dsij bot');
    expect(fold('İSTANBUL ıstanbul').text).toBe('istanbul istanbul');
  });

  it('maps NFKC expansions (㈱, ﬁ) back to the whole original character', () => {
    const s = '㈱配资公司 ﬁnance';
    const f = fold(s);
    expect(f.text).toBe('(株)配资公司 finance');
    expect(f.text.length).toBe(s.length + 3);
    expect(originalOf(s, '株')).toBe('㈱');
    expect(originalOf(s, '(株)配资')).toBe('㈱配资');
    expect(originalOf(s, 'finance')).toBe('ﬁnance');
    // half of an expansion still covers the whole original char
    expect(originalOf(s, 'f')).toBe('ﬁ');
    expect(originalOf(s, 'inance')).toBe('ﬁnance');
    checkMap(s);
  });

  it('folds math alphanumerics (astral) and combining sequences as clusters', () => {
    const s = 'get 𝐯𝐢𝐚𝐠𝐫𝐚 cafe\u0301 か\u3099';
    const f = fold(s);
    expect(f.text).toBe('get viagra café が');
    expect(originalOf(s, 'viagra')).toBe('𝐯𝐢𝐚𝐠𝐫𝐚');
    expect(originalOf(s, 'é')).toBe('e\u0301');
    expect(originalOf(s, 'が')).toBe('か\u3099');
    checkMap(s);
  });

  it('leaves spaced-out spam as is and ASCII text only lower-cased', () => {
    expect(fold('V I A G R A').text).toBe('v i a g r a');
    const en = Object.values(scrapinghubGold())[0].articleBody;
    const ascii = en.replace(/[^\x00-\x7f]/g, '');
    expect(fold(ascii).text).toBe(ascii.toLowerCase());
  });

  it('on real Chinese text keeps every Han char and folds full-width punctuation, map exact', () => {
    const docs = [readSeed(), ...[...chineseGold().values()].slice(0, 20)];
    for (const s of docs) {
      const f = fold(s);
      checkMap(s);
      const han = (x: string) => (x.match(/[\u4e00-\u9fff]/g) ?? []).join('');
      expect(han(f.text)).toBe(han(s));
      expect(f.text).not.toMatch(/[，：；！？（）Ａ-Ｚａ-ｚ０-９]/);
      // every folded Han char maps onto the same char in the original
      const wrong: number[] = [];
      for (let i = 0; i < f.text.length; i++) {
        const c = f.text.charCodeAt(i);
        if (c >= 0x4e00 && c <= 0x9fff && s.charCodeAt(f.map[i]) !== c) wrong.push(i);
      }
      expect(wrong).toEqual([]);
    }
  });

  it('any folded span maps back to an original span whose fold contains it (real text with tricks)', () => {
    const seed = readSeed();
    const tricky = seed.slice(0, 400) + 'ｖ\u200Bіａｇｒａ ㈱ ﬁﬂ 𝐜𝐚𝐬𝐢𝐧𝐨 e\u0301' + seed.slice(400, 800);
    const f = fold(tricky);
    let seedRand = 12345;
    const rnd = (n: number) => ((seedRand = (Math.imul(seedRand, 1103515245) + 12345) >>> 0) % n);
    for (let k = 0; k < 300; k++) {
      const a = rnd(f.text.length);
      const b = Math.min(f.text.length, a + 1 + rnd(12));
      const o = toOriginal(f, a, b);
      expect(o.start).toBeLessThan(o.end);
      expect(fold(tricky.slice(o.start, o.end)).text).toContain(f.text.slice(a, b));
    }
  });

  it('handles empty and lone-surrogate input without throwing', () => {
    expect(fold('').text).toBe('');
    expect(Array.from(fold('').map)).toEqual([0]);
    const f = fold('a\ud800b');
    expect(f.text.length).toBe(3);
    expect(f.map[3]).toBe(3);
  });
});

describe('foldText', () => {
  it('is fold().text on real text (Chinese gold bodies, the seed page, Scrapinghub bodies) and on tricky short strings', () => {
    const texts = [readSeed(), ...[...chineseGold().values()].slice(0, 20), ...Object.values(scrapinghubGold()).slice(0, 20).map((g) => g.articleBody)];
    const pieces = texts.flatMap((t) => [t, ...t.split(/(?<=[。.!?！？\n])/u)]);
    pieces.push('ＡＢＣ１２３', 'Ｃａｓｉｎｏ', 'ﬁnance', 'straße', 'İstanbul', 'а\u200bр', 'e\u0301', '𝗠𝗢𝗡𝗔𝟰𝗗', 'plain ascii TEXT', '');
    let nonAscii = 0;
    for (const p of pieces) {
      if (/[^\x00-\x7f]/.test(p)) nonAscii++;
      expect(foldText(p)).toBe(fold(p).text);
    }
    expect(nonAscii).toBeGreaterThan(100);
  });
});

describe('foldScope', () => {
  it('gives the same folds inside a scope (memoised per page) as outside, whether fold or foldText came first', () => {
    const texts = [readSeed(), ...[...chineseGold().values()].slice(0, 10), ...Object.values(scrapinghubGold()).slice(0, 10).map((g) => g.articleBody)];
    const long = texts.flatMap((t) => [t, ...t.split(/\n+/)]).filter((t) => t.length > 32);
    const outside = long.map((t) => foldText(t));
    const inside = foldScope(() => long.map((t, i) => (i % 2 === 0 ? [fold(t).text, foldText(t), foldText(t)] : [foldText(t), fold(t).text, foldText(t)])));
    inside.forEach((folds, i) => expect(folds).toEqual([outside[i], outside[i], outside[i]]));
    expect(foldScope(() => 7)).toBe(7);
    expect(() => foldScope(() => { throw new Error('x'); })).toThrow('x');
    expect(foldText(long[0])).toBe(outside[0]);
    // fold() inside a scope keeps its map with the text: a second call gives the first one's result, as outside
    const maps = foldScope(() => long.map((t) => [fold(t), fold(t)] as const));
    maps.forEach(([a, b], i) => {
      expect(b).toBe(a);
      expect([...a.map]).toEqual([...fold(long[i]).map]);
    });
  });
});

describe('foldTextPart', () => {
  it('reads the fold of a part from the whole fold: the same as folding the part, also where a cut splits a cluster', () => {
    const texts = [
      'Plain ASCII Text, With Capitals.',
      'e\u0301cole and Cafe\u0301 and ＦＵＬＬ width',
      'ﬁne ligature İstanbul zero\u200bwidth',
      'astral 𝗠𝗢𝗡𝗔 and \ud83c\udf00 pair, lone \ud83c here',
      '博彩网站\u0301 and 入金不要ボーナス',
      'a\u0301\u0302b',
      ...[...chineseGold().values()].slice(0, 3).map((t) => t.slice(0, 600)),
    ];
    let parts = 0;
    for (const t of texts) {
      const whole = foldWhole(t);
      for (let start = 0; start <= t.length; start += 1 + (start % 5)) {
        for (let end = start; end <= t.length; end += 1 + ((start + end) % 37)) {
          expect(foldTextPart(whole, t, start, end), `${start}-${end} of ${t.slice(0, 40)}`).toBe(foldText(t.slice(start, end)));
          parts++;
        }
      }
    }
    expect(parts).toBeGreaterThan(1000);
  });
});
