// One benchmarked system per child process (see bench/run.ts). Each returns a SystemResult.
import { availableParallelism } from 'node:os';
// Heavy modules (cheerio, linkedom, Readability, jsdom, natural, analyze) are imported inside the system that uses
// them, so each child's peak RSS is that system's own.
import { decode } from '../src/page/index.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { corpusModule, evalDataRoot, type GoldPage } from '../dev/eval/data.js';
import { quantiles } from '../dev/eval/metrics.js';
import type { SystemResult } from './report.js';

/** Warm-up passes over the first pages before timing (JIT, caches, rule compilation). */
const WARMUP_PAGES = 25;
/** jsdom is slow: warm it on fewer pages. */
const JSDOM_WARMUP_PAGES = 8;
/** Timed passes of the interleaved analyze/parse comparison (after one warm-up pass). */
const INTERLEAVED_PASSES = 2;
/** How many times the batch run feeds the page set to the worker pool. */
const BATCH_REPEAT = 4;
/** Jobs in flight per worker in the batch run (backpressure). */
const BATCH_IN_FLIGHT_PER_WORKER = 2;
/** Classifier bench: texts (page blocks) with at least this many characters, at most this many texts. */
const CLASSIFIER_MIN_CHARS = 8;
const CLASSIFIER_MAX_TEXTS = 2000;
/** Labelled examples per class for the natural Bayes training set. */
const BAYES_TRAIN_PER_CLASS = 1500;

export interface BenchPage {
  id: string;
  bytes: Buffer;
  html: string;
  /** the charset winnow decoded the bytes with (the interleaved bench's parse side decodes with it) */
  encoding: string;
  url?: string;
}

/** A page read from disk on demand, so the page set itself does not sit in the measured process' memory. */
export interface PageRef {
  id: string;
  url?: string;
  load(): BenchPage;
}

function toBench(p: GoldPage): BenchPage {
  let html: string;
  let encoding = 'utf-8';
  try {
    ({ html, encoding } = decode(p.bytes));
  } catch {
    html = p.bytes.toString('utf8');
  }
  return { id: p.id, bytes: p.bytes, html, encoding, url: p.url };
}

/** The bench pages (Scrapinghub + Chinese gold), each read from disk when loaded. */
export function pageRefs(limit?: number): PageRef[] {
  const half = limit === undefined ? undefined : Math.max(1, Math.ceil(limit / 2));
  const root = evalDataRoot();
  const sh = join(root, 'scrapinghub-article-extraction-benchmark');
  const gt = JSON.parse(readFileSync(join(sh, 'ground-truth.json'), 'utf8')) as Record<string, { url?: string }>;
  const refs: PageRef[] = Object.keys(gt)
    .sort()
    .slice(0, half)
    .map((h) => ({
      id: `scrapinghub:${h}`,
      url: gt[h].url,
      load: () => toBench({ id: h, source: '', goldBody: '', url: gt[h].url, bytes: gunzipSync(readFileSync(join(sh, 'html', `${h}.html.gz`))) }),
    }));
  const zh = join(root, 'chinese-web-content-extraction', 'original');
  for (const f of readdirSync(zh).filter((x) => x.endsWith('.html')).sort().slice(0, half)) {
    refs.push({ id: `chinese:${f}`, load: () => toBench({ id: f, source: '', goldBody: '', bytes: readFileSync(join(zh, f)) }) });
  }
  return refs;
}

/** How long the interleaved bench waits for its parse thread's answer on one page before it gives up. */
const PARSE_WORKER_TIMEOUT_MS = 60_000;

const rssMB = (): number => process.resourceUsage().maxRSS / 1024;

/** Time fn on every page (read from disk before its timer starts) after a warm-up on the first pages; per-page ms. */
function timePages(refs: PageRef[], warm: number, fn: (p: BenchPage) => void, system: string): SystemResult {
  let failures = 0;
  const safe = (p: BenchPage): void => {
    try {
      fn(p);
    } catch {
      failures++;
    }
  };
  for (const r of refs.slice(0, warm)) safe(r.load());
  failures = 0;
  const baseRssMB = rssMB();
  const times: number[] = [];
  let bytes = 0;
  for (const r of refs) {
    const p = r.load();
    bytes += p.bytes.length;
    const t = performance.now();
    safe(p);
    times.push(performance.now() - t);
  }
  const totalMs = times.reduce((a, b) => a + b, 0);
  return {
    system,
    ok: true,
    pages: refs.length,
    perPage: quantiles(times),
    totalMs,
    pagesPerSec: (1000 * refs.length) / totalMs,
    mbPerSec: bytes / 1e6 / (totalMs / 1000),
    failures,
    baseRssMB,
    peakRssMB: rssMB(),
  };
}

