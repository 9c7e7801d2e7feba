// The evaluation run: analyze() (and the naive baseline, and Readability) over the corpus splits, the fixtures and the
// real gold pages; returns every figure as one JSON-able object. Used by scripts/eval.ts and scripts/gate.ts.
import { loadavg } from 'node:os';
import { analyze, type AnalyzeResult } from '../../src/analyze.js';
import { buildPage, decode } from '../../src/page/index.js';
import { loadRules, type CompiledRules } from '../../src/detect/rules/index.js';
import type { CorpusItem, Split } from '../corpus/types.js';
import { meanPRF, searchText, snippetLoss, stripWhitespace, type PRF } from './metrics.js';
// the page stage's extraction metrics (same definitions as metrics.ts; reused so both harnesses agree)
import { charF1, tokenF1 } from '../../src/page/extract-metrics.js';
import { aggregate, residueByKind, scoreItem, withoutTitleLine, type ItemScore, type Prediction, type Residue, type ScoredItem, type SpanFigures } from './score.js';
import { lexiconTerms, naiveBaseline, termMatcher, type TermMatcher } from './baseline.js';
import { readabilityLinkedom } from './readability.js';
import { evalCleanPages, evalSpamPages, spamPagesDisguised, SPAM_PAGE_DISGUISES, type SpamPageDisguise, type CleanPagesFigures, type SpamPagesFigures, type SpamPagesSplitName } from './real-pages.js';
import { httpUrlOrNone } from '../../src/util/url.js';
import { chinesePages, corpusModule, scrapinghubPages, scrapinghubPeers, trafilaturaPages, type GoldPage } from './data.js';

export interface EvalOptions {
  /** corpus splits to score (default: test and dev) */
  splits: Split[];
  /** run the naive lexicon baseline next to winnow */
  baseline: boolean;
  /** run Readability (linkedom) on the corpus items and the gold pages */
  readability: boolean;
  /** extraction F1 on the Scrapinghub / Chinese gold pages (with peers when readability is on) */
  extraction: boolean;
  /** trafilatura-eval must-keep / must-drop snippets */
  snippets: boolean;
  /** include the fixtures (seed page, hard negatives) */
  fixtures: boolean;
  /** spam-pages splits to score (real injected spam and real clean hard negatives; default none) */
  spamPages?: SpamPagesSplitName[];
  /** false alarms on every clean page of ../shared/data, as is and replayed under another host */
  cleanPages?: boolean;
  /** cap per source, for quick runs */
  limit?: number;
  log?: (line: string) => void;
}

export interface SetFigures {
  winnow: SpanFigures;
  baseline?: SpanFigures;
  /** page verdict counts per page language (winnow) */
  pageByLang: Record<string, { items: number; tp: number; fp: number; fn: number; tn: number; f1: number }>;
  /** injected text still present, per kind: Readability's textContent vs winnow's cleanText */
  residue?: { readability: Record<string, Residue>; winnow: Record<string, Residue> };
  errors: Array<{ id: string; error: string }>;
  worst: Array<{ id: string; fn: number; fp: number; unlocated: number }>;
  /** gold spans not found in AnalyzeResult.text (first few), so a page-stage problem is visible */
  unlocated: Array<{ id: string; kind: string; text: string }>;
}

/** How many unlocated gold spans the report lists. */
const UNLOCATED_LISTED = 12;

export interface ExtractionFigures {
  pages: number;
  winnow: PRF;
  /** @mozilla/readability over linkedom, run here on the same pages (textContent) */
  readabilityLinkedom?: PRF;
  peers?: Record<string, PRF & { pages: number }>;
  /** the collateral / false verdicts of winnow and the baseline on these real clean pages */
  clean: { winnow: SpanFigures; baseline?: SpanFigures };
  errors: Array<{ id: string; error: string }>;
}

export interface SnippetFigures {
  pages: number;
  with: { total: number; lost: number; lostShare: number; lostToFindings: number; lostToFindingsShare: number };
  without: { total: number; kept: number; keptShare: number };
  /** pages where winnow reported contamination (all but the one real spam page are presumed clean) */
  contaminatedVerdicts: number;
  errors: Array<{ id: string; error: string }>;
}

