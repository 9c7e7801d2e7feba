// The on-topic vote and the unit's own sentence. A real Indonesian feature story on slot addiction (a spam-pages dev
// hard negative) has few sentences with news wording; the words naming its subject (judi slot) in a sentence that
// reports on it ("Ia mengaku ...", "setelah diblokir Kominfo ...") are the article reporting, under a headline that
// names the subject.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyze, feedSegmenter } from '../../src/analyze.js';
import { buildPage, decode } from '../../src/page/index.js';
import { candidates } from '../../src/detect/index.js';
import { loadRules } from '../../src/detect/rules/index.js';
import { loadModel } from '../../src/detect/model.js';
import { DATA } from '../page/data.js';

const ID = 'id-neg-sumeks-judi-slot-desa';
const html = readFileSync(resolve(DATA, 'spam-pages/pages', `${ID}.html`), 'utf8');
/** The story's sentence on a villager's addiction, told as his own account (a reporting verb, as news writes it). */
const SENTENCE = 'Ia sempat kecanduan judi slot';
const REPORTED = 'Ia mengaku sempat kecanduan judi slot';
const rules = loadRules();
feedSegmenter(rules);

function unitsIn(pageHtml: string, words: string) {
  const page = buildPage(decode(Buffer.from(pageHtml)).html, {});
  const at = page.text.indexOf(words);
  expect(at, words).toBeGreaterThan(0);
  return candidates(page, { rules, model: loadModel() })
    .filter((c) => c.start >= at && c.end <= at + words.length + 40)
    .map((c) => ({ text: page.text.slice(c.start, c.end), rules: c.rules.map((h) => h.rule) }));
}

describe('the on-topic vote on a unit of subject words in its own reporting sentence', () => {
  it('is given under the headline naming the subject, the other sentences reporting on it dropped as copies', () => {
    expect(html).toContain(SENTENCE);
    const reported = unitsIn(html.replace(SENTENCE, REPORTED), REPORTED);
    const unit = reported.find((u) => u.text === 'judi slot');
    expect(unit, JSON.stringify(reported)).toBeDefined();
    expect(unit!.rules).toEqual(expect.arrayContaining(['ID_GAMBLING_WEAK', 'ID_NEWS_CONTEXT', 'ON_TOPIC']));
    // the same words in the story's own sentence without news wording: no vote (the evidence stays as weak as it is)
    const plain = unitsIn(html, SENTENCE).find((u) => u.text === 'judi slot');
    expect(plain?.rules ?? []).not.toContain('ON_TOPIC');
  });

  it('leaves the clean page whole', () => {
    const r = analyze(Buffer.from(html.replace(SENTENCE, REPORTED)), { url: 'https://sumateraekspres.bacakoran.co/read/61224/x' });
    expect(r.findings).toEqual([]);
  });
});
