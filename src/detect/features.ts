// Hashed features for the classifier: character n-grams (CJK 1-3, Latin 3-5 inside words), word uni/bi-grams,
// and a few shape features (URL, phone/QQ/WeChat numbers, digits, exclamation). Computed on folded text with
// rolling FNV-1a hashes straight from char codes, so no n-gram strings are built on the hot path. A traditional Han
// character is read as its simplified form, as the rules read it: 真人棋牌遊戲 has the features of 真人棋牌游戏.
import { foldText, simplifiedTable, toSimplified } from '../text/index.js';
import { isLetter, isSpace } from '../util/chars.js';
import type { LrHead } from './model.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;

/** Namespaces keep different feature families from sharing buckets by construction. */
export const NS = { cjk: 1, latinGram: 2, word: 3, bigram: 4, shape: 5, prev: 6, next: 7, self: 8, squeeze: 9 } as const;

/** Sentence texts longer than this are cut for featurisation (the head carries the signal; keeps cost bounded). */
export const MAX_FEATURE_CHARS = 2000;

/**
 * The CJK of the model's features (Han without the compatibility block, kana without half-width katakana): part of
 * the feature definition the shipped model was trained on, so not util/chars' isCjk; changing it means retraining.
 */
const isCjk = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3040 && c <= 0x30ff);
const isWordChar = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x400 && c <= 0x4ff) || (c >= 0xac00 && c <= 0xd7af);

/** Character p of " word " (word = s[i .. i+len-2)), the spaces marking the word's edges. */
function wordCharAt(s: string, i: number, len: number, p: number): number {
  return p === 0 || p === len - 1 ? 0x20 : normCode(s.charCodeAt(i + p - 1));
}

/** The character codes of one " word " (see wordCharAt), reused from word to word. */
const WORD_CODES = new Int32Array(64);

function mix(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME) >>> 0;
}

/**
 * Where hashed features go: collected as ids (training), or summed straight into a score (the hot path). `addAll`:
 * the first `count` hashes of `hs`, in order (as many add calls would).
 */
export interface Sink {
  add(h: number): void;
  addAll(hs: Int32Array, count: number): void;
}

export class FeatureSink implements Sink {
  ids: number[] = [];
  constructor(readonly mask: number) {}
  add(h: number): void {
    this.ids.push(h & this.mask);
  }
  addAll(hs: Int32Array, count: number): void {
    for (let i = 0; i < count; i++) this.ids.push(hs[i] & this.mask);
  }
}

/** Sums the weights of the features as they are produced: no id array, no garbage. */
export class ScoreSink implements Sink {
  sum = 0;
  n = 0;
  constructor(
    readonly w: Float32Array,
    readonly mask: number,
  ) {}
  add(h: number): void {
    this.sum += this.w[h & this.mask];
    this.n++;
  }
  addAll(hs: Int32Array, count: number): void {
    const { w, mask } = this;
    let sum = this.sum;
    for (let i = 0; i < count; i++) sum += w[hs[i] & mask];
    this.sum = sum;
    this.n += count;
  }
}

/**
 * A float weight w[i] is its int8 q[i] times the head's step, rounded to float32: at most this share of the largest
 * weight (127 steps) away from q[i] * step (half a float32 ulp is 2^-24; twice that also covers the float sums' own
 * rounding, which grows with the square of the feature count and stays far below it at any MAX_FEATURE_CHARS text).
 */
const QUANT_SLACK = 2 ** -23;

/**
 * Sums a head's int8 weights for an upper bound of ScoreSink's sum over the same features. The int8 table is a
 * quarter of the float one: on the bound's hot path, where every feature is a random read of the table, far fewer
 * of the reads miss the CPU caches. A class of its own, not ScoreSink over either table: one class for both table types
 * made the table reads polymorphic (analyze 2.1% slower in total, bench/ab.ts).
 */
export class QuantSink implements Sink {
  sum = 0;
  n = 0;
  constructor(
    readonly q: Int8Array,
    readonly step: number,
    readonly mask: number,
  ) {}
  add(h: number): void {
    this.sum += this.q[h & this.mask];
    this.n++;
  }
  addAll(hs: Int32Array, count: number): void {
    const { q, mask } = this;
    let sum = this.sum;
    for (let i = 0; i < count; i++) sum += q[hs[i] & mask];
    this.sum = sum;
    this.n += count;
  }
  /** At least the float weights' sum: the int8 sum scaled, plus every weight's rounding at its largest. */
  upper(): number {
    return this.sum * this.step + this.n * 127 * this.step * QUANT_SLACK;
  }
}

