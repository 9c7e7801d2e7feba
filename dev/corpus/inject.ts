// Injection generators (spec = concrete strings, stored in recipes) and their application to a real page's DOM.
// Pure: a seeded PRNG drives every choice, so the same recipe always gives the same page.
import type { CheerioAPI, Cheerio } from 'cheerio/slim';
import type { AnyNode, Element, Text } from 'domhandler';
import type { Category, InjectionKind } from '../../src/detect/types.js';
import type { GoldSpan } from './types.js';
import {
  BRAND_SYLLABLES, DOMAIN_SYLLABLES, EMOJI, FOOTERS, GENERIC_PHRASES, GENERIC_PROMO, HIDDEN_METHODS, LINK_LABELS, SLOGANS, TLDS, TOPICS,
  topicCategories, type HiddenMethod, type SpamLang, type TopicVocab, type VocabPart,
} from './spam-vocab.js';

// ------------------------------------------------------------------ PRNG
export interface Rng {
  next(): number;
  int(n: number): number;
  range(lo: number, hi: number): number;
  pick<T>(a: readonly T[]): T;
  chance(p: number): boolean;
}

/** FNV-1a 32-bit hash of a string (stable seeds and split buckets). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32 */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    range: (lo, hi) => lo + int(hi - lo + 1),
    pick: <T>(arr: readonly T[]): T => {
      if (arr.length === 0) throw new Error('pick from empty list');
      return arr[int(arr.length)] as T;
    },
    chance: (p) => next() < p,
  };
}

// ------------------------------------------------------------------ specs
export interface LinkSpec {
  text: string;
  href: string;
}

export type Place = 'header' | 'body' | 'sidebar' | 'footer';

/** One injection with its concrete strings (what a recipe stores). */
export interface InjectionSpec {
  kind: InjectionKind;
  category: Category;
  lang: SpamLang;
  vocab: VocabPart;
  /** title-affix / spliced-phrase */
  phrase?: string;
  position?: 'prefix' | 'suffix';
  sep?: string;
  /** promo-line / keyword-stuffing / hidden-block text */
  text?: string;
  /** promo-line: the part of text wrapped in a link */
  link?: LinkSpec;
  /** link-block label and links; hidden-block links */
  label?: string;
  links?: LinkSpec[];
  place?: Place;
  method?: HiddenMethod;
  /** site-branding */
  name?: string;
  slogan?: string;
  footer?: string;
}

const PART_INDEX: Record<VocabPart, 0 | 1> = { train: 0, heldout: 1 };
const TITLE_SEPARATORS_RE = /\s*[|_\-–—:：]+\s*/gu;

/** Keywords-per-block bounds for keyword stuffing and link blocks. */
export const STUFFING_MIN_KEYWORDS = 8;
export const STUFFING_MAX_KEYWORDS = 24;
export const LINK_BLOCK_MIN_LINKS = 5;
export const LINK_BLOCK_MAX_LINKS = 20;
const LINK_FARM_TOPIC_SHARE = 0.3;

function titleCase(s: string): string {
  return s.replace(/(^|\s)([a-z])/gu, (_m, p: string, c: string) => p + c.toUpperCase());
}

function digits(rng: Rng, n: number): string {
  let s = String(rng.range(1, 9));
  while (s.length < n) s += String(rng.int(10));
  return s;
}

