// The library entry point: bytes or HTML in, AnalyzeResult out. Pure: no network, no disk except the
// rules and model files, loaded once.
import { WINNOW_VERSION } from './util/version.js';
import { HAN_CLASS } from './util/chars.js';
import { decode, buildPage } from './page/index.js';
import { detect, mainTextLang } from './detect/index.js';
import { clean } from './clean/index.js';
import { loadRules, type CompiledRules } from './detect/rules/index.js';
import { loadModel, type Model } from './detect/model.js';
import { addWords, foldScope } from './text/index.js';
import { detectLang } from './text/index.js';
import { AnalyzeResult } from './result.js';
import { z } from 'zod';
import { badUrl } from './util/url.js';
import { InputError } from './errors.js';
import { startBudget, BudgetExceeded, type Budget } from './budget.js';
export { AnalyzeResult } from './result.js';

export { WINNOW_VERSION };

/** Share of C0 control bytes (other than tab/newline/CR/FF/ESC) above which input is treated as binary. */
const BINARY_CONTROL_SHARE = 0.02;
/** How many leading bytes the binary / HTML checks look at. */
const SNIFF_BYTES = 4096;
/**
 * Time one page may take (parse, text, detection). Real pages take ~10 ms (the slowest shared page ~300 ms on
 * a 2-core machine); 2 s leaves a wide margin for slow machines while one hostile page cannot stall a batch.
 */
export const DEFAULT_BUDGET_MS = 2000;
/**
 * Largest page analysed, in bytes (UTF-16 code units for string input): the fetch and WARC record limits
 * (10 MiB), so every page the edges accept is analysed and nothing bigger reaches the parser.
 */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface AnalyzeOptions {
  url?: string;
  /** Content-Type header when the bytes came over HTTP */
  contentType?: string;
  /** a label for the input (file name, URL), echoed as result.input */
  input?: string;
  rules?: CompiledRules;
  /** classifier model; default: corpus/model/model.json (null = rules and structure only) */
  model?: Model | null;
  /** time the page may take, in ms (default DEFAULT_BUDGET_MS; Infinity: no limit); past it: status 'over-budget' */
  budgetMs?: number;
  /** largest input analysed, in bytes (default DEFAULT_MAX_BYTES); bigger: status 'over-budget' without parsing */
  maxBytes?: number;
  /** points a unit needs to be a finding (default REQUIRED_POINTS in src/detect/scoring.ts) */
  threshold?: number;
}

/** A positive number of ms or bytes, or Infinity (no limit); NaN, 0 and negatives would turn a limit off or on for every page. */
const LIMIT = z.union([z.number().positive(), z.literal(Infinity)]);
/**
 * The options as the library's callers pass them, checked at the boundary: a NaN or string threshold made every
 * page clean without a word, a NaN budget turned the budget off. rules and model are objects the package builds
 * (loadRules, loadModel), checked by kind only.
 */
const AnalyzeOptionsSchema = z.object({
  // the page's own address, read for its site (links to it are the site's own): an http(s) URL, or nothing ('' too:
  // a WARC record without a target URI)
  url: z.string().refine((u) => u === '' || badUrl(u) === null).optional(),
  contentType: z.string().optional(),
  input: z.string().optional(),
  rules: z.object({ rules: z.array(z.unknown()) }).loose().optional(),
  model: z.object({ unit: z.unknown(), token: z.unknown() }).loose().nullable().optional(),
  budgetMs: LIMIT.optional(),
  maxBytes: LIMIT.optional(),
  threshold: z.number().positive().optional(),
});

/** The input and options of analyze() as their types say, or one InputError naming the first that is not. */
function checkCall(input: unknown, opts: unknown): void {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new InputError(`analyze: input must be a string or bytes (Buffer or Uint8Array), not ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input === 'object' ? (input.constructor?.name ?? 'an object') : typeof input}`);
  }
  if (opts === null || typeof opts !== 'object') throw new InputError(`analyze: options must be an object, not ${opts === null ? 'null' : typeof opts}`);
  const r = AnalyzeOptionsSchema.safeParse(opts);
  if (!r.success) {
    const key = String(r.error.issues[0].path[0]);
    const value = (opts as Record<string, unknown>)[key];
    const got = typeof value === 'number' ? String(value) : typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : typeof value;
    throw new InputError(`analyze: option ${key} must be ${OPTION_EXPECTS[key] ?? r.error.issues[0].message} (got ${got})`);
  }
}

/** What each option must be, as the one-line error says it. */
const OPTION_EXPECTS: Record<string, string> = {
  url: 'an absolute http(s) URL',
  contentType: 'a string',
  input: 'a string',
  rules: 'a rule set from loadRules()',
  model: 'a model from loadModel(), or null',
  budgetMs: 'a number of ms > 0, or Infinity for no limit',
  maxBytes: 'a number of bytes > 0, or Infinity for no limit',
  threshold: 'a finite number > 0',
};

let defaultRules: CompiledRules | undefined;
const HAN_TERM_RE = new RegExp(`[${HAN_CLASS}]`, 'u');
const segmenterFed = new WeakSet<CompiledRules>();
/**
 * The rules' Han lexicon terms into the segmenter's dictionary, once per rule set: rule terms segment whole (股票配资
 * stays one word), so spans cut on word edges. Training calls it too: the token head's words must be cut as they
 * are when the model runs, whether or not a page was analysed first.
 */
