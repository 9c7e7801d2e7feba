// The review server on a PostgreSQL store: `winnow serve --db postgres://…` seeds, lists, decides and reports
// through the same store API as on SQLite.
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/serve/index.js';
import { openStore } from '../../src/store/index.js';
import { buildReport } from '../../src/report/index.js';
import { pgStoreUrl } from './services.js';

const TOKEN = 'pg-serve-test-token-0123456789abcdef';
const pg = pgStoreUrl();
afterAll(() => pg.drop());

describe('review server on PostgreSQL', () => {
  it('seeds the demo pages, serves the queue and a page, records decisions that the report then applies', async () => {
    process.env.WINNOW_TOKEN = `alice:${TOKEN}`;
    const lines: string[] = [];
    const srv = await startServer({ port: 0, host: '127.0.0.1', dbPath: pg.url, log: (l) => lines.push(l) });
    try {
      const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
      const q = await fetch(`${srv.url}/api/queue?limit=500`, { headers: auth }).then((r) => r.json() as Promise<{ items: Array<{ scanId: number; url: string; key: string; verdict: string; findings: number }> }>);
      const njx = q.items.find((i) => i.key.endsWith('njxfhn/1.html.gz'))!;
      expect(njx.verdict).toBe('contaminated');
      const page = await fetch(`${srv.url}/api/pages/${njx.scanId}`, { headers: auth }).then((r) => r.json() as Promise<{ findings: Array<{ id: number }> }>);
      expect(page.findings.length).toBe(njx.findings);
      const html = await fetch(`${srv.url}/pages/${njx.scanId}`, { headers: auth });
      expect(html.status).toBe(200);
      const d = await fetch(`${srv.url}/api/findings/${page.findings[0].id}/decision`, { method: 'POST', headers: auth, body: JSON.stringify({ decision: 'dismiss' }) });
      expect(d.status).toBe(200);
      const stats = await fetch(`${srv.url}/api/rules/stats`, { headers: auth }).then((r) => r.json() as Promise<{ decisions: number }>);
      expect(stats.decisions).toBe(1);
    } finally {
      await srv.close();
      delete process.env.WINNOW_TOKEN;
    }
    const store = await openStore(pg.url, { mustExist: true, readOnly: true });
    try {
      const r = await buildReport(store);
      expect(r.totals.dismissedFindings).toBe(1);
      expect(r.totals.contaminatedPages).toBeGreaterThanOrEqual(1);
    } finally {
      await store.close();
    }
  });
});
