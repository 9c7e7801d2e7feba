// What spam puts inside its words so that keyword lists miss them: a pinyin gloss after a Han character (配(pèi)资(zī)),
// spaces between the characters of a spaced-out Han run (股 票 配 资, three characters or more), emoji between two
// letters (股票💰配资), a Latin word spelt out letter by letter (v.i.a.g.r.a, c a s i n o, four letters or more). The
// rule matcher reads its folded text without them (offsets mapped back to the original), and the structure checks
// measure a headline part or a phrase without the first three, as a reader sees the word.
import { HAN_CLASS } from '../util/chars.js';

const HAN = `[${HAN_CLASS}]`;
const GLOSS = `(?<=${HAN})[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[1-5]?[)）]`;
// a space between two Han chars of a run of three or more: one more " HAN" ahead is enough to know (a lookahead for
// all of them, (?: HAN)+, rescanned the rest of the run at every space: quadratic in a long spaced-out run)
const SPACED_HAN = `(?<=${HAN}) (?=${HAN} ${HAN}|${HAN}(?<=${HAN} ${HAN} ${HAN}))`;
// © ® ™ are pictographs to Unicode but a notice's own signs ("Copyright©和讯网"), never a disguise
const EMOJI = '(?<=\\p{L})(?:(?![\\u00a9\\u00ae\\u2122])[\\p{Extended_Pictographic}\\ufe0f])+(?=\\p{L})';
/**
 * A word spelt out: four or more single letters, one separator (space, dot, hyphen, star, underscore) between each,
 * none glued to a word or a number (v.i.a.g.r.a, c a s i n o). Initials and abbreviations of two or three letters
 * (U.S., e.g.) are not runs; a longer spelt-out abbreviation (N.A.S.A) reads as the word it spells, which no rule names.
 */
const SPELT = '(?<![\\p{L}\\p{N}])\\p{L}([ .*_-])\\p{L}(?:\\1\\p{L}){2,}(?![\\p{L}\\p{N}])(?!\\1\\p{L}(?!\\p{L}))';
const SPELT_RE = new RegExp(SPELT, 'u');
const SPELT_ALL_RE = new RegExp(SPELT, 'gu');
/**
 * What every spelt-out word holds: three separators, each before a character that is neither a separator nor a space.
 * Without look-behinds or Unicode classes it scans real pages' blocks ~11x faster than SPELT_RE (4.8 against 53 ms
 * over the bench pages' 43k blocks), and passes 269 of them on to it.
 */
const SPELT_HINT_RE = /[ .*_-][^\s.*_-][ .*_-][^\s.*_-][ .*_-][^\s.*_-]/;

/**
 * Digits and signs standing for letters inside a Latin word (v1agra, c@sino, ca$ino, cas1no): between two letters,
 * each reads as the letter it stands for. One char for one char, so a reading keeps its offsets. | and ! are left
 * out (a separator and a word's end between two words); so is every digit not between two letters (bet365, 1xbet,
 * 2017).
 */
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const LEET_RE = /(?<=[a-z])[013457@$]+(?=[a-z])/g;
const LEET_HINT_RE = /[a-z][013457@$]+[a-z]/;

/** Does the (lower-case) text hold a digit or sign between two letters (v1agra, c@sino)? */
export function hasLeet(s: string): boolean {
  return LEET_HINT_RE.test(s);
}

/** The (lower-case) text with the digits and signs between two letters read as letters: same length, same offsets. */
export function unleet(s: string): string {
  return s.replace(LEET_RE, (run) => {
    let out = '';
    for (const c of run) out += LEET[c];
    return out;
  });
}

/** Does the text hold a word spelt out letter by letter (v.i.a.g.r.a, c a s i n o)? */
export function hasSpelt(s: string): boolean {
  return SPELT_HINT_RE.test(s) && SPELT_RE.test(s);
}
const DROPPED = `${GLOSS}|${SPACED_HAN}|${EMOJI}`;
/**
 * A disguise dropped whole (a gloss, the spaces of a spaced-out Han run, emoji), anywhere in a text (on folded or raw
 * text: glosses are lower case in both). A spelt-out word keeps its letters, only its separators go: hasSpelt.
 */
export const DISGUISE_RE = new RegExp(DROPPED, 'u');
const DROPPED_ALL_RE = new RegExp(DROPPED, 'gu');

/** The text without its disguises, its map still into the original (a null map: src is the original). */
export function undisguiseMapped(src: string, srcMap: Int32Array | null): { text: string; map: Int32Array } {
  const map = new Int32Array(src.length + 1);
  let out = '';
  let n = 0;
  let from = 0;
  const keep = (a: number, b: number) => {
    out += src.slice(a, b);
    for (let i = a; i < b; i++) map[n++] = srcMap ? srcMap[i] : i;
  };
  // the spans to drop, in text order: whole glosses, spaces and emoji, and the separators inside a spelt-out word
  const drops: [number, number][] = [];
  if (BEYOND_LATIN_RE.test(src)) for (const m of src.matchAll(DROPPED_ALL_RE)) drops.push([m.index!, m.index! + m[0].length]);
  if (hasSpelt(src)) for (const m of src.matchAll(SPELT_ALL_RE)) {
    for (let i = m.index! + 1; i < m.index! + m[0].length; i++) if (src[i] === m[1]) drops.push([i, i + 1]);
  }
  drops.sort((a, b) => a[0] - b[0]);
  for (const [a, b] of drops) {
    if (a < from) continue;
    keep(from, a);
    from = b;
  }
  keep(from, src.length);
  map[n] = srcMap ? srcMap[src.length] : src.length;
  return { text: out, map: map.subarray(0, n + 1) };
}

/**
 * A char from U+2600 up (CJK, emoji, symbols): without one a text has no disguise and no traditional character, and
 * the regex engine's scan for it is cheaper than any pass of ours (most non-ASCII texts are Latin with accents).
 */
export const BEYOND_LATIN_RE = /[\u2600-\uffff]/;

/**
 * The text as a reader sees the word: without glosses, the spaces of a spaced-out Han run and emoji between letters.
 * A spelt-out Latin word is read so by the rule matcher only (its fold): the structure checks and the classifier ask
 * this of many texts per page, and reading spelt words there cost ~2% of analyze for no finding it changed.
 */
export function undisguised(s: string): string {
  return isDisguised(s) ? undisguiseMapped(s, null).text : s;
}

/** Does undisguised() change the text (a gloss, a spaced-out Han run, emoji between letters)? Asked without building it. */
export function isDisguised(s: string): boolean {
  return BEYOND_LATIN_RE.test(s) && DISGUISE_RE.test(s);
}