export interface EvalReport {
  meta: {
    date: string;
    winnow: string;
    rules: string;
    model: string;
    lexiconTerms: number;
    corpusAvailable: boolean;
    /** splits (or fixtures) that could not be loaded, with the reason */
    corpusErrors: string[];
    options: Omit<EvalOptions, 'log'>;
    seconds: number;
    /** os.loadavg() at the end (the run shares the machine) */
    loadavg?: number[];
  };
  /** real pages first: the spam-pages splits and the clean shared pages */
  spamPages: Partial<Record<SpamPagesSplitName, SpamPagesFigures>>;
  /** the split's Chinese pages with their spam disguised (SPAM_PAGE_DISGUISES), by disguise */
  spamPagesDisguised: Partial<Record<SpamPagesSplitName, Partial<Record<SpamPageDisguise, SpamPagesFigures>>>>;
  cleanPages?: CleanPagesFigures;
  corpus: Partial<Record<Split, SetFigures>>;
  fixtures?: SetFigures;
  extraction?: { scrapinghub: ExtractionFigures; chinese: ExtractionFigures };
  snippets?: SnippetFigures;
}

/** How many of the worst items (most missed + false chars) the report lists. */
const WORST_ITEMS = 10;

function errText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);
}

export function toPrediction(r: AnalyzeResult): Prediction {
  return {
    contaminated: r.verdict === 'contaminated',
    text: r.text,
    spans: r.findings.map((f) => ({ start: f.start, end: f.end, kind: f.kind, where: f.where })),
    cleanText: r.cleanText,
  };
}

const EMPTY_PREDICTION: Prediction = { contaminated: false, text: '', spans: [] };

/** The baseline over the same page model winnow uses (Page.text === AnalyzeResult.text). */
export function baselinePrediction(html: string | Buffer, matcher: TermMatcher): Prediction {
  const { html: h, encoding } = decode(html);
  const page = buildPage(h, { encoding });
  const spans = naiveBaseline(page.blocks, matcher);
  return { contaminated: spans.length > 0, text: page.text, spans };
}

interface Runner {
  rules: CompiledRules;
  matcher: TermMatcher;
  opts: EvalOptions;
}

