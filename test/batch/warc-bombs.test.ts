// Decompression bombs in WARC records: a record whose body (Content-Encoding gzip, deflate, br) or whose gzip member
// (read by HTTP range or offset, src/queue/warc-range.ts) decodes past the batch's page limit is skipped as
// 'too-large' after at most that many bytes, never decoded whole; the records beside it are scanned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { runBatch } from '../../src/batch/index.js';
import { MAX_RECORD_BYTES, readWarc } from '../../src/batch/warc.js';
import { recordPage } from '../../src/queue/warc-range.js';
import { warcFile, warcRecord } from '../helpers/warcgen.js';
import { realPages, lineSink } from './data.js';

/** Bytes a bomb decodes to: a hundred times the page limit, held whole by any decoder without an output cap. */
const BOMB_BYTES = 1024 * 1024 * 1024;
const MIB = 1024 * 1024;

let dir: string;
const [page, page2] = realPages(2);

/** gzip of `total` zero bytes as concatenated 1 MiB members (about 1 KB each): GBs from about a MB, made in ms. */
function gzipZeros(total: number): Buffer {
  const member = gzipSync(Buffer.alloc(MIB));
  return Buffer.concat(Array.from({ length: total / MIB }, () => member));
}

const sink = lineSink;

/** Heap and buffers the process holds now, bytes. */
const held = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'winnow-warc-bombs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Content-Encoding bombs in a WARC (scan --db crawl.warc)', () => {
  it('gzip, deflate and br bodies decoding past the page limit are skipped as too-large; the pages beside them are stored', async () => {
    // deflate and br of zeros are made from the limit plus a MiB (their compressors take the whole input)
    const over = Buffer.alloc(MAX_RECORD_BYTES + MIB);
    const html = { 'Content-Type': 'text/html; charset=utf-8' };
    const warc = join(dir, 'bombs.warc.gz');
    writeFileSync(
      warc,
      warcFile(
        [
          { url: 'https://news.example.com/1', body: page.body },
          { url: 'https://bomb.example.com/gzip', httpHeaders: { ...html, 'Content-Encoding': 'gzip' }, body: gzipZeros(BOMB_BYTES) },
          { url: 'https://bomb.example.com/deflate', httpHeaders: { ...html, 'Content-Encoding': 'deflate' }, body: deflateSync(over) },
          { url: 'https://bomb.example.com/br', httpHeaders: { ...html, 'Content-Encoding': 'br' }, body: brotliCompressSync(over) },
          // a page under the limit, gzip-encoded: decoded as before
          { url: 'https://news.example.com/2', httpHeaders: { ...html, 'Content-Encoding': 'gzip' }, body: gzipSync(page2.body) },
        ],
        { gzip: true },
      ),
    );
    const errs = sink();
    const out = sink();
    const before = held();
    const s = await runBatch({ inputs: [warc], db: join(dir, 'bombs.db'), workers: 0, out: out.w, err: errs.w, progress: false });
    expect(s.skipped['too-large']).toBe(3);
    expect(s.scanned).toBe(2);
    expect(s.failed).toBe(0);
    expect(errs.lines).toEqual([]);
    expect(out.lines.map((l) => (JSON.parse(l) as { url: string }).url).sort()).toEqual(['https://news.example.com/1', 'https://news.example.com/2']);
    // the gigabyte was never held: what the run left behind is far below it
    expect(held() - before).toBeLessThan(BOMB_BYTES / 4);
  }, 60_000);

  it('a body decoding to exactly the limit is still a page', async () => {
    const body = Buffer.concat([page.body, Buffer.alloc(MAX_RECORD_BYTES - page.body.length, 0x20)]);
    const warc = join(dir, 'at-limit.warc');
    writeFileSync(warc, warcFile([{ url: 'https://news.example.com/at-limit', httpHeaders: { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }, body: gzipSync(body) }]));
    const kinds: string[] = [];
    for await (const it of readWarc(warc)) kinds.push(it.kind === 'page' ? `page ${it.page.body.byteLength}` : it.kind);
    expect(kinds).toEqual([`page ${MAX_RECORD_BYTES}`]);
  }, 30_000);
});

describe('a gzip member read by offset (recordPage, the queue worker)', () => {
  it('a member decompressing to a gigabyte is skipped as too-large; a real member is a page', async () => {
    // one record whose block is a gigabyte of zeros after its HTTP head, all one gzip stream
    const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${BOMB_BYTES}\r\n\r\n`;
    const warcHead = [
      'WARC/1.0',
      'WARC-Type: response',
      'WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-0000000000bb>',
      'WARC-Date: 2024-01-01T00:00:00Z',
      'WARC-Target-URI: https://bomb.example.com/member',
      'Content-Type: application/http; msgtype=response',
      `Content-Length: ${http.length + BOMB_BYTES}`,
    ].join('\r\n');
    const bomb = Buffer.concat([gzipSync(Buffer.from(`${warcHead}\r\n\r\n${http}`, 'latin1')), gzipZeros(BOMB_BYTES)]);
    const file = join(dir, 'member.warc.gz');
    const good = gzipSync(warcRecord({ url: 'https://news.example.com/member', body: page.body }));
    writeFileSync(file, Buffer.concat([bomb, good]));
    const bytes = readFileSync(file);

    const before = held();
    expect(await recordPage(bytes.subarray(0, bomb.length), 0)).toEqual({ skip: 'too-large' });
    expect(held() - before).toBeLessThan(BOMB_BYTES / 4);

    const got = await recordPage(bytes.subarray(bomb.length), bomb.length);
    expect('page' in got && got.page.targetUri).toBe('https://news.example.com/member');
    expect('page' in got && Buffer.from(got.page.body).equals(page.body)).toBe(true);
  }, 60_000);
});
