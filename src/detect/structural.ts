// Structural checks: signals that come from where text sits and how it is shaped, not from its words.
// Each check is switched on and weighted by a `kind: structural` rule in rules/structural.yaml (check: <name>);
// its params (documented in its description) are typed by the check's own schema (CheckParams in rules/schema.ts).
import type { Block, Link } from '../page/types.js';
import type { CompiledRules, TextMatch } from './rules/index.js';
import type { RuleHit } from './types.js';
import type { StructuralCheck } from './rules/schema.js';
import { segment, undisguised, CJK_CHAR_WEIGHT } from '../text/index.js';
import type { Token } from '../text/types.js';
import { parse as parseHost } from 'tldts';
import { HAN_CLASS, isCjk, isSpace } from '../util/chars.js';
import { lowerBound } from './spans.js';
import { countWord } from './words.js';


/** Languages detectLang tells apart reliably enough for the mismatch check. */
const KNOWN_LANGS = new Set(['zh', 'ja', 'ko', 'en', 'id', 'de', 'es', 'pt', 'fr', 'ru']);

/**
 * A short body paragraph whose language is not the article's (English casino line in a German story). Its length is
 * counted in Latin letters: a CJK character as CJK_CHAR_WEIGHT of them, as detectLang weighs it (a Japanese plug of
 * fifteen characters says as much as an English one of forty-five letters).
 */
export function languageMismatch(blockLang: string, pageLang: string, b: Block, p: Record<string, number>): boolean {
  let n = 0;
  for (let i = 0; i < b.text.length; i++) {
    const c = b.text.charCodeAt(i);
    if (!isSpace(c)) n += isCjk(c) ? CJK_CHAR_WEIGHT : 1;
  }
  return n >= p.minChars && b.text.length <= p.maxChars && blockLang !== pageLang && KNOWN_LANGS.has(blockLang) && KNOWN_LANGS.has(pageLang);
}

/** Throwaway and cheap TLDs that link farms favour. */
const SPAM_TLDS = new Set(
  'vip cc club site online top xyz bet win icu live fun shop store asia tk ml ga cf gq buzz rest lol work click link pw ws'.split(' '),
);
/**
 * Words that spam domains are made of, matched against whole labels of the registrable name (split at dots,
 * hyphens and digit runs): "sf" must be a label of its own (sf-cash.com), never a piece of "sfchronicle".
 */
const SPAM_HOST_LABELS = new Set(
  'casino casinos slot slots bet bets betting poker bingo jackpot gacor toto judi togel loan loans cash credit pinjam pinjol pharm pharmacy pill pills rx viagra cialis replica replicas copy outlet peizi fapiao sf sex porn escort xxx'.split(' '),
);
/** Longer spam words that stay spam words inside a glued name (bestonlinecasinos777, slotcash): substring match. */
const SPAM_HOST_STEMS_RE = /casino|slot|poker|jackpot|gacor|viagra|cialis|replica|peizi|fapiao|togel/;

/** Labels of a registrable name: "best-casino88" -> best, casino, 88. */
function hostLabels(name: string): string[] {
  return name.split(/[.\-]+|(?<=\D)(?=\d)|(?<=\d)(?=\D)/).filter(Boolean);
}

/** Does a link's host look like a spam domain: a run of digits, a throwaway TLD, or a spam word as a label? */
export function spammyHost(href: string): boolean {
  const t = parseHost(href, { allowPrivateDomains: true });
  if (!t.hostname || t.isIp || !t.domain) return false;
  const suffix = t.publicSuffix ?? '';
  const name = t.domainWithoutSuffix ?? '';
  const labels = hostLabels(name);
  return (
    /\d{2,}/.test(name) ||
    SPAM_TLDS.has(suffix) ||
    suffix === 'us.com' ||
    labels.some((l) => SPAM_HOST_LABELS.has(l)) ||
    SPAM_HOST_STEMS_RE.test(name)
  );
}

