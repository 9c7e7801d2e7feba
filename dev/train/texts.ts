// Real texts for the unit classifier, beside the synthetic corpus:
// - ../shared/data/spam-text: real spam and ham (SMS, YouTube and gambling comments) and two moderators' keyword
//   lists. eval-only/ (GPL) is read only for evaluation, never for training (`evalOnly` must be asked for).
// - clean news sentences from the real pages of ../shared/data: article sentences (main content) of clean pages,
//   in three disjoint sets by site: train (no site of the corpus dev/test splits), dev and test (the corpus dev and
//   test splits' clean pages).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { buildPage, decode } from '../../src/page/index.js';
import { sentences, detectLang } from '../../src/text/index.js';
import { dataRoot, loadRecipes, trafilaturaEvalData } from '../corpus/index.js';
import { hostOf, registrableDomain, splitKey } from '../corpus/sources.js';
import type { Split } from '../corpus/types.js';

const Row = z.object({
  text: z.string(),
  label: z.enum(['spam', 'ham']),
  lang: z.string(),
  source: z.string(),
  category: z.string().optional(),
});

export interface SpamTextRow {
  text: string;
  spam: boolean;
  lang: string;
  /** the file name without .jsonl: en_uci_sms_spam_collection, … */
  source: string;
  /** keyword lists are a lexicon, not sentences: features and seeds only, never positive sentences */
  lexicon: boolean;
  evalOnly: boolean;
}

/** Sources that are moderators' keyword lists (a lexicon, not messages). */
export const LEXICON_SOURCES = new Set(['multi_splorp_wp_comment_blacklist_keywords', 'zh_ad_keywords_moderation_list']);

export function spamTextDir(): string {
  return join(dataRoot(), 'spam-text');
}

/** Every record of spam-text; eval-only/ only when asked (evaluation), never for training. */
export function loadSpamText(opts: { evalOnly?: boolean } = {}): SpamTextRow[] {
  const dir = spamTextDir();
  if (!existsSync(dir)) return [];
  const files: Array<[string, boolean]> = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => [join(dir, f), false]);
  if (opts.evalOnly && existsSync(join(dir, 'eval-only'))) {
    for (const f of readdirSync(join(dir, 'eval-only')).filter((x) => x.endsWith('.jsonl')).sort()) files.push([join(dir, 'eval-only', f), true]);
  }
  const out: SpamTextRow[] = [];
  for (const [path, evalOnly] of files) {
    const source = path.split('/').pop()!.replace(/\.jsonl$/, '');
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = Row.parse(JSON.parse(line));
      out.push({ text: r.text, spam: r.label === 'spam', lang: r.lang, source, lexicon: LEXICON_SOURCES.has(source), evalOnly });
    }
  }
  return out;
}

/** Comparable form for de-duplication across sources (the two judol sets share campaigns). */
export function dedupKey(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

export interface NewsSentence {
  text: string;
  lang: string;
  page: string;
}

/** Sentences shorter than this (characters) are not sentences of an article (bylines, captions, buttons). */
export const MIN_NEWS_SENTENCE_CHARS = 25;
/** At most this many sentences per page, so a long page does not outweigh the others. */
export const MAX_NEWS_SENTENCES_PER_PAGE = 60;

/** Sentences of the page's own chrome (copyright lines, menus, rating prompts) kept per page for training. */
export const MAX_CHROME_SENTENCES_PER_PAGE = 30;

/**
 * The article sentences of one page (main-content blocks of the page stage); with `chrome`, also the sentences of its
 * other blocks (the site's own copyright lines, menus and prompts: clean text a classifier meets on every page).
 */
export function articleSentences(html: Buffer | string, page: string, opts: { chrome?: boolean } = {}): NewsSentence[] {
  const { html: h, encoding } = decode(typeof html === 'string' ? Buffer.from(html) : html);
  const p = buildPage(h, { encoding });
  const out: NewsSentence[] = [];
  const main = new Set(p.mainIds);
  const take = (ids: number[], min: number, cap: number) => {
    let n = 0;
    for (const id of ids) {
      const b = p.blocks[id];
      for (const sp of sentences(b.text)) {
        const text = b.text.slice(sp.start, sp.end).trim();
        if (text.length < min) continue;
        out.push({ text, lang: detectLang(text), page });
        if (++n >= cap) return;
      }
    }
  };
  take(p.mainIds, MIN_NEWS_SENTENCE_CHARS, MAX_NEWS_SENTENCES_PER_PAGE);
  if (opts.chrome) {
    // chrome from both ends of the page: menus come first, the copyright and legal lines last
    const chrome = p.blocks.map((b, i) => i).filter((i) => i > 0 && !main.has(i) && p.blocks[i].region !== 'hidden');
    const half = Math.floor(MAX_CHROME_SENTENCES_PER_PAGE / 2);
    take(chrome.slice(0, Math.ceil(chrome.length / 2)), 8, half);
    take(chrome.slice(Math.ceil(chrome.length / 2)).reverse(), 8, half);
  }
  return out;
}

function readPage(rel: string): Buffer {
  const raw = readFileSync(join(dataRoot(), rel));
  return rel.endsWith('.gz') ? gunzipSync(raw) : raw;
}

/**
 * Clean shared pages by news split: dev and test are the corpus dev/test splits' clean pages; train is every other
 * clean page of ../shared/data whose site (split key) is in neither of them (the corpus train split's clean pages and
 * the trafilatura-eval pages the corpus does not use). Pages with real injected spam are never news.
 */
export function newsPages(): Record<Split, string[]> {
  const bySplit: Record<Split, string[]> = { train: [], dev: [], test: [] };
  const heldKeys = new Set<string>();
  const used = new Set<string>();
  for (const split of ['train', 'dev', 'test'] as const) {
    for (const r of loadRecipes(split)) {
      used.add(r.source);
      if (split !== 'train') heldKeys.add(splitKey(r.site));
      if (r.injections.length === 0 && !(r.real?.length) && !(r.tags ?? []).includes('real-spam') && !bySplit[split].includes(r.source)) bySplit[split].push(r.source);
    }
  }
  const real = new Set(['gne-chinese-news/html/njxfhn/1.html.gz', 'trafilatura-eval/eval/silvias.net.wahlzensur.html.gz']);
  const ev = trafilaturaEvalData();
  for (const [url, d] of Object.entries(ev).sort()) {
    for (const dir of ['eval', 'cache']) {
      const rel = `trafilatura-eval/${dir}/${d.file}.gz`;
      if (used.has(rel) || real.has(rel) || !existsSync(join(dataRoot(), rel))) continue;
      const wb = /web\.archive\.org\/web\/\d+\/(https?:\/\/[^/]+)/u.exec(url);
      const site = registrableDomain(hostOf(wb?.[1] ?? url));
      if (!site || heldKeys.has(splitKey(site))) continue;
      bySplit.train.push(rel);
      used.add(rel);
    }
  }
  for (const s of ['train', 'dev', 'test'] as const) bySplit[s] = bySplit[s].filter((p) => !real.has(p));
  return bySplit;
}

/** Article sentences of the clean pages of one news split (with `chrome`, their own chrome's sentences too). */
export function newsSentences(split: Split, log?: (s: string) => void, opts: { chrome?: boolean } = {}): NewsSentence[] {
  const pages = newsPages()[split];
  const out: NewsSentence[] = [];
  for (const rel of pages) {
    try {
      out.push(...articleSentences(readPage(rel), rel, opts));
    } catch (e) {
      log?.(`news ${split}: ${rel}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  log?.(`news ${split}: ${pages.length} pages, ${out.length} sentences`);
  return out;
}