/** Digits fold to '0' so that phone numbers, prices and QQ ids share features. */
const normCode = (c: number) => (c >= 0x30 && c <= 0x39 ? 0x30 : c);

/** Features addTextFeatures can produce per character, at most: three n-grams, a word's unigram and bigram. */
const MAX_FEATURES_PER_CHAR = 5;
/**
 * The hashes of one addTextFeatures call, handed to the sink in one addAll: a sink then sums its weights in a tight
 * loop of independent table reads instead of one call (and one read-add-write of its sum) per feature.
 */
let hashes = new Int32Array(MAX_FEATURE_CHARS * MAX_FEATURES_PER_CHAR + 16);

/**
 * Append the hashed features of `text` (already folded) to sink, in namespace `ns0` (+ offsets for families),
 * so a token's neighbours can be added under other namespaces.
 */
export function addTextFeatures(folded: string, sink: Sink, nsSalt = 0): void {
  const s = folded.length > MAX_FEATURE_CHARS ? folded.slice(0, MAX_FEATURE_CHARS) : folded;
  const n = s.length;
  if (hashes.length < n * MAX_FEATURES_PER_CHAR + 16) hashes = new Int32Array(n * MAX_FEATURES_PER_CHAR + 16);
  const hs = hashes;
  let count = 0;
  const salt = Math.imul(nsSalt + 1, 0x9e3779b1) >>> 0;
  const simplified = simplifiedTable();
  let prevWordHash = 0;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isCjk(c)) {
      let j = i;
      while (j < n && isCjk(s.charCodeAt(j))) j++;
      for (let a = i; a < j; a++) {
        let h = mix(FNV_OFFSET ^ salt, NS.cjk);
        for (let k = 0; k < 3 && a + k < j; k++) {
          const ch = s.charCodeAt(a + k);
          h = mix(h, simplified[ch] || ch);
          hs[count++] = mix(h, k);
        }
      }
      prevWordHash = 0;
      i = j;
    } else if (isWordChar(c)) {
      let j = i;
      while (j < n && isWordChar(s.charCodeAt(j))) j++;
      // word unigram
      let wh = mix(FNV_OFFSET ^ salt, NS.word);
      for (let a = i; a < j; a++) wh = mix(wh, normCode(s.charCodeAt(a)));
      hs[count++] = wh;
      if (prevWordHash) hs[count++] = mix(mix(prevWordHash, NS.bigram), wh);
      prevWordHash = wh;
      // char 3..5-grams inside " word " with boundary marks
      const len = j - i + 2;
      const codes = len <= WORD_CODES.length ? WORD_CODES : new Int32Array(len);
      for (let p = 0; p < len; p++) codes[p] = wordCharAt(s, i, len, p);
      const seed = mix(FNV_OFFSET ^ salt, NS.latinGram);
      for (let a = 0; a + 3 <= len; a++) {
        let h = mix(mix(seed, codes[a]), codes[a + 1]);
        const top = Math.min(5, len - a);
        for (let k = 2; k < top; k++) {
          h = mix(h, codes[a + k]);
          hs[count++] = mix(h, k);
        }
      }
      i = j;
    } else {
      if (c === 0x21 || c === 0xff01) hs[count++] = mix(mix(FNV_OFFSET ^ salt, NS.shape), 1); // '!'
      if (c === 0x2e && i > 0 && isWordChar(s.charCodeAt(i - 1)) && i + 1 < n && isWordChar(s.charCodeAt(i + 1))) {
        hs[count++] = mix(mix(FNV_OFFSET ^ salt, NS.shape), 2); // dotted name: domain-ish
      }
      if (c !== 0x20) prevWordHash = 0;
      i++;
    }
  }
  sink.addAll(hs, count);
}