/** At least minLinks off-site links, minShare of them to spam-looking hosts. */
export function hasSpamLinkHosts(b: Block, p: Record<string, number>): boolean {
  const off = b.links.filter((l) => l.offsite);
  if (off.length < p.minLinks) return false;
  return off.filter((l) => spammyHost(l.href)).length / off.length >= p.minShare;
}

/**
 * Does the link's anchor name the site it goes to ("Facebook", "Read on Example.com" for example.com)? A share
 * button or a partner logo names its site; a link farm's keyword anchor ("emergency plumber") does not.
 */
export function anchorNamesHost(l: Link): boolean {
  const name = parseHost(l.href, { allowPrivateDomains: true }).domainWithoutSuffix;
  if (!name) return true;
  const anchor = l.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const label = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return label.length > 0 && anchor.includes(label);
}

/**
 * A hidden list of links to other sites: at least minLinks off-site links whose anchors do not name their site
 * (anchorNamesHost), to at least minDomains registrable domains. Asked of hidden blocks that are not legit UI.
 */
export function isHiddenLinkList(b: Block, p: Record<string, number>): boolean {
  const domains = new Set<string>();
  let n = 0;
  for (const l of b.links) {
    if (!l.offsite || anchorNamesHost(l)) continue;
    const d = parseHost(l.href, { allowPrivateDomains: true }).domain;
    if (!d) continue;
    n++;
    domains.add(d);
  }
  return n >= p.minLinks && domains.size >= p.minDomains;
}

export interface StructuralRuleRef {
  id: string;
  points: number;
  description: string;
  params: Record<string, number>;
}

/** The structural rules of a rule set by check, built once per rule set (every page's detector reads them); read only. */
const structuralIndex = new WeakMap<CompiledRules, ReadonlyMap<StructuralCheck, StructuralRuleRef>>();

export function structuralRules(rules: CompiledRules): ReadonlyMap<StructuralCheck, StructuralRuleRef> {
  let out = structuralIndex.get(rules);
  if (out) return out;
  const byCheck = new Map<StructuralCheck, StructuralRuleRef>();
  for (const r of rules.rules) {
    if (r.kind !== 'structural') continue;
    byCheck.set(r.check, { id: r.id, points: r.score, description: r.description, params: r.params });
  }
  structuralIndex.set(rules, (out = byCheck));
  return out;
}

export function hitOf(ref: StructuralRuleRef, evidence: string, points = ref.points): RuleHit {
  return { rule: ref.id, points, description: ref.description, evidence };
}

/** Label that opens a blogroll / 友情链接 block. */
const LINK_LABEL_RE = /^(友情链接|友链|合作伙伴|合作网站|推荐网站|相关链接|links?|partners?|partner sites|our partners|resources|useful links|blogroll|sponsored links|friends|situs rekomendasi|link alternatif)\s*[:：]?/i;

export function isLinkBlock(b: Block, p: Record<string, number>): boolean {
  const links = b.links.length;
  if (links < p.minLinks) return false;
  const offsite = b.links.filter((l) => l.offsite).length / links;
  const linkShare = b.text.length ? b.linkChars / b.text.length : 0;
  return offsite >= p.minOffsiteShare && (linkShare >= p.minLinkTextShare || LINK_LABEL_RE.test(b.text.trim()));
}

/**
 * Off-site links whose anchor text carries a spam term. The positive matches sorted by start with a running maximum
 * of their ends answer "does a match overlap [s, e)" by one binary search per link: asking every match for every
 * link was quadratic (40,000 spam anchors in one block: 5 s).
 */
