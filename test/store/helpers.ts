// Shared helpers for store/report tests: a schema-valid AnalyzeResult built around a real finding shape.
import { AnalyzeResult } from '../../src/result.js';

export function sampleResult(opts: { url?: string; findings?: number; category?: string; evidence?: string } = {}): AnalyzeResult {
  const title = '配资平台推荐 — 央行发布新规';
  const spam = `加微信了解${opts.evidence ?? '股票配资'}，www.peizi-example.com 开户。`;
  const text = `${title}\n央行今日发布新规。\n${spam}`;
  const start = text.indexOf(spam);
  const findings = Array.from({ length: opts.findings ?? 1 }, (_, i) => ({
    text: spam,
    start,
    end: start + spam.length,
    blockId: 2,
    path: `html>body>p:nth-child(${i + 2})`,
    where: 'body' as const,
    category: (opts.category ?? 'margin-lending') as 'margin-lending',
    kind: 'promo-line' as const,
    score: 0.9,
    points: 7.5,
    rules: [
      { rule: 'ZH_PEIZI', points: 5, description: 'margin lending term', evidence: opts.evidence ?? '股票配资' },
      { rule: 'URL_IN_TEXT', points: 2.5, description: 'bare domain in text', evidence: 'www.peizi-example.com' },
      // evidence that is not an injected phrase: a structural count, and a legit word that lowered the score
      { rule: 'STRUCT_LINKS', points: 1, description: 'links in block', evidence: '3 links' },
      { rule: 'ZH_NEWS_WORD', points: -1, description: 'news vocabulary', evidence: '开户' },
    ],
  }));
  return AnalyzeResult.parse({
    input: opts.url,
    url: opts.url,
    verdict: findings.length ? 'contaminated' : 'clean',
    score: findings.length ? 0.9 : 0,
    lang: 'zh',
    encoding: 'utf-8',
    title,
    cleanTitle: '央行发布新规',
    cleanText: '央行发布新规\n\n央行今日发布新规。',
    cleanHtml: '<article><h1>央行发布新规</h1><p>央行今日发布新规。</p></article>',
    siteName: '',
    findings,
    text,
    version: { winnow: '0.1.0', rules: 'test', model: 'none' },
  });
}
