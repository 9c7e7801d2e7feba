// Per-page analysis shared by every check: each block's language, sentences and rule matches (global offsets),
// and the article's own vocabulary for the consistency check.
import type { Block, Page, Region } from '../page/types.js';
import type { Lang, Span } from '../text/types.js';
import { detectLang, sentences } from '../text/index.js';
import { foldForMatch, foldTerm, matchTextLangs, matchToOriginal, readsOtherwise, type CompiledRules, type TextMatch } from './rules/index.js';
import type { Category } from './types.js';
import { within, lowerBound } from './spans.js';
import { NO_BUDGET, type Budget } from '../budget.js';
import { editDistance } from '../util/edit.js';
import type { Rule } from './rules/schema.js';

const HAN_RE = /[\u3400-\u9fff]/;
const KANA_RE = /[\u3040-\u30ff]/;
/** two Latin words in a row: enough Latin text in a CJK block to run the Latin-script rules */
const LATIN_WORDS_RE = /[a-z]{3,}[\s.,-]+[a-z]{3,}/i;

/** Longest rule match looked back for when collecting a sentence's matches (longer ones are found from their start). */
const MAX_MATCH_CHARS = 200;

/**
 * A brand term of a `fuzzy` lexicon rule matches misspelt (one edit) from this many characters on: shorter names
 * are one edit away from ordinary words.
 */
export const FUZZY_MIN_CHARS = 5;
/** How many edits a misspelt brand may be away from the listed one. */
export const FUZZY_MAX_EDITS = 1;

interface FuzzyTerm {
  term: string;
  rule: Rule;
}
const fuzzyIndex = new WeakMap<CompiledRules, Map<number, FuzzyTerm[]>>();
/** CJK terms of the fuzzy lexicon rules, by the code unit of their first character. */
function fuzzyTerms(rules: CompiledRules): Map<number, FuzzyTerm[]> {
  let byFirst = fuzzyIndex.get(rules);
  if (byFirst) return byFirst;
  byFirst = new Map();
  for (const rule of rules.rules) {
    if (rule.kind !== 'lexicon' || !rule.fuzzy) continue;
    for (const raw of rule.terms) {
      const term = foldTerm(raw);
      if (term.length < FUZZY_MIN_CHARS || !HAN_RE.test(term)) continue;
      let list = byFirst.get(term.charCodeAt(0));
      if (!list) byFirst.set(term.charCodeAt(0), (list = []));
      list.push({ term, rule });
    }
  }
  fuzzyIndex.set(rules, byFirst);
  return byFirst;
}

/**
 * Misspelt brands: windows of the text one edit away from a fuzzy rule's term (not the term itself) with the
 * term's first and last characters, so the edit is inside the name (人生就是就博 for 人生就是博) and a prefix of
 * it ("人生就是") is not a match. The windows are read as the exact matcher reads text (traditional characters as
 * simplified, pinyin glosses, spaced-out runs and emoji dropped: 人 生 就 是 就 博 is the same misspelling).
 * Offsets are the block's own.
 */
export function fuzzyMatches(text: string, rules: CompiledRules, exact: TextMatch[]): TextMatch[] {
  const index = fuzzyTerms(rules);
  if (index.size === 0 || !HAN_RE.test(text)) return [];
  // the fold is needed only where the rules read the Han text otherwise (the terms are Han: case does not matter)
  const folded = readsOtherwise(text) ? foldForMatch(text) : null;
  const t = folded ? folded.text : text;
  const out: TextMatch[] = [];
  const taken = (s: number, e: number) => exact.some((m) => m.start < e && m.end > s) || out.some((m) => m.start < e && m.end > s);
  for (let s = 0; s < t.length; s++) {
    const terms = index.get(t.charCodeAt(s));
    if (terms === undefined) continue;
    for (const { term, rule } of terms) {
      for (let len = term.length - FUZZY_MAX_EDITS; len <= term.length + FUZZY_MAX_EDITS; len++) {
        const e = s + len;
        if (e > t.length || t[e - 1] !== term[term.length - 1]) continue;
        const w = t.slice(s, e);
        if (w === term) continue;
        const [os, oe] = folded ? matchToOriginal(text, folded, s, e) : [s, e];
        if (taken(os, oe)) continue;
        if (editDistance(w, term, FUZZY_MAX_EDITS) <= FUZZY_MAX_EDITS) out.push({ rule, start: os, end: oe, evidence: text.slice(os, oe) });
      }
    }
  }
  return out;
}