export function keywordAnchors(b: Block, matches: TextMatch[]): number {
  const pos = matches.filter((m) => m.rule.score > 0).sort((x, y) => x.start - y.start);
  const maxEnd = new Float64Array(pos.length);
  for (let k = 0, m = -Infinity; k < pos.length; k++) maxEnd[k] = m = Math.max(m, pos[k].end);
  /** some positive match starts before e and ends after s */
  const overlaps = (s: number, e: number): boolean => {
    const lo = lowerBound(pos, e);
    return lo > 0 && maxEnd[lo - 1] > s;
  };
  let n = 0;
  let from = 0;
  for (const l of b.links) {
    if (!l.offsite || !l.text) continue;
    let i = b.text.indexOf(l.text, from);
    if (i < 0) i = b.text.indexOf(l.text);
    if (i < 0) continue;
    from = i + l.text.length;
    const s = b.start + i;
    if (overlaps(s, s + l.text.length)) n++;
  }
  return n;
}

export function isLinkFarm(b: Block, matches: TextMatch[], p: Record<string, number>): boolean {
  const off = b.links.filter((l) => l.offsite).length;
  return off >= p.minLinks && keywordAnchors(b, matches) / off >= p.minKeywordAnchorShare;
}

/**
 * Function words per language: real sentences are full of them, stacked keyword lists have none. A language missing
 * here reads as a keyword list (a Russian paragraph with one English plug was cut whole as keyword stuffing).
 */
const FUNCTION_WORDS = new Set(
  (
    'the of and to a in is that for it on was with as by at be this are from or an have not but had his her they we you ' +
    'he she which were been has their its will would there can said more who also after than when into about ' +
    'der die das und ist nicht ein eine zu den mit von sich des auf für im dem el la los las de que y en un una por con para es se del ' +
    'le les et des est pour dans une sur qui au ' +
    'yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke ada oleh karena ' +
    'il di che è della per non sono del gli una ' +
    'het een van en niet zijn voor op met ook ' +
    'и в не на что с по к а как это из у за от о же для но мы он она они его их бы ' +
    '的 了 是 在 和 也 就 都 而 及 与 着 或 一个 这 那 他 她 我们 他们 被 把 让 对 从 向 但 并 还 又 所 将 已 于 为 以 其 之 ' +
    'の は を に が で と も な た し て から まで'
  ).split(/\s+/),
);

export function functionWordShare(text: string, tokens: Token[] = segment(text.toLowerCase())): number {
  if (tokens.length === 0) return 0;
  let n = 0;
  for (const t of tokens) if (FUNCTION_WORDS.has(t.text)) n++;
  return n / tokens.length;
}

export function isKeywordStuffed(b: Block, matches: TextMatch[], p: Record<string, number>, words: (text: string) => Token[] = (t) => segment(t.toLowerCase())): boolean {
  if (b.text.length < p.minChars) return false;
  const distinct = new Set(matches.filter((m) => m.rule.score > 0).map((m) => m.evidence.toLowerCase()));
  if (distinct.size < p.minSpamTerms) return false;
  return functionWordShare(b.text, words(b.text)) <= p.maxFunctionWordShare;
}

const NUMBERED_RE = /^\s*(?:\d{1,2}|[一二三四五六七八九十])\s*[.、)）:：]\s*\S/u;
export function isNumbered(b: Block): boolean {
  return NUMBERED_RE.test(b.text);
}

const NUMBER_RE = /^\s*(\d{1,2})\s*([.、)）:：])/u;

/**
 * A short numbered line standing alone: not a heading, its neighbours are not numbered too, and no other block of
 * the same tag carries the next or previous number with the same mark (a listicle's "4." ... "5." ... "6.").
 */
export function isNumberedPromoLine(blocks: Block[], i: number, p: Record<string, number>): boolean {
  const b = blocks[i];
  if (b.heading || b.text.length > p.maxLineChars || !isNumbered(b)) return false;
  let run = 1;
  for (let j = i - 1; j > 0 && isNumbered(blocks[j]) && blocks[j].region === b.region; j--) run++;
  for (let j = i + 1; j < blocks.length && isNumbered(blocks[j]) && blocks[j].region === b.region; j++) run++;
  if (run > p.maxListLength) return false;
  const m = NUMBER_RE.exec(b.text);
  if (!m) return true;
  const n = Number(m[1]);
  return !blocks.some((o) => {
    if (o === b || o.tag !== b.tag) return false;
    const k = NUMBER_RE.exec(o.text);
    return k !== null && k[2] === m[2] && Math.abs(Number(k[1]) - n) === 1;
  });
}

