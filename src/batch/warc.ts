// Stream HTML pages out of WARC files (WARC/1.0 and 1.1, plain or gzip-per-record as Common Crawl writes them).
// Only `response` records are pages; their HTTP headers are parsed off the payload, transfer/content encodings
// are undone, and records that are not HTML (by Content-Type, then by sniffing) are skipped and counted.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { createGunzip, inflateSync, brotliDecompressSync, inflateRawSync } from 'node:zlib';
import { AsyncIterReader, WARCParser, type WARCRecord } from 'warcio';
import { InputError } from '../errors.js';
import { checkInputFile, gunzipAtMost, isOverOutputLimit, TooLargeDecompressed } from '../util/files.js';

/**
 * The largest page a batch takes, bytes: a WARC record with a larger block, or whose body decodes (Content-Encoding)
 * to more, is skipped as 'too-large', and a larger HTML file is a failed input (a news page is < 2 MB; media and dumps
 * are not pages). The same as analyze's DEFAULT_MAX_BYTES and the fetcher's body limit: every page the batch takes is
 * analysed.
 */
export const MAX_RECORD_BYTES = 10 * 1024 * 1024;
/** How many leading bytes the HTML sniff looks at when the Content-Type does not decide. */
const SNIFF_BYTES = 2048;

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml|application\/xml|text\/xml)\b/i;
/** Types that may hold HTML when servers mislabel pages: decided by sniffing. */
const SNIFF_TYPES = /^(text\/plain|application\/octet-stream|unknown\/unknown|application\/unknown)?$/i;
const HTML_SNIFF = /<(!doctype\s+html|html|head|body|meta|title|div|p|article|script|link)[\s>/]/i;

export type SkipReason = 'non-html' | 'http-status' | 'too-large' | 'empty' | 'bad-record';

/** What a WARC response record holds as a page, wherever the record was read from (a file, an HTTP range). */
export type ResponsePage = Pick<WarcPage, 'offset' | 'targetUri' | 'date' | 'status' | 'contentType' | 'etag' | 'lastModified' | 'body'>;

/**
 * Bytes of the record's block that its file did not hold: warcio reads a record cut short (the file ends inside it,
 * as when the writer was killed) to the end of the file without a word, and the page would pass as whole. 0 when
 * the block is all there. Read off warcio's block reader (pinned warcio: its LimitReader counts down what is left).
 */
export function missingBytes(record: WARCRecord): number {
  // a block not read yet (a record skipped by its headers) has all its bytes left by definition
  if (!record.consumed) return 0;
  const left = (record as unknown as { _reader?: { limit?: unknown } })._reader?.limit;
  return typeof left === 'number' && left > 0 ? left : 0;
}

/**
 * What is wrong with a record's WARC header, or null: every record names its type and its block's length (WARC 1.1,
 * sections 5.3 and 5.5), so a header without them was cut short (warcio returns what it read up to the file's end).
 */
export function headerDamage(record: WARCRecord): string | null {
  if (!record.warcType || !/^\d+$/.test((record.warcHeaders.headers.get('Content-Length') ?? '').trim())) return 'has no WARC-Type or Content-Length';
  return null;
}

/** The one-line error of a damaged WARC: `what` tells what is wrong with the record at `offset` (headerDamage, cutShort). */
export function damagedWarc(path: string, offset: number, what: string): InputError {
  return new InputError(`${path}: damaged WARC (the record at offset ${offset} ${what})`);
}

/** What is wrong with a record whose file ends inside its block, for damagedWarc. */
export function cutShort(missing: number): string {
  return `is cut short, ${missing} bytes of it missing`;
}

/** What warcio's block reader (its LimitReader, pinned warcio) holds: the bytes of the block left, and the file's reader. */
interface BlockReader {
  limit?: unknown;
  sourceIter?: { skipSize?: (n: number) => Promise<number> };
}

/**
 * Skip what is left of the record's block, and say how many of its bytes the file did not hold. warcio skips a block
 * itself before it parses the next record, but its loop (LimitReader.skipFully) never ends when the file ends inside
 * the block: a WARC cut inside a record it did not read (not a response, or skipped by its headers) hung the run.
 */
