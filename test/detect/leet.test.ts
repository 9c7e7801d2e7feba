// Digits and signs standing for letters inside a Latin spam word (v1agra, vi@gra, c@sino, ca$ino): the rule matcher
// reads them as the letters, one char for one, and the cut stays on the original characters. Digits that are not
// between two letters (bet365, 1xbet, 2017, covid19) are read as they are.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { loadRules, matchText } from '../../src/detect/rules/index.js';
import { hasLeet, unleet } from '../../src/text/index.js';
import { sharedDataDir } from '../../src/util/paths.js';

const rules = loadRules();
const ids = (t: string) => matchText(rules, t, { lang: 'en', where: 'body' }).map((m) => m.rule.id);

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
    const dir = join(sharedDataDir(), 'scrapinghub-article-extraction-benchmark', 'html');
    const f = readdirSync(dir).sort().find((x) => x.startsWith('06e5123e4ef7'))!;
    const html = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
    const p = [...html.matchAll(/<p[^>]*>([^<]{120,})/g)][2];
    const at = p.index! + p[0].indexOf(', ') + 2;
    const plug = 'buy ch3ap v1agra online';
    const r = analyze(html.slice(0, at) + plug + ' ' + html.slice(at));
    expect(analyze(html).verdict).toBe('clean');
    expect(r.findings.map((x) => x.text)).toEqual([plug]);
    expect(r.cleanText).not.toContain('v1agra');
  });
});
