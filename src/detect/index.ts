// Detect stage: rules + structural checks + classifier + consistency -> scored, character-exact findings.
// One pass per concern: context (languages, sentences, rule matches) -> candidates (title affix, repeated phrase,
// site branding, hidden blocks, link blocks, keyword stuffing, promo lines, spliced phrases) -> points -> findings.
import type { Budget } from '../budget.js';
import type { Page } from '../page/types.js';
import type { Category, Finding, InjectionKind, RuleHit } from './types.js';
import type { CompiledRules, TextMatch } from './rules/index.js';
import { matchText } from './rules/index.js';
import { buildContext, matchesIn, type BlockCtx, type PageCtx } from './context.js';
import {
  structuralRules,
  hitOf,
  isLinkBlock,
  isLinkFarm,
  hasSpamLinkHosts,
  languageMismatch,
  isKeywordStuffed,
  isNumberedPromoLine,
  titleAffixes,
  bodyUses,
  type StructuralRuleRef,
} from './structural.js';
import type { Model } from './model.js';
import { unitP } from './classifier.js';
import { tagSpans } from './tagger.js';
import { segment } from '../text/index.js';
import { scoreOf, modelPoints, sumPoints, pickCategory, REQUIRED_POINTS, REPEAT_SHARE, MAX_REPEATS } from './scoring.js';
import type { StructuralCheck } from './rules/schema.js';
export type { Finding, RuleHit, Category, InjectionKind } from './types.js';

/** A sentence with no rule match is still a candidate when the classifier gives it at least this. */
export const UNIT_ALONE_P = 0.9;
/** A flagged span covering this share of its sentence (non-space chars) takes the whole sentence. */
export const SENTENCE_COVER = 0.6;
/** Flagged text covering this share of a body block takes the whole block (a standalone promo line). */
export const BLOCK_COVER = 0.6;
/** Consistency: when this share of the article's sentences carry the same category, the topic is the article's own. */
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

/** Spam words inside quotation marks of a longer news sentence are reported speech, not an advert. */
export const QUOTED_POINTS = -2.5;
/** ... when the sentence has at least this many characters outside the quotes. */
export const QUOTED_MIN_OUTSIDE = 12;
const OPEN_QUOTES = '“"「『‘《';
const CLOSE_QUOTES = '”"」』’》';