async function skipBlock(record: WARCRecord): Promise<number> {
  if (record.consumed) return missingBytes(record);
  const r = (record as unknown as { _reader?: BlockReader })._reader;
  const skipSize = r?.sourceIter?.skipSize;
  if (!r || typeof r.limit !== 'number' || typeof skipSize !== 'function') {
    // another warcio: read the block (bounded by the file's end) instead of its endless skip
    await record.readFully(false);
    return missingBytes(record);
  }
  let left = r.limit;
  while (left > 0) {
    const n = await skipSize.call(r.sourceIter, left);
    if (!(n > 0)) break;
    left -= n;
  }
  r.limit = 0;
  (record as unknown as { consumed: string }).consumed = 'skipped';
  return left;
}

/** One parsed response record → its page (HTTP body with transfer and content encodings undone), or why it is not one. */
export async function responsePage(record: WARCRecord, offset: number): Promise<{ page: ResponsePage } | { skip: SkipReason }> {
  const http = record.httpHeaders;
  if (!http) return { skip: 'bad-record' };
  if (record.warcContentLength > MAX_RECORD_BYTES) return { skip: 'too-large' };
  const status = Number(http.statusCode ?? 0);
  const contentType = http.headers.get('content-type') ?? undefined;
  const ctBase = (contentType ?? '').split(';')[0].trim();
  if (ctBase && !HTML_TYPES.test(ctBase) && !SNIFF_TYPES.test(ctBase)) return { skip: 'non-html' };
  if (status < 200 || status >= 300) return { skip: 'http-status' };
  let body: Uint8Array = await record.readFully(false);
  if ((http.headers.get('transfer-encoding') ?? '').toLowerCase().includes('chunked')) body = dechunk(body);
  // a cut record is not the page: what is there may be any part of it
  if (missingBytes(record) > 0) return { skip: 'bad-record' };
  try {
    body = decodeContent(body, http.headers.get('content-encoding'));
  } catch (err) {
    // a few KB of gzip or brotli can decode to GBs: stopped at the page limit
    if (err instanceof TooLargeDecompressed) return { skip: 'too-large' };
    throw err;
  }
  if (body.byteLength === 0) return { skip: 'empty' };
  if (!isHtmlRecord(contentType, body)) return { skip: 'non-html' };
  return {
    page: {
      offset,
      targetUri: record.warcTargetURI ?? '',
      date: record.warcDate ?? undefined,
      status,
      contentType,
      etag: http.headers.get('etag') ?? undefined,
      lastModified: http.headers.get('last-modified') ?? undefined,
      body,
    },
  };
}

export interface WarcPage {
  /** store key: warc:<file name>#<WARC-Record-ID> (or #@<offset> when the record has no id) */
  key: string;
  file: string;
  recordId: string;
  /** offset of the record in the uncompressed WARC stream */
  offset: number;
  warcVersion: string;
  targetUri: string;
  date?: string;
  status: number;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** HTTP body with transfer and content encodings undone */
  body: Uint8Array;
}

export interface WarcSkip {
  key: string;
  reason: SkipReason;
}

export type WarcItem = { kind: 'page'; page: WarcPage } | { kind: 'skip'; skip: WarcSkip };

async function isGzipFile(path: string): Promise<boolean> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    throw new InputError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await fh.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/** Undo chunked transfer encoding; returns the input when it is not well-formed chunking. */
export function dechunk(data: Uint8Array): Uint8Array {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const eol = buf.indexOf('\r\n', pos, 'latin1');
    if (eol < 0) return data;
    const size = parseInt(buf.toString('latin1', pos, eol).split(';')[0].trim(), 16);
    if (!Number.isFinite(size) || size < 0) return data;
    if (size === 0) break;
    const start = eol + 2;
    if (start + size > buf.length) {
      parts.push(buf.subarray(start));
      break;
    }
    parts.push(buf.subarray(start, start + size));
    pos = start + size + 2;
    if (pos >= buf.length) break;
  }
  return Buffer.concat(parts);
}

/**
 * Undo a Content-Encoding when the bytes really are encoded (archives often store them decoded already). The decoded
 * bytes stop at `maxBytes` (default MAX_RECORD_BYTES): past it, TooLargeDecompressed is thrown, never a decoding of
 * GBs held in memory.
 */