function scoreSet(items: ScoredItem[], htmlOf: (i: number) => string | Buffer, run: Runner, label: string): SetFigures {
  const winnow: ItemScore[] = [];
  const base: ItemScore[] = [];
  const errors: SetFigures['errors'] = [];
  const readPairs: Array<{ gold: ScoredItem['gold']; output: string }> = [];
  const winPairs: Array<{ gold: ScoredItem['gold']; output: string }> = [];
  const t0 = performance.now();
  items.forEach((item, i) => {
    const html = htmlOf(i);
    let pred = EMPTY_PREDICTION;
    let cleanText = '';
    try {
      const r = analyze(html, { rules: run.rules, input: item.id });
      pred = toPrediction(r);
      cleanText = r.cleanText;
    } catch (e) {
      errors.push({ id: item.id, error: 'analyze: ' + errText(e) });
    }
    const st = searchText(pred.text);
    winnow.push(scoreItem(item, pred, st));
    winPairs.push({ gold: item.gold, output: cleanText });
    if (run.opts.baseline) {
      let bp = EMPTY_PREDICTION;
      try {
        bp = baselinePrediction(html, run.matcher);
      } catch (e) {
        errors.push({ id: item.id, error: 'baseline: ' + errText(e) });
      }
      base.push(scoreItem(item, bp, bp.text === pred.text ? st : searchText(bp.text)));
    }
    if (run.opts.readability && item.gold.length > 0) {
      const text = typeof html === 'string' ? html : decodeSafe(html);
      readPairs.push({ gold: item.gold, output: readabilityLinkedom(text).text });
    }
    if ((i + 1) % 100 === 0) run.opts.log?.(`${label}: ${i + 1}/${items.length} items, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  });
  const pageByLang: SetFigures['pageByLang'] = {};
  for (const s of winnow) {
    const r = (pageByLang[s.lang] ??= { items: 0, tp: 0, fp: 0, fn: 0, tn: 0, f1: 0 });
    r.items++;
    if (s.contaminated && s.predicted) r.tp++;
    else if (s.predicted) r.fp++;
    else if (s.contaminated) r.fn++;
    else r.tn++;
  }
  for (const r of Object.values(pageByLang)) r.f1 = r.tp === 0 ? (r.fp + r.fn === 0 ? 1 : 0) : (2 * r.tp) / (2 * r.tp + r.fp + r.fn);
  const worst = winnow
    .filter((s) => s.span.fn + s.span.fp > 0)
    .sort((a, b) => b.span.fn + b.span.fp - (a.span.fn + a.span.fp))
    .slice(0, WORST_ITEMS)
    .map((s) => ({ id: s.id, fn: s.span.fn, fp: s.span.fp, unlocated: s.unlocated }));
  return {
    winnow: aggregate(winnow),
    baseline: run.opts.baseline ? aggregate(base) : undefined,
    pageByLang,
    residue: run.opts.readability ? { readability: residueByKind(readPairs), winnow: residueByKind(winPairs.filter((p) => p.gold.length > 0)) } : undefined,
    errors,
    worst,
    unlocated: winnow.flatMap((s) => s.unlocatedSpans.map((u) => ({ id: s.id, ...u }))).slice(0, UNLOCATED_LISTED),
  };
}

function decodeSafe(bytes: Buffer): string {
  try {
    return decode(bytes).html;
  } catch {
    return bytes.toString('utf8');
  }
}

function asItems(x: unknown): CorpusItem[] {
  return Array.isArray(x) ? (x as CorpusItem[]) : [];
}

function extraction(pages: GoldPage[], metric: (pred: string, gold: string) => PRF, run: Runner, peers: Record<string, Record<string, string>> | null): ExtractionFigures {
  const win: PRF[] = [];
  const read: PRF[] = [];
  const errors: ExtractionFigures['errors'] = [];
  const cleanWin: ItemScore[] = [];
  const cleanBase: ItemScore[] = [];
  for (const p of pages) {
    const item: ScoredItem = { id: p.id, lang: '', contaminated: false, gold: [], goldBody: p.goldBody };
    let pred = EMPTY_PREDICTION;
    try {
      const r = analyze(p.bytes, { rules: run.rules, url: p.url, input: p.id });
      pred = toPrediction(r);
      item.lang = r.lang;
      win.push(metric(withoutTitleLine(r.cleanText), p.goldBody));
    } catch (e) {
      errors.push({ id: p.id, error: 'analyze: ' + errText(e) });
      win.push(metric('', p.goldBody));
    }
    cleanWin.push(scoreItem(item, pred));
    if (run.opts.baseline) {
      try {
        cleanBase.push(scoreItem(item, baselinePrediction(p.bytes, run.matcher)));
      } catch (e) {
        errors.push({ id: p.id, error: 'baseline: ' + errText(e) });
        cleanBase.push(scoreItem(item, EMPTY_PREDICTION));
      }
    }
    if (run.opts.readability) read.push(metric(readabilityLinkedom(decodeSafe(p.bytes)).text, p.goldBody));
  }
  const out: ExtractionFigures = {
    pages: pages.length,
    winnow: meanPRF(win),
    clean: { winnow: aggregate(cleanWin), baseline: run.opts.baseline ? aggregate(cleanBase) : undefined },
    errors,
  };
  if (run.opts.readability) out.readabilityLinkedom = meanPRF(read);
  if (peers) {
    out.peers = {};
    for (const [name, outputs] of Object.entries(peers)) {
      const list = pages.map((p) => metric(outputs[p.id.replace(/^scrapinghub:/u, '')] ?? '', p.goldBody));
      out.peers[name] = { ...meanPRF(list), pages: list.length };
    }
  }
  return out;
}

function snippets(run: Runner): SnippetFigures {
  const pages = trafilaturaPages(run.opts.limit);
  const out: SnippetFigures = {
    pages: pages.length,
    with: { total: 0, lost: 0, lostShare: 0, lostToFindings: 0, lostToFindingsShare: 0 },
    without: { total: 0, kept: 0, keptShare: 0 },
    contaminatedVerdicts: 0,
    errors: [],
  };
  const t0 = performance.now();
  pages.forEach((p, i) => {
    let r: AnalyzeResult | null = null;
    try {
      // the snippet set keys some pages by a name, not a URL ("hard::site-page.html")
      r = analyze(p.bytes, { rules: run.rules, url: httpUrlOrNone(p.url), input: p.url });
    } catch (e) {
      out.errors.push({ id: p.url, error: 'analyze: ' + errText(e) });
    }
    const clean = stripWhitespace(r?.cleanText ?? '');
    const st = r ? searchText(r.text) : null;
    if (r?.verdict === 'contaminated') out.contaminatedVerdicts++;
    const s = snippetLoss(clean, p.with, p.without);
    out.with.total += s.keep;
    out.with.lost += s.lost.length;
    out.without.total += s.drop;
    out.without.kept += s.kept.length;
    for (const w of s.lost) {
      // lost because a finding removed it (vs never extracted as main content)
      if (r && st) {
        const n = stripWhitespace(w);
        const k = st.stripped.indexOf(n);
        if (k >= 0) {
          const a = st.pos[k];
          const b = st.pos[k + n.length - 1] + 1;
          if (r.findings.some((f) => f.start < b && f.end > a)) out.with.lostToFindings++;
        }
      }
    }
    if ((i + 1) % 200 === 0) run.opts.log?.(`snippets: ${i + 1}/${pages.length} pages, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  });
  const share = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  out.with.lostShare = share(out.with.lost, out.with.total);
  out.with.lostToFindingsShare = share(out.with.lostToFindings, out.with.total);
  out.without.keptShare = share(out.without.kept, out.without.total);
  return out;
}

export async function runEval(opts: EvalOptions): Promise<EvalReport> {
  const t0 = performance.now();
  const rules = loadRules();
  const terms = lexiconTerms(rules);
  const run: Runner = { rules, matcher: termMatcher(terms), opts };
  const log = opts.log ?? (() => {});
  const corpus = await corpusModule();
  let model = 'none';
  const report: EvalReport = {
    meta: {
      date: new Date().toISOString(),
      winnow: '',
      rules: rules.version,
      model,
      lexiconTerms: terms.length,
      corpusAvailable: corpus !== null,
      corpusErrors: [],
      options: {
        splits: opts.splits, spamPages: opts.spamPages ?? [], cleanPages: opts.cleanPages ?? false, baseline: opts.baseline, readability: opts.readability,
        extraction: opts.extraction, snippets: opts.snippets, fixtures: opts.fixtures, limit: opts.limit,
      },
      seconds: 0,
    },
    spamPages: {},
    spamPagesDisguised: {},
    corpus: {},
  };
  try {
    const probe = analyze('<html><head><title>probe</title></head><body><p>probe</p></body></html>', { rules });
    report.meta.winnow = probe.version.winnow;
    model = probe.version.model;
    report.meta.model = model;
  } catch (e) {
    log(`analyze() fails on a trivial page: ${errText(e)}`);
  }
  for (const split of opts.spamPages ?? []) {
    log(`spam-pages ${split}`);
    report.spamPages[split] = evalSpamPages(split, rules);
    const variants: Partial<Record<SpamPageDisguise, SpamPagesFigures>> = {};
    for (const d of SPAM_PAGE_DISGUISES) {
      log(`spam-pages ${split}, Chinese pages, spam disguised: ${d}`);
      variants[d] = evalSpamPages(split, rules, spamPagesDisguised(split, d));
    }
    report.spamPagesDisguised[split] = variants;
  }
  if (opts.cleanPages) {
    log('clean shared pages (as is, and replayed under another host)');
    report.cleanPages = evalCleanPages({ rules, limit: opts.limit, log });
  }
  if (corpus) {
    for (const split of opts.splits) {
      let items: CorpusItem[];
      try {
        items = corpus.loadSplit(split, opts.limit !== undefined ? { limit: opts.limit } : undefined);
      } catch (e) {
        report.meta.corpusErrors.push(`${split}: ${errText(e)}`);
        log(`corpus ${split}: cannot load: ${errText(e)}`);
        continue;
      }
      log(`corpus ${split}: ${items.length} items`);
      report.corpus[split] = scoreSet(items, (i) => items[i].html, run, `corpus ${split}`);
    }
    if (opts.fixtures && corpus.loadFixtures) {
      let items: CorpusItem[] = [];
      try {
        items = asItems(corpus.loadFixtures());
      } catch (e) {
        report.meta.corpusErrors.push(`fixtures: ${errText(e)}`);
        log(`fixtures: cannot load: ${errText(e)}`);
      }
      log(`fixtures: ${items.length} items`);
      if (items.length > 0) report.fixtures = scoreSet(items, (i) => items[i].html, run, 'fixtures');
    }
  } else {
    log('corpus: dev/corpus/index.ts not available yet; corpus figures skipped');
  }
  if (opts.extraction) {
    const sh = scrapinghubPages(opts.limit);
    log(`extraction: ${sh.length} Scrapinghub pages`);
    const shFig = extraction(sh, tokenF1, run, opts.readability ? scrapinghubPeers() : null);
    const zh = chinesePages(opts.limit);
    log(`extraction: ${zh.length} Chinese gold pages`);
    report.extraction = { scrapinghub: shFig, chinese: extraction(zh, charF1, run, null) };
  }
  if (opts.snippets) {
    log('snippets: trafilatura-eval');
    report.snippets = snippets(run);
  }
  report.meta.seconds = (performance.now() - t0) / 1000;
  report.meta.loadavg = loadavg();
  return report;
}

/** The spam-pages figures the quality gate checks (pages marked uncertain included, as the set is labelled). */
export function spamPagesGateFigures(f: SpamPagesFigures): Record<string, number> {
  return {
    spamPagesRecall: f.all.pageRecall,
    spamPagesPrecision: f.all.pagePrecision,
    spamPagesRemoved: f.all.spamRemovedShare,
    spamPagesKept: f.all.keepKeptShare,
  };
}

/**
 * The disguised spam-pages figures the quality gate checks: the lowest page recall and share of strings removed over
 * the disguises (traditional characters, spaced out, pinyin gloss, emoji), so that no one disguise slips back.
 */
export function spamPagesDisguisedGateFigures(variants: Partial<Record<SpamPageDisguise, SpamPagesFigures>>): Record<string, number> {
  const all = Object.values(variants).map((f) => f!.all);
  if (all.length === 0) return {};
  return {
    spamPagesDisguisedRecall: Math.min(...all.map((a) => a.pageRecall)),
    spamPagesDisguisedRemoved: Math.min(...all.map((a) => a.spamRemovedShare)),
  };
}

/**
 * The evaluation the quality gate reads (`npm run gate`, its test, `dev/train/sweep.ts`): one corpus split and the
 * spam-pages dev split with its disguised pages, winnow alone.
 */
export function runGateEval(split: Split, opts: { pages?: boolean } = {}): Promise<EvalReport> {
  const pages = opts.pages ?? true;
  return runEval({ splits: [split], spamPages: ['dev'], baseline: false, readability: false, extraction: pages, snippets: pages, fixtures: false });
}

/**
 * Every figure the quality gate checks, from a report of runGateEval: the corpus split's, the spam-pages dev split's
 * and its disguised pages' (a block the report lacks gives no figures, which the gate counts as below its floors).
 * Null when the corpus split was not evaluated.
 */
export function reportGateFigures(report: EvalReport, split: Split): Record<string, number> | null {
  const set = report.corpus[split];
  if (!set) return null;
  return {
    ...gateFigures(set),
    ...(report.spamPages.dev ? spamPagesGateFigures(report.spamPages.dev) : {}),
    ...spamPagesDisguisedGateFigures(report.spamPagesDisguised.dev ?? {}),
    ...extractionGateFigures(report),
  };
}

/**
 * The page stage's figures on real pages with gold: Scrapinghub token F1, Chinese char F1, and the trafilatura-eval
 * shares of must-keep snippets lost and must-drop snippets kept (none when the report has no such block).
 */
export function extractionGateFigures(report: Pick<EvalReport, 'extraction' | 'snippets'>): Record<string, number> {
  const out: Record<string, number> = {};
  if (report.extraction) {
    out.extractionScrapinghubF1 = report.extraction.scrapinghub.winnow.f1;
    out.extractionChineseF1 = report.extraction.chinese.winnow.f1;
  }
  if (report.snippets) {
    out.snippetsLost = report.snippets.with.lostShare;
    out.snippetsDropKept = report.snippets.without.keptShare;
  }
  return out;
}

/** The figures the quality gate checks, from one split's figures. */
export function gateFigures(set: SetFigures): { pageF1: number; spanF1: number; spanKindsF1: number; collateral: number; errorShare: number } {
  const errored = new Set(set.errors.filter((e) => e.error.startsWith('analyze:')).map((e) => e.id)).size;
  return {
    pageF1: set.winnow.page.f1,
    spanF1: set.winnow.span.f1,
    // the span F1 averaged over injection kinds: the micro figure lets one long hidden block hide a weak kind
    spanKindsF1: set.winnow.spanMacroKindF1,
    collateral: set.winnow.collateral.share,
    errorShare: set.winnow.items === 0 ? 1 : errored / set.winnow.items,
  };
}
