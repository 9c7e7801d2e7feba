// The labelled corpus: recipes (corpus/<split>.jsonl) materialised into pages from ../shared/data, plus our own
// fixtures (corpus/fixtures). I/O is limited to reading files; the injection itself is pure (inject.ts).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { load, type CheerioAPI } from 'cheerio/slim';
import { InputError } from '../../src/errors.js';
import { GoldSpan as GoldSpanSchema } from './gold.js';
import { decodeBytes } from './decode.js';
import { collapse, fixCharsetString, injectAll, locateArticle, type ArticleHints, type ParsedPage } from './inject.js';
import { Recipe } from './recipe.js';
import type { CorpusItem, GoldSpan, Split } from './types.js';

export type { CorpusItem, GoldSpan, Split } from './types.js';
export type { Recipe } from './recipe.js';

export const SPLITS: readonly Split[] = ['train', 'dev', 'test'];

export const DATASET_DIRS = {
  scrapinghub: 'scrapinghub-article-extraction-benchmark',
  chinese: 'chinese-web-content-extraction',
  gne: 'gne-chinese-news',
  trafilatura: 'trafilatura-eval',
} as const;

let repoRootCache: string | undefined;

/** The repo root: nearest ancestor of this file holding package.json and corpus/ (works from src/ and dist/). */
export function repoRoot(): string {
  if (repoRootCache) return repoRootCache;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src'))) return (repoRootCache = dir);
    const up = dirname(dir);
    if (up === dir) throw new InputError(`corpus: repo root not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/** ../shared/data next to the repo root (WINNOW_DATA overrides). */
export function dataRoot(): string {
  return process.env.WINNOW_DATA ? resolve(process.env.WINNOW_DATA) : resolve(repoRoot(), '..', 'shared', 'data');
}

export function corpusDir(): string {
  return join(repoRoot(), 'corpus');
}

// ------------------------------------------------------------------ dataset gold (lazy, module-level: small JSON)
let scrapinghubGold: Record<string, { articleBody?: string; url?: string }> | undefined;
let trafilaturaGold: Record<string, { file: string; with?: string[]; without?: string[] }> | undefined;

export function scrapinghubGroundTruth(): Record<string, { articleBody?: string; url?: string }> {
  scrapinghubGold ??= JSON.parse(readFileSync(join(dataRoot(), DATASET_DIRS.scrapinghub, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  return scrapinghubGold;
}

export function trafilaturaEvalData(): Record<string, { file: string; with?: string[]; without?: string[] }> {
  trafilaturaGold ??= JSON.parse(readFileSync(join(dataRoot(), DATASET_DIRS.trafilatura, 'evaldata.json'), 'utf8')) as Record<string, { file: string; with?: string[]; without?: string[] }>;
  return trafilaturaGold;
}

let gneSilverCache: Record<string, { content?: string }> | undefined;
function gneSilver(): Record<string, { content?: string }> {
  const p = join(dataRoot(), DATASET_DIRS.gne, 'gne-output-silver.json');
  gneSilverCache ??= existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as Record<string, { content?: string }>) : {};
  return gneSilverCache;
}

export function chineseGoldBody(uuid: string): string | undefined {
  const p = join(dataRoot(), DATASET_DIRS.chinese, 'cleaned', `${uuid}.txt`);
  return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
}

/** Gold body (for goldBody) and article hints (to place injections) of a recipe's page. */
export function pageHints(r: Pick<Recipe, 'dataset' | 'key' | 'source'>): { goldBody?: string; hints: ArticleHints } {
  if (r.dataset === 'scrapinghub' && r.key) {
    const body = scrapinghubGroundTruth()[r.key]?.articleBody;
    return { goldBody: body, hints: { goldBody: body } };
  }
  if (r.dataset === 'chinese' && r.key) {
    const body = chineseGoldBody(r.key);
    return { goldBody: body, hints: { goldBody: body } };
  }
  if (r.dataset === 'gne') {
    // GNE's own extraction for 20 pages: silver, used only to find the article paragraphs (never as goldBody)
    const silver = gneSilver()[r.source.slice(DATASET_DIRS.gne.length + 1)]?.content;
    return { hints: silver ? { goldBody: silver } : {} };
  }
  if (r.dataset === 'trafilatura' && r.key) {
    return { hints: { snippets: trafilaturaEvalData()[r.key]?.with ?? [] } };
  }
  return { hints: {} };
}

// ------------------------------------------------------------------ source pages
/** Read and decode a page under ../shared/data (gunzip .gz). */
export function readSourcePage(source: string, cache?: Map<string, string>): string {
  const hit = cache?.get(source);
  if (hit !== undefined) return hit;
  const p = join(dataRoot(), source);
  if (!existsSync(p)) throw new InputError(`corpus: source page not found: ${p} (is ../shared/data next to the repo?)`);
  let buf: Buffer = readFileSync(p);
  if (p.endsWith('.gz')) buf = gunzipSync(buf);
  const html = decodeBytes(buf, source.startsWith(DATASET_DIRS.chinese) || source.startsWith(DATASET_DIRS.gne) ? 'gb18030' : 'windows-1252').html;
  cache?.set(source, html);
  return html;
}

/** Cheerio options: keep non-ASCII characters as they are when serialising. */
export const CHEERIO_OPTIONS = { encodeEntities: 'utf8' } as const;

export function loadHtml(html: string): CheerioAPI {
  return load(html, CHEERIO_OPTIONS as never);
}

/** Per-call cache of decoded sources and parsed pages (a page's items share one parse). */
export class MaterializeCache {
  readonly sources = new Map<string, string>();
  readonly parsed = new Map<string, ParsedPage>();
}

function parsedPage(recipe: Recipe, html: string, hints: ArticleHints, cache?: MaterializeCache): ParsedPage {
  const key = `${recipe.source}#${recipe.key ?? ''}`;
  const hit = cache?.parsed.get(key);
  if (hit) return hit;
  const $ = load(html, { withStartIndices: true, withEndIndices: true } as never);
  const page: ParsedPage = { html, $, units: locateArticle($, hints) };
  if (cache) {
    // keep only the latest page: recipes of one page are adjacent, so this bounds memory
    cache.parsed.clear();
    cache.parsed.set(key, page);
  }
  return page;
}

/** Materialise one recipe into a page + gold (deterministic). */
export function materialize(recipe: Recipe, cache?: MaterializeCache): CorpusItem {
  const html = fixCharsetString(readSourcePage(recipe.source, cache?.sources));
  const { goldBody, hints } = pageHints(recipe);
  const gold: GoldSpan[] = [];
  let out = html;
  if (recipe.real?.length || recipe.injections.length) {
    const page = parsedPage(recipe, html, hints, cache);
    const $ = page.$;
    for (const real of recipe.real ?? []) {
      const els = $(real.selector).toArray();
      if (els.length === 0) throw new InputError(`corpus: ${recipe.id}: real spam block not found (${real.selector})`);
      let bestText = collapse($(els[0]).text());
      if (real.pick === 'longest') {
        for (const el of els) {
          const t = collapse($(el).text());
          if (t.length > bestText.length) bestText = t;
        }
      }
      gold.push({ text: bestText, where: real.where, kind: real.kind, category: real.category, lang: real.lang });
    }
    if (recipe.injections.length) {
      const r = injectAll(page, recipe.injections, recipe.seed);
      out = r.html;
      gold.push(...r.gold);
    }
  }
  return {
    id: recipe.id,
    site: recipe.site,
    source: recipe.source,
    lang: recipe.lang,
    split: recipe.split,
    html: out,
    gold,
    ...(goldBody !== undefined ? { goldBody } : {}),
    contaminated: gold.length > 0,
    ...(recipe.tags?.length ? { tags: recipe.tags } : {}),
  };
}

// ------------------------------------------------------------------ recipes and splits
export function recipePath(split: Split): string {
  return join(corpusDir(), `${split}.jsonl`);
}

export function parseRecipes(text: string, file = 'recipes'): Recipe[] {
  const out: Recipe[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new InputError(`corpus: ${file}:${i + 1}: not valid JSON`);
    }
    const r = Recipe.safeParse(raw);
    if (!r.success) throw new InputError(`corpus: ${file}:${i + 1}: bad recipe: ${r.error.issues[0]?.message ?? 'invalid'}`);
    out.push(r.data);
  });
  return out;
}