export function feedSegmenter(rules: CompiledRules): void {
  if (segmenterFed.has(rules)) return;
  addWords(rules.rules.flatMap((r) => (r.kind === 'lexicon' ? r.terms.filter((t) => HAN_TERM_RE.test(t)) : [])));
  segmenterFed.add(rules);
}

function rulesFor(opts: AnalyzeOptions): CompiledRules {
  const rules = opts.rules ?? (defaultRules ??= loadRules());
  feedSegmenter(rules);
  return rules;
}

const MARKUP_RE = /<\s*[a-z!?]/i;
const hasUtf16Bom = (b: Uint8Array) => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/** Reject bytes that cannot be a page (empty, gzip, binary) with a one-line reason (InputError). */
function checkBytes(input: string | Uint8Array): void {
  const len = typeof input === 'string' ? input.length : input.byteLength;
  if (len === 0) throw new InputError('empty input');
  if (typeof input === 'string' || hasUtf16Bom(input)) return; // UTF-16 text is full of NUL bytes, not binary
  const head = input.subarray(0, SNIFF_BYTES);
  if (head[0] === 0x1f && head[1] === 0x8b) throw new InputError('input is gzip-compressed; decompress it first');
  let ctrl = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) ctrl++;
  }
  if (ctrl / head.length > BINARY_CONTROL_SHARE) throw new InputError('input is binary, not HTML');
}

/** Decoded text with no markup at all is not an HTML page. */
function checkMarkup(html: string): void {
  if (!MARKUP_RE.test(html.slice(0, SNIFF_BYTES)) && !MARKUP_RE.test(html)) throw new InputError('input is not HTML (no markup found)');
}

/** Reject what is not an HTML page with a one-line reason (InputError). */
export function checkInput(input: string | Uint8Array): void {
  checkBytes(input);
  checkMarkup(typeof input === 'string' ? input : decode(Buffer.from(input)).html);
}

/** The result of a page that used up its budget: no findings, the reason in `overBudget`. */
function overBudgetResult(opts: AnalyzeOptions, rules: CompiledRules, model: Model | null, overBudget: NonNullable<AnalyzeResult['overBudget']>, encoding = ''): AnalyzeResult {
  return {
    input: opts.input,
    url: opts.url,
    status: 'over-budget',
    overBudget,
    verdict: 'clean',
    score: 0,
    lang: 'und',
    encoding,
    title: '',
    cleanTitle: '',
    cleanText: '',
    cleanHtml: '',
    siteName: '',
    findings: [],
    text: '',
    version: { winnow: WINNOW_VERSION, rules: rules.version, model: model?.version ?? 'none' },
  };
}

/**
 * Analyse one page. Bad input throws InputError; a page bigger than `maxBytes`, or one that takes longer than
 * `budgetMs`, returns status 'over-budget' with no findings (never a hang).
 */
export function analyze(input: string | Uint8Array, opts: AnalyzeOptions = {}): AnalyzeResult {
  checkCall(input, opts);
  checkBytes(input);
  const rules = rulesFor(opts);
  // loaded once per thread, before the clock starts: a page's budget is for the page's own work (the segmenter is
  // built on the first Chinese text, outside every budget: see text/segment.ts)
  const model = opts.model === undefined ? loadModel() : opts.model;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxBytes) {
    return overBudgetResult(opts, rules, model, { limit: 'size', stage: 'input', message: `page of ${size} bytes is over the ${maxBytes}-byte limit` });
  }
  const budget = startBudget(opts.budgetMs ?? DEFAULT_BUDGET_MS);
  let encoding = '';
  try {
    return run(input, opts, rules, model, budget, (e) => (encoding = e));
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
    return overBudgetResult(opts, rules, model, { limit: 'time', stage: e.stage, message: e.message }, encoding);
  }
}

function run(input: string | Uint8Array, opts: AnalyzeOptions, rules: CompiledRules, model: Model | null, budget: Budget, onEncoding: (e: string) => void): AnalyzeResult {
  // the bytes as given: decode reads any Uint8Array (Buffer.from would copy them)
  const { html, encoding } = decode(input, { contentType: opts.contentType });
  onEncoding(encoding);
  checkMarkup(html);
  budget.checkNow('decode');
  const page = buildPage(html, { url: opts.url, encoding, budget });
  budget.checkNow('page');
  // the rules and the classifier fold the same blocks: once per page
  const findings = foldScope(() => detect(page, { rules, model, budget, threshold: opts.threshold }));
  budget.checkNow('detect');
  const cleaned = clean(page, findings);
  const score = findings.reduce((m, f) => Math.max(m, f.score), 0);
  return {
    input: opts.input,
    url: opts.url,
    status: 'ok',
    verdict: findings.length > 0 ? 'contaminated' : 'clean',
    score,
    // the detect stage asked the same of the same text when the main text was long enough to tell (else undefined)
    lang: mainTextLang(page) ?? detectLang(page.mainIds.map((id) => page.blocks[id].text).join('\n') || page.title),
    encoding,
    title: page.title,
    ...cleaned,
    siteName: page.siteName,
    findings,
    text: page.text,
    version: { winnow: WINNOW_VERSION, rules: rules.version, model: model?.version ?? 'none' },
  };
}
