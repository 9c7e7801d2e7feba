// Consistency with the article: ON_TOPIC (the article itself reports on the subject, in its own news sentences),
// OFF_TOPIC (none of a body unit's words occur elsewhere in the article), QUOTED (spam words quoted inside a longer
// news sentence). Each page's sentence statistics are computed once; a candidate's vote subtracts its own
// sentences, so the cost per candidate does not grow with the page.
import type { Page } from '../page/types.js';
import type { CompiledRules, TextMatch } from './rules/index.js';
import type { Category, RuleHit } from './types.js';
import type { PageCtx } from './context.js';
import { countWord, type ArticleWords, type PageWords } from './words.js';
import { lowerBound, SpanSet } from './spans.js';
import { commercialRules } from './evidence.js';
import { nonSpaceLength } from '../util/chars.js';
import { isDisguised, undisguised } from '../text/index.js';

/** Consistency: when this share of the article's sentences report on the same category, the topic is the article's own. */
export const ON_TOPIC_FROM = 0.08;
export const ON_TOPIC_FULL = 0.25;
export const ON_TOPIC_POINTS = 5;
/** Only article prose counts for the topic: sentences this long (non-space chars), at least this many of them. */
export const ON_TOPIC_MIN_SENTENCE_CHARS = 20;
export const ON_TOPIC_MIN_SENTENCES = 3;
/** Consistency, the other way: a body unit whose words the rest of the article never uses is off its topic. */
export const OFF_TOPIC_POINTS = 1.5;
export const OFF_TOPIC_MAX_OVERLAP = 0.15;
export const OFF_TOPIC_MIN_WORDS = 3;

/**
 * A lexicon rule of at most this many points names a subject the news writes about (the *_WEAK rules: judi online,
 * casino, loans). A unit whose only spam words are such words, in a sentence that itself reports on the subject, on a
 * page whose headline names it, is the article reporting (see Consistency.votes).
 */
export const TOPIC_WORD_MAX_POINTS = 1;

/**
 * A strong spam term (a brand, a brand-shaped token) that recurs in this many blocks of the page stands where a name
 * belongs all through it (a casino brand substituted for the school or company the story is about).
 */
export const RECURRING_MIN_BLOCKS = 2;
export const RECURRING_MIN_RULE_POINTS = 3;
export const RECURRING_POINTS = 1.5;
/** What a term's evidence may carry at its edges that is no part of its words (an emoji sprayed after the last character). */
const EDGE_NON_WORD_RE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
/**
 * A strong term as a reader sees it, the key of RECURRING: lower-cased, its disguise read through (配 资 平 台,
 * 娱🔥人城🔥 and 娱人城 are one term wherever it stands).
 */
const termKey = (evidence: string): string => plainWords(evidence.toLowerCase());
/** The words of a text as a reader sees them: its disguise read through, no emoji or separator left at its edges. */
const plainWords = (s: string): string => undisguised(s).replace(EDGE_NON_WORD_RE, '');
/** A unit up to this long is looked into for a recurring strong term its own hits do not name (a name, a line). */
export const RECURRING_MAX_UNIT_CHARS = 500;

/** Spam words inside quotation marks of a longer news sentence are reported speech, not an advert. */
export const QUOTED_POINTS = -2.5;
/** ... when the sentence has at least this many characters outside the quotes. */
export const QUOTED_MIN_OUTSIDE = 12;
const OPEN_QUOTES = '“"「『‘《';
const CLOSE_QUOTES = '”"」』’》';

/** How far from the words a quotation mark is looked for (a quotation is a phrase, not a chapter). */
export const QUOTE_REACH = 300;

/** Is [s,e) of the sentence enclosed by a quotation pair, with enough sentence left outside? */
export function isQuoted(sentence: string, s: number, e: number): boolean {
  let open = -1;
  for (let i = s - 1; i >= Math.max(0, s - QUOTE_REACH); i--) {
    const c = sentence[i];
    if (CLOSE_QUOTES.includes(c) && c !== '"') break;
    if (OPEN_QUOTES.includes(c)) {
      open = i;
      break;
    }
  }
  if (open < 0) return false;
  const want = CLOSE_QUOTES[OPEN_QUOTES.indexOf(sentence[open])];
  const close = sentence.indexOf(want, e);
  if (close < 0 || close - e > QUOTE_REACH) return false;
  return sentence.length - (close - open + 1) >= QUOTED_MIN_OUTSIDE;
}

export function quotedHit(sentence: string): RuleHit {
  return { rule: 'QUOTED', points: QUOTED_POINTS, description: 'reported speech: the words are quoted inside a longer news sentence', evidence: sentence.slice(0, 80) };
}

