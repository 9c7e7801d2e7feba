// Text stage: normalize/fold with offset maps, language, segmentation (jieba + char n-grams), sentences.
// The signatures re-exported below are the stage's contract; keep them:
//   fold(s: string): Folded
//   foldText(s: string): string (fold(s).text)
//   foldScope(fn): fn's result, with long texts folded once while it runs (one page's analysis)
//   foldWhole(s: string): WholeFold, foldTextPart(whole, s, start, end): foldText(s.slice(start, end)) from s's fold
//   detectLang(s: string): Lang
//   cjkRunsInLatin(s: string, minChars: number): Span[]
//   kanaRunsInHan(s: string, minKana: number): Span[]
//   otherScriptRuns(s: string, minChars: number): Span[] (both of the above)
//   runInsideLatin(s: string, run: Span): boolean
//   segment(s: string, budget?: Budget): Token[]
//   tokenUnits(s: string, enough?: number): number (segment(s)'s tokens, CJK ones by their length, without cutting Chinese runs)
//   addWords(words: string[]): void
//   segmenterLoaded(): boolean
//   sentences(s: string, budget?: Budget): Span[]
//   clauses(s: string): Span[]
//   charNgrams(s: string, sizes?: number[]): string[]
//   undisguised(s: string): string (without pinyin glosses, spaced-out Han runs' spaces, emoji between letters)
//   isDisguised(s: string): boolean (does undisguised change s; asked without building the plain text)
// plus helpers: toOriginal(f, start, end), hashFeature(str), featureVector(s, opts).
export type { Folded, Lang, Span, Token } from './types.js';
export { fold, foldText, foldScope, foldWhole, foldTextPart, toOriginal, firstAtLeast, ZERO_WIDTH_CHARS, HOMOGLYPHS, type WholeFold } from './normalize.js';
export { detectLang, cjkRunsInLatin, kanaRunsInHan, otherScriptRuns, runInsideLatin, titleCaseRuns, STOP_WORDS, LANG_SAMPLE_CHARS, CJK_CHAR_WEIGHT } from './lang.js';
export { segment, tokenUnits, dictionaryWords, addWords, segmenterLoaded, ADDED_WORD_FREQ, SEGMENT_CHUNK_CHARS } from './segment.js';
export { sentences, clauses, ABBREVIATIONS } from './sentences.js';
export { toSimplified, simplifiedChar, simplifiedTable } from './hanzi.js';
export { BEYOND_LATIN_RE, DISGUISE_RE, hasLeet, hasSpelt, isDisguised, undisguiseMapped, undisguised, unleet } from './disguise.js';
export {
  charNgrams,
  hashFeature,
  featureVector,
  FEATURE_NS,
  DEFAULT_BUCKETS,
  type FeatureOptions,
  type FeatureVector,
} from './ngrams.js';
