// Real pages first: the spam-pages set (real injected spam, real clean hard negatives; ../shared/data/spam-pages,
// split by site in corpus/spam-pages-split.json) scored as its README's "How to score a detector" says, and false
// alarms on every clean page of ../shared/data, read as is and replayed under another host.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import * as OpenCC from 'opencc-js';
import { analyze, type AnalyzeResult } from '../../src/analyze.js';
import type { CompiledRules } from '../../src/detect/rules/index.js';
import { evalDataRoot, evalRepoRoot } from './data.js';

export const SpamPageLabel = z.object({
  id: z.string(),
  source: z.string(),
  lang: z.string(),
  verdict: z.enum(['contaminated', 'clean']),
  kind: z.string().nullable(),
  spam: z.array(z.string()),
  keep: z.array(z.string()),
  title: z.string().nullable(),
  note: z.string().optional(),
  uncertain: z.boolean().optional(),
});
export type SpamPageLabel = z.infer<typeof SpamPageLabel>;

export const SpamPagesSplit = z.object({ dev: z.array(z.string()), test: z.array(z.string()) });
export type SpamPagesSplitName = 'dev' | 'test';

export function spamPagesDir(): string {
  return join(evalDataRoot(), 'spam-pages', 'pages');
}

export function spamPagesSplit(): z.infer<typeof SpamPagesSplit> {
  return SpamPagesSplit.parse(JSON.parse(readFileSync(join(evalRepoRoot(), 'corpus', 'spam-pages-split.json'), 'utf8')));
}

export interface SpamPage {
  label: SpamPageLabel;
  html: Buffer;
}

