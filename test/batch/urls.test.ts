import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { createHash } from 'node:crypto';
import { startServer, send, type FixtureServer, type Route } from '../helpers/http-server.js';
import { runBatch } from '../../src/batch/index.js';
import { openSqliteStore, conditionalFor } from '../../src/store/index.js';
import { realPages } from './data.js';

let dir: string;
let server: FixtureServer;
const pages = realPages(4);

function sink() {
  const lines: string[] = [];
  const errs: string[] = [];
  const out = new Writable({ write: (c, _e, cb) => (lines.push(...String(c).split('\n').filter(Boolean)), cb()) });
  const err = new Writable({ write: (c, _e, cb) => (errs.push(String(c)), cb()) });
  return { out, err, lines, errs };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'winnow-urls-'));
  const routes: Record<string, Route> = {};
  pages.forEach((p, i) => {
    const etag = `"${createHash('sha1').update(p.body).digest('hex').slice(0, 16)}"`;
    // page 0 supports conditional GET; the others do not (resume falls back to the content hash)
    routes[`/p/${i}`] = (req, res) => {
      if (i === 0 && req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      const headers: Record<string, string | number> = { 'content-type': 'text/html', 'content-length': p.body.length };
      if (i === 0) headers.etag = etag;
      res.writeHead(200, headers).end(p.body);
    };
  });
  routes['/logo.png'] = send(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), { 'content-type': 'image/png' });
  server = await startServer(routes);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runBatch --from urls.txt', () => {
  it('fetches, analyzes and stores each URL once; counts failures and non-HTML; resumes with 304 and content hash', async () => {
    const list = join(dir, 'urls.txt');
    const entries = [
      '# fixture pages',
      ...pages.map((_, i) => server.url(`/p/${i}`)),
      '',
      server.url('/p/1'), // listed twice: scanned once
      server.url('/missing'),
      server.url('/logo.png'),
      'not a url',
    ];
    writeFileSync(list, entries.join('\n'));
    const db = join(dir, 'u.db');
    const a = sink();
    const s1 = await runBatch({ from: list, db, allowPrivate: true, delay: 0, workers: 0, out: a.out, err: a.err });
    expect(s1.scanned).toBe(pages.length);
    expect(s1.failed).toBe(2); // 404 and the bad line
    expect(s1.skipped['non-html']).toBe(1);
    expect(a.lines).toHaveLength(pages.length);
    expect(a.errs.join('')).toMatch(/missing.*404/);
    // the bad line is named by its file and line number
    expect(a.errs.join('')).toContain(`${list}:${entries.indexOf('not a url') + 1}: not a valid URL ("not a url")`);
    // the repeated /p/1 is skipped (in flight, or already stored with the same content)
    expect(s1.skippedDone).toBe(1);
    expect(server.hits.get('/p/1')).toBeLessThanOrEqual(2);

    const store = await openSqliteStore(db);
    const rows = store.db.prepare('SELECT p.url, count(s.id) AS n, p.domain FROM pages p JOIN scans s ON s.page_id = p.id GROUP BY p.id').all() as Array<{ url: string; n: number; domain: string }>;
    expect(rows).toHaveLength(pages.length);
    expect(rows.every((r) => r.n === 1 && r.domain === '127.0.0.1')).toBe(true);
    expect((await conditionalFor(store, server.url('/p/0'))).etag).toMatch(/^"/);
    await store.close();

    // second run: page 0 answers 304, the others come back with the same bytes: nothing is stored again
    const b = sink();
    const s2 = await runBatch({ from: list, db, allowPrivate: true, delay: 0, workers: 0, out: b.out, err: b.err });
    expect(s2.scanned).toBe(0);
    expect(s2.notModified).toBe(1);
    expect(s2.skippedDone).toBe(pages.length - 1 + 1); // 3 unchanged pages + the repeated line
    expect(b.lines).toHaveLength(0);
    const again = await openSqliteStore(db);
    expect(again.db.prepare('SELECT count(*) FROM scans').pluck().get()).toBe(pages.length);
    await again.close();
  }, 60_000);

  it('refuses loopback URLs unless --allow-private is given', async () => {
    const list = join(dir, 'one.txt');
    writeFileSync(list, `${server.url('/p/2')}\n`);
    const a = sink();
    const s = await runBatch({ from: list, db: join(dir, 'priv.db'), delay: 0, workers: 0, out: a.out, err: a.err });
    expect(s.scanned).toBe(0);
    expect(s.failed).toBe(1);
    expect(a.errs.join('')).toMatch(/127\.0\.0\.1/);
  });

  it('rejects bad --concurrency with a one-line error', async () => {
    await expect(runBatch({ from: join(dir, 'one.txt'), concurrency: 'lots', db: join(dir, 'c.db'), out: null })).rejects.toThrow(/--concurrency must be an integer/);
  });
});
