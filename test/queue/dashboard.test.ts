// Bull Board at /admin/queues in the review server: behind the same login, showing the real queue in Redis.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { buildApp } from '../../src/serve/app.js';
import { openStore } from '../../src/store/index.js';
import { enqueue } from '../../src/queue/enqueue.js';
import { uniqueName, REDIS_URL } from '../store/services.js';

const TOKEN = 'dashboard-test-token-0123456789abcdef';
const dir = mkdtempSync(join(tmpdir(), 'winnow-dash-'));
const prefix = uniqueName('wd');

afterAll(async () => {
  const r = new Redis(REDIS_URL);
  for await (const keys of r.scanStream({ match: `${prefix}:*`, count: 500 })) if ((keys as string[]).length) await r.del(...(keys as string[]));
  r.disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe('queue dashboard', () => {
  it('serves Bull Board at /admin/queues only to a logged-in user, with the queue\'s real counts', async () => {
    const queue = `${REDIS_URL}?prefix=${prefix}`;
    const urls = join(dir, 'urls.txt');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(urls, Array.from({ length: 150 }, (_, i) => `https://news.example/${i}`).join('\n'));
    await enqueue({ inputs: [urls], run: 'dash', queue });
    const store = await openStore(join(dir, 'd.db'));
    const app = await buildApp({ store, tokens: [{ name: 'alice', token: TOKEN }], queue });
    try {
      const anon = await app.inject({ method: 'GET', url: '/admin/queues' });
      expect(anon.statusCode).toBe(401);
      const anonApi = await app.inject({ method: 'GET', url: '/admin/queues/api/queues' });
      expect(anonApi.statusCode).toBe(401);
      const auth = { authorization: `Bearer ${TOKEN}` };
      const page = await app.inject({ method: 'GET', url: '/admin/queues', headers: auth });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      const api = await app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: auth });
      expect(api.statusCode).toBe(200);
      const body = api.json() as { queues: Array<{ name: string; counts: Record<string, number>; readOnlyMode: boolean }> };
      const q = body.queues.find((x) => x.name === 'scan')!;
      expect(q.counts.waiting).toBe(2);
      expect(q.readOnlyMode).toBe(true);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
