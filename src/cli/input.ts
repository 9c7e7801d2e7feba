// Reading one CLI input (file path, http(s) URL, or "-" for stdin) into bytes, with one-line errors.
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { cannotRead, checkInputFile, gunzipInput } from '../util/files.js';

export interface InputBytes {
  input: string;
  body: Buffer;
  url?: string;
  contentType?: string;
}

/** Largest input read from a file or stdin (a page bigger than this is not a news page). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

export interface UrlFetchOptions {
  allowPrivate?: boolean;
  userAgent?: string;
}

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

async function readStdin(): Promise<Buffer> {
  if (process.stdin.isTTY) throw new InputError('no input on stdin (pipe a page in, or give a file or URL)');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of process.stdin) {
    size += (c as Buffer).length;
    if (size > MAX_INPUT_BYTES) throw new InputError(`stdin is larger than ${MAX_INPUT_BYTES} bytes`);
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readInput(input: string, opts: UrlFetchOptions = {}): Promise<InputBytes> {
  if (input === '-') return { input, body: await readStdin() };
  if (isUrl(input)) {
    const { Fetcher } = await import('../fetch/index.js');
    const fetcher = new Fetcher({ allowPrivate: opts.allowPrivate ?? false, ...(opts.userAgent ? { userAgent: opts.userAgent } : {}) });
    try {
      const r = await fetcher.fetch(input);
      return { input, body: r.body, url: r.finalUrl, contentType: r.contentType };
    } finally {
      await fetcher.close();
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) throw new InputError(`${input}: unsupported URL scheme (http and https only)`);
  // a device or FIFO (/dev/zero) says size 0 and never ends: refused before reading, as a missing file is
  checkInputFile(input, MAX_INPUT_BYTES);
  let body: Buffer;
  try {
    body = await readFile(input);
  } catch (err) {
    throw cannotRead(input, err);
  }
  // a gzip bomb (a few MB holding GBs) stops at the same cap as a plain file
  if (input.endsWith('.gz') && body[0] === 0x1f && body[1] === 0x8b) body = gunzipInput(body, MAX_INPUT_BYTES, input);
  return { input, body };
}