type ReadabilityCtor = typeof import('@mozilla/readability').Readability;

function readability(R: ReadabilityCtor, doc: unknown): string {
  const a = new R(doc as ConstructorParameters<ReadabilityCtor>[0]).parse();
  return a?.textContent ?? '';
}

/** Word tokens for latin text, character bigrams for CJK runs (natural's default tokenizer drops all CJK). */
export function bayesTokens(s: string): string[] {
  const out: string[] = [];
  const f = s.normalize('NFKC').toLowerCase();
  for (const m of f.matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    if (/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(w)) {
      if (w.length === 1) out.push(w);
      for (let i = 0; i + 2 <= w.length; i++) out.push(w.slice(i, i + 2));
    } else out.push(w);
  }
  return out;
}

async function blockTexts(refs: PageRef[]): Promise<string[]> {
  const { buildPage } = await import('../src/page/index.js');
  const texts: string[] = [];
  for (const r of refs) {
    const p = r.load();
    try {
      for (const b of buildPage(p.html).blocks) if (b.text.length >= CLASSIFIER_MIN_CHARS) texts.push(b.text);
    } catch {
      /* a page the page stage cannot build is skipped here */
    }
  }
  return texts.slice(0, CLASSIFIER_MAX_TEXTS);
}

/** Labelled texts: corpus train split gold spans (spam) and clean-page blocks (ham), plus the rules' own examples. */
async function labelled(split: 'train' | 'dev'): Promise<{ spam: string[]; ham: string[]; source: string }> {
  const { buildPage } = await import('../src/page/index.js');
  const { loadRules } = await import('../src/detect/rules/index.js');
  const spam: string[] = [];
  const ham: string[] = [];
  const sources: string[] = [];
  // rule examples only for training (the accuracy set is the dev split alone, so nothing leaks)
  if (split === 'train') try {
    for (const r of loadRules().rules) {
      if (r.kind === 'structural') continue;
      (r.score > 0 ? spam : ham).push(...r.examples.positive);
      if (r.score > 0) ham.push(...r.examples.negative);
    }
    sources.push('rule examples');
  } catch {
    /* no rules */
  }
  const corpus = await corpusModule();
  if (corpus) {
    try {
      const items = corpus.loadSplit(split);
      for (const it of items) {
        if (it.contaminated) for (const g of it.gold) spam.push(g.text);
        else if (ham.length < BAYES_TRAIN_PER_CLASS * 2) {
          for (const b of buildPage(it.html).blocks) if (b.text.length >= CLASSIFIER_MIN_CHARS) ham.push(b.text);
        }
      }
      sources.push(`corpus ${split} split`);
    } catch {
      /* corpus not built yet */
    }
  }
  return { spam: spam.slice(0, BAYES_TRAIN_PER_CLASS), ham: ham.slice(0, BAYES_TRAIN_PER_CLASS), source: sources.join(' + ') || 'none' };
}

function accuracy(labelledSet: { spam: string[]; ham: string[] }, isSpam: (t: string) => boolean | null): number | null {
  let right = 0;
  let n = 0;
  for (const [texts, want] of [[labelledSet.spam, true], [labelledSet.ham, false]] as const) {
    for (const t of texts) {
      const got = isSpam(t);
      if (got === null) return null;
      n++;
      if (got === want) right++;
    }
  }
  return n === 0 ? null : right / n;
}

function timeTexts(texts: string[], fn: (t: string) => unknown, system: string, extra: Record<string, unknown>): SystemResult {
  for (const t of texts.slice(0, 200)) fn(t);
  const baseRssMB = rssMB();
  const t0 = performance.now();
  for (const t of texts) fn(t);
  const totalMs = performance.now() - t0;
  return {
    system,
    ok: true,
    texts: texts.length,
    usPerText: (1000 * totalMs) / texts.length,
    throughput: (1000 * texts.length) / totalMs,
    unit: 'texts/s',
    totalMs,
    baseRssMB,
    peakRssMB: rssMB(),
    extra,
  };
}

