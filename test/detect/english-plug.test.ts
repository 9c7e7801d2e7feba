// An English commercial plug spliced into a sentence of a page in another Latin-script language: the commercial
// rules written in English (pharma buy plugs, casino offers, speed and guarantee claims) meet every block, since
// spam networks splice English plugs into German, French or Portuguese pages alike. The page is a real clean German
// ministry page of ../shared/data (in no corpus split); the plugs are spliced into its article text.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { sharedDataDir } from '../../src/util/paths.js';
import { spliceAfter } from '../helpers/splice.js';

const html = (): string => gunzipSync(readFileSync(join(sharedDataDir(), 'trafilatura-eval', 'cache', 'bmjv.de.konsum.html.gz'))).toString('utf8');
const AT = 'Sie räumen Unternehmern das Recht ein, ';
const splice = (plug: string) => spliceAfter(html(), AT, plug);

describe('an English commercial plug in a German sentence', () => {
  it('the clean page has no finding and keeps the sentence', () => {
    const r = analyze(html());
    expect(r.findings).toEqual([]);
    expect(r.cleanText).toContain(`${AT}Preise während der Vertragslaufzeit anzupassen`);
  });
  it('is cut, and the German words around it stay', () => {
    for (const plug of ['Cheap Tramadol', 'Casino Instant Withdrawals', '100% Guaranteed Approval Loans']) {
      const r = analyze(splice(plug));
      expect(r.verdict, plug).toBe('contaminated');
      expect(r.cleanText, plug).not.toContain(plug);
      expect(r.cleanText, plug).toContain('Sie räumen Unternehmern das Recht ein');
      expect(r.cleanText, plug).toContain('Preise während der Vertragslaufzeit anzupassen');
    }
  });
  it('German words that English offers share stay (Bonus, Cashback, sofort)', () => {
    for (const words of ['mit einem Bonus von 50 Euro und Cashback', 'und sofortiger Auszahlung der Prämie']) {
      const r = analyze(splice(words));
      expect(r.findings, words).toEqual([]);
      expect(r.cleanText).toContain(`${AT}${words} Preise`);
    }
  });
});
