// A Latin spam word spelt out letter by letter to slip past keyword lists (v.i.a.g.r.a, c a s i n o, v-i-a-g-r-a), or
// with digits and signs for letters (v1agra, vi@gra, c@sino): the rule matcher reads it as the word, one char for
// one where it can, and the cut stays on the original characters. Digits that are not between two letters (bet365,
// 1xbet, 2017, covid19) are read as they are.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { loadRules, matchText } from '../../src/detect/rules/index.js';
import { hasLeet, hasSpelt, unleet } from '../../src/text/index.js';
import { sharedDataDir } from '../../src/util/paths.js';

const rules = loadRules();
const ids = (t: string) => matchText(rules, t, { lang: 'en', where: 'body' }).map((m) => m.rule.id);

describe('spelt-out words', () => {
  it('are read as the word they spell, with a dot, a space, a hyphen, a star or an underscore between the letters', () => {
    for (const t of ['buy v.i.a.g.r.a online', 'buy v i a g r a online', 'buy v-i-a-g-r-a online', 'buy v*i*a*g*r*a online', 'buy V.I.A.G.R.A online']) {
      expect(ids(t), t).toContain('EN_PHARMA_SALE');
    }
    expect(ids('online c a s i n o bonus')).toContain('EN_CASINO_PROMO');
  });
  it('initials, abbreviations and letters glued to a number are not spelt-out words', () => {
    for (const t of ['J. R. R. Tolkien wrote it', 'the U.S. and e.g. the U.K.', 'P.S. I love you', 'route v.i.a.g.r.a2 closed', 'a b c']) {
      expect(hasSpelt(t), t).toBe(false);
    }
    expect(hasSpelt('a b c d')).toBe(true);
  });
  it('in a real article sentence: the spelt-out plug is found and cut on its original characters', () => {
    const { clean, spliced } = inArticle('buy c.h.e.a.p v.i.a.g.r.a online');
    expect(clean.verdict).toBe('clean');
    expect(spliced.findings.map((x) => x.text)).toEqual(['buy c.h.e.a.p v.i.a.g.r.a online']);
    expect(spliced.cleanText).not.toContain('v.i.a.g.r.a');
  });
});

/** A real Scrapinghub article of ../shared/data analysed as it is and with the plug put inside one of its sentences. */
function inArticle(plug: string) {
  const dir = join(sharedDataDir(), 'scrapinghub-article-extraction-benchmark', 'html');
  const f = readdirSync(dir).sort().find((x) => x.startsWith('06e5123e4ef7'))!;
  const html = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
  const p = [...html.matchAll(/<p[^>]*>([^<]{120,})/g)][2];
  const at = p.index! + p[0].indexOf(', ') + 2;
  return { clean: analyze(html), spliced: analyze(html.slice(0, at) + plug + ' ' + html.slice(at)) };
}

describe('digits and signs for letters', () => {
  it('are read as the letters between two letters, same length', () => {
    expect(unleet('buy v1agra and c@sino ca$ino 0nline')).toBe('buy viagra and casino casino 0nline');
    for (const t of ['bet365', '1xbet', 'in 2017', 'covid19', 'mp3 player', 'a|b', 'wow!great']) expect(hasLeet(t), t).toBe(false);
    for (const t of ['v1agra', 'vi@gra', 'c@sino', 'cas1no', 'ca$ino']) expect(unleet(t).length).toBe(t.length);
  });
  it('let the rules read the word', () => {
    for (const t of ['buy v1agra online', 'buy vi@gra online', 'Buy V1AGRA Online']) expect(ids(t), t).toContain('EN_PHARMA_BUY');
    expect(ids('online c@sino bonus')).toContain('EN_CASINO_PROMO');
    expect(ids('the h1n1 and covid19 reports of 2017')).toEqual([]);
  });
  it('in a real article sentence: the plug is found and cut on its original characters', () => {
    const { spliced } = inArticle('buy ch3ap v1agra online');
    expect(spliced.findings.map((x) => x.text)).toEqual(['buy ch3ap v1agra online']);
    expect(spliced.cleanText).not.toContain('v1agra');
  });
});
