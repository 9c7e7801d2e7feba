// A Latin spam word spelt out letter by letter to slip past keyword lists (v.i.a.g.r.a, c a s i n o, v-i-a-g-r-a):
// the rule matcher reads it as the word, the cut stays on the original characters.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { loadRules, matchText } from '../../src/detect/rules/index.js';
import { hasSpelt } from '../../src/text/index.js';
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
    const dir = join(sharedDataDir(), 'scrapinghub-article-extraction-benchmark', 'html');
    const f = readdirSync(dir).sort().find((x) => x.startsWith('06e5123e4ef7'))!;
    const html = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
    const p = [...html.matchAll(/<p[^>]*>([^<]{120,})/g)][2];
    const at = p.index! + p[0].indexOf(', ') + 2;
    const plug = 'buy c.h.e.a.p v.i.a.g.r.a online';
    const r = analyze(html.slice(0, at) + plug + ' ' + html.slice(at));
    expect(analyze(html).verdict).toBe('clean');
    expect(r.findings.map((x) => x.text)).toEqual([plug]);
    expect(r.cleanText).not.toContain('v.i.a.g.r.a');
  });
});
