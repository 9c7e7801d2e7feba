// Scoring one corpus item (page verdict, span chars per kind / language, collateral on clean pages) and aggregating.
// Pure: the caller runs analyze() (or a baseline) and hands the prediction in.
import {
  addCounts,
  locateAll,
  maskCounts,
  maskedChars,
  prf,
  searchText,
  stripWhitespace,
  verdictCounts,
  ZERO_COUNTS,
  containsLoose,
  type Counts,
  type PRF,
  type SearchText,
} from './metrics.js';

/** The parts of a CorpusItem the scorer needs (dev/corpus/types.ts CorpusItem satisfies it). */
export interface ScoredItem {
  id: string;
  lang: string;
  contaminated: boolean;
  gold: Array<{ text: string; kind: string; lang: string; where?: string; category?: string }>;
  goldBody?: string;
}

export interface PredSpan {
  /** [start,end) offsets into Prediction.text */
  start: number;
  end: number;
  kind: string;
  /** region of the removed text when known ("body" = inside the main content) */
  where?: string;
}

export interface Prediction {
  contaminated: boolean;
  /** the page text the spans point into (AnalyzeResult.text) */
  text: string;
  spans: PredSpan[];
  /** AnalyzeResult.cleanText, when available (collateral proxy for clean pages without a gold body) */
  cleanText?: string;
}

export interface Collateral {
  /** non-whitespace characters of the page's gold body (or main content) */
  bodyChars: number;
  /** of those, characters covered by a predicted span */
  removedChars: number;
  source: 'goldBody' | 'mainContent';
  /** share of gold body characters that could be located in the page text (goldBody source only) */
  locatedShare?: number;
}

export interface ItemScore {
  id: string;
  lang: string;
  contaminated: boolean;
  predicted: boolean;
  span: Counts;
  byKind: Record<string, Counts>;
  byLang: Record<string, Counts>;
  goldSpans: number;
  unlocated: number;
  unlocatedByKind: Record<string, number>;
  /** the gold spans that could not be located (kind + start of the text), for debugging the page stage */
  unlocatedSpans: Array<{ kind: string; text: string }>;
  collateral?: Collateral;
}

/** How much of an unlocated gold text the score keeps for the report. */
const UNLOCATED_TEXT_CHARS = 80;

/** Lines of a gold body shorter than this (non-whitespace chars) are not located (they match anywhere). */
const MIN_BODY_LINE_CHARS = 4;

function bump(rec: Record<string, Counts>, key: string, c: Partial<Counts>): void {
  const cur = rec[key] ?? { ...ZERO_COUNTS };
  rec[key] = { tp: cur.tp + (c.tp ?? 0), fp: cur.fp + (c.fp ?? 0), fn: cur.fn + (c.fn ?? 0) };
}

const WS_RE = /\s/u;

/**
 * Score one item. Gold mask = every occurrence of each gold text in pred.text (whitespace-insensitive); a gold text
 * that cannot be located counts all its characters as missed (fn) and is reported in `unlocated`.
 * Per-kind: tp/fn by the gold span's kind; fp (predicted chars outside all gold) by the predicting span's kind.
 * Per-language: tp/fn by the gold span's language; fp by the page's language.
 */
