// A spam link dropped into a sentence of a real article (automated backlink insertion): the anchor's words are weak
// alone (bandar togel: Indonesian news reports on lottery bookies), but an off-site link of a few words spliced into
// the sentence adds STRUCT_SPLICED_ANCHOR to them. Real clean pages of ../shared/data with one link put in.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { sharedDataDir } from '../../src/util/paths.js';

const dir = join(sharedDataDir(), 'scrapinghub-article-extraction-benchmark', 'html');
const files = readdirSync(dir).sort();

/** The page with the link put after the first ", " of its third long paragraph (null: no such paragraph). */
function withLink(html: string, link: string): string | null {
  const paras = [...html.matchAll(/<p[^>]*>([^<]{120,})/g)];
  const p = paras[2];
  if (!p) return null;
  const at = p.index! + p[0].indexOf(', ');
  return at > p.index! ? html.slice(0, at + 2) + link + ' ' + html.slice(at + 2) : null;
}

const page = (prefix: string) => gunzipSync(readFileSync(join(dir, files.find((f) => f.startsWith(prefix))!))).toString('utf8');
const SPAM_LINK = '<a href="https://bandartogel88.example.net/">bandar togel</a>';

describe('a spam link spliced into an article sentence', () => {
  for (const prefix of ['04a6711caa7c', '06e5123e4ef7', '06ee193de4bd']) {
    it(`${prefix}: the off-site "bandar togel" link is cut, exactly its anchor; a source link there is not`, () => {
      const html = page(prefix);
      expect(analyze(html).verdict).toBe('clean');
      const r = analyze(withLink(html, SPAM_LINK)!);
      expect(r.findings.map((x) => x.text)).toEqual(['bandar togel']);
      expect(r.findings[0].rules.map((h) => h.rule)).toContain('STRUCT_SPLICED_ANCHOR');
      // a link of the same shape to a source, with no spam words: structure alone is no finding
      const source = withLink(html, '<a href="https://www.reuters.example.com/world/">according to Reuters</a>')!;
      expect(analyze(source).verdict).toBe('clean');
    });
  }
  it('076f4f33bf75: in a sentence that reports (said), the weak words keep the ham against them: no finding', () => {
    const r = analyze(withLink(page('076f4f33bf75'), SPAM_LINK)!);
    const c = r.findings.find((x) => x.text.includes('togel'));
    expect(c).toBeUndefined();
  });
  it('3c6d3381ef52 (a Russian article): the English plug is cut, not the Russian sentence as keyword stuffing', () => {
    const html = page('3c6d3381ef52');
    expect(analyze(html).verdict).toBe('clean');
    const r = analyze(withLink(html, '<a href="https://pills.example.net/">buy viagra online</a>')!);
    expect(r.findings.map((x) => [x.kind, x.text])).toEqual([['spliced-phrase', 'buy viagra online']]);
  });
});
