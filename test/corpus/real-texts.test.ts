// The real texts the classifier trains on: spam-text without its eval-only (GPL) part, keyword lists as lists, and
// clean news sentences from pages of no corpus dev/test site.
import { describe, expect, it } from 'vitest';
import { loadRecipes } from '../../dev/corpus/index.js';
import { splitKey } from '../../dev/corpus/sources.js';
import { keywordLists, LEXICON_SKIP_LANGS, realExamples, trainingRows } from '../../dev/train/real.js';
import { articleSentences, LEXICON_SOURCES, loadSpamText, newsPages } from '../../dev/train/texts.js';
import { rng } from '../../src/detect/model.js';

describe('real training texts', () => {
  const rows = loadSpamText();

  it('never reads eval-only/ unless asked for evaluation', () => {
    expect(rows.length).toBeGreaterThan(70_000);
    expect(rows.some((r) => r.evalOnly || r.source === 'zh_tg_spam_chat_messages')).toBe(false);
    const withEval = loadSpamText({ evalOnly: true });
    expect(withEval.filter((r) => r.evalOnly).length).toBe(withEval.length - rows.length);
    expect(trainingRows(withEval).some((r) => r.evalOnly)).toBe(false);
  });

  it('turns a lexicon into lists of 3 to 8 entries, never an entry alone', () => {
    const entries = rows.filter((r) => r.source === 'zh_ad_keywords_moderation_list').map((r) => r.text);
    expect(entries).toHaveLength(120);
    const lists = keywordLists(entries, rng(1));
    expect(lists).toHaveLength(18);
    for (const l of lists) expect(entries.includes(l)).toBe(false);
    const some = rows.filter((r) => LEXICON_SOURCES.has(r.source)).slice(0, 200).concat(rows.filter((r) => r.source === 'en_youtube_spam_collection'));
    const ex = realExamples({ mask: 0xffff, news: [], rows: some });
    const lexiconExamples = ex.examples.filter((e) => LEXICON_SOURCES.has(e.source));
    // Latin-script entries (en, und) are left out of the lists (LEXICON_SKIP_LANGS)
    const kept = some.filter((r) => LEXICON_SOURCES.has(r.source) && !LEXICON_SKIP_LANGS.has(r.lang)).length;
    expect(kept).toBeGreaterThan(0);
    expect(lexiconExamples.length).toBe(Math.ceil(kept * 0.15));
    expect(lexiconExamples.every((e) => e.y === 1)).toBe(true);
    // the YouTube set alone: 838 spam and 905 ham less its duplicates (with all sources, one more ham is an SMS text)
    expect(ex.counts.en_youtube_spam_collection).toEqual({ spam: 0, ham: 888 }); // ham only (HAM_ONLY_SOURCES)
  });

  it('takes training news from pages of no corpus dev or test site', () => {
    const pages = newsPages();
    const held = new Set([...loadRecipes('dev'), ...loadRecipes('test')].map((r) => splitKey(r.site)));
    const trainSites = new Map(loadRecipes('train').map((r) => [r.source, splitKey(r.site)]));
    expect(pages.train.filter((p) => pages.dev.includes(p) || pages.test.includes(p))).toEqual([]);
    expect(pages.train.filter((p) => held.has(trainSites.get(p) ?? ''))).toEqual([]);
    expect(pages.train).not.toContain('gne-chinese-news/html/njxfhn/1.html.gz');
    expect(pages.train.length).toBeGreaterThan(900);
    expect(pages.dev).toHaveLength(126);
  });

  it('reads article sentences from a real page, and its chrome only when asked', () => {
    const html = '<html><head><title>t</title></head><body><nav><a href="/">Home</a> <a href="/a">World news</a></nav><article>' +
      '<p>The city council voted on Tuesday to extend the bus line to the airport by 2027.</p>' +
      '<p>Officials said the work would cost about 40 million euros and start next spring.</p></article>' +
      '<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>';
    const plain = articleSentences(html, 'x').map((s) => s.text);
    expect(plain).toEqual([
      'The city council voted on Tuesday to extend the bus line to the airport by 2027.',
      'Officials said the work would cost about 40 million euros and start next spring.',
    ]);
    expect(articleSentences(html, 'x', { chrome: true }).map((s) => s.text)).toContain('Copyright 2024 Example News.');
  });
});
