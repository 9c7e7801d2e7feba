// A ruby annotation (<rt>, with its <rp> brackets) is the reading set above its base text, not words of the sentence:
// the page text reads 子どもへの虐待, never 子こどもへの虐待ぎゃくたい.
import { describe, it, expect } from 'vitest';
import { buildPage } from '../../src/page/index.js';
import { expectKeepsSnippets } from './data.js';

const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('ruby annotations', () => {
  it('the base text is read, the readings and their brackets are not', () => {
    const html = `<!doctype html><html><head><title>法律</title></head><body><article><h1>体罰を禁止する法律</h1>
      <p><ruby>子<rt>こ</rt></ruby>どもへの<ruby>虐待<rp>(</rp><rt>ぎゃくたい</rt><rp>)</rp></ruby>をなくすための<ruby>法律<rt>ほうりつ</rt></ruby>ができて、親が子どもを教育するために体罰を禁止することになりました。</p>
      <p>中文也有<ruby>拼<rt>pīn</rt>音<rt>yīn</rt></ruby>注音的页面，读者看到的是汉字本身。</p>
      </article></body></html>`;
    const page = buildPage(html, {});
    expect(squeeze(page.text)).toContain('子どもへの虐待をなくすための法律ができて');
    expect(squeeze(page.text)).toContain('中文也有拼音注音的页面');
    for (const reading of ['ぎゃくたい', 'ほうりつ', '(', 'pīn', 'yīn']) expect(page.text).not.toContain(reading);
  });

  it('a real NHK easy-Japanese story (trafilatura-eval) keeps its must-keep sentences in the clean text', () => {
    expectKeepsSnippets('https://www3.nhk.or.jp/news/easy/k10011959621000/k10011959621000.html');
  });
});