const STOP = new Set(['the', 'and', 'for', 'with', 'that', 'this', 'from', 'are', 'was', 'you', 'your', 'our', 'has', 'have', 'not', 'but', 'yang', 'dan', 'untuk', 'dengan']);
export function isContentWord(w: string, cjk: boolean): boolean {
  return cjk ? w.length >= 2 : w.length >= 3 && !STOP.has(w) && !/^\d+$/.test(w);
}

/** A candidate as the consistency votes see it. */
export interface Unit {
  blockId: number;
  start: number;
  end: number;
  hits: RuleHit[];
  consistency: boolean;
  /** carries unquoted commercial wording: the article's topic never excuses it */
  commercial?: boolean;
}

interface ProseSentence {
  start: number;
  end: number;
  text: string;
  /** the sentence reports on these categories: it carries them next to news/enforcement wording */
  reports: Set<Category>;
}

export class Consistency {
  private readonly affixes: SpanSet;
  private readonly byId: Map<string, CompiledRules['rules'][number]>;
  private readonly commercial: Set<string>;

  constructor(
    private readonly page: Page,
    private readonly ctx: PageCtx,
    rules: CompiledRules,
    spamAffixes: { start: number; end: number }[],
    byId: Map<string, CompiledRules['rules'][number]>,
    private readonly words: PageWords,
    private readonly article: ArticleWords,
  ) {
    this.byId = byId;
    this.commercial = commercialRules(rules);
    this.affixes = new SpanSet(spamAffixes);
  }

  // the article's prose and the page's strong terms are gathered on the first vote that needs them: a page without
  // such a candidate never does
  private proseList: ProseSentence[] | null = null;
  private reportingMap: Map<Category, number> | null = null;
  private termBlocksMap: Map<string, Set<number>> | null = null;

  /** main-body sentences long enough to be the article's prose, sorted by start */
  private get prose(): ProseSentence[] {
    if (!this.proseList) this.gatherProse();
    return this.proseList!;
  }

  /** per category: how many prose sentences report on it */
  private get reporting(): Map<Category, number> {
    if (!this.reportingMap) this.gatherProse();
    return this.reportingMap!;
  }

  private gatherProse(): void {
    const prose: ProseSentence[] = [];
    const reporting = new Map<Category, number>();
    for (const s of this.ctx.mainSentences) {
      const text = this.page.text.slice(s.span.start, s.span.end);
      if (nonSpaceLength(text) < ON_TOPIC_MIN_SENTENCE_CHARS) continue;
      const reports = s.ham ? s.cats : new Set<Category>();
      prose.push({ start: s.span.start, end: s.span.end, text, reports });
      for (const c of reports) reporting.set(c, (reporting.get(c) ?? 0) + 1);
    }
    prose.sort((a, b) => a.start - b.start);
    this.proseList = prose;
    this.reportingMap = reporting;
  }

  /** strong spam terms (lower-cased evidence) -> the blocks they occur in */
  private get termBlocks(): Map<string, Set<number>> {
    if (this.termBlocksMap) return this.termBlocksMap;
    const terms = new Map<string, Set<number>>();
    for (const bc of this.ctx.blocks) {
      for (const m of bc.matches) {
        if (m.rule.score < RECURRING_MIN_RULE_POINTS) continue;
        const k = termKey(m.evidence);
        let ids = terms.get(k);
        if (!ids) terms.set(k, (ids = new Set()));
        ids.add(bc.block.id);
      }
    }
    return (this.termBlocksMap = terms);
  }

  /** RECURRING: the unit's strong spam term stands in several blocks of the page (an entity substituted throughout). */
  recurring(c: Unit): RuleHit[] {
    const vote = (term: string, n: number): RuleHit[] => [
      { rule: 'RECURRING', points: RECURRING_POINTS, description: `consistency: the same spam term stands in ${n} blocks of the page`, evidence: term },
    ];
    for (const h of c.hits) {
      if (h.points < RECURRING_MIN_RULE_POINTS || !h.evidence) continue;
      const n = this.termBlocks.get(termKey(h.evidence))?.size ?? 0;
      if (n >= RECURRING_MIN_BLOCKS) return vote(h.evidence, n);
    }
    // a unit with weaker spam words whose text holds a strong term that recurs on the page: the brand where the
    // role word after it (which made it strong elsewhere) is missing
    if (c.end - c.start > RECURRING_MAX_UNIT_CHARS || !c.hits.some((h) => h.points > 0 && h.evidence && h.rule !== 'CLASSIFIER')) return [];
    // as a reader sees the words: the unit and the term with any disguise read through (金沙🔥威尼🔥斯… elsewhere
    // matched as the brand's term with the role word after it)
    const own = undisguised(this.page.text.slice(c.start, c.end)).toLowerCase();
    for (const [term, ids] of this.termBlocks) {
      if (ids.size >= RECURRING_MIN_BLOCKS && own.includes(term)) return vote(term, ids.size);
    }
    return [];
  }

