// Bench result types and the markdown rendering with ratios (reports/bench.md). Pure.

export interface SystemResult {
  system: string;
  ok: boolean;
  error?: string;
  note?: string;
  pages?: number;
  texts?: number;
  perPage?: { median: number; p95: number; mean: number };
  totalMs?: number;
  pagesPerSec?: number;
  mbPerSec?: number;
  usPerText?: number;
  throughput?: number;
  unit?: string;
  failures?: number;
  /** process.resourceUsage().maxRSS before the timed run (pages loaded, modules imported), MB */
  baseRssMB?: number;
  /** process.resourceUsage().maxRSS at the end, MB */
  peakRssMB?: number;
  extra?: Record<string, unknown>;
}

export interface BenchReport {
  date: string;
  node: string;
  cpus: number;
  limit?: number;
  warcBench: boolean;
  /** os.loadavg() at the start and the end of the run: timings on a shared, loaded machine are inflated */
  loadavg?: { start: number[]; end: number[] };
  /** how each system's child process ran Node (the CLI launcher's variables and flags, or plain `node`) */
  launcher?: string;
  seconds: number;
  results: SystemResult[];
}

export const BENCH_TARGETS = {
  /** analyze() at most this many times the bare cheerio/slim parse */
  maxRatioToBareParse: 3,
  /** analyze() at least this many times faster than jsdom + Readability */
  minSpeedupOverJsdom: 40,
  peakRssMB: 300,
  /** the batch's pages/s at least this share of cores x single-thread analyze pages/s (issue 10) */
  batchShareOfCores: 0.9,
} as const;

const n = (x: number | undefined, d = 2): string => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(d));

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n') + '\n';
}

export interface BenchRatios {
  analyzeOverBareMedian?: number;
  analyzeOverBareMean?: number;
  /** the same ratio with analyze and the parse timed page by page, back to back (robust to a drifting machine) */
  interleavedMedian?: number;
  interleavedMean?: number;
  interleavedStringMedian?: number;
  interleavedStringMean?: number;
  jsdomOverAnalyzeMedian?: number;
  jsdomOverAnalyzeMean?: number;
  linkedomOverAnalyzeMedian?: number;
  linkedomOverAnalyzeMean?: number;
  naiveBayesOverWinnowClassifier?: number;
  batchOverSingleThread?: number;
}

/** The interleaved bench's per-page figures (ms): the parse of the decoded text, the decode and parse of the bytes, analyze of the bytes. */
interface InterleavedExtra {
  parseMedian?: number;
  parseMean?: number;
  bytesParseMedian?: number;
  bytesParseMean?: number;
  analyzeMedian?: number;
  analyzeMean?: number;
}

/** Ratios between systems (median and mean ms per page; mean = total time / pages). */
export function benchRatios(results: SystemResult[]): BenchRatios {
  const by = new Map(results.filter((r) => r.ok).map((r) => [r.system, r]));
  const med = (s: string): number | undefined => by.get(s)?.perPage?.median;
  const mean = (s: string): number | undefined => by.get(s)?.perPage?.mean;
  const div = (a?: number, b?: number): number | undefined => (a === undefined || b === undefined || b === 0 ? undefined : a / b);
  const il = by.get('interleaved')?.extra as InterleavedExtra | undefined;
  return {
    analyzeOverBareMedian: div(med('winnow-analyze'), med('cheerio-slim')),
    analyzeOverBareMean: div(mean('winnow-analyze'), mean('cheerio-slim')),
    interleavedMedian: div(il?.analyzeMedian, il?.bytesParseMedian),
    interleavedMean: div(il?.analyzeMean, il?.bytesParseMean),
    interleavedStringMedian: div(il?.analyzeMedian, il?.parseMedian),
    interleavedStringMean: div(il?.analyzeMean, il?.parseMean),
    jsdomOverAnalyzeMedian: div(med('jsdom-readability'), med('winnow-analyze')),
    jsdomOverAnalyzeMean: div(mean('jsdom-readability'), mean('winnow-analyze')),
    linkedomOverAnalyzeMedian: div(med('linkedom-readability'), med('winnow-analyze')),
    linkedomOverAnalyzeMean: div(mean('linkedom-readability'), mean('winnow-analyze')),
    naiveBayesOverWinnowClassifier: div(by.get('classifier-natural')?.usPerText, by.get('classifier-winnow')?.usPerText),
    batchOverSingleThread: div(by.get('batch-workers')?.pagesPerSec, by.get('winnow-analyze')?.pagesPerSec),
  };
}

