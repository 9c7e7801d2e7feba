// The classifier's vote alone is weak where the model knows little: a unit of few real words (an A–Z index of
// lone letters) and text in a language it has no training text in (a Russian recipe line scored p=0.975).
// Both shapes are taken from real clean pages of ../shared/data that such votes once flagged.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { wordWeight, CJK_CHARS_PER_WORD } from '../../src/detect/detector.js';
import { unitP } from '../../src/detect/classifier.js';
import { loadModel } from '../../src/detect/model.js';
import { sharedDataDir } from '../../src/util/paths.js';

const page = (rel: string) => gunzipSync(readFileSync(join(sharedDataDir(), rel)));
const RUSSIAN = 'scrapinghub-article-extraction-benchmark/html/3c6d3381ef52ca26be2fbde19c1b0fe17d85682b726dfecf5e300c1ca34546b1.html.gz';
const INDEX = 'trafilatura-eval/eval/hpd.de-Homosexuellenhass.html.gz';

describe('classifier vote where the model knows little', () => {
  it('the model does give these lines a high p: the cap is what keeps them', () => {
    const model = loadModel()!;
    expect(unitP('Быстрый, вкусный и полезный ужин готов!', model)).toBeGreaterThan(0.9);
    expect(unitP('1 | 9 | A | B | C | D | E | F | G | H | I | J | K | L | M | N | O | P | Q | R | S | T | Ü | V | W | Y | Z | §', model)).toBeGreaterThan(0.9);
  });
  it('a Russian recipe page and a German A–Z tag index stay clean', () => {
    for (const rel of [RUSSIAN, INDEX]) {
      const r = analyze(page(rel), { url: 'https://example.org/a' });
      expect(r.findings.map((f) => f.text), rel).toEqual([]);
    }
  });
});

describe('few-words shrink of the vote', () => {
  it('weighs a long Chinese or Japanese token as several words, a Latin word as one, punctuation as none', () => {
    expect(wordWeight('Buy Now')).toBe(2);
    expect(wordWeight('Loans | A – Z')).toBe(1);
    // jieba keeps 入金不要ボーナス and 线上博彩 whole: one token each, worth more than one English word
    expect(wordWeight('线上博彩平台注册送彩金')).toBeGreaterThanOrEqual(11 / CJK_CHARS_PER_WORD - 1);
    expect(wordWeight('东京')).toBe(1);
  });
});