/** Blocks shorter than this take the page's language instead of guessing their own. */
export const MIN_LANG_CHARS = 12;

const CJK_LANGS: ReadonlySet<Lang> = new Set<Lang>(['zh', 'ja', 'ko']);

/**
 * A block's language: its own from MIN_LANG_CHARS * 2 characters on, else the page's, since a few Latin words name
 * no language. A script does, whatever the length: a short line in Han or kana on a page in a Latin-script language
 * ("2) 新規登録特典はドリームモール" in a German story) is in its own script's language.
 */
export function blockLang(text: string, pageLang: Lang): Lang {
  if (text.length >= MIN_LANG_CHARS * 2) return detectLang(text);
  if (CJK_LANGS.has(pageLang) || !(HAN_RE.test(text) || KANA_RE.test(text))) return pageLang;
  const own = detectLang(text);
  return CJK_LANGS.has(own) ? own : pageLang;
}

export interface BlockCtx {
  block: Block;
  lang: Lang;
  /** rule matches with offsets into Page.text */
  matches: TextMatch[];
  /** sentences with offsets into Page.text */
  sentences: Span[];
}

export interface PageCtx {
  page: Page;
  rules: CompiledRules;
  lang: Lang;
  blocks: BlockCtx[];
  /** main-body sentences (global spans), for consistency (built on first use) */
  readonly mainSentences: { span: Span; blockId: number; cats: Set<Category>; ham: boolean }[];
  /** lower-cased main-body sentences, for the title-affix body-use count (built on first use) */
  readonly mainSentenceTexts: string[];
}

/**
 * The languages whose rules a text meets: its own, the page's, and the languages of the scripts in it (a Chinese
 * phrase spliced into a German sentence, or an English casino line in a Chinese story, meets its own language's rules).
 */
export function ruleLangs(text: string, own: Lang, pageLang: Lang): Set<Lang> {
  const langs = new Set<Lang>([own, pageLang]);
  if (HAN_RE.test(text)) langs.add(KANA_RE.test(text) ? 'ja' : 'zh');
  if ((own === 'zh' || own === 'ja') && LATIN_WORDS_RE.test(text)) langs.add('en').add('id');
  return langs;
}

/**
 * A block's context, each part worked out on its first use: the page's own navigation and most short chrome lines
 * are never asked for their rule matches or sentences (a third of a page's blocks), so they are never matched.
 */
class FreshBlockCtx implements BlockCtx {
  private langOf: Lang | undefined;
  private matchList: TextMatch[] | undefined;
  private sentenceList: Span[] | undefined;

  constructor(
    readonly block: Block,
    private readonly rules: CompiledRules,
    private readonly pageLang: Lang,
  ) {}

  get lang(): Lang {
    return (this.langOf ??= blockLang(this.block.text, this.pageLang));
  }

  get matches(): TextMatch[] {
    if (this.matchList) return this.matchList;
    const block = this.block;
    const langs = ruleLangs(block.text, this.lang, this.pageLang);
    // the matcher's and the fuzzy matcher's objects are fresh per call: shifted to page offsets in place
    const matches: TextMatch[] = matchTextLangs(this.rules, block.text, langs, block.region);
    if (langs.has('zh') || langs.has('ja')) for (const m of fuzzyMatches(block.text, this.rules, matches)) matches.push(m);
    const at = block.start;
    for (const m of matches) {
      m.start += at;
      m.end += at;
    }
    matches.sort((a, b) => a.start - b.start);
    return (this.matchList = matches);
  }

  get sentences(): Span[] {
    if (this.sentenceList) return this.sentenceList;
    const block = this.block;
    const sents = sentences(block.text);
    const at = block.start;
    for (const s of sents) {
      s.start += at;
      s.end += at;
    }
    return (this.sentenceList = sents.length ? sents : [{ start: block.start, end: block.end }]);
  }
}

