import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/serve/index.js';
import { resolveTokens, parseTokens, safeEqual } from '../../src/serve/auth.js';
import { seedDemo, DEMO_REAL_PAGES } from '../../src/serve/seed.js';
import { openStore } from '../../src/store/index.js';
import { countScans, listQueue } from '../../src/store/review.js';
import { InputError } from '../../src/errors.js';

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'winnow-srv-'));
}

describe('tokens', () => {
  it('generates a token beside the db with mode 0600 once, then reuses it', () => {
    const dir = tmp();
    try {
      const db = join(dir, 'x.db');
      const first = resolveTokens(db, {});
      expect(first.generated).toMatch(/^[\w-]{32}$/);
      expect(statSync(`${db}.token`).mode & 0o777).toBe(0o600);
      const second = resolveTokens(db, {});
      expect(second.generated).toBeUndefined();
      expect(second.tokens[0].token).toBe(first.generated);
      const env = resolveTokens(db, { WINNOW_TOKEN: 'alice:aaaaaaaaaaaaaaaaaaaa,bbbbbbbbbbbbbbbbbbbb' });
      expect(env.tokens).toEqual([
        { name: 'alice', token: 'aaaaaaaaaaaaaaaaaaaa' },
        { name: 'moderator', token: 'bbbbbbbbbbbbbbbbbbbb' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses short tokens with a one-line error; compares in constant time', () => {
    expect(() => parseTokens('short')).toThrow(InputError);
    expect(() => parseTokens('short')).toThrow(/at least 16/);
    expect(safeEqual('abcdefghijklmnop', 'abcdefghijklmnop')).toBe(true);
    expect(safeEqual('abcdefghijklmnop', 'abcdefghijklmnoq')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});

describe('startServer', () => {
  it('seeds an empty store with the demo pages, prints the login URL with the token once, answers /healthz', async () => {
    const dir = tmp();
    const lines: string[] = [];
    try {
      const db = join(dir, 'demo.db');
      const srv = await startServer({ port: 0, host: '127.0.0.1', dbPath: db, log: (l) => lines.push(l) });
      try {
        const token = readFileSync(`${db}.token`, 'utf8').trim();
        expect(lines.filter((l) => l.includes(token))).toHaveLength(1);
        expect(lines.join('\n')).toContain(`${srv.url}/login?token=${token}`);
        expect((await countScans(srv.store))).toBeGreaterThanOrEqual(DEMO_REAL_PAGES.length);
        const h = await fetch(`${srv.url}/healthz`);
        expect(h.status).toBe(200);
        const q = await fetch(`${srv.url}/api/queue`, { headers: { authorization: `Bearer ${token}` } });
        expect(q.status).toBe(200);
        const body = (await q.json()) as { counts: { total: number } };
        expect(body.counts.total).toBe((await countScans(srv.store)));
        expect((await fetch(`${srv.url}/api/queue`)).status).toBe(401);
      } finally {
        await srv.close();
      }
      // second start: no re-seed, token not printed again
      lines.length = 0;
      const again = await startServer({ port: 0, host: '127.0.0.1', dbPath: db, log: (l) => lines.push(l) });
      const token = readFileSync(`${db}.token`, 'utf8').trim();
      expect(lines.join('\n')).not.toContain(token);
      expect(lines.join('\n')).not.toMatch(/scanning the demo/);
      await await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a text file as --db gives a one-line InputError and is left untouched', async () => {
    const dir = tmp();
    try {
      const db = join(dir, 'notes.txt');
      writeFileSync(db, 'these are my notes, not a database\n'.repeat(200));
      const before = readFileSync(db);
      await expect(startServer({ port: 0, host: '127.0.0.1', dbPath: db, log: () => {} })).rejects.toThrow(InputError);
      expect(readFileSync(db).equals(before)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('seedDemo', () => {
  it('scans the real demo pages with analyze(); the real injected pages come out contaminated', async () => {
    const dir = tmp();
    try {
      const store = await openStore(join(dir, 's.db'));
      const s = (await seedDemo(store));
      expect(s.failed).toBe(0);
      const q = (await listQueue(store, { limit: 500 }));
      const njx = q.items.find((i) => i.url.endsWith('njxfhn/1.html.gz'));
      expect(njx?.verdict).toBe('contaminated');
      // the page's own <link rel=canonical> gives the queue a real domain to filter on
      expect(njx?.domain).toBe('www.njxfhn.com');
      expect((await listQueue(store, { domain: 'silvias.net' })).items).toHaveLength(1);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
