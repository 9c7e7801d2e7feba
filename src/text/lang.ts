// detectLang(): cheap script counts, then stop-word counts for Latin-script text.
import type { Lang, Span } from './types.js';
import { FOLD_ASCII_LOWER_APOSTROPHE, SliceMap } from '../util/slice-map.js';
import { isHan, isHangul, isKana, isKanaLetter } from '../util/chars.js';

/** Only this many leading characters are looked at. */
export const LANG_SAMPLE_CHARS = 2000;
/** Japanese when kana make up at least this share of the Han+kana characters (Chinese pages carry stray の). */
export const JA_MIN_KANA_SHARE = 0.08;
/** ...and at least this many kana. */
export const JA_MIN_KANA = 3;
/**
 * A CJK character carries about as much text as this many Latin letters; used to decide which script
 * dominates a mixed sample (Chinese pages are full of Latin brand names and URLs).
 */
export const CJK_CHAR_WEIGHT = 3;
/** A Latin-script text needs at least this many stop-word points to be given a language. */
export const MIN_STOPWORD_SCORE = 1.5;
/** The best language must beat the runner-up by this factor. */
export const STOPWORD_MARGIN = 1.25;

/** Frequent function words per language. Shared words count 1/k for each of the k languages listing them. */
export const STOP_WORDS: Readonly<Record<'en' | 'id' | 'de' | 'es' | 'pt' | 'fr', readonly string[]>> = {
  en: [
    'the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'was', 'on', 'are', 'it', 'this', 'as', 'by',
    'be', 'from', 'have', 'has', 'at', 'not', 'but', 'you', 'they', 'which', 'he', 'she', 'will', 'or', 'an',
    'were', 'been', 'their', 'his', 'her', 'would', 'said', 'who', 'we', 'its', 'had', 'more', 'about', 'than',
  ],
  id: [
    'yang', 'dan', 'di', 'ini', 'itu', 'dengan', 'untuk', 'tidak', 'dari', 'dalam', 'akan', 'pada', 'juga',
    'saya', 'ke', 'adalah', 'atau', 'ada', 'bisa', 'sudah', 'oleh', 'karena', 'kami', 'mereka', 'telah',
    'lebih', 'bahwa', 'seperti', 'tersebut', 'kita', 'anda', 'banyak', 'hanya', 'secara', 'saat', 'hari',
    'masih', 'bagi', 'para', 'namun', 'dapat', 'ia', 'sebagai', 'belum', 'sangat', 'agar',
  ],
  de: [
    'der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'von', 'zu', 'sich', 'auf', 'des', 'ein', 'eine',
    'dem', 'für', 'im', 'auch', 'es', 'werden', 'wird', 'sie', 'aus', 'bei', 'nach', 'wie', 'oder', 'aber',
    'noch', 'ich', 'einer', 'eines', 'einem', 'sind', 'hat', 'wurde', 'dass', 'über', 'nur', 'wir', 'vom', 'zum',
  ],
  es: [
    'el', 'la', 'de', 'que', 'y', 'en', 'los', 'las', 'del', 'se', 'por', 'un', 'una', 'con', 'para', 'es',
    'al', 'lo', 'como', 'más', 'pero', 'sus', 'su', 'fue', 'este', 'esta', 'ha', 'sobre', 'también', 'entre',
    'muy', 'sin', 'han', 'ya', 'cuando', 'desde', 'todo', 'hay', 'porque', 'están', 'está', 'le',
  ],
  pt: [
    'o', 'a', 'os', 'as', 'de', 'que', 'e', 'do', 'da', 'dos', 'das', 'em', 'no', 'na', 'nos', 'um', 'uma',
    'para', 'com', 'não', 'por', 'se', 'mais', 'ao', 'foi', 'são', 'é', 'como', 'também', 'pelo', 'pela',
    'mas', 'ou', 'seu', 'sua', 'ele', 'ela', 'já', 'está', 'entre', 'quando', 'muito', 'até', 'isso',
  ],
  fr: [
    'le', 'la', 'les', 'de', 'des', 'du', 'et', 'un', 'une', 'est', 'en', 'que', 'qui', 'dans', 'pour', 'pas',
    'sur', 'au', 'avec', 'ce', 'il', 'elle', 'sont', 'par', 'plus', 'ne', 'se', 'aux', 'été', 'cette', 'mais',
    'ou', 'nous', 'vous', 'ils', 'leur', 'ont', 'son', 'sa', 'ses', 'être', 'fait', 'comme', "c'est", "d'un",
  ],
};

type LatinLang = keyof typeof STOP_WORDS;
const LATIN_LANGS = Object.keys(STOP_WORDS) as LatinLang[];
/** Longest stop word: longer words need no lookup. */
const MAX_STOP_WORD_LEN = Math.max(...Object.values(STOP_WORDS).flat().map((w) => w.length));

