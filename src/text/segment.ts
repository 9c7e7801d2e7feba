// segment(): words with offsets into the input.
//
// - Chinese (Han runs): @node-rs/jieba (HMM on, so unseen words such as 配资 come out whole), one native call
//   per segment() call: all Han runs are joined with '\n' (jieba never joins across it) and the pieces are
//   walked back onto the runs. Never whitespace splitting, never Intl.Segmenter (wrong for 配资, quadratic).
// - Japanese (the text has kana, see JA_* in lang.ts): jieba's dictionary is Chinese and mangles Japanese,
//   so tokens are runs by script: a kanji run, a hiragana run, a katakana run (with ー) are one token each.
//   This is crude for words, but stable; char n-grams (featureVector) carry the rest.
// - Hangul runs are one token each (Korean separates words with spaces).
// - Other letters/digits: runs of \p{L}\p{M}\p{N}, keeping internal . - _ ' ’ between word chars
//   (pills-shop.com, don't, 3.5, e-mail stay one token) and ',' between digits (1,000).
// Punctuation and white space are not tokens.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { NO_BUDGET, outsideBudgets, type Budget } from '../budget.js';
import { Jieba } from '@node-rs/jieba';
import type { Token } from './types.js';
import { JA_MIN_KANA, JA_MIN_KANA_SHARE } from './lang.js';

/** Frequency given to words added with addWords(): high enough that they beat their pieces. */
export const ADDED_WORD_FREQ = 10_000;
/** Words the default dictionary lacks but every winnow user needs whole. */
export const DEFAULT_EXTRA_WORDS: readonly string[] = ['配资'];

// character classes
const C_OTHER = 1;
const C_WORD = 2; // letters/digits/marks of non-CJK scripts
const C_HAN = 3;
const C_HIRA = 4;
const C_KATA = 5;
const C_HANGUL = 6;
const C_JOIN = 7; // . - _ ' ’ (kept inside words)
const C_COMMA = 8; // kept between digits

const cls = new Uint8Array(0x10000);
const HAN_RE = /\p{Script=Han}/u;
const HIRA_RE = /\p{Script=Hiragana}/u;
const KATA_RE = /[\p{Script=Katakana}\u30fc\uff70]/u;
const HANGUL_RE = /\p{Script=Hangul}/u;
const WORD_RE = /[\p{L}\p{M}\p{N}]/u;

function classify(ch: string): number {
  if (HAN_RE.test(ch)) return C_HAN;
  if (HIRA_RE.test(ch)) return C_HIRA;
  if (KATA_RE.test(ch)) return C_KATA;
  if (HANGUL_RE.test(ch)) return C_HANGUL;
  if (WORD_RE.test(ch)) return C_WORD;
  return C_OTHER;
}

