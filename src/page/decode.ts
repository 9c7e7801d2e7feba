// Bytes -> string. Order: BOM, HTTP header charset, <meta> charset in the first bytes, then sniffing.
// Pure; uses only the WHATWG TextDecoder that Node ships with full ICU (and node:buffer's isUtf8 / isAscii validators
// and ICU transcode for bytes known to be valid UTF-8).
import { Buffer, isAscii, isUtf8, transcode } from 'node:buffer';

/** How many leading bytes are searched for a <meta> charset declaration. */
export const META_SNIFF_BYTES = 4096;
/** At most this many bytes are used to score candidate encodings when the page declares none. */
export const SNIFF_SAMPLE_BYTES = 256 * 1024;
/** A CJK candidate needs at least this share of its non-ASCII chars to be common CJK chars / kana / hangul. */
export const MIN_CJK_SCORE = 0.3;

/** ~500 most frequent simplified Chinese characters (for scoring gb18030 decodings). */
const COMMON_SIMPLIFIED =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严首网站新闻';
/** The same list in traditional characters (for scoring big5 decodings). */
const COMMON_TRADITIONAL =
  '的一是在不了有和人這中大為上個國我以要他時來用們生到作地於出就分對成會可主發年動同工也能下過子說產種面而方後多定行學法所民得經十三之進著等部度家電力裡如水化高自二理起小物現實加量都兩體制機當使點從業本去把性好應開它合還因由其些然前外天政四日那社義事平形相全表間樣與關各重新線內數正心反你明看原又麼利比或但質氣第向道命此變條只沒結解問意建月公無系軍很情者最立代想已通並提直題黨程展五果料象員革位入常文總次品式活設及管特件長求老頭基資邊流路級少圖山統接知較將組見計別她手角期根論運農指幾九區強放決西被幹做必戰先回則任取據處隊南給色光門即保治北造百規熱領七海口東導器壓志世金增爭濟階油思術極交受聯什認六共權收證改清己美再採轉更單風切打白教速花帶安場身車例真務具萬每目至達走積示議聲報鬥完類八離華名確才科張信馬節話米整空元況今集溫傳土許步群廣石記需段研界拉林律叫且究觀越織裝影算低持音眾書布復容兒須際商非驗連斷深難近礦千周委素技備半辦青省列習響約支般史感勞便團往酸歷市克何除消構府稱太準精值號率族維劃選標寫存候毛親快效斯院查江型眼王按格養易置派層片始卻專狀育廠京識適屬圓包火住調滿縣局照參紅細引聽該鐵價嚴首網站新聞';
const COMMON_HAN = new Set([...COMMON_SIMPLIFIED, ...COMMON_TRADITIONAL]);

const GB_ALIASES = new Set(['gbk', 'gb2312', 'x-gbk', 'gb_2312-80', 'gb_2312', 'csgb2312', 'chinese', 'iso-ir-58', 'csiso58gb231280', 'gb18030', 'x-gb18030', 'gb-2312', 'cp936', 'windows-936', 'ms936', 'euc-cn']);

/**
 * Canonical lower-case WHATWG name for a charset label, or undefined when the label is unknown.
 * Every GBK/GB2312 label maps to gb18030 (a superset that decodes all of them).
 */
export function normalizeCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (!l) return undefined;
  if (GB_ALIASES.has(l)) return 'gb18030';
  if (l === 'utf8') return 'utf-8';
  try {
    const enc = new TextDecoder(l).encoding.toLowerCase();
    if (enc === 'gbk') return 'gb18030';
    return enc;
  } catch {
    return undefined;
  }
}

/** charset= parameter of a Content-Type value. */
export function charsetFromContentType(ct: string | undefined): string | undefined {
  if (!ct) return undefined;
  const m = /charset\s*=\s*["']?([^"';,\s]+)/i.exec(ct);
  return m ? m[1] : undefined;
}

/** <meta charset=...> or <meta http-equiv="content-type" content="...charset=..."> in the page head. */
export function charsetFromMeta(head: string): string | undefined {
  const re = /<meta\b[^>]*>/gi;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const tag = m[0];
    const cs = /\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(tag);
    if (cs) return cs[1];
  }
  return undefined;
}