/** The pages of one split (labels validated), in split order. */
export function spamPages(split: SpamPagesSplitName): SpamPage[] {
  const dir = spamPagesDir();
  return spamPagesSplit()[split].map((id) => ({
    label: SpamPageLabel.parse(JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8'))),
    html: readFileSync(join(dir, `${id}.html`)),
  }));
}

/** The README's normalisation: Unicode NFKC, lower case, every whitespace character removed. */
export function normScore(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

export interface PageOutcome {
  id: string;
  lang: string;
  kind: string | null;
  uncertain: boolean;
  contaminated: boolean;
  predicted: boolean;
  spam: { total: number; removed: number; removedByExtraction: number; missed: string[] };
  keep: { total: number; kept: number; lostToFindings: number; lostToExtraction: number; lost: string[] };
  title: { known: boolean; right: boolean; got: string };
  findings: string[];
  error?: string;
}

/** Does any finding cover (part of) the string? Located in the page text first, by normalised overlap otherwise. */
function coveredByFinding(r: AnalyzeResult, s: string): boolean {
  const at = r.text.indexOf(s);
  if (at >= 0) return r.findings.some((f) => f.start < at + s.length && f.end > at);
  const ns = normScore(s);
  return r.findings.some((f) => {
    const nf = normScore(f.text);
    return nf.length > 0 && (nf.includes(ns) || ns.includes(nf));
  });
}

/** Score one page by the README's rules. */
export function scorePage(label: SpamPageLabel, r: AnalyzeResult): PageOutcome {
  const out = normScore(`${r.cleanTitle}\n${r.cleanText}`);
  const spam = { total: label.spam.length, removed: 0, removedByExtraction: 0, missed: [] as string[] };
  for (const s of label.spam) {
    if (out.includes(normScore(s))) spam.missed.push(s);
    else {
      spam.removed++;
      if (!coveredByFinding(r, s)) spam.removedByExtraction++;
    }
  }
  const keep = { total: label.keep.length, kept: 0, lostToFindings: 0, lostToExtraction: 0, lost: [] as string[] };
  for (const s of label.keep) {
    if (out.includes(normScore(s))) keep.kept++;
    else {
      keep.lost.push(s);
      if (coveredByFinding(r, s)) keep.lostToFindings++;
      else keep.lostToExtraction++;
    }
  }
  const known = label.title !== null;
  return {
    id: label.id,
    lang: label.lang,
    kind: label.kind,
    uncertain: label.uncertain === true,
    contaminated: label.verdict === 'contaminated',
    predicted: r.verdict === 'contaminated',
    spam,
    keep,
    title: { known, right: known && normScore(r.cleanTitle) === normScore(label.title ?? ''), got: r.cleanTitle },
    findings: r.findings.map((f) => `${f.kind}/${f.category} ${f.points.toFixed(1)}: ${f.text.slice(0, 60)}`),
  };
}

export interface RealBlockFigures {
  pages: number;
  contaminated: number;
  clean: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  pageRecall: number;
  pagePrecision: number;
  pageF1: number;
  spamStrings: number;
  spamRemoved: number;
  /** removed without any finding covering them: main-content extraction dropped their block */
  spamRemovedByExtraction: number;
  spamRemovedShare: number;
  keepSentences: number;
  keepKept: number;
  keepLostToFindings: number;
  keepLostToExtraction: number;
  keepKeptShare: number;
  titlesKnown: number;
  titlesRight: number;
  titleRightShare: number;
  byLang: Record<string, { pages: number; tp: number; fp: number; fn: number; tn: number; spam: number; removed: number; keep: number; kept: number }>;
}

const ratio = (a: number, b: number, empty = 1): number => (b > 0 ? a / b : empty);

export function aggregatePages(pages: PageOutcome[]): RealBlockFigures {
  const f: RealBlockFigures = {
    pages: pages.length, contaminated: 0, clean: 0, tp: 0, fp: 0, fn: 0, tn: 0, pageRecall: 0, pagePrecision: 0, pageF1: 0,
    spamStrings: 0, spamRemoved: 0, spamRemovedByExtraction: 0, spamRemovedShare: 0,
    keepSentences: 0, keepKept: 0, keepLostToFindings: 0, keepLostToExtraction: 0, keepKeptShare: 0,
    titlesKnown: 0, titlesRight: 0, titleRightShare: 0, byLang: {},
  };
  for (const p of pages) {
    const l = (f.byLang[p.lang] ??= { pages: 0, tp: 0, fp: 0, fn: 0, tn: 0, spam: 0, removed: 0, keep: 0, kept: 0 });
    l.pages++;
    if (p.contaminated) f.contaminated++;
    else f.clean++;
    const cell = p.contaminated ? (p.predicted ? 'tp' : 'fn') : p.predicted ? 'fp' : 'tn';
    f[cell]++;
    l[cell]++;
    f.spamStrings += p.spam.total;
    f.spamRemoved += p.spam.removed;
    f.spamRemovedByExtraction += p.spam.removedByExtraction;
    l.spam += p.spam.total;
    l.removed += p.spam.removed;
    f.keepSentences += p.keep.total;
    f.keepKept += p.keep.kept;
    f.keepLostToFindings += p.keep.lostToFindings;
    f.keepLostToExtraction += p.keep.lostToExtraction;
    l.keep += p.keep.total;
    l.kept += p.keep.kept;
    if (p.title.known) {
      f.titlesKnown++;
      if (p.title.right) f.titlesRight++;
    }
  }
  f.pageRecall = ratio(f.tp, f.tp + f.fn);
  f.pagePrecision = ratio(f.tp, f.tp + f.fp);
  f.pageF1 = f.pageRecall + f.pagePrecision > 0 ? (2 * f.pageRecall * f.pagePrecision) / (f.pageRecall + f.pagePrecision) : 0;
  f.spamRemovedShare = ratio(f.spamRemoved, f.spamStrings);
  f.keepKeptShare = ratio(f.keepKept, f.keepSentences);
  f.titleRightShare = ratio(f.titlesRight, f.titlesKnown);
  return f;
}

export interface SpamPagesFigures {
  split: SpamPagesSplitName;
  all: RealBlockFigures;
  /** the same without the pages labelled `uncertain` */
  certain: RealBlockFigures;
  pages: PageOutcome[];
}

/** The URL a crawler would have passed (the label's source when it is one). */
function urlOf(label: SpamPageLabel): string | undefined {
  return /^https?:\/\//i.test(label.source) ? label.source : undefined;
}

/**
 * Disguises spam networks put on Chinese keywords to slip past keyword lists, each applied to a page's spam strings in
 * place (the page and its label alike): traditional characters for the whole page (OpenCC cn -> tw), and inside the
 * spam strings spaces between the characters, a pinyin-like gloss after each character, an emoji after every other.
 */
export const SPAM_PAGE_DISGUISES = ['traditional', 'spaced out', 'pinyin gloss', 'emoji'] as const;
export type SpamPageDisguise = (typeof SPAM_PAGE_DISGUISES)[number];

const HAN_CHAR = /[\u3400-\u9fff]/u;
/** The disguises applied inside a spam string, by name (SPAM_PAGE_DISGUISES but traditional, which takes the page). */
export const DISGUISE_INSIDE: Record<Exclude<SpamPageDisguise, 'traditional'>, (s: string) => string> = {
  'spaced out': (s) => [...s].map((c, i, a) => (HAN_CHAR.test(c) && i + 1 < a.length && HAN_CHAR.test(a[i + 1]) ? `${c} ` : c)).join(''),
  'pinyin gloss': (s) => [...s].map((c) => (HAN_CHAR.test(c) ? `${c}(zī)` : c)).join(''),
  emoji: (s) => [...s].map((c, i) => (HAN_CHAR.test(c) && i % 2 === 1 ? `${c}🔥` : c)).join(''),
};

/** The Chinese pages of a split (zh and zh-Hant) with their spam disguised (SPAM_PAGE_DISGUISES). */
export function spamPagesDisguised(split: SpamPagesSplitName, disguise: SpamPageDisguise): SpamPage[] {
  const pages = spamPages(split).filter((p) => p.label.lang.startsWith('zh'));
  if (disguise === 'traditional') {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    return pages.map(({ label, html }) => ({
      label: { ...label, spam: label.spam.map(toTraditional), keep: label.keep.map(toTraditional), title: label.title === null ? null : toTraditional(label.title) },
      html: Buffer.from(toTraditional(html.toString('utf8'))),
    }));
  }
  const d = DISGUISE_INSIDE[disguise];
  return pages.map(({ label, html }) => {
    let h = html.toString('utf8');
    const spam = label.spam.map((s) => {
      const t = d(s);
      h = h.split(s).join(t);
      return t;
    });
    return { label: { ...label, spam }, html: Buffer.from(h) };
  });
}

export function evalSpamPages(split: SpamPagesSplitName, rules?: CompiledRules, pages: SpamPage[] = spamPages(split)): SpamPagesFigures {
  const outcomes: PageOutcome[] = [];
  for (const { label, html } of pages) {
    try {
      const r = analyze(html, { url: urlOf(label), input: label.id, ...(rules ? { rules } : {}) });
      outcomes.push(scorePage(label, r));
    } catch (e) {
      // an input the runtime refuses counts as a page with nothing removed and nothing kept
      const empty = { ...scorePage(label, { cleanTitle: '', cleanText: '', text: '', findings: [], verdict: 'clean' } as unknown as AnalyzeResult) };
      outcomes.push({ ...empty, error: (e as Error).message.split('\n')[0] });
    }
  }
  return { split, all: aggregatePages(outcomes), certain: aggregatePages(outcomes.filter((o) => !o.uncertain)), pages: outcomes };
}

// ------------------------------------------------------------------ clean shared pages

/** Folders of ../shared/data that hold real pages (spam-pages is scored on its own; spam-text has no pages). */
const PAGE_DATASETS = ['scrapinghub-article-extraction-benchmark', 'chinese-web-content-extraction', 'gne-chinese-news', 'trafilatura-eval'];

/** The pages of ../shared/data with real injected spam (spam-in-the-wild/manifest.json), relative paths. */
export function realSpamSharedPages(): Set<string> {
  const p = join(evalDataRoot(), 'spam-in-the-wild', 'manifest.json');
  if (!existsSync(p)) return new Set();
  const m = JSON.parse(readFileSync(p, 'utf8')) as { real_injected_spam?: Array<{ file: string }> };
  return new Set((m.real_injected_spam ?? []).map((x) => x.file));
}

function* pageFiles(root: string, rel: string): Generator<string> {
  for (const e of readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const r = `${rel}/${e.name}`;
    if (e.isDirectory()) yield* pageFiles(root, r);
    else if (/\.html?(\.gz)?$/i.test(e.name)) yield r;
  }
}

/** Every clean real page of ../shared/data (relative paths), the pages with real injected spam left out. */
export function cleanSharedPages(): string[] {
  const root = evalDataRoot();
  const spam = realSpamSharedPages();
  return PAGE_DATASETS.filter((d) => existsSync(join(root, d))).flatMap((d) => [...pageFiles(root, d)]).filter((f) => !spam.has(f));
}

export function readSharedPage(rel: string): Buffer {
  const raw = readFileSync(join(evalDataRoot(), rel));
  return rel.endsWith('.gz') ? gunzipSync(raw) : raw;
}

/** The host clean pages are replayed under: a domain none of them links to as its own. */
export const REPLAY_HOST = 'replay.winnow-eval.example';

export interface CleanPagesFigures {
  pages: number;
  /** pages judged contaminated when analysed without a URL */
  flagged: number;
  /** pages judged contaminated when analysed under https://REPLAY_HOST/<path> (as a WARC record of another host) */
  flaggedReplayed: number;
  /** pages with any finding in boilerplate (menus, footers) */
  boilerplateFindings: number;
  flaggedPages: Array<{ page: string; replayed: boolean; findings: string[] }>;
  errors: Array<{ page: string; error: string }>;
}

export function evalCleanPages(opts: { rules?: CompiledRules; limit?: number; log?: (s: string) => void } = {}): CleanPagesFigures {
  const files = cleanSharedPages().slice(0, opts.limit ?? Infinity);
  const f: CleanPagesFigures = { pages: files.length, flagged: 0, flaggedReplayed: 0, boilerplateFindings: 0, flaggedPages: [], errors: [] };
  const t0 = performance.now();
  files.forEach((rel, i) => {
    let html: Buffer;
    try {
      html = readSharedPage(rel);
    } catch (e) {
      f.errors.push({ page: rel, error: (e as Error).message.split('\n')[0] });
      return;
    }
    let boiler = false;
    for (const replayed of [false, true]) {
      try {
        const r = analyze(html, { input: rel, ...(replayed ? { url: `https://${REPLAY_HOST}/${rel}` } : {}), ...(opts.rules ? { rules: opts.rules } : {}) });
        if (r.findings.some((x) => x.where === 'boilerplate')) boiler = true;
        if (r.verdict === 'contaminated') {
          if (replayed) f.flaggedReplayed++;
          else f.flagged++;
          f.flaggedPages.push({ page: rel, replayed, findings: r.findings.map((x) => `${x.where} ${x.kind}/${x.category} ${x.points.toFixed(1)}: ${x.text.slice(0, 60)}`) });
        }
      } catch (e) {
        f.errors.push({ page: rel, error: (e as Error).message.split('\n')[0] });
      }
    }
    if (boiler) f.boilerplateFindings++;
    if ((i + 1) % 200 === 0) opts.log?.(`clean shared pages: ${i + 1}/${files.length}, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  });
  return f;
}
