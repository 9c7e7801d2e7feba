// Shared fixtures for the review-service tests: real pages (from ../shared/data and the repo's corpus fixtures)
// analysed with analyze() and stored unchanged with saveResult, so every queue/decision/rule assertion is about
// the detector's real findings. Expected values are derived from the stored results, not written down.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyze.js';
import { openStore, saveResult, type Store } from '../../src/store/index.js';
import { getReviewPage, type ReviewFinding } from '../../src/store/review.js';
import type { AnalyzeResult } from '../../src/result.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA = resolve(REPO, '..', 'shared', 'data');

function readBytes(file: string): Buffer {
  const raw = readFileSync(file);
  return file.endsWith('.gz') ? gunzipSync(raw) : raw;
}

export const PAGES = {
  /** real injected hidden keyword block (zh) plus boilerplate gambling-brand links */
  njxfhn: { file: join(DATA, 'gne-chinese-news/html/njxfhn/1.html.gz'), url: 'https://www.njxfhn.com/post/1.html' },
  /** real off-screen casino link block (de page, en spam) */
  silvias: { file: join(DATA, 'trafilatura-eval/eval/silvias.net.wahlzensur.html.gz'), url: 'https://silvias.net/wahlzensur' },
  /** clean zh news */
  n163: { file: join(DATA, 'gne-chinese-news/html/163/1.html.gz'), url: 'https://www.163.com/dy/article/1.html' },
  /** hard negative: hidden legit tab list mentioning 葡京酒店 */
  thepaper: { file: join(DATA, 'gne-chinese-news/html/thepaper/5.html.gz'), url: 'https://www.thepaper.cn/newsDetail_5' },
  /** the project's seed example: 配资 title affix, site branding, promo list, repeated phrases */
  seed: { file: join(REPO, 'corpus/fixtures/seed.html'), url: 'https://www.qitai.example/news/seed.html' },
  /** hidden casino block and pharma keyword stuffing (en) */
  pharma: { file: join(REPO, 'corpus/fixtures/contaminated/en-local-news-pharma-casino.html'), url: 'https://news.mainstreet.example/library' },
  /** replica-goods keyword hack (ja) */
  ja: { file: join(REPO, 'corpus/fixtures/contaminated/ja-blog-keyword-hack.html'), url: 'https://blog.sakura.example/hanami' },
} as const;

export type PageKey = keyof typeof PAGES;
export const PAGE_KEYS = Object.keys(PAGES) as PageKey[];

export function readPage(key: PageKey): Buffer {
  return readBytes(PAGES[key].file);
}

export interface Fixture {
  dir: string;
  dbPath: string;
  store: Store;
  scans: Record<PageKey, number>;
  /** what analyze() returned for each page, exactly as stored */
  results: Record<PageKey, AnalyzeResult>;
  cleanup(): Promise<void>;
}

/** A temp store holding the real detector output for every page of PAGES. */
export async function makeFixture(): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'winnow-serve-'));
  const dbPath = join(dir, 'review.db');
  const store = await openStore(dbPath, { keepHtml: true });
  const scans = {} as Record<PageKey, number>;
  const results = {} as Record<PageKey, AnalyzeResult>;
  for (const key of PAGE_KEYS) {
    const { url } = PAGES[key];
    const body = readPage(key);
    results[key] = analyze(body, { url });
    scans[key] = (await saveResult(store, { url, body, fetchedAt: '2026-11-27T00:00:00.000Z' }, results[key])).scanId;
  }
  return { dir, dbPath, store, scans, results, cleanup: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Distinct rule ids of one finding (a rule may hit a finding several times). */
export function rulesOf(f: { rules: { rule: string }[] }): string[] {
  return [...new Set(f.rules.map((r) => r.rule))];
}

export interface ExpectedRuleStat {
  fired: number;
  confirmed: number;
  dismissed: number;
}

/**
 * Per-rule counts recomputed the plain way from the stored findings of the given scans and the latest decision
 * each one shows on its review page (no page-level decisions: callers only page-clean scans without findings).
 */
export async function expectedRuleStats(store: Store, scanIds: number[]): Promise<Map<string, ExpectedRuleStat>> {
  const out = new Map<string, ExpectedRuleStat>();
  const findings: ReviewFinding[] = [];
  for (const id of scanIds) findings.push(...((await getReviewPage(store, id))?.findings ?? []));
  for (const f of findings) {
    for (const rule of rulesOf(f)) {
      const s = out.get(rule) ?? { fired: 0, confirmed: 0, dismissed: 0 };
      s.fired++;
      const d = f.decision?.decision;
      if (d === 'confirm' || d === 'recategorize') s.confirmed++;
      if (d === 'dismiss') s.dismissed++;
      out.set(rule, s);
    }
  }
  return out;
}