function bomEncoding(b: Uint8Array): { enc: string; skip: number } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { enc: 'utf-8', skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { enc: 'utf-16le', skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { enc: 'utf-16be', skip: 2 };
  return undefined;
}

/**
 * The string of bytes that are valid UTF-8 (isUtf8) and do not start with a BOM: the same string as
 * TextDecoder('utf-8').decode, about twice as fast on real pages. TextDecoder (V8's UTF-8 decoder) walks every byte
 * after the first non-ASCII one through its validating state machine twice (length, then decode); ICU's transcode to
 * UTF-16 and a copy into a string skip that, and valid input leaves nothing to replace. Pure ASCII is copied into a
 * one-byte string as it is (latin1 is the identity on ASCII bytes).
 */
function decodeValidUtf8(b: Uint8Array): string {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  if (isAscii(buf)) return buf.toString('latin1');
  const utf16 = transcode(buf, 'utf8', 'utf16le');
  return utf16.toString('utf16le');
}

/**
 * The lenient decoding of all bytes as enc: decodeValidUtf8 for valid UTF-8 (checked), else TextDecoder. Only for
 * bytes without a BOM (decodeBytes has decoded those already): TextDecoder would drop it, decodeValidUtf8 keeps it.
 */
function decodeAll(enc: string, b: Uint8Array): string {
  return enc === 'utf-8' && isUtf8(b) ? decodeValidUtf8(b) : new TextDecoder(enc).decode(b);
}

function tryFatal(enc: string, b: Uint8Array): string | undefined {
  if (enc === 'utf-8') return isUtf8(b) ? decodeValidUtf8(b) : undefined;
  try {
    return new TextDecoder(enc, { fatal: true }).decode(b);
  } catch {
    return undefined;
  }
}

/** Cut a sample so no multi-byte character is split: end right after a byte < 0x30 (never a trail byte). */
function sample(b: Uint8Array): Uint8Array {
  if (b.length <= SNIFF_SAMPLE_BYTES) return b;
  let end = SNIFF_SAMPLE_BYTES;
  while (end > 0 && b[end - 1] >= 0x30) end--;
  return b.subarray(0, end > 0 ? end : SNIFF_SAMPLE_BYTES);
}

/**
 * The lenient decoding of all bytes, given the strict decoding of their sample (no second pass when the sample is
 * the whole input; for UTF-8 only the rest is decoded, the sample ending on a character boundary).
 */
function completeStrict(enc: string, bytes: Uint8Array, smp: Uint8Array, strict: string): string {
  if (smp.length === bytes.length) return strict;
  return new TextDecoder(enc).decode(bytes);
}

/** 1 for each common Han character (simplified or traditional), indexed by UTF-16 code unit. */
const COMMON_HAN_TABLE = (() => {
  const t = new Uint8Array(0x10000);
  for (const ch of COMMON_HAN) t[ch.charCodeAt(0)] = 1;
  return t;
})();

/** Share of non-ASCII chars (code points) that look like real text in the candidate's script. */
function scoreCjk(enc: string, s: string): number {
  let nonAscii = 0;
  let good = 0;
  const han = enc === 'gb18030' || enc === 'big5';
  const jp = enc === 'shift_jis' || enc === 'euc-jp';
  const kr = enc === 'euc-kr';
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      // a surrogate pair is one astral code point: none of the classes below
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    if (c === 0xfffd) {
      good -= REPLACEMENT_PENALTY;
      continue;
    }
    if (han) {
      if (COMMON_HAN_TABLE[c] === 1) good++;
      else if (c >= 0x3000 && c <= 0x303f) good += 0.5; // CJK punctuation
      else if (c >= 0xff00 && c <= 0xffef) good += 0.5; // full-width forms
    } else if (jp) {
      if (c >= 0x3040 && c <= 0x30ff) good++;
      else if (COMMON_HAN_TABLE[c] === 1 || (c >= 0x3000 && c <= 0x303f)) good += 0.5;
    } else if (kr) {
      if (c >= 0xac00 && c <= 0xd7a3) good++;
    }
  }
  return nonAscii === 0 ? 0 : good / nonAscii;
}

/** UTF-8 with at most this share of invalid sequences (truncated characters) still counts as UTF-8. */
export const MAX_UTF8_BAD_SHARE = 0.005;
/** Each U+FFFD in a candidate decoding costs this many good characters. */
const REPLACEMENT_PENALTY = 3;

/**
 * Guess the charset of undeclared bytes: valid UTF-8 wins, then the best-scoring CJK decoding, else windows-1252.
 * Decodings are scored leniently (real pages contain truncated multi-byte characters), each U+FFFD a penalty.
 */
export function sniffCharset(bytes: Uint8Array): string {
  return sniff(bytes).enc;
}

