// Which real pages the corpus uses, and each page's site (for the split) and main language. Build-time only.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_DIRS, dataRoot, loadHtml, readSourcePage, scrapinghubGroundTruth, trafilaturaEvalData } from './index.js';
import { hashString } from './inject.js';
import type { Dataset } from './recipe.js';

export interface SourcePage {
  dataset: Dataset;
  source: string;
  key?: string;
  site: string;
  lang: string;
  tags: string[];
}

/** trafilatura pages drawn at random (by URL hash) on top of the forced ones. */
export const TRAFILATURA_RANDOM_PAGES = 260;

const SECOND_LEVEL = new Set(['com', 'net', 'org', 'gov', 'edu', 'co', 'ac', 'or', 'ne', 'go']);

/** Registrable domain, roughly: last two labels, or three under com.cn / co.uk / or.jp ... */
export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/^www\d?\./u, '').replace(/:\d+$/u, '');
  const labels = h.split('.').filter(Boolean);
  if (labels.length <= 2) return labels.join('.');
  const sl = labels[labels.length - 2] as string;
  const tld = labels[labels.length - 1] as string;
  const n = SECOND_LEVEL.has(sl) && tld.length === 2 ? 3 : 2;
  return labels.slice(-n).join('.');
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** The key the split is decided on: the site's first label ("sina.com.cn" and gne "sina" land together). */
export function splitKey(site: string): string {
  return site.split('.')[0] ?? site;
}

