// Decode a staged page's bytes to a string (BOM, <meta> charset, then UTF-8 validity, then a per-dataset fallback).
// A small local decoder: the corpus must not depend on the page stage's decoder while that is being built.
const META_SCAN_BYTES = 4096;
const CHARSET_RE = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/iu;

/** Map a declared charset label to a TextDecoder label that decodes it (GBK family -> gb18030). */
export function normalizeCharset(label: string): string {
  const l = label.toLowerCase().trim();
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/u.test(l)) return 'gb18030';
  if (/^(utf-?8|unicode-1-1-utf-8)$/u.test(l)) return 'utf-8';
  if (/^(big5|big5-hkscs|x-x-big5)$/u.test(l)) return 'big5';
  if (/^(shift[_-]?jis|sjis|x-sjis|windows-31j|ms_kanji)$/u.test(l)) return 'shift_jis';
  if (/^(euc-jp|x-euc-jp)$/u.test(l)) return 'euc-jp';
  if (/^(euc-kr|ks_c_5601-1987|cp949)$/u.test(l)) return 'euc-kr';
  if (/^(iso-8859-1|latin1|us-ascii|ascii|windows-1252|cp1252)$/u.test(l)) return 'windows-1252';
  try {
    new TextDecoder(l);
    return l;
  } catch {
    return 'utf-8';
  }
}

export interface DecodedPage {
  html: string;
  encoding: string;
}

/** Decode bytes; `fallback` is used when nothing is declared and the bytes are not valid UTF-8. */
export function decodeBytes(buf: Uint8Array, fallback = 'windows-1252'): DecodedPage {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { html: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { html: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { html: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be' };
  const head = Buffer.from(buf.subarray(0, META_SCAN_BYTES)).toString('latin1');
  const m = CHARSET_RE.exec(head);
  if (m && m[1]) {
    const enc = normalizeCharset(m[1]);
    // a page declaring UTF-8 that is not valid UTF-8 is usually GBK mislabelled; try fatal first
    if (enc === 'utf-8') {
      try {
        return { html: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
      } catch {
        return { html: new TextDecoder(normalizeCharset(fallback)).decode(buf), encoding: normalizeCharset(fallback) };
      }
    }
    return { html: new TextDecoder(enc).decode(buf), encoding: enc };
  }
  try {
    return { html: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    const enc = normalizeCharset(fallback);
    return { html: new TextDecoder(enc).decode(buf), encoding: enc };
  }
}
