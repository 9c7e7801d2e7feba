// Benchmark (not a test): review-queue and rule-stats query times on a synthetic store.
// Run: npx tsx test/serve/queue-bench.ts [pages=20000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, saveResult } from '../../src/store/index.js';
import { listQueue, ruleStats, decideFindings, trainingExamples } from '../../src/store/review.js';
import type { Category } from '../../src/detect/types.js';

const N = Number(process.argv[2] ?? 20000);
const dir = mkdtempSync(join(tmpdir(), 'winnow-queue-bench-'));
const store = await openStore(process.argv[3] ?? join(dir, 'bench.db'));
const cats: Category[] = ['gambling', 'margin-lending', 'adult', 'promo'];
const t0 = performance.now();
{
  for (let i = 0; i < N; i++) {
    const n = i % 4;
    const text = `title ${i}\n` + 'body text '.repeat(50);
    const findings = Array.from({ length: n }, (_, k) => ({
      text: 'body', start: 12 + k * 10, end: 16 + k * 10, blockId: 1, path: 'p', where: 'body' as const,
      category: cats[(i + k) % 4], kind: 'promo-line' as const, score: (i % 100) / 100, points: 3,
      rules: [{ rule: `R${(i + k) % 30}`, points: 3, description: 'd', evidence: 'e' }],
    }));
    (await saveResult(store, { url: `https://site${i % 500}.example/${i}` }, {
      verdict: n ? 'contaminated' : 'clean', score: (i % 100) / 100, lang: 'en', encoding: 'utf-8', title: `t${i}`,
      cleanTitle: '', cleanText: '', cleanHtml: '', siteName: '', findings, text, version: { winnow: '0', rules: '0', model: '0' },
    }));
  }
}
console.log(`store: ${N} pages, ${N * 1.5} findings saved in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const ids = (await store.all<{ id: number }>('SELECT id FROM findings ORDER BY id LIMIT ?', [Math.floor(N / 4)])).map((r) => r.id);
(await decideFindings(store, ids, { decision: 'dismiss', reviewer: 'bench' }));
const time = async (label: string, f: () => Promise<unknown>) => {
  await f();
  const t = performance.now();
  await f();
  console.log(`${label.padEnd(32)} ${(performance.now() - t).toFixed(1)} ms`);
};
await time('queue, no filter', async () => (await listQueue(store)));
await time('queue, category + minScore', async () => (await listQueue(store, { category: 'gambling', minScore: 0.5 })));
await time('queue, domain', async () => (await listQueue(store, { domain: 'site42.example' })));
await time('queue, status=pending offset N/2', async () => (await listQueue(store, { status: 'pending', offset: Math.floor(N / 2) })));
await time('rule stats', async () => (await ruleStats(store)));
await time('training examples', async () => (await trainingExamples(store)));
await store.close();
rmSync(dir, { recursive: true, force: true });