const CAMEL_RE = /[A-Z][a-z]+[A-Z][a-z]+/g;
export const DOMAIN_RE = /\b[a-z0-9-]{2,}\.(com|net|org|info|biz|cc|vip|club|site|online|top|xyz|me|io|co|us|bet|win|app|shop|store|live|pro|asia|cn|jp|id|ru|tk|ml)\b/gi;
/** DOMAIN_RE without the global flag, for a stateless test. */
const DOMAIN_TEST_RE = new RegExp(DOMAIN_RE.source, 'i');
const SEP_RE = /[|｜·•/、]/g;
const LONG_DIGITS_RE = /\d{5,}/g;
const EMOJI_RE = /\p{Extended_Pictographic}/gu;
const NUMBERED_RE = /^\s*\d{1,2}\s*[.)、）]/;

function bucket(n: number): number {
  return n <= 0 ? 0 : n === 1 ? 1 : n <= 3 ? 2 : n <= 7 ? 3 : 4;
}

/**
 * Shape features that carry over to spam wording never seen in training: brand-like CamelCase names, domains and
 * their TLDs, separator-stacked keyword lists, long digit runs (phone, QQ), emoji, numbering, length. `flags`:
 * headFlags of the text's head, when the caller has it.
 */
export function addShapeFeatures(text: string, sink: Sink, flags?: number): void {
  const head = text.length > MAX_FEATURE_CHARS ? text.slice(0, MAX_FEATURE_CHARS) : text;
  addCamelFeature(head, sink);
  addDomainFeatures(head, sink, flags ?? headFlags(head));
  addSeparatorFeatures(head, sink);
  addDigitRunFeature(head, sink);
  shape(sink, 16, bucket(head.match(EMOJI_RE)?.length ?? 0));
  addNumberedFeature(head, sink);
  addLengthFeature(head, sink);
}

const addCamelFeature = (head: string, sink: Sink) => shape(sink, 10, bucket(head.match(CAMEL_RE)?.length ?? 0));
const addDigitRunFeature = (head: string, sink: Sink) => shape(sink, 15, bucket(head.match(LONG_DIGITS_RE)?.length ?? 0));
const addLengthFeature = (head: string, sink: Sink) => shape(sink, 18, Math.min(12, Math.floor(Math.log2(head.length + 1))));
const addNumberedFeature = (head: string, sink: Sink) => NUMBERED_RE.test(head) && shape(sink, 17, 1);

/** How many separators, and how many per word. */
function addSeparatorFeatures(head: string, sink: Sink): void {
  const seps = head.match(SEP_RE)?.length ?? 0;
  shape(sink, 13, bucket(seps));
  // the words are counted only when there is a separator to share out (0 separators: share 0 whatever the words)
  shape(sink, 14, seps === 0 ? 0 : Math.min(4, Math.floor((seps / Math.max(1, head.split(/\s+/).length)) * 8)));
}

function shapeHash(k: number, v: number): number {
  return mix(mix(mix(FNV_OFFSET, NS.shape), k), v);
}

function shape(sink: Sink, k: number, v: number): void {
  sink.add(shapeHash(k, v));
}

/** Each domain in the text, and its TLD. `flags`: headFlags(head) when known. */
function addDomainFeatures(head: string, sink: Sink, flags = headFlags(head)): void {
  // most text has no domain: the char scan's answer, then one test before the match iterator
  if (!(flags & HEAD_DOTTED) || !DOMAIN_TEST_RE.test(head)) return;
  for (const m of head.matchAll(DOMAIN_RE)) {
    shape(sink, 11, 1);
    let h = mix(FNV_OFFSET, 12);
    for (const c of m[1].toLowerCase()) h = mix(h, c.charCodeAt(0));
    sink.add(h);
  }
}

/**
 * Commercial intent, by family: evidence that carries over to wording never seen in training (a new brand, a new
 * handle) because spam has to tell the reader how to reach it, what it gives and why to trust it. Each family is a
 * presence feature; how many families a text has together is one more (news quotes one, an ad stacks several).
 */
