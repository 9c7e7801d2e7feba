import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MaterializeCache, SPLITS, iterateSplit, loadFixtures, loadRecipes, parseRecipes, loadSplit, materialize, pageText, readSourcePage, repoRoot, type Recipe,
} from '../../dev/corpus/index.js';
import { collapse, fixCharsetString } from '../../dev/corpus/inject.js';
import { splitKey } from '../../dev/corpus/sources.js';
import {
  BRAND_SYLLABLES, DOMAIN_SYLLABLES, EMOJI, FOOTERS, GENERIC_PHRASES, GENERIC_PROMO, LINK_LABELS, SLOGANS, SPAM_LANGS, TLDS, TOPICS,
} from '../../dev/corpus/spam-vocab.js';
import { InjectionKind } from '../../src/detect/types.js';
import { InputError } from '../../src/errors.js';
import { buildPage } from '../../src/page/index.js';

const all: Recipe[] = SPLITS.flatMap((s) => loadRecipes(s));

/** A spread of recipes: every n-th one, so all datasets and kinds are touched. */
function sample(recipes: Recipe[], n: number): Recipe[] {
  const step = Math.max(1, Math.floor(recipes.length / n));
  return recipes.filter((_r, i) => i % step === 0).slice(0, n);
}

describe('splits', () => {
  it('puts no site in two splits', () => {
    const where = new Map<string, string>();
    for (const r of all) {
      for (const key of [r.site, splitKey(r.site)]) {
        const prev = where.get(key);
        expect(prev === undefined || prev === r.split, `${key} in ${prev} and ${r.split}`).toBe(true);
        where.set(key, r.split);
      }
    }
    for (const s of SPLITS) expect(all.some((r) => r.split === s)).toBe(true);
  });

  it('uses only the train vocabulary in train and only the held-out vocabulary in dev/test', () => {
    for (const r of all) for (const inj of r.injections) expect(inj.vocab).toBe(r.split === 'train' ? 'train' : 'heldout');
  });

  it('keeps the train and held-out vocabulary disjoint', () => {
    for (const lang of SPAM_LANGS) {
      for (const [cat, v] of Object.entries(TOPICS[lang])) {
        const [a, b] = v.keywords;
        const overlap = a.filter((k) => b.includes(k));
        expect(overlap, `${lang}/${cat}`).toEqual([]);
        expect(v.promo[0].filter((k) => v.promo[1].includes(k))).toEqual([]);
      }
      for (const pair of [BRAND_SYLLABLES[lang], LINK_LABELS[lang], GENERIC_PROMO[lang], GENERIC_PHRASES[lang], SLOGANS[lang], FOOTERS[lang]]) {
        expect(pair[0].filter((k) => pair[1].includes(k))).toEqual([]);
      }
      expect(LINK_LABELS[lang][0].filter((k) => LINK_LABELS[lang][1].includes(k))).toEqual([]);
    }
  });

  it('shares no keyword between the train and held-out parts, even across categories', () => {
    for (const lang of SPAM_LANGS) {
      const train = new Set(Object.values(TOPICS[lang]).flatMap((v) => [...(v?.keywords[0] ?? [])]));
      const held = Object.values(TOPICS[lang]).flatMap((v) => [...(v?.keywords[1] ?? [])]);
      expect(held.filter((k) => train.has(k)), lang).toEqual([]);
    }
  });

  it('keeps domains, TLDs and emoji of the two vocabulary parts disjoint', () => {
    for (const pair of [DOMAIN_SYLLABLES, TLDS, EMOJI]) expect(pair[0].filter((k) => pair[1].includes(k))).toEqual([]);
  });

  it('covers every injection kind in every spam language, and every kind in every split', () => {
    const seen = new Set<string>();
    for (const r of all) for (const inj of r.injections) seen.add(`${inj.kind}/${inj.lang}`);
    for (const kind of InjectionKind.options) for (const lang of SPAM_LANGS) expect(seen.has(`${kind}/${lang}`), `${kind}/${lang}`).toBe(true);
    for (const s of SPLITS) {
      const kinds = new Set(all.filter((r) => r.split === s).flatMap((r) => r.injections.map((i) => i.kind)));
      expect([...kinds].sort()).toEqual([...InjectionKind.options].sort());
    }
  });
});

