// sentences() and clauses(): spans with offsets into the input, white space trimmed out, never empty.
//
// Sentence ends: newlines; Chinese 。！？；… (and ！？ runs such as "？！", "……"); ASCII ! ? always;
// ASCII '.' unless it is part of a number/domain (3.5, example.com), an abbreviation (Mr. Dr. U.S. e.g.
// No. 5), an initial (J. K. Rowling) or followed by a lower-case word; ASCII ';' only right after a CJK
// character (Chinese written with half-width punctuation; in Latin text ';' is a clause mark).
// Closing quotes and brackets right after the end mark stay with the sentence.
// Clauses: sentences further cut after ，,、：:;； and dashes (—, ――, –, --), and before an opening
// bracket / after a closing one ( （ ） ) ); ASCII ',' and ':' only when followed by space or a CJK char
// (not 1,000 / 10:40 / http://). Pieces without any letter or digit are merged into their neighbour.
import { NO_BUDGET, type Budget } from '../budget.js';
import type { Span } from './types.js';
import { isLetter, isSeparator as isSpace } from '../util/chars.js';

/** Abbreviations (lower-case, without the final dot) after which '.' never ends a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'vs', 'v', 'etc', 'e.g', 'i.e', 'cf', 'al', 'approx',
  'fig', 'figs', 'gen', 'gov', 'sen', 'rep', 'lt', 'col', 'capt', 'sgt', 'rev', 'hon', 'pres', 'supt', 'u.s',
  'u.k', 'u.n', 'e.u', 'u.s.a', 'a.m', 'p.m', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'inc', 'ltd', 'co', 'corp', 'dept', 'est', 'ft', 'vol', 'pp', 'ed', 'eds', 'op', 'ca',
  'cmdr', 'adm', 'maj', 'brig', 'bros', 'bzw', 'usw', 'z.b', 'd.h', 'nr', 'sra', 'sr', 'dra', 'núm', 'pág', 'av', 'mme', 'mlle', 'cie',
]);
/** Abbreviations that only hold when a number follows ("No. 5", "p. 12"); otherwise "No." ends normally. */
export const NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set(['no', 'nos', 'p', 'art', 'n', 'nº', 'hal', 'tel']);

/** "1." .. "999." at the start of a sentence is list numbering, not a sentence end. */
export const MAX_LIST_NUMBER_DIGITS = 3;

// Character-code flag table (no per-char string allocation on the hot path).
const F_CLOSER = 1;
const F_END = 2; // 。！？；… and ! ?
const F_CLAUSE_AFTER = 4;
const F_CLAUSE_BEFORE = 8;
const FLAGS = new Uint8Array(0x10000);
const setFlags = (chars: string, f: number) => {
  for (const ch of chars) FLAGS[ch.charCodeAt(0)] |= f;
};
setFlags('"\'”’」』）)】》〉］]}〗〕»›', F_CLOSER);
setFlags('。！？；…｡!?', F_END);
setFlags('，、：；;,:—―–）)］]】〕〗》」』', F_CLAUSE_AFTER);
setFlags('（(［[【〔〖《「『', F_CLAUSE_BEFORE);
const isCloser = (c: number) => (FLAGS[c] & F_CLOSER) !== 0;
const isNewline = (c: number) => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85;
const isCjk = (c: number) =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3040 && c <= 0x30ff) ||
  (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd800 && c <= 0xdbff);
const ALNUM_RE = /[\p{L}\p{N}]/u;
const LOWER_RE = /\p{Ll}/u;
const isAsciiAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Any letter or digit in s[a, b)? (ASCII and CJK answered without a regex) */
function hasAlnum(s: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (isAsciiAlnum(c) || (c >= 0x4e00 && c <= 0x9fff)) return true;
    if (c >= 0x80 && ALNUM_RE.test(String.fromCodePoint(s.codePointAt(i)!))) return true;
  }
  return false;
}

/** Push [a, b) trimmed of white space, if anything is left. */
function pushTrimmed(s: string, a: number, b: number, out: Span[]): void {
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  if (b > a) out.push({ start: a, end: b });
}

/** Is the next non-space char on this line (after closers) a lower-case letter? ("rained… and stopped") */
function lowerFollows(s: string, k: number): boolean {
  while (k < s.length && s.charCodeAt(k) === 0x2026) k++;
  while (k < s.length && (isSpace(s.charCodeAt(k)) || isCloser(s.charCodeAt(k))) && !isNewline(s.charCodeAt(k))) k++;
  return k < s.length && LOWER_RE.test(s[k]);
}

