// Build the corpus recipes: corpus/{train,dev,test}.jsonl + corpus/README.md (counts). Deterministic (seeded PRNG).
// Run: npx tsx scripts/build-corpus.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Category, InjectionKind } from '../src/detect/types.js';
import { corpusDir, loadFixtures, materialize, MaterializeCache, SPLITS } from '../dev/corpus/index.js';
import { categoriesFor, generateInjection, hashString, makeRng, type InjectionSpec, type Rng } from '../dev/corpus/inject.js';
import type { Recipe } from '../dev/corpus/recipe.js';
import { FORCED_TEST_KEYS, listSources, REAL_SPAM_SOURCES, splitKey, type SourcePage } from '../dev/corpus/sources.js';
import type { SpamLang, VocabPart } from '../dev/corpus/spam-vocab.js';
import type { CorpusItem, Split } from '../dev/corpus/types.js';

const SEED = 'winnow-corpus-v1';
/** Split buckets by hash of the site's split key: [0, TRAIN) train, [TRAIN, DEV) dev, rest test (of 100). */
const TRAIN_BUCKETS = 60;
const DEV_BUCKETS = 80;
/** Share of pages that get two contaminated variants (the rest get one). */
const TWO_VARIANTS_SHARE = 0.5;
/** Share of items with both a title affix and a splice where the splice reuses the title keyword. */
const REUSE_TITLE_PHRASE_SHARE = 0.5;

const KINDS: InjectionKind[] = ['title-affix', 'spliced-phrase', 'promo-line', 'link-block', 'hidden-block', 'keyword-stuffing', 'site-branding'];
const ONCE_PER_ITEM = new Set<InjectionKind>(['title-affix', 'site-branding']);

function splitOf(site: string): Split {
  const key = splitKey(site);
  if (FORCED_TEST_KEYS.has(key)) return 'test';
  const b = hashString(`${SEED}:split:${key}`) % 100;
  return b < TRAIN_BUCKETS ? 'train' : b < DEV_BUCKETS ? 'dev' : 'test';
}

function weighted<T>(rng: Rng, pairs: [T, number][]): T {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let x = rng.next() * total;
  for (const [v, w] of pairs) {
    x -= w;
    if (x < 0) return v;
  }
  return (pairs[pairs.length - 1] as [T, number])[0];
}

function injectionLang(rng: Rng, pageLang: string): SpamLang {
  if (pageLang === 'zh') return weighted(rng, [['zh', 75], ['en', 9], ['ja', 8], ['id', 8]]);
  if (pageLang === 'ja') return weighted(rng, [['ja', 75], ['zh', 10], ['en', 10], ['id', 5]]);
  if (pageLang === 'en') return weighted(rng, [['en', 65], ['id', 15], ['zh', 10], ['ja', 10]]);
  if (pageLang === 'id') return weighted(rng, [['id', 80], ['en', 20]]);
  return weighted(rng, [['en', 50], ['id', 20], ['zh', 15], ['ja', 15]]);
}

function pickCategory(rng: Rng, kind: InjectionKind, lang: SpamLang): Category {
  const cats = categoriesFor(kind, lang);
  return weighted(rng, cats.map((c): [Category, number] => [c, c === 'margin-lending' && lang === 'zh' ? 3 : c === 'gambling' ? 2 : 1]));
}

function contaminatedInjections(rng: Rng, page: SourcePage, part: VocabPart): InjectionSpec[] {
  const n = weighted(rng, [[1, 45], [2, 35], [3, 20]]);
  const specs: InjectionSpec[] = [];
  const used = new Set<InjectionKind>();
  while (specs.length < n) {
    const kind = rng.pick(KINDS);
    if (ONCE_PER_ITEM.has(kind) && used.has(kind)) continue;
    used.add(kind);
    const lang = injectionLang(rng, page.lang);
    specs.push(generateInjection(rng, kind, pickCategory(rng, kind, lang), lang, part));
  }
  // spam sites reuse their keyword: the spliced phrase repeats the title affix
  const title = specs.find((s) => s.kind === 'title-affix');
  const splice = specs.find((s) => s.kind === 'spliced-phrase');
  if (title && splice && rng.chance(REUSE_TITLE_PHRASE_SHARE)) {
    splice.phrase = title.phrase;
    splice.category = title.category;
    splice.lang = title.lang;
  }
  // title affixes first (they change the head), then the rest in generation order
  return [...specs.filter((s) => s.kind === 'title-affix'), ...specs.filter((s) => s.kind !== 'title-affix')];
}