const INTENT: ReadonlyArray<readonly [number, RegExp]> = [
  // contact handles: QQ / WeChat / Telegram / WhatsApp / Line ids, @handles
  [40, /(?:qq|扣扣|微信|威信|薇信|vx|wx|v信|weixin|wechat|telegram|飞机|whatsapp|wa\.me|line\s*id|tg)\s*(?:号|群|:|：|@)?\s*[@a-z0-9_-]{4,}|(?:^|\s)@[a-z0-9_]{4,}/iu],
  // phone numbers written with separators or an international prefix
  [41, /(?:\+\d{1,3}[\s-]?)?(?:\(?\d{2,4}\)?[\s-]){2,}\d{3,4}|\+\d{9,13}|\b1[3-9]\d{9}\b|\b08\d{8,11}\b/u],
  // bare domains with digits (brand + site number: 365.com, xx88.net) and www./http in running text
  [42, /\b[a-z]*\d{2,}[a-z]*\.(?:com|net|cc|vip|bet|top|xyz|me|co|app|org)\b|\bwww\.|https?:\/\//iu],
  // offers and money
  [43, /送|彩金|返水|返利|首充|注册送|优惠|低至|免费领|红包|bonus|free\s*spins?|deposit|cashback|jackpot|maxwin|\bjp\b|\bwd\b|\d+\s*%|\brp\s?\d|[¥$€£]\s?\d/iu],
  // speed and guarantee claims
  [44, /秒到账|秒提|秒出|24\s*\/\s*7|24\s*小时|24\s*jam|100\s*%|包过|稳赚|必中|保本|无风险|信誉|guarantee|pasti|dijamin|anti\s*rungkad|gacor|terpercaya|no\s*deposit/iu],
  // calls to action
  [45, /立即|马上|点击|注册|下载|加入|咨询|联系我|call\s*now|click\s*here|sign\s*up|register|join\s*now|daftar|gabung|buy\s*now|order\s*now|check\s*out|subscribe|visit\s*(?:my|our)/iu],
  // official entry: 官网 / 官方网站 / 入口 / app下载 / 网址 / login
  [46, /官网|官方网站|官方|入口|app\s*下载|下载app|网址|登录|登入|link\s*alternatif|situs\s*resmi|official\s*site/iu],
];

/** Brand-shaped tokens: a name + 娱乐/体育/国际/…, a Latin name + digits (AERO88, DORA77), name + casino/slot/bet. */
const BRAND_RE = /[\u4e00-\u9fff]{2,4}(?:娱乐|体育|国际|官方|集团|彩票|棋牌|电竞|真人|平台)|\b[a-z]{3,}\d{2,4}\b|\b[a-z]{2,}(?:casino|slot|bet|togel|poker|toto)\b|\b\d{3,4}(?:vip|bet)\b/iu;

/** Obfuscation that survives folding: letters spaced or starred apart, pinyin glosses, math/full-width letters. */
/** What hasSpacedLetters answers (its specification; the tests hold the two equal). */
export const SPACED_RE = /(?:^|[^\p{L}])(?:\p{L}[\s.*·_\-]){3,}\p{L}(?![\p{L}])/u;
const STARRED_RE = /[\p{L}\p{N}][\u2600-\u27bf\u2b50\u2b55\u{1F300}-\u{1FAFF}]+[\p{L}\p{N}]/u;
const PINYIN_GLOSS_RE = /[\u4e00-\u9fff][(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]/u;
const STYLED_LETTERS_RE = /[\u{1D400}-\u{1D7FF}\uFF21-\uFF3A\uFF41-\uFF5A\u24B6-\u24E9]/u;
const NOT_ALNUM_RE = /[^\p{L}\p{N}]+/gu;

/** Commercial-intent families, brand shapes and obfuscation. `flags`: headFlags of the text's head, when the caller has it. */
export function addIntentFeatures(text: string, sink: Sink, flags?: number): void {
  // the patterns' Chinese words are simplified: 註冊 and 官網 read as 注册 and 官网 (same length, same flags)
  const head = toSimplified(text.length > MAX_FEATURE_CHARS ? text.slice(0, MAX_FEATURE_CHARS) : text);
  let families = 0;
  for (const [k, re] of INTENT) {
    if (re.test(head)) {
      shape(sink, k, 1);
      families++;
    }
  }
  if (BRAND_RE.test(head)) {
    shape(sink, 47, 1);
    families++;
  }
  shape(sink, 48, Math.min(4, families));
  const obfuscated = addObfuscationFeatures(head, sink, flags ?? headFlags(head));
  addGlossAndStyleFeatures(head, sink);
  if (obfuscated) addSqueezedFeatures(head, sink);
}

/** Pinyin glosses (a gloss needs a parenthesis) and math-bold or full-width letters. */
function addGlossAndStyleFeatures(head: string, sink: Sink): void {
  if ((head.includes('(') || head.includes('（')) && PINYIN_GLOSS_RE.test(head)) shape(sink, 52, 1);
  if (STYLED_LETTERS_RE.test(head)) shape(sink, 53, 1);
}

/** The separators of SPACED_RE: white space, . * · _ - */
const isSpacingMark = (c: number) => isSpace(c) || c === 0x2e || c === 0x2a || c === 0xb7 || c === 0x5f || c === 0x2d;

/** ASCII chars of DOMAIN_RE's name class [a-z0-9-] (case-insensitive). */
const isDomainChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
const isAsciiLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

/** headFlags: letters spaced apart (SPACED_RE). */
export const HEAD_SPACED = 1;
/** headFlags: a char of STARRED_RE's emoji class (U+2600–27BF, ⭐, ⭕, U+1F300–1FAFF): the regex needs one. */
export const HEAD_EMOJI = 2;
/** headFlags: a '.' after two chars of [a-z0-9-] and before a letter: where DOMAIN_RE's matches have their dot. */
export const HEAD_DOTTED = 4;
const HEAD_ALL = HEAD_SPACED | HEAD_EMOJI | HEAD_DOTTED;

/**
 * One pass over the code points of a text for three questions of the shape features (each was a pass of its own):
 * SPACED_RE.test(s), exactly (four or more single letters, each apart from the next by one separator, the first not
 * after a letter and the last not before one; the regex with its Unicode letter classes cost as much as all n-gram
 * features together); whether s has a char of STARRED_RE's emoji class; whether DOMAIN_RE could match (a dot where
 * its matches have one; the regex answers then).
 */
export function headFlags(s: string): number {
  let flags = 0;
  let chain = 0; // letters in the current chain
  let sepAfterChain = false; // the last char was one separator after a chain letter
  let lastLetter = false;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      cp = s.codePointAt(i)!;
      if (cp > 0xffff) i++;
    }
    if (isLetter(cp)) {
      chain = sepAfterChain ? chain + 1 : lastLetter ? 0 : 1;
      sepAfterChain = false;
      lastLetter = true;
      continue;
    }
    if (lastLetter && chain >= 4) {
      flags |= HEAD_SPACED;
      if (flags === HEAD_ALL) return flags;
    }
    if (cp >= 0x2600) {
      if (cp <= 0x27bf || cp === 0x2b50 || cp === 0x2b55 || (cp >= 0x1f300 && cp <= 0x1faff)) {
        flags |= HEAD_EMOJI;
        if (flags === HEAD_ALL) return flags;
      }
    } else if (cp === 0x2e && i >= 2 && i + 1 < n && isAsciiLetter(s.charCodeAt(i + 1)) && isDomainChar(s.charCodeAt(i - 1)) && isDomainChar(s.charCodeAt(i - 2))) {
      flags |= HEAD_DOTTED;
      if (flags === HEAD_ALL) return flags;
    }
    sepAfterChain = lastLetter && chain > 0 && isSpacingMark(cp);
    if (!sepAfterChain) chain = 0;
    lastLetter = false;
  }
  if (lastLetter && chain >= 4) flags |= HEAD_SPACED;
  return flags;
}

