// A spam keyword put into a page's <title> where the displayed headline comes from elsewhere (the h1, og:title, or
// a <title> whose short first part the page stage takes for the site's name): the page stage keeps the <title>'s
// other parts as blocks of region 'title' after the page's blocks, and detection judges each part as a headline
// affix, on spam evidence of its own. The pages are real clean pages of ../shared/data (GNE news, Scrapinghub).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildPage } from '../../src/page/index.js';
import { unreadTitleParts } from '../../src/page/title.js';
import { sharedDataDir } from '../../src/util/paths.js';
import { spamPages, normScore } from '../../dev/eval/real-pages.js';

const read = (rel: string): string => gunzipSync(readFileSync(join(sharedDataDir(), rel))).toString('utf8');
/** The page with `before` put in front of its <title>'s text and `after` behind it. */
const retitled = (html: string, before: string, after = ''): string => {
  const m = /<title>([^<]+)<\/title>/i.exec(html);
  expect(m).not.toBeNull();
  return html.replace(m![0], `<title>${before}${m![1]}${after}</title>`);
};
const titleParts = (html: string): string[] => buildPage(html).blocks.filter((b) => b.id > 0 && b.region === 'title').map((b) => b.text);

// GNE: the headline is the h1, the <title> adds the channel and the site ("-股票频道-和讯网")
const HEXUN = 'gne-chinese-news/html/hexun/1.html.gz';
// GNE: no h1, no og:title; the <title> is the headline alone
const BAIJIAHAO = 'gne-chinese-news/html/baijiahao/1.html.gz';
// Scrapinghub (WSJ): the headline is og:title, the <title> adds " - WSJ"
const WSJ = 'scrapinghub-article-extraction-benchmark/html/042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856.html.gz';

describe('the <title> text the headline leaves out', () => {
  it('is kept as parts of region title, never in the clean text', () => {
    const html = read(HEXUN);
    expect(titleParts(html)).toEqual(['股票频道-和讯网']);
    expect(titleParts(retitled(html, '股票配资 - '))).toEqual(['股票配资', '股票频道-和讯网']);
    // a <title> that is the headline alone adds nothing
    expect(titleParts(read(BAIJIAHAO))).toEqual([]);
    // a headline not in the <title> at all: each of the <title>'s parts
    expect(unreadTitleParts('Buy Viagra Online | Disney+ glitches blamed on demand - CNET', "'We had some issues,' exec says")).toEqual([
      'Buy Viagra Online',
      'Disney+ glitches blamed on demand - CNET',
    ]);
    const r = analyze(retitled(html, '股票配资 - '));
    expect(r.cleanText).not.toContain('股票频道');
  });

  it('a keyword before the <title> of a page whose headline is its h1 is found there, and the site part is not', () => {
    const clean = analyze(read(HEXUN));
    expect(clean.findings).toEqual([]);
    const r = analyze(retitled(read(HEXUN), '在线配资平台 - '));
    expect(r.verdict).toBe('contaminated');
    expect(r.findings.map((f) => [f.kind, f.where, f.text])).toEqual([['title-affix', 'title', '在线配资平台']]);
    expect(r.cleanTitle).toBe(clean.cleanTitle);
    // after the site's name: the keyword alone, not the real site's name beside it (a spam site name, not branding)
    const after = analyze(retitled(read(HEXUN), '', ' - 在线配资平台'));
    expect(after.findings.map((f) => [f.where, f.text])).toEqual([['title', '在线配资平台']]);
  });

  it('a keyword the page stage took for the site name of a <title>-only headline is found', () => {
    expect(analyze(read(BAIJIAHAO)).findings).toEqual([]);
    const r = analyze(retitled(read(BAIJIAHAO), '股票配资 - '));
    expect(r.findings.map((f) => [f.where, f.text])).toContainEqual(['title', '股票配资']);
    expect(r.cleanText).toContain('英国美女在殡仪馆工作太痛苦');
  });

  it('a keyword before or after the <title> of a page whose headline is og:title is found, the site name beside it is not', () => {
    expect(analyze(read(WSJ)).findings).toEqual([]);
    const before = analyze(retitled(read(WSJ), 'Buy Viagra Online | '));
    expect(before.findings.map((f) => [f.where, f.text])).toEqual([['title', 'Buy Viagra Online']]);
    const after = analyze(retitled(read(WSJ), '', ' | Online Casino Bonus'));
    expect(after.findings.map((f) => [f.where, f.text])).toEqual([['title', 'Online Casino Bonus']]);
  });
});

describe('a <title> part with no rule match, judged by the classifier alone', () => {
  it('is cut when it has words enough and the article never uses them (unreadAlone)', () => {
    // no rule knows this Indonesian abortion-pill plug; the classifier asked about it alone says spam
    const r = analyze(retitled(read(WSJ), '', ' | jual obat penggugur'));
    expect(r.findings.map((f) => [f.kind, f.where, f.text])).toEqual([['title-affix', 'title', 'jual obat penggugur']]);
    expect(r.findings[0].rules.map((h) => h.rule)).toContain('CLASSIFIER');
    expect(r.findings[0].rules.every((h) => h.rule === 'CLASSIFIER' || h.rule.startsWith('STRUCT_'))).toBe(true);
  });

  it("is kept when it is a name's few words: a site's name is the brand-shaped text the classifier alone calls spam", () => {
    // "Minuto30", a Colombian news site's name: p > AFFIX_ALONE_P, one word
    expect(analyze(retitled(read(WSJ), 'Minuto30 | ')).findings).toEqual([]);
  });
});

describe('a headline that is spam as a whole', () => {
  it('en-zalman-encoded-title-affix (spam-pages dev): the clean title is the rest of the <title>, not empty', () => {
    const p = spamPages('dev').find((x) => x.label.id === 'en-zalman-encoded-title-affix')!;
    const r = analyze(p.html);
    expect(r.findings.map((f) => [f.kind, f.where, f.blockId])).toContainEqual(['title-affix', 'title', 0]);
    expect(normScore(r.cleanTitle)).toBe(normScore(p.label.title!));
    for (const s of p.label.spam) expect(normScore(r.cleanTitle).includes(normScore(s))).toBe(false);
  });
});