describe('materialize', () => {
  const contaminated = all.filter((r) => r.injections.length > 0);

  it('is deterministic', () => {
    for (const r of sample(contaminated, 12)) {
      const a = materialize(r);
      const b = materialize(r);
      expect(a.html).toBe(b.html);
      expect(a.gold).toEqual(b.gold);
    }
  });

  it('puts every gold span in the page text, outputs UTF-8 and declares it', () => {
    const cache = new MaterializeCache();
    const recipes = sample(contaminated, 90);
    let spans = 0;
    for (const r of recipes) {
      const item = materialize(r, cache);
      expect(item.contaminated).toBe(true);
      expect(item.gold.length).toBeGreaterThan(0);
      const text = pageText(item.html);
      for (const g of item.gold) {
        spans++;
        expect(g.text).toBe(collapse(g.text));
        expect(text.includes(g.text), `${item.id} ${g.kind}: ${g.text.slice(0, 60)}`).toBe(true);
      }
      expect(/<meta[^>]*charset\s*=\s*["']?\s*(gb|big5|iso|windows|shift)/iu.test(item.html), item.id).toBe(false);
    }
    expect(spans).toBeGreaterThan(recipes.length);
  });

  it('puts every gold span in the text the page stage extracts (whitespace-insensitive, as the evaluator matches)', () => {
    const cache = new MaterializeCache();
    const squeeze = (x: string): string => x.replace(/\s+/gu, '');
    for (const r of sample(contaminated.filter((x) => x.split === 'dev'), 40)) {
      const item = materialize(r, cache);
      const text = squeeze(buildPage(item.html).text);
      for (const g of item.gold) expect(text.includes(squeeze(g.text)), `${item.id} ${g.kind}: ${g.text.slice(0, 60)}`).toBe(true);
    }
  });

  it('keeps clean items untouched (only the charset declaration changes) and free of their siblings\' injections', () => {
    const cache = new MaterializeCache();
    const clean = sample(all.filter((r) => r.id.endsWith('#clean')), 25);
    for (const r of clean) {
      const item = materialize(r, cache);
      expect(item.gold).toEqual([]);
      expect(item.contaminated).toBe(false);
      expect(item.html).toBe(fixCharsetString(readSourcePage(r.source, cache.sources)));
      const text = pageText(item.html);
      const sibling = all.find((x) => x.id === r.id.replace('#clean', '#inj1'));
      expect(sibling).toBeDefined();
      for (const g of materialize(sibling as Recipe, cache).gold) {
        if (g.kind === 'promo-line' || g.kind === 'link-block' || g.kind === 'keyword-stuffing') expect(text.includes(g.text)).toBe(false);
      }
    }
  });

  it('decodes GBK pages (Chinese text survives)', () => {
    const gbk = all.find((r) => r.dataset === 'chinese' && /charset\s*=\s*["']?gb/iu.test(readFileSync(join(repoRoot(), '..', 'shared', 'data', r.source), 'latin1').slice(0, 4096)));
    expect(gbk).toBeDefined();
    const item = materialize(gbk as Recipe);
    expect(/[\u4e00-\u9fff]{20}/u.test(pageText(item.html))).toBe(true);
    expect(item.html.includes('\ufffd\ufffd\ufffd')).toBe(false);
  });

  it('loads the real spam pages with gold read from the real blocks (test split)', () => {
    const real = loadRecipes('test').filter((r) => r.tags?.includes('real-spam')).map((r) => materialize(r));
    expect(real.map((i) => i.source).sort()).toEqual([
      'gne-chinese-news/html/njxfhn/1.html.gz',
      'trafilatura-eval/eval/silvias.net.wahlzensur.html.gz',
    ]);
    const zh = real.find((i) => i.lang === 'zh');
    expect(zh?.gold[0]?.text.length).toBeGreaterThan(100_000);
    expect(zh?.gold[0]?.text).toContain('期货配资');
    const de = real.find((i) => i.source.includes('silvias'));
    expect(de?.gold[0]?.text).toContain('Fastestpayoutscasinos');
    expect(de?.gold[0]?.text).toContain('best online slots');
    for (const i of real) expect(pageText(i.html).includes(i.gold[0]?.text ?? '?')).toBe(true);
  });

  it('iterateSplit yields the same items as loadSplit', () => {
    const a = loadSplit('test', { limit: 9, sources: ['gne', 'trafilatura'] });
    const b = [...iterateSplit('test', { limit: 9, sources: ['gne', 'trafilatura'] })];
    expect(b.map((i) => i.id)).toEqual(a.map((i) => i.id));
    expect(b.map((i) => i.html)).toEqual(a.map((i) => i.html));
  });

  it('rejects a bad split or a bad recipe line with a one-line InputError', () => {
    expect(() => loadSplit('validation' as never)).toThrow(InputError);
    expect(() => parseRecipes('{"id": 1}\n', 'x.jsonl')).toThrow(/x\.jsonl:1: bad recipe/u);
    expect(() => parseRecipes('{not json\n', 'x.jsonl')).toThrow(InputError);
    const r = { ...(all[0] as Recipe), source: 'no/such/page.html' };
    expect(() => materialize(r)).toThrow(/source page not found/u);
  });

  it('loadSplit honours limit and sources', () => {
    const xs = loadSplit('dev', { limit: 7, sources: ['chinese'] });
    expect(xs.length).toBe(7);
    for (const x of xs) expect(x.source.startsWith('chinese-web-content-extraction/')).toBe(true);
  });
});

describe('fixtures', () => {
  const fixtures = loadFixtures();
  const seed = fixtures.find((f) => f.id === 'fixture:seed');

  it('rebuilds the seed page with every injected piece and every line of the seed text', () => {
    expect(seed).toBeDefined();
    const text = pageText(seed?.html ?? '');
    for (const g of seed?.gold ?? []) expect(text.includes(g.text), g.text).toBe(true);
    const kinds = new Set(seed?.gold.map((g) => g.kind));
    for (const k of ['title-affix', 'spliced-phrase', 'promo-line', 'site-branding']) expect(kinds.has(k as never)).toBe(true);
    const txt = readFileSync(join(repoRoot(), '..', 'shared', 'seeds', '000_a5b88ab3fbf507b6.txt'), 'utf8');
    for (const line of txt.split('\n').map(collapse).filter(Boolean)) expect(text.includes(line), line).toBe(true);
    expect(text).toContain('“首发”应用互联网金融股票配资,推动');
    const gold = JSON.parse(readFileSync(join(repoRoot(), 'corpus', 'fixtures', 'seed.gold.json'), 'utf8')) as { cleanTitle: string; sentences: string[] };
    expect(gold.cleanTitle.startsWith('深圳市工业和信息化局')).toBe(true);
    expect(gold.sentences.some((s) => s.includes('“首发”应用,推动'))).toBe(true);
    for (const s of gold.sentences) expect(s.includes('配资'), s).toBe(false);
  });

  it('has clean hard negatives with a gold body found in the page, and contaminated fixtures in zh, en, ja, id', () => {
    const negatives = fixtures.filter((f) => f.source.includes('/negatives/'));
    expect(negatives.length).toBeGreaterThanOrEqual(5);
    for (const n of negatives) {
      expect(n.gold).toEqual([]);
      expect(n.contaminated).toBe(false);
      const text = pageText(n.html);
      for (const line of (n.goldBody ?? '').split('\n').map(collapse).filter(Boolean)) expect(text.includes(line), `${n.id}: ${line}`).toBe(true);
      expect((n.goldBody ?? '').length).toBeGreaterThan(300);
    }
    const bad = fixtures.filter((f) => f.source.includes('/contaminated/'));
    expect([...new Set(bad.map((f) => f.lang))].sort()).toEqual(['en', 'id', 'ja', 'zh']);
    for (const f of bad) {
      expect(f.contaminated).toBe(true);
      const text = pageText(f.html);
      for (const g of f.gold) expect(text.includes(g.text), `${f.id}: ${g.text}`).toBe(true);
      // the gold body (article without the injections) holds none of the injected texts
      for (const g of f.gold) expect((f.goldBody ?? '').includes(g.text), `${f.id}: ${g.text}`).toBe(false);
    }
  });
});