export function renderBenchMarkdown(r: BenchReport): string {
  const out: string[] = [];
  const by = new Map(r.results.map((x) => [x.system, x]));
  const ratios = benchRatios(r.results);
  out.push('# winnow benchmark');
  out.push('');
  out.push(`${r.date} · node ${r.node} · ${r.cpus} cores · ${r.seconds.toFixed(1)} s${r.limit !== undefined ? ` · LIMITED to ${r.limit} pages` : ''}`);
  if (r.launcher) out.push(`Each system ran in its own child process, started as \`${r.launcher}\` (the CLI launcher's line, bin/winnow.js; BENCH_LAUNCHER=0: plain node).`);
  if (r.loadavg) out.push(`Load average (1 min) at start ${n(r.loadavg.start[0], 1)}, at end ${n(r.loadavg.end[0], 1)} on ${r.cpus} cores: above ~${r.cpus} the machine was shared and absolute times are inflated; the medians of small pages suffer most, the mean ratios are steadier.`);
  out.push('Pages: the Scrapinghub benchmark (181) + the Chinese gold set (69), real pages; every system runs in its own child process, warm-up before timing; RSS = process.resourceUsage().maxRSS of that process.');
  out.push('');
  out.push('## Per page (single thread)');
  const bare = by.get('cheerio-slim');
  out.push(
    table(
      ['system', 'pages', 'median ms', 'p95 ms', 'mean ms', 'pages/s', 'MB/s', 'x bare parse (median)', 'peak RSS MB (before timing)', 'failures'],
      ['cheerio-slim', 'winnow-analyze', 'linkedom-readability', 'jsdom-readability'].map((s) => {
        const x = by.get(s);
        if (!x || !x.ok) return [s, x?.error ? `failed: ${x.error}` : 'not run', '', '', '', '', '', '', '', ''];
        const ratio = bare?.perPage && x.perPage ? x.perPage.median / bare.perPage.median : undefined;
        return [s, String(x.pages), n(x.perPage?.median), n(x.perPage?.p95), n(x.perPage?.mean), n(x.pagesPerSec, 0), n(x.mbPerSec, 1), n(ratio, 1), `${n(x.peakRssMB, 0)} (${n(x.baseRssMB, 0)})`, String(x.failures ?? 0)];
      }),
    ),
  );
  const il = by.get('interleaved');
  if (il?.ok && il.extra) {
    const e = il.extra as InterleavedExtra;
    out.push(
      `Page by page (${il.note ?? ''}): bare decode + parse median ${n(e.bytesParseMedian)} ms, mean ${n(e.bytesParseMean)} ms (the parse alone ${n(e.parseMedian)}, ${n(e.parseMean)} ms); analyze median ${n(e.analyzeMedian)} ms, mean ${n(e.analyzeMean)} ms.`,
    );
    out.push('');
  }
  out.push('## Ratios and targets');
  const rssWinnow = by.get('winnow-analyze')?.peakRssMB;
  const batch = by.get('batch-workers');
  const met = (ok: boolean | undefined): string => (ok === undefined ? '–' : ok ? 'yes' : '**no**');
  out.push(
    table(
      ['figure', 'value', 'target', 'met'],
      [
        ['analyze / bare cheerio parse, page by page from the same bytes (the bare side decodes with the charset analyze found), the parse in a thread of its own (median; mean)', `${n(ratios.interleavedMedian, 2)}x; ${n(ratios.interleavedMean, 2)}x`, `<= ${BENCH_TARGETS.maxRatioToBareParse}x`, met(ratios.interleavedMedian === undefined || ratios.interleavedMean === undefined ? undefined : Math.max(ratios.interleavedMedian, ratios.interleavedMean) <= BENCH_TARGETS.maxRatioToBareParse)],
        ['the same, the bare side given the decoded text (analyze still decodes: its decode and sniffing count against it)', `${n(ratios.interleavedStringMedian, 2)}x; ${n(ratios.interleavedStringMean, 2)}x`, '', ''],
        ['analyze / bare cheerio parse, separate processes (median; mean)', `${n(ratios.analyzeOverBareMedian, 2)}x; ${n(ratios.analyzeOverBareMean, 2)}x`, `<= ${BENCH_TARGETS.maxRatioToBareParse}x`, met(ratios.analyzeOverBareMedian === undefined ? undefined : ratios.analyzeOverBareMedian <= BENCH_TARGETS.maxRatioToBareParse)],
        ['jsdom+Readability / analyze (median; mean)', `${n(ratios.jsdomOverAnalyzeMedian, 1)}x; ${n(ratios.jsdomOverAnalyzeMean, 1)}x`, `>= ${BENCH_TARGETS.minSpeedupOverJsdom}x`, met(ratios.jsdomOverAnalyzeMedian === undefined ? undefined : ratios.jsdomOverAnalyzeMedian >= BENCH_TARGETS.minSpeedupOverJsdom)],
        ['linkedom+Readability / analyze (median; mean)', `${n(ratios.linkedomOverAnalyzeMedian, 1)}x; ${n(ratios.linkedomOverAnalyzeMean, 1)}x`, '', ''],
        ['winnow analyze peak RSS', `${n(rssWinnow, 0)} MB`, `<= ${BENCH_TARGETS.peakRssMB} MB`, met(rssWinnow === undefined ? undefined : rssWinnow <= BENCH_TARGETS.peakRssMB)],
        [`batch on ${r.cpus} cores (worker threads)`, batch?.ok ? `${n(batch.pagesPerSec, 0)} pages/s (${n(ratios.batchOverSingleThread, 2)}x single thread), peak RSS ${n(batch.peakRssMB, 0)} MB` : `not measured: ${batch?.error ?? 'not run'}`, `>= ${BENCH_TARGETS.batchShareOfCores} x ${r.cpus} cores x single thread`, met(batch?.ok && ratios.batchOverSingleThread !== undefined ? ratios.batchOverSingleThread >= BENCH_TARGETS.batchShareOfCores * r.cpus : undefined)],
      ],
    ),
  );
  if (batch?.note) out.push(`Batch: ${batch.note}.\n`);
  out.push('## Classifier (page blocks of the same pages)');
  const cw = by.get('classifier-winnow');
  const cn = by.get('classifier-natural');
  const crow = (name: string, x?: SystemResult): string[] =>
    !x || !x.ok
      ? [name, x?.error ?? 'not run', '', '', '', '']
      : [name, String(x.texts), n(x.usPerText, 1), n(x.throughput, 0), x.extra?.accuracyOnLabelled == null ? '–' : n(x.extra.accuracyOnLabelled as number, 3), `${n(x.peakRssMB, 0)} (${n(x.baseRssMB, 0)})`];
  out.push(table(['classifier', 'texts', 'µs/text', 'texts/s', 'accuracy on labelled dev texts', 'peak RSS MB (before)'], [crow("winnow hashed n-gram (classifyText)", cw), crow("natural BayesClassifier", cn)]));
  if (ratios.naiveBayesOverWinnowClassifier !== undefined) out.push(`natural BayesClassifier is ${n(ratios.naiveBayesOverWinnowClassifier, 1)}x the time per text of winnow's classifier.\n`);
  if (cn?.ok && cn.extra) out.push(`natural: trained on ${String(cn.extra.trainedOn)} texts (${String(cn.extra.trainedFrom)}) in ${n(cn.extra.trainMs as number, 0)} ms; tokens: ${String(cn.extra.tokenizer)}; accuracy set: ${String(cn.extra.labelledFrom)}.\n`);
  const warc = by.get('warc-batch');
  out.push('## WARC batch (bench/warc.ts: every shared page in a gzip WARC, runBatch on all cores, store + NDJSON)');
  out.push(
    warc?.ok
      ? table(['pages', 'pages/s', 'peak RSS MB', 'target'], [[String(warc.pages ?? '–'), n(warc.pagesPerSec, 1), n(warc.peakRssMB, 0), `peak RSS <= ${BENCH_TARGETS.peakRssMB} MB: ${met(warc.peakRssMB === undefined ? undefined : warc.peakRssMB <= BENCH_TARGETS.peakRssMB)}`]]) + `\nOutput: ${warc.note}\n`
      : `not measured: ${warc?.error ?? 'not run'}\n`,
  );
  return out.join('\n') + '\n';
}
