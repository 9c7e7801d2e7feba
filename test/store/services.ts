// Real PostgreSQL and Redis for the store and queue tests: every test run gets its own schema / key prefix,
// removed afterwards. WINNOW_TEST_PG and WINNOW_TEST_REDIS point elsewhere (default: the local servers).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_BASE = process.env.WINNOW_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.WINNOW_TEST_REDIS ?? 'redis://127.0.0.1:6379';

/** A unique name for this run: schema names, Redis prefixes, run names. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** A PostgreSQL store URL in a fresh schema, and a function that drops that schema. */
export function pgStoreUrl(): { url: string; schema: string; drop(): Promise<void> } {
  const schema = uniqueName('winnow_t');
  const sep = PG_BASE.includes('?') ? '&' : '?';
  return {
    url: `${PG_BASE}${sep}schema=${schema}`,
    schema,
    async drop() {
      const c = new pg.Client({ connectionString: PG_BASE });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}