export async function runSystem(system: string, limit?: number): Promise<SystemResult> {
  const ps = pageRefs(limit);
  switch (system) {
    case 'cheerio-slim': {
      const { load } = await import('cheerio/slim');
      return timePages(ps, WARMUP_PAGES, (p) => void load(p.html), system);
    }
    case 'winnow-analyze': {
      const { analyze } = await import('../src/analyze.js');
      const { loadRules } = await import('../src/detect/rules/index.js');
      const rules = loadRules();
      let findings = 0;
      const r = timePages(ps, WARMUP_PAGES, (p) => void (findings += analyze(p.bytes, { rules, url: p.url }).findings.length), system);
      r.note = 'analyze() on the raw bytes (decode + page + detect + clean)';
      r.extra = { findingsInTimedRun: findings, rules: rules.version };
      return r;
    }
    case 'linkedom-readability': {
      const { parseHTML } = await import('linkedom');
      const { Readability } = await import('@mozilla/readability');
      return timePages(ps, WARMUP_PAGES, (p) => void readability(Readability, parseHTML(p.html).document), system);
    }
    case 'jsdom-readability': {
      const { JSDOM } = await import('jsdom');
      const { Readability } = await import('@mozilla/readability');
      return timePages(
        ps,
        JSDOM_WARMUP_PAGES,
        (p) => {
          const dom = new JSDOM(p.html, p.url ? { url: p.url } : undefined);
          try {
            readability(Readability, dom.window.document);
          } finally {
            dom.window.close();
          }
        },
        system,
      );
    }
    case 'classifier-winnow': {
      const texts = await blockTexts(ps);
      let mod: { classifyText?: (t: string, m?: unknown) => number | null; loadModel?: () => unknown } = {};
      try {
        const spec = '../src/detect/classifier.js';
        mod = (await import(spec)) as typeof mod;
      } catch {
        /* hook: classifier module missing */
      }
      const modelSpec = '../src/detect/model.js';
      const model = await import(modelSpec).then((m: { loadModel?: () => unknown }) => m.loadModel?.() ?? null).catch(() => null);
      if (!mod.classifyText || !model) {
        return { system, ok: false, error: 'HOOK: src/detect/classifier.ts classifyText() or its model file (corpus/model/model.json) not available yet' };
      }
      const classify = mod.classifyText;
      const dev = await labelled('dev');
      const acc = accuracy(dev, (t) => {
        const p = classify(t, model);
        return p === null ? null : p >= 0.5;
      });
      return timeTexts(texts, (t) => classify(t, model), system, { accuracyOnLabelled: acc, labelledFrom: dev.source, labelled: dev.spam.length + dev.ham.length });
    }
    case 'classifier-natural': {
      const { default: natural } = await import('natural');
      const texts = await blockTexts(ps);
      const train = await labelled('train');
      const bayes = new natural.BayesClassifier();
      const t0 = performance.now();
      for (const t of train.spam) bayes.addDocument(bayesTokens(t), 'spam');
      for (const t of train.ham) bayes.addDocument(bayesTokens(t), 'ham');
      bayes.train();
      const trainMs = performance.now() - t0;
      const dev = await labelled('dev');
      const acc = accuracy(dev, (t) => bayes.classify(bayesTokens(t)) === 'spam');
      return timeTexts(texts, (t) => bayes.classify(bayesTokens(t)), system, {
        trainMs,
        trainedOn: train.spam.length + train.ham.length,
        trainedFrom: train.source,
        accuracyOnLabelled: acc,
        labelledFrom: dev.source,
        tokenizer: 'latin words + CJK character bigrams (natural\'s default tokenizer drops CJK)',
      });
    }
    case 'interleaved': {
      // analyze() and the bare parse of the same page back to back, in alternating order: on a machine whose speed
      // drifts (a shared VM) two separate runs can differ by 2x; page by page they cannot. The parse runs in a thread
      // of its own (bench/parse-worker.mjs) while this one waits, so analyze's htmlparser2 subclasses cannot slow it.
      const { Worker, MessageChannel } = await import('node:worker_threads');
      const { analyze } = await import('../src/analyze.js');
      const { loadRules } = await import('../src/detect/rules/index.js');
      const rules = loadRules();
      const sab = new SharedArrayBuffer(24);
      const ctrl = new Int32Array(sab, 0, 2);
      const ms = new Float64Array(sab, 8, 2);
      const { port1, port2 } = new MessageChannel();
      const parser = new Worker(new URL('./parse-worker.mjs', import.meta.url), { workerData: { port: port2, sab }, transferList: [port2] });
      // the page's bytes and charset; the thread answers with its decode and parse times
      const timeParseIn = (p: BenchPage): [number, number] => {
        port1.postMessage({ bytes: p.bytes, encoding: p.encoding });
        Atomics.store(ctrl, 0, 1);
        Atomics.notify(ctrl, 0);
        // a parse thread that died would leave this one waiting for good: give up loudly instead
        if (Atomics.wait(ctrl, 0, 1, PARSE_WORKER_TIMEOUT_MS) === 'timed-out') throw new Error(`interleaved bench: the parse thread did not answer in ${PARSE_WORKER_TIMEOUT_MS / 1000} s`);
        return [ms[0], ms[1]];
      };
      const parse: number[] = [];
      const decodeAndParse: number[] = [];
      const full: number[] = [];
      try {
        for (let pass = 0; pass < INTERLEAVED_PASSES + 1; pass++) {
          for (const [i, r] of ps.entries()) {
            const p = r.load();
            const timeAnalyze = () => {
              const t = performance.now();
              analyze(p.bytes, { rules, url: p.url });
              return performance.now() - t;
            };
            const parseFirst = (i + pass) % 2 === 0;
            let bare: [number, number];
            let ms: number;
            if (parseFirst) {
              bare = timeParseIn(p);
              ms = timeAnalyze();
            } else {
              ms = timeAnalyze();
              bare = timeParseIn(p);
            }
            // the first pass warms up the JIT and the caches
            if (pass === 0) continue;
            parse.push(bare[1]);
            decodeAndParse.push(bare[0] + bare[1]);
            full.push(ms);
          }
        }
      } finally {
        ctrl[1] = -1;
        Atomics.store(ctrl, 0, 1);
        Atomics.notify(ctrl, 0);
        await parser.terminate();
        port1.close();
      }
      const q = quantiles(full);
      const qp = quantiles(parse);
      const qb = quantiles(decodeAndParse);
      return {
        system,
        ok: true,
        pages: ps.length,
        perPage: q,
        totalMs: full.reduce((x, y) => x + y, 0),
        note: `analyze() of each page's bytes and, back to back, the same bytes decoded with the charset analyze found (TextDecoder) and parsed by cheerio/slim load() in a thread of its own (this one waiting), order alternating, ${INTERLEAVED_PASSES} timed passes`,
        extra: { parseMedian: qp.median, parseMean: qp.mean, bytesParseMedian: qb.median, bytesParseMean: qb.mean, analyzeMedian: q.median, analyzeMean: q.mean },
      };
    }
    case 'batch-workers':
      return batch(ps, system);
    default:
      return { system, ok: false, error: `unknown system ${system}` };
  }
}

