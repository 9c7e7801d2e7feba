// The detector's machinery on exact inputs: sorted-span look-ups, overlap resolution, host labels, the site's own
// domains, the spam-evidence requirement and the threshold option.
import { describe, it, expect } from 'vitest';
import { SpanSet, lowerBound, within } from '../../src/detect/spans.js';
import { resolveOverlaps } from '../../src/detect/resolve.js';
import { spammyHost } from '../../src/detect/structural.js';
import { siteDomains, spamEvidence, linkDomain, STRONG_MODEL_POINTS, CORROBORATING_MODEL_POINTS } from '../../src/detect/evidence.js';
import { isQuoted } from '../../src/detect/consistency.js';
import { sumPoints } from '../../src/detect/scoring.js';
import { loadRules } from '../../src/detect/rules/index.js';
import { buildPage } from '../../src/page/index.js';
import type { RuleHit } from '../../src/detect/types.js';
import { fuzzyMatches, buildContext, ruleLangs, MIN_LANG_CHARS } from '../../src/detect/context.js';
import { matchTextLangs } from '../../src/detect/rules/index.js';
import { detectLang, sentences } from '../../src/text/index.js';
import { editDistance } from '../../src/util/edit.js';

const hit = (rule: string, points: number): RuleHit => ({ rule, points, description: rule, evidence: '' });

describe('sorted spans', () => {
  const spans = [
    { start: 0, end: 4 },
    { start: 2, end: 30 },
    { start: 10, end: 12 },
    { start: 40, end: 45 },
  ];
  it('lowerBound and within', () => {
    expect(lowerBound(spans, 0)).toBe(0);
    expect(lowerBound(spans, 3)).toBe(2);
    expect(lowerBound(spans, 46)).toBe(4);
    expect(within(spans, 2, 30)).toEqual([{ start: 2, end: 30 }, { start: 10, end: 12 }]);
    expect(within(spans, 5, 40)).toEqual([{ start: 10, end: 12 }]);
  });
  it('SpanSet answers overlap through a long span that starts early', () => {
    const set = new SpanSet(spans);
    expect(set.overlaps(20, 25)).toBe(true); // inside [2,30) only
    expect(set.overlaps(30, 40)).toBe(false);
    expect(set.overlaps(44, 50)).toBe(true);
    expect(set.holds(9, 13)).toBe(true);
    expect(set.holds(13, 40)).toBe(false);
    expect(new SpanSet([]).overlaps(0, 10)).toBe(false);
  });

  it('SpanSet lists the spans over a range as a scan of all of them would, over random spans', () => {
    let seed = 7;
    const r = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
    const all = Array.from({ length: 300 }, () => {
      const start = r(1000);
      return { start, end: start + 1 + r(r(4) === 0 ? 400 : 20) };
    });
    const set = new SpanSet(all);
    for (let k = 0; k < 500; k++) {
      const s = r(1100);
      const e = s + 1 + r(60);
      const key = (x: { start: number; end: number }) => `${x.start}-${x.end}`;
      const scan = all.filter((x) => x.start < e && x.end > s).map(key).sort();
      expect(set.overlapping(s, e).map(key).sort()).toEqual(scan);
    }
  });
});

describe('overlap resolution', () => {
  const cand = (start: number, end: number, points: number, rules: string[] = []) => ({
    c: { start, end },
    hits: [hit('LEX', points), ...rules.map((r) => hit(r, 0))],
    points,
  });
  it('keeps the strongest of overlapping candidates, in text order, and merges structural evidence of one inside it', () => {
    const out = resolveOverlaps([cand(0, 10, 4), cand(2, 5, 3, ['STRUCT_TITLE_AFFIX']), cand(8, 20, 5), cand(30, 40, 3.5)], sumPoints);
    // [0,10) loses to the stronger [8,20); [2,5) no longer overlaps a winner and stands
    expect(out.map((x) => [x.c.start, x.c.end])).toEqual([
      [2, 5],
      [8, 20],
      [30, 40],
    ]);
    const nested = resolveOverlaps([cand(0, 10, 4), cand(2, 5, 3, ['STRUCT_TITLE_AFFIX'])], sumPoints);
    expect(nested).toHaveLength(1);
    expect(nested[0].hits.map((h) => h.rule)).toEqual(['LEX', 'STRUCT_TITLE_AFFIX']);
  });
  it('on a tie the longer span wins', () => {
    const out = resolveOverlaps([cand(0, 4, 4), cand(0, 9, 4)], sumPoints);
    expect(out.map((x) => x.c.end)).toEqual([9]);
  });
  it('twenty thousand disjoint and overlapping candidates resolve to the disjoint winners', () => {
    const many = [];
    for (let i = 0; i < 10000; i++) {
      many.push(cand(i * 10, i * 10 + 6, 4));
      many.push(cand(i * 10 + 3, i * 10 + 8, 3.6));
    }
    const out = resolveOverlaps(many, sumPoints);
    expect(out).toHaveLength(10000);
    expect(out.every((x, i) => x.c.start === i * 10)).toBe(true);
  });
});