/** Is [s,e) of the sentence enclosed by a quotation pair, with enough sentence left outside? */
export function isQuoted(sentence: string, s: number, e: number): boolean {
  let open = -1;
  for (let i = s - 1; i >= 0; i--) {
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
  if (close < 0) return false;
  return sentence.length - (close - open + 1) >= QUOTED_MIN_OUTSIDE;
}
/** Boilerplate text is a candidate with at least this many rule points of its own, or ... */
export const BOILERPLATE_MIN_POINTS = 1;
/** ... when the classifier gives it at least this (also: standalone body blocks, hidden blocks, title affixes). */
export const CAND_P = 0.5;
/** The classifier's spam vote counts in full from this many words on (measured: lone "Buy Now"/"Loans" in menus). */
export const MODEL_FULL_WORDS = 6;
/** A hidden block the page stage took for UI is still hidden spam with this many times hidden-text's minSpamPoints. */
export const HIDDEN_UI_OVERRULE = 3;
/** Boilerplate shorter than this, or navigation (on-site links only), is not worth a classifier call. */
export const MIN_MODEL_CHARS = 4;
function isNavigation(b: { links: { offsite: boolean }[]; linkChars: number; text: string }): boolean {
  return b.links.length > 0 && b.links.every((l) => !l.offsite) && b.linkChars >= b.text.length * 0.8;
}
/** A body sentence needs this many lexicon points (not just a weak word such as "casino"), or a confident classifier. */
export const SPLICE_MIN_LEX_POINTS = 2;
/** A branding line up to this long is cut whole ("Copyright © 2024 启泰网配资网 版权所有"); longer blocks lose the name only. */
export const BRANDING_LINE_CHARS = 60;

export interface DetectOptions {
  rules: CompiledRules;
  model?: Model | null;
  /** the page's time budget (analyze() passes its own); detection polls it in its loops */
  budget?: Budget;
}

interface Cand {
  blockId: number;
  start: number;
  end: number;
  kind: InjectionKind;
  hits: RuleHit[];
  /** apply the article-consistency check (text that could be the article's own topic) */
  consistency: boolean;
}

function lexiconHits(matches: TextMatch[]): RuleHit[] {
  const seen = new Map<string, number>();
  const hits: RuleHit[] = [];
  for (const m of matches) {
    const n = seen.get(m.rule.id) ?? 0;
    seen.set(m.rule.id, n + 1);
    if (n > MAX_REPEATS) continue;
    const points = n === 0 ? m.rule.score : m.rule.score * REPEAT_SHARE;
    hits.push({ rule: m.rule.id, points, description: m.rule.description, evidence: m.evidence });
  }
  return hits;
}

/** Rules by id, built once per rule set (categoryVotes runs for every candidate). */
const ruleIndex = new WeakMap<CompiledRules, Map<string, CompiledRules['rules'][number]>>();

function categoryVotes(c: Cand, rules: CompiledRules): Map<Category, number> {
  let byId = ruleIndex.get(rules);
  if (!byId) ruleIndex.set(rules, (byId = new Map(rules.rules.map((r) => [r.id, r]))));
  const votes = new Map<Category, number>();
  for (const h of c.hits) {
    const r = byId.get(h.rule);
    if (!r || h.points <= 0 || r.kind === 'structural') continue;
    votes.set(r.category, (votes.get(r.category) ?? 0) + h.points);
  }
  return votes;
}

const FALLBACK_CATEGORY: Record<InjectionKind, Category> = {
  'title-affix': 'seo-keywords',
  'spliced-phrase': 'seo-keywords',
  'promo-line': 'promo',
  'link-block': 'link-farm',
  'hidden-block': 'link-farm',
  'keyword-stuffing': 'seo-keywords',
  'site-branding': 'seo-keywords',
};

class Detector {
  readonly ctx: PageCtx;
  readonly S: Map<StructuralCheck, StructuralRuleRef>;
  readonly cands: Cand[] = [];
  /** exact copies of the title's keyword phrase: the tagger leaves them to the repeated-phrase check */
  readonly phraseSpans: { start: number; end: number }[] = [];
  /** title affixes that are spam on their own evidence: left out when the headline tells the article's topic */
  readonly spamAffixes: { start: number; end: number }[] = [];
  constructor(
    readonly page: Page,
    readonly rules: CompiledRules,
    readonly model: Model | null,
  ) {
    this.ctx = buildContext(page, rules);
    this.S = structuralRules(rules);
  }

  p(text: string): number {
    if (!this.model || !text.trim()) return 0;
    return unitP(text, this.model);
  }

  modelHit(text: string, p = this.p(text)): RuleHit[] {
    if (!this.model || !text.trim()) return [];
    let points = modelPoints(p);
    // a few words tell the model little beyond their prior ("Buy Now", "Loans"): its spam vote shrinks with them
    if (points > 0) points *= Math.min(1, segment(text).length / MODEL_FULL_WORDS);
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
    this.cands.push(c);
  }

  text(c: { start: number; end: number }): string {
    return this.page.text.slice(c.start, c.end);
  }

  points(c: Cand): number {
    return sumPoints(c.hits);
  }

  /** Title affixes with spam evidence the article does not support; returns accepted keyword phrases. */
  titleAffix(): string[] {
    const p = this.params('title-affix');
    const title = this.page.blocks[0];
    if (!p || !title || !title.text) return [];
    const affixes: Cand[] = [];
    for (const a of titleAffixes(title.text, p)) {
      const s = title.start + a.start;
      const e = title.start + a.end;
      const matches = matchesIn(this.ctx.blocks[0], s, e);
      const prob = this.p(a.text);
      if (!matches.some((m) => m.rule.score > 0) && prob < CAND_P) continue;
      const hits = [...lexiconHits(matches), ...this.modelHit(a.text, prob)];
      if (bodyUses(a.text, this.ctx.mainSentenceTexts) <= p.maxBodyUses) hits.push(...this.structural('title-affix', a.text));
      const c: Cand = { blockId: 0, start: s, end: e, kind: 'title-affix', hits, consistency: true };
      this.add(c);
      affixes.push(c);
      // an affix that is spam on its own evidence does not tell what the article is about
      if (this.points(c) >= REQUIRED_POINTS) this.spamAffixes.push({ start: s, end: e });
    }
    const phrases: string[] = [];
    for (const c of affixes) {
      if (this.points(c) + this.consistencyHits(c).reduce((x, h) => x + h.points, 0) >= REQUIRED_POINTS) phrases.push(this.text(c));
    }
    return phrases;
  }

  /** Exact copies of an accepted title keyword phrase elsewhere in the page (spliced into sentences, the h1...). */
  repeatedPhrases(phrases: string[]): void {
    const p = this.params('repeated-phrase');
    if (!p) return;
    for (const phrase of phrases) {
      if (phrase.length < p.minPhraseChars && !/[\u3400-\u9fff]{2}/.test(phrase)) continue;
      if (bodyUses(phrase, this.ctx.mainSentenceTexts) > p.maxOtherUses) continue;
      for (const bc of this.ctx.blocks) {
        if (bc.block.id === 0) continue;
        let from = 0;
        for (;;) {
          const i = bc.block.text.indexOf(phrase, from);
          if (i < 0) break;
          from = i + phrase.length;
          const s = bc.block.start + i;
          const e = s + phrase.length;
          this.phraseSpans.push({ start: s, end: e });
          const hits = [...this.structural('repeated-phrase', phrase), ...lexiconHits(matchesIn(bc, s, e))];
          this.add({ blockId: bc.block.id, start: s, end: e, kind: 'spliced-phrase', hits, consistency: false });
        }
      }
    }
  }

  /** The spam site's own name and slogan, when they carry spam terms, wherever they stand outside the article. */
  siteBranding(): void {
    const p = this.params('site-branding');
    if (!p) return;
    const names = [this.page.siteName, this.page.slogan].filter((n) => n && n.length >= 2 && n.length <= p.maxChars);
    for (const name of names) {
      const own = matchText(this.rules, name, { lang: this.ctx.lang, where: 'boilerplate' });
      if (sumPoints(lexiconHits(own)) < p.minSpamPoints) continue;
      for (const bc of this.ctx.blocks) {
        const b = bc.block;
        if (b.id === 0 || (b.region === 'body' && b.text.length > BRANDING_LINE_CHARS)) continue;
        const i = b.text.indexOf(name);
        if (i < 0) continue;
        const whole = name.length / b.text.length >= BLOCK_COVER || b.text.length <= BRANDING_LINE_CHARS;
        const s = whole ? b.start : b.start + i;
        const e = whole ? b.end : s + name.length;
        const hits = [...this.structural('site-branding', name), ...lexiconHits(matchesIn(bc, s, e)), ...this.modelHit(this.page.text.slice(s, e))];
        this.add({ blockId: b.id, start: s, end: e, kind: 'site-branding', hits, consistency: false });
      }
    }
  }

  holdsPhrase(b: { start: number; end: number }): boolean {
    return this.phraseSpans.some((p) => p.start >= b.start && p.end <= b.end);
  }

  wholeBlock(bc: BlockCtx, kind: InjectionKind, extra: RuleHit[], consistency: boolean, prob?: number): void {
    const b = bc.block;
    const hits = [...extra, ...lexiconHits(bc.matches), ...this.modelHit(b.text, prob)];
    this.add({ blockId: b.id, start: b.start, end: b.end, kind, hits, consistency });
  }

  block(bc: BlockCtx): void {
    const b = bc.block;
    if (b.id === 0 || !b.text.trim()) return;
    const pos = bc.matches.filter((m) => m.rule.score > 0);
    const lexPoints = sumPoints(lexiconHits(pos));
    // the classifier's p of the whole block, computed once and only where a decision needs it
    let pCache: number | undefined;
    const P = () => (pCache ??= this.p(b.text));
    const farm = this.params('link-farm');
    const farmHit = farm && isLinkFarm(b, bc.matches, farm) ? this.structural('link-farm', `${b.links.length} links`) : [];
    const hosts = this.params('spam-link-hosts');
    if (hosts && hasSpamLinkHosts(b, hosts)) {
      farmHit.push(...this.structural('spam-link-hosts', b.links.filter((l) => l.offsite).slice(0, 3).map((l) => l.href).join(' ')));
    }
    // hidden, not legit UI; or hidden "UI" that carries spam strong enough to overrule the page stage's guess
    const hp = this.params('hidden-text');
    const spamPoints = () => lexPoints + Math.max(0, this.model ? modelPoints(P()) : 0);
    const hiddenSpam = b.region === 'hidden' || (b.hidden !== null && hp !== null && lexPoints >= hp.minSpamPoints * HIDDEN_UI_OVERRULE);
    if (hiddenSpam) {
      const extra: RuleHit[] = [...farmHit];
      if (hp && (b.text.length >= hp.minChars || b.links.some((l) => l.offsite)) && spamPoints() >= hp.minSpamPoints) {
        extra.push(...this.structural('hidden-text', b.path));
      }
      if (extra.length || pos.length || P() >= CAND_P) this.wholeBlock(bc, 'hidden-block', extra, false, P());
      return;
    }
    const lb = this.params('link-block');
    if (lb && isLinkBlock(b, lb)) {
      const extra = this.structural('link-block', `${b.links.length} links, ${b.links.filter((l) => l.offsite).length} off-site`);
      this.wholeBlock(bc, 'link-block', [...extra, ...farmHit], false, P());
      return;
    }
    if (farmHit.length) {
      this.wholeBlock(bc, 'link-block', farmHit, false, P());
      return;
    }
    const ks = this.params('keyword-stuffing');
    if (ks && isKeywordStuffed(b, bc.matches, ks)) {
      this.wholeBlock(bc, 'keyword-stuffing', this.structural('keyword-stuffing', `${new Set(pos.map((m) => m.evidence)).size} distinct terms`), b.region === 'body', P());
      return;
    }
    if (b.region === 'boilerplate') {
      // the title's keyword copied into the h1 or a header line: the repeated-phrase check cuts just the phrase
      if (this.holdsPhrase(b)) return;
      if (lexPoints < BOILERPLATE_MIN_POINTS && (b.text.length < MIN_MODEL_CHARS || isNavigation(b))) return;
      // prose the page stage left outside the article (several sentences): cut the spliced phrase, not the paragraph
      if (bc.sentences.length > 2) return this.sentencesOf(bc, P);
      if (lexPoints >= BOILERPLATE_MIN_POINTS || P() >= CAND_P) this.wholeBlock(bc, 'promo-line', [], false, P());
      return;
    }
    // body
    const lm = this.params('language-mismatch');
    // a standalone line (one or two sentences), not a paragraph with a foreign phrase spliced in
    const mismatch =
      lm && bc.sentences.length <= 2 && languageMismatch(bc.lang, this.ctx.lang, b, lm)
        ? this.structural('language-mismatch', `${bc.lang} in a ${this.ctx.lang} article`)
        : [];
    const np = this.params('numbered-promo-line');
    if (np && isNumberedPromoLine(this.page.blocks, b.id, np)) {
      this.wholeBlock(bc, 'promo-line', [...this.structural('numbered-promo-line', b.text.slice(0, 24)), ...mismatch], true, P());
      return;
    }
    if (mismatch.length) {
      this.wholeBlock(bc, 'promo-line', mismatch, true, P());
      return;
    }
    this.sentencesOf(bc, P);
  }

  /** Body paragraphs: flag sentences with rule matches or a confident classifier, then cut the exact phrase. */
  sentencesOf(bc: BlockCtx, blockP: () => number): void {
    const b = bc.block;
    const found: Cand[] = [];
    if (bc.sentences.length <= 1 && !this.holdsPhrase(b) && blockP() >= CAND_P) {
      // a standalone one-sentence paragraph the classifier calls spam: a promo line
      this.wholeBlock(bc, 'promo-line', [], true, blockP());
      return;
    }
    for (const sent of bc.sentences) {
      const matches = matchesIn(bc, sent.start, sent.end);
      const inPhrase = (m: TextMatch) => this.phraseSpans.some((p) => m.start < p.end && m.end > p.start);
      const pos = matches.filter((m) => m.rule.score > 0 && !inPhrase(m));
      const sentText = this.page.text.slice(sent.start, sent.end);
      let sentP = 0;
      if (this.model) sentP = unitP(sentText, this.model);
      if (sumPoints(lexiconHits(pos)) < SPLICE_MIN_LEX_POINTS && sentP < UNIT_ALONE_P) continue;
      const anchors = pos.map((m) => ({ start: m.start - sent.start, end: m.end - sent.start }));
      let spans = tagSpans(sentText, anchors, this.model?.token ?? null);
      if (spans.length === 0) spans = [{ start: 0, end: sentText.length }];
      const nonSpace = sentText.replace(/\s+/g, '').length || 1;
      const covered = spans.reduce((n, s) => n + sentText.slice(s.start, s.end).replace(/\s+/g, '').length, 0);
      if (covered / nonSpace >= SENTENCE_COVER) spans = [{ start: 0, end: sentText.length }];
      const ham = lexiconHits(matches.filter((m) => m.rule.score < 0));
      for (const sp of spans) {
        const s = sent.start + sp.start;
        const e = sent.start + sp.end;
        const spanText = this.page.text.slice(s, e);
        // a one-word span tells the classifier nothing but that word's prior: no vote then
        const vote = segment(spanText).length >= 2 ? this.modelHit(spanText) : [];
        const hits = [...lexiconHits(matchesIn(bc, s, e).filter((m) => m.rule.score > 0)), ...ham, ...vote];
        if (isQuoted(sentText, sp.start, sp.end)) {
          hits.push({ rule: 'QUOTED', points: QUOTED_POINTS, description: 'reported speech: the words are quoted inside a longer news sentence', evidence: sentText.slice(0, 80) });
        }
        found.push({ blockId: b.id, start: s, end: e, kind: 'spliced-phrase', hits, consistency: true });
      }
    }
    const blockChars = b.text.replace(/\s+/g, '').length || 1;
    const covered = found.reduce((n, c) => n + this.text(c).replace(/\s+/g, '').length, 0);
    if (found.length > 0 && covered / blockChars >= BLOCK_COVER) {
      this.wholeBlock(bc, 'promo-line', [], true, blockP());
      return;
    }
    for (const c of found) this.add(c);
  }

  private mainWords: Map<string, number> | null = null;

  /** Share of the unit's content words that the rest of the article also uses (null: too few words to tell). */
  topicOverlap(c: Cand): number | null {
    if (!this.mainWords) {
      this.mainWords = new Map();
      for (const id of this.page.mainIds) {
        for (const t of segment(this.page.blocks[id].text.toLowerCase())) {
          if (isContentWord(t.text, t.cjk)) this.mainWords.set(t.text, (this.mainWords.get(t.text) ?? 0) + 1);
        }
      }
    }
    const own = new Map<string, number>();
    for (const t of segment(this.text(c).toLowerCase())) if (isContentWord(t.text, t.cjk)) own.set(t.text, (own.get(t.text) ?? 0) + 1);
    if (own.size < OFF_TOPIC_MIN_WORDS) return null;
    let shared = 0;
    for (const [w, n] of own) if ((this.mainWords.get(w) ?? 0) > (this.page.blocks[c.blockId].region === 'body' ? n : 0)) shared++;
    return shared / own.size;
  }

  /**
   * The article's own topic. Its headline names it (minus spam affixes and the candidate itself), or its prose
   * reports on it: sentences that carry the candidate's category next to news/enforcement wording (ham rules).
   * On topic, the candidate's spam words are the story's vocabulary, not an advert.
   */
  consistencyHits(c: Cand): RuleHit[] {
    if (!c.consistency) return [];
    const cats = categoryVotes(c, this.rules);
    if (cats.size === 0) return this.offTopic(c);
    const outside = (m: TextMatch) =>
      !(m.start < c.end && m.end > c.start) && !this.spamAffixes.some((a) => m.start < a.end && m.end > a.start);
    const headline = this.ctx.blocks[0]?.matches.some((m) => m.rule.score > 0 && cats.has(m.rule.category) && outside(m)) ?? false;
    let n = 0;
    let total = 0;
    const own = this.text(c);
    for (const s of this.ctx.mainSentences) {
      if (s.span.start < c.end && s.span.end > c.start) continue;
      const sent = this.page.text.slice(s.span.start, s.span.end);
      // copies of the same phrase (a spam keyword spliced again) and short lines are not the article's prose
      if (sent.replace(/\s+/g, '').length < ON_TOPIC_MIN_SENTENCE_CHARS || (own.length >= 4 && sent.includes(own))) continue;
      total++;
      if (s.ham && [...s.cats].some((cat) => cats.has(cat))) n++;
    }
    const share = total >= ON_TOPIC_MIN_SENTENCES ? n / total : 0;
    const t = headline ? 1 : Math.min(1, Math.max(0, (share - ON_TOPIC_FROM) / (ON_TOPIC_FULL - ON_TOPIC_FROM)));
    if (t === 0) return this.offTopic(c);
    // on the article's own topic, spam-like wording is expected: the classifier's vote is discounted as well
    const modelPos = c.hits.filter((h) => h.rule === 'CLASSIFIER' && h.points > 0).reduce((x, h) => x + h.points, 0);
    return [
      {
        rule: 'ON_TOPIC',
        points: -(ON_TOPIC_POINTS + modelPos) * t,
        description: headline
          ? 'consistency: the headline itself is about this'
          : `consistency: the article reports on this (${n} of ${total} sentences)`,
        evidence: [...cats.keys()].join(','),
      },
    ];
  }

  /** Every candidate with its total points, before the threshold (for tuning and diagnostics). */
  scoreAll(): { c: Cand; hits: RuleHit[]; points: number }[] {
    const phrases = this.titleAffix();
    this.repeatedPhrases(phrases);
    this.siteBranding();
    for (const bc of this.ctx.blocks) this.block(bc);
    return this.cands.map((c) => {
      const hits = [...c.hits, ...this.consistencyHits(c)];
      return { c, hits, points: sumPoints(hits) };
    });
  }

  offTopic(c: Cand): RuleHit[] {
    if (this.page.blocks[c.blockId].region !== 'body') return [];
    const overlap = this.topicOverlap(c);
    if (overlap === null || overlap > OFF_TOPIC_MAX_OVERLAP) return [];
    return [
      {
        rule: 'OFF_TOPIC',
        points: OFF_TOPIC_POINTS,
        description: `consistency: ${Math.round(overlap * 100)}% of its words occur elsewhere in the article`,
        evidence: '',
      },
    ];
  }

  run(): Finding[] {
    // score, keep the strongest of overlapping candidates
    const scored = this.scoreAll()
      .filter((x) => x.points >= REQUIRED_POINTS)
      // strongest first; on a tie the longer span (a two-segment title affix over its first segment)
      .sort((a, b) => b.points - a.points || b.c.end - b.c.start - (a.c.end - a.c.start));
    const taken: typeof scored = [];
    for (const x of scored) {
      const winner = taken.find((t) => t.c.start < x.c.end && t.c.end > x.c.start);
      if (!winner) {
        taken.push(x);
        continue;
      }
      // a weaker candidate inside a stronger one: its structural evidence joins the stronger one's report
      if (winner.c.start <= x.c.start && winner.c.end >= x.c.end) {
        for (const h of x.hits) {
          if (h.rule.startsWith('STRUCT_') && !winner.hits.some((w) => w.rule === h.rule)) winner.hits.push(h);
        }
        winner.points = sumPoints(winner.hits);
      }
    }
    taken.sort((a, b) => a.c.start - b.c.start);
    return taken.map(({ c, hits, points }) => {
      const b = this.page.blocks[c.blockId];
      return {
        text: this.text(c),
        start: c.start,
        end: c.end,
        blockId: c.blockId,
        path: b.path,
        where: c.kind === 'hidden-block' ? 'hidden' : b.region,
        category: pickCategory(categoryVotes({ ...c, hits }, this.rules), FALLBACK_CATEGORY[c.kind]),
        kind: c.kind,
        score: scoreOf(points),
        points,
        rules: hits,
      };
    });
  }
}

/** All candidates with their points, threshold not applied: for tuning on the dev split and for diagnostics. */
export function candidates(page: Page, opts: DetectOptions): { start: number; end: number; kind: InjectionKind; points: number; rules: RuleHit[] }[] {
  return new Detector(page, opts.rules, opts.model ?? null).scoreAll().map(({ c, hits, points }) => ({ start: c.start, end: c.end, kind: c.kind, points, rules: hits }));
}

const STOP = new Set(['the', 'and', 'for', 'with', 'that', 'this', 'from', 'are', 'was', 'you', 'your', 'our', 'has', 'have', 'not', 'but', 'yang', 'dan', 'untuk', 'dengan']);
function isContentWord(w: string, cjk: boolean): boolean {
  return cjk ? w.length >= 2 : w.length >= 3 && !STOP.has(w) && !/^\d+$/.test(w);
}

export function detect(page: Page, opts: DetectOptions): Finding[] {
  return new Detector(page, opts.rules, opts.model ?? null).run();
}