export function decodeContent(body: Uint8Array, encoding: string | null | undefined, maxBytes = MAX_RECORD_BYTES): Uint8Array {
  const enc = (encoding ?? '').trim().toLowerCase();
  if (!enc || enc === 'identity' || body.byteLength === 0) return body;
  const label = `a body in Content-Encoding ${enc}`;
  const limit = { maxOutputLength: maxBytes };
  try {
    if ((enc === 'gzip' || enc === 'x-gzip') && body[0] === 0x1f && body[1] === 0x8b) return gunzipAtMost(body, maxBytes, label);
    if (enc === 'deflate') {
      try {
        return inflateSync(body, limit);
      } catch (err) {
        if (isOverOutputLimit(err)) throw err;
        return inflateRawSync(body, limit);
      }
    }
    if (enc === 'br') return brotliDecompressSync(body, limit);
  } catch (err) {
    if (err instanceof TooLargeDecompressed) throw err;
    if (isOverOutputLimit(err)) throw new TooLargeDecompressed(label, maxBytes);
    /* not actually encoded: keep the bytes */
  }
  return body;
}

export function looksLikeHtml(body: Uint8Array): boolean {
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, SNIFF_BYTES)).toString('latin1');
  return HTML_SNIFF.test(head);
}

/** HTML by Content-Type; sniffed when the type is missing or generic; everything else is not a page. */
export function isHtmlRecord(contentType: string | undefined, body: Uint8Array): boolean {
  const ct = (contentType ?? '').split(';')[0].trim();
  if (HTML_TYPES.test(ct)) return ct.toLowerCase().includes('html') || looksLikeHtml(body);
  if (SNIFF_TYPES.test(ct)) return looksLikeHtml(body);
  return false;
}

/**
 * Stream the pages of one WARC file. Memory holds one record at a time; the caller pulls (backpressure).
 * `skipKey(key)` lets the caller skip records already stored (resume) without reading their bodies.
 */
export async function* readWarc(path: string, opts: { skipKey?: (key: string) => boolean | Promise<boolean> } = {}): AsyncGenerator<WarcItem | { kind: 'done-before'; key: string }> {
  // a device or FIFO (/dev/zero, or a .warc link to it) would be read forever: refused, named, before it is opened
  checkInputFile(path);
  const gz = await isGzipFile(path);
  const file = basename(path);
  const raw = createReadStream(path, { highWaterMark: 256 * 1024 });
  // Node's gunzip reads concatenated members (one per record) natively and is much faster than pako.
  const stream = gz ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (err) => stream.destroy(err));
  const reader = new AsyncIterReader(stream as unknown as AsyncIterable<Uint8Array>, null);
  const parser = new WARCParser(reader);
  let first = true;
  let prev: { record: WARCRecord; offset: number } | null = null;
  try {
    for (;;) {
      // the last record's block, skipped here rather than by warcio (see skipBlock): a file cut inside it is damaged
      if (prev) {
        const missing = await skipBlock(prev.record);
        if (missing > 0) throw damagedWarc(path, prev.offset, cutShort(missing));
      }
      let record;
      try {
        record = await parser.parse();
      } catch (err) {
        throw new InputError(`${path}: not a readable WARC file (${(err as Error).message.split('\n')[0]})`);
      }
      if (!record) break;
      const offset = parser.offset;
      prev = { record, offset };
      const version = record.warcHeaders.protocol ?? '';
      if (first) {
        first = false;
        if (!/^WARC\/1\.[01]$/.test(version)) throw new InputError(`${path}: not a WARC/1.0 or 1.1 file`);
      }
      const cut = headerDamage(record);
      if (cut) throw damagedWarc(path, offset, cut);
      if (record.warcType !== 'response') continue;
      const recordId = (record.warcHeaders.headers.get('WARC-Record-ID') ?? '').trim();
      const key = `warc:${file}#${recordId || `@${offset}`}`;
      if (await opts.skipKey?.(key)) {
        yield { kind: 'done-before', key };
        continue;
      }
      const got = await responsePage(record, offset);
      const missing = missingBytes(record);
      // the file ends inside this record: damaged as a gzip member cut short is (the records before it are kept)
      if (missing > 0) throw damagedWarc(path, offset, cutShort(missing));
      if ('skip' in got) {
        yield { kind: 'skip', skip: { key, reason: got.skip } };
        continue;
      }
      yield { kind: 'page', page: { key, file, recordId, warcVersion: version, ...got.page } };
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    // gzip cut short, read error mid-file ...: one line, naming the file
    throw new InputError(`${path}: damaged WARC (${String((err as Error)?.message ?? err).split('\n')[0]})`);
  } finally {
    raw.destroy();
    if (stream !== raw) stream.destroy();
  }
}
