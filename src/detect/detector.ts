// The candidate generators: each asks one question of the page (a title affix, a copy of the title's keyword
// phrase, the spam site's branding, a hidden block, a link block, keyword stuffing, a promo line, a spliced phrase)
// and adds candidate units with the evidence it found. Scoring, consistency and overlap resolution live apart.
import type { Block, Page } from '../page/types.js';
import type { Category, FindingKind, RuleHit } from './types.js';
import type { CompiledRules, TextMatch } from './rules/index.js';
import { matchTextLangs, mayBeDisguised } from './rules/index.js';
import { buildContext, matchesIn, ruleLangs, MIN_LANG_CHARS, type BlockCtx, type PageCtx } from './context.js';
import { structuralRules, hitOf, isLinkBlock, isLinkFarm, hasSpamLinkHosts, languageMismatch, isKeywordStuffed, isNumberedPromoLine, isHiddenLinkList, titleAffixes, titlePieceParts, bodyUses, rejoinedEdges, type StructuralRuleRef } from './structural.js';
import type { Model } from './model.js';
import { unitP, unitPUnlessBelow } from './classifier.js';
import { mergeSpans, tagSpans, tagSpansAsRead } from './tagger.js';
import { segment, tokenUnits, detectLang, cjkRunsInLatin, kanaRunsInHan, otherScriptRuns, runInsideLatin, titleCaseRuns, STOP_WORDS, foldWhole, foldTextPart, isDisguised, undisguised, undisguiseMapped, firstAtLeast, type WholeFold } from '../text/index.js';
import type { Lang, Span } from '../text/types.js';
import { modelPoints, sumPoints, REPEAT_SHARE, MAX_REPEATS, MODEL_MAX_POINTS } from './scoring.js';
import type { StructuralCheck } from './rules/schema.js';
import type { Budget } from '../budget.js';
import { SpanSet, withoutRanges } from './spans.js';
import { ArticleWords, PageWords, countWord } from './words.js';
import { commercialRules, isNavigation, siteDomains, spamEvidence, withOwnLinks, MIN_AFFIX_EVIDENCE, MIN_SPAM_EVIDENCE, STRONG_MODEL_POINTS } from './evidence.js';
import { isQuoted, quotedHit, isContentWord, OFF_TOPIC_MAX_OVERLAP, OFF_TOPIC_MIN_WORDS } from './consistency.js';
import { parasitePage } from './parasite.js';
import { snapToLinks } from './anchors.js';
import { withBrandEdges, withoutArticleWords, withoutStopWordEdges } from './edges.js';
import { inNameSlot, inLabelledNames, withSlotEdges, NAME_SLOT_LOOK_CHARS } from './slots.js';
import { isSpace, nonSpaceLength } from '../util/chars.js';

/** A sentence with no rule match is still a candidate when the classifier gives it at least this. */
export const UNIT_ALONE_P = 0.9;
/** A flagged span covering this share of its sentence (non-space chars) takes the whole sentence. */
export const SENTENCE_COVER = 0.6;
/** Flagged text covering this share of a body block takes the whole block (a standalone promo line). */
export const BLOCK_COVER = 0.6;
/** Boilerplate text is a candidate with at least this many rule points of its own, or ... */
export const BOILERPLATE_MIN_POINTS = 1;
/** ... when the classifier gives it at least this (also: standalone body blocks, hidden blocks, title affixes). */
export const CAND_P = 0.5;
/** The classifier's spam vote counts in full from this many words on (measured: lone "Buy Now"/"Loans" in menus). */
export const MODEL_FULL_WORDS = 6;
/** Units up to this long are checked for how many real words they have (longer ones always have enough). */
export const MODEL_WORD_CHECK_CHARS = 200;
/**
 * Languages the classifier has training text in (synthetic corpus, spam-text, clean news): zh, en, ja, id. On text in
 * any other language its p is an extrapolation from character n-grams it never saw in context (a Russian recipe line
 * came out p=0.975), so its spam vote there is capped below the strong vote that counts as evidence alone.
 */
export const MODEL_LANGS: ReadonlySet<Lang> = new Set<Lang>(['zh', 'en', 'ja', 'id']);
export const UNTRAINED_LANG_MAX_POINTS = 1;
/** A word for the vote's shrink: a CJK word, or a run of two or more letters (not a lone letter of an A–Z index). */
const isWord = (t: { text: string; cjk: boolean }) => t.cjk || /\p{L}\p{L}/u.test(t.text);
/**
 * A Chinese or Japanese word of this many characters weighs one Latin word in the few-words shrink: jieba returns
 * 入金不要ボーナス or 线上博彩 as one token, which says as much as two or three English words.
 */
export const CJK_CHARS_PER_WORD = 2;
/** How many words a short unit has, for the few-words shrink of the classifier's vote. */
export function wordWeight(text: string): number {
  let n = 0;
  for (const t of segment(text)) n += t.cjk ? Math.max(1, t.text.length / CJK_CHARS_PER_WORD) : isWord(t) ? 1 : 0;
  return n;
}
/**
 * Can the classifier's vote on a text be spam evidence on its own (a strong vote, STRONG_MODEL_POINTS)? Not on a
 * text under MODEL_WORD_CHECK_CHARS with too few words: modelHit shrinks the vote, MODEL_MAX_POINTS at most, with
 * them. Asked with a bound of its words (tokenUnits: a CJK word weighs at most its length), so no text is segmented.
 */
export function voteCanBeEvidence(text: string): boolean {
  if (text.length >= MODEL_WORD_CHECK_CHARS) return true;
  return MODEL_MAX_POINTS * Math.min(1, tokenUnits(text, MODEL_FULL_WORDS) / MODEL_FULL_WORDS) >= STRONG_MODEL_POINTS;
}

/**
 * A hidden line the page stage took for UI (short, no links) is hidden spam when it has MODEL_FULL_WORDS words or more
 * and the classifier gives it at least this; its hiding and its words corroborate the vote (spamEvidence). Measured
 * on the corpus dev split and the 1,336 clean shared pages: hidden keyword lists in a text-indent or 0-px box at
 * p 0.854-0.897 (under UNIT_ALONE_P, where the bar was), the highest clean hidden UI line of six words or more at
 * 0.786 (an R code line in a collapsed box, now left to looksLikeCode), the next at 0.456. With the model of
 * 2026-12-03 (session 27) the lists near the bar read 0.844-0.892 and the highest clean line 0.820 (a WordPress
 * "(Visited 122 times, 11 visits today)"): a retrain moves each by a few hundredths, so the bar is not moved to
 * take the 0.844 list.
 */
export const HIDDEN_LINE_P = 0.85;
/**
 * Program code, as a collapsed code box holds it: a call on a literal or with no arguments (`library("ggplot2")`,
 * `init()`) or an assignment arrow or comparison between spaces (`x <- 1`, `a => b`, `a === b`). A hidden line with
 * CODE_MIN_SIGNS of them is a code sample, not a line for search engines, and is not asked at HIDDEN_LINE_P: a
 * retrained model read `install.packages("ggplot2") # Install ggplot2 library("ggplot2")` at 0.90.
 */