/** word -> per-language weight vector (index in LATIN_LANGS) */
const STOP_INDEX: Map<string, { idx: number[]; w: number }> = (() => {
  const m = new Map<string, number[]>();
  LATIN_LANGS.forEach((l, li) => {
    for (const w of STOP_WORDS[l]) {
      const a = m.get(w) ?? [];
      if (!a.includes(li)) a.push(li);
      m.set(w, a);
    }
  });
  const out = new Map<string, { idx: number[]; w: number }>();
  for (const [w, idx] of m) out.set(w, { idx, w: 1 / idx.length });
  return out;
})();

/**
 * STOP_INDEX read straight from the sample, ’ as ' (the apostrophe of "d’un") and ASCII letters in lower case (an
 * ASCII sample is read as it is): no substring per word.
 */
const STOP_AT = new SliceMap(STOP_INDEX, FOLD_ASCII_LOWER_APOSTROPHE);

const isCyrillic = (c: number) => c >= 0x400 && c <= 0x52f;
const isLatin = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);

/** Dominant language of a text (zh, ja, ko, en, id, ... or 'other'). */
export function detectLang(s: string): Lang {
  const n = Math.min(s.length, LANG_SAMPLE_CHARS);
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let cyr = 0;
  let latin = 0;
  let ascii = true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) latin++;
      continue;
    }
    ascii = false;
    if (isHan(c)) han++;
    else if (isKanaLetter(c)) kana++;
    else if (isHangul(c)) hangul++;
    else if (isCyrillic(c)) cyr++;
    else if (isLatin(c)) latin++;
  }
  const cjk = (han + kana + hangul) * CJK_CHAR_WEIGHT;
  if (cjk > 0 && cjk >= latin && cjk >= cyr) {
    if (hangul >= han + kana) return 'ko';
    if (kana >= JA_MIN_KANA && kana >= JA_MIN_KANA_SHARE * (han + kana)) return 'ja';
    return han > 0 ? 'zh' : kana > 0 ? 'ja' : 'other';
  }
  if (cyr > latin) return 'ru';
  if (latin === 0) return 'other';
  // an ASCII sample is read in place (STOP_AT lower-cases its letters); other text is lower-cased first, which may
  // change its length (İ)
  if (ascii) return latinLang(s, n);
  const lower = s.slice(0, n).toLowerCase();
  return latinLang(lower, lower.length);
}

const LETTER_RE = /\p{L}/u;
const MARK_RE = /\p{M}/u;
/** Per BMP char: 0 not yet known, 1 letter (\p{L}), 2 mark (\p{M}), 3 neither. */
const CHAR_CLASS = new Uint8Array(0x10000);
function charClass(c: number): number {
  let k = CHAR_CLASS[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    CHAR_CLASS[c] = k = LETTER_RE.test(ch) ? 1 : MARK_RE.test(ch) ? 2 : 3;
  }
  return k;
}
/** Class of the code point at i and its length in UTF-16 units (astral letters are rare: asked of the regex). */
function classAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return charClass(c);
  const cp = s.codePointAt(i)!;
  if (cp <= 0xffff) return 3;
  const ch = String.fromCodePoint(cp);
  return LETTER_RE.test(ch) ? 5 : MARK_RE.test(ch) ? 6 : 7; // +4: two units long
}

/**
 * Stop-word scores over the words of the sample s[0, n) (lower-cased, or ASCII): runs of letters and marks, optionally one apostrophe
 * (' or ’) and more letters ("c'est", "d’un"), as /[\p{L}\p{M}]+(?:['’]\p{L}+)?/gu finds them; a char-code
 * scan with a per-character class table, since a Unicode regex over every block's sample was a top cost.
 */
function latinLang(s: string, n: number): Lang {
  const score = new Float64Array(LATIN_LANGS.length);
  let i = 0;
  while (i < n) {
    let k = classAt(s, i);
    if ((k & 3) === 3) {
      i += k > 4 ? 2 : 1;
      continue;
    }
    const start = i;
    while (i < n && ((k = classAt(s, i)) & 3) !== 3) i += k > 4 ? 2 : 1;
    let end = i;
    const q = i < n ? s.charCodeAt(i) : 0;
    if ((q === 39 || q === 0x2019) && i + 1 < n && (classAt(s, i + 1) & 3) === 1) {
      let j = i + 1;
      while (j < n && ((k = classAt(s, j)) & 3) === 1) j += k > 4 ? 2 : 1;
      end = j;
      i = j;
    }
    const len = end - start;
    if (len > MAX_STOP_WORD_LEN) continue;
    const e = STOP_AT.get(s, start, end);
    if (!e) continue;
    for (const li of e.idx) score[li] += e.w;
  }
  let best = -1;
  let second = 0;
  for (let li = 0; li < score.length; li++) {
    if (best < 0 || score[li] > score[best]) {
      if (best >= 0) second = Math.max(second, score[best]);
      best = li;
    } else second = Math.max(second, score[li]);
  }
  if (best < 0 || score[best] < MIN_STOPWORD_SCORE || score[best] < second * STOPWORD_MARGIN) return 'other';
  return LATIN_LANGS[best];
}