describe('link hosts by whole labels', () => {
  it('spam words inside a real name do not count', () => {
    for (const h of ['https://www.sfchronicle.com/a', 'https://www.essexlive.news/b', 'https://www.middlesex.gov/c', 'https://judiciary.gov.uk/', 'https://www.bbc.co.uk/news']) {
      expect(spammyHost(h), h).toBe(false);
    }
  });
  it('spam words as labels, glued casino/slot stems, digit runs and throwaway suffixes do', () => {
    for (const h of ['http://sf-cash.com/', 'https://bestonlinecasinos777.org/', 'http://slotcash476.com/', 'http://spinqi.us.com/', 'http://win.vip/']) {
      expect(spammyHost(h), h).toBe(true);
    }
  });
  it('registrable domains come from the public suffix list', () => {
    expect(linkDomain('https://news.bbc.co.uk/x')).toBe('bbc.co.uk');
    expect(linkDomain('//caipiao.163.com/ssq')).toBe('163.com');
    expect(linkDomain('/relative/path')).toBeNull();
  });
});

describe('the site own domains', () => {
  it('a page replayed under another host still knows the domain its links point to', () => {
    const links = ['news', 'sports', 'ent', 'money', 'caipiao'].map((s) => `<a href="https://${s}.163.com/">${s}</a>`).join(' ');
    const page = buildPage(`<html><body><nav>${links}</nav><p>正文内容。</p><a href="https://weibo.com/x">微博</a></body></html>`, { url: 'http://replay.example.org/a.html' });
    expect([...siteDomains(page)].sort()).toEqual(['163.com', 'example.org']);
  });
});

describe('spam evidence', () => {
  const rules = loadRules();
  it('structure and a weak classifier vote are not evidence; rule points and a strong vote are', () => {
    expect(spamEvidence([hit('STRUCT_TITLE_AFFIX', 3), hit('CLASSIFIER', 1.2), hit('OFF_TOPIC', 1.5)], rules)).toBe(0);
    expect(spamEvidence([hit('STRUCT_TITLE_AFFIX', 3), hit('CLASSIFIER', STRONG_MODEL_POINTS)], rules)).toBe(STRONG_MODEL_POINTS);
    expect(spamEvidence([hit('ZH_MARGIN_LENDING_STRONG', 3.5), hit('ZH_NEWS_ENFORCEMENT', -2.5)], rules)).toBe(3.5);
    // spam words in link host names are words, not shape
    expect(spamEvidence([hit('STRUCT_SPAM_LINK_HOSTS', 3)], rules)).toBe(3);
  });

  it("a vote a copyright footer cancels is no evidence: a line that lends its evidence to a site's name lends none", () => {
    const footer = { ...hit('MULTI_LEGAL_FOOTER', -2), cancels: 'CLASSIFIER' as const };
    // the vote the footer leaves is what counts, as in sumPoints
    expect(spamEvidence([hit('STRUCT_SITE_BRANDING', 2), footer, hit('CLASSIFIER', 2.5)], rules)).toBe(0);
    expect(spamEvidence([footer, hit('CLASSIFIER', 2 + STRONG_MODEL_POINTS)], rules)).toBeCloseTo(STRONG_MODEL_POINTS);
    // the footer answers the vote only: a spam rule in the line keeps its points
    expect(spamEvidence([footer, hit('EN_PORN', 3.5), hit('CLASSIFIER', 2.5)], rules)).toBe(3.5);
  });

  it('a classifier vote that leans to spam counts beside a lexicon hit it agrees with, never alone', () => {
    const lean = (STRONG_MODEL_POINTS + CORROBORATING_MODEL_POINTS) / 2;
    expect(spamEvidence([hit('EN_GAME_SERVER_WEAK', 1), hit('CLASSIFIER', lean)], rules)).toBeCloseTo(1 + lean);
    expect(spamEvidence([hit('STRUCT_LANGUAGE_MISMATCH', 2.5), hit('CLASSIFIER', lean), hit('OFF_TOPIC', 1.5)], rules)).toBe(0);
    expect(spamEvidence([hit('EN_GAME_SERVER_WEAK', 1), hit('CLASSIFIER', CORROBORATING_MODEL_POINTS - 0.2)], rules)).toBe(1);
    // a ham rule is no agreement
    expect(spamEvidence([hit('ZH_NEWS_ENFORCEMENT', -2.5), hit('CLASSIFIER', lean)], rules)).toBe(0);
  });
});

