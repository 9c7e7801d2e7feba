// What spam puts inside its words so that keyword lists miss them: a pinyin gloss after a Han character (配(pèi)资(zī)),
// spaces between the characters of a spaced-out Han run (股 票 配 资, three characters or more), emoji between two
// letters (股票💰配资). The rule matcher reads its folded text without them (offsets mapped back to the original), and
// the structure checks measure a headline part or a phrase without them, as a reader sees the word.
import { HAN_CLASS } from '../util/chars.js';

const HAN = `[${HAN_CLASS}]`;
const GLOSS = `(?<=${HAN})[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[1-5]?[)）]`;
const SPACED_HAN = `(?<=${HAN}) (?=${HAN}(?: ${HAN})+|${HAN}(?<=${HAN} ${HAN} ${HAN}))`;
// © ® ™ are pictographs to Unicode but a notice's own signs ("Copyright©和讯网"), never a disguise
const EMOJI = '(?<=\\p{L})(?:(?![\\u00a9\\u00ae\\u2122])[\\p{Extended_Pictographic}\\ufe0f])+(?=\\p{L})';
/** One disguise, anywhere in a text (on folded or raw text: glosses are lower case in both). */
export const DISGUISE_RE = new RegExp(`${GLOSS}|${SPACED_HAN}|${EMOJI}`, 'u');
const DISGUISE_ALL_RE = new RegExp(DISGUISE_RE.source, 'gu');

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
  for (const m of src.matchAll(DISGUISE_ALL_RE)) {
    keep(from, m.index!);
    from = m.index! + m[0].length;
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

/** The text as a reader sees the word: without glosses, the spaces of a spaced-out Han run and emoji between letters. */
export function undisguised(s: string): string {
  return BEYOND_LATIN_RE.test(s) && DISGUISE_RE.test(s) ? s.replace(DISGUISE_ALL_RE, '') : s;
}
