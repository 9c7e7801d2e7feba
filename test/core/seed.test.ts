// The page that started the project: a real 深圳特区报 interview republished on a 股票配资 site.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyze.js';

const FIX = fileURLToPath(new URL('../../corpus/fixtures/', import.meta.url));
const html = readFileSync(`${FIX}seed.html`);
const gold = JSON.parse(readFileSync(`${FIX}seed.gold.json`, 'utf8')) as {
  cleanTitle: string;
  injected: { text: string; kind: string; where: string }[];
  sentences: string[];
};
const r = analyze(html, { input: 'seed.html' });

describe('seed page (深圳特区报 interview on a 股票配资 site)', () => {
  it('is contaminated, with a margin-lending finding', () => {
    expect(r.verdict).toBe('contaminated');
    expect(r.score).toBeGreaterThan(0.5);
    expect(r.findings.some((f) => f.category === 'margin-lending')).toBe(true);
  });
  it('cleanTitle is the real headline', () => {
    expect(r.title.startsWith('互联网金融股票配资')).toBe(true);
    expect(r.cleanTitle).toBe(gold.cleanTitle);
  });
  it('the title prefix, the numbered promo line, the site name and slogan and the spliced phrase are gone', () => {
    expect(r.cleanText).not.toContain('互联网金融股票配资');
    expect(r.cleanText).not.toContain('富途证券');
    expect(r.cleanText).not.toContain('启泰网配资网');
    expect(r.cleanText).not.toContain('股票配资交易平台');
    expect(r.cleanText).toContain('产品等“首发”应用,推动科技成果转化为现实生产力');
    // every injected piece is covered by a finding
    for (const g of gold.injected) {
      const covered = r.findings.some((f) => f.text.includes(g.text) || (g.text.includes(f.text) && f.text.length >= g.text.length * 0.8));
      expect(covered, `not found: ${g.kind} ${g.text}`).toBe(true);
    }
  });
  it('every sentence of the real article is intact', () => {
    const body = r.cleanText.replace(/\s+/g, '');
    const lost = gold.sentences.filter((s) => !body.includes(s.replace(/\s+/g, '')));
    expect(lost).toEqual([]);
    expect(gold.sentences.length).toBeGreaterThan(30);
  });
  it('every finding explains itself: rules with points, descriptions and evidence', () => {
    for (const f of r.findings) {
      expect(f.rules.length).toBeGreaterThan(0);
      expect(f.text).toBe(r.text.slice(f.start, f.end));
      for (const h of f.rules) expect(h.description.length).toBeGreaterThan(5);
    }
  });
});