  /** Categories the unit's positive lexicon hits vote for, with their points. */
  categoryVotes(hits: RuleHit[]): Map<Category, number> {
    const votes = new Map<Category, number>();
    for (const h of hits) {
      const r = this.byId.get(h.rule);
      if (!r || h.points <= 0 || r.kind === 'structural') continue;
      votes.set(r.category, (votes.get(r.category) ?? 0) + h.points);
    }
    return votes;
  }

  /**
   * The article's own topic: its prose reports on it (sentences that carry the unit's category next to news or
   * enforcement wording). A headline naming the topic counts only together with such a sentence; commercial
   * wording (contact handles, offers, sign-up plugs) is never excused.
   */
  votes(c: Unit): RuleHit[] {
    if (!c.consistency) return [];
    const cats = this.categoryVotes(c.hits);
    if (cats.size === 0 || c.commercial) return [...this.offTopic(c), ...this.recurring(c)];
    const own = this.page.text.slice(c.start, c.end);
    const prose = this.prose;
    let total = prose.length;
    const n = new Map(this.reporting);
    const drop = (s: ProseSentence) => {
      total--;
      for (const cat of s.reports) n.set(cat, (n.get(cat) ?? 0) - 1);
    };
    // copies of the same phrase (a spam keyword spliced again) are not the article's prose (a disguised phrase's
    // plain copies too: 配 资 平 台 spliced where the article says 配资平台 elsewhere): dropped all at once, from a tally
    // kept per phrase (a page of thousands of identical units would count every copy for each). Sought only when a
    // sentence reports on one of the unit's categories: else nothing reports, copies or not (and a page of thousands
    // of distinct spam paragraphs, with no news in it, is not searched once per paragraph)
    const anyReports = [...cats.keys()].some((cat) => (n.get(cat) ?? 0) > 0);
    const copies = own.length >= 4 && anyReports ? this.copyTally(own) : null;
    if (copies) {
      total -= copies.sentences.size;
      for (const [cat, k] of copies.reports) n.set(cat, (n.get(cat) ?? 0) - k);
    }
    // nor are the unit's own sentences evidence about the rest of the article (one that is a copy is dropped already)
    const ownReports = new Set<Category>();
    for (let i = Math.max(0, lowerBound(prose, c.start) - 1); i < prose.length && prose[i].start < c.end; i++) {
      if (prose[i].end > c.start) {
        if (!copies?.sentences.has(prose[i])) drop(prose[i]);
        for (const cat of prose[i].reports) ownReports.add(cat);
      }
    }
    let reporting = 0;
    for (const cat of cats.keys()) reporting = Math.max(reporting, n.get(cat) ?? 0);
    let headline = reporting > 0 && this.headlineNames(c, cats);
    // ...unless the unit is nothing but words naming the subject (weak words: no plug, no brand) and its own sentence
    // reports on that subject, under a headline naming it: a feature story whose one news sentence holds them
    // ("after Kominfo blocked it in 2023, judi online players moved to judi slot") reports in that very sentence
    if (reporting === 0 && [...cats.keys()].some((cat) => ownReports.has(cat)) && this.topicWordsOnly(c) && this.headlineNames(c, cats)) {
      reporting = 1;
      headline = true;
    }
    const share = total >= ON_TOPIC_MIN_SENTENCES ? reporting / total : 0;
    const t = headline ? 1 : Math.min(1, Math.max(0, (share - ON_TOPIC_FROM) / (ON_TOPIC_FULL - ON_TOPIC_FROM)));
    if (t === 0) return [...this.offTopic(c), ...this.recurring(c)];
    // on the article's own topic, spam-like wording is expected: the classifier's vote is discounted as well
    const modelPos = c.hits.filter((h) => h.rule === 'CLASSIFIER' && h.points > 0).reduce((x, h) => x + h.points, 0);
    // an advert's wording quoted by the story (the unit does not sell: see Unit.commercial) is reported on too
    const quotedAd = c.hits.filter((h) => h.points > 0 && this.commercial.has(h.rule)).reduce((x, h) => x + h.points, 0);
    return [
      {
        rule: 'ON_TOPIC',
        points: -(ON_TOPIC_POINTS + modelPos + quotedAd) * t,
        description: headline
          ? `consistency: the headline names this and the article reports on it (${reporting} sentences)`
          : `consistency: the article reports on this (${reporting} of ${total} sentences)`,
        evidence: [...cats.keys()].join(','),
      },
    ];
  }

