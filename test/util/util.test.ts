// The low-level helpers agree with the reference formulations they replace.
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/util/html.js';
import { isSpace, isSeparator, isZeroWidth, isBlank, isHan, isCjk, HAN_CLASS, ZERO_WIDTH_CHARS, nonSpaceLength } from '../../src/util/chars.js';
import { PACKAGE_ROOT } from '../../src/util/paths.js';
import { FOLD_ASCII_LOWER, FOLD_ASCII_LOWER_APOSTROPHE, FOLD_EXACT, SliceMap } from '../../src/util/slice-map.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('escapeHtml', () => {
  it('escapes the five specials, in text and attributes alike', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml('股票配资 plain')).toBe('股票配资 plain');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(3)).toBe('3');
  });
});

describe('chars', () => {
  it('isSpace is exactly JS \\s over the whole BMP', () => {
    const bad: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) bad.push(c);
    expect(bad).toEqual([]);
  });
  it('nonSpaceLength is the length of the slice with its \\s runs removed', () => {
    const texts = ['', '   ', 'a b\tc\n', '\u3000股票\u00a0配资 \u2028x\ufeff', ' lead and trail ', 'no-spaces'];
    for (const t of texts) {
      expect(nonSpaceLength(t)).toBe(t.replace(/\s+/g, '').length);
      for (let a = 0; a <= t.length; a++) for (let b = a; b <= t.length; b++) expect(nonSpaceLength(t, a, b)).toBe(t.slice(a, b).replace(/\s+/g, '').length);
    }
  });
  it('isZeroWidth is exactly the folded-away list; isBlank is their union', () => {
    for (let c = 0; c < 0x10000; c++) {
      expect(isZeroWidth(c)).toBe(ZERO_WIDTH_CHARS.includes(c));
      expect(isBlank(c)).toBe(isSpace(c) || ZERO_WIDTH_CHARS.includes(c));
    }
  });
  it('isHan matches HAN_CLASS; isCjk takes kana and hangul too', () => {
    const re = new RegExp(`[${HAN_CLASS}]`);
    for (let c = 0x2e80; c < 0x10000; c++) expect(isHan(c)).toBe(re.test(String.fromCharCode(c)));
    expect(['配', 'ア', 'か', '한'].map((s) => isCjk(s.charCodeAt(0)))).toEqual([true, true, true, true]);
    expect(['a', '。', '１'].map((s) => isCjk(s.charCodeAt(0)))).toEqual([false, false, false]);
  });
});

describe('paths', () => {
  it('PACKAGE_ROOT is the folder of winnow package.json', () => {
    expect(existsSync(join(PACKAGE_ROOT, 'package.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).name).toBe('winnow');
  });
});

describe('isSeparator', () => {
  it('is JS \\s plus NEL and ZERO WIDTH SPACE', () => {
    for (let c = 0; c < 0x10000; c++) expect(isSeparator(c)).toBe(/\s/.test(String.fromCharCode(c)) || c === 0x85 || c === 0x200b);
  });
});

describe('SliceMap', () => {
  const words = ['nav', 'tab', 'tabs', 'menu', "d'un", 'the'];
  const m = new SliceMap(words.map((w, i) => [w, i] as const), FOLD_ASCII_LOWER_APOSTROPHE);
  it('finds a key from a slice of a longer text, and only the exact key', () => {
    const text = 'main-nav tabs tab menubar d’un';
    const got: Array<[string, number | undefined]> = [];
    for (const t of text.matchAll(/[^\s-]+/g)) got.push([t[0], m.get(text, t.index!, t.index! + t[0].length)]);
    // the same answers as a Map of the sliced words, with ’ read as '
    const byWord = new Map(words.map((w, i) => [w, i]));
    expect(got).toEqual(got.map(([w]) => [w, byWord.get(w.replace('’', "'"))]));
    expect(got.filter(([, v]) => v !== undefined).map(([w]) => w)).toEqual(['nav', 'tabs', 'tab', 'd’un']);
    expect(m.get('navigation', 0, 10)).toBeUndefined();
    expect(m.get('xnavx', 1, 4)).toBe(0);
    expect(m.maxLen).toBe(4);
  });

  it('reads the chars of a slice as its fold says: exact, ASCII letters lower-cased (no other letter: Ｎ is no n), and ’ as \'', () => {
    const exact = new SliceMap(words.map((w, i) => [w, i] as const), FOLD_EXACT);
    const lower = new SliceMap(words.map((w, i) => [w, i] as const), FOLD_ASCII_LOWER);
    const at = (map: SliceMap<number>, s: string) => map.get(s, 0, s.length);
    expect(['nav', 'NAV', 'Tabs', 'd’un', "D'UN", '\uff2e\uff21\uff36'].map((s) => [at(exact, s), at(lower, s), at(m, s)])).toEqual([
      [0, 0, 0],
      [undefined, 0, 0],
      [undefined, 2, 2],
      [undefined, undefined, 4],
      [undefined, 4, 4],
      [undefined, undefined, undefined],
    ]);
  });

  it('get == a Map of the folded slice, for every slice of real text, under each fold', () => {
    // keys with letters in both cases, non-ASCII, apostrophes and one-char keys; texts with every fold's edge cases
    const keys = ['de', 'des', 'd', "d'un", 'también', 'été', 'The', 'the', 'a', 'x-y', 'NAV', 'nav', '新闻', 'ü'];
    const folds = [FOLD_EXACT, FOLD_ASCII_LOWER, FOLD_ASCII_LOWER_APOSTROPHE] as const;
    const foldOf = (fold: number, w: string) =>
      fold === FOLD_EXACT ? w : w.replace(/[A-Z]/g, (c) => c.toLowerCase()).replace(/’/g, fold === FOLD_ASCII_LOWER_APOSTROPHE ? "'" : '’');
    const text = "De THE the D’un d'un TAMBIÉN también Été été x-Y a A 新闻网 Nav nav ÜÜ ü Ü des DES ds";
    for (const fold of folds) {
      const map = new SliceMap(keys.map((k, i) => [k, i] as const), fold);
      const byKey = new Map(keys.map((k, i) => [k, i]));
      for (let a = 0; a <= text.length; a++) {
        for (let b = a; b <= text.length; b++) expect(map.get(text, a, b), `${fold} ${text.slice(a, b)}`).toBe(byKey.get(foldOf(fold, text.slice(a, b))));
      }
    }
  });
});