/** CJK titles: a space is a separator (there are no spaces between words). Latin titles: only real separators. */
const CJK_TITLE_SEP_RE = /\s*(?:[|｜_–—]|\s-\s)\s*|\s+/gu;
const LATIN_TITLE_SEP_RE = /\s*(?:[|｜_–—:]|\s-\s)\s*/gu;
/**
 * Three Han characters or more, each alone (no Han character right before or after it) and one space after the one
 * before: a title part spaced out to dodge keyword lists (炒 股 配 资 技 巧). The part after it starts with two Han
 * characters together, so the space before it still parts the title. (The rule matcher drops such spaces more
 * loosely: a spaced-out brand spliced into running text has Han characters at its edges.)
 */
const SPACED_HAN_RUN_RE = new RegExp(`(?<![${HAN_CLASS}])[${HAN_CLASS}](?![${HAN_CLASS}])(?: [${HAN_CLASS}](?![${HAN_CLASS}])){2,}`, 'gu');

/**
 * Separators between the parts of a <title> piece the headline leaves out ("WSJ | Buy College Diploma Online"): the
 * title separators without the CJK space, which parts a Han headline's words but not a site's name from a keyword.
 */
const TITLE_PIECE_SEP_RE = /\s*(?:[|｜_–—:：]|\s-\s)\s*/gu;

/** The parts of a <title> piece between its separators, as [start, end) offsets (no empty part). */
export function titlePieceParts(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = 0;
  for (const m of text.matchAll(TITLE_PIECE_SEP_RE)) {
    if (m.index! > from) out.push({ start: from, end: m.index! });
    from = m.index! + m[0].length;
  }
  if (from < text.length) out.push({ start: from, end: text.length });
  return out;
}

export interface Affix {
  /** offsets into the title string */
  start: number;
  end: number;
  text: string;
}

/** How many separator-cut segments a prefix or suffix may span ("Cfd Trading App - CrownCapital | Headline"). */
export const MAX_AFFIX_SEGMENTS = 3;

/**
 * An affix is at most this share of the title: a keyword prefix can be longer than the headline's own short words
 * ("Bitcoin Gambling & Jackpot Slots – Achtsam durch die Krise"); the rest must still read as a headline.
 */
export const MAX_AFFIX_SHARE = 0.6;

/**
 * Candidate prefixes and suffixes of a title, cut at spaces (CJK) or separators, spanning 1..MAX_AFFIX_SEGMENTS
 * segments, within the length bounds and never more than `maxShare` of the title. Shortest first.
 */
export function titleAffixes(title: string, p: Record<string, number>, maxShare = MAX_AFFIX_SHARE): Affix[] {
  const cuts: { s: number; e: number }[] = [];
  const cjk = /[\u3040-\u30ff\u3400-\u9fff]/.test(title);
  const re = cjk ? CJK_TITLE_SEP_RE : LATIN_TITLE_SEP_RE;
  // the spaces of a spaced-out Han run (股 票 配 资) are inside one word, not between two parts of the title
  const inRun = new Set<number>();
  if (cjk) for (const m of title.matchAll(SPACED_HAN_RUN_RE)) for (let k = m.index!; k < m.index! + m[0].length; k++) if (title[k] === ' ') inRun.add(k);
  for (const m of title.matchAll(re)) {
    if (m[0] === ' ' && inRun.has(m.index!)) continue;
    if (m[0].length === 0 || m.index === 0 || m.index! + m[0].length === title.length) continue;
    cuts.push({ s: m.index!, e: m.index! + m[0].length });
  }
  // lengths as a reader sees the words: a pinyin-glossed or emoji-sprayed prefix is no longer than its plain form
  const plain = undisguised(title);
  const length = plain === title ? (a: number, b: number) => b - a : (a: number, b: number) => undisguised(title.slice(a, b)).length;
  const ok = (a: number, b: number) => {
    const len = length(a, b);
    return len >= p.minAffixChars && len <= p.maxAffixChars && len <= plain.length * maxShare;
  };
  const out: Affix[] = [];
  for (let k = 0; k < Math.min(MAX_AFFIX_SEGMENTS, cuts.length); k++) {
    const c = cuts[k];
    if (ok(0, c.s)) out.push({ start: 0, end: c.s, text: title.slice(0, c.s) });
  }
  for (let k = 0; k < Math.min(MAX_AFFIX_SEGMENTS, cuts.length); k++) {
    const c = cuts[cuts.length - 1 - k];
    if (ok(c.e, title.length)) out.push({ start: c.e, end: title.length, text: title.slice(c.e) });
  }
  return out;
}

