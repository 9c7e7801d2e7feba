// A brand substituted for a company's name all through a real story (as spam networks do): the token head reads the
// brand and runs on into the sentence around it ("永利娱乐城公布了…", "永利娱乐城2016年"). A word the article uses
// elsewhere, punctuation and a number that goes on as a date are the sentence's: the cut stops at the brand. A word
// the article never uses, and one character glued to the brand, stay with it. Real clean GNE page of ../shared/data.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { withoutArticleWords, withoutStopWordEdges } from '../../src/detect/edges.js';
import { segment, STOP_WORDS, titleCaseRuns } from '../../src/text/index.js';
import { sharedDataDir } from '../../src/util/paths.js';

describe('a brand cut where the sentence goes on', () => {
  it('163/1: 龙湖集团 -> 永利娱乐城 all through the story; the sentence words after it stay', () => {
    const html = gunzipSync(readFileSync(join(sharedDataDir(), 'gne-chinese-news/html/163/1.html.gz'))).toString('utf8');
    expect(analyze(html).verdict).toBe('clean');
    const r = analyze(html.split('龙湖集团').join('永利娱乐城'));
    const after = (f: { end: number }) => r.text.slice(f.end, f.end + 4);
    const body = r.findings.filter((f) => f.where === 'body' && f.text.includes('永利娱乐城'));
    // "永利娱乐城公布了2016…" and "永利娱乐城2016年至…": the cut ends at the brand
    expect(body.filter((f) => f.text === '永利娱乐城').map(after)).toEqual(expect.arrayContaining(['公布了2', '2016']));
    for (const f of body) expect(f.text).not.toMatch(/公布|2016|相关/u);
    expect(r.cleanText).toContain('公布了2019年中期业绩报告');
    expect(r.cleanText).toContain('2016年至');
  });

  it('withoutArticleWords: only words the article uses elsewhere, punctuation and a date go', () => {
    const used = new Set(['公布', '门诊', '同时']);
    const cut = (text: string, brand: string) => {
      const at = text.indexOf(brand);
      const [sp] = withoutArticleWords(text, [{ start: 0, end: text.length }], [{ start: at, end: at + brand.length }], (t) => segment(t), (w) => used.has(w));
      return text.slice(sp.start, sp.end);
    };
    expect(cut('同时，威尼斯人官网', '威尼斯人官网')).toBe('威尼斯人官网');
    expect(cut('太阳城集团门诊', '太阳城集团')).toBe('太阳城集团');
    expect(cut('永利娱乐城9', '永利娱乐城')).toBe('永利娱乐城9');
    // the plug's own words and a glued character stay
    expect(cut('靠谱的同城约炮', '同城约炮')).toBe('靠谱的同城约炮');
    expect(cut('金沙威尼斯', '沙威尼斯')).toBe('金沙威尼斯');
  });

  it('withoutArticleWords: the halves of a word the plug was spliced into stay, a glued character that makes no word goes', () => {
    // the token head's span is the plug with one or two characters of the article on each side
    const cut = (text: string, span: string, anchor: string) => {
      const s = text.indexOf(span);
      const a = text.indexOf(anchor);
      const [sp] = withoutArticleWords(text, [{ start: s, end: s + span.length }], [{ start: a, end: a + anchor.length }], (t) => segment(t), () => false);
      return text.slice(sp.start, sp.end);
    };
    expect(cut('经济发股票配资平台展迅速', '发股票配资平台展', '股票配资平台')).toBe('股票配资平台');
    expect(cut('他一股票配资平台直未表态', '一股票配资平台直未', '股票配资平台')).toBe('股票配资平台');
    expect(cut('都市频道曝股票配资光，引发热议', '股票配资光', '股票配资')).toBe('股票配资');
    // 金 of the brand makes no word with what follows the plug (副校監 / 开展): it stays with the brand
    expect(cut('并认同金沙威尼斯副校監', '金沙威尼斯', '沙威尼斯')).toBe('金沙威尼斯');
    expect(cut('并认同金沙威尼斯开展新学年', '金沙威尼斯', '沙威尼斯')).toBe('金沙威尼斯');
  });

  it('a plug spliced into a word of a real story is cut exactly, and the word stays whole', () => {
    const html = gunzipSync(readFileSync(join(sharedDataDir(), 'gne-chinese-news/html/163/1.html.gz'))).toString('utf8');
    const plain = analyze(html);
    for (const word of ['发展', '规模', '增长', '一直']) {
      expect(plain.text).toContain(word);
      const r = analyze(html.replace(word, `${word[0]}股票配资平台${word.slice(1)}`));
      const f = r.findings.find((x) => x.text.includes('股票配资平台'));
      expect(f?.text, word).toBe('股票配资平台');
      expect(r.cleanText.split(word).length, word).toBe(plain.cleanText.split(word).length);
    }
  });
});

describe('a stop word between a title-case plug and its span\'s edge goes back to the sentence', () => {
  const stops = new Set(STOP_WORDS.en);
  // [sentence, the span the token head drew, the cut]
  const cases: [string, string, string][] = [
    ['Photos released online and Crypto Casino & Casino Welcome Offer are making the rounds', 'and Crypto Casino & Casino Welcome', 'Crypto Casino & Casino Welcome'],
    ['as described by the Best Forex Trading Signals in the paper', 'the Best Forex Trading Signals', 'Best Forex Trading Signals'],
    ['in the Crypto Casino Welcome of it', 'Crypto Casino Welcome of', 'Crypto Casino Welcome'],
    // a content word, two words, or a span touching no title-case run keep their edges
    ['released online with Crypto Casino Welcome in it', 'online with Crypto Casino Welcome', 'online with Crypto Casino Welcome'],
    ['released online buy cheap viagra in it', 'buy cheap viagra', 'buy cheap viagra'],
  ];
  for (const [sentence, drawn, cut] of cases) {
    it(`${drawn} -> ${cut}`, () => {
      const at = sentence.indexOf(drawn);
      const [w] = withoutStopWordEdges(sentence, [{ start: at, end: at + drawn.length }], titleCaseRuns(sentence), stops);
      expect(sentence.slice(w.start, w.end)).toBe(cut);
    });
  }
});
