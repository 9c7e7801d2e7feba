// Output shaping shared by `scan` and `clean`: error records that name their input, --fields projection,
// --out DIR file names (one file per input), option parsing for numbers.
import { appendFileSync, realpathSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError } from '../errors.js';
import { AnalyzeResult } from '../result.js';
import { cannotWrite } from './store-options.js';
import { makeDirs } from '../util/files.js';

/** The label an input is named by in messages and records ("-" is stdin). */
export const inputLabel = (input: string) => (input === '-' ? 'stdin' : input);

/** The error's message, prefixed with the input it belongs to (once). */
export function namedMessage(input: string, err: unknown): string {
  const label = inputLabel(input);
  const msg = ((err as Error)?.message ?? String(err)).replace(/\s*\n\s*/g, ' ');
  return msg.startsWith(label) ? msg : `${label}: ${msg}`;
}

/** The NDJSON record written for an input that failed: {input, error}. */
export function errorRecord(input: string, err: unknown): string {
  const label = inputLabel(input);
  const msg = namedMessage(input, err);
  return `${JSON.stringify({ input: label, error: msg.slice(label.length + 2) || msg })}\n`;
}

/** Top-level keys of a scan result, the names --fields accepts. */
export const RESULT_FIELDS = Object.keys(AnalyzeResult.shape) as Array<keyof AnalyzeResult>;

/** "verdict,score,findings" -> the checked list; undefined when not given. */
export function parseFields(spec: string | undefined): Array<keyof AnalyzeResult> | undefined {
  if (spec === undefined) return undefined;
  const fields = spec.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = fields.filter((f) => !(RESULT_FIELDS as string[]).includes(f));
  if (fields.length === 0 || bad.length > 0) {
    throw new InputError(`--fields: unknown field ${bad.join(', ') || '(none)'}; choose from ${RESULT_FIELDS.join(', ')}`);
  }
  return fields as Array<keyof AnalyzeResult>;
}

/** The result reduced to the chosen fields, in the order given (all fields when none chosen). */
export function pick(r: AnalyzeResult, fields: Array<keyof AnalyzeResult> | undefined): Record<string, unknown> {
  if (!fields) return r;
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = r[f];
  return out;
}

/** Longest output file name stem (file systems allow 255 bytes; CJK characters take 3). */
const MAX_STEM_CHARS = 80;

/**
 * Output file names for --out DIR, one per input: the file's base name without .html/.htm/.gz, or host and path
 * of a URL; characters unsafe in file names become "_"; a name already used gets -2, -3, ...
 */
export class OutDir {
  private used = new Set<string>();
  /** the real paths of this run's input files: an output never takes one of their names (clean --format html --out .) */
  private inputs = new Set<string>();
  /** the folder with its symlinks resolved, as the inputs' real paths are */
  private readonly realDir: string;
  private errorsUnwritable = false;
  constructor(
    readonly dir: string,
    inputs: readonly string[] = [],
  ) {
    try {
      makeDirs(dir);
    } catch (err) {
      throw cannotWrite(dir, err);
    }
    this.realDir = realpathSync(dir);
    for (const i of inputs) {
      if (i === '-' || /^[a-z][a-z0-9+.-]*:\/\//i.test(i)) continue;
      try {
        this.inputs.add(realpathSync(i));
      } catch {
        /* a missing input is reported when it is read */
      }
    }
  }

  private isInput(name: string): boolean {
    return this.inputs.has(join(this.realDir, name));
  }

  name(input: string, ext: string): string {
    let stem: string;
    if (/^https?:\/\//i.test(input)) {
      const u = new URL(input);
      stem = `${u.hostname}${u.pathname === '/' ? '' : u.pathname}${u.search}`;
    } else if (input === '-') stem = 'stdin';
    else stem = basename(input).replace(/(\.html?|\.xhtml)?(\.gz)?$/i, '');
    stem = stem.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+|_+$/g, '').slice(0, MAX_STEM_CHARS) || 'page';
    let name = `${stem}.${ext}`;
    for (let i = 2; this.used.has(name) || this.isInput(name); i++) name = `${stem}-${i}.${ext}`;
    this.used.add(name);
    return join(this.dir, name);
  }

  /** The text written as the input's file, whole or not at all: a full disk leaves no cut-off file behind. */
  write(input: string, ext: string, text: string): string {
    const path = this.name(input, ext);
    const tmp = `${path}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, text);
      renameSync(tmp, path);
    } catch (err) {
      try {
        unlinkSync(tmp);
      } catch {
        /* never written */
      }
      throw cannotWrite(path, err);
    }
    return path;
  }

  /**
   * The input's error record appended to errors.ndjson in the folder. A folder that takes no file (read-only, full)
   * is named once on stderr; the run goes on with its other inputs, each failure already named on stderr.
   */
  appendError(input: string, err: unknown): void {
    if (this.errorsUnwritable) return;
    const path = join(this.dir, 'errors.ndjson');
    try {
      appendFileSync(path, errorRecord(input, err));
    } catch (e) {
      this.errorsUnwritable = true;
      process.stderr.write(`winnow: ${cannotWrite(path, e).message}\n`);
      process.exitCode = 2;
    }
  }
}

/** An integer option >= min, or a one-line error naming the option. */
export function intOption(name: string, v: string | undefined, min: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new InputError(`--${name} must be an integer >= ${min} (got ${v})`);
  return n;
}

/** A finite number option > 0, or a one-line error naming the option. */
export function positiveOption(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InputError(`--${name} must be a number > 0 (got ${v})`);
  return n;
}

/**
 * A --user-agent value, or a one-line error: an HTTP header value holds no control characters (a CR or LF would end
 * the header), so such a value would fail every fetch of the run one by one instead of once, here.
 */
export function userAgentOption(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(v) || v.trim() === '') throw new InputError('--user-agent must be one line of printable characters');
  return v;
}