  private tallies = new Map<string, { sentences: Set<ProseSentence>; reports: Map<Category, number> }>();
  /** The prose sentences holding a copy of the phrase (or of its plain words, when disguised), and their reports by category. */
  private copyTally(own: string): { sentences: Set<ProseSentence>; reports: Map<Category, number> } {
    let t = this.tallies.get(own);
    if (!t) {
      const sentences = new Set(this.copiesOf(own));
      if (isDisguised(own)) for (const s of this.copiesOf(plainWords(own))) sentences.add(s);
      const reports = new Map<Category, number>();
      for (const s of sentences) for (const cat of s.reports) reports.set(cat, (reports.get(cat) ?? 0) + 1);
      this.tallies.set(own, (t = { sentences, reports }));
    }
    return t;
  }

  private copies = new Map<string, ProseSentence[]>();
  /** The prose texts joined by NUL and where each starts: one native search per phrase (copiesOf). */
  private joined: { text: string; at: number[] } | null = null;
  private copiesOf(own: string): ProseSentence[] {
    let out = this.copies.get(own);
    if (out) return out;
    const prose = this.prose;
    // an empty phrase, or one holding the separator, is asked of each sentence as it is
    if (own.length === 0 || own.includes('\0')) {
      this.copies.set(own, (out = prose.filter((s) => s.text.includes(own))));
      return out;
    }
    if (!this.joined) {
      const at: number[] = [];
      let n = 0;
      for (const s of prose) {
        at.push(n);
        n += s.text.length + 1;
      }
      this.joined = { text: prose.map((s) => s.text).join('\0'), at };
    }
    const { text, at } = this.joined;
    out = [];
    for (let i = text.indexOf(own); i >= 0; ) {
      // the sentence the hit starts in (a hit cannot span two: the phrase holds no NUL)
      let lo = 0;
      let hi = at.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (at[mid] <= i) lo = mid;
        else hi = mid - 1;
      }
      out.push(prose[lo]);
      const next = lo + 1 < at.length ? at[lo + 1] : text.length;
      i = text.indexOf(own, next);
    }
    this.copies.set(own, out);
    return out;
  }

  /** Are the unit's spam words all words naming a subject (lexicon rules of at most TOPIC_WORD_MAX_POINTS)? */
  private topicWordsOnly(c: Unit): boolean {
    let words = 0;
    for (const h of c.hits) {
      if (h.points <= 0 || h.rule === 'CLASSIFIER') continue;
      const r = this.byId.get(h.rule);
      if (!r || r.kind === 'structural' || r.score > TOPIC_WORD_MAX_POINTS) return false;
      words++;
    }
    return words > 0;
  }

  private headlineNames(c: Unit, cats: Map<Category, number>): boolean {
    const outside = (m: TextMatch) => !(m.start < c.end && m.end > c.start) && !this.affixes.overlaps(m.start, m.end);
    return this.ctx.blocks[0]?.matches.some((m) => m.rule.score > 0 && cats.has(m.rule.category) && outside(m)) ?? false;
  }

  /** Share of the unit's content words that the rest of the article also uses (null: too few words to tell). */
  topicOverlap(c: Unit): number | null {
    const text = this.page.text.slice(c.start, c.end).toLowerCase();
    const own = new Set<string>();
    for (const t of this.words.lower(text)) if (isContentWord(t.text, t.cjk)) own.add(t.text);
    // a unit of too few words is decided without the article's words (segmenting the whole article is the cost here)
    if (own.size < OFF_TOPIC_MIN_WORDS) return null;
    // a body unit's own uses of its words are no use of them by the article
    const body = this.page.blocks[c.blockId].region === 'body';
    let shared = 0;
    for (const w of own) if (this.article.usesBeyond(w, body ? countWord(text, w) : 0)) shared++;
    return shared / own.size;
  }

  offTopic(c: Unit): RuleHit[] {
    // a quote inside a news sentence (QUOTED) is reported speech, words the article need not use again (an advert's
    // slogan quoted in a story on its seller's fine): that it is foreign to the article is what quoting it says
    if (this.page.blocks[c.blockId].region !== 'body' || c.hits.some((h) => h.rule === 'QUOTED')) return [];
    const overlap = this.topicOverlap(c);
    if (overlap === null || overlap > OFF_TOPIC_MAX_OVERLAP) return [];
    return [{ rule: 'OFF_TOPIC', points: OFF_TOPIC_POINTS, description: `consistency: ${Math.round(overlap * 100)}% of its words occur elsewhere in the article`, evidence: '' }];
  }
}