function shortKey(p: SourcePage): string {
  if (p.dataset === 'scrapinghub') return (p.key ?? '').slice(0, 16);
  if (p.dataset === 'chinese') return p.key ?? p.source;
  return p.source.replace(/^[^/]+\/(html|eval|cache)\//u, '').replace(/\.html\.gz$/u, '');
}

function buildRecipes(pages: SourcePage[]): Recipe[] {
  const out: Recipe[] = [];
  for (const page of pages) {
    const split = splitOf(page.site);
    const part: VocabPart = split === 'train' ? 'train' : 'heldout';
    const rng = makeRng(hashString(`${SEED}:${page.source}`));
    const base = { site: page.site, source: page.source, dataset: page.dataset, ...(page.key ? { key: page.key } : {}), lang: page.lang, split };
    const id = `${page.dataset}:${shortKey(page)}`;
    if (page.source === REAL_SPAM_SOURCES.njxfhn) {
      out.push({ ...base, id: `${id}#real`, seed: 0, injections: [], tags: page.tags,
        real: [{ selector: 'div[style="display:none"]', pick: 'longest', kind: 'hidden-block', category: 'seo-keywords', where: 'hidden', lang: 'zh' }] });
      continue;
    }
    if (page.source === REAL_SPAM_SOURCES.silvias) {
      out.push({ ...base, id: `${id}#real`, seed: 0, injections: [], tags: page.tags,
        real: [{ selector: 'span[style*="-9990px"]', pick: 'longest', kind: 'hidden-block', category: 'link-farm', where: 'hidden', lang: 'en' }] });
      continue;
    }
    out.push({ ...base, id: `${id}#clean`, seed: 0, injections: [], ...(page.tags.length ? { tags: page.tags } : {}) });
    const variants = rng.chance(TWO_VARIANTS_SHARE) ? 2 : 1;
    for (let v = 1; v <= variants; v++) {
      const seed = hashString(`${SEED}:${page.source}#inj${v}`);
      out.push({ ...base, id: `${id}#inj${v}`, seed, injections: contaminatedInjections(rng, page, part), tags: [`${part}-vocab`] });
    }
  }
  return out;
}

function countBy<T>(xs: T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return new Map([...m].sort((a, b) => a[0].localeCompare(b[0])));
}

function table(title: string, rows: Map<string, Map<string, number>>, cols: string[]): string {
  const lines = [`### ${title}`, '', `| | ${cols.join(' | ')} |`, `|---|${cols.map(() => '---:').join('|')}|`];
  for (const [r, m] of rows) lines.push(`| ${r} | ${cols.map((c) => String(m.get(c) ?? 0)).join(' | ')} |`);
  return lines.join('\n');
}

function main(): void {
  const t0 = Date.now();
  const pages = listSources();
  const recipes = buildRecipes(pages);
  // no site (split key) in two splits
  const seen = new Map<string, Split>();
  for (const r of recipes) {
    const k = splitKey(r.site);
    const prev = seen.get(k);
    if (prev && prev !== r.split) throw new Error(`site ${r.site} in ${prev} and ${r.split}`);
    seen.set(k, r.split);
  }
  const dir = corpusDir();
  for (const split of SPLITS) {
    const lines = recipes.filter((r) => r.split === split).map((r) => JSON.stringify(r));
    writeFileSync(join(dir, `${split}.jsonl`), lines.join('\n') + '\n');
  }
  // materialise everything once: validates recipes and gives the gold counts
  const cache = new MaterializeCache();
  const items: CorpusItem[] = recipes.map((r) => materialize(r, cache));
  const fixtures = loadFixtures();
  writeFileSync(join(dir, 'README.md'), readme(pages, recipes, items, fixtures));
  console.log(`corpus: ${pages.length} pages, ${recipes.length} recipes, ${items.reduce((s, i) => s + i.gold.length, 0)} gold spans, ${fixtures.length} fixtures in ${Date.now() - t0} ms`);
  for (const split of SPLITS) {
    const xs = items.filter((i) => i.split === split);
    console.log(`  ${split}: ${xs.length} items (${xs.filter((i) => i.contaminated).length} contaminated), ${new Set(xs.map((i) => splitKey(i.site))).size} sites`);
  }
}

function readme(pages: SourcePage[], recipes: Recipe[], items: CorpusItem[], fixtures: CorpusItem[]): string {
  const spans = items.flatMap((i) => i.gold.map((g) => ({ ...g, split: i.split })));
  const bySplit = (f: (s: (typeof spans)[number]) => string): Map<string, Map<string, number>> => {
    const rows = new Map<string, Map<string, number>>();
    for (const split of SPLITS) rows.set(split, countBy(spans.filter((s) => s.split === split), f));
    return rows;
  };
  const kinds = KINDS;
  const langs = ['zh', 'en', 'ja', 'id'];
  const cats = [...new Set(spans.map((s) => s.category))].sort();
  const kindLang = new Map<string, Map<string, number>>();
  for (const k of kinds) kindLang.set(k, countBy(spans.filter((s) => s.kind === k), (s) => s.lang));
  const itemRows = new Map<string, Map<string, number>>();
  for (const split of SPLITS) {
    const xs = items.filter((i) => i.split === split);
    itemRows.set(split, new Map([
      ['items', xs.length], ['clean', xs.filter((i) => !i.contaminated).length], ['contaminated', xs.filter((i) => i.contaminated).length],
      ['sites', new Set(xs.map((i) => splitKey(i.site))).size], ['pages', new Set(xs.map((i) => i.source)).size],
      ['hard-negative', xs.filter((i) => i.tags?.includes('hard-negative')).length], ['real-spam', xs.filter((i) => i.tags?.includes('real-spam')).length],
    ]));
  }
  const dsRows = new Map<string, Map<string, number>>();
  for (const split of SPLITS) dsRows.set(split, countBy(recipes.filter((r) => r.split === split), (r) => r.dataset));
  const pageLangs = countBy(pages, (p) => p.lang);
  return `# corpus/ -- labelled training/evaluation recipes (generated by scripts/build-corpus.ts; do not edit by hand)

The corpus holds RECIPES, not pages: each line of \`train.jsonl\`, \`dev.jsonl\`, \`test.jsonl\` points at a real page under
\`../shared/data\` and lists the injections to apply. \`dev/corpus\` materialises them deterministically:
\`loadSplit(split, {limit?, sources?})\` -> \`CorpusItem[]\` (html after injection, UTF-8, meta charset fixed; gold spans).
Rebuild: \`npx tsx scripts/build-corpus.ts\` (seeded; running twice gives identical files).

## API (dev/corpus/index.ts)
- \`loadSplit(split: Split, opts?: {limit?: number; sources?: string[]}): CorpusItem[]\` -- sources: dataset names
  (scrapinghub, chinese, gne, trafilatura) or source path prefixes; items in recipe order (clean item, then its variants).
- \`iterateSplit(split, opts?)\`: the same items one at a time (generator; bounded memory for training loops).
- \`loadRecipes(split): Recipe[]\`, \`materialize(recipe, cache?: MaterializeCache): CorpusItem\` (a page's items share
  one parse through the cache), \`loadFixtures(): CorpusItem[]\` (split "test", tags ["fixture", "hard-negative"?]),
  \`pageText(html)\` (cheap reader text for checks), \`dataRoot()\`, \`repoRoot()\` (WINNOW_DATA overrides the data root).
- CorpusItem (dev/corpus/types.ts) + optional \`tags\`: "hard-negative" (pages named in spam-in-the-wild), "real-spam",
  "train-vocab" / "heldout-vocab" on contaminated items.
- Injected items are the original source with insertions (no re-serialisation); clean items are the original
  source; both only get their charset declaration rewritten to utf-8.

## Recipe format (zod schema: dev/corpus/recipe.ts)
\`{id, site, source, dataset, key?, lang, split, seed, injections: InjectionSpec[], real?: RealSpan[], tags?}\`
- \`source\`: path relative to ../shared/data; \`key\`: gold key (scrapinghub sha / chinese uuid / trafilatura URL) used to
  find the article paragraphs (gold body or "with" snippets) where injections go, and to fill \`goldBody\`.
- \`InjectionSpec\`: kind, category, lang, vocab part, and the concrete strings (phrase/text/links/name/slogan/footer),
  plus placement hints (position prefix|suffix, place header|body|sidebar|footer, hidden method). Exact positions
  (which paragraph, where in the sentence) come from the recipe \`seed\`.
- \`real\`: gold read from a REAL injected block already in the page (CSS selector, longest match).

## Gold semantics
GoldSpan.text = the injected text as a reader sees it (whitespace collapsed, trimmed). where: "title" (title affix:
the same phrase is put in <title>, og:title/twitter:title and the first h1; ONE span), "body" (spliced phrase,
promo line, keyword stuffing between paragraphs), "hidden" (hidden blocks), "boilerplate" (link blocks, footer
keyword blocks, site branding: 3 spans name / slogan / footer line). A spliced phrase sometimes repeats the title
affix (spam sites reuse their keyword). Clean items have gold [].

## Kinds
title-affix, spliced-phrase, promo-line (numbered or not, with or without a link), link-block (友情链接 / Partner
sites + 5-20 off-site links; footer, sidebar or header), hidden-block (display:none, off-screen absolute position,
font-size:0, text-indent:-9999px, a class hidden by an injected <style>; keywords and/or links), keyword-stuffing
(8-24 stacked keywords; body or footer), site-branding (spam site name + slogan in a header, footer line; category
seo-keywords). Categories: src/detect/types.ts. Languages of spam: zh, en, ja (keyword hack), id (slot gacor, pinjol).
Mostly the page's own language; sometimes another (e.g. Indonesian slot spam in an English page).

## Split
By site (registrable domain; gne: folder; chinese: canonical, else most frequent link domain, else title suffix).
The split key is the site's first label (so gne "sina" and "sina.com.cn" share a split); FNV-1a hash of
"${SEED}:split:<key>" mod 100: <${TRAIN_BUCKETS} train, <${DEV_BUCKETS} dev, else test. The two real spam sites (njxfhn, silvias) are
forced into test. No site is in two splits (checked by the build and by test/corpus).

## Held-out vocabulary
dev/corpus/spam-vocab.ts keeps every list as a pair [train, heldout] of DISJOINT lists: keywords, promo templates,
title/splice phrase templates, brand syllables and suffixes, domain syllables and TLDs, emoji, link-block labels,
slogans, footers, topic-independent promo templates (GENERIC_PROMO), and the contact-handle formats (inject.ts). Train items use only the train part; dev and test items use only the held-out part, so dev/test
figures measure generalisation to spam wording never seen in training. Items are tagged train-vocab / heldout-vocab.

## Sources
All scrapinghub (181), chinese-web-content-extraction (69), gne (60) pages, and ${pages.filter((p) => p.dataset === 'trafilatura').length} trafilatura pages
(CJK pages, the manifest's hard negatives, the hidden-block scan's pages, the real spam page, plus a hash-ordered
sample). Each page gives one clean item and 1-2 contaminated items (1-3 injections each); the two real spam pages
(spam-in-the-wild) give one contaminated item each with gold read from the real block; hard negatives are tagged.
Page languages: ${[...pageLangs].map(([l, n]) => `${l} ${n}`).join(', ')}.

## Counts
${table('Items per split', itemRows, ['items', 'clean', 'contaminated', 'pages', 'sites', 'hard-negative', 'real-spam'])}

${table('Recipes per dataset', dsRows, ['scrapinghub', 'chinese', 'gne', 'trafilatura'])}

${table('Gold spans per split and kind', bySplit((s) => s.kind), kinds)}

${table('Gold spans per split and language', bySplit((s) => s.lang), langs)}

${table('Gold spans per split and where', bySplit((s) => s.where), ['title', 'body', 'hidden', 'boilerplate'])}

${table('Gold spans per split and category', bySplit((s) => s.category), cats)}

${table('Gold spans per kind and language (all splits)', kindLang, langs)}

## Caveats
- Title affixes: the same phrase goes into <title>, og:title/twitter:title and the first h1. Pages without an h1
  get a space-joined prefix (an affix behind "|", "-", "_" would read as a site name and be cut by title
  extractors). Known: chinese:8f1cdd94…#inj2 -- the page stage takes "blog.wenxuecity.com" as the title, so the
  affix is not in Page.text there.
- Chinese site names come from the HTML (canonical, else the most linked domain), so some are a forum software
  or CDN domain; this only makes the split coarser (never puts one site in two splits).
- Gold of the real njxfhn block is ~174k characters (the whole hidden div).

## Fixtures (corpus/fixtures, \`loadFixtures()\`)
${fixtures.length} hand-written pages: ${fixtures.map((f) => f.id.replace('fixture:', '')).join(', ')}.
seed.html rebuilds /work/shared/seeds/000_a5b88ab3fbf507b6.txt as the spam site served it (seed.gold.json:
cleanTitle, injected spans, sentences). negatives/*.html are legit news about spam topics (clean, gold body in
*.body.txt). The other fixtures are small contaminated pages per language with *.gold.json.
`;
}

main();