function classAt(c: number): number {
  const v = cls[c];
  if (v) return v;
  const k = c >= 0xd800 && c <= 0xdfff ? C_OTHER : classify(String.fromCharCode(c));
  cls[c] = k;
  return k;
}
for (let c = 0; c < 0x80; c++) {
  const ch = String.fromCharCode(c);
  cls[c] = /[A-Za-z0-9]/.test(ch) ? C_WORD : /[.\-_']/.test(ch) ? C_JOIN : ch === ',' ? C_COMMA : C_OTHER;
}
cls[0x2019] = C_JOIN;
for (let c = 0x4e00; c <= 0x9fff; c++) cls[c] = C_HAN;

/** class of the character at i and its length in code units (2 for a surrogate pair) */
function charClass(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return classAt(c);
  const cp = s.codePointAt(i)!;
  return cp > 0xffff ? classify(String.fromCodePoint(cp)) : C_OTHER;
}
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

let jieba: Jieba | null = null;
const added = new Set<string>();
let pending: string[] = [...DEFAULT_EXTRA_WORDS];

function loadWords(j: Jieba, words: string[]): void {
  if (words.length === 0) return;
  j.loadDict(Buffer.from(words.map((w) => `${w} ${ADDED_WORD_FREQ} n`).join('\n') + '\n', 'utf8'));
}

/**
 * jieba's own dictionary file, read when the segmenter is built and then dropped. `@node-rs/jieba/dict.js`
 * would keep it (5 MB) and the unused IDF table (6 MB) alive in every thread for good.
 */
function readDict(): Buffer {
  return readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'));
}

/**
 * The segmenter, built on first use: only text with Chinese in it needs it, and it costs ~40 MB of native memory
 * and ~0.3-0.5 s per thread, which a crawl of other languages never pays. The build counts against no page's budget.
 */
function getJieba(): Jieba {
  if (!jieba) {
    jieba = outsideBudgets(() => {
      const j = Jieba.withDict(readDict());
      loadWords(j, pending);
      return j;
    });
    pending = [];
  }
  return jieba;
}

/** Has this thread built the segmenter (has it segmented Chinese text)? */
export function segmenterLoaded(): boolean {
  return jieba !== null;
}

const HAN_RUN_RE = /\p{Script=Han}{2,}/gu;

/**
 * Add words to the segmenter's dictionary (rule terms), so they come out whole. Works before or after the
 * segmenter is created (jieba's loadDict merges into the live dictionary). Only Han text is segmented by the
 * dictionary, so each maximal run of 2+ Han characters of a term is added ("配资app" adds 配资); the rest
 * is ignored.
 */
export function addWords(words: string[]): void {
  const fresh: string[] = [];
  for (const term of words) {
    for (const m of term.matchAll(HAN_RUN_RE)) {
      const w = m[0];
      if (added.has(w)) continue;
      added.add(w);
      fresh.push(w);
    }
  }
  if (fresh.length === 0) return;
  if (jieba) loadWords(jieba, fresh);
  else pending.push(...fresh);
}

function cutRuns(s: string, starts: number[], ends: number[], out: Token[]): void {
  const j = getJieba();
  let joined = '';
  for (let r = 0; r < starts.length; r++) joined += r === 0 ? s.slice(starts[r], ends[r]) : '\n' + s.slice(starts[r], ends[r]);
  const pieces = j.cut(joined, true);
  // jieba returns consecutive substrings of its input: check the lengths add up, then walk them onto the runs
  let total = 0;
  for (const p of pieces) total += p.length;
  if (total === joined.length) {
    const first = out.length;
    let r = 0;
    let pos = starts[0];
    let ok = true;
    for (const p of pieces) {
      if (p === '\n') {
        if (pos !== ends[r]) {
          ok = false;
          break;
        }
        pos = starts[++r];
        continue;
      }
      const end = pos + p.length;
      if (end > ends[r] || s.charCodeAt(pos) !== p.charCodeAt(0)) {
        ok = false;
        break;
      }
      out.push({ text: p, start: pos, end, cjk: true });
      pos = end;
    }
    if (ok && r === starts.length - 1 && pos === ends[r]) return;
    out.length = first;
  }
  // jieba's pieces did not line up with the input (should not happen): one token per character
  for (let k = 0; k < starts.length; k++) {
    for (let i = starts[k]; i < ends[k]; ) {
      const w = s.codePointAt(i)! > 0xffff ? 2 : 1;
      out.push({ text: s.slice(i, i + w), start: i, end: i + w, cjk: true });
      i += w;
    }
  }
}

/**
 * Han characters given to jieba in one call. Longer input is cut in several calls (a run longer than this
 * is split at the boundary: no real sentence is that long), with the page budget polled between calls.
 */
export const SEGMENT_CHUNK_CHARS = 1 << 16;

/** The runs of a text segment() cuts into tokens: their classes and spans, and how many Han and kana chars they hold. */
interface Runs {
  cls: number[];
  start: number[];
  end: number[];
  han: number;
  kana: number;
}

/**
 * segment()'s first pass: runs of word chars (with their joiners), of Han, hiragana, katakana and hangul, written to
 * `runs` when given. Returns the runs' token units (see tokenUnits), counted up to `enough` (the scan stops there).
 */
function scanRuns(s: string, budget: Budget, runs: Runs | null, enough = Infinity): number {
  const n = s.length;
  let units = 0;
  let i = 0;
  while (i < n && units < enough) {
    budget.check('text:segment');
    const k = charClass(s, i);
    const w = k === C_OTHER || k === C_JOIN || k === C_COMMA ? 1 : s.charCodeAt(i) >= 0xd800 && s.charCodeAt(i) <= 0xdbff ? 2 : 1;
    if (k === C_OTHER || k === C_JOIN || k === C_COMMA) {
      i += w;
      continue;
    }
    let j = i + w;
    if (k === C_WORD) {
      while (j < n) {
        const kj = charClass(s, j);
        if (kj === C_WORD) j += s.charCodeAt(j) >= 0xd800 && s.charCodeAt(j) <= 0xdbff ? 2 : 1;
        else if (kj === C_JOIN && j + 1 < n && charClass(s, j + 1) === C_WORD) j += 1;
        else if (kj === C_COMMA && isDigit(s.charCodeAt(j - 1)) && j + 1 < n && isDigit(s.charCodeAt(j + 1))) j += 1;
        else break;
      }
    } else {
      while (j < n) {
        const kj = charClass(s, j);
        // katakana prolonged mark and iteration marks stay with the run before them
        if (kj !== k) break;
        j += s.charCodeAt(j) >= 0xd800 && s.charCodeAt(j) <= 0xdbff ? 2 : 1;
      }
      if (runs !== null) {
        if (k === C_HAN) runs.han += j - i;
        else if (k === C_HIRA || k === C_KATA) runs.kana += j - i;
      }
    }
    units += k === C_WORD ? 1 : j - i;
    if (runs !== null) {
      runs.cls.push(k);
      runs.start.push(i);
      runs.end.push(j);
    }
    i = j;
  }
  return units;
}

/**
 * The dictionary's words of a short run of Han characters, with offsets, as jieba cuts it without its HMM: characters
 * the dictionary does not join stay single (the HMM would glue unknown neighbours into a made-up word).
 */
export function dictionaryWords(han: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (const p of getJieba().cut(han, false)) {
    out.push({ text: p, start: at, end: at + p.length, cjk: true });
    at += p.length;
  }
  return at === han.length ? out : [];
}

/**
 * segment(s)'s tokens, each Chinese, Japanese or Korean one counted by its length (code units) and each other one as
 * 1, without cutting the Chinese runs (jieba's pieces of a run add up to the run); counted up to `enough`, when given
 * (a number at least `enough` when there are as many).
 */
export function tokenUnits(s: string, enough = Infinity): number {
  return scanRuns(s, NO_BUDGET, null, enough);
}

/**
 * Words with offsets into s: jieba for Chinese runs, letters/digits runs for the rest; punctuation dropped.
 * `budget`: the page's time budget, polled per run and between jieba calls (throws BudgetExceeded).
 */
export function segment(s: string, budget: Budget = NO_BUDGET): Token[] {
  // pass 1: runs
  const runs: Runs = { cls: [], start: [], end: [], han: 0, kana: 0 };
  scanRuns(s, budget, runs);
  const { cls: runCls, start: runStart, end: runEnd, han, kana } = runs;
  const japanese = kana >= JA_MIN_KANA && kana >= JA_MIN_KANA_SHARE * (han + kana);
  // pass 2: tokens; Chinese runs are cut in one jieba call, then merged back in order
  const out: Token[] = [];
  const hanStarts: number[] = [];
  const hanEnds: number[] = [];
  const hanTokens: Token[] = [];
  let chunkChars = 0;
  const cutChunk = (): void => {
    if (hanStarts.length > 0) cutRuns(s, hanStarts, hanEnds, hanTokens);
    hanStarts.length = 0;
    hanEnds.length = 0;
    chunkChars = 0;
  };
  for (let r = 0; r < runCls.length; r++) {
    if (runCls[r] !== C_HAN || japanese) continue;
    for (let a = runStart[r]; a < runEnd[r]; ) {
      let b = Math.min(runEnd[r], a + SEGMENT_CHUNK_CHARS - chunkChars);
      if (b < runEnd[r] && s.charCodeAt(b - 1) >= 0xd800 && s.charCodeAt(b - 1) <= 0xdbff) b--; // keep a pair whole
      if (b <= a) b = Math.min(runEnd[r], a + 2);
      hanStarts.push(a);
      hanEnds.push(b);
      chunkChars += b - a;
      a = b;
      if (chunkChars >= SEGMENT_CHUNK_CHARS) {
        cutChunk();
        budget.checkNow('text:segment'); // a full chunk is ~10 ms of jieba: read the clock
      }
    }
  }
  cutChunk();
  let h = 0;
  for (let r = 0; r < runCls.length; r++) {
    const k = runCls[r];
    if (k === C_HAN && !japanese) {
      while (h < hanTokens.length && hanTokens[h].start < runEnd[r]) out.push(hanTokens[h++]);
      continue;
    }
    out.push({ text: s.slice(runStart[r], runEnd[r]), start: runStart[r], end: runEnd[r], cjk: k !== C_WORD });
  }
  return out;
}
