// detectLang(): cheap script counts, then stop-word counts for Latin-script text.
import type { Lang } from './types.js';

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

const isKana = (c: number) => (c >= 0x3041 && c <= 0x309f) || (c >= 0x30a1 && c <= 0x30fa) || (c >= 0x31f0 && c <= 0x31ff) || (c >= 0xff66 && c <= 0xff9d);
const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
const isHangul = (c: number) => (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f);
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
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) latin++;
    } else if (isHan(c)) han++;
    else if (isKana(c)) kana++;
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
  return latinLang(s.slice(0, n));
}

const WORD_RE = /[\p{L}\p{M}]+(?:['’][\p{L}]+)?/gu;

function latinLang(sample: string): Lang {
  const score = new Float64Array(LATIN_LANGS.length);
  for (const m of sample.toLowerCase().matchAll(WORD_RE)) {
    const e = STOP_INDEX.get(m[0].replace('’', "'"));
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