/** SPACED_RE.test(s), in one pass over the code points (see headFlags). */
export function hasSpacedLetters(s: string): boolean {
  return (headFlags(s) & HEAD_SPACED) !== 0;
}

/** Letters spaced or starred apart; true when there are. `flags`: headFlags(head) when known. */
function addObfuscationFeatures(head: string, sink: Sink, flags = headFlags(head)): boolean {
  const spaced = (flags & HEAD_SPACED) !== 0;
  const starred = (flags & HEAD_EMOJI) !== 0 && STARRED_RE.test(head);
  if (spaced) shape(sink, 50, 1);
  if (starred) shape(sink, 51, 1);
  return spaced || starred;
}

/** The n-grams of the text with its separators squeezed out ("A L E X I S ⭐ 17" → alexis17). */
function addSqueezedFeatures(head: string, sink: Sink): void {
  addTextFeatures(foldText(head).replace(NOT_ALNUM_RE, ''), sink, NS.squeeze);
}

/** A feature every text has (a second bias the weights can use). */
const CONSTANT_FEATURE = 0x5eed;

function unitInto(text: string, sink: Sink): void {
  // the shape and intent features ask the same one-pass questions of the same head: asked once
  const flags = headFlags(text.length > MAX_FEATURE_CHARS ? text.slice(0, MAX_FEATURE_CHARS) : text);
  addTextFeatures(foldText(text), sink);
  addShapeFeatures(text, sink, flags);
  addIntentFeatures(text, sink, flags);
  sink.add(CONSTANT_FEATURE);
}

