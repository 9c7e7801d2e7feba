// Index a WARC's response records (offset and length as stored: gzip members for .warc.gz), and read a job's
// records back by those offsets: from a local file with positioned reads, or from an http(s) WARC with one
// HTTP range request per job (its records lie in one span of the file).
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { AsyncIterReader, WARCParser, type WARCRecord } from 'warcio';
import { InputError } from '../errors.js';
import { cutShort, damagedWarc, headerDamage, missingBytes, responsePage, MAX_RECORD_BYTES, type ResponsePage, type SkipReason } from '../batch/warc.js';
import { checkInputFile, gunzipAtMost, TooLargeDecompressed } from '../util/files.js';

const isHttp = (s: string) => /^https?:\/\//i.test(s);
/** Time allowed for one range request of a job (a few MB). */
const RANGE_TIMEOUT_MS = 60_000;

export function warcFileName(source: string): string {
  return isHttp(source) ? basename(new URL(source).pathname) || 'warc' : basename(source);
}

async function openSource(source: string): Promise<{ stream: AsyncIterable<Uint8Array>; gz: boolean }> {
  if (!isHttp(source)) {
    // a device or FIFO named as a WARC (a link to /dev/zero) would be read forever
    checkInputFile(source);
    const head = await readSpan(source, 0, 2).catch(() => Buffer.alloc(0));
    return { stream: createReadStream(source), gz: head[0] === 0x1f && head[1] === 0x8b };
  }
  const res = await request(source, { method: 'GET', headersTimeout: RANGE_TIMEOUT_MS, bodyTimeout: RANGE_TIMEOUT_MS });
  if (res.statusCode !== 200) {
    await res.body.dump();
    throw new InputError(`${source}: HTTP ${res.statusCode}`);
  }
  return { stream: res.body, gz: /\.gz$/i.test(new URL(source).pathname) };
}

/**
 * Read a record's raw block to its end and drop it: the path of record.readFully(false) (the same reader, so the same
 * offsets and the same missingBytes afterwards) without holding the block in memory.
 */
async function drainBlock(record: WARCRecord): Promise<void> {
  for await (const chunk of record.reader) void chunk;
  (record as unknown as { consumed: string }).consumed = 'raw';
}

/** [offset, length] of every response record, in file order (the WARC is read once, streaming). */
export async function* indexWarc(source: string): AsyncGenerator<[number, number]> {
  const { stream, gz } = await openSource(source);
  const parser = new WARCParser(new AsyncIterReader(stream, gz ? 'gzip' : null));
  let first = true;
  try {
    for (;;) {
      const record = await parser.parse();
      if (!record) break;
      // the version is checked on the first record only (as src/batch/warc.ts does): warcio's gzip reader can
      // shift the protocol text of later records though their offsets and contents are right
      if (first && !/^WARC\/1\.[01]$/.test(record.warcHeaders.protocol ?? '')) throw new Error('not a WARC/1.0 or 1.1 file');
      first = false;
      const cut = headerDamage(record);
      if (cut) throw damagedWarc(source, parser.offset, cut);
      const isResponse = record.warcType === 'response';
      // read, not skipFully(): with the gzip reader skipFully loses the member boundary and the next offsets (and
      // warcio's skip never ends when the file ends inside the block); read as readFully does, chunk by chunk, but
      // nothing kept: only the offsets are wanted here, and a WARC's video or archive record can be GBs
      await drainBlock(record);
      const missing = missingBytes(record);
      if (missing > 0) throw damagedWarc(source, parser.offset, cutShort(missing));
      if (isResponse) yield [parser.offset, parser.recordLength];
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${source}: not a readable WARC file (${String((err as Error)?.message ?? err).split('\n')[0]})`);
  }
}

/** The bytes [start, end) of the source: a positioned read, or an HTTP range request. */
export async function readSpan(source: string, start: number, end: number): Promise<Buffer> {
  if (!isHttp(source)) {
    const fh = await open(source, 'r');
    try {
      const buf = Buffer.alloc(end - start);
      const { bytesRead } = await fh.read(buf, 0, buf.length, start);
      if (bytesRead !== buf.length) throw new InputError(`${source}: shorter than its index (changed since it was enqueued?)`);
      return buf;
    } finally {
      await fh.close();
    }
  }
  const res = await request(source, {
    method: 'GET',
    headers: { range: `bytes=${start}-${end - 1}` },
    headersTimeout: RANGE_TIMEOUT_MS,
    bodyTimeout: RANGE_TIMEOUT_MS,
  });
  if (res.statusCode !== 206) {
    await res.body.dump();
    throw new Error(`${source}: range request answered HTTP ${res.statusCode} (the server must support Range)`);
  }
  const buf = Buffer.from(await res.body.arrayBuffer());
  if (buf.length !== end - start) throw new Error(`${source}: range request returned ${buf.length} of ${end - start} bytes`);
  return buf;
}

/** A page read by range: a WarcPage without the fields that name where the record was found. */
export type RangePage = ResponsePage;

/**
 * Room for a record's WARC header lines above its block, bytes: Common Crawl's are under 1 KB; a record whose member
 * decompresses past the page limit plus this has a block over the page limit, skipped as 'too-large' by responsePage
 * anyway.
 */
const WARC_HEADER_ROOM = 64 * 1024;

/** One record's bytes (one gzip member, or plain) → its page, or why it is not one. */
export async function recordPage(bytes: Buffer, offset: number): Promise<{ page: RangePage } | { skip: SkipReason }> {
  let plain: Buffer;
  try {
    // a gzip member of a few MB can hold GBs: decompressed no further than the largest record a page comes from
    plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipAtMost(bytes, MAX_RECORD_BYTES + WARC_HEADER_ROOM, `record at offset ${offset}`) : bytes;
  } catch (err) {
    return { skip: err instanceof TooLargeDecompressed ? 'too-large' : 'bad-record' };
  }
  const parser = new WARCParser(new AsyncIterReader(Readable.from([plain]) as unknown as AsyncIterable<Uint8Array>, null));
  const record = await parser.parse().catch(() => null);
  if (!record || record.warcType !== 'response') return { skip: 'bad-record' };
  return responsePage(record, offset);
}

/** The records of one job, read with one span read and split by their offsets. */
export async function readJobRecords(source: string, records: Array<[number, number]>): Promise<Array<{ offset: number; bytes: Buffer }>> {
  const start = records[0][0];
  const last = records[records.length - 1];
  const span = await readSpan(source, start, last[0] + last[1]);
  return records.map(([o, l]) => ({ offset: o, bytes: span.subarray(o - start, o - start + l) }));
}