export function scoreItem(item: ScoredItem, pred: Prediction, st: SearchText = searchText(pred.text)): ItemScore {
  const text = pred.text;
  const n = text.length;
  // predicted mask, each char tagged with the first predicting span's kind
  const predKind: Array<string | undefined> = new Array(n);
  const predMask = new Uint8Array(n);
  for (const s of pred.spans) {
    const a = Math.max(0, s.start);
    const b = Math.min(n, s.end);
    for (let i = a; i < b; i++) {
      if (!predMask[i]) {
        predMask[i] = 1;
        predKind[i] = s.kind;
      }
    }
  }
  const goldMask = new Uint8Array(n);
  const byKind: Record<string, Counts> = {};
  const byLang: Record<string, Counts> = {};
  const unlocatedByKind: Record<string, number> = {};
  const unlocatedSpans: ItemScore['unlocatedSpans'] = [];
  let unlocated = 0;
  let extraFn = 0;
  // group gold spans by kind and by lang: masks per group
  const kindMasks = new Map<string, Uint8Array>();
  const langMasks = new Map<string, Uint8Array>();
  for (const g of item.gold) {
    const hits = locateAll(st, g.text);
    if (hits.length === 0) {
      const missed = stripWhitespace(g.text).length;
      unlocated++;
      unlocatedByKind[g.kind] = (unlocatedByKind[g.kind] ?? 0) + 1;
      unlocatedSpans.push({ kind: g.kind, text: g.text.slice(0, UNLOCATED_TEXT_CHARS) });
      extraFn += missed;
      bump(byKind, g.kind, { fn: missed });
      bump(byLang, g.lang, { fn: missed });
      continue;
    }
    let km = kindMasks.get(g.kind);
    if (!km) kindMasks.set(g.kind, (km = new Uint8Array(n)));
    let lm = langMasks.get(g.lang);
    if (!lm) langMasks.set(g.lang, (lm = new Uint8Array(n)));
    for (const [s, e] of hits) {
      goldMask.fill(1, s, e);
      km.fill(1, s, e);
      lm.fill(1, s, e);
    }
  }
  const all = maskCounts(text, predMask, goldMask);
  all.fn += extraFn;
  for (const [kind, km] of kindMasks) {
    const c = maskCounts(text, predMask, km);
    bump(byKind, kind, { tp: c.tp, fn: c.fn });
  }
  for (const [lang, lm] of langMasks) {
    const c = maskCounts(text, predMask, lm);
    bump(byLang, lang, { tp: c.tp, fn: c.fn });
  }
  // false-positive chars, attributed to the predicting span's kind and to the page language
  for (let i = 0; i < n; i++) {
    if (!predMask[i] || goldMask[i] || WS_RE.test(text[i])) continue;
    bump(byKind, predKind[i] ?? 'unknown', { fp: 1 });
  }
  if (all.fp > 0) bump(byLang, item.lang, { fp: all.fp });

  const score: ItemScore = {
    id: item.id,
    lang: item.lang,
    contaminated: item.contaminated,
    predicted: pred.contaminated,
    span: all,
    byKind,
    byLang,
    goldSpans: item.gold.length,
    unlocated,
    unlocatedByKind,
    unlocatedSpans,
  };
  if (!item.contaminated) score.collateral = collateral(item, pred, st, predMask);
  return score;
}

/** Collateral on a clean page: predicted characters inside the gold body (located line by line in the text). */
export function collateral(item: ScoredItem, pred: Prediction, st: SearchText, predMask: Uint8Array): Collateral {
  if (item.goldBody && stripWhitespace(item.goldBody).length > 0) {
    const body = bodyMask(st, item.goldBody);
    const bodyChars = maskedChars(pred.text, body.mask);
    let removed = 0;
    for (let i = 0; i < pred.text.length; i++) if (body.mask[i] && predMask[i] && !WS_RE.test(pred.text[i])) removed++;
    return { bodyChars, removedChars: removed, source: 'goldBody', locatedShare: body.locatedShare };
  }
  // no gold body: main content = what cleanText kept (minus its title line) + what was removed from the body
  let removed = 0;
  for (const s of pred.spans) if (s.where === 'body') removed += maskedChars(pred.text.slice(s.start, s.end));
  const kept = stripWhitespace(withoutTitleLine(pred.cleanText ?? '')).length;
  return { bodyChars: kept + removed, removedChars: removed, source: 'mainContent' };
}

/** Locate a gold body's lines in order (first occurrence after the previous line, else anywhere). */
export function bodyMask(st: SearchText, goldBody: string): { mask: Uint8Array; locatedShare: number } {
  const mask = new Uint8Array(st.text.length);
  let total = 0;
  let located = 0;
  let from = 0;
  for (const line of goldBody.split(/\n+/u)) {
    const needle = stripWhitespace(line);
    if (needle.length < MIN_BODY_LINE_CHARS) continue;
    total += needle.length;
    let k = st.stripped.indexOf(needle, from);
    if (k < 0) k = st.stripped.indexOf(needle);
    if (k < 0) continue;
    located += needle.length;
    mask.fill(1, st.pos[k], st.pos[k + needle.length - 1] + 1);
    from = k + needle.length;
  }
  return { mask, locatedShare: total === 0 ? 0 : located / total };
}

/** cleanText is "title line, blank line, paragraphs": drop the first line (the title). */
export function withoutTitleLine(cleanText: string): string {
  const i = cleanText.indexOf('\n');
  return i < 0 ? '' : cleanText.slice(i + 1);
}

export interface PRFCounts extends PRF, Counts {}

export interface SpanFigures {
  items: number;
  contaminated: number;
  page: PRFCounts & { tn: number };
  span: PRFCounts;
  /** mean of the per-kind span F1 (kinds with gold chars): one huge hidden block cannot dominate it */
  spanMacroKindF1: number;
  byKind: Record<string, PRFCounts>;
  byLang: Record<string, PRFCounts>;
  goldSpans: number;
  unlocatedSpans: number;
  unlocatedByKind: Record<string, number>;
  collateral: {
    cleanPages: number;
    bodyChars: number;
    removedChars: number;
    /** removedChars / bodyChars over all clean pages */
    share: number;
    pagesWithRemoval: number;
    goldBody: { pages: number; bodyChars: number; removedChars: number; share: number; meanLocatedShare: number };
    mainContent: { pages: number; bodyChars: number; removedChars: number; share: number };
  };
}