/** Any Han or kana character in s? */
function hasHanOrKana(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x3040 && (isHan(c) || isKana(c))) return true;
  }
  return false;
}

/** Characters a CJK run may hold between its CJK ends: CJK punctuation, full-width forms, spaces, digits, | and -. */
function runFiller(c: number): boolean {
  return (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff65) || c === 0x20 || c === 0xa0 || c === 0x7c || c === 0x2d || (c >= 0x30 && c <= 0x39);
}

/**
 * Runs of Han or kana inside a text written in Latin letters (a Japanese or Chinese phrase dropped into an English or
 * German sentence): each run starts and ends on a Han or kana character and holds at least `minChars` of them.
 * Empty unless Latin letters outweigh the CJK characters (by CJK_CHAR_WEIGHT, as detectLang weighs them): in Chinese
 * or Japanese text every phrase is such a run.
 */
export function cjkRunsInLatin(s: string, minChars: number): Span[] {
  // most sentences hold no Han or kana at all: one cheap pass decides them (no CJK char is below U+3040)
  if (minChars > 0 && !hasHanOrKana(s)) return [];
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHan(c) || isKana(c)) cjk++;
    else if (c < 0x80 ? ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) : isLatin(c)) latin++;
  }
  if (cjk < minChars || latin <= cjk * CJK_CHAR_WEIGHT) return [];
  const out: Span[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (!isHan(c) && !isKana(c)) {
      i++;
      continue;
    }
    let end = i + 1;
    let n = 1;
    for (let j = i + 1; j < s.length; j++) {
      const d = s.charCodeAt(j);
      if (isHan(d) || isKana(d)) {
        n++;
        end = j + 1;
      } else if (!runFiller(d)) break;
    }
    if (n >= minChars) out.push({ start: i, end });
    i = end;
  }
  return out;
}

/** Han characters (or fillers) a Japanese run may hold between two of its kana clusters (ポイント還元|クイーン). */
const KANA_BRIDGE_MAX = 4;
/** Han characters the Chinese text around a kana run must hold, so that it is Chinese text and not a Japanese line. */
export const KANA_HOST_MIN_HAN = 10;

/**
 * Runs of Japanese inside Chinese text (a Japanese plug dropped into a Chinese sentence: "为了他人的ポイント還元|クイーン
 * モール快乐"): each run starts and ends on a kana letter, its kana clusters joined across at most KANA_BRIDGE_MAX Han
 * characters or fillers, and holds at least `minKana` kana letters. Empty unless the text outside the runs holds at
 * least KANA_HOST_MIN_HAN Han characters: in Japanese text the particles between the kanji join every cluster into
 * one run, leaving no Chinese around it. A run starts and ends on kana, or ends on up to KANA_BRIDGE_MAX kanji
 * before the sentence's end (財布通販 of "…ブランド財布通販。"); kanji before its first kana (出金早 of
 * "公诸于众出金早いカジノ") read as the Chinese sentence's and stay outside it. Offsets into s.
 */
export function kanaRunsInHan(s: string, minKana: number): Span[] {
  let first = -1;
  for (let i = 0; i < s.length; i++) {
    if (isKanaLetter(s.charCodeAt(i))) {
      first = i;
      break;
    }
  }
  if (first < 0) return [];
  const runs: Array<Span & { kana: number }> = [];
  let run: (Span & { kana: number }) | null = null;
  let gap = 0;
  for (let i = first; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isKanaLetter(c) || (c === 0x30fc && run)) {
      if (run && gap <= KANA_BRIDGE_MAX) run.end = i + 1;
      else runs.push((run = { start: i, end: i + 1, kana: 0 }));
      run.kana++;
      gap = 0;
    } else if (run && (isHan(c) || runFiller(c))) gap++;
    else gap = KANA_BRIDGE_MAX + 1;
  }
  const out = runs.filter((r) => r.kana >= minKana);
  if (out.length === 0) return [];
  let han = 0;
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    while (k < out.length && i >= out[k].end) k++;
    if (k < out.length && i >= out[k].start) continue;
    if (isHan(s.charCodeAt(i))) han++;
  }
  if (han < KANA_HOST_MIN_HAN) return [];
  // the kanji between a run's end and the sentence's (…公诸于众ブランド財布通販。) are the plug's: a Chinese sentence
  // does not end on a short word of its own right after a plug. Not at its start: a Chinese clause is as short as
  // the kanji a plug opens with (“龙湖故事”公诸于众<plug>)
  return out.map(({ start, end }) => {
    let b = end;
    while (b - end < KANA_BRIDGE_MAX && b < s.length && isHan(s.charCodeAt(b))) b++;
    return { start, end: b === s.length || SENTENCE_END_RE.test(s[b]) ? b : end };
  });
}

