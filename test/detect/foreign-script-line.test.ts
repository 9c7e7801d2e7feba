// A short line in Han or kana on a page in a Latin-script language is in its own script's language, whatever its
// length: a Japanese plug of fifteen characters in a German story is a language mismatch as an English one of forty
// letters is (languageMismatch counts a CJK character as detectLang weighs it). The German page is a real clean page
// of ../shared/data (in no corpus split).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { blockLang } from '../../src/detect/context.js';
import { sharedDataDir } from '../../src/util/paths.js';

const page = (name: string): string => gunzipSync(readFileSync(join(sharedDataDir(), 'trafilatura-eval', 'cache', name))).toString('utf8');
const AFTER = 'Hier informieren wir Sie, was Sie beachten müssen.</p>';
const withLine = (line: string) => {
  const html = page('bmjv.de.konsum.html.gz');
  expect(html).toContain(AFTER);
  return html.replace(AFTER, `${AFTER}<p>${line}</p>`);
};

describe('a short line in another script', () => {
  it("takes its script's language on a Latin-script page, the page's own on a CJK page", () => {
    expect(blockLang('5) 期間限定セール、今すぐ購入', 'de')).toBe('ja');
    expect(blockLang('新闻中心', 'en')).toBe('zh');
    // on a Japanese page a short kanji-only line stays Japanese
    expect(blockLang('東京都庁', 'ja')).toBe('ja');
    // a few Latin words name no language: the page's
    expect(blockLang('Mehr lesen', 'de')).toBe('de');
  });
  it('a Japanese call to action in a German article is cut as a promo line', () => {
    // the call to action alone is weak evidence; the line's language, not the article's, makes it a finding
    const line = '今すぐ登録、入会特典つき';
    const r = analyze(withLine(line));
    expect(r.verdict).toBe('contaminated');
    expect(r.findings.map((f) => [f.kind, f.text])).toEqual([['promo-line', line]]);
    expect(r.findings[0].rules.some((h) => h.rule === 'STRUCT_LANGUAGE_MISMATCH')).toBe(true);
    expect(r.cleanText).not.toContain('入会特典');
  });
  it('a Japanese line with no spam evidence stays: the mismatch alone makes no finding', () => {
    const r = analyze(withLine('東京都消費生活総合センターの相談窓口'));
    expect(r.findings).toEqual([]);
    expect(r.cleanText).toContain('東京都消費生活総合センターの相談窓口');
  });
});