/** Features of a whole text unit (sentence or block) for the unit classifier. */
export function unitFeatures(text: string, mask: number): number[] {
  const sink = new FeatureSink(mask);
  unitInto(text, sink);
  return sink.ids;
}

/**
 * The bound below leaves some slots uncomputed and counts them at their most spam-like: slots of one feature of a few
 * values (bucketed counts), and presence slots (a feature or none). In two stages: the coarse one computes only
 * the n-grams and what can add any number of features (domains, squeezed obfuscated text); the fine one adds the
 * cheap shape counts. The costly Unicode-aware patterns (emoji, the intent families, brand shape) stay bounded.
 */
interface Slots {
  valued: readonly number[];
  presence: readonly number[];
}
const FINE_SLOTS: Slots = { valued: [16, 48], presence: [...INTENT.map(([k]) => k), 47] };
const COARSE_SLOTS: Slots = { valued: [10, 13, 14, 15, ...FINE_SLOTS.valued], presence: [17, 52, 53, ...FINE_SLOTS.presence] };
const SLOT_VALUES = [0, 1, 2, 3, 4];

/** The most a head's weights can give to the slots: the best value of each valued slot, the positive presences. */
const slotMaxes = new WeakMap<Float32Array, Map<Slots, number>>();
function slotsMax(slots: Slots, w: Float32Array, mask: number): number {
  let byW = slotMaxes.get(w);
  if (!byW) slotMaxes.set(w, (byW = new Map()));
  let m = byW.get(slots);
  if (m !== undefined) return m;
  m = 0;
  for (const k of slots.valued) m += Math.max(...SLOT_VALUES.map((v) => w[shapeHash(k, v) & mask]));
  for (const k of slots.presence) m += Math.max(0, w[shapeHash(k, 1) & mask]);
  byW.set(slots, m);
  return m;
}

/** An upper bound of a head's score: at most `sum` over between nMin and nMax features. */
export interface ScoreBound {
  sum: number;
  nMin: number;
  nMax: number;
}

function boundOf(sink: ScoreSink | QuantSink, slots: Slots, w: Float32Array, mask: number): ScoreBound {
  const sum = sink instanceof QuantSink ? sink.upper() : sink.sum;
  return { sum: sum + slotsMax(slots, w, mask), nMin: sink.n + slots.valued.length, nMax: sink.n + slots.valued.length + slots.presence.length };
}

/**
 * An upper bound of the score of head lr for text, for the question "is p at least x?" that most text answers far
 * below. `settled(coarse)` true: the coarse bound is returned; else the fine one. `folded`: foldText(text), when the
 * caller has it. The features' weights are summed from the head's int8 table when it has one (QuantSink).
 */
export function unitScoreBound(text: string, lr: LrHead, settled: (b: ScoreBound) => boolean = () => false, folded = foldText(text)): ScoreBound {
  const { w, mask } = lr;
  const sink = lr.q && lr.qStep ? new QuantSink(lr.q, lr.qStep, mask) : new ScoreSink(w, mask);
  const head = text.length > MAX_FEATURE_CHARS ? text.slice(0, MAX_FEATURE_CHARS) : text;
  const flags = headFlags(head);
  addTextFeatures(folded, sink);
  addDomainFeatures(head, sink, flags);
  addLengthFeature(head, sink);
  if (addObfuscationFeatures(head, sink, flags)) addSqueezedFeatures(head, sink);
  sink.add(CONSTANT_FEATURE);
  const coarse = boundOf(sink, COARSE_SLOTS, w, mask);
  if (settled(coarse)) return coarse;
  addCamelFeature(head, sink);
  addSeparatorFeatures(head, sink);
  addDigitRunFeature(head, sink);
  addNumberedFeature(head, sink);
  addGlossAndStyleFeatures(head, sink);
  return boundOf(sink, FINE_SLOTS, w, mask);
}

/** The unit head's raw sum of weights and feature count for a text, without materialising the features. */
export function unitScore(text: string, w: Float32Array, mask: number): { sum: number; n: number } {
  const sink = new ScoreSink(w, mask);
  unitInto(text, sink);
  return sink;
}
