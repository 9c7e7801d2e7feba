// A Chinese or Japanese plug spliced into a sentence of an English page: the sentence's own words keep its p low, so
// the run is asked about alone and cut exactly; names and quotes in CJK inside English sentences stay.
// The page is a real clean WSJ teaser page of ../shared/data; the plugs are spliced into its article text.
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { unitP } from '../../src/detect/classifier.js';
import { loadModel } from '../../src/detect/model.js';
import { INSIDE_RUN_P, UNIT_ALONE_P } from '../../src/detect/detector.js';
import { cjkRunsInLatin, kanaRunsInHan, runInsideLatin } from '../../src/text/index.js';
import { sharedDataDir } from '../../src/util/paths.js';
import { spliceAfter } from '../helpers/splice.js';
import { firstInBand } from '../helpers/band.js';

const DIR = join(sharedDataDir(), 'scrapinghub-article-extraction-benchmark', 'html');
const html = (): string => {
  const name = readdirSync(DIR).find((f) => f.startsWith('7ab16ade32386ece'))!;
  return gunzipSync(readFileSync(join(DIR, name))).toString('utf8');
};
const AT = 'by the league for ';
const splice = (plug: string) => spliceAfter(html(), AT, plug);

describe('a CJK run spliced into a Latin sentence', () => {
  const model = loadModel()!;
  it('is cut exactly, and the rest of the sentence stays', () => {
    for (const plug of ['オンラインカジノ 入金不要ボーナス', '线上博彩平台注册送彩金']) {
      expect(unitP(plug, model)).toBeGreaterThanOrEqual(UNIT_ALONE_P);
      const r = analyze(splice(plug));
      const f = r.findings.filter((x) => x.text.includes(plug.slice(0, 3)));
      expect(f.map((x) => [x.kind, x.text]), plug).toEqual([['spliced-phrase', plug]]);
      expect(r.cleanText).toContain('suspended without pay by the league for');
      expect(r.cleanText).toContain('the rest of the season');
      expect(r.cleanText).not.toContain(plug);
    }
  });
  it('a run whose words a rule calls spam and the classifier does not know is cut: the splice adds its points', () => {
    const plug = '闇金 おすすめ';
    expect(unitP(plug, model)).toBeLessThan(UNIT_ALONE_P);
    const r = analyze(splice(plug));
    const f = r.findings.filter((x) => x.text.includes('闇金'));
    expect(f.map((x) => [x.kind, x.text])).toEqual([['spliced-phrase', plug]]);
    expect(f[0].rules.map((h) => h.rule)).toContain('STRUCT_SCRIPT_SPLICE');
    expect(r.cleanText).not.toContain('闇金');
    expect(r.cleanText).toContain('the rest of the season');
  });
  /**
   * A plug the classifier leans to call spam without reaching UNIT_ALONE_P: the first in that band (a retrained model
   * moves each p a little; the band, not one plug's p, is what the checks need).
   */
  const plugInBand = (): string =>
    firstInBand(['人気ダイエットサプリ通販', '人気ダイエットサプリ販売', '人気コスメ通販サイト', '人気サプリ通販サイト', '激安コスメ通販'], INSIDE_RUN_P, UNIT_ALONE_P, '[INSIDE_RUN_P, UNIT_ALONE_P)');
  it('a run standing inside the words is cut at INSIDE_RUN_P: its shape corroborates a vote short of UNIT_ALONE_P', () => {
    const plug = plugInBand();
    const r = analyze(splice(plug));
    expect(r.findings.filter((x) => x.text.includes('通販') || x.text.includes('販売')).map((x) => [x.kind, x.text])).toEqual([['spliced-phrase', plug]]);
    expect(r.cleanText).toContain('suspended without pay by the league for');
    expect(r.cleanText).toContain('the rest of the season');
  });
  it('a run standing inside the words of an English quotation is no word of the speaker\'s: it is cut, not excused as quoted', () => {
    const plug = plugInBand();
    const quote = (q: string) => `<html><head><title>Probe finds weak plumes on Europa</title></head><body><h1>Probe finds weak plumes on Europa</h1>
      <p>Earlier missions had reported plumes of water vapour above the moon, and the new survey looked for them on seventeen nights over two years.</p>
      <p>${q} Paganini and his team wrote in the paper published on Monday.</p>
      <p>The team plans further observations with the next generation of telescopes, which will be able to detect much smaller amounts of water.</p></body></html>`;
    const r = analyze(quote(`"We suggest that the outgassing occurs at lower levels than previously estimated, with only ${plug} rare localized events of stronger activity,"`));
    const f = r.findings.filter((x) => x.text.includes(plug.slice(0, 4)));
    expect(f.map((x) => [x.kind, x.text])).toEqual([['spliced-phrase', plug]]);
    expect(f[0].rules.map((h) => h.rule)).not.toContain('QUOTED');
    expect(r.cleanText).toContain('with only rare localized events');
    // the same words as the quotation itself are reported speech
    expect(analyze(quote(`The sign on the shop read "${plug}" in red letters, and the reporters photographed it,`)).findings).toEqual([]);
  });
  it('runInsideLatin: spaces and two words on each side, no bracket beside it', () => {
    const inside = (s: string) => cjkRunsInLatin(s, 3).map((r) => runInsideLatin(s, r));
    expect(inside('Gegen Ende der Renaissance hat man 人気ダイエットサプリ die formende Wäsche')).toEqual([true]);
    expect(inside('However, a recent trip to 出塚水産 (Dezuka Suisan), a kamaboko shop')).toEqual([false]);
    // the word explained stands inside the words by shape; only its vote can make it a finding (p 0.53 on the real page)
    expect(inside('The phrase is やめておく(shortened to やめとく in casual speech) which means')).toEqual([false, true]);
    expect(unitP('やめとく', model)).toBeLessThan(INSIDE_RUN_P);
    expect(inside('友情链接 / Friendship link to our partners')).toEqual([false]);
    expect(inside('Senayan Istora体育馆 hosted the final round')).toEqual([false]);
  });
  it('a name or a quoted title in Chinese inside the sentence stays (the run alone is not spam)', () => {
    for (const name of ['中国人民银行', '《人民日报》', '东京奥运会']) {
      expect(unitP(name, model)).toBeLessThan(INSIDE_RUN_P);
      const r = analyze(splice(name));
      expect(r.findings.filter((x) => x.text.includes(name)), name).toEqual([]);
      expect(r.cleanText).toContain(`${AT}${name} the rest`);
    }
  });
});

