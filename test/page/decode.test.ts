import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decode } from '../../src/page/index.js';
import { normalizeCharset, sniffCharset, SNIFF_SAMPLE_BYTES } from '../../src/page/decode.js';
import { DATA } from './data.js';

const ZH = resolve(DATA, 'chinese-web-content-extraction');

/** The real pages of the Chinese set that declare no charset anywhere in their bytes. */
function undeclared(): string[] {
  return readdirSync(resolve(ZH, 'original'))
    .filter((f) => f.endsWith('.html'))
    .filter((f) => !/charset/i.test(readFileSync(resolve(ZH, 'original', f)).toString('latin1')));
}

describe('decode', () => {
  it('decodes every real GBK page that declares no charset as gb18030, matching the gold text', () => {
    const files = undeclared();
    expect(files.length).toBeGreaterThanOrEqual(10);
    let gbk = 0;
    for (const f of files) {
      const bytes = readFileSync(resolve(ZH, 'original', f));
      const { html, encoding } = decode(bytes);
      const isUtf8 = (() => {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
          return true;
        } catch {
          return false;
        }
      })();
      expect(encoding).toBe(isUtf8 ? 'utf-8' : 'gb18030');
      if (!isUtf8) gbk++;
      // a run of gold characters must appear in the decoded page
      const gold = new TextDecoder('utf-8').decode(readFileSync(resolve(ZH, 'cleaned', f.replace(/\.html$/, '.txt'))));
      const run = gold.replace(/\s+/g, '').match(/[\u4e00-\u9fff]{6,}/)?.[0];
      expect(run, f).toBeTruthy();
      const plain = html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, '').replace(/\s+/g, '');
      expect(plain.includes(run!.slice(0, 6)), `${f} lacks ${run!.slice(0, 6)}`).toBe(true);
      expect((html.match(/\ufffd/g) ?? []).length, f).toBeLessThan(20);
    }
    expect(gbk).toBeGreaterThanOrEqual(10);
  });

  it('maps every GBK/GB2312 label to gb18030', () => {
    for (const l of ['gbk', 'GB2312', 'x-gbk', 'gb_2312-80', '"gb2312"', 'GB18030']) expect(normalizeCharset(l)).toBe('gb18030');
    expect(normalizeCharset('latin1')).toBe('windows-1252');
    expect(normalizeCharset('no-such-charset')).toBeUndefined();
  });

  it('honours a UTF-8 BOM over a contrary <meta>', () => {
    const body = Buffer.from('<meta charset="gbk"><p>配资平台 café</p>', 'utf8');
    const r = decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]));
    expect(r.encoding).toBe('utf-8');
    expect(r.html).toContain('配资平台 café');
    expect(r.html.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('decodes UTF-16 with a BOM', () => {
    const s = '<p>新闻 news</p>';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
    expect(decode(le)).toEqual({ html: s, encoding: 'utf-16le' });
  });

  it('lets the HTTP header charset win over <meta>', () => {
    const gbkBytes = Buffer.from(new Uint8Array([0xd0, 0xc2, 0xce, 0xc5])); // 新闻 in GBK
    const page = Buffer.concat([Buffer.from('<meta charset="utf-8"><p>'), gbkBytes, Buffer.from('</p>')]);
    const r = decode(page, { contentType: 'text/html; charset=GBK' });
    expect(r.encoding).toBe('gb18030');
    expect(r.html).toContain('新闻');
    const u = decode(Buffer.from('<meta charset="gbk"><p>新闻</p>', 'utf8'), { contentType: 'text/html;charset="utf-8"' });
    expect(u.encoding).toBe('utf-8');
    expect(u.html).toContain('新闻');
  });

  it('uses <meta http-equiv> and <meta charset> when there is no header', () => {
    const gbk = Buffer.from(new Uint8Array([0xd0, 0xc2, 0xce, 0xc5]));
    const a = Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>'), gbk]);
    expect(decode(a)).toMatchObject({ encoding: 'gb18030' });
    expect(decode(a).html).toContain('新闻');
    expect(decode(Buffer.from('<meta charset=windows-1252><p>caf\xe9', 'latin1')).html).toContain('café');
  });

  it('sniffs undeclared Big5, Shift_JIS, EUC-KR and Latin-1 text', () => {
    const enc = (label: string, s: string): Buffer => {
      // build the bytes by decoding-table inversion over the candidate code points
      const dec = new TextDecoder(label);
      const out: number[] = [];
      for (const ch of s) {
        if (ch.charCodeAt(0) < 0x80) {
          out.push(ch.charCodeAt(0));
          continue;
        }
        let found = false;
        for (let a = 0x81; a <= 0xfe && !found; a++) {
          for (let b = 0x40; b <= 0xfe && !found; b++) {
            if (dec.decode(new Uint8Array([a, b])) === ch) {
              out.push(a, b);
              found = true;
            }
          }
        }
        if (!found) throw new Error(`cannot encode ${ch} in ${label}`);
      }
      return Buffer.from(out);
    };
    expect(sniffCharset(enc('big5', '<p>這是一個關於經濟發展的新聞報導，政府表示會繼續推動。</p>'))).toBe('big5');
    expect(sniffCharset(enc('shift_jis', '<p>これは日本語のニュースです。東京で会議がありました。</p>'))).toBe('shift_jis');
    expect(sniffCharset(enc('euc-kr', '<p>이것은 한국어 뉴스입니다. 서울에서 회의가 있었습니다.</p>'))).toBe('euc-kr');
    expect(sniffCharset(Buffer.from('<p>Der Bürgermeister sagte, dass die Straße gesperrt wird.</p>', 'latin1'))).toBe('windows-1252');
  });

  it('a page declared UTF-8 and longer than the sniff sample decodes whole: valid, or with a bad byte past the sample', () => {
    const para = '<p>新闻 café — “quoted” text, 股票配资 ' + 'x'.repeat(50) + '</p>\n';
    const body = Buffer.from('<html><head><meta charset="utf-8"></head><body>' + para.repeat(Math.ceil((SNIFF_SAMPLE_BYTES * 1.5) / para.length)), 'utf8');
    expect(body.length).toBeGreaterThan(SNIFF_SAMPLE_BYTES);
    expect(decode(body)).toEqual({ html: new TextDecoder('utf-8').decode(body), encoding: 'utf-8' });
    // a stray byte past the sample: the sample is strict UTF-8, the rest decoded leniently (U+FFFD)
    const bad = Buffer.concat([body, Buffer.from([0xff]), Buffer.from('<p>tail</p>')]);
    expect(decode(bad)).toEqual({ html: new TextDecoder('utf-8').decode(bad), encoding: 'utf-8' });
    expect(decode(bad).html).toContain('\ufffd<p>tail</p>');
    // a multi-byte character right at the sample's end stays whole
    const at = Buffer.concat([Buffer.from('<meta charset="utf-8">'), Buffer.from('a'.repeat(SNIFF_SAMPLE_BYTES - 23)), Buffer.from('新闻 tail', 'utf8')]);
    expect(decode(at).html).toBe(new TextDecoder('utf-8').decode(at));
    expect(decode(new Uint8Array(at))).toEqual(decode(at));
  });

  it('passes strings through', () => {
    expect(decode('<p>x</p>')).toEqual({ html: '<p>x</p>', encoding: 'utf-8' });
  });

  it('valid UTF-8 under a declaration of another charset (meta or header) is read as UTF-8; real Latin-1 stays Latin-1', () => {
    const seed = readFileSync(new URL('../../corpus/fixtures/seed.html', import.meta.url), 'utf8');
    const title = seed.match(/<title>([^<]*)<\/title>/)![1];
    for (const cs of ['iso-8859-1', 'windows-1251', 'koi8-r', 'gbk']) {
      const d = decode(Buffer.from(seed.replace('<meta charset="utf-8">', `<meta charset="${cs}">`)));
      expect(d.encoding, cs).toBe('utf-8');
      expect(d.html).toContain(title);
    }
    expect(decode(Buffer.from(seed), { contentType: 'text/html; charset=gbk' }).encoding).toBe('utf-8');
    // Latin-1 text is not valid UTF-8 (é alone is 0xE9): the declaration stands
    const latin = Buffer.from('<html><head><meta charset="iso-8859-1"><title>Caf\xe9</title></head><body><p>D\xe9j\xe0 vu \xe0 Paris: na\xefve fa\xe7ade, \xfcber \xe9t\xe9, tr\xe8s bien, \xe0 bient\xf4t, cr\xe8me br\xfbl\xe9e.</p></body></html>', 'latin1');
    const d = decode(latin);
    expect(d.encoding).toBe('windows-1252');
    expect(d.html).toContain('Café');
    // a few non-ASCII bytes that happen to be valid UTF-8 are too few to overrule the declaration
    const few = Buffer.from('<html><head><meta charset="iso-8859-1"></head><body><p>\xc3\xa9</p></body></html>', 'latin1');
    expect(decode(few).encoding).toBe('windows-1252');
  });
});