export function loadRecipes(split: Split): Recipe[] {
  if (!SPLITS.includes(split)) throw new InputError(`corpus: unknown split "${String(split)}" (train, dev, test)`);
  const p = recipePath(split);
  if (!existsSync(p)) throw new InputError(`corpus: ${p} missing; run: npx tsx scripts/build-corpus.ts`);
  return parseRecipes(readFileSync(p, 'utf8'), p);
}

export interface LoadOptions {
  /** at most this many items (recipe order: deterministic) */
  limit?: number;
  /** only these datasets ("scrapinghub", "chinese", "gne", "trafilatura") or source path prefixes */
  sources?: string[];
}

/** Materialise a split. Source pages are read once per call. */
export function loadSplit(split: Split, opts: LoadOptions = {}): CorpusItem[] {
  const cache = new MaterializeCache();
  return selectRecipes(split, opts).map((r) => materialize(r, cache));
}

/** The split's recipes, filtered by source and cut to the limit. */
function selectRecipes(split: Split, opts: LoadOptions): Recipe[] {
  let recipes = loadRecipes(split);
  if (opts.sources?.length) {
    const want = opts.sources;
    recipes = recipes.filter((r) => want.some((s) => r.dataset === s || r.source.startsWith(s)));
  }
  if (opts.limit !== undefined) recipes = recipes.slice(0, Math.max(0, opts.limit));
  return recipes;
}