describe('quotes', () => {
  it('finds the quotation pair around words, within reach', () => {
    const s = '据介绍,部分不法分子以“低息配资”“十倍杠杆”等为噱头招揽投资者。';
    const i = s.indexOf('低息配资');
    expect(isQuoted(s, i, i + 4)).toBe(true);
    expect(isQuoted('低息配资,十倍杠杆,秒到账,加微信了解', 0, 4)).toBe(false);
    const far = '“' + '字'.repeat(400) + '配资' + '”' + '后面还有一些正文内容在这里。';
    expect(isQuoted(far, 401, 403)).toBe(false);
  });
});

describe('misspelt brands (fuzzy lexicon terms)', () => {
  const rules = loadRules();
  const brands = (text: string) => fuzzyMatches(text, rules, []).map((m) => m.evidence);
  it('a listed brand written with one character added or swapped inside it matches', () => {
    expect(brands('合肥人生就是就博集团董事长吴晓东对举办此次篮球角逐给予了充分肯定')).toEqual(['人生就是就博']);
  });
  it('the listed brand itself, a prefix of it and ordinary words do not', () => {
    expect(brands('人生就是博')).toEqual([]);
    expect(brands('他说人生就是一场旅行，人生就是不断学习')).toEqual([]);
    expect(editDistance('人生就是就博', '人生就是博')).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
});

describe('page context', () => {
  it('a block repeating an earlier text has the language, matches and sentences it would have on its own', () => {
    const line = 'Free spins and a welcome bonus at casino88.vip, WhatsApp +62 812 3456 7890. Daftar sekarang!';
    const zh = '股票配资 官网入口 彩金 秒到账。人生就是就博 欢迎您。';
    const html = `<html><body><article><p>${'The council met on Tuesday to discuss the new budget for the schools of the city. '.repeat(4)}</p>
      <p>${line}</p><p>${zh}</p></article><ul><li>${line}</li><li>Home</li><li>Home</li><li>${zh}</li></ul>
      <div style="display:none"><p>${line}</p><p>${zh}</p></div><footer><p>${line}</p><p>${zh}</p></footer></body></html>`;
    const page = buildPage(html);
    const rules = loadRules();
    const ctx = buildContext(page, rules);
    const texts = page.blocks.map((b) => `${b.region}:${b.text}`);
    expect(texts.length - new Set(texts).size).toBeGreaterThanOrEqual(3);
    for (const bc of ctx.blocks) {
      const b = bc.block;
      const lang = bc.lang;
      expect(lang).toBe(b.text.length >= MIN_LANG_CHARS * 2 ? detectLang(b.text) : ctx.lang);
      const langs = ruleLangs(b.text, lang, ctx.lang);
      const own = matchTextLangs(rules, b.text, langs, b.region);
      const fuzzy = langs.has('zh') || langs.has('ja') ? fuzzyMatches(b.text, rules, own) : [];
      const expected = [...own, ...fuzzy].map((m) => ({ ...m, start: m.start + b.start, end: m.end + b.start })).sort((x, y) => x.start - y.start);
      expect(bc.matches, b.text).toEqual(expected);
      const sents = sentences(b.text).map((x) => ({ start: x.start + b.start, end: x.end + b.start }));
      expect(bc.sentences).toEqual(sents.length ? sents : [{ start: b.start, end: b.end }]);
    }
    expect(ctx.blocks.filter((bc) => bc.matches.length > 0).length).toBeGreaterThanOrEqual(6);
  });
});
