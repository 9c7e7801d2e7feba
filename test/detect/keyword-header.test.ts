// A keyword category header over a copied gambling story (spam-pages dev split): the header is a game's download
// plug, commercial wording the story's topic never excuses; the story itself stays.
import { describe, it, expect } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { spamPages, normScore } from '../../dev/eval/real-pages.js';

describe('keyword category header', () => {
  it('en-residencers-lucky88-parasite: the category line is cut, the story about poker machines is kept', () => {
    const p = spamPages('dev').find((x) => x.label.id === 'en-residencers-lucky88-parasite')!;
    const r = analyze(p.html, { url: p.label.source });
    expect(r.verdict).toBe('contaminated');
    const out = normScore(`${r.cleanTitle}\n${r.cleanText}`);
    for (const s of p.label.spam) expect(out.includes(normScore(s)), s).toBe(false);
    for (const s of p.label.keep) expect(out.includes(normScore(s)), s).toBe(true);
    expect(r.findings.some((f) => f.rules.some((h) => h.rule === 'EN_GAMBLING_DOWNLOAD_PLUG'))).toBe(true);
  });
});