/**
 * How many article sentences use the phrase's words (at least half of them) outside exact copies of the phrase, as
 * countWord reads a use (a word of a spaced script where it starts a word). A real headline's words come back in its
 * story; a spam keyword prefix's words do not.
 */
export function bodyUses(phrase: string, sentencesFolded: string[]): number {
  // a disguised phrase is read as the word it spells (炒 股 配 资, 炒(chǎo)股(gǔ), 炒股💰配资 as 炒股配资); its copies,
  // disguised or not, are not uses
  const raw = phrase.toLowerCase();
  const p = undisguised(raw);
  const words = [...new Set(segment(p).filter((t) => t.text.length >= (t.cjk ? 2 : 3)).map((t) => t.text))];
  if (words.length === 0) return Infinity;
  let uses = 0;
  for (const s of sentencesFolded) {
    // most sentences hold no copy of the phrase: they are their own rest (no split and join per sentence)
    let rest = s.includes(p) ? s.split(p).join(' ') : s;
    if (raw !== p && rest.includes(raw)) rest = rest.split(raw).join(' ');
    let found = 0;
    for (const w of words) if (countWord(rest, w, 1) > 0) found++;
    if (found / words.length >= 0.5) uses++;
  }
  return uses;
}

/** How far past the words the token head tags a splice inside a Han word run may reach to rejoin the article's words. */
export const REJOIN_MAX_CHARS = 8;

/**
 * A plug spliced inside a name in a headline (卢煜|澳彩期期准凤凰艺术|明谈, the president 卢煜明) is cut to where
 * the headline rejoins the article's own words: the token head tags the plug's spam words (澳彩期期准), but the made-up
 * rest of it (凤凰艺术) reads as words too. The end moves on, over Han characters the article never uses, to the first
 * place where the two characters before the cut and the one after it are three characters of an article sentence
 * (卢煜 + 明); else the start moves back the same way. Nothing moves when the cut rejoins already or nothing rejoins.
 * `sentences`: the article's sentences, lower-cased (PageCtx.mainSentenceTexts).
 */
export function rejoinedEdges(text: string, from: number, to: number, sentences: readonly string[]): { from: number; to: number } {
  const has = (s: string) => sentences.some((x) => x.includes(s));
  const han = (i: number) => i >= 0 && i < text.length && isCjk(text.charCodeAt(i));
  if (!han(from - 1) || !han(from - 2) || !han(to)) return { from, to };
  const left = text.slice(from - 2, from);
  if (has(left + text[to])) return { from, to };
  for (let j = 1; j <= REJOIN_MAX_CHARS && han(to + j - 1) && han(to + j); j++) {
    if (has(left + text[to + j]) && !has(text.slice(to, to + j))) return { from, to: to + j };
  }
  for (let i = 1; i <= REJOIN_MAX_CHARS && han(from - i - 2); i++) {
    if (has(text.slice(from - i - 2, from - i) + text[to]) && !has(text.slice(from - i, from))) return { from: from - i, to };
  }
  return { from, to };
}
