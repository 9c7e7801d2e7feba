// The queue's WARC indexer (enqueue side): a damaged file is refused with one line before any job is queued.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { indexWarc, readJobRecords, recordPage } from '../../src/queue/warc-range.js';
import { MAX_RECORD_BYTES } from '../../src/batch/warc.js';
import { warcFile } from '../helpers/warcgen.js';
import { realPages } from '../batch/data.js';

const dir = mkdtempSync(join(tmpdir(), 'winnow-warc-range-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pages = realPages(2);

async function index(path: string): Promise<Array<[number, number]>> {
  const out: Array<[number, number]> = [];
  for await (const r of indexWarc(path)) out.push(r);
  return out;
}

describe('indexWarc', () => {
  const whole = warcFile(pages.map((p, i) => ({ url: `https://news.example.com/${i}`, body: p.body })));

  it('gives each response record its offset and length', async () => {
    const path = join(dir, 'whole.warc');
    writeFileSync(path, whole);
    const recs = await index(path);
    expect(recs).toHaveLength(2);
    expect(recs[0][0]).toBe(0);
    // each record's length is its header and block; the two CRLFs after the block are between records
    expect(recs[1][0]).toBe(recs[0][1] + 4);
    expect(recs[1][0] + recs[1][1] + 4).toBe(whole.length);
  });

  it('a file that ends inside a record, or inside a record header, is damaged', async () => {
    const cut = join(dir, 'cut.warc');
    writeFileSync(cut, whole.subarray(0, whole.length - 500));
    await expect(index(cut)).rejects.toThrow(/cut\.warc: damaged WARC \(the record at offset \d+ is cut short, 496 bytes of it missing\)/);
    const header = join(dir, 'header.warc');
    writeFileSync(header, Buffer.concat([whole, Buffer.from('WARC/1.0\r\nWARC-Type: response\r\n')]));
    await expect(index(header)).rejects.toThrow(/header\.warc: damaged WARC \(the record at offset \d+ has no WARC-Type or Content-Length\)/);
  });

  it('a record bigger than the page limit (a video in a crawl) is indexed; it reads back as too large and the records around it as pages', async () => {
    for (const gzip of [false, true]) {
      const big = { url: 'https://news.example.com/clip.mp4', body: Buffer.alloc(MAX_RECORD_BYTES + 4096, 7), httpHeaders: { 'Content-Type': 'video/mp4' } };
      const file = warcFile([{ url: 'https://news.example.com/a', body: pages[0].body }, big, { url: 'https://news.example.com/b', body: pages[1].body }], { gzip });
      const path = join(dir, `big${gzip ? '.warc.gz' : '.warc'}`);
      writeFileSync(path, file);
      const recs = await index(path);
      expect(recs).toHaveLength(3);
      const back = await readJobRecords(path, recs);
      const got = await Promise.all(back.map((r) => recordPage(r.bytes, r.offset)));
      expect('skip' in got[1] && got[1].skip).toBe('too-large');
      for (const k of [0, 2]) {
        const g = got[k];
        expect('page' in g && g.page.targetUri).toBe(`https://news.example.com/${k === 0 ? 'a' : 'b'}`);
      }
    }
  });

  it('a WARC path that is a device or a link to one is refused by name, not read forever', async () => {
    const link = join(dir, 'zero.warc');
    symlinkSync('/dev/zero', link);
    await expect(index(link)).rejects.toThrow(`${link}: not a regular file (a device, FIFO or socket)`);
  });
});