class Renderer {
  readonly p: 0 | 1;
  constructor(
    readonly rng: Rng,
    readonly lang: SpamLang,
    readonly category: Category,
    readonly part: VocabPart,
    readonly brand: string,
    readonly domain: string,
  ) {
    this.p = PART_INDEX[part];
  }
  topic(): TopicVocab {
    return topicFor(this.lang, this.category);
  }
  keyword(): string {
    if (this.category === 'link-farm') {
      const cats = topicCategories(this.lang).filter((c) => c !== 'seo-keywords' && c !== 'promo');
      return this.rng.pick(topicFor(this.lang, this.rng.pick(cats)).keywords[this.p]);
    }
    return this.rng.pick(this.topic().keywords[this.p]);
  }
  contact(): string {
    const r = this.rng;
    const held = this.p === 1; // held-out contact formats differ from the training ones
    switch (this.lang) {
      case 'zh':
        return held
          ? r.pick([`加V:${this.handle()}`, `VX:${this.handle()}`, `扣扣${digits(r, r.range(8, 10))}`, `热线:400-${digits(r, 3)}-${digits(r, 4)}`])
          : r.pick([`QQ:${digits(r, r.range(8, 10))}`, `微信:${this.handle()}`, `电话:1${r.range(3, 9)}${digits(r, 9)}`]);
      case 'id':
        return held ? r.pick([`WA: +62 8${digits(r, 2)}-${digits(r, 4)}-${digits(r, 4)}`, `Telegram @${this.handle()}`]) : `WA 08${digits(r, r.range(9, 10))}`;
      case 'ja':
        return held
          ? r.pick([`LINE: @${this.handle()}`, `お問い合わせ ${this.handle()}@gmail.com`])
          : r.pick([`LINE ID: ${this.handle()}`, `TEL 0${r.range(3, 9)}0-${digits(r, 4)}-${digits(r, 4)}`]);
      default:
        return held
          ? r.pick([`t.me/${this.handle()}`, `wa.me/1${digits(r, 10)}`, `Signal +44 ${digits(r, 4)} ${digits(r, 6)}`, `${this.handle()}@proton.me`])
          : r.pick([`Telegram @${this.handle()}`, `WhatsApp +1 ${digits(r, 3)}-${digits(r, 3)}-${digits(r, 4)}`, `call ${digits(r, 3)}-${digits(r, 3)}-${digits(r, 4)}`]);
    }
  }
  handle(): string {
    const r = this.rng;
    return r.pick(DOMAIN_SYLLABLES[this.p]).replace(/[^a-z0-9]/gu, '') + r.pick(DOMAIN_SYLLABLES[this.p]).replace(/[^a-z0-9]/gu, '') + digits(r, r.range(2, 4));
  }
  render(tpl: string, n = 1): string {
    const r = this.rng;
    let kw1 = '';
    const out = tpl.replace(/\{(\w+)\}/gu, (_m, slot: string) => {
      switch (slot) {
        case 'kw':
          kw1 = this.keyword();
          return kw1;
        case 'Kw':
          kw1 = this.keyword();
          return titleCase(kw1);
        case 'kw2':
        case 'Kw2': {
          let k = this.keyword();
          for (let i = 0; i < 4 && k === kw1; i++) k = this.keyword();
          return slot === 'Kw2' ? titleCase(k) : k;
        }
        case 'brand':
        case 'site':
          return this.brand;
        case 'Brand':
          return titleCase(this.brand);
        case 'domain':
          return this.domain;
        case 'num':
          return String(r.pick([r.range(2, 20), r.range(10, 99), r.range(100, 999), r.range(1000, 9999)]));
        case 'pct':
          return String(r.pick([r.range(1, 9), r.range(10, 100), r.range(100, 300)]));
        case 'year':
          return String(r.range(2016, 2025));
        case 'n':
          return String(n);
        case 'emoji':
          return r.pick(EMOJI[this.p]);
        case 'qq':
          return digits(r, r.range(8, 10));
        case 'wechat':
          return this.handle();
        case 'phone':
          return `1${r.range(3, 9)}${digits(r, 9)}`;
        case 'wa':
          return `08${digits(r, r.range(9, 10))}`;
        case 'contact':
          return this.contact();
        default:
          return _m;
      }
    });
    // "jual jual obat" -> "jual obat" (a template word repeated by the keyword)
    return collapse(out).replace(/(^|\s)(\S+)(\s+\2)+(?=\s|$)/gu, '$1$2');
  }
}

export function topicFor(lang: SpamLang, category: Category): TopicVocab {
  const t = TOPICS[lang][category];
  if (t) return t;
  // link-farm and categories a language lacks fall back to its gambling/seo vocabulary
  return (TOPICS[lang].gambling ?? TOPICS[lang]['seo-keywords']) as TopicVocab;
}

export function makeBrand(rng: Rng, lang: SpamLang, category: Category, part: VocabPart): string {
  const p = PART_INDEX[part];
  const syl = BRAND_SYLLABLES[lang][p];
  const suffix = rng.pick(topicFor(lang, category === 'link-farm' ? 'seo-keywords' : category).brandSuffix[p]);
  const a = rng.pick(syl);
  switch (lang) {
    case 'zh':
      return rng.chance(0.3) ? `${a}${rng.pick(['网', '汇', '宝', ''])}${suffix}` : `${a}${suffix}`;
    case 'ja':
      return `${a}${suffix}`;
    case 'id':
      return rng.chance(0.5) ? `${a}${suffix}` : `${a}${titleCase(suffix)}${rng.chance(0.4) ? String(rng.range(1, 99)) : ''}`;
    default: {
      const b = rng.chance(0.4) ? rng.pick(syl) : '';
      return rng.chance(0.5) ? `${a}${b}${suffix}` : `${a}${b ? b : ''} ${suffix}`;
    }
  }
}

export function makeDomain(rng: Rng, part: VocabPart): string {
  const p = PART_INDEX[part];
  const name = rng.pick(DOMAIN_SYLLABLES[p]) + rng.pick(DOMAIN_SYLLABLES[p]) + (rng.chance(0.4) ? String(rng.range(1, 999)) : '');
  return (rng.chance(0.5) ? 'www.' : '') + name + rng.pick(TLDS[p]);
}

