// False positives on real pages: of the 310 real news pages of the Scrapinghub, Chinese and GNE sets, only the one
// with a real injected spam block (gne njxfhn/1, see spam-in-the-wild/manifest.json) may be judged contaminated.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyze.js';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const files: string[] = [];
for (const f of readdirSync(`${DATA}scrapinghub-article-extraction-benchmark/html`)) files.push(`scrapinghub-article-extraction-benchmark/html/${f}`);
for (const f of readdirSync(`${DATA}chinese-web-content-extraction/original`)) files.push(`chinese-web-content-extraction/original/${f}`);
for (const s of readdirSync(`${DATA}gne-chinese-news/html`)) for (const f of readdirSync(`${DATA}gne-chinese-news/html/${s}`)) files.push(`gne-chinese-news/html/${s}/${f}`);

describe('real pages', () => {
  it('only the page with real injected spam is flagged', () => {
    expect(files.length).toBeGreaterThanOrEqual(300);
    const flagged: string[] = [];
    for (const f of files) {
      const raw = readFileSync(DATA + f);
      const r = analyze(f.endsWith('.gz') ? gunzipSync(raw) : raw);
      if (r.verdict === 'contaminated') flagged.push(`${f}: ${r.findings.map((x) => x.text.slice(0, 40)).join(' | ')}`);
    }
    expect(flagged.map((x) => x.split(':')[0])).toEqual(['gne-chinese-news/html/njxfhn/1.html.gz']);
  }, 300_000);
});