function withPrf(c: Counts): PRFCounts {
  return { ...c, ...prf(c) };
}

export function aggregate(scores: ItemScore[]): SpanFigures {
  const page = verdictCounts(scores.map((s) => ({ gold: s.contaminated, predicted: s.predicted })));
  let span: Counts = { ...ZERO_COUNTS };
  const byKind: Record<string, Counts> = {};
  const byLang: Record<string, Counts> = {};
  const unlocatedByKind: Record<string, number> = {};
  let goldSpans = 0;
  let unlocatedSpans = 0;
  const col = { gb: { pages: 0, body: 0, removed: 0, located: 0 }, mc: { pages: 0, body: 0, removed: 0 }, withRemoval: 0 };
  for (const s of scores) {
    span = addCounts(span, s.span);
    for (const [k, c] of Object.entries(s.byKind)) byKind[k] = addCounts(byKind[k] ?? ZERO_COUNTS, c);
    for (const [k, c] of Object.entries(s.byLang)) byLang[k] = addCounts(byLang[k] ?? ZERO_COUNTS, c);
    for (const [k, c] of Object.entries(s.unlocatedByKind)) unlocatedByKind[k] = (unlocatedByKind[k] ?? 0) + c;
    goldSpans += s.goldSpans;
    unlocatedSpans += s.unlocated;
    if (s.collateral) {
      if (s.collateral.removedChars > 0) col.withRemoval++;
      if (s.collateral.source === 'goldBody') {
        col.gb.pages++;
        col.gb.body += s.collateral.bodyChars;
        col.gb.removed += s.collateral.removedChars;
        col.gb.located += s.collateral.locatedShare ?? 0;
      } else {
        col.mc.pages++;
        col.mc.body += s.collateral.bodyChars;
        col.mc.removed += s.collateral.removedChars;
      }
    }
  }
  const share = (r: number, b: number): number => (b === 0 ? 0 : r / b);
  const mapPrf = (r: Record<string, Counts>): Record<string, PRFCounts> =>
    Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => [k, withPrf(c)]));
  const kindF1 = Object.values(byKind).filter((c) => c.tp + c.fn > 0).map((c) => prf(c).f1);
  return {
    items: scores.length,
    contaminated: scores.filter((s) => s.contaminated).length,
    page: { ...withPrf(page), tn: page.tn },
    span: withPrf(span),
    spanMacroKindF1: kindF1.length === 0 ? 0 : kindF1.reduce((a, b) => a + b, 0) / kindF1.length,
    byKind: mapPrf(byKind),
    byLang: mapPrf(byLang),
    goldSpans,
    unlocatedSpans,
    unlocatedByKind,
    collateral: {
      cleanPages: col.gb.pages + col.mc.pages,
      bodyChars: col.gb.body + col.mc.body,
      removedChars: col.gb.removed + col.mc.removed,
      share: share(col.gb.removed + col.mc.removed, col.gb.body + col.mc.body),
      pagesWithRemoval: col.withRemoval,
      goldBody: {
        pages: col.gb.pages,
        bodyChars: col.gb.body,
        removedChars: col.gb.removed,
        share: share(col.gb.removed, col.gb.body),
        meanLocatedShare: col.gb.pages === 0 ? 0 : col.gb.located / col.gb.pages,
      },
      mainContent: { pages: col.mc.pages, bodyChars: col.mc.body, removedChars: col.mc.removed, share: share(col.mc.removed, col.mc.body) },
    },
  };
}

export interface Residue {
  goldSpans: number;
  goldChars: number;
  /** gold spans (and their chars) still present in the output */
  leftSpans: number;
  leftChars: number;
  leftShare: number;
}

/** What an extractor's output still contains of the injected text, per injection kind (whitespace-insensitive). */
export function residueByKind(pairs: Array<{ gold: ScoredItem['gold']; output: string }>): Record<string, Residue> {
  const acc: Record<string, Residue> = {};
  for (const { gold, output } of pairs) {
    const hay = stripWhitespace(output);
    for (const g of gold) {
      const chars = stripWhitespace(g.text).length;
      const r = (acc[g.kind] ??= { goldSpans: 0, goldChars: 0, leftSpans: 0, leftChars: 0, leftShare: 0 });
      r.goldSpans++;
      r.goldChars += chars;
      if (containsLoose(hay, g.text)) {
        r.leftSpans++;
        r.leftChars += chars;
      }
    }
  }
  for (const r of Object.values(acc)) r.leftShare = r.goldChars === 0 ? 0 : r.leftChars / r.goldChars;
  return Object.fromEntries(Object.entries(acc).sort(([a], [b]) => a.localeCompare(b)));
}