/** Main language: <html lang>, else script / stop-word heuristics on the text. */
export function guessLang(html: string, text: string): string {
  const m = /<html[^>]*\blang\s*=\s*["']?([a-zA-Z]{2})/u.exec(html.slice(0, 5000));
  const sample = text.slice(0, 20000);
  const count = (re: RegExp): number => (sample.match(re) ?? []).length;
  const kana = count(/[\u3040-\u30ff]/gu);
  const han = count(/[\u4e00-\u9fff]/gu);
  const hangul = count(/[\uac00-\ud7af]/gu);
  const cyr = count(/[\u0400-\u04ff]/gu);
  const letters = Math.max(1, count(/\p{L}/gu));
  if (kana > 30 && kana / letters > 0.05) return 'ja';
  if (han / letters > 0.3) return 'zh';
  if (hangul / letters > 0.3) return 'ko';
  if (cyr / letters > 0.3) return 'ru';
  if (m?.[1]) return m[1].toLowerCase();
  const words = sample.toLowerCase().split(/[^\p{L}]+/u);
  const sw: Record<string, string[]> = {
    en: ['the', 'and', 'of', 'to', 'is', 'that'],
    de: ['der', 'die', 'und', 'das', 'nicht', 'ist'],
    es: ['el', 'los', 'del', 'las', 'por', 'que'],
    pt: ['os', 'não', 'uma', 'do', 'da', 'em'],
    fr: ['le', 'les', 'des', 'est', 'et', 'une'],
    pl: ['nie', 'się', 'jest', 'na', 'że', 'w'],
  };
  let best = 'en';
  let bestN = 0;
  for (const [l, list] of Object.entries(sw)) {
    const set = new Set(list);
    const n = words.filter((w) => set.has(w)).length;
    if (n > bestN) {
      best = l;
      bestN = n;
    }
  }
  return best;
}

function textOf(html: string): { text: string; title: string; canonical: string; hosts: string[] } {
  const $ = loadHtml(html);
  const canonical = $('link[rel="canonical"]').attr('href') ?? $('meta[property="og:url"]').attr('content') ?? '';
  const hosts: string[] = [];
  $('a[href]').each((_i, el) => {
    const h = $(el).attr('href') ?? '';
    if (/^https?:\/\//iu.test(h)) hosts.push(hostOf(h));
  });
  const title = $('title').first().text();
  $('script, style, noscript').remove();
  return { text: $('body').text(), title, canonical, hosts };
}

function mostFrequentDomain(hosts: string[]): string {
  const counts = new Map<string, number>();
  for (const h of hosts) {
    if (!h) continue;
    const d = registrableDomain(h);
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best = '';
  let n = 0;
  for (const [d, c] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) if (c > n) [best, n] = [d, c];
  return best;
}

const TITLE_SUFFIX_RE = /[_|\-–—]\s*([^_|\-–—]{2,16})\s*$/u;

/** Hard negatives named in spam-in-the-wild/manifest.json and hidden_blocks_scan.json. */
function hardNegativeFiles(): Set<string> {
  const root = join(dataRoot(), 'spam-in-the-wild');
  const out = new Set<string>();
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as {
    hard_negatives_hidden_but_legit?: { file: string }[];
    legit_spam_keyword_mentions_in_gold_body?: { file: string }[];
  };
  for (const e of [...(manifest.hard_negatives_hidden_but_legit ?? []), ...(manifest.legit_spam_keyword_mentions_in_gold_body ?? [])]) {
    const m = /^(.*)\/\{(.*)\}(\.html\.gz)$/u.exec(e.file);
    if (m) for (const part of (m[2] as string).split(',')) out.add(`${m[1]}/${part}${m[3]}`);
    else if (!e.file.includes('*')) out.add(e.file);
  }
  const scanPath = join(root, 'hidden_blocks_scan.json');
  if (existsSync(scanPath)) {
    const scan = JSON.parse(readFileSync(scanPath, 'utf8')) as { file: string }[];
    for (const e of scan) out.add(e.file);
  }
  return out;
}

export const REAL_SPAM_SOURCES = {
  njxfhn: 'gne-chinese-news/html/njxfhn/1.html.gz',
  silvias: 'trafilatura-eval/eval/silvias.net.wahlzensur.html.gz',
} as const;
/** Split keys forced into test (the real spam pages live there). */
export const FORCED_TEST_KEYS = new Set(['njxfhn', 'silvias']);

/** Every page the corpus uses, deterministic order. */
export function listSources(): SourcePage[] {
  const out: SourcePage[] = [];
  const hard = hardNegativeFiles();
  const cache = new Map<string, string>();
  const tagsFor = (source: string): string[] => {
    const t: string[] = [];
    if (hard.has(source)) t.push('hard-negative');
    if (Object.values(REAL_SPAM_SOURCES).includes(source as never)) t.push('real-spam');
    return t;
  };
  // scrapinghub
  const gt = scrapinghubGroundTruth();
  for (const key of Object.keys(gt).sort()) {
    const source = `${DATASET_DIRS.scrapinghub}/html/${key}.html.gz`;
    const html = readSourcePage(source, cache);
    const site = registrableDomain(hostOf(gt[key]?.url ?? '')) || `scrapinghub-${key.slice(0, 8)}`;
    out.push({ dataset: 'scrapinghub', source, key, site, lang: guessLang(html, gt[key]?.articleBody ?? textOf(html).text), tags: tagsFor(source) });
  }
  // chinese
  const chRoot = join(dataRoot(), DATASET_DIRS.chinese, 'original');
  for (const f of readdirSync(chRoot).filter((x) => x.endsWith('.html')).sort()) {
    const key = f.replace(/\.html$/u, '');
    const source = `${DATASET_DIRS.chinese}/original/${f}`;
    const html = readSourcePage(source, cache);
    const t = textOf(html);
    let site = t.canonical ? registrableDomain(hostOf(t.canonical)) : '';
    if (!site) site = mostFrequentDomain(t.hosts);
    if (!site) site = TITLE_SUFFIX_RE.exec(collapseWs(t.title))?.[1]?.trim() ?? '';
    if (!site) site = `chinese-${key.slice(0, 8)}`;
    out.push({ dataset: 'chinese', source, key, site, lang: guessLang(html, t.text), tags: tagsFor(source) });
  }
  // gne
  const gneRoot = join(dataRoot(), DATASET_DIRS.gne, 'html');
  for (const site of readdirSync(gneRoot).sort()) {
    for (const f of readdirSync(join(gneRoot, site)).filter((x) => x.endsWith('.html.gz')).sort((a, b) => parseInt(a, 10) - parseInt(b, 10))) {
      const source = `${DATASET_DIRS.gne}/html/${site}/${f}`;
      const html = readSourcePage(source, cache);
      out.push({ dataset: 'gne', source, site, lang: guessLang(html, textOf(html).text), tags: tagsFor(source) });
    }
  }
  // trafilatura: forced (CJK, hard negatives, real spam) + a hash-ordered sample
  const ev = trafilaturaEvalData();
  const trRoot = join(dataRoot(), DATASET_DIRS.trafilatura);
  const urls = Object.keys(ev).sort();
  const pathOf = (url: string): string | undefined => {
    const file = ev[url]?.file ?? '';
    if (existsSync(join(trRoot, 'eval', `${file}.gz`))) return `${DATASET_DIRS.trafilatura}/eval/${file}.gz`;
    if (existsSync(join(trRoot, 'cache', `${file}.gz`))) return `${DATASET_DIRS.trafilatura}/cache/${file}.gz`;
    return undefined;
  };
  const cjk = /xinhuanet|banyuetan|baike\.baidu|chineselyrics|nhk\.or\.jp|tofugu|gaijinpot/u;
  const chosen = new Set<string>();
  for (const url of urls) {
    const p = pathOf(url);
    if (p && (hard.has(p) || cjk.test(url) || p === REAL_SPAM_SOURCES.silvias)) chosen.add(url);
  }
  const rest = urls.filter((u) => !chosen.has(u) && pathOf(u)).sort((a, b) => hashString(`tr:${a}`) - hashString(`tr:${b}`) || a.localeCompare(b));
  for (const u of rest.slice(0, TRAFILATURA_RANDOM_PAGES)) chosen.add(u);
  for (const url of urls) {
    if (!chosen.has(url)) continue;
    const source = pathOf(url) as string;
    const html = readSourcePage(source, cache);
    const withText = (ev[url]?.with ?? []).join(' ');
    let host = hostOf(url);
    const wb = /web\.archive\.org\/web\/\d+\/(https?:\/\/[^/]+)/u.exec(url);
    if (wb?.[1]) host = hostOf(wb[1]);
    out.push({
      dataset: 'trafilatura', source, key: url, site: registrableDomain(host) || `trafilatura-${ev[url]?.file ?? url}`,
      lang: guessLang(html, withText.length > 200 ? withText : textOf(html).text), tags: tagsFor(source),
    });
  }
  return out;
}

function collapseWs(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}
