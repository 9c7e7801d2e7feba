// A copyright footer is a shape the classifier takes for spam (a brand, a year, "All rights reserved"): MULTI_LEGAL_FOOTER
// answers that vote and only that vote (cancelsClassifier). A spam site's footer that names its porn or replica trade
// keeps its own words' points, and a low classifier vote is not cancelled twice. The page is a real clean German
// page of ../shared/data (in no corpus split) with a footer line added.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { countedHits, sumPoints } from '../../src/detect/scoring.js';
import { sharedDataDir } from '../../src/util/paths.js';

const page = (): string => gunzipSync(readFileSync(join(sharedDataDir(), 'trafilatura-eval', 'cache', 'bmjv.de.konsum.html.gz'))).toString('utf8');
const withFooter = (line: string): string => page().replace('</body>', `<footer><p>${line}</p></footer></body>`);
const hit = (rule: string, points: number, cancels?: 'CLASSIFIER') => ({ rule, points, description: rule, evidence: '', ...(cancels ? { cancels } : {}) });

describe('a copyright footer answers the classifier only', () => {
  it("cancels at most the classifier's positive points, never the words' points", () => {
    const footer = hit('MULTI_LEGAL_FOOTER', -2, 'CLASSIFIER');
    expect(sumPoints([hit('CLASSIFIER', 3), footer])).toBe(1);
    expect(sumPoints([hit('CLASSIFIER', 0.9), hit('EN_REPLICA_GOODS', 4), footer])).toBeCloseTo(4);
    expect(sumPoints([hit('CLASSIFIER', -1.5), hit('EN_PORN', 3.5), footer])).toBe(2);
    // the finding shows what the footer cancelled, so that its points add up
    expect(countedHits([hit('CLASSIFIER', 0.9), hit('EN_REPLICA_GOODS', 4), footer]).map((h) => h.points)).toEqual([0.9, 4, -0.9]);
  });
  it("a spam site's copyright line naming its trade is cut; the page's own copyright line stays", () => {
    expect(analyze(page()).findings).toEqual([]);
    const line = '© 2023 Velvet Nights | porn tube';
    const r = analyze(withFooter(line));
    expect(r.verdict).toBe('contaminated');
    const f = r.findings.find((x) => x.text === line);
    expect(f).toBeDefined();
    expect(f!.points).toBeCloseTo(sumPoints(f!.rules));
    const plain = analyze(withFooter('© 2023 Bundesministerium der Justiz und für Verbraucherschutz. Alle Rechte vorbehalten.'));
    expect(plain.findings).toEqual([]);
  });
});