/** Does the '.' at i end a sentence? */
function periodEnds(s: string, i: number, sentStart: number): boolean {
  const n = s.length;
  // list numbering at the start of a sentence: "1. 富途证券", "12. The"
  let a0 = sentStart;
  while (a0 < i && isSpace(s.charCodeAt(a0))) a0++;
  if (i > a0 && i - a0 <= MAX_LIST_NUMBER_DIGITS) {
    let digits = true;
    for (let k = a0; k < i; k++) if (!isDigit(s.charCodeAt(k))) digits = false;
    if (digits) return false;
  }
  const next = i + 1 < n ? s.charCodeAt(i + 1) : -1;
  if (next === -1) return true;
  if (next === 0x2e) return false; // part of "..." : decided at the last dot
  if (next === 0x2c || next === 0x3b || next === 0x3a) return false; // "Inc., ..." "etc.;"
  if (!isSpace(next) && !isCloser(next)) return !ALNUM_RE.test(s[i + 1]) && s[i + 1] !== '-' && s[i + 1] !== '/';
  // the word before the dot (letters and inner dots)
  let a = i;
  while (a > 0 && (isLetter(s.charCodeAt(a - 1)) || (s.charCodeAt(a - 1) === 0x2e && a - 2 >= 0 && isLetter(s.charCodeAt(a - 2))))) a--;
  const word = s.slice(a, i);
  // the next non-space char after the dot (and closers)
  let k = i + 1;
  while (k < n && (isSpace(s.charCodeAt(k)) || isCloser(s.charCodeAt(k))) && !isNewline(s.charCodeAt(k))) k++;
  if (k >= n || isNewline(s.charCodeAt(k))) return true;
  const after = s[k];
  if (word.length > 0) {
    const lw = word.toLowerCase();
    if (NUMBER_ABBREVIATIONS.has(lw) && isDigit(after.charCodeAt(0))) return false;
    if (ABBREVIATIONS.has(lw)) return false;
    // dotted acronyms (U.S., N.Y., P.I.) are treated like U.S.: they do not end a sentence
    if (/^\p{L}(\.\p{L})+$/u.test(word)) return false;
    // single upper-case initial: "J. K. Rowling"
    if (word.length === 1 && word !== word.toLowerCase() && (i < 2 || !isLetter(s.charCodeAt(i - 2)))) return false;
  }
  // a lower-case word after the dot continues the sentence ("... and so on. and" is rare; "approx. ten" common)
  if (LOWER_RE.test(after)) return false;
  // "..." before a lower-case word was handled above; "...", '.' before a digit or an upper-case word ends
  return true;
}

/**
 * Sentence spans (Chinese 。！？；and Latin . ! ? with abbreviations), offsets into s.
 * `budget`: the page's time budget, polled per character step (throws BudgetExceeded).
 */
export function sentences(s: string, budget: Budget = NO_BUDGET): Span[] {
  const out: Span[] = [];
  const n = s.length;
  let start = 0;
  let i = 0;
  while (i < n) {
    budget.check('text:sentences');
    const c = s.charCodeAt(i);
    if (isNewline(c)) {
      pushTrimmed(s, start, i, out);
      start = i + 1;
      i++;
      continue;
    }
    let end = false;
    if (FLAGS[c] & F_END) end = c !== 0x2026 || !lowerFollows(s, i + 1);
    else if (c === 0x2e) end = periodEnds(s, i, start) || (i > 0 && isCjk(s.charCodeAt(i - 1)) && !isAsciiAlnum(s.charCodeAt(i + 1)));
    else if (c === 0x3b) end = i > 0 && isCjk(s.charCodeAt(i - 1));
    if (!end) {
      i++;
      continue;
    }
    // absorb further end marks and closing quotes/brackets
    let j = i + 1;
    while (j < n) {
      const d = s.charCodeAt(j);
      if (FLAGS[d] & (F_END | F_CLOSER) || d === 0x2e) j++;
      else break;
    }
    pushTrimmed(s, start, j, out);
    start = j;
    i = j;
  }
  pushTrimmed(s, start, n, out);
  return out;
}


function clauseCuts(s: string, a: number, b: number, cuts: number[]): void {
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    const fl = FLAGS[c];
    if (fl & F_CLAUSE_BEFORE) {
      cuts.push(i);
      continue;
    }
    if (c === 0x2d && s.charCodeAt(i + 1) === 0x2d) {
      // "--" dash
      let j = i;
      while (j < b && s.charCodeAt(j) === 0x2d) j++;
      cuts.push(j);
      i = j - 1;
      continue;
    }
    if (!(fl & F_CLAUSE_AFTER)) continue;
    const next = i + 1 < b ? s.charCodeAt(i + 1) : -1;
    if (c === 0x2c || c === 0x3a) {
      // ASCII , and : only before space, end or a CJK char
      if (!(next === -1 || isSpace(next) || isCjk(next))) continue;
    } else if (c === 0x2013) {
      // en dash between digits is a range (1990–2000)
      if (i > a && isDigit(s.charCodeAt(i - 1)) && isDigit(next)) continue;
    }
    // a run of the same dash counts once (——)
    let j = i + 1;
    const isDash = (x: number) => x === 0x2014 || x === 0x2015;
    while (j < b && isDash(s.charCodeAt(j)) && isDash(c)) j++;
    cuts.push(j);
    i = j - 1;
  }
}

/** Clause spans: sentences further cut at ，,、：:; etc. */
export function clauses(s: string): Span[] {
  const out: Span[] = [];
  for (const sent of sentences(s)) {
    const cuts: number[] = [sent.start];
    clauseCuts(s, sent.start, sent.end, cuts);
    cuts.push(sent.end);
    const pieces: Span[] = [];
    for (let k = 0; k + 1 < cuts.length; k++) pushTrimmed(s, cuts[k], cuts[k + 1], pieces);
    // merge pieces with no letter or digit into the previous piece (or the next, for the first)
    const merged: { start: number; end: number; hasText: boolean }[] = [];
    for (const p of pieces) {
      const hasText = hasAlnum(s, p.start, p.end);
      const prev = merged[merged.length - 1];
      if (prev && (!hasText || !prev.hasText)) {
        prev.end = p.end;
        prev.hasText ||= hasText;
      } else merged.push({ start: p.start, end: p.end, hasText });
    }
    for (const m of merged) out.push({ start: m.start, end: m.end });
  }
  return out;
}