async function batch(refs: PageRef[], system: string): Promise<SystemResult> {
  // the batch needs every page's bytes in memory to feed the pool at full speed (no disk in the timed loop)
  const ps = refs.map((r) => {
    const { id, bytes, url } = r.load();
    return { id, bytes, url };
  });
  const spec = '../src/batch/pool.js';
  let Pool: (new (size: number) => { run(job: { body: Uint8Array; url?: string; input?: string }): Promise<unknown>; close(): Promise<void> }) | undefined;
  try {
    Pool = ((await import(spec)) as { AnalyzePool?: typeof Pool }).AnalyzePool;
  } catch {
    /* hook below */
  }
  if (!Pool) return { system, ok: false, error: 'src/batch/pool.ts AnalyzePool not available' };
  const workers = availableParallelism();
  const pool = new Pool(workers);
  const inFlight = workers * BATCH_IN_FLIGHT_PER_WORKER;
  let failures = 0;
  const feed = async (list: Array<Pick<BenchPage, 'id' | 'bytes' | 'url'>>): Promise<void> => {
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < list.length) {
        const p = list[next++];
        await pool.run({ body: p.bytes, url: p.url, input: p.id }).catch(() => void failures++);
      }
    };
    await Promise.all(Array.from({ length: inFlight }, lane));
  };
  try {
    await feed(ps); // warm-up: every worker compiles the rules and JITs
    failures = 0;
    const list = Array.from({ length: BATCH_REPEAT }, () => ps).flat();
    const baseRssMB = rssMB();
    const t0 = performance.now();
    await feed(list);
    const totalMs = performance.now() - t0;
    return {
      system,
      ok: true,
      pages: list.length,
      totalMs,
      pagesPerSec: (1000 * list.length) / totalMs,
      throughput: (1000 * list.length) / totalMs,
      unit: 'pages/s',
      failures,
      baseRssMB,
      peakRssMB: rssMB(),
      note: `AnalyzePool (src/batch/pool.ts), ${workers} worker threads, ${inFlight} jobs in flight, page set x${BATCH_REPEAT}`,
      extra: { workers },
    };
  } finally {
    await pool.close();
  }
}