/** sniffCharset, plus the lenient decoding of all bytes with that charset when it came for free. */
function sniff(bytes: Uint8Array): { enc: string; text?: string } {
  const b = sample(bytes);
  const whole = b.length === bytes.length;
  if (isUtf8(b)) return { enc: 'utf-8', text: whole ? decodeValidUtf8(b) : undefined };
  const u = new TextDecoder('utf-8').decode(b);
  let bad = 0;
  let nonAscii = 0;
  for (let i = 0; i < u.length; i++) {
    const c = u.charCodeAt(i);
    if (c >= 0x80) nonAscii++;
    if (c === 0xfffd) bad++;
  }
  if (nonAscii > 0 && bad / nonAscii <= MAX_UTF8_BAD_SHARE) return { enc: 'utf-8', text: whole ? u : undefined };
  let best = 'windows-1252';
  let bestText: string | undefined;
  let bestScore = MIN_CJK_SCORE;
  for (const enc of ['gb18030', 'big5', 'shift_jis', 'euc-kr']) {
    const t = new TextDecoder(enc).decode(b);
    const sc = scoreCjk(enc, t);
    if (sc > bestScore) {
      bestScore = sc;
      best = enc;
      bestText = t;
    }
  }
  return { enc: best, text: whole ? bestText : undefined };
}

/**
 * Non-ASCII bytes (at least this many) that form valid UTF-8 throughout outweigh a declaration of another charset:
 * text really written in windows-1252, ISO-8859, KOI8 or GBK almost never forms valid UTF-8 sequences over a page,
 * while a CMS that declares iso-8859-1 over UTF-8 bytes is common; read as declared, every Chinese or accented
 * character became mojibake and spam in it went unread. A handful of bytes could be valid UTF-8 by chance.
 */
export const MISLABEL_MIN_NON_ASCII = 16;

/** Valid UTF-8 with at least MISLABEL_MIN_NON_ASCII non-ASCII bytes (see there). */
function mislabelledUtf8(bytes: Uint8Array): boolean {
  let n = 0;
  for (let i = 0; i < bytes.length && n < MISLABEL_MIN_NON_ASCII; i++) if (bytes[i] >= 0x80) n++;
  return n >= MISLABEL_MIN_NON_ASCII && isUtf8(bytes);
}

export interface DecodeResult {
  html: string;
  encoding: string;
}

/** Decode bytes: BOM, then HTTP header charset, then <meta> charset, then sniffing. Strings pass through. */
export function decodeBytes(input: Buffer | Uint8Array | string, contentType?: string): DecodeResult {
  if (typeof input === 'string') return { html: input, encoding: 'utf-8' };
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const bom = bomEncoding(bytes);
  if (bom) return { html: new TextDecoder(bom.enc).decode(bytes.subarray(bom.skip)), encoding: bom.enc };

  const header = normalizeCharset(charsetFromContentType(contentType));
  if (header) {
    if (header !== 'utf-8' && mislabelledUtf8(bytes)) return { html: decodeValidUtf8(bytes), encoding: 'utf-8' };
    return { html: decodeAll(header, bytes), encoding: header };
  }

  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, META_SNIFF_BYTES)).toString('latin1');
  let meta = normalizeCharset(charsetFromMeta(head));
  // A <meta> cannot declare UTF-16 for bytes that were parsed as ASCII (WHATWG rule): treat as UTF-8.
  if (meta === 'utf-16le' || meta === 'utf-16be') meta = 'utf-8';
  if (meta) {
    // Pages often lie: a page that says utf-8 but is not valid UTF-8 (or says gb2312 but is valid UTF-8
    // with non-ASCII text) is decoded as sniffed when the declared charset fails a strict decode.
    const smp = sample(bytes);
    // valid UTF-8 (the common case) is checked without decoding, then decoded whole in one flat string
    if (meta === 'utf-8' && isUtf8(smp)) {
      return { html: smp === bytes ? decodeValidUtf8(bytes) : decodeAll('utf-8', bytes), encoding: meta };
    }
    if (meta !== 'utf-8' && mislabelledUtf8(bytes)) return { html: decodeValidUtf8(bytes), encoding: 'utf-8' };
    const strict = tryFatal(meta, smp);
    if (strict !== undefined) return { html: completeStrict(meta, bytes, smp, strict), encoding: meta };
    const sniffed = sniff(bytes);
    if (sniffed.enc !== 'windows-1252' && sniffed.enc !== meta) {
      return { html: sniffed.text ?? decodeAll(sniffed.enc, bytes), encoding: sniffed.enc };
    }
    return { html: decodeAll(meta, bytes), encoding: meta };
  }
  const sniffed = sniff(bytes);
  // a page longer than the sniff sample is decoded whole here (valid UTF-8 by decodeValidUtf8, checked again)
  return { html: sniffed.text ?? decodeAll(sniffed.enc, bytes), encoding: sniffed.enc };
}
