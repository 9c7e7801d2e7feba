// keywordAnchors (the link-farm check's count of off-site anchors carrying a spam term) answers as the plain
// every-link-against-every-match search does, on seeded random blocks: anchors in order, repeated, missing from the
// text, matches overlapping anchors at their edges, negative (ham) matches that must not count.
import { describe, it, expect } from 'vitest';
import { keywordAnchors } from '../../src/detect/structural.js';
import { rng } from '../../src/detect/model.js';
import type { Block } from '../../src/page/types.js';
import type { TextMatch } from '../../src/detect/rules/matcher.js';

/** The search keywordAnchors replaced: each anchor against every positive match. */
function plain(b: Block, matches: TextMatch[]): number {
  let n = 0;
  let from = 0;
  for (const l of b.links) {
    if (!l.offsite || !l.text) continue;
    let i = b.text.indexOf(l.text, from);
    if (i < 0) i = b.text.indexOf(l.text);
    if (i < 0) continue;
    from = i + l.text.length;
    const s = b.start + i;
    const e = s + l.text.length;
    if (matches.some((m) => m.rule.score > 0 && m.start < e && m.end > s)) n++;
  }
  return n;
}

describe('keywordAnchors', () => {
  it('counts as the plain search does on 500 seeded random blocks', () => {
    const rand = rng(20261202);
    const pick = (k: number) => Math.floor(rand() * k);
    const words = ['casino', 'news', 'slot', 'city', '配资', '新闻', 'x'];
    let nonzero = 0;
    for (let t = 0; t < 500; t++) {
      const parts: string[] = [];
      const links: Array<{ offsite: boolean; text: string }> = [];
      for (let k = 0, n = 1 + pick(30); k < n; k++) {
        const w = `${words[pick(words.length)]}${pick(4)}`;
        parts.push(w);
        if (rand() < 0.6) links.push({ offsite: rand() < 0.8, text: rand() < 0.05 ? 'absent' : w });
      }
      const text = parts.join(' ');
      const start = pick(1000);
      const matches: TextMatch[] = [];
      for (let k = 0, n = pick(12); k < n; k++) {
        const s = start + pick(text.length);
        matches.push({ start: s, end: s + 1 + pick(8), evidence: '', rule: { score: rand() < 0.8 ? 1 + pick(3) : -1 } } as unknown as TextMatch);
      }
      const b = { text, start, links } as unknown as Block;
      const want = plain(b, matches);
      if (want > 0) nonzero++;
      expect(keywordAnchors(b, matches), `block ${t}: ${text}`).toBe(want);
    }
    // the blocks exercise both answers
    expect(nonzero).toBeGreaterThan(100);
  });
});
