// Input files, output folders and compressed bytes: one place that says why a path is no file to read (missing, a
// folder, a device or FIFO whose size says nothing about how much it yields, a link loop, unreadable, too big), one
// mkdir -p that cannot loop, and one gunzip that stops at a size instead of filling memory with a gzip bomb.
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../errors.js';

/**
 * Why `path` cannot be read as an input file, or null when it can: a regular file (a symbolic link to one counts),
 * readable, and at most `maxBytes` long when given. A device (/dev/zero), a FIFO or a socket is refused: its size is
 * 0 and reading it may never end.
 */
export function inputFileProblem(path: string, maxBytes?: number): string | null {
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return 'a loop of symbolic links';
    if (code === 'EACCES') return 'permission denied';
    if (code === 'ENAMETOOLONG') return 'file name too long';
    return 'no such file';
  }
  if (st.isDirectory()) return 'is a directory';
  if (!st.isFile()) return 'not a regular file (a device, FIFO or socket)';
  try {
    accessSync(path, constants.R_OK);
  } catch {
    return 'permission denied';
  }
  if (maxBytes !== undefined && st.size > maxBytes) return `larger than ${maxBytes} bytes`;
  return null;
}

/** inputFileProblem as a thrown InputError naming the path (exit 2). */
export function checkInputFile(path: string, maxBytes?: number): void {
  const why = inputFileProblem(path, maxBytes);
  if (why) throw new InputError(`${path}: ${why}`);
}

/** Thrown by gunzipAtMost when the decompressed bytes would pass the limit. */
export class TooLargeDecompressed extends InputError {
  constructor(
    readonly label: string,
    readonly limit: number,
  ) {
    super(`${label}: larger than ${limit} bytes once decompressed`);
    this.name = 'TooLargeDecompressed';
  }
}

/** zlib's error when the output would pass maxOutputLength (gunzip, inflate, brotli alike). */
export const isOverOutputLimit = (err: unknown): boolean => (err as NodeJS.ErrnoException)?.code === 'ERR_BUFFER_TOO_LARGE';

/** Why an I/O call failed, in a few words: its errno code, else its message. */
const errWhy = (err: unknown): string => (err as NodeJS.ErrnoException)?.code ?? (err as Error)?.message ?? String(err);

/** The InputError of a read of `path` that failed: `<path>: cannot read (EACCES)`. */
export function cannotRead(path: string, err: unknown): InputError {
  return new InputError(`${path}: cannot read (${errWhy(err)})`);
}

/**
 * gunzipSync that stops at `maxBytes` of output (zlib's maxOutputLength): a few MB of gzip can hold GBs of one
 * repeated byte. Other gzip errors (a bad header, a cut stream) are thrown as zlib throws them.
 */
export function gunzipAtMost(buf: Uint8Array, maxBytes: number, label: string): Buffer {
  try {
    return gunzipSync(buf, { maxOutputLength: maxBytes });
  } catch (err) {
    if (isOverOutputLimit(err)) throw new TooLargeDecompressed(label, maxBytes);
    throw err;
  }
}

/** gunzipAtMost for an input file: bytes that are no valid gzip are an InputError naming the file too. */
export function gunzipInput(buf: Uint8Array, maxBytes: number, label: string): Buffer {
  try {
    return gunzipAtMost(buf, maxBytes, label);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${label}: not valid gzip (${errWhy(err)})`);
  }
}

/**
 * mkdir -p, one level at a time: Node's recursive mkdirSync loops forever where mkdir answers ENOENT under a folder
 * that exists (/proc/nope); here that error is thrown like any other.
 */
export function makeDirs(dir: string): void {
  const path = resolve(dir);
  try {
    if (statSync(path).isDirectory()) return;
  } catch {
    const parent = dirname(path);
    if (parent !== path) makeDirs(parent);
    mkdirSync(path);
    return;
  }
  mkdirSync(path); // exists and is no folder: mkdir says so (EEXIST)
}
