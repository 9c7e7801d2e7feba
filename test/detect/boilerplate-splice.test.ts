// A plug spliced into a line outside the article (here a photo caption): the rules locate the plug and the rest of
// the line reads as the page's own text, so the plug is cut as in an article sentence and the caption stays. Before,
// the whole caption was the candidate, and the classifier's vote against its German words kept a pharmacy plug in.
// The page is a real clean German page of ../shared/data (in no corpus split).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { sharedDataDir } from '../../src/util/paths.js';
import { spliceAfter } from '../helpers/splice.js';

const html = (): string => gunzipSync(readFileSync(join(sharedDataDir(), 'trafilatura-eval', 'cache', 'chip.de.beef.html.gz'))).toString('utf8');
const AT = 'Der Toast-Test zeigt, in der Mitte ';
const REST = 'ist die Hitze am größten';

describe('a plug spliced into a caption outside the article', () => {
  it('the clean page has no finding; the caption is outside the article', () => {
    const r = analyze(html());
    expect(r.findings).toEqual([]);
    expect(r.text).toContain(`${AT}${REST}`);
    expect(r.cleanText).not.toContain(`${AT}${REST}`);
  });
  it('loses the plug only, not the caption', () => {
    for (const plug of ['Cheap Tramadol', 'Call Girls', '股票配资平台']) {
      const r = analyze(spliceAfter(html(), AT, plug));
      expect(r.verdict, plug).toBe('contaminated');
      expect(r.findings.map((f) => f.text), plug).toEqual([plug]);
      expect(r.findings[0].kind, plug).toBe('spliced-phrase');
    }
  });
});