// A Japanese plug spliced into a Chinese sentence of a real clean NetEase story: the kana make the run, the Chinese
// around it the host; the run is asked about alone at UNIT_ALONE_P. Japanese names in Chinese text stay.
describe('a Japanese run spliced into a Chinese sentence', () => {
  const model = loadModel()!;
  const NETEASE = join(sharedDataDir(), 'gne-chinese-news', 'html', '163', '1.html.gz');
  const ZH_AT = '将近年来的“龙湖故事”公诸于众';
  const zhSplice = (plug: string) => spliceAfter(gunzipSync(readFileSync(NETEASE)).toString('utf8'), ZH_AT, plug).replace(`${ZH_AT}${plug} `, `${ZH_AT}${plug}`);
  it('kanaRunsInHan: kana clusters joined across a few Han characters, Chinese around them; none in Japanese text', () => {
    const s = '可是，为了他人的ポイント還元|クイーンモール快乐而牺牲自己的快乐。';
    expect(kanaRunsInHan(s, 3).map((r) => s.slice(r.start, r.end))).toEqual(['ポイント還元|クイーンモール']);
    expect(kanaRunsInHan('東京都は新しい計画を発表した。市民は歓迎している。', 3)).toEqual([]);
    expect(kanaRunsInHan('我の朋友今天来了北京参加会议并发表讲话', 3)).toEqual([]);
  });
  it('is cut exactly, and the sentence around it stays', () => {
    // a plug no rule knows, opening with kana: one opening with kanji (出金早いカジノ) loses only its kana part, the
    // kanji before them being indistinguishable from the Chinese sentence's
    const plug = 'ブランド財布通販';
    expect(unitP(plug, model)).toBeGreaterThanOrEqual(UNIT_ALONE_P);
    const r = analyze(zhSplice(plug));
    expect(r.findings.filter((x) => x.text.includes('ブランド')).map((x) => [x.kind, x.text])).toEqual([['spliced-phrase', plug]]);
    expect(r.cleanText).toContain(ZH_AT);
    expect(r.cleanText).not.toContain('ブランド');
  });
  it('a Japanese name in the Chinese sentence stays', () => {
    for (const name of ['ユニクロ', 'スタジオジブリ', 'ポケモンセンター']) {
      expect(unitP(name, model)).toBeLessThan(UNIT_ALONE_P);
      const r = analyze(zhSplice(name));
      expect(r.findings.filter((x) => x.text.includes(name)), name).toEqual([]);
    }
  });
});