/** Categories that make sense for a kind in a language. */
export function categoriesFor(kind: InjectionKind, lang: SpamLang): Category[] {
  const topics = topicCategories(lang);
  switch (kind) {
    case 'link-block':
      return ['link-farm', ...topics.filter((c) => c !== 'promo')];
    case 'hidden-block':
      return ['link-farm', ...topics];
    case 'site-branding':
      return ['seo-keywords'];
    case 'keyword-stuffing':
      return topics.filter((c) => c !== 'promo');
    default:
      return topics.filter((c) => c !== 'seo-keywords');
  }
}

/** Generate one injection's concrete strings. */
export function generateInjection(rng: Rng, kind: InjectionKind, category: Category, lang: SpamLang, part: VocabPart): InjectionSpec {
  const p = PART_INDEX[part];
  // site-branding names the spam site after a topic; its category stays seo-keywords
  const brandTopic: Category = kind === 'site-branding' ? rng.pick(topicCategories(lang).filter((c) => c !== 'seo-keywords' && c !== 'promo')) : category;
  const brand = makeBrand(rng, lang, brandTopic, part);
  const domain = makeDomain(rng, part);
  const R = new Renderer(rng, lang, kind === 'site-branding' ? brandTopic : category, part, brand, domain);
  const spaced = lang === 'en' || lang === 'id';
  const spec: InjectionSpec = { kind, category, lang, vocab: part };
  const link = (text?: string): LinkSpec => ({ text: text ?? R.keyword(), href: `http://${makeDomain(rng, part)}/` });
  switch (kind) {
    case 'title-affix': {
      // no site-name separators inside the affix: title extractors cut titles at | _ - (the separator goes outside)
      spec.phrase = collapse(R.render(phraseTemplate(rng, R, lang, p)).replace(TITLE_SEPARATORS_RE, ' '));
      spec.position = rng.chance(0.65) ? 'prefix' : 'suffix';
      spec.sep = rng.pick(spaced ? [' | ', ' - ', ': ', ' – '] : [' ', '_', '-', '|', ' | ', '——']);
      break;
    }
    case 'spliced-phrase':
      spec.phrase = R.render(phraseTemplate(rng, R, lang, p));
      break;
    case 'promo-line': {
      const n = rng.range(1, 9);
      // topic templates twice as often as the generic ones
      const tpl = rng.chance(0.67) ? rng.pick(R.topic().promo[p]) : rng.pick(GENERIC_PROMO[lang][p]);
      spec.text = R.render(tpl, n);
      if (rng.chance(0.5) && spec.text.includes(brand)) spec.link = { text: brand, href: `http://${domain}/` };
      spec.place = 'body';
      break;
    }
    case 'link-block': {
      spec.label = rng.pick(LINK_LABELS[lang][p]);
      const k = rng.range(LINK_BLOCK_MIN_LINKS, LINK_BLOCK_MAX_LINKS);
      const seen = new Set<string>();
      spec.links = [];
      for (let i = 0; i < k * 3 && spec.links.length < k; i++) {
        const t = rng.chance(0.2) ? makeBrand(rng, lang, category, part) : R.keyword();
        if (seen.has(t)) continue;
        seen.add(t);
        spec.links.push(link(t));
      }
      spec.place = rng.pick(['footer', 'footer', 'sidebar', 'header'] as const);
      break;
    }
    case 'hidden-block': {
      spec.method = rng.pick(HIDDEN_METHODS);
      const withLinks = category === 'link-farm' || rng.chance(0.3);
      const kws = rng.range(STUFFING_MIN_KEYWORDS, STUFFING_MAX_KEYWORDS);
      if (!withLinks || rng.chance(0.4)) spec.text = stuffing(R, kws, lang);
      if (withLinks) {
        const k = rng.range(LINK_BLOCK_MIN_LINKS, LINK_BLOCK_MAX_LINKS);
        const seen = new Set<string>();
        spec.links = [];
        for (let i = 0; i < k * 3 && spec.links.length < k; i++) {
          const t = R.keyword();
          if (seen.has(t)) continue;
          seen.add(t);
          spec.links.push(link(t));
        }
      }
      spec.place = rng.pick(['header', 'body', 'footer', 'footer'] as const);
      break;
    }
    case 'keyword-stuffing':
      spec.text = stuffing(R, rng.range(STUFFING_MIN_KEYWORDS, STUFFING_MAX_KEYWORDS), lang);
      spec.place = rng.chance(0.6) ? 'body' : 'footer';
      break;
    case 'site-branding':
      spec.name = brand;
      spec.slogan = R.render(rng.pick(SLOGANS[lang][p]));
      spec.footer = R.render(rng.pick(FOOTERS[lang][p]));
      spec.place = 'header';
      break;
  }
  return spec;
}

/** A title/splice phrase template: the topic's own (70%) or a generic one. */
function phraseTemplate(rng: Rng, R: Renderer, lang: SpamLang, p: 0 | 1): string {
  return rng.chance(0.7) ? rng.pick(R.topic().phrases[p]) : rng.pick(GENERIC_PHRASES[lang][p]);
}

