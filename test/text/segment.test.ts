import { describe, expect, it } from 'vitest';
import { addWords, fold, segment, type Token } from '../../src/text/index.js';
import { chineseGold, readSeed, scrapinghubGold } from './data.js';

const words = (s: string) => segment(s).map((t) => t.text);

/** Tokens slice back to their text, are ordered and do not overlap, and never hold white space. */
function checkTokens(s: string, toks: Token[]): void {
  let prevEnd = 0;
  const bad: string[] = [];
  for (const t of toks) {
    if (s.slice(t.start, t.end) !== t.text) bad.push(`slice ${t.start}-${t.end} != ${t.text}`);
    if (t.start < prevEnd || t.end <= t.start) bad.push(`order ${t.start}-${t.end}`);
    if (/\s/.test(t.text)) bad.push(`space in "${t.text}"`);
    prevEnd = t.end;
  }
  expect(bad.slice(0, 5)).toEqual([]);
}

describe('segment', () => {
  it('keeps 配资 / 互联网 / 开户 / 股票 whole on the seed and in a promo line', () => {
    const seed = readSeed();
    const toks = segment(seed);
    checkTokens(seed, toks);
    const set = new Set(toks.map((t) => t.text));
    for (const w of ['配资', '互联网', '股票', '深圳', '创新']) expect(set.has(w), w).toBe(true);
    // every 配资 of the seed comes out as one token (or inside a longer dictionary word)
    const inSeed = seed.split('配资').length - 1;
    expect(inSeed).toBeGreaterThan(3);
    expect(toks.filter((t) => t.text.includes('配资')).length).toBe(inSeed);
    expect(toks.filter((t) => t.text === '配').length).toBe(0);
    expect(words('在线股票配资开户，低息互联网配资！')).toEqual(expect.arrayContaining(['配资', '开户', '互联网']));
  });

  it('keeps a word added with addWords() whole, also after the segmenter was created', () => {
    const s = '本站是正规的配资平台，欢迎咨询。';
    const before = words(s);
    expect(before).not.toContain('配资平台');
    expect(before).toContain('配资');
    addWords(['配资平台', 'not-han', '', 'ｘ']);
    const after = words(s);
    expect(after).toContain('配资平台');
    checkTokens(s, segment(s));
    // a mixed term adds its Han run: 代开发票QQ -> 代开发票 (jieba alone says 代|开发票)
    const inv = '这里可以代开发票电话联系';
    expect(words(inv)).not.toContain('代开发票');
    addWords(['代开发票QQ']);
    expect(words(inv)).toContain('代开发票');
  });

  it('cuts Chinese with jieba, never by whitespace or per character only', () => {
    const seed = readSeed();
    const cjk = segment(seed).filter((t) => t.cjk);
    const multi = cjk.filter((t) => t.text.length >= 2).length;
    expect(multi / cjk.length).toBeGreaterThan(0.5);
    // a Chinese run with a space inside is still cut into words, not kept as one blob
    const w = words('深圳特区报记者 徐松');
    expect(w).toEqual(expect.arrayContaining(['记者', '徐松']));
    expect(w.length).toBeGreaterThanOrEqual(4);
  });

  it('offsets slice back on every Chinese gold body and English gold body', () => {
    for (const s of chineseGold().values()) checkTokens(s, segment(s));
    const en = Object.values(scrapinghubGold()).slice(0, 40);
    for (const g of en) {
      const toks = segment(g.articleBody);
      checkTokens(g.articleBody, toks);
      expect(toks.every((t) => !/[\u4e00-\u9fff]/.test(t.text) || t.cjk)).toBe(true);
    }
  });

  it('Latin words keep inner dots, hyphens and apostrophes; punctuation is dropped', () => {
    expect(words('Visit pills-shop.com now: 3.5% off, don’t wait! (U.S. only) 1,000 pills.')).toEqual([
      'Visit', 'pills-shop.com', 'now', '3.5', 'off', 'don’t', 'wait', 'U.S', 'only', '1,000', 'pills',
    ]);
    expect(words('A股配资app下载')).toEqual(['A', '股', '配资', 'app', '下载']);
  });

  it('Japanese: runs by script (kanji / hiragana / katakana), not jieba', () => {
    const s = 'ロレックスのスーパーコピー時計を激安で販売しています。';
    const toks = segment(s);
    checkTokens(s, toks);
    expect(toks.map((t) => t.text)).toEqual(['ロレックス', 'の', 'スーパーコピー', '時計', 'を', '激安', 'で', '販売', 'しています']);
    expect(toks.every((t) => t.cjk)).toBe(true);
    const ja = Object.values(scrapinghubGold()).find((g) => g.url.includes('note100yen.com'))!.articleBody;
    checkTokens(ja, segment(ja));
  });

  it('Korean runs are words; works on folded text; empty input gives no tokens', () => {
    expect(words('서울시는 새로운 정책을')).toEqual(['서울시는', '새로운', '정책을']);
    const f = fold('ＶＩＡＧＲＡ配资');
    expect(segment(f.text).map((t) => t.text)).toEqual(['viagra', '配资']);
    expect(segment('')).toEqual([]);
    expect(segment(' ，。!? ')).toEqual([]);
  });

  it('copes with one 60k-char Han run without punctuation (keyword-stuffing shape), tokens cover it exactly', () => {
    const gold = [...chineseGold().values()].join('');
    const han = (gold.match(/[\u4e00-\u9fff]/g) ?? []).join('').slice(0, 60000);
    const toks = segment(han);
    checkTokens(han, toks);
    expect(toks.reduce((a, t) => a + t.text.length, 0)).toBe(han.length);
  });
});

describe('segment on very long Chinese runs', () => {
  it('cuts a run longer than one jieba call into contiguous words covering it, and polls the budget', async () => {
    const { SEGMENT_CHUNK_CHARS } = await import('../../src/text/segment.js');
    const { startBudget, BudgetExceeded } = await import('../../src/budget.js');
    const unit = '今天市场股票配资平台行情上涨投资者关注';
    const s = unit.repeat(Math.ceil((2.5 * SEGMENT_CHUNK_CHARS) / unit.length));
    const toks = segment(s);
    expect(toks[0].start).toBe(0);
    for (let k = 1; k < toks.length; k++) expect(toks[k].start).toBe(toks[k - 1].end);
    expect(toks[toks.length - 1].end).toBe(s.length);
    expect(toks.map((t) => t.text).join('')).toBe(s);
    // words, not characters: jieba did the cutting (the per-character fallback gives one token per char)
    expect(toks.length).toBeLessThan(s.length * 0.8);
    expect(() => segment(s, startBudget(0))).toThrow(BudgetExceeded);
  });
});