/** The context of a block with the same text and region as an earlier one (first): first's, at block's offsets. */
class RepeatBlockCtx implements BlockCtx {
  private matchList: TextMatch[] | undefined;
  private sentenceList: Span[] | undefined;

  constructor(
    private readonly first: BlockCtx,
    readonly block: Block,
  ) {}

  get lang(): Lang {
    return this.first.lang;
  }

  get matches(): TextMatch[] {
    const d = this.block.start - this.first.block.start;
    return (this.matchList ??= this.first.matches.map((m) => ({ rule: m.rule, start: m.start + d, end: m.end + d, evidence: m.evidence })));
  }

  get sentences(): Span[] {
    const d = this.block.start - this.first.block.start;
    return (this.sentenceList ??= this.first.sentences.map((s) => ({ start: s.start + d, end: s.end + d })));
  }
}

/** detectLang of a page's main text (its main blocks joined by newlines), for pages whose context was built. */
const mainLangs = new WeakMap<Page, Lang>();

/**
 * detectLang(text) of the page's main text when buildContext worked it out (a main text of MIN_LANG_CHARS or more),
 * else undefined: the result's language is the same question.
 */
export function mainTextLang(page: Page): Lang | undefined {
  return mainLangs.get(page);
}

export function buildContext(page: Page, rules: CompiledRules, budget: Budget = NO_BUDGET): PageCtx {
  const mainText = page.mainIds.map((id) => page.blocks[id].text).join('\n');
  const lang = detectLang(mainText.length >= MIN_LANG_CHARS ? mainText : page.text);
  if (mainText.length >= MIN_LANG_CHARS) mainLangs.set(page, lang);
  // menus, bylines and share bars repeat the same text in one page: a repeat (same text, same region) takes the
  // first one's language, matches and sentences, moved to its own offsets
  const firsts = new Map<Region, Map<string, BlockCtx>>();
  const blocks: BlockCtx[] = page.blocks.map((block) => {
    budget.check('detect:context');
    let seen = firsts.get(block.region);
    if (!seen) firsts.set(block.region, (seen = new Map()));
    const first = seen.get(block.text);
    if (first) return new RepeatBlockCtx(first, block);
    const bc = new FreshBlockCtx(block, rules, lang);
    seen.set(block.text, bc);
    return bc;
  });
  // the article's sentences are asked for by the consistency votes, a spam headline's parasite check and a headline
  // part's body-use count: gathered on the first such question (most pages ask none)
  let mainSentences: PageCtx['mainSentences'] | undefined;
  let mainSentenceTexts: string[] | undefined;
  return {
    page,
    rules,
    lang,
    blocks,
    get mainSentences() {
      return (mainSentences ??= mainSentencesOf(page, blocks, budget));
    },
    get mainSentenceTexts() {
      return (mainSentenceTexts ??= this.mainSentences.map((s) => page.text.slice(s.span.start, s.span.end).toLowerCase()));
    },
  };
}

/** The main body's sentences with the categories of the rule matches in them (ham: a negative rule matches). */
function mainSentencesOf(page: Page, blocks: BlockCtx[], budget: Budget): PageCtx['mainSentences'] {
  const out: PageCtx['mainSentences'] = [];
  for (const id of page.mainIds) {
    budget.check('detect:context');
    const bc = blocks[id];
    for (const span of bc.sentences) {
      const cats = new Set<Category>();
      let ham = false;
      // matches are sorted by start and no longer than MAX_MATCH_CHARS: only those starting near the sentence
      for (let i = lowerBound(bc.matches, span.start - MAX_MATCH_CHARS); i < bc.matches.length && bc.matches[i].start < span.end; i++) {
        const m = bc.matches[i];
        if (m.end > span.start) {
          if (m.rule.score > 0) cats.add(m.rule.category);
          else ham = true;
        }
      }
      out.push({ span, blockId: id, cats, ham });
    }
  }
  return out;
}

/** Matches of bc that fall inside [start, end). */
export function matchesIn(bc: BlockCtx, start: number, end: number): TextMatch[] {
  return within(bc.matches, start, end);
}
