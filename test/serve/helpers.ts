// Shared fixtures for the review-service tests: real pages from ../shared/data analysed with analyze(), with
// hand-made findings (located in the real page text) so queue/decision assertions do not depend on how far
// the detector has come. Real detector output is exercised separately through POST /api/scan.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyze.js';
import { openStore, saveResult, type Store } from '../../src/store/index.js';
import type { AnalyzeResult } from '../../src/result.js';
import type { Category, Finding, InjectionKind } from '../../src/detect/types.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA = resolve(REPO, '..', 'shared', 'data');

export function readData(rel: string): Buffer {
  const raw = readFileSync(join(DATA, rel));
  return rel.endsWith('.gz') ? gunzipSync(raw) : raw;
}

export interface HandFinding {
  phrase: string;
  category: Category;
  kind: InjectionKind;
  where: Finding['where'];
  score: number;
  rules: { rule: string; points: number; description: string }[];
}

/** Replace the result's findings by hand-made ones located at the phrase's first occurrence in result.text. */
export function withFindings(result: AnalyzeResult, hand: HandFinding[]): AnalyzeResult {
  const findings: Finding[] = hand.map((h) => {
    const start = result.text.indexOf(h.phrase);
    if (start < 0) throw new Error(`fixture phrase not in page text: ${h.phrase}`);
    const points = h.rules.reduce((s, r) => s + r.points, 0);
    return {
      text: h.phrase,
      start,
      end: start + h.phrase.length,
      blockId: 1,
      path: 'html>body',
      where: h.where,
      category: h.category,
      kind: h.kind,
      score: h.score,
      points,
      rules: h.rules.map((r) => ({ ...r, evidence: h.phrase })),
    };
  });
  const score = findings.reduce((m, f) => Math.max(m, f.score), 0);
  return { ...result, findings, score, verdict: findings.length ? 'contaminated' : 'clean' };
}

export const PAGES = {
  /** real injected hidden keyword block (zh) */
  njxfhn: 'gne-chinese-news/html/njxfhn/1.html.gz',
  /** real off-screen casino link span (de page, en spam) */
  silvias: 'trafilatura-eval/eval/silvias.net.wahlzensur.html.gz',
  /** clean zh news */
  n163: 'gne-chinese-news/html/163/1.html.gz',
  /** hard negative: hidden legit tab list mentioning 葡京酒店 */
  thepaper: 'gne-chinese-news/html/thepaper/5.html.gz',
};

export interface Fixture {
  dir: string;
  dbPath: string;
  store: Store;
  scans: Record<keyof typeof PAGES, number>;
  cleanup(): void;
}

/** A temp store with four real pages and hand-made findings (3 + 2 + 1 + 0). */
export function makeFixture(): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'winnow-serve-'));
  const dbPath = join(dir, 'review.db');
  const store = openStore(dbPath);
  const scans = {} as Record<keyof typeof PAGES, number>;
  const save = (key: keyof typeof PAGES, url: string, hand: HandFinding[]) => {
    const body = readData(PAGES[key]);
    const result = withFindings(analyze(body, { url, input: PAGES[key] }), hand);
    scans[key] = saveResult(store, { url, body, fetchedAt: '2026-11-27T00:00:00.000Z' }, result).scanId;
  };
  const rule = (rule: string, points: number, description: string) => ({ rule, points, description });
  save('njxfhn', 'https://www.njxfhn.com/post/1.html', [
    { phrase: '股票配资公司', category: 'margin-lending', kind: 'keyword-stuffing', where: 'hidden', score: 0.97, rules: [rule('ZH_MARGIN_TERM', 3, 'margin-lending term (配资)'), rule('HIDDEN_BLOCK', 2.5, 'text in a display:none block'), rule('ZH_MARGIN_TERM', 3, 'margin-lending term (配资)')] },
    { phrase: '成人在线漫画', category: 'adult', kind: 'keyword-stuffing', where: 'hidden', score: 0.9, rules: [rule('ZH_ADULT_TERM', 2, 'adult term'), rule('HIDDEN_BLOCK', 2.5, 'text in a display:none block')] },
    { phrase: '江门七旬阿婆', category: 'promo', kind: 'title-affix', where: 'title', score: 0.3, rules: [rule('TITLE_AFFIX', 1, 'bracketed prefix in the title')] },
  ]);
  save('silvias', 'https://silvias.net/wahlzensur', [
    { phrase: 'casino', category: 'gambling', kind: 'link-block', where: 'hidden', score: 0.85, rules: [rule('EN_CASINO', 2, 'casino term'), rule('HIDDEN_BLOCK', 2.5, 'off-screen block')] },
    { phrase: 'Wahlzensur', category: 'seo-keywords', kind: 'site-branding', where: 'title', score: 0.2, rules: [rule('TITLE_AFFIX', 1, 'bracketed prefix in the title')] },
  ]);
  save('n163', 'https://www.163.com/dy/article/1.html', [
    { phrase: '龙湖集团', category: 'promo', kind: 'promo-line', where: 'body', score: 0.45, rules: [rule('TITLE_AFFIX', 1, 'bracketed prefix in the title')] },
  ]);
  save('thepaper', 'https://www.thepaper.cn/newsDetail_5', []);
  return { dir, dbPath, store, scans, cleanup: () => { store.close(); rmSync(dir, { recursive: true, force: true }); } };
}
