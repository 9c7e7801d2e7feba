// The library entry point: bytes or HTML in, AnalyzeResult out. Pure: no network, no disk except the
// rules and model files, loaded once.
import { createRequire } from 'node:module';
import { decode, buildPage } from './page/index.js';
import { detect } from './detect/index.js';
import { clean } from './clean/index.js';
import { loadRules, type CompiledRules } from './detect/rules/index.js';
import { loadModel, type Model } from './detect/model.js';
import { addWords } from './text/index.js';
import { detectLang } from './text/index.js';
import { AnalyzeResult } from './result.js';
import { InputError } from './errors.js';
export { AnalyzeResult } from './result.js';

const require = createRequire(import.meta.url);
export const WINNOW_VERSION: string = (require('../package.json') as { version: string }).version;

/** Share of C0 control bytes (other than tab/newline/CR/FF/ESC) above which input is treated as binary. */
const BINARY_CONTROL_SHARE = 0.02;
/** How many leading bytes the binary / HTML checks look at. */
const SNIFF_BYTES = 4096;

export interface AnalyzeOptions {
  url?: string;
  /** Content-Type header when the bytes came over HTTP */
  contentType?: string;
  /** a label for the input (file name, URL), echoed as result.input */
  input?: string;
  rules?: CompiledRules;
  /** classifier model; default: corpus/model/model.json (null = rules and structure only) */
  model?: Model | null;
  /** points a unit needs to be a finding (default REQUIRED_POINTS in src/detect/scoring.ts) */
  threshold?: number;
}

let defaultRules: CompiledRules | undefined;
const segmenterFed = new WeakSet<CompiledRules>();
function rulesFor(opts: AnalyzeOptions): CompiledRules {
  const rules = opts.rules ?? (defaultRules ??= loadRules());
  if (!segmenterFed.has(rules)) {
    // rule terms segment whole (股票配资 stays one word), so spans cut on word edges
    const words = rules.rules.flatMap((r) => (r.kind === 'lexicon' ? r.terms.filter((t) => /[\u3400-\u9fff]/.test(t)) : []));
    addWords(words);
    segmenterFed.add(rules);
  }
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
  for (const b of head) if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) ctrl++;
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

export function analyze(input: string | Uint8Array, opts: AnalyzeOptions = {}): AnalyzeResult {
  checkBytes(input);
  const rules = rulesFor(opts);
  const { html, encoding } = decode(typeof input === 'string' ? input : Buffer.from(input), { contentType: opts.contentType });
  checkMarkup(html);
  const page = buildPage(html, { url: opts.url, encoding });
  const model = opts.model === undefined ? loadModel() : opts.model;
  const findings = detect(page, { rules, model, threshold: opts.threshold });
  const cleaned = clean(page, findings);
  const score = findings.reduce((m, f) => Math.max(m, f.score), 0);
  const mainText = page.mainIds.map((id) => page.blocks[id].text).join('\n');
  return {
    input: opts.input,
    url: opts.url,
    verdict: findings.length > 0 ? 'contaminated' : 'clean',
    score,
    lang: detectLang(mainText || page.title),
    encoding,
    title: page.title,
    ...cleaned,
    siteName: page.siteName,
    findings,
    text: page.text,
    version: { winnow: WINNOW_VERSION, rules: rules.version, model: model?.version ?? 'none' },
  };
}