const CODE_SIGN_RE = /[\w.$]\((?:["'`)\d])|\s(?:<-|=>|:=|===?|!==?)\s/g;
export const CODE_MIN_SIGNS = 2;

export function looksLikeCode(text: string): boolean {
  let n = 0;
  CODE_SIGN_RE.lastIndex = 0;
  while (CODE_SIGN_RE.exec(text)) if (++n >= CODE_MIN_SIGNS) return true;
  return false;
}
/** A hidden block the page stage took for UI is still hidden spam with this many times hidden-text's minSpamPoints. */
export const HIDDEN_UI_OVERRULE = 3;
/** Boilerplate shorter than this is not worth a classifier call. */
export const MIN_MODEL_CHARS = 4;
/**
 * A headline part the article never uses, with no rule match of its own, is cut when the classifier asked about the
 * part alone says spam at least this confidently: its vote is then not shrunk for the part's few words, and the unused
 * part corroborates it (spamEvidence). Fitted on the corpus train split: the highest p of an unused part that is not
 * spam is 0.846 ("Girl"), the lowest spam part above it 0.889; on the clean shared pages the highest is 0.55.
 */
export const AFFIX_ALONE_P = 0.87;
/**
 * On a page whose other units are already findings (the site is spam, or carries spam), a headline part the article
 * never uses, nor most of its words (SITE_KEYWORD_MAX_OVERLAP), is the spam site's keyword from this p of the
 * classifier asked about the part alone, instead of AFFIX_ALONE_P ("Emergency Cash Now 2025: Christian County police
 * blotters" over a page with a slot site's link block). On the corpus dev split the off-topic unused headline parts of contaminated pages that
 * are not spam reach p 0.486 ("null"), the spam ones missed at AFFIX_ALONE_P lie between 0.569 and 0.867: title-affix
 * F1 0.779 -> 0.852 at precision 1.000 (0.819 at 0.6). On the clean shared pages 4 unused parts reach 0.5, and those
 * pages have no finding to corroborate one anyway.
 */
export const SITE_KEYWORD_P = 0.5;
/**
 * On a page carrying spam elsewhere, a headline part asked as the site's keyword may be most of the title: a spam site
 * may put its keyword in place of the copied headline, leaving only its name beside it ("kredit tanpa agunan hari ini -
 * ICON Magazine"). The article's own headline stays out by its words, which the article uses (offTopic).
 */
export const SITE_KEYWORD_MAX_SHARE = 0.9;
/**
 * A headline part is the site's keyword when at most this share of its content words stand in the article: one of
 * three ("Margin Trading Platform 2021" over a story that says "platform"); on the spam-pages dev split a spam blog's
 * own headline part shares all its words with its post ("Knock Off Jerseys from China", 4 of 4).
 */
export const SITE_KEYWORD_MAX_OVERLAP = 1 / 3;
/**
 * The vote of the page's other findings for a unit asked again on them (a headline part, a title-case run, the header's
 * logo and slogan), counted as spam evidence.
 */
export const SPAM_ELSEWHERE_POINTS = 1.5;
const SPAM_ELSEWHERE = 'SPAM_ELSEWHERE';
/** A capitalised word's start in a title-case run (case-splice counts them). */
const CAPITAL_WORD_RE = /(?<![\p{L}\p{N}'’])\p{Lu}/gu;
/** The page's other findings as a vote for a unit asked on their evidence (siteKeywordAffixes, siteCaseRuns). */
export function spamElsewhereHit(elsewhere: string): RuleHit {
  return { rule: SPAM_ELSEWHERE, points: SPAM_ELSEWHERE_POINTS, description: 'the page carries spam elsewhere (its finding in the evidence): this unit is the spam site\'s keyword', evidence: elsewhere };
}
/** Words (CJK: two characters each) a <title> part needs before the classifier alone may cut it (unreadAlone). */
export const UNREAD_ALONE_MIN_WORDS = 3;
/** A body sentence needs this many lexicon points (not just a weak word such as "casino"), or a confident classifier. */
export const SPLICE_MIN_LEX_POINTS = 2;
/**
 * A run of Han or kana in a sentence of Latin letters is asked about alone from this many CJK characters: a Japanese or
 * Chinese phrase inside an English or German sentence is a name, a quote or a spliced plug, and the sentence's own
 * words drown it in the sentence's p. Two characters are a name (东京, 習近平) more often than anything else.
 */
export const CJK_RUN_MIN_CHARS = 3;
/**
 * Is a run of another script reported speech (QUOTED)? Only when the quotation is not Latin words around it: a Han or
 * kana run between Latin words inside an English quotation ("… with only エースプラス公式 rare localized events …,"
 * the researchers wrote) is no word of the speaker's, it is a plug dropped into the quote.
 */
function quotedRun(sentText: string, r: Span): boolean {
  return !runInsideLatin(sentText, r) && isQuoted(sentText, r.start, r.end);
}
/**
 * A run of Han or kana that stands inside a Latin-script sentence's words (runInsideLatin: spaces around it, words on
 * both sides, no bracket) is asked about alone at this p, its shape corroborating the vote (spamEvidence), instead of
 * UNIT_ALONE_P. Fitted on the corpus train split and the clean shared pages: such runs there are spam at p 0.868 and
 * above, and the one clean such run, a Japanese word a language blog explains, has p 0.529. The vote counts as evidence
 * from p 0.82 (its points reach MIN_SPAM_EVIDENCE), so lower would change nothing.
 */
export const INSIDE_RUN_P = 0.82;
/**
 * A body paragraph up to this long is judged whole, as a one-sentence paragraph is, however many sentences it has: a
 * promo line between the article's paragraphs is often two short ones ("Win big with … on <brand>. Payouts in
 * minutes."), each too short for the classifier alone. Longer paragraphs are judged sentence by sentence. At 160 or
 * 240 a run of spliced plugs in a real spam page's paragraph became one whole-paragraph cut; at 100 no finding on the
 * 1,416 shared pages moves.
 */
export const SHORT_BLOCK_CHARS = 100;
/** A branding line up to this long is cut whole ("Copyright © 2024 启泰网配资网 版权所有"); longer blocks lose the name only. */
export const BRANDING_LINE_CHARS = 60;
/**
 * A site's name or slogan that names a spam topic (a weak term: a drug, 赌场, webcam) which the article never
 * touches: a news site's identity is its subject ("Casino News Daily" over a casino story, 彩票网 over a draw) or
 * none, and a pharmacy's slogan over an equestrian story is the spam site's. The weak term's points plus these reach
 * site-branding's minSpamPoints; asked only with this many main-body sentences, so "never touches" has text to go on.
 */
export const SITE_OFF_TOPIC_POINTS = 1.5;
const SITE_OFF_TOPIC = 'SITE_OFF_TOPIC';
/**
 * The categories that are a subject a site can be about. Not promo, seo-keywords or link-farm: a news site's own
 * plugs ("人民日报客户端下载", "关注人民网微信") are promo wording under its name on every page, whatever the story.
 */
const SITE_TOPICS: ReadonlySet<Category> = new Set<Category>(['margin-lending', 'gambling', 'fake-documents', 'loans', 'pharma', 'replica-goods', 'adult', 'game-servers']);
export const SITE_OFF_TOPIC_MIN_SENTENCES = 3;
/**
 * A "sentence" longer than this (an unpunctuated run of hundreds of KB) is not tagged word by word: its rule
 * matches are the spans. Real sentences are far shorter; the token head's cost grows with the run.
 */
export const MAX_TAGGED_CHARS = 2000;
/** What separates the parts of a headline (title and sub-title, site name): white space, dashes, bars, colons. */
const TITLE_PART_SEP_RE = /\s+|\s*[|｜–—:：]\s*|\s-\s/gu;
const TITLE_PART_SEP_END_RE = /[\s|｜–—:：\-]$/u;
const TITLE_PART_SEP_START_RE = /^[\s|｜–—:：\-]/u;

/**
 * A span whose non-space characters are all its own rule matches but at most this many is a name (a brand, with the
 * digits or the character glued to it that the match leaves out: 350VIP浦京集团, 新浦京), not a phrase.
 */
export const NAME_SPAN_EXTRA_CHARS = 3;

/**
 * Non-space characters of text[start, end) as a reader sees them: a disguise's glosses, spaces and emoji are no part of
 * the words (a glossed brand is not four times as much of its sentence as the plain brand).
 */
function readLength(text: string, start = 0, end = text.length): number {
  const part = start === 0 && end === text.length ? text : text.slice(start, end);
  const plain = undisguised(part);
  return plain === part ? nonSpaceLength(text, start, end) : nonSpaceLength(plain);
}

/** Is the span nothing but its rule matches and a few characters glued to them (offsets relative to the span)? */
export function isNameSpan(text: string, matches: { start: number; end: number }[]): boolean {
  if (matches.length === 0) return false;
  const inMatch = new Uint8Array(text.length);
  for (const m of matches) inMatch.fill(1, Math.max(0, m.start), Math.min(text.length, m.end));
  let extra = 0;
  // the characters a reader sees: a disguise's glosses, spaces and emoji are no word beside the name
  if (!isDisguised(text)) {
    for (let i = 0; i < text.length; i++) if (!inMatch[i] && !isSpace(text.charCodeAt(i))) extra++;
  } else {
    const { map } = undisguiseMapped(text, null);
    for (let k = 0; k + 1 < map.length; k++) if (!inMatch[map[k]] && !isSpace(text.charCodeAt(map[k]))) extra++;
  }
  return extra <= NAME_SPAN_EXTRA_CHARS;
}

/** A title phrase cut as spam, for its copies elsewhere (repeatedPhrases). */
export interface AcceptedPhrase {
  text: string;
  /** its positive classifier vote when it had spam evidence of its own (else empty) */
  vote: RuleHit[];
  /** that evidence was the vote asked about the phrase alone, corroborated by the part's place (spamEvidence) */
  corroborated: boolean;
}

export interface Cand {
  blockId: number;
  start: number;
  end: number;
  kind: FindingKind;
  hits: RuleHit[];
  /** apply the article-consistency check (text that could be the article's own topic) */
  consistency: boolean;
  /** carries commercial wording (contact handle, offer, sign-up plug) that is not quoted: never on-topic */
  commercial?: boolean;
  /** its structure independently agrees with the classifier's leaning vote (see spamEvidence) */
  corroborated?: boolean;
}

/**
 * A rule written for other languages than the block's (its own list, 'any' aside, names none of them): a weak word of
 * that language in this block is a phrase in another language spliced into the sentence ("bandar togel" in a German
 * sentence), located by the token head around it as a stronger match would be. A story in the rule's own language
 * that uses the word (an Indonesian report on judi online) still needs the full lexicon points.
 */
export function isForeignTo(ruleLangs: readonly string[], lang: Lang): boolean {
  let own = false;
  for (const l of ruleLangs) {
    if (l === 'any') continue;
    if (l === lang) return false;
    own = true;
  }
  return own;
}

/**
 * Do a block's positive rule matches locate a plug for the token head to cut around: lexicon points enough for a
 * sentence (SPLICE_MIN_LEX_POINTS), or any match of a rule written for other languages than the block (isForeignTo).
 */
function rulesLocate(pos: TextMatch[], lang: Lang): boolean {
  return sumPoints(lexiconHits(pos)) >= SPLICE_MIN_LEX_POINTS || pos.some((m) => isForeignTo(m.rule.lang, lang));
}

export function lexiconHits(matches: TextMatch[]): RuleHit[] {
  if (matches.length === 0) return [];
  const seen = new Map<string, number>();
  const hits: RuleHit[] = [];
  for (const m of matches) {
    const n = seen.get(m.rule.id) ?? 0;
    seen.set(m.rule.id, n + 1);
    if (n > MAX_REPEATS) continue;
    const points = n === 0 ? m.rule.score : m.rule.score * REPEAT_SHARE;
    const hit: RuleHit = { rule: m.rule.id, points, description: m.rule.description, evidence: m.evidence };
    if (m.rule.cancelsClassifier) hit.cancels = 'CLASSIFIER';
    hits.push(hit);
  }
  return hits;
}

/**
 * The language whose spliced keywords are set in title case inside sentences of lower-case words, with its stop words
 * (withoutStopWordEdges). English only: in German every noun has a capital, so a run of them is no keyword's shape,
 * and the spam networks' plugs in the other languages' pages (Indonesian, Portuguese) are mostly lower case.
 */
const TITLE_CASE_STOP_WORDS: ReadonlyMap<Lang, ReadonlySet<string>> = new Map([['en', new Set(STOP_WORDS.en)]]);

/**
 * A span of a Latin sentence that touches a run of Han or kana, with at most one Latin word on either side of it, is
 * that whole run: a plug in another script starts and ends where its script does, while the token head draws edges by
 * words (a neighbour too many) and a rule match covers only its term (博彩 of 线上博彩平台). More Latin words beside the
 * run are part of the plug and stay in the span.
 */
export function snapToRuns(text: string, spans: Span[], runs: Span[]): Span[] {
  if (runs.length === 0) return spans;
  const oneWord = (s: number, e: number) => !/\S\s+\S/.test(text.slice(s, e).trim());
  return spans.map((sp) => {
    const touched = runs.filter((r) => r.start < sp.end && r.end > sp.start);
    if (touched.length === 0) return sp;
    const start = touched[0].start;
    const end = touched[touched.length - 1].end;
    return oneWord(sp.start, Math.max(sp.start, start)) && oneWord(Math.min(sp.end, end), sp.end) ? { start, end } : sp;
  });
}

export class Generators {
  readonly ctx: PageCtx;
  readonly S: ReadonlyMap<StructuralCheck, StructuralRuleRef>;
  readonly cands: Cand[] = [];
  /** exact copies of the title's keyword phrase: the tagger leaves them to the repeated-phrase check */
  private phraseList: { start: number; end: number }[] = [];
  private phraseSet: SpanSet | null = null;
  /** blocks siteBranding cuts whole as the spam site's line, on points enough for a finding (asked before repeatedPhrases) */
  private readonly brandedLines = new Set<number>();
  /** names siteBranding took for the spam site's (its second pass, on the page's other findings, asks only without) */
  private brandingNames = 0;
  /** the article's words (usedElsewhere, and the consistency votes' topic overlap) */
  readonly article = new ArticleWords(() => this.ctx.mainSentenceTexts);

  /**
   * Does the article use the word outside the sentence `sentLower` (lower-cased once by the caller for all its words):
   * the article's occurrences, less the sentence's own, as countWord reads a use? A word of a spaced script counts at a
   * word's start ("ini" is not used by "Termini"), looked up in the article's words sorted once (a page of thousands of
   * title-case runs is not searched once per word); a word with CJK in it anywhere.
   */
  private usedElsewhere(word: string, sentLower: string): boolean {
    const w = word.toLowerCase();
    return this.article.usesBeyond(w, sentLower ? countWord(sentLower, w) : 0);
  }
  /** title affixes that are spam on their own evidence: left out when the headline tells the article's topic */
  readonly spamAffixes: { start: number; end: number }[] = [];
  /** the site's own registrable domains */
  readonly own: Set<string>;
  readonly words = new PageWords();

  constructor(
    readonly page: Page,
    readonly rules: CompiledRules,
    readonly model: Model | null,
    readonly budget: Budget,
    /** points a unit needs (the detector's threshold) */
    readonly required: number,
    /**
     * Leave out candidates that can be no finding whatever their points, when that spares the classifier's question
     * (detect() drops a candidate without spam evidence of its own; a diagnostic list of all candidates keeps them).
     */
    readonly findingsOnly = false,
  ) {
    this.ctx = buildContext(page, rules, budget);
    this.S = structuralRules(rules);
    this.own = siteDomains(page);
  }

  get phrases(): SpanSet {
    return (this.phraseSet ??= new SpanSet(this.phraseList));
  }

  /** the classifier's answers by text, for the life of one page (menus and bylines repeat the same texts) */
  private readonly pOf = new Map<string, number>();
  private readonly atLeastOf = new Map<number, Map<string, boolean>>();

  /**
   * The text as a reader sees its words: the classifier reads a spaced-out, glossed or emoji-sprayed run (真 人 棋 牌,
   * 配(zī)资) as the words it spells, as the rules do, not as characters cut apart. The rules' char-code pass
   * (mayBeDisguised) asks each text first: DISGUISE_RE, ~15x dearer, runs only on a text it finds a candidate in.
   */
  private seen(text: string): string {
    return mayBeDisguised(text) ? undisguised(text) : text;
  }

  p(text: string): number {
    if (!this.model || !text.trim()) return 0;
    let p = this.pOf.get(text);
    if (p === undefined) this.pOf.set(text, (p = unitP(this.seen(text), this.model)));
    return p;
  }

  /**
   * Is the classifier's vote on the text spam evidence on its own: words enough for a full vote (voteCanBeEvidence)
   * and p at least UNIT_ALONE_P (STRONG_MODEL_POINTS)? A unit whose one possible evidence is the vote is a finding
   * only then; the bound answers most texts without the exact p.
   */
  private strongVote(text: string): boolean {
    return voteCanBeEvidence(text) && this.pAtLeast(text, UNIT_ALONE_P);
  }

  /**
   * p(text) >= p0: from the exact p when it is known, else asked once per text and p0 (unitPUnlessBelow: most texts
   * answer from the score's bound without the exact p; one that does not is given its exact p, which is kept, so the
   * vote on a candidate the answer makes is not worked out again). `folded`: foldText(text), when the caller has it.
   */
  pAtLeast(text: string, p0: number, folded?: string): boolean {
    const p = this.pOf.get(text);
    if (p !== undefined) return p >= p0;
    if (!this.model || !text.trim()) return this.p(text) >= p0;
    let byText = this.atLeastOf.get(p0);
    if (!byText) this.atLeastOf.set(p0, (byText = new Map()));
    let yes = byText.get(text);
    if (yes === undefined) {
      // when the bound does not answer, the exact p is worked out: kept, as this.p would give it
      const seen = this.seen(text);
      // the caller's fold is of the text as written: a disguised one is folded again, as read
      const exact = unitPUnlessBelow(seen, this.model, p0, seen === text ? folded : undefined);
      if (exact !== null) this.pOf.set(text, exact);
      byText.set(text, (yes = exact !== null && exact >= p0));
    }
    return yes;
  }

  /**
   * The classifier's vote on a text. `fewWordsShrink`: a few words tell the model little beyond their prior ("Buy
   * Now", "Loans", an A–Z index), so its vote shrinks with them; a unit picked out by its script, not by its words
   * (cjkRuns), keeps its vote.
   */
  modelHit(text: string, p = this.p(text), fewWordsShrink = true): RuleHit[] {
    if (!this.model || !text.trim()) return [];
    let points = modelPoints(p);
    if (fewWordsShrink && points > 0) {
      // the words a reader sees: a disguise's glosses and spaces make no more words of a short text
      const seen = this.seen(text);
      if (seen.length < MODEL_WORD_CHECK_CHARS) points *= Math.min(1, wordWeight(seen) / MODEL_FULL_WORDS);
    }
    if (points > UNTRAINED_LANG_MAX_POINTS) {
      const lang = detectLang(text); // 'other': too little text to tell, the vote stands
      if (lang !== 'other' && !MODEL_LANGS.has(lang)) points = UNTRAINED_LANG_MAX_POINTS;
    }
    return [{ rule: 'CLASSIFIER', points, description: `hashed n-gram classifier, p(spam)=${p.toFixed(3)}`, evidence: '' }];
  }

  structural(check: StructuralCheck, evidence: string): RuleHit[] {
    const ref = this.S.get(check);
    return ref ? [hitOf(ref, evidence)] : [];
  }

  params(check: StructuralCheck): Record<string, number> | null {
    return this.S.get(check)?.params ?? null;
  }

  add(c: Cand): void {
    c.commercial = this.sells(c);
    this.cands.push(c);
  }

  /**
   * Does the unit sell: a commercial rule (contact handle, offer, entry plug) matches inside it and is not quoted
   * inside a longer sentence of its block (a crackdown story quoting an advert's wording reports on it).
   */
  sells(c: { blockId: number; start: number; end: number }): boolean {
    const bc = this.ctx.blocks[c.blockId];
    const ids = commercialRules(this.rules);
    for (const m of matchesIn(bc, c.start, c.end)) {
      if (m.rule.score <= 0 || !ids.has(m.rule.id)) continue;
      if (!isQuoted(bc.block.text, m.start - bc.block.start, m.end - bc.block.start)) return true;
    }
    return false;
  }

  /**
   * Does the unit carry a sales pitch: commercial wording of the promo category (an offer, a call to contact or to
   * sign up), unquoted? A brand name is commercial too, but a name: a brand substituted for a school is no advert.
   */
  private pitches(bc: BlockCtx, c: { start: number; end: number }): boolean {
    const ids = commercialRules(this.rules);
    for (const m of matchesIn(bc, c.start, c.end)) {
      if (m.rule.score <= 0 || m.rule.category !== 'promo' || !ids.has(m.rule.id)) continue;
      if (!isQuoted(bc.block.text, m.start - bc.block.start, m.end - bc.block.start)) return true;
    }
    return false;
  }

  text(c: { start: number; end: number }): string {
    return this.page.text.slice(c.start, c.end);
  }

  /**
   * Title affixes: a headline part is cut only with spam evidence of its own (rule points, a confident classifier,
   * or for a part the article never uses, the classifier asked about it alone at AFFIX_ALONE_P); a two-part headline
   * (title + sub-title, —, |, ：) otherwise stays whole. Returns the affixes that reach the threshold (keyword phrases
   * the repeated-phrase check looks for elsewhere).
   */
  titleAffix(votes: (c: Cand) => RuleHit[]): AcceptedPhrase[] {
    const p = this.params('title-affix');
    const title = this.page.blocks[0];
    if (!p) return [];
    const affixes: Cand[] = [];
    const ownEvidence = (from: number, to: number): number => this.affixEvidence(this.ctx.blocks[0], from, to);
    // the longest affix with spam evidence so far, at the title's start and at its end
    let prefix: Cand | null = null;
    let suffix: Cand | null = null;
    for (const a of title?.text ? titleAffixes(title.text, p) : []) {
      this.budget.check('detect:title');
      const s = title.start + a.start;
      const e = title.start + a.end;
      const unused = bodyUses(a.text, this.ctx.mainSentenceTexts) <= p.maxBodyUses;
      // a part the article never uses that sells (a call to action, an offer: commercial wording, unquoted) is no part
      // of the story's headline: its words are its evidence, and the classifier's low p on a shop name it never saw
      // is no evidence against it ("Join Today ApexSwift Rewards | <headline>"; no title part of the 1,336 clean
      // shared pages carries commercial wording)
      const selling = unused && this.sells({ blockId: 0, start: s, end: e });
      const alone = !selling && ownEvidence(s, e) < MIN_AFFIX_EVIDENCE;
      // a part with no spam evidence of its own is cut only when the article never uses it and the classifier, asked
      // about the part alone, is confident (AFFIX_ALONE_P)
      if (alone && !(unused && this.pAtLeast(a.text, AFFIX_ALONE_P))) continue;
      const pa = alone ? this.p(a.text) : 0;
      // a longer affix does not take along the next headline part when the article uses that part and it carries no
      // spam evidence of its own ("Fifa Coins Shop - St. Magdalener: Rotweine ..." over a story on St. Magdalener)
      const before = a.start === 0 ? prefix : suffix;
      if (before) {
        const [xs, xe] = a.start === 0 ? [before.end, e] : [s, before.start];
        if (ownEvidence(xs, xe) < MIN_AFFIX_EVIDENCE && bodyUses(this.page.text.slice(xs, xe), this.ctx.mainSentenceTexts) > p.maxBodyUses) continue;
      }
      const vote = alone ? this.modelHit(a.text, pa, false) : this.modelHit(a.text);
      const hits = [...lexiconHits(matchesIn(this.ctx.blocks[0], s, e)), ...(selling ? vote.filter((h) => h.points > 0) : vote)];
      // a headline part the article never uses is not the article's topic: the topic never excuses it
      if (unused) hits.push(...this.structural('title-affix', a.text));
      const c: Cand = { blockId: 0, start: s, end: e, kind: 'title-affix', hits, consistency: !unused, corroborated: alone };
      this.add(c);
      affixes.push(c);
      if (a.start === 0) prefix = c;
      else suffix = c;
      // an affix that is spam on its own evidence does not tell what the article is about
      if (sumPoints(c.hits) >= this.required) this.spamAffixes.push({ start: s, end: e });
    }
    if (title?.text) this.titleSplices(title.start, title.end);
    affixes.push(...this.unreadTitle(p));
    return affixes
      .filter((c) => sumPoints([...c.hits, ...votes(c)]) >= this.required)
      .map((c) => ({
        text: this.text(c),
        vote: spamEvidence(c.hits, this.rules, c.corroborated) >= MIN_SPAM_EVIDENCE ? c.hits.filter((h) => h.rule === 'CLASSIFIER' && h.points > 0) : [],
        corroborated: c.corroborated === true,
      }));
  }

  /**
   * The spam evidence of a headline part [from, to) of its own: its positive rule matches and the classifier (asked
   * only when its vote can count: with no rule match, only a strong vote does).
   */
  private affixEvidence(bc: BlockCtx, from: number, to: number): number {
    const lex = lexiconHits(matchesIn(bc, from, to).filter((m) => m.rule.score > 0));
    const text = this.page.text.slice(from, to);
    if (lex.length === 0 && !this.strongVote(text)) return 0;
    return spamEvidence([...lex, ...this.modelHit(text)], this.rules);
  }

  /**
   * The <title>'s text that the headline leaves out (the page stage's region 'title' blocks after block 0), each of
   * its parts judged as a headline affix ("股票配资" before a copied story's <title> whose headline is its h1, "Buy
   * College Diploma Online" after the site's name): a run of parts with spam evidence of its own is cut whole. The
   * classifier alone cuts a part only with words enough not to be a name (unreadAlone): these parts are mostly the
   * site's name, and a name ("Minuto30", "凤凰网娱乐") is the brand-shaped short text the classifier alone calls spam.
   */
  private unreadTitle(p: Record<string, number>): Cand[] {
    const out: Cand[] = [];
    for (const bc of this.ctx.blocks) {
      const b = bc.block;
      if (b.id === 0 || b.region !== 'title') continue;
      this.budget.check('detect:title');
      const runs: { start: number; end: number }[] = [];
      let last = -1;
      const parts = titlePieceParts(b.text);
      for (let k = 0; k < parts.length; k++) {
        const s = b.start + parts[k].start;
        const e = b.start + parts[k].end;
        if (this.affixEvidence(bc, s, e) < MIN_AFFIX_EVIDENCE) {
          if (this.unreadAlone(s, e, p)) out.push(this.aloneAffix(bc, s, e));
          continue;
        }
        if (last === k - 1 && runs.length) runs[runs.length - 1].end = e;
        else runs.push({ start: s, end: e });
        last = k;
      }
      for (const { start, end } of runs) {
        const text = this.page.text.slice(start, end);
        const unused = bodyUses(text, this.ctx.mainSentenceTexts) <= p.maxBodyUses;
        const hits = [...lexiconHits(matchesIn(bc, start, end)), ...this.modelHit(text)];
        if (unused) hits.push(...this.structural('title-affix', text));
        const c: Cand = { blockId: b.id, start, end, kind: 'title-affix', hits, consistency: !unused };
        this.add(c);
        out.push(c);
        if (sumPoints(c.hits) >= this.required) this.spamAffixes.push({ start, end });
      }
    }
    return out;
  }

  /**
   * A part of the <title> the headline leaves out that the classifier, asked about it alone, calls spam at
   * AFFIX_ALONE_P, as a headline part the article never uses is judged: words enough not to be a name
   * (UNREAD_ALONE_MIN_WORDS: "Minuto30", "凤凰网娱乐" are the brand-shaped short texts the classifier alone calls spam),
   * not the site's own name or logo, and words the article never uses.
   */
  private unreadAlone(s: number, e: number, p: Record<string, number>): boolean {
    const text = this.page.text.slice(s, e);
    if (wordWeight(this.seen(text)) < UNREAD_ALONE_MIN_WORDS) return false;
    return bodyUses(text, this.ctx.mainSentenceTexts) <= p.maxBodyUses && this.pAtLeast(text, AFFIX_ALONE_P);
  }

  /** The candidate of a <title> part cut on the classifier asked about it alone (unreadAlone). */
  private aloneAffix(bc: BlockCtx, s: number, e: number): Cand {
    const text = this.page.text.slice(s, e);
    const hits = [...lexiconHits(matchesIn(bc, s, e)), ...this.modelHit(text, this.p(text), false), ...this.structural('title-affix', text)];
    const c: Cand = { blockId: bc.block.id, start: s, end: e, kind: 'title-affix', hits, consistency: false, corroborated: true };
    this.add(c);
    if (sumPoints(c.hits) >= this.required) this.spamAffixes.push({ start: s, end: e });
    return c;
  }

  /**
   * The spam site's keyword in front of or after a copied headline, on a page whose other units are findings
   * (`elsewhere`: the strongest of them): per side, the unused headline part the classifier, asked about it alone,
   * leans most to call spam (from SITE_KEYWORD_P), when no title candidate on that side is a finding (`cut`). Asked
   * after the page's other units are scored (scoreAll); their finding is the part's evidence (SPAM_ELSEWHERE), as a
   * slogan's is its logo's.
   */
  siteKeywordAffixes(elsewhere: string, cut: { start: number; end: number }[]): void {
    const p = this.params('title-affix');
    const title = this.page.blocks[0];
    if (!p || !this.model || !title?.text) return;
    const best: Array<{ a: { start: number; end: number; text: string }; p: number } | null> = [null, null];
    // a title of one part (the page stage kept the part it took for the headline) is asked whole: the keyword in place
    // of the headline
    const parts = titleAffixes(title.text, p, SITE_KEYWORD_MAX_SHARE);
    for (const a of parts.length > 0 ? parts : [{ start: 0, end: title.text.length, text: title.text }]) {
      this.budget.check('detect:title');
      const s = title.start + a.start;
      const e = title.start + a.end;
      const side = a.start === 0 ? 0 : 1;
      if (cut.some((c) => c.start < e && c.end > s) || bodyUses(a.text, this.ctx.mainSentenceTexts) > p.maxBodyUses || !this.offTopic(a.text)) continue;
      const pa = this.p(a.text);
      if (pa >= SITE_KEYWORD_P && pa > (best[side]?.p ?? 0)) best[side] = { a, p: pa };
    }
    for (const b of best) {
      if (!b) continue;
      const s = title.start + b.a.start;
      const e = title.start + b.a.end;
      const hits = [
        ...lexiconHits(matchesIn(this.ctx.blocks[0], s, e)),
        ...this.modelHit(b.a.text, b.p, false),
        ...this.structural('title-affix', b.a.text),
        spamElsewhereHit(elsewhere),
      ];
      this.add({ blockId: 0, start: s, end: e, kind: 'title-affix', hits, consistency: false, corroborated: true });
    }
  }

  /**
   * Title-case keywords spliced into the article's sentences of a page whose other units are findings (`elsewhere`,
   * the strongest): a run of at least case-splice's minCapWords capitalised words with words on both sides in its
   * paragraph (titleCaseRuns, runInsideLatin: "… Syniah Johnson 6 Counterfeit Documents Online points."), whose words
   * the article mostly does not use elsewhere (a name of the story recurs in it), that the classifier asked about
   * alone leans to call spam (SITE_KEYWORD_P), and that no candidate of the other passes touches (a plug its rule
   * matches located keeps their edges). Asked after the page's other units are scored, as siteKeywordAffixes.
   */
  siteCaseRuns(elsewhere: string): void {
    const p = this.params('case-splice');
    if (!p) return;
    this.siteRuns(elsewhere, 'detect:case-run', false, (sentText, b, off) =>
      titleCaseRuns(sentText).filter((r) => {
        const runText = sentText.slice(r.start, r.end);
        return (runText.match(CAPITAL_WORD_RE) ?? []).length >= p.minCapWords && runInsideLatin(b.text, { start: off + r.start, end: off + r.end }) && this.offTopic(runText, sentText);
      }),
      (sentText, r) => this.structural('case-splice', sentText.slice(r.start, r.end)),
    );
  }

  /**
   * Runs of another script spliced into the article's sentences (a Han or kana run in Latin text, a kana run in Chinese:
   * the runs cjkRuns asks about) on a page whose other units are findings (`elsewhere`, the strongest): each run no
   * candidate of the other passes touches, that the classifier asked about alone leans to call spam (SITE_KEYWORD_P
   * instead of INSIDE_RUN_P or UNIT_ALONE_P), with that finding as its evidence (SPAM_ELSEWHERE).
   */
  siteScriptRuns(elsewhere: string): void {
    this.siteRuns(elsewhere, 'detect:script-run', true, (sentText) => otherScriptRuns(sentText, CJK_RUN_MIN_CHARS), (sentText, r) => {
      const hits = this.scriptSplice(sentText, r);
      if (quotedRun(sentText, r)) hits.push(quotedHit(sentText));
      return hits;
    });
  }

  /**
   * The second pass over the runs `runsOf` finds in the article's sentences (siteCaseRuns, siteScriptRuns): each run
   * no candidate of the other passes touches (a plug its rule matches located keeps their edges), nor a copy of the
   * title's phrase, that the classifier asked about alone leans to call spam (SITE_KEYWORD_P), is a spliced phrase
   * with its rule hits, the vote, `shapeOf`'s hits and the page's finding elsewhere (SPAM_ELSEWHERE); `consistency`:
   * whether the consistency votes are asked of it.
   */
  private siteRuns(
    elsewhere: string,
    stage: string,
    consistency: boolean,
    runsOf: (sentText: string, b: Block, sentOffset: number) => Span[],
    shapeOf: (sentText: string, r: Span) => RuleHit[],
  ): void {
    if (!this.model) return;
    const taken = new SpanSet(this.cands);
    for (const bc of this.ctx.blocks) {
      const b = bc.block;
      if (b.region !== 'body') continue;
      for (const sent of bc.sentences) {
        this.budget.check(stage);
        const sentText = this.page.text.slice(sent.start, sent.end);
        for (const r of runsOf(sentText, b, sent.start - b.start)) {
          const s = sent.start + r.start;
          const e = sent.start + r.end;
          if (taken.overlaps(s, e) || this.phrases.overlaps(s, e)) continue;
          const runText = sentText.slice(r.start, r.end);
          const pr = this.p(runText);
          if (pr < SITE_KEYWORD_P) continue;
          // the run's own rule matches, ham ones too (a name of the story, "… Police Department", reads as news)
          const hits = [...lexiconHits(matchesIn(bc, s, e)), ...this.modelHit(runText, pr, false), ...shapeOf(sentText, r), spamElsewhereHit(elsewhere)];
          this.add({ blockId: b.id, start: s, end: e, kind: 'spliced-phrase', hits, consistency, corroborated: true });
        }
      }
    }
  }

  /**
   * Units of a spam shape that missed a finding for want of spam evidence of their own, on a page whose other units are
   * findings (`elsewhere`, the strongest): lines shaped as promo lines (a numbered line standing alone, a line in
   * another language than the page's: lineShape), runs of another script spliced into a sentence (scriptSplice), and
   * units that sell (a commercial rule's match, unquoted: a web agency's "一條龍服務" in its advert paragraph, a
   * tradesman's "licensed and insured"). Each one whose words lean to spam (the classifier asked about it alone at
   * SITE_KEYWORD_P, or a rule's match in it) and whose words the article mostly does not use outside its block
   * (offTopic) is asked again with that finding as its evidence (SPAM_ELSEWHERE).
   */
  siteShapedUnits(elsewhere: string, missed: readonly Cand[]): void {
    const shapes = new Set(
      (['numbered-promo-line', 'language-mismatch', 'script-splice'] as const).map((k) => this.S.get(k)?.id).filter((id): id is string => id !== undefined),
    );
    if (!this.model || shapes.size === 0) return;
    for (const m of missed) {
      if (!m.hits.some((h) => shapes.has(h.rule)) && !this.sells(m)) continue;
      const bc = this.ctx.blocks[m.blockId];
      const text = this.page.text.slice(m.start, m.end);
      if (!this.offTopic(text, bc.block.text)) continue;
      const ruled = matchesIn(bc, m.start, m.end).some((x) => x.rule.score > 0);
      if (!ruled && this.p(text) < SITE_KEYWORD_P) continue;
      this.add({ ...m, hits: [...m.hits, spamElsewhereHit(elsewhere)], corroborated: true });
    }
  }

  /**
   * Are a text's content words foreign to the article: at most SITE_KEYWORD_MAX_OVERLAP of them used in its sentences
   * outside `own` (the sentence the text stands in, whose copies are no use)? A spam site's keyword over a copied story
   * is ("Margin Trading Platform 2021" over student halls); a spam blog's own headline part over its own post is not
   * ("Knock Off Jerseys from China" over a post on knock-off jerseys), however rarely the post repeats the part whole.
   */
  private offTopic(text: string, own = ''): boolean {
    const words = new Set<string>();
    for (const t of this.words.lower(text)) if (isContentWord(t.text, t.cjk)) words.add(t.text);
    if (words.size === 0) return false;
    let used = 0;
    const ownLower = own.toLowerCase();
    for (const w of words) if (this.usedElsewhere(w, ownLower)) used++;
    return used / words.size <= SITE_KEYWORD_MAX_OVERLAP;
  }

  /**
   * Spam inside the headline rather than at its ends: a phrase spliced into the middle ("校长卢煜澳彩期期准凤凰艺术明谈"),
   * cut at the model's word edges; or a title that is spam as a whole, with words the article never uses.
   */
  titleSplices(start: number, end: number): void {
    const bc = this.ctx.blocks[0];
    const raw = this.page.text.slice(start, end);
    const pos = bc.matches.filter((m) => m.rule.score > 0);
    if (sumPoints(lexiconHits(pos)) < SPLICE_MIN_LEX_POINTS) return;
    // the headline as a reader sees its words: a spaced-out, glossed or emoji-sprayed splice is read without its
    // disguise (the token model's word edges and the part separators are the plain text's), then cut on the original
    const plain = isDisguised(raw) ? undisguiseMapped(raw, null) : null;
    const text = plain ? plain.text : raw;
    const toPlain = (o: number) => (plain ? firstAtLeast(plain.map, o) : o);
    const toRaw = (i: number) => (plain ? plain.map[i] : i);
    const anchors = pos.map((m) => ({ start: toPlain(m.start - start), end: toPlain(m.end - start) }));
    // a title too long to be a headline (keywords stuffed into <title>) is cut at its rule matches, as a long sentence is
    const spans = text.length > MAX_TAGGED_CHARS ? mergeSpans(anchors) : tagSpans(text, anchors, this.model?.token ?? null);
    const nonSpace = nonSpaceLength(text) || 1;
    const covered = spans.reduce((n, sp) => n + nonSpaceLength(text, sp.start, sp.end), 0);
    const p = this.params('title-affix');
    if (covered / nonSpace >= SENTENCE_COVER) {
      // the title is spam as a whole (a keyword title over a copied story): only when the article never uses it
      if (p && bodyUses(raw, this.ctx.mainSentenceTexts) <= p.maxBodyUses) {
        const hits = [...lexiconHits(bc.matches), ...this.modelHit(raw), ...this.structural('title-affix', raw)];
        this.add({ blockId: 0, start, end, kind: 'title-affix', hits, consistency: true });
      }
      return;
    }
    for (const sp of spans) {
      // a span stays inside the headline part its rule match is in: the other part is the headline's own
      const a = anchors.find((x) => x.start >= sp.start && x.end <= sp.end);
      let from = sp.start;
      let to = sp.end;
      if (a) {
        for (const m of text.slice(sp.start, sp.end).matchAll(TITLE_PART_SEP_RE)) {
          const at = sp.start + m.index!;
          if (at + m[0].length <= a.start) from = at + m[0].length;
          else if (at >= a.end && to === sp.end) to = at;
        }
      }
      // spliced into the middle of a headline word run (inside a name), with words the article never uses
      const inside = from > 0 && to < text.length && !TITLE_PART_SEP_END_RE.test(text.slice(0, from)) && !TITLE_PART_SEP_START_RE.test(text.slice(to));
      if (inside) ({ from, to } = rejoinedEdges(text, from, to, this.ctx.mainSentenceTexts));
      const s = start + toRaw(from);
      let e = start + toRaw(to);
      // the original's end is where the next plain char starts: the spaces of a spaced-out run before it stay
      while (e > s && isSpace(this.page.text.charCodeAt(e - 1))) e--;
      const hits = [...lexiconHits(matchesIn(bc, s, e)), ...this.modelHit(this.page.text.slice(s, e))];
      if (p && inside && bodyUses(this.page.text.slice(s, e), this.ctx.mainSentenceTexts) <= p.maxBodyUses) hits.push(...this.structural('title-affix', this.page.text.slice(s, e)));
      this.add({ blockId: 0, start: s, end: e, kind: 'spliced-phrase', hits, consistency: true });
    }
  }

  /** Exact copies of an accepted title keyword phrase elsewhere in the page (spliced into sentences, the h1...). */
  repeatedPhrases(accepted: AcceptedPhrase[]): void {
    const p = this.params('repeated-phrase');
    if (!p) return;
    for (const { text: phrase, vote: ownVote, corroborated } of accepted) {
      if (phrase.length < p.minPhraseChars && !/[\u3400-\u9fff]{2}/.test(phrase)) continue;
      if (bodyUses(phrase, this.ctx.mainSentenceTexts) > p.maxOtherUses) continue;
      // the classifier's vote on the phrase counts for a copy that is a headline's affix as the phrase was the
      // title's (the h1 repeating the <title>), when it is for spam: a vote against was outweighed where the phrase
      // was accepted. A copy inside another line (the site's name in its copyright line) is judged with that line.
      // a phrase cut from the title on spam evidence of its own (the classifier asked about it alone) is the same
      // text wherever it is copied: the h1, or spliced into a sentence ("于欢沉默寡<phrase>言") carries that evidence
      const own = ownVote.length > 0;
      const vote = own ? ownVote : this.modelHit(phrase).filter((h) => h.points > 0);
      const ta = this.params('title-affix');
      for (const bc of this.ctx.blocks) {
        this.budget.check('detect:repeated-phrase');
        if (bc.block.id === 0) continue;
        let from = 0;
        // the block's headline parts, split once for all the phrase's copies in it
        let parts: ReturnType<typeof titleAffixes> | undefined;
        for (;;) {
          const i = bc.block.text.indexOf(phrase, from);
          if (i < 0) break;
          if (from > 0) this.budget.check('detect:repeated-phrase');
          from = i + phrase.length;
          const s = bc.block.start + i;
          const e = s + phrase.length;
          this.phraseList.push({ start: s, end: e });
          const affix =
            (i === 0 && bc.block.text.length === phrase.length) ||
            (ta !== null && (parts ??= titleAffixes(bc.block.text, ta)).some((a) => a.start === i && a.end === i + phrase.length));
          // the phrase's own vote goes with its copies, except one in a line siteBranding cuts whole (the spam site's
          // copyright line): that line is judged as the site's, and a copy outvoting it would leave the rest of it
          const hits = [...this.structural('repeated-phrase', phrase), ...lexiconHits(matchesIn(bc, s, e)), ...(affix || (own && !this.brandedLines.has(bc.block.id)) ? vote : [])];
          this.add({ blockId: bc.block.id, start: s, end: e, kind: 'spliced-phrase', hits, consistency: false, corroborated: own && corroborated });
        }
      }
    }
    this.phraseSet = null;
  }

  /** The spam site's own name and slogan, when they carry spam terms, wherever they stand outside the article. */
  siteBranding(elsewhere?: RuleHit): void {
    const p = this.params('site-branding');
    if (!p) return;
    // asked again with the page's other findings (scoreAll) only when the first pass found no spam site's name
    if (elsewhere && this.brandingNames > 0) return;
    // a name's length as a reader sees it: a pinyin-glossed or emoji-sprayed name is no longer than its plain form
    const fits = (n: string) => {
      const len = undisguised(n).length;
      return len >= 2 && len <= p.maxChars;
    };
    // a name or slogan meets the rules of its own language too (an English slogan on a Portuguese page)
    // each name's rule hits, and those with the classifier's vote: taken once (the slogan is asked twice)
    const judged = new Map<string, { lex: RuleHit[]; all?: RuleHit[] }>();
    const judge = (n: string) => {
      let j = judged.get(n);
      if (!j) {
        const matches = matchTextLangs(this.rules, n, ruleLangs(n, n.length >= MIN_LANG_CHARS ? detectLang(n) : this.ctx.lang, this.ctx.lang), 'boilerplate');
        const lex = [...lexiconHits(matches), ...this.siteOffTopic(matches)];
        judged.set(n, (j = { lex }));
      }
      return j;
    };
    /** the rule hits and the classifier's vote */
    const allOf = (n: string): RuleHit[] => {
      const j = judge(n);
      return (j.all ??= [...j.lex, ...this.modelHit(n)]);
    };
    /**
     * spamEvidence(allOf(n)) >= minSpamPoints, the classifier's p asked only when it can decide: its vote adds to the
     * rule hits' evidence, and with none it counts only when strong (p >= UNIT_ALONE_P, words enough)
     */
    const strong = (n: string): boolean => {
      const j = judge(n);
      if (j.all === undefined) {
        const lex = spamEvidence(j.lex, this.rules);
        if (lex >= p.minSpamPoints) return true;
        if (lex === 0 && !this.strongVote(n)) return 0 >= p.minSpamPoints;
      }
      return spamEvidence(allOf(n), this.rules) >= p.minSpamPoints;
    };
    const names: { name: string; borrowed: RuleHit[]; own: RuleHit[]; lender?: number }[] = [];
    // a name's SITE_OFF_TOPIC vote is the page's, not its words': it goes with the name into every line that carries it
    for (const n of new Set([this.page.siteName, this.page.slogan])) {
      if (fits(n) && strong(n)) names.push({ name: n, borrowed: judge(n).lex.filter((h) => h.rule === SITE_OFF_TOPIC), own: judge(n).lex });
    }
    // on a page whose other units are findings: the header's logo and slogan, when one of them is off the article's
    // words and the classifier leans to call it spam (SITE_KEYWORD_P), are the spam site's ("Nova Outlet" over
    // "Replica Omega news and offers"); the page's findings are their evidence, as a slogan's is its logo's
    if (elsewhere) {
      const pair = [...new Set([this.page.logo, this.page.slogan])].filter((n) => fits(n) && !names.some((x) => x.name === n));
      if (pair.some((n) => this.offTopic(n) && this.p(n) >= SITE_KEYWORD_P)) for (const n of pair) names.push({ name: n, borrowed: [elsewhere], own: [elsewhere] });
    }
    // the header logo beside a spam slogan names the spam site, even when the name alone has no spam term in it
    // ("ZenFlirt" over "Adult Webcam news and offers"): the slogan's evidence is the name's
    const { logo, slogan } = this.page;
    const sloganStrong = fits(slogan) ? strong(slogan) : 0 >= p.minSpamPoints;
    if (fits(logo) && sloganStrong && !names.some((x) => x.name === logo) && !slogan.includes(logo) && !logo.includes(slogan)) {
      const sloganHits = fits(slogan) ? allOf(slogan) : [];
      const borrowed = sloganHits.filter((h) => h.points > 0).map((h) => ({ ...h, evidence: `${h.evidence || slogan} (the slogan beside the logo)` }));
      names.push({ name: logo, borrowed, own: borrowed });
    }
    // a site name with no spam words of its own, in a short line outside the article whose words are spam
    // ("福瑞直播(www.maxwinrx.club)提供成人直播" under the logo 福瑞直播): that line names the spam site, and its
    // evidence is the name's, as the slogan's is the logo's
    for (const n of new Set([this.page.siteName, logo])) {
      if (!fits(n) || names.some((x) => x.name === n)) continue;
      for (const bc of this.ctx.blocks) {
        const b = bc.block;
        // not the <title>: a keyword put beside the real site's name there ("WSJ | Buy College Diploma Online") is an
        // injection, not the site naming itself
        if (b.region === 'title' || b.region === 'body' || b.text.length <= n.length || !b.text.includes(n) || undisguised(b.text).length > BRANDING_LINE_CHARS) continue;
        if (!strong(b.text)) continue;
        const borrowed = allOf(b.text).filter((h) => h.points > 0).map((h) => ({ ...h, evidence: `${h.evidence || b.text} (a line naming the site)` }));
        names.push({ name: n, borrowed, own: borrowed, lender: b.id });
        break;
      }
    }
    // the slogan beside the spam site's name (its logo or site name, cut on evidence) is that site's slogan, even with
    // no spam term of its own ("新葡京资讯网" under "大唐真人"): the name's evidence is the slogan's
    const site = names.find((x) => x.name === logo || x.name === this.page.siteName);
    if (site && fits(slogan) && !names.some((x) => x.name === slogan) && !slogan.includes(site.name) && !site.name.includes(slogan)) {
      const evidence = site.borrowed.length ? site.borrowed : allOf(site.name).filter((h) => h.points > 0);
      const borrowed = evidence.map((h) => ({ ...h, evidence: `${h.evidence || site.name} (the spam site's name beside the slogan)` }));
      names.push({ name: slogan, borrowed, own: borrowed });
    }
    /** short lines cut whole as the spam site's branding, with the name's own spam evidence */
    const lines: { text: string; hits: RuleHit[] }[] = [];
    for (const { name, borrowed, own, lender } of names) {
      for (const bc of this.ctx.blocks) {
        this.budget.check('detect:branding');
        const b = bc.block;
        if (b.id === 0) continue;
        const i = b.text.indexOf(name);
        if (i < 0) continue;
        const short = undisguised(b.text).length <= BRANDING_LINE_CHARS;
        if (b.region === 'body' && !short) continue;
        // a part of the <title> loses the name only: the real site's name beside it there is no branding line
        const whole = name.length / b.text.length >= BLOCK_COVER || (short && b.region !== 'title');
        const s = whole ? b.start : b.start + i;
        const e = whole ? b.end : s + name.length;
        // the line that lent the name its evidence counts its own words once
        const lent = b.id === lender ? [] : borrowed;
        // a name that borrows its evidence is a brand: the classifier's low p on a brand name (and on a short line that
        // is little more than it, "Powered by ZenFlirt") says it has no spam words, which the borrowing already knows
        let vote = this.modelHit(this.page.text.slice(s, e));
        if (lent.length > 0) vote = vote.filter((h) => h.points > 0);
        const hits = [...this.structural('site-branding', name), ...lent, ...lexiconHits(matchesIn(bc, s, e)), ...vote];
        this.add({ blockId: b.id, start: s, end: e, kind: 'site-branding', hits, consistency: false });
        if (whole) lines.push({ text: b.text, hits: own });
        if (whole && sumPoints(hits) >= this.required) this.brandedLines.add(b.id);
      }
    }
    this.brandingNames += names.length;
    this.brandingCategory(lines);
  }

  /**
   * The SITE_OFF_TOPIC vote on a site name's or slogan's rule matches: each spam subject it names is one no text of
   * the page's article carries a rule match of.
   */
  private siteOffTopic(matches: TextMatch[]): RuleHit[] {
    const cats = new Set<Category>();
    for (const m of matches) if (m.rule.score > 0 && SITE_TOPICS.has(m.rule.category)) cats.add(m.rule.category);
    if (cats.size === 0 || this.ctx.mainSentences.length < SITE_OFF_TOPIC_MIN_SENTENCES) return [];
    // the article as any text longer than a branding line outside the <title> and hidden blocks: the main-content
    // guess can miss the story (a portal's article read as boilerplate), and a story that names the topic excuses it
    for (const bc of this.ctx.blocks) {
      const b = bc.block;
      if (b.region === 'title' || b.region === 'hidden' || b.text.length <= BRANDING_LINE_CHARS) continue;
      for (const m of bc.matches) if (m.rule.score > 0 && cats.has(m.rule.category)) return [];
    }
    return [{ rule: SITE_OFF_TOPIC, points: SITE_OFF_TOPIC_POINTS, description: `the site's name or slogan names ${[...cats].join(', ')}, which its article never mentions`, evidence: '' }];
  }

  /**
   * A headline part that stands in the spam site's own branding line (its category in "你的位置：站名 > 栏目 >")
   * and that the article never uses is the site's keyword put before a copied story: a title affix, on the
   * evidence of the site's name in that line.
   */
  private brandingCategory(lines: { text: string; hits: RuleHit[] }[]): void {
    const p = this.params('title-affix');
    const title = this.page.blocks[0];
    if (!p || !title?.text || lines.length === 0) return;
    for (const a of titleAffixes(title.text, p)) {
      const line = lines.find((l) => l.text.includes(a.text));
      if (!line || bodyUses(a.text, this.ctx.mainSentenceTexts) > p.maxBodyUses) continue;
      const hits = [...this.structural('site-branding', a.text), ...line.hits];
      this.add({ blockId: 0, start: title.start + a.start, end: title.start + a.end, kind: 'title-affix', hits, consistency: false });
    }
  }

  wholeBlock(bc: BlockCtx, kind: FindingKind, extra: RuleHit[], consistency: boolean, corroborated = false): void {
    const b = bc.block;
    const hits = [...extra, ...lexiconHits(bc.matches), ...this.modelHit(b.text)];
    this.add({ blockId: b.id, start: b.start, end: b.end, kind, hits, consistency, ...(corroborated ? { corroborated } : {}) });
  }

  block(bc: BlockCtx): void {
    this.budget.check('detect:block');
    // link checks see the site's own links as on-site, whatever URL the page was fetched from
    const b = withOwnLinks(bc.block, this.own);
    // the headline and the <title>'s other parts are judged as title affixes (titleAffix)
    if (b.region === 'title' || !b.text.trim()) return;
    // the site's own navigation (a menu, a channel list) is never a link block nor a spam finding
    if (b.region !== 'hidden' && isNavigation(b)) return;
    const pos = bc.matches.filter((m) => m.rule.score > 0);
    const lexPoints = sumPoints(lexiconHits(pos));
    // the classifier is asked about the whole block only where a decision needs it (this.p, this.pAtLeast: once per text)
    const farm = this.params('link-farm');
    const farmHit = farm && isLinkFarm(b, bc.matches, farm) ? this.structural('link-farm', `${b.links.length} links`) : [];
    const hosts = this.params('spam-link-hosts');
    if (hosts && hasSpamLinkHosts(b, hosts)) {
      farmHit.push(...this.structural('spam-link-hosts', b.links.filter((l) => l.offsite).slice(0, 3).map((l) => l.href).join(' ')));
    }
    // hidden, not legit UI; or hidden "UI" that carries spam strong enough to overrule the page stage's guess
    const hp = this.params('hidden-text');
    const overruled = b.region !== 'hidden' && b.hidden !== null && hp !== null && lexPoints >= hp.minSpamPoints * HIDDEN_UI_OVERRULE;
    // a hidden line of several words the classifier calls spam confidently is no caption (HIDDEN_LINE_P); asked only
    // of hidden "UI" that neither of the above settles
    const uiLine =
      b.region !== 'hidden' &&
      !overruled &&
      b.hidden !== null &&
      !!this.model &&
      // tokenUnits bounds wordWeight without segmenting: most hidden UI lines are a word or two
      tokenUnits(b.text, MODEL_FULL_WORDS) >= MODEL_FULL_WORDS &&
      wordWeight(b.text) >= MODEL_FULL_WORDS &&
      !looksLikeCode(b.text) &&
      this.pAtLeast(b.text, HIDDEN_LINE_P);
    const hiddenSpam = b.region === 'hidden' || overruled || uiLine;
    if (hiddenSpam) {
      const extra: RuleHit[] = [...farmHit];
      const hl = b.region === 'hidden' ? this.params('hidden-link-list') : null;
      if (hl && isHiddenLinkList(b, hl)) extra.push(...this.structural('hidden-link-list', b.links.filter((l) => l.offsite).slice(0, 3).map((l) => l.href).join(' ')));
      // spam words in the hidden links' host names count as the block's own words (spamEvidence)
      // the block's spam points (its rule points and the classifier's) are asked for only when it is long or links off-site
      if (
        hp &&
        (b.text.length >= hp.minChars || b.links.some((l) => l.offsite)) &&
        // a UI line let through at HIDDEN_LINE_P has its spam points (its vote is corroborated below)
        (uiLine || lexPoints + Math.max(0, this.model ? modelPoints(this.p(b.text)) : 0) + spamEvidence(extra, this.rules) >= hp.minSpamPoints)
      ) {
        extra.push(...this.structural('hidden-text', b.path));
      }
      // a line let through by the classifier alone: being hidden, words enough to be no caption, corroborates it
      if (extra.length || pos.length || this.pAtLeast(b.text, CAND_P)) this.wholeBlock(bc, 'hidden-block', extra, false, uiLine);
      return;
    }
    const lb = this.params('link-block');
    if (lb && isLinkBlock(b, lb)) {
      const extra = this.structural('link-block', `${b.links.length} links, ${b.links.filter((l) => l.offsite).length} off-site`);
      this.wholeBlock(bc, 'link-block', [...extra, ...farmHit], false);
      return;
    }
    if (farmHit.length) {
      this.wholeBlock(bc, 'link-block', farmHit, false);
      return;
    }
    const ks = this.params('keyword-stuffing');
    if (ks && isKeywordStuffed(b, bc.matches, ks, (t) => this.words.lower(t))) {
      this.wholeBlock(bc, 'keyword-stuffing', this.structural('keyword-stuffing', `${new Set(pos.map((m) => m.evidence)).size} distinct terms`), b.region === 'body');
      return;
    }
    if (b.region === 'boilerplate') {
      // the title's keyword copied into the h1 or a header line: the repeated-phrase check cuts just the phrase
      if (this.phrases.holds(b.start, b.end)) return;
      if (lexPoints < BOILERPLATE_MIN_POINTS && b.text.length < MIN_MODEL_CHARS) return;
      // prose the page stage left outside the article (several sentences): cut the spliced phrase, not the paragraph
      if (bc.sentences.length > 2) return this.sentencesOf(bc);
      // a line the classifier reads as the page's own text, with a plug its rules locate spliced in ("für Kino, TV,
      // Visual <plug> Effects, Web und Live-Entertainment"): the plug is cut as in an article sentence, not the line
      // a byline line whose every rule match stands in the name of a labelled slot (来源：<brand> 作者：…): the brand is
      // cut where it stands and the line's other fields stay, whatever the line's words make of the classifier's vote
      if (lexPoints >= BOILERPLATE_MIN_POINTS && this.inBylineNames(bc)) return this.sentencesOf(bc);
      // a numbered line standing alone or a line in another language than the page's is not the page's own text, so
      // neither is the rest around its rule matches: the line is the promo ("4) Open a … account at <brand>,
      // t.me/<handle>" in an embedded tweet of a German story), cut whole as in the article
      const shape = lexPoints >= BOILERPLATE_MIN_POINTS && !b.heading ? this.lineShape(bc) : [];
      if (shape.length) {
        this.wholeBlock(bc, 'promo-line', shape, true);
        return;
      }
      if (lexPoints >= BOILERPLATE_MIN_POINTS && this.model && !this.pAtLeast(b.text, CAND_P)) {
        const rest = this.restAfterRules(bc);
        if (rest !== null && !this.pAtLeast(rest, CAND_P)) return this.sentencesOf(bc);
        // a byline or dateline whose name slot holds one of the rules' matches (来源：<casino brand>, By <brand>): the name
        // is cut where it stands, as a brand substituted for a name in a sentence; the rest is too short to judge alone
        if (rest === null && pos.some((m) => inNameSlot(b.text, m.start - b.start, m.end - b.start))) return this.sentencesOf(bc);
      }
      // a line whose one possible evidence is the classifier's vote (and with no run of another script to ask about
      // alone) is a finding only with a strong vote: none when its few words keep the vote weak, none below UNIT_ALONE_P
      if (this.findingsOnly && this.voteOnly(b.text, pos) && !this.strongVote(b.text)) return;
      // a heading outside the article (the h1 over it) speaks of the article's topic: the consistency votes apply
      if (lexPoints >= BOILERPLATE_MIN_POINTS || this.pAtLeast(b.text, CAND_P)) this.wholeBlock(bc, 'promo-line', [], b.heading);
      // a teaser paragraph outside the article, with a plug in another script spliced in
      else for (const c of this.cjkRuns(b.id, b.start, b.text)) this.add(c);
      return;
    }
    // body
    const shape = this.lineShape(bc);
    if (shape.length) {
      this.wholeBlock(bc, 'promo-line', shape, true);
      return;
    }
    this.sentencesOf(bc);
  }

  /**
   * The shapes of a line that is not the page's own text: a numbered line standing alone (STRUCT_NUMBERED_PROMO_LINE)
   * and a standalone line (one or two sentences, not a paragraph with a foreign phrase spliced in) in another language
   * than the page's (STRUCT_LANGUAGE_MISMATCH). Structure only: the line is a finding with spam evidence of its own.
   */
  private lineShape(bc: BlockCtx): RuleHit[] {
    const b = bc.block;
    const lm = this.params('language-mismatch');
    // a line of Chinese with a Japanese run in it reads as Japanese by its kana: it is the article's line with a plug
    // in it, which the run is asked about alone for (cjkRuns), not a line in another language
    const mismatch =
      lm && bc.sentences.length <= 2 && bc.lang !== this.ctx.lang && languageMismatch(bc.lang, this.ctx.lang, b, lm) && !(this.ctx.lang === 'zh' && kanaRunsInHan(b.text, CJK_RUN_MIN_CHARS).length > 0)
        ? this.structural('language-mismatch', `${bc.lang} in a ${this.ctx.lang} article`)
        : [];
    const np = this.params('numbered-promo-line');
    const numbered = np && isNumberedPromoLine(this.page.blocks, b.id, np) ? this.structural('numbered-promo-line', b.text.slice(0, 24)) : [];
    return [...numbered, ...mismatch];
  }

  /** Body paragraphs: flag sentences with rule matches or a confident classifier, then cut the exact phrase. */
  sentencesOf(bc: BlockCtx): void {
    const b = bc.block;
    const found: Cand[] = [];
    // the block's p is known to be below CAND_P (so below UNIT_ALONE_P): a sentence that is the whole block has it too
    let blockBelow = false;
    if ((bc.sentences.length <= 1 || b.text.length <= SHORT_BLOCK_CHARS) && !this.phrases.holds(b.start, b.end)) {
      // a block whose one possible evidence is the classifier's vote: a promo line or not, it is a finding only with a
      // strong vote (none when its few words keep the vote weak); one of one sentence has nothing else to judge
      const weakVoteOnly = this.findingsOnly && this.voteOnly(b.text, bc.matches) && !this.strongVote(b.text);
      if (weakVoteOnly && this.sentenceIsBlock(bc)) return;
      if (!weakVoteOnly && this.pAtLeast(b.text, CAND_P)) {
        // a standalone short paragraph the classifier calls spam: a promo line; unless rule matches locate the
        // spam in it and the rest reads as news without them (a headline with a platform's name spliced into a word)
        // (or a byline whose rule matches all stand in the name of a labelled slot: 来源：<brand> 作者：…, too short to judge
        // without them)
        const rest = this.restAfterRules(bc);
        const slotted = rest === null && this.inBylineNames(bc);
        // or a run of another script in it that the classifier calls spam alone, the block reading as the article's
        // without it: the run is the plug, not the line ("了他人的ポイント還元|クイーンモール快乐而牺牲自己的快乐。")
        if (rest === null && !slotted) {
          const runs = this.cjkRuns(b.id, b.start, b.text);
          if (runs.length > 0 && !this.pAtLeast(withoutRanges(b.text, runs.map((c) => ({ start: c.start - b.start, end: c.end - b.start }))), CAND_P)) {
            for (const c of runs) this.add(c);
            return;
          }
        }
        if ((rest === null && !slotted) || (rest !== null && this.pAtLeast(rest, CAND_P))) {
          this.wholeBlock(bc, 'promo-line', [], true);
          return;
        }
      } else blockBelow = UNIT_ALONE_P >= CAND_P;
    }
    const phrases = this.phrases;
    // the classifier's bound reads each sentence's fold from the block's (the rules folded the block already)
    let blockFold: WholeFold | undefined;
    for (const sent of bc.sentences) {
      this.budget.check('detect:sentence');
      const matches = matchesIn(bc, sent.start, sent.end);
      const pos = matches.filter((m) => m.rule.score > 0 && !phrases.overlaps(m.start, m.end));
      const sentText = this.page.text.slice(sent.start, sent.end);
      // rules first: the classifier runs only on sentences the rules leave undecided
      if (!rulesLocate(pos, bc.lang)) {
        if (!this.model) continue;
        // a sentence that is its whole block is the block's text: already known below CAND_P, or asked once with it
        const whole = blockBelow && sent.start === b.start && sent.end === b.end;
        if (whole || !this.pAtLeast(sentText, UNIT_ALONE_P, foldTextPart((blockFold ??= foldWhole(b.text)), b.text, sent.start - b.start, sent.end - b.start))) {
          found.push(...this.cjkRuns(b.id, sent.start, sentText));
          continue;
        }
      }
      const anchors = pos.map((m) => ({ start: m.start - sent.start, end: m.end - sent.start }));
      // a brand in a byline's or dateline's name slot is cut where the slot holds it: the label and the other fields stay
      let spans = sentText.length > MAX_TAGGED_CHARS ? anchors : withSlotEdges(sentText, withBrandEdges(sentText, tagSpansAsRead(sentText, anchors, this.model?.token ?? null)), anchors);
      if (spans.length === 0) spans = [{ start: 0, end: sentText.length }];
      const nonSpace = readLength(sentText) || 1;
      const covered = spans.reduce((n, s) => n + readLength(sentText, s.start, s.end), 0);
      if (covered / nonSpace >= SENTENCE_COVER) spans = [{ start: 0, end: sentText.length }];
      // a spam link dropped into the article's sentence is exactly its <a> element
      // (a span's edges beyond its rule matches first lose the article's own words the token head ran on into)
      else {
        const sentLower = sentText.toLowerCase();
        let own = withoutArticleWords(sentText, spans, anchors, (t) => segment(t), (w) => this.usedElsewhere(w, sentLower));
        const stops = TITLE_CASE_STOP_WORDS.get(bc.lang);
        if (stops) own = withoutStopWordEdges(sentText, own, titleCaseRuns(sentText), stops);
        spans = snapToRuns(sentText, snapToLinks(sentText, own, anchors, b.links), cjkRunsInLatin(sentText, CJK_RUN_MIN_CHARS));
      }
      const ham = lexiconHits(matches.filter((m) => m.rule.score < 0));
      for (const sp of spans) {
        const s = sent.start + sp.start;
        const e = sent.start + sp.end;
        const spanText = this.page.text.slice(s, e);
        const own = matchesIn(bc, s, e).filter((m) => m.rule.score > 0);
        // a one-word span tells the classifier nothing but that word's prior: no vote then; nor is a low p on a span
        // that is nothing but the rule's matched name (a brand substituted for a school) evidence that it is ham
        let vote = segment(undisguised(spanText)).length >= 2 ? this.modelHit(spanText) : [];
        if (vote.some((h) => h.points < 0) && isNameSpan(spanText, own.map((m) => ({ start: m.start - s, end: m.end - s })))) vote = [];
        // in a byline's or dateline's name slot (记者<brand>, <brand>12月9日电（记者…）) the reporting words around it are
        // the byline's own, not the sentence reporting on the name
        const ownHam = inNameSlot(sentText, sp.start, sp.end)
          ? lexiconHits(matches.filter((m) => m.rule.score < 0 && !(m.start >= s - NAME_SLOT_LOOK_CHARS && m.end <= e + NAME_SLOT_LOOK_CHARS)))
          : ham;
        const hits = [...lexiconHits(own), ...ownHam, ...vote, ...this.scriptSplice(sentText, sp), ...this.splicedAnchor(b, spanText)];
        if (isQuoted(sentText, sp.start, sp.end)) hits.push(quotedHit(sentText));
        found.push({ blockId: b.id, start: s, end: e, kind: 'spliced-phrase', hits, consistency: true });
      }
    }
    if (found.length === 0) return;
    const blockChars = readLength(b.text) || 1;
    const covered = found.reduce((n, c) => n + readLength(this.page.text, c.start, c.end), 0);
    if (covered / blockChars >= BLOCK_COVER || this.isAdvert(bc, found)) {
      this.wholeBlock(bc, 'promo-line', [], true);
      return;
    }
    for (const c of found) this.add(c);
  }

  /**
   * An ordinary business's advert standing as a paragraph of the story: a short paragraph (one sentence, or up to
   * SHORT_BLOCK_CHARS) whose plugs pitch (an offer or a call to contact: 厂家直销, 欢迎来电咨询, call us today) and whose other words
   * the article never uses ("郑州某重工专业生产破碎机、制砂机" before "厂家直销，欢迎来电咨询" in a story on bus lines). It is cut
   * whole, as a promo line; a plug spliced into the story's own sentence leaves words the article uses, and stays cut
   * alone.
   */
  private isAdvert(bc: BlockCtx, found: Cand[]): boolean {
    const b = bc.block;
    if (b.region !== 'body' || (bc.sentences.length > 1 && b.text.length > SHORT_BLOCK_CHARS)) return false;
    if (!found.some((c) => this.pitches(bc, c))) return false;
    let rest = '';
    let from = b.start;
    for (const c of [...found].sort((x, y) => x.start - y.start)) {
      if (c.start > from) rest += this.page.text.slice(from, c.start) + ' ';
      from = Math.max(from, c.end);
    }
    rest += this.page.text.slice(from, b.end);
    const words = new Set<string>();
    for (const t of this.words.lower(rest)) if (isContentWord(t.text, t.cjk)) words.add(t.text);
    if (words.size < OFF_TOPIC_MIN_WORDS) return false;
    let used = 0;
    const blockLower = b.text.toLowerCase();
    for (const w of words) if (this.usedElsewhere(w, blockLower)) used++;
    return used / words.size <= OFF_TOPIC_MAX_OVERLAP;
  }

  /**
   * Is the classifier's vote the one spam evidence a unit of this text can have: no positive rule match among its
   * matches, no run of another script that cjkRuns would ask about alone? Its vote is then evidence only when strong
   * (STRONG_MODEL_POINTS: p at least UNIT_ALONE_P).
   */
  private voteOnly(text: string, matches: TextMatch[]): boolean {
    return !matches.some((m) => m.rule.score > 0) && otherScriptRuns(text, CJK_RUN_MIN_CHARS).length === 0;
  }

  /** Do all the block's positive rule matches stand in the names of labelled slots (来源：<brand> 作者：…)? */
  private inBylineNames(bc: BlockCtx): boolean {
    const b = bc.block;
    return inLabelledNames(b.text, bc.matches.filter((m) => m.rule.score > 0).map((m) => ({ start: m.start - b.start, end: m.end - b.start })));
  }

  /** Is the block's one sentence the whole block? */
  private sentenceIsBlock(bc: BlockCtx): boolean {
    const s = bc.sentences;
    return s.length === 1 && s[0].start === bc.block.start && s[0].end === bc.block.end;
  }

  /**
   * A one-sentence block without the spans its rule matches locate (the token head's edges around them), or null when
   * the rules locate nothing (too few points) or leave too little to judge.
   */
  private restAfterRules(bc: BlockCtx): string | null {
    const b = bc.block;
    const pos = bc.matches.filter((m) => m.rule.score > 0 && !this.phrases.overlaps(m.start, m.end));
    if (!rulesLocate(pos, bc.lang) || b.text.length > MAX_TAGGED_CHARS) return null;
    const anchors = pos.map((m) => ({ start: m.start - b.start, end: m.end - b.start }));
    const rest = withoutRanges(b.text, tagSpansAsRead(b.text, anchors, this.model?.token ?? null));
    return wordWeight(rest) >= MODEL_FULL_WORDS ? rest : null;
  }

  /**
   * STRUCT_SCRIPT_SPLICE when the span is one of the sentence's runs of Han or kana in Latin text (cjkRunsInLatin)
   * with at least the check's minRunChars of them: a phrase in another script dropped into the sentence. Structure
   * only, so never spam evidence on its own (spamEvidence): it adds to a span whose words the rules or the classifier
   * already call spam.
   */
  private scriptSplice(sentText: string, sp: Span): RuleHit[] {
    const p = this.params('script-splice');
    if (!p) return [];
    // the sentence's runs, found once for all its spans (a sentence of thousands of runs asks once per run)
    if (this.spliceRuns?.text !== sentText) {
      const runs = new Set<string>();
      for (const r of otherScriptRuns(sentText, p.minRunChars)) runs.add(`${r.start}:${r.end}`);
      this.spliceRuns = { text: sentText, runs };
    }
    if (!this.spliceRuns.runs.has(`${sp.start}:${sp.end}`)) return [];
    return this.structural('script-splice', sentText.slice(sp.start, sp.end));
  }
  /** the last sentence scriptSplice was asked about, with its runs ("start:end") */
  private spliceRuns: { text: string; runs: Set<string> } | null = null;

  /**
   * STRUCT_SPLICED_ANCHOR when the span is exactly the text of an off-site link of the block, of at most the check's
   * maxAnchorWords words: a link dropped into the article's sentence ("…sich zu Gianni einladen, <a>bandar togel</a>
   * und Essen mitbringen"), the shape of automated backlink insertion. Structure only, never spam evidence on its own
   * (spamEvidence): it adds to an anchor whose words the rules or the classifier already call spam.
   */
  private splicedAnchor(b: Block, spanText: string): RuleHit[] {
    const p = this.params('spliced-anchor');
    if (!p || b.links.length === 0) return [];
    const t = spanText.trim();
    // off-site as the site's own domains say, whatever URL the page was fetched from
    const link = withOwnLinks(b, this.own).links.find((l) => l.offsite && l.text.trim() === t);
    if (!link || wordWeight(t) > p.maxAnchorWords) return [];
    return this.structural('spliced-anchor', `${t} -> ${link.href}`);
  }

  /**
   * A Chinese or Japanese phrase inside a sentence of Latin letters that the classifier calls spam on its own, as
   * confidently as a unit alone (UNIT_ALONE_P): a plug spliced into the sentence in another script. The sentence
   * itself stays below the classifier's bar, its own words outweighing the run's.
   */
  private cjkRuns(blockId: number, at: number, sentText: string): Cand[] {
    const found: Cand[] = [];
    if (!this.model) return found;
    const kana = kanaRunsInHan(sentText, CJK_RUN_MIN_CHARS);
    for (const r of [...cjkRunsInLatin(sentText, CJK_RUN_MIN_CHARS), ...kana]) {
      const runText = sentText.slice(r.start, r.end);
      // a run inside a copy of the title's keyword phrase is judged as that copy (repeatedPhrases), whole
      if (this.phrases.overlaps(at + r.start, at + r.end)) continue;
      // a run standing inside the sentence's words is a phrase dropped into it: its shape corroborates the vote. Not
      // a Japanese run in Chinese text: Japanese names there (ユニクロ, スタジオジブリ) reach p 0.82, so it needs
      // UNIT_ALONE_P (the plugs seen reach 0.92 and more)
      const inside = !kana.includes(r) && runInsideLatin(sentText, r);
      if (!this.pAtLeast(runText, inside ? INSIDE_RUN_P : UNIT_ALONE_P)) continue;
      const s = at + r.start;
      const e = at + r.end;
      const own = matchesIn(this.ctx.blocks[blockId], s, e).filter((m) => m.rule.score > 0);
      const hits = [...lexiconHits(own), ...this.modelHit(runText, this.p(runText), false), ...this.scriptSplice(sentText, r)];
      if (quotedRun(sentText, r)) hits.push(quotedHit(sentText));
      found.push({ blockId, start: s, end: e, kind: 'spliced-phrase', hits, consistency: true, corroborated: inside });
    }
    return found;
  }

  /**
   * A page that is itself spam (parasite page): the headline and every article block, each one finding, replacing
   * the unit candidates inside them (the page verdict covers them all).
   */
  parasitePage(): void {
    const v = parasitePage(this.ctx, (t) => this.p(t));
    if (!v) return;
    const ids = [0, ...this.page.mainIds.filter((id) => id !== 0)];
    const covered = new Set(ids);
    for (let i = this.cands.length - 1; i >= 0; i--) if (covered.has(this.cands[i].blockId)) this.cands.splice(i, 1);
    for (const id of ids) {
      const bc = this.ctx.blocks[id];
      if (!bc || !bc.block.text.trim()) continue;
      const hits = [v.hit, ...lexiconHits(bc.matches.filter((m) => m.rule.score > 0))];
      this.add({ blockId: id, start: bc.block.start, end: bc.block.end, kind: 'parasite-page', hits, consistency: false });
    }
  }
}