/** Like loadSplit, one item at a time (a training loop need not hold the whole split's HTML in memory). */
export function* iterateSplit(split: Split, opts: LoadOptions = {}): Generator<CorpusItem> {
  const recipes = selectRecipes(split, opts);
  const cache = new MaterializeCache();
  let lastSource = '';
  for (const r of recipes) {
    if (r.source !== lastSource) cache.sources.clear(); // recipes of one page are adjacent
    lastSource = r.source;
    yield materialize(r, cache);
  }
}

// ------------------------------------------------------------------ fixtures
const FixtureGold = GoldSpanSchema.array();

/**
 * Our own hand-written fixtures (corpus/fixtures): the seed page, the hard negatives (clean, with a gold body) and
 * the small contaminated fixtures per language. Each X.html has X.gold.json ({injected, cleanTitle?, sentences?})
 * or, for negatives, X.body.txt. Split is "test" (they are reported separately).
 */
export function loadFixtures(): CorpusItem[] {
  const dir = join(corpusDir(), 'fixtures');
  const items: CorpusItem[] = [];
  const walk = (d: string, rel: string): void => {
    for (const f of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (f.isDirectory()) walk(join(d, f.name), `${rel}/${f.name}`);
      else if (f.name.endsWith('.html')) items.push(fixtureItem(join(d, f.name), `${rel}/${f.name}`));
    }
  };
  if (existsSync(dir)) walk(dir, 'corpus/fixtures');
  return items;
}

function fixtureItem(path: string, source: string): CorpusItem {
  const html = readFileSync(path, 'utf8');
  const base = path.replace(/\.html$/u, '');
  let gold: GoldSpan[] = [];
  let goldBody: string | undefined;
  let lang = 'zh';
  if (existsSync(`${base}.gold.json`)) {
    const raw = JSON.parse(readFileSync(`${base}.gold.json`, 'utf8')) as { injected?: unknown; lang?: string; body?: string };
    const parsed = FixtureGold.safeParse(raw.injected ?? []);
    if (!parsed.success) throw new InputError(`corpus: ${base}.gold.json: bad gold spans`);
    gold = parsed.data;
    if (raw.lang) lang = raw.lang;
    if (raw.body) goldBody = raw.body;
  }
  if (existsSync(`${base}.body.txt`)) goldBody = readFileSync(`${base}.body.txt`, 'utf8');
  const m = /<html[^>]*\blang="([a-z]{2})/iu.exec(html);
  if (m?.[1]) lang = m[1].toLowerCase();
  const name = source.replace(/^corpus\/fixtures\//u, '').replace(/\.html$/u, '');
  return {
    id: `fixture:${name}`,
    site: `fixture:${name}`,
    source,
    lang,
    split: 'test',
    html,
    gold,
    ...(goldBody !== undefined ? { goldBody } : {}),
    contaminated: gold.length > 0,
    tags: ['fixture', ...(source.includes('/negatives/') ? ['hard-negative'] : [])],
  };
}

/** Cheap reader-text extraction (title + body, scripts/styles dropped, whitespace collapsed): for tests and checks. */
export function pageText(html: string): string {
  const $ = loadHtml(html);
  $('script, style, noscript, template').remove();
  const parts: string[] = [];
  parts.push($('title').text());
  $('meta[property="og:title"]').each((_i, el) => {
    parts.push($(el).attr('content') ?? '');
  });
  parts.push($('body').length ? $('body').text() : $.root().text());
  return collapse(parts.join(' '));
}
