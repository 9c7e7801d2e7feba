// Hand-written fixtures (corpus/fixtures): hard negatives stay clean and whole; contaminated pages in zh, en, ja and
// id lose every injected piece; and on the corpus dev split every injection kind is found in Chinese and English.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyze.js';
import { loadFixtures, loadSplit } from '../../dev/corpus/index.js';
import { InjectionKind } from '../../src/detect/types.js';

const NEG = fileURLToPath(new URL('../../corpus/fixtures/negatives/', import.meta.url));
const squash = (s: string) => s.replace(/\s+/g, '');

describe('hard negatives: news about spam topics stays clean and whole', () => {
  for (const f of readdirSync(NEG).filter((x) => x.endsWith('.html'))) {
    it(f, () => {
      const r = analyze(readFileSync(NEG + f), { input: f });
      expect(r.findings.map((x) => x.text)).toEqual([]);
      const body = readFileSync(NEG + f.replace(/\.html$/, '.body.txt'), 'utf8');
      const clean = squash(r.cleanText);
      const lost = body.split('\n').map((l) => l.trim()).filter((l) => l && !clean.includes(squash(l)));
      expect(lost).toEqual([]);
    });
  }
});

describe('contaminated fixtures lose every injected piece', () => {
  for (const item of loadFixtures().filter((i) => i.contaminated && !i.source.endsWith('seed.html'))) {
    it(`${item.source.split('/').pop()} (${item.lang})`, () => {
      const r = analyze(item.html);
      expect(r.verdict).toBe('contaminated');
      for (const g of item.gold) {
        if (g.where === 'body' || g.where === 'title') expect(r.cleanText, `${g.kind}: ${g.text}`).not.toContain(g.text);
        const at = r.text.indexOf(g.text);
        if (at < 0) continue; // a title suffix the page stage already took off as the site name
        const covered = r.findings.some((f) => f.start <= at && f.end >= at + g.text.length);
        expect(covered, `not cut: ${g.kind} ${g.text}`).toBe(true);
      }
    });
  }
});

describe('every injection kind is found in Chinese and in English (corpus dev split, held-out wording)', () => {
  const items = loadSplit('dev').filter((i) => i.contaminated);
  const found = new Set<string>();
  for (const it of items) {
    const r = analyze(it.html);
    for (const g of it.gold) {
      const at = r.text.indexOf(g.text);
      if (at >= 0 && r.findings.some((f) => f.start <= at && f.end >= at + g.text.length)) found.add(`${g.kind}/${g.lang}`);
    }
  }
  for (const kind of InjectionKind.options) {
    for (const lang of ['zh', 'en']) {
      it(`${kind} in ${lang}`, () => expect(found.has(`${kind}/${lang}`)).toBe(true));
    }
  }
});
