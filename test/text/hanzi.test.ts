// Traditional characters read as simplified, one char for one char (OpenCC's tables), for the rule matcher.
import { describe, expect, it } from 'vitest';
import { simplifiedChar, toSimplified } from '../../src/text/index.js';

describe('toSimplified', () => {
  it('reads traditional (and Taiwan and Hong Kong variant) characters as simplified, keeping the length', () => {
    expect(toSimplified('澳門新葡京娛樂場官網')).toBe('澳门新葡京娱乐场官网');
    expect(toSimplified('為客戶提供專業的網站建設')).toBe('为客户提供专业的网站建设');
    // 裡 is Taiwan's variant of 裏, whose simplified form is 里
    expect(toSimplified('這裡')).toBe('这里');
    const s = '股票配資平台，開戶送彩金';
    expect(toSimplified(s)).toHaveLength(s.length);
  });
  it('leaves simplified Chinese, kana, Latin and astral characters as they are (the same string)', () => {
    for (const s of ['股票配资平台', 'オンラインカジノ 入金不要ボーナス', 'Online casino', '𠮷野家']) expect(toSimplified(s)).toBe(s);
    expect(simplifiedChar('a'.charCodeAt(0))).toBe(0x61);
  });
});
