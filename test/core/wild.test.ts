// Real pages nobody on the team wrote: the two real injected spam blocks must be found, and the hard negatives of
// ../shared/data/spam-in-the-wild/manifest.json (legit mentions of casino/博彩/payday loan, legit hidden UI) stay clean.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyze.js';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const manifest = JSON.parse(readFileSync(`${DATA}spam-in-the-wild/manifest.json`, 'utf8'));
const read = (rel: string) => {
  const b = readFileSync(DATA + rel);
  return rel.endsWith('.gz') ? gunzipSync(b) : b;
};

describe('real injected spam', () => {
  it('gne njxfhn/1: the hidden keyword-stuffing block (配资, 太阳城, 私服 ...) is found and cut, the story stays', () => {
    const r = analyze(read('gne-chinese-news/html/njxfhn/1.html.gz'));
    expect(r.verdict).toBe('contaminated');
    const hidden = r.findings.filter((f) => f.where === 'hidden');
    expect(hidden.length).toBeGreaterThan(0);
    const cut = hidden.reduce((n, f) => n + f.text.length, 0);
    expect(cut).toBeGreaterThan(100_000);
    expect(hidden.some((f) => f.text.includes('配资'))).toBe(true);
    expect(r.cleanText).not.toContain('股票配资公司');
    expect(r.cleanTitle).toContain('江门七旬阿婆');
    expect(r.cleanText).toContain('冒充公检法');
  });
  it('trafilatura silvias.net: the off-screen casino link block is found', () => {
    const r = analyze(read('trafilatura-eval/eval/silvias.net.wahlzensur.html.gz'));
    expect(r.verdict).toBe('contaminated');
    const f = r.findings.find((x) => /casino|slots/i.test(x.text));
    expect(f, 'casino block').toBeDefined();
    expect(f!.where).toBe('hidden');
    expect(['gambling', 'link-farm']).toContain(f!.category);
  });
});

describe('hard negatives stay clean and whole', () => {
  const legit: { file: string; kw: string }[] = manifest.legit_spam_keyword_mentions_in_gold_body.filter((x: { file: string }) => !x.file.includes('{') && !x.file.includes('*'));
  for (const { file, kw } of legit) {
    it(`${file.split('/').pop()} (${kw})`, () => {
      const r = analyze(read(file));
      expect(r.findings.filter((f) => f.where === 'body' || f.where === 'title').map((f) => f.text)).toEqual([]);
    });
  }
  for (const { file, kind } of manifest.hard_negatives_hidden_but_legit.filter((x: { file: string }) => !x.file.includes('*'))) {
    it(`hidden but legit: ${file.split('/').pop()} (${String(kind).slice(0, 40)})`, () => {
      const r = analyze(read(file));
      expect(r.verdict).toBe('clean');
    });
  }
});
