import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';
import { readWarc, dechunk } from '../../src/batch/warc.js';
import { warcFile, type WarcRecordSpec } from '../helpers/warcgen.js';
import { runBatch } from '../../src/batch/index.js';
import { analyze } from '../../src/analyze.js';
import { openSqliteStore } from '../../src/store/index.js';
import { InputError } from '../../src/errors.js';
import { realPages, gbkPage, lineSink } from './data.js';

let dir: string;
let warcPath: string;
const pages = realPages(4);
const gbk = gbkPage();

function chunked(buf: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += 4000) {
    const c = buf.subarray(i, i + 4000);
    parts.push(Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

async function warcioRecord(url: string, body: Buffer): Promise<Buffer> {
  // a record written by warcio itself (WARC/1.1, gzip member) to check we read what the reference library writes
  const rec = WARCRecord.create(
    { url, type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' } },
    (async function* () {
      yield new Uint8Array(body);
    })(),
  );
  return Buffer.from(await WARCSerializer.serialize(rec, { gzip: true }));
}

const SPECS: WarcRecordSpec[] = [
  { type: 'warcinfo', body: 'software: winnow-test\r\nformat: WARC File Format 1.0\r\n' },
  { type: 'request', url: 'https://news.example.com/a', body: 'GET /a HTTP/1.1\r\nHost: news.example.com\r\n\r\n' },
  { url: 'https://news.example.com/a', recordId: '<urn:uuid:00000000-0000-4000-8000-00000000000a>', body: pages[0].body },
  // GBK page (charset only in its <meta>, not in the header), Content-Encoding gzip + chunked as sent on the wire (WARC/1.1)
  {
    version: '1.1',
    url: 'https://zh.example.cn/news/1.html',
    httpHeaders: { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip', 'Transfer-Encoding': 'chunked' },
    body: chunked(gzipSync(gbk.body)),
  },
  // no Content-Type at all: sniffed as HTML
  { url: 'https://news.example.com/c', httpHeaders: {}, body: pages[2].body },
  // not pages: an image, a JSON API answer, a redirect, a text/plain file that is not HTML
  { url: 'https://news.example.com/logo.png', httpHeaders: { 'Content-Type': 'image/png' }, body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) },
  { url: 'https://news.example.com/api', httpHeaders: { 'Content-Type': 'application/json' }, body: '{"a":1}' },
  { url: 'https://news.example.com/old', statusLine: 'HTTP/1.1 301 Moved Permanently', httpHeaders: { Location: '/a', 'Content-Type': 'text/html' }, body: '<a href="/a">moved</a>' },
  { url: 'https://news.example.com/robots.txt', httpHeaders: { 'Content-Type': 'text/plain' }, body: 'User-agent: *\nDisallow:\n' },
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'winnow-warc-'));
  warcPath = join(dir, 'crawl.warc.gz');
  writeFileSync(warcPath, Buffer.concat([warcFile(SPECS, { gzip: true }), await warcioRecord('https://news.example.com/d', pages[3].body)]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sink = lineSink;

describe('readWarc', () => {
  it('yields the HTML responses with decoded bodies and counts the rest', async () => {
    const got: Array<{ uri: string; body: Buffer; version: string }> = [];
    const skips: string[] = [];
    for await (const it of readWarc(warcPath)) {
      if (it.kind === 'page') got.push({ uri: it.page.targetUri, body: Buffer.from(it.page.body), version: it.page.warcVersion });
      else if (it.kind === 'skip') skips.push(it.skip.reason);
    }
    expect(got.map((g) => g.uri)).toEqual([
      'https://news.example.com/a',
      'https://zh.example.cn/news/1.html',
      'https://news.example.com/c',
      'https://news.example.com/d',
    ]);
    // bodies come back byte for byte (chunking and gzip undone)
    expect(got[0].body.equals(pages[0].body)).toBe(true);
    expect(got[1].body.equals(gbk.body)).toBe(true);
    expect(got[3].body.equals(pages[3].body)).toBe(true);
    expect(got[1].version).toBe('WARC/1.1');
    expect(got[3].version).toBe('WARC/1.1');
    expect(skips.sort()).toEqual(['http-status', 'non-html', 'non-html', 'non-html']);
  });

  it('reads an uncompressed WARC the same way', async () => {
    const p = join(dir, 'plain.warc');
    writeFileSync(p, warcFile(SPECS));
    let n = 0;
    for await (const it of readWarc(p)) if (it.kind === 'page') n++;
    expect(n).toBe(3);
  });

  it('rejects a file that is not a WARC with one line', async () => {
    const p = join(dir, 'notes.warc');
    writeFileSync(p, 'hello, this is not a warc file\nsecond line\n');
    let err: unknown;
    try {
      for await (const _ of readWarc(p)) void _;
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).not.toContain('\n');
  });

  it('dechunks chunked bodies and leaves malformed ones alone', () => {
    expect(Buffer.from(dechunk(Buffer.from('3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n'))).toString()).toBe('abcde');
    const raw = Buffer.from('<html>not chunked</html>');
    expect(dechunk(raw)).toBe(raw);
  });
});

describe('runBatch over a WARC', () => {
  it('scans the HTML records into the store, and a second run skips them all', async () => {
    const db = join(dir, 'w.db');
    const a = sink();
    const s1 = await runBatch({ inputs: [warcPath], db, workers: 0, out: a.w, err: sink().w });
    expect(s1.failed).toBe(0);
    expect(s1.scanned).toBe(4);
    expect(s1.skipped['non-html']).toBe(3);
    expect(s1.skipped['http-status']).toBe(1);
    expect(a.lines).toHaveLength(4);
    const results = a.lines.map((l) => JSON.parse(l) as { input: string; url: string; title: string; lang: string });
    expect(results.map((r) => r.url).sort()).toEqual([
      'https://news.example.com/a', 'https://news.example.com/c', 'https://news.example.com/d', 'https://zh.example.cn/news/1.html',
    ]);
    // the GBK page decoded to Chinese text (no charset in the header; the page stage reads the bytes)
    expect(results.find((r) => r.url.includes('zh.example.cn'))!.lang).toBe('zh');

    const store = await openSqliteStore(db);
    const rows = store.db.prepare('SELECT url, final_url AS finalUrl, domain, source FROM pages ORDER BY final_url').all() as Array<Record<string, string>>;
    expect(rows.map((r) => r.domain)).toEqual(['news.example.com', 'news.example.com', 'news.example.com', 'zh.example.cn']);
    expect(rows[0].url).toBe('warc:crawl.warc.gz#<urn:uuid:00000000-0000-4000-8000-00000000000a>');
    expect(store.db.prepare('SELECT count(*) FROM scans').pluck().get()).toBe(4);
    await store.close();

    const b = sink();
    const s2 = await runBatch({ inputs: [warcPath], db, workers: 0, out: b.w, err: sink().w });
    expect(s2.scanned).toBe(0);
    expect(s2.skippedDone).toBe(4);
    expect(b.lines).toHaveLength(0);
    const again = await openSqliteStore(db);
    expect(again.db.prepare('SELECT count(*) FROM scans').pluck().get()).toBe(4);
    await again.close();
  });

  it('a record whose target URI is no http(s) URL is analysed without one, not failed', async () => {
    // analyze() takes only an http(s) URL as the page's address; a crawler's odd target URIs (urn:, dns:, a blank
    // in the host) leave the page without one, as a file is
    const odd = join(dir, 'odd-uris.warc');
    writeFileSync(odd, warcFile([
      { url: 'urn:x-crawl:page-1', body: pages[0].body },
      { url: 'http://bad host.example/p', body: pages[1].body },
    ]));
    const out = sink();
    const errs = sink();
    const s = await runBatch({ inputs: [odd], db: join(dir, 'odd.db'), workers: 0, out: out.w, err: errs.w });
    expect(errs.lines).toEqual([]);
    expect(s.failed).toBe(0);
    expect(s.scanned).toBe(2);
    // each page as analyze() reads it with the record's Content-Type and no URL: the same verdict, score and text
    const got = out.lines.map((l) => JSON.parse(l) as { verdict: string; score: number; text: string });
    const want = [pages[0], pages[1]].map((p) => analyze(p.body, { contentType: 'text/html; charset=utf-8' }));
    expect(got.map((r) => [r.verdict, r.score, r.text.length]).sort()).toEqual(want.map((r) => [r.verdict, r.score, r.text.length]).sort());
  });

  it('runs analyze on worker threads with the same results as inline', async () => {
    const inline = sink();
    const threaded = sink();
    await runBatch({ inputs: [warcPath], db: join(dir, 'i.db'), workers: 0, out: inline.w, err: sink().w });
    const s = await runBatch({ inputs: [warcPath], db: join(dir, 't.db'), workers: 2, out: threaded.w, err: sink().w });
    expect(s.scanned).toBe(4);
    const key = (l: string) => {
      const r = JSON.parse(l) as { url: string; verdict: string; cleanText: string; findings: unknown[] };
      return `${r.url} ${r.verdict} ${r.findings.length} ${r.cleanText.length}`;
    };
    expect(threaded.lines.map(key).sort()).toEqual(inline.lines.map(key).sort());
  }, 60_000);

  it('a WARC cut off mid-record keeps the records before the cut and reports the file once', async () => {
    const whole = readFileSync(warcPath);
    const cut = join(dir, 'cut.warc.gz');
    // cut inside the last member (the warcio-written record of pages[3])
    writeFileSync(cut, whole.subarray(0, whole.length - 200));
    const a = sink();
    const errs = sink();
    const s = await runBatch({ inputs: [cut], db: join(dir, 'cut.db'), workers: 0, out: a.w, err: errs.w });
    expect(s.scanned).toBe(3);
    expect(s.failed).toBe(1);
    expect(errs.lines.join('\n')).toMatch(/cut\.warc\.gz/);
    expect(errs.lines).toHaveLength(1);
  });

  it('an uncompressed WARC whose file ends inside a record (its writer killed) is reported, not stored as a whole page', async () => {
    // three whole records, then the fourth cut halfway through its page: the parser reads it to the end of the file
    // without complaint, so a page of any length short of the real one would pass as complete
    const head = warcFile([
      { url: 'https://news.example.com/1', body: pages[0].body },
      { url: 'https://news.example.com/2', body: pages[1].body },
      { url: 'https://news.example.com/3', body: pages[2].body },
    ]);
    const last = warcFile([{ url: 'https://news.example.com/4', body: pages[3].body }]);
    const cut = join(dir, 'cut-plain.warc');
    writeFileSync(cut, Buffer.concat([head, last.subarray(0, Math.floor(last.length / 2))]));
    const a = sink();
    const errs = sink();
    const s = await runBatch({ inputs: [cut], db: join(dir, 'cut-plain.db'), workers: 0, out: a.w, err: errs.w });
    expect(s.scanned).toBe(3);
    expect(s.failed).toBe(1);
    expect(errs.lines).toHaveLength(1);
    expect(errs.lines[0]).toMatch(/cut-plain\.warc: damaged WARC \(the record at offset \d+ is cut short, \d+ bytes of it missing\)/);
    // the same file whole is read without a complaint
    const whole = join(dir, 'whole-plain.warc');
    writeFileSync(whole, Buffer.concat([head, last]));
    const ok = sink();
    const s2 = await runBatch({ inputs: [whole], db: join(dir, 'whole-plain.db'), workers: 0, out: sink().w, err: ok.w });
    expect([s2.scanned, s2.failed, ok.lines.length]).toEqual([4, 0, 0]);
  });

  it('a WARC whose file ends inside a record it does not read (a 404, a request) is reported, not read for ever', async () => {
    // warcio skips such a block itself before the next record, and its skip never ends at the end of the file
    const head = warcFile([{ url: 'https://news.example.com/1', body: pages[0].body }]);
    for (const spec of [
      { url: 'https://news.example.com/gone', statusLine: 'HTTP/1.1 404 Not Found', body: pages[1].body },
      { type: 'request' as const, url: 'https://news.example.com/2', body: 'GET /2 HTTP/1.1\r\nHost: news.example.com\r\n\r\n'.repeat(40) },
    ]) {
      const last = warcFile([spec]);
      const cut = join(dir, `cut-unread-${spec.type ?? 'response'}.warc`);
      writeFileSync(cut, Buffer.concat([head, last.subarray(0, last.length - 300)]));
      const errs = sink();
      const s = await runBatch({ inputs: [cut], db: join(dir, `cut-unread-${spec.type ?? 'response'}.db`), workers: 0, out: sink().w, err: errs.w });
      expect([s.scanned, s.failed]).toEqual([1, 1]);
      expect(errs.lines).toHaveLength(1);
      expect(errs.lines[0]).toMatch(/damaged WARC \(the record at offset \d+ is cut short, \d+ bytes of it missing\)/);
    }
  }, 30_000);

  it('a WARC whose file ends inside a record header is damaged, not an empty file', async () => {
    const head = warcFile([{ url: 'https://news.example.com/1', body: pages[0].body }]);
    for (const tail of ['WARC/1.0\r\n', 'WARC/1.0\r\nWARC-Type: response\r\n']) {
      const cut = join(dir, 'cut-header.warc');
      writeFileSync(cut, Buffer.concat([head, Buffer.from(tail)]));
      const items: string[] = [];
      await expect(
        (async () => {
          for await (const it of readWarc(cut)) items.push(it.kind);
        })(),
      ).rejects.toThrow(/cut-header\.warc: damaged WARC \(the record at offset \d+ has no WARC-Type or Content-Length\)/);
      expect(items).toEqual(['page']);
    }
  });

  it('a missing WARC file is one line naming it and a failed input', async () => {
    const errs = sink();
    const s = await runBatch({ inputs: [join(dir, 'nope.warc.gz')], db: join(dir, 'x.db'), workers: 0, out: null, err: errs.w });
    expect(s.failed).toBe(1);
    expect(errs.lines).toEqual([`winnow: ${join(dir, 'nope.warc.gz')}: no such file`]);
  });

  it('a text file given as --db is refused and left as it was', async () => {
    const notDb = join(dir, 'notes.txt');
    writeFileSync(notDb, 'my notes\n');
    await expect(runBatch({ inputs: [warcPath], db: notDb, workers: 0, out: null })).rejects.toThrow(/not a winnow database/);
    expect(readFileSync(notDb, 'utf8')).toBe('my notes\n');
  });
});
