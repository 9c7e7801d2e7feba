// A GBK page with no charset declared anywhere, end to end: analyze() and `winnow clean` give the real article.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyze.js';

const ZH = fileURLToPath(new URL('../../../shared/data/chinese-web-content-extraction/', import.meta.url));
const isUtf8 = (b: Buffer) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};
const pages = readdirSync(`${ZH}original`)
  .filter((f) => f.endsWith('.html'))
  .map((f) => ({ f, bytes: readFileSync(`${ZH}original/${f}`) }))
  .filter(({ bytes }) => !/charset/i.test(bytes.toString('latin1')) && !isUtf8(bytes));

describe('GBK pages without a declared charset', () => {
  it('there are such pages in the data', () => expect(pages.length).toBeGreaterThanOrEqual(5));
  for (const { f, bytes } of pages) {
    it(f, () => {
      const r = analyze(bytes);
      expect(r.encoding).toBe('gb18030');
      expect(r.verdict).toBe('clean');
      const gold = readFileSync(`${ZH}cleaned/${f.replace(/\.html$/, '.txt')}`, 'utf8');
      const lines = gold.split('\n').map((l) => l.replace(/[\s\u3000]+/g, '')).filter((l) => l.length >= 20);
      const text = r.cleanText.replace(/\s+/g, '');
      const kept = lines.filter((l) => text.includes(l)).length;
      expect(kept / lines.length).toBeGreaterThan(0.8);
    });
  }
});
