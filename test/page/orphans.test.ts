// Prose a broken page leaves straight in a wrapper of the article (the <td> around the article's <font>, its <p>s
// closed early) is part of the article when it stands between two of its blocks; other text of the wrapper is not.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPage, decode } from '../../src/page/index.js';
import { sharedDataDir } from '../../src/util/paths.js';

const mainText = (html: string) => {
  const page = buildPage(html, {});
  return page.mainIds.map((id) => page.blocks[id].text).join('\n').replace(/\s+/g, '');
};
const para = (n: number) =>
  `第${n}段：国际新闻局开张伊始，就酝酿创办对外宣扬刊物，萧乾是这份刊物的元老之一，他回忆当时的工作节奏很紧，每星期要开三次编辑会议，讨论稿件和译文的质量。`;

describe('prose written into a wrapper of the article', () => {
  it('a real page (Sina book serial, GBK): the paragraph the parser put in the <td> is kept in place', () => {
    const dir = join(sharedDataDir(), 'chinese-web-content-extraction');
    const id = 'e3f3b532-95de-433e-a4b5-ad51bb981c96';
    const text = mainText(decode(readFileSync(join(dir, 'original', `${id}.html`))).html);
    const gold = decode(readFileSync(join(dir, 'cleaned', `${id}.txt`))).html.split('\n').map((l) => l.replace(/\s+/g, ''));
    const orphan = gold.find((l) => l.startsWith('，还在香港时'))!;
    expect(orphan.length).toBeGreaterThan(100);
    expect(text).toContain(orphan);
    // in its place: after the paragraph before it, before the one after it
    expect(text.indexOf(orphan)).toBeGreaterThan(text.indexOf('萧乾是这份刊物的元老'));
    expect(text.indexOf(orphan)).toBeLessThan(text.indexOf('国际新闻局正副局长乔冠华'));
  });

  it('only long prose between two article blocks joins: a short line, text before the article, a sibling box stay out', () => {
    const orphan = '这段文字直接写在表格单元格里，没有段落标签，却是正文的一部分：作者在这里讲述了他在香港为宣传刊物改稿的经历，以及与乔冠华熟悉起来的过程。';
    const html = `<html><body><table><tr><td>
      开头的一行没有标点也很短
      <div class="content"><p>${para(1)}</p><p>${para(2)}</p></div>
      ${orphan}
      <div class="content"><p>${para(3)}</p></div>
      点击这里订阅
      <div class="content"><p>${para(4)}</p></div>
      </td></tr></table></body></html>`;
    const text = mainText(html);
    expect(text).toContain(para(1).replace(/\s+/g, ''));
    expect(text).toContain(orphan);
    expect(text).not.toContain('点击这里订阅');
    expect(text).not.toContain('开头的一行');
  });
});