/**
 * The runs of another script spliced into a text: Han or kana in Latin text (cjkRunsInLatin) and Japanese in Chinese
 * text (kanaRunsInHan), at least `minChars` each.
 */
export function otherScriptRuns(s: string, minChars: number): Span[] {
  return [...cjkRunsInLatin(s, minChars), ...kanaRunsInHan(s, minChars)];
}

/** What ends a sentence after a Japanese run's kanji tail. */
const SENTENCE_END_RE = /[。！？!?\n]/u;

/** Latin-script words a run needs on each side, in its own sentence, to stand inside that sentence's words. */
export const RUN_INSIDE_MIN_WORDS = 2;
const LATIN_WORD_RE = /[A-Za-z\u00c0-\u024f]{2,}/gu;

/**
 * Does the run (one of cjkRunsInLatin's) stand inside the sentence's Latin-script words, as a phrase dropped into it
 * ("… hat man 話題のウブロ コピー die formende Wäsche …"): set apart by spaces, RUN_INSIDE_MIN_WORDS words on either
 * side, and no bracket next to it (a name with its reading, 出塚水産 (Dezuka Suisan), or a word explained,
 * やめておく(shortened to …)). A name or a quoted word glued to the text, a line that opens with the run, and a run at
 * a sentence's end are not.
 */
export function runInsideLatin(s: string, run: Span): boolean {
  const before = s.slice(0, run.start);
  const after = s.slice(run.end);
  if (!/\s$/u.test(before) || !/^\s/u.test(after)) return false;
  if (/[(（[［]\s*$/u.test(before) || /^\s*[(（[［]/u.test(after)) return false;
  return (before.match(LATIN_WORD_RE)?.length ?? 0) >= RUN_INSIDE_MIN_WORDS && (after.match(LATIN_WORD_RE)?.length ?? 0) >= RUN_INSIDE_MIN_WORDS;
}

/** A word of a title-case run: a capital and letters, digits or inner apostrophes/dots (Casino, NASA's, RapidJackpot). */
const CAP_WORD_RE = /^\p{Lu}[\p{L}\p{N}'’.]*$/u;
/** A number ending a run after its first word (Margin Trading Platform 2017, Casino 777); a word after it starts another. */
const NUMBER_WORD_RE = /^\p{N}[\p{N}.,/]*$/u;
/** What joins two words of one run: a space, or a space-padded &, dash or bar (Crypto Casino & Casino Welcome Offer). */
const RUN_JOIN_RE = /^(?:[ \u00a0]|[ \u00a0][&|\-–—][ \u00a0])$/u;
/** Words of a Latin-script sentence (letters and digits with inner apostrophes, dots and slashes). */
const RUN_WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’./]*/gu;
/** Capitalised words a title-case run needs. */
export const TITLE_RUN_MIN_WORDS = 2;

/**
 * Runs of capitalised words in a sentence of Latin letters (Trusted Online Baccarat, Swiss Replica Watches Near Me,
 * Hubble Space Telescope): at least TITLE_RUN_MIN_WORDS capitalised words, joined by single spaces or a space-padded
 * &, dash or bar, a number may end it. A run that takes in the sentence's first word is none: that capital is the
 * sentence's, and a keyword put before the sentence runs on into its first word ("Cheap NFL Jerseys Often, the …").
 * Offsets into s.
 */
export function titleCaseRuns(s: string): Span[] {
  const out: Span[] = [];
  let run: { start: number; end: number; words: number; numbered: boolean; atStart: boolean } | null = null;
  let prevEnd = -1;
  let first = true;
  const close = () => {
    if (run && run.words >= TITLE_RUN_MIN_WORDS && !run.atStart) out.push({ start: run.start, end: run.end });
    run = null;
  };
  for (const m of s.matchAll(RUN_WORD_RE)) {
    const w = m[0].replace(/[.]+$/u, '');
    const start = m.index;
    const end = start + w.length;
    const joined = run !== null && RUN_JOIN_RE.test(s.slice(prevEnd, start));
    const cap = CAP_WORD_RE.test(w);
    if (first) {
      first = false;
      if (cap) run = { start, end, words: 1, numbered: false, atStart: true };
      prevEnd = end;
      continue;
    }
    if (joined && !run!.numbered && (cap || NUMBER_WORD_RE.test(w))) {
      run!.end = end;
      if (cap) run!.words++;
      else run!.numbered = true;
    } else {
      close();
      if (cap) run = { start, end, words: 1, numbered: false, atStart: false };
    }
    prevEnd = end;
  }
  close();
  return out;
}