function stuffing(R: Renderer, k: number, lang: SpamLang): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i < k * 3 && out.length < k; i++) {
    const w = R.keyword();
    if (!seen.has(w)) {
      seen.add(w);
      out.push(w);
    }
  }
  const sep = R.rng.pick(lang === 'zh' || lang === 'ja' ? [' ', ' ', '、', ',', '|'] : [' ', ' ', ', ', ' | ']);
  return out.join(sep);
}

// ------------------------------------------------------------------ DOM helpers
export function collapse(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}
function squeeze(s: string): string {
  return s.replace(/\s+/gu, '');
}
export function escapeHtml(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'textarea', 'select', 'option', 'button', 'label', 'title', 'head',
  'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'nav', 'header', 'footer', 'iframe', 'svg', 'template', 'figcaption', 'time']);
const BLOCK_TAGS = new Set(['p', 'div', 'td', 'li', 'article', 'section', 'blockquote', 'dd', 'main', 'body', 'center', 'pre']);
const HIDDEN_STYLE_RE = /display\s*:\s*none|visibility\s*:\s*hidden/iu;
/** Minimum collapsed characters of a text node to count as an article paragraph unit (CJK / others). */
export const MIN_UNIT_CHARS_CJK = 15;
export const MIN_UNIT_CHARS = 40;
/** Minimum squeezed characters for a text node to be matched against a gold body. */
const MIN_GOLD_MATCH_CHARS = 10;
/** A gold-matched set this large is used as is; smaller sets are widened to their container. */
const MIN_GOLD_UNITS = 3;

export interface Unit {
  node: Text;
  block: Element;
}

const CJK_RE = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;

function unitMinChars(text: string): number {
  return CJK_RE.test(text) ? MIN_UNIT_CHARS_CJK : MIN_UNIT_CHARS;
}

/** id/class tokens of page chrome (not article text), matched as whole dash/underscore-separated words. */
const CHROME_NAME_RE = /(^|[\s_-])(cookies?|consent|privacy|gdpr|newsletter|modal|popup|comments?|footer|navbar|nav|menu|sidebar|breadcrumbs?|share|social|related|widget)(?=$|[\s_-])/iu;

function candidateUnits($: CheerioAPI, chrome: Set<Unit>): Unit[] {
  const out: Unit[] = [];
  const body = bodyOf($).get(0);
  if (!body || (body.type !== 'tag' && body.type !== 'root')) return out;
  const walk = (el: Element, hidden: boolean): void => {
    for (const child of el.children) {
      if (child.type === 'text') {
        const t = collapse((child as Text).data);
        if (!hidden && t.length >= unitMinChars(t)) out.push({ node: child as Text, block: nearestBlock(el) });
      } else if (child.type === 'tag') {
        const c = child as Element;
        if (SKIP_TAGS.has(c.name)) continue;
        const h = hidden || HIDDEN_STYLE_RE.test(c.attribs.style ?? '') || c.attribs.hidden !== undefined;
        if (!h && CHROME_NAME_RE.test(`${c.attribs.id ?? ''} ${c.attribs.class ?? ''}`)) {
          // cookie banners, newsletter boxes, comments, menus: candidates only when nothing else is found
          const before = out.length;
          walk(c, h);
          for (let i = before; i < out.length; i++) chrome.add(out[i] as Unit);
          continue;
        }
        walk(c, h);
      }
    }
  };
  walk(body as unknown as Element, false);
  return out;
}

function nearestBlock(el: Element): Element {
  let cur: Element | null = el;
  while (cur && !BLOCK_TAGS.has(cur.name)) cur = cur.parent && cur.parent.type === 'tag' ? (cur.parent as Element) : null;
  return cur ?? el;
}

function contains(anc: Element, node: AnyNode): boolean {
  for (let cur: AnyNode | null = node; cur; cur = cur.parent) if (cur === anc) return true;
  return false;
}

/** Group key of a unit: the container of its paragraph (p's parent), or the text-bearing block itself. */
function groupOf(u: Unit): Element {
  if (u.block.name === 'p' && u.block.parent && u.block.parent.type === 'tag') return u.block.parent as Element;
  return u.block;
}

export interface ArticleHints {
  /** gold article body text */
  goldBody?: string;
  /** snippets known to be in the article (trafilatura "with") */
  snippets?: string[];
}

/** The article's paragraph units, located with the dataset's gold when there is one, else the longest paragraph run. */
export function locateArticle($: CheerioAPI, hints: ArticleHints = {}): Unit[] {
  const chrome = new Set<Unit>();
  const all = candidateUnits($, chrome);
  if (all.length === 0) return [];
  // article units never come from page chrome unless the page has nothing else
  const content = all.filter((u) => !chrome.has(u));
  const cands = content.length > 0 ? content : all;
  const gold = hints.goldBody ? squeeze(hints.goldBody) : '';
  const snippets = (hints.snippets ?? []).map(squeeze).filter((s) => s.length >= MIN_GOLD_MATCH_CHARS);
  let matched: Unit[] = [];
  if (gold || snippets.length) {
    matched = all.filter((u) => {
      const t = squeeze(u.node.data);
      if (t.length < MIN_GOLD_MATCH_CHARS) return false;
      if (gold && gold.includes(t)) return true;
      return snippets.some((s) => t.includes(s) || s.includes(t));
    });
    if (matched.length >= MIN_GOLD_UNITS) return matched;
    if (matched.length > 0) {
      // widen: the nearest ancestor of the first match that holds enough candidate units
      let anc: Element | null = groupOf(matched[0] as Unit);
      for (let i = 0; anc && i < 4; i++) {
        const a: Element = anc;
        const inside = cands.filter((u) => contains(a, u.node));
        if (inside.length >= MIN_GOLD_UNITS) return inside;
        anc = a.parent && a.parent.type === 'tag' ? (a.parent as Element) : null;
      }
      return matched;
    }
  }
  // fallback: the group with the most text
  const groups = new Map<Element, { units: Unit[]; chars: number }>();
  for (const u of cands) {
    const g = groupOf(u);
    const e = groups.get(g) ?? { units: [], chars: 0 };
    e.units.push(u);
    e.chars += collapse(u.node.data).length;
    groups.set(g, e);
  }
  let best: { units: Unit[]; chars: number } | undefined;
  for (const e of groups.values()) if (!best || e.chars > best.chars) best = e;
  return best?.units ?? [];
}

const META_CHARSET_RE = /(<meta\b[^>]*?\bcharset\s*=\s*["']?)\s*[\w.:-]+/giu;

/** Make the page's source declare UTF-8 (string edit, no parse): <meta charset> and http-equiv charset=. */
export function fixCharsetString(html: string): string {
  let found = false;
  const out = html.replace(META_CHARSET_RE, (_m, pre: string) => {
    found = true;
    return `${pre}utf-8`;
  });
  if (found) return out;
  const head = /<head\b[^>]*>/iu.exec(out);
  if (head) return out.slice(0, head.index + head[0].length) + '<meta charset="utf-8">' + out.slice(head.index + head[0].length);
  return '<meta charset="utf-8">' + out;
}

// ------------------------------------------------------------------ application (string edits on the source)
// The page is parsed once (with source offsets); each injection becomes insertions/replacements at offsets of the
// ORIGINAL source, so everything but the injected markup stays byte-identical (no re-serialisation) and several
// items of one page share one parse.

const HIDDEN_STYLES: Record<Exclude<HiddenMethod, 'stylesheet'>, string[]> = {
  'display-none': ['display:none', 'display: none;', 'DISPLAY: none'],
  offscreen: ['position:absolute;left:-9999px', 'position: absolute; top: -9990px;', 'position:absolute;left:-5000px;top:-5000px'],
  'font-size-zero': ['font-size:0', 'font-size:0px;line-height:0', 'font-size: 0;'],
  'text-indent': ['text-indent:-9999px;overflow:hidden;white-space:nowrap', 'text-indent: -10000px; overflow: hidden;'],
};

/** One edit of the source: replace [start, end) by text (start === end: insertion). */
export interface Edit {
  start: number;
  end: number;
  text: string;
  order: number;
}

/** A parsed page (with source offsets) and its article units; shared by all items of the page. */
export interface ParsedPage {
  html: string;
  $: CheerioAPI;
  units: Unit[];
  /** lazily computed raw-text/comment ranges */
  raw?: [number, number][];
}

/** Apply edits (non-overlapping) to the source; equal positions keep their order. */
export function applyEdits(html: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.order - b.order);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) continue; // overlapping edit: skipped (never produced by applyInjection)
    out += html.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + html.slice(pos);
}

function start(n: AnyNode): number {
  return n.startIndex ?? 0;
}
function end(n: AnyNode): number {
  return (n.endIndex ?? n.startIndex ?? 0) + 1;
}

class Editor {
  readonly edits: Edit[] = [];
  private n = 0;
  constructor(readonly page: ParsedPage) {}
  insert(at: number, text: string): void {
    this.edits.push({ start: at, end: at, text, order: this.n++ });
  }
  replace(s: number, e: number, text: string): void {
    this.edits.push({ start: s, end: e, text, order: this.n++ });
  }
  get html(): string {
    return this.page.html;
  }
  /** offset just after the element's start tag */
  openEnd(el: Element): number {
    const i = this.html.indexOf('>', start(el));
    return i < 0 ? end(el) : i + 1;
  }
  /** offset of the element's closing tag, or just after its last content when it is closed implicitly */
  innerEnd(el: Element): number {
    const e = end(el);
    const close = this.html.lastIndexOf('</', e - 1);
    if (close >= start(el) && this.html.slice(close + 2, close + 2 + el.name.length).toLowerCase() === el.name) {
      const rest = this.html.slice(close + 2 + el.name.length, e).trim();
      if (rest === '>' || rest === '') return close;
    }
    const last = el.children[el.children.length - 1];
    return last ? this.afterNode(last) : this.openEnd(el);
  }
  /** offset just after a node (an implicitly closed element ends after its last content) */
  afterNode(n: AnyNode): number {
    if (n.type !== 'tag') return end(n);
    const el = n as Element;
    const e = end(el);
    const close = this.html.lastIndexOf('</', e - 1);
    if (close >= start(el) && this.html.slice(close + 2, close + 2 + el.name.length).toLowerCase() === el.name) return e;
    if (VOID_TAGS.has(el.name)) return e;
    return this.innerEnd(el);
  }
  /** offset right after an element, where a sibling block can go */
  afterElement(el: Element): number {
    for (let s: AnyNode | null = el.next; s; s = s.next) if (s.type === 'tag') return start(s);
    return this.afterNode(el);
  }
}

const VOID_TAGS = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr', 'param']);

function linksHtml(links: LinkSpec[]): string {
  return links.map((l) => `<a href="${escapeHtml(l.href)}" target="_blank">${escapeHtml(l.text)}</a>`).join(' ');
}
function linksText(links: LinkSpec[]): string {
  return links.map((l) => l.text).join(' ');
}

function spliceIndex(rng: Rng, text: string, phraseCjk: boolean): { at: number; before: string; after: string } | null {
  const lo = Math.floor(text.length * 0.2);
  const hi = Math.ceil(text.length * 0.85);
  const cjkText = CJK_RE.test(text);
  const positions: number[] = [];
  for (let i = Math.max(1, lo); i < hi; i++) {
    const a = text[i - 1] as string;
    const b = text[i] as string;
    if (cjkText) {
      if (CJK_RE.test(a) && (CJK_RE.test(b) || /[“「(]/u.test(b))) positions.push(i);
    } else if (b === ' ' && /[\p{L}\p{N},]/u.test(a) && /[\p{L}\p{N}]/u.test(text[i + 1] ?? '')) positions.push(i);
  }
  if (positions.length === 0) return null;
  const at = rng.pick(positions);
  if (cjkText && phraseCjk) return { at, before: '', after: '' };
  if (cjkText) return { at, before: ' ', after: ' ' };
  return { at, before: ' ', after: '' };
}

/** The body element; htmlparser2 does not synthesise one, so fall back to <html>, then the document root. */
export function bodyOf($: CheerioAPI): Cheerio<AnyNode> {
  const body = $('body');
  if (body.length) return body.first();
  const html = $('html');
  return html.length ? html.first() : $.root();
}

/** Source ranges where inserted markup would not be page content (scripts, comments, noscript ...). */
function rawRanges(page: ParsedPage): [number, number][] {
  if (page.raw) return page.raw;
  const out: [number, number][] = [];
  const walk = (nodes: AnyNode[]): void => {
    for (const n of nodes) {
      if (n.type === 'comment' || n.type === 'directive' || n.type === 'cdata') out.push([start(n), end(n)]);
      else if (n.type === 'script' || n.type === 'style' || (n.type === 'tag' && RAW_TAGS.has((n as Element).name))) out.push([start(n), end(n)]);
      else if (n.type === 'tag' || n.type === 'root') walk((n as Element).children);
    }
  };
  walk(page.$.root().get(0)?.children ?? []);
  page.raw = out;
  return out;
}
const RAW_TAGS = new Set(['noscript', 'template', 'textarea', 'title', 'iframe', 'svg', 'select', 'head']);

/** true when an insertion at `at` lands in page content (not inside a script, comment, noscript ...). */
function safe(ed: Editor, at: number): boolean {
  if (at < 0 || at > ed.html.length) return false;
  for (const [s, e] of rawRanges(ed.page)) if (s < at && at < e) return false;
  return true;
}

/** Just after the body start tag (from the parse, so a "<body" in a script or comment does not count). */
function bodyStart(ed: Editor): number {
  const b = ed.page.$('body').first().get(0);
  if (b && safe(ed, ed.openEnd(b))) return ed.openEnd(b);
  const m = /<\/head\s*>/iu.exec(ed.html);
  if (m && safe(ed, m.index + m[0].length)) return m.index + m[0].length;
  return afterArticle(ed) ?? 0;
}
/** Before </body>, when that lands in page content; else after the article; else the end of the source. */
function bodyEnd(ed: Editor): number {
  const b = ed.page.$('body').first().get(0);
  if (b) {
    // within the parsed body element (a page may close it early, e.g. a stray </html> inside <noscript>)
    const inBody = (at: number): boolean => at >= ed.openEnd(b) && at <= end(b) && safe(ed, at);
    if (inBody(ed.innerEnd(b))) return ed.innerEnd(b);
    const lower = ed.html.toLowerCase();
    for (let i = lower.lastIndexOf('</body', end(b)); i >= 0; i = lower.lastIndexOf('</body', i - 1)) if (inBody(i)) return i;
    return afterArticle(ed) ?? ed.innerEnd(b);
  }
  return afterArticle(ed) ?? ed.html.length;
}
/** After the container of the article's paragraphs. */
function afterArticle(ed: Editor): number | undefined {
  const u = ed.page.units[ed.page.units.length - 1];
  if (!u) return undefined;
  const container = u.block.name === 'p' && u.block.parent?.type === 'tag' ? (u.block.parent as Element) : u.block;
  const at = ed.afterElement(container);
  return safe(ed, at) ? at : undefined;
}

function insertBlock(ed: Editor, rng: Rng, place: Place, html: string): void {
  const { $, units } = ed.page;
  if (place === 'body' && units.length > 0) {
    // between article paragraphs, not after the first unit when there are several
    const idx = units.length > 2 ? rng.range(1, units.length - 2) : rng.int(units.length);
    const u = units[idx] as Unit;
    if ((u.block.name === 'p' || u.block.name === 'li') && safe(ed, ed.afterElement(u.block))) ed.insert(ed.afterElement(u.block), html);
    else {
      // text directly in a div/td (br-separated): before the next element sibling of the text, else at the end
      let at = -1;
      for (let n: AnyNode | null = u.node.next; n; n = n.next) {
        if (n.type === 'tag') {
          at = start(n);
          break;
        }
      }
      ed.insert(at >= 0 ? at : u.node.parent && u.node.parent.type === 'tag' ? ed.innerEnd(u.node.parent as Element) : bodyEnd(ed), html);
    }
    return;
  }
  if (place === 'sidebar') {
    const side = $('body aside, body div[class*="sidebar"], body div[id*="sidebar"], body div[class*="side"], body div[id*="side"]').first().get(0);
    if (side && safe(ed, ed.innerEnd(side as Element))) {
      ed.insert(ed.innerEnd(side as Element), html);
      return;
    }
  }
  if (place === 'header') {
    ed.insert(bodyStart(ed), html);
    return;
  }
  const footer = $('body footer, body div[id*="footer"], body div[class*="footer"]').last().get(0);
  if (footer && rng.chance(0.5) && safe(ed, ed.innerEnd(footer as Element))) ed.insert(ed.innerEnd(footer as Element), html);
  else ed.insert(bodyEnd(ed), html);
}

function escapeAttr(s: string): string {
  return escapeHtml(s);
}

/** Apply one injection as edits; returns the gold spans it produced. */
export function applyInjection(ed: Editor, spec: InjectionSpec, rng: Rng): GoldSpan[] {
  const { $, units } = ed.page;
  const base = { kind: spec.kind, category: spec.category, lang: spec.lang };
  switch (spec.kind) {
    case 'title-affix': {
      const phrase = spec.phrase ?? '';
      const h1 = $('body h1').filter((_i, el) => collapse($(el).text()).length >= 4).first().get(0);
      // without an h1 the headline comes from <title>, where an affix behind a separator (| - _ ——) reads as the
      // site name and is cut by title extractors: such pages get the phrase as a prefix joined by a space (as in the
      // seed: "互联网金融股票配资 深圳市…")
      const suffix = spec.position === 'suffix' && h1 !== undefined;
      const sep = h1 ? (spec.sep ?? ' ') : ' ';
      const affix = (t: string): string => (suffix ? `${t}${sep}${phrase}` : `${phrase}${sep}${t}`);
      const title = $('title').first().get(0);
      if (title) ed.replace(ed.openEnd(title), ed.innerEnd(title), escapeHtml(affix(collapse($(title).text()))));
      else {
        const head = $('head').first().get(0);
        ed.insert(head ? ed.openEnd(head) : 0, `<title>${escapeHtml(phrase)}</title>`);
      }
      $('meta[property="og:title"], meta[name="og:title"], meta[name="twitter:title"]').each((_i, el) => {
        const src = ed.html.slice(start(el), end(el));
        const m = /\bcontent\s*=\s*("[^"]*"|'[^']*')/iu.exec(src);
        if (m) {
          const s = start(el) + m.index + m[0].length - m[1]!.length;
          ed.replace(s, s + m[1]!.length, `"${escapeAttr(affix($(el).attr('content') ?? ''))}"`);
        }
      });
      if (h1) {
        if (suffix) ed.insert(ed.innerEnd(h1), escapeHtml(sep + phrase));
        else ed.insert(ed.openEnd(h1), escapeHtml(phrase + sep));
      }
      return [{ ...base, text: collapse(phrase), where: 'title' }];
    }
    case 'spliced-phrase': {
      const phrase = spec.phrase ?? '';
      const begin = rng.int(Math.max(1, units.length));
      for (let tries = 0; tries < units.length; tries++) {
        const u = units[(begin + tries) % units.length] as Unit;
        const raw = ed.html.slice(start(u.node), end(u.node));
        const s = spliceIndex(rng, raw, CJK_RE.test(phrase) && spec.lang !== 'en' && spec.lang !== 'id');
        if (!s) continue;
        ed.insert(start(u.node) + s.at, s.before + escapeHtml(phrase) + s.after);
        return [{ ...base, text: collapse(phrase), where: 'body' }];
      }
      insertBlock(ed, rng, 'body', `<p>${escapeHtml(phrase)}</p>`);
      return [{ ...base, text: collapse(phrase), where: 'body' }];
    }
    case 'promo-line': {
      const text = spec.text ?? '';
      let inner = escapeHtml(text);
      if (spec.link && text.includes(spec.link.text)) {
        const i = text.indexOf(spec.link.text);
        inner = escapeHtml(text.slice(0, i)) + `<a href="${escapeHtml(spec.link.href)}">${escapeHtml(spec.link.text)}</a>` +
          escapeHtml(text.slice(i + spec.link.text.length));
      }
      insertBlock(ed, rng, 'body', `<p>${inner}</p>`);
      return [{ ...base, text: collapse(text), where: 'body' }];
    }
    case 'keyword-stuffing': {
      const place = spec.place ?? 'body';
      const html = place === 'body' ? `<p>${escapeHtml(spec.text ?? '')}</p>` : `<div class="tags">${escapeHtml(spec.text ?? '')}</div>`;
      insertBlock(ed, rng, place, html);
      return [{ ...base, text: collapse(spec.text ?? ''), where: place === 'body' ? 'body' : 'boilerplate' }];
    }
    case 'link-block': {
      const cls = rng.chance(0.5) ? 'links' : 'flink';
      insertBlock(ed, rng, spec.place ?? 'footer', `<div class="${cls}">${escapeHtml(spec.label ?? '')} ${linksHtml(spec.links ?? [])}</div>`);
      return [{ ...base, text: collapse(`${spec.label ?? ''} ${linksText(spec.links ?? [])}`), where: 'boilerplate' }];
    }
    case 'hidden-block': {
      const method = spec.method ?? 'display-none';
      const html: string[] = [];
      const text: string[] = [];
      if (spec.text) {
        html.push(escapeHtml(spec.text));
        text.push(spec.text);
      }
      if (spec.links?.length) {
        html.push(linksHtml(spec.links));
        text.push(linksText(spec.links));
      }
      let attrs: string;
      let tag = 'div';
      if (method === 'stylesheet') {
        const cls = `c${(rng.int(0xfffff) + 0x10000).toString(36)}`;
        const head = $('head').first().get(0);
        const style = `<style>.${cls}{display:none}</style>`;
        if (head) ed.insert(ed.innerEnd(head as Element), style);
        else ed.insert(bodyStart(ed), style);
        attrs = ` class="${cls}"`;
      } else {
        if (method === 'offscreen' && rng.chance(0.5)) tag = 'span';
        attrs = ` style="${rng.pick(HIDDEN_STYLES[method])}"`;
      }
      const place = spec.place === 'body' && units.length === 0 ? 'footer' : (spec.place ?? 'footer');
      insertBlock(ed, rng, place, `<${tag}${attrs}>${html.join(' ')}</${tag}>`);
      return [{ ...base, text: collapse(text.join(' ')), where: 'hidden' }];
    }
    case 'site-branding': {
      const home = spec.lang === 'zh' ? '首页' : spec.lang === 'ja' ? 'ホーム' : spec.lang === 'id' ? 'Beranda' : 'Home';
      ed.insert(bodyStart(ed), `<div class="site-header"><div class="logo"><a href="/">${escapeHtml(spec.name ?? '')}</a></div>` +
        `<div class="slogan">${escapeHtml(spec.slogan ?? '')}</div><ul class="nav"><li><a href="/">${home}</a></li></ul></div>`);
      insertBlock(ed, rng, 'footer', `<div class="site-footer">${escapeHtml(spec.footer ?? '')}</div>`);
      return [
        { ...base, text: collapse(spec.name ?? ''), where: 'boilerplate' },
        { ...base, text: collapse(spec.slogan ?? ''), where: 'boilerplate' },
        { ...base, text: collapse(spec.footer ?? ''), where: 'boilerplate' },
      ];
    }
  }
  return [];
}

/** Apply a recipe's injections to a parsed page: the new source and its gold spans. */
export function injectAll(page: ParsedPage, specs: InjectionSpec[], seed: number): { html: string; gold: GoldSpan[] } {
  const rng = makeRng(seed);
  const ed = new Editor(page);
  const gold: GoldSpan[] = [];
  for (const spec of specs) for (const g of applyInjection(ed, spec, rng)) if (g.text) gold.push(g);
  return { html: applyEdits(page.html, ed.edits), gold };
}

export type { Editor };
