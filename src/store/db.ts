// The dialect-neutral query layer under the store: one copy of each query, written in the SQL both SQLite and
// PostgreSQL accept, run through one Promise-based interface. Queries use `@name` (object params) or `?`
// (array params); for PostgreSQL they are rewritten to `$n`, and camelCase aliases (`AS scanId`) are quoted so
// PostgreSQL keeps their case. A few functions differ by dialect (string aggregation, JSON arrays): `Dialect`
// gives their spelling.
import Database from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';

export type Params = Record<string, unknown> | readonly unknown[];
export type DialectName = 'sqlite' | 'postgres';

export interface Queryable {
  all<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T | undefined>;
  /** a statement without rows to return; `changes` = rows inserted, updated or deleted */
  run(sql: string, params?: Params): Promise<{ changes: number }>;
}

/** SQL spelled differently by the two engines. */
export interface Dialect {
  name: DialectName;
  /** comma-joined distinct values of expr (SQLite group_concat, PostgreSQL string_agg) */
  groupConcatDistinct(expr: string): string;
  /** FROM-clause item yielding one row per element of the JSON array in column `col`, as alias `alias`(value) */
  jsonArray(col: string, alias: string): string;
  /** text field `key` of a JSON element produced by jsonArray */
  jsonText(alias: string, key: string): string;
  /** numeric field `key` of a JSON element produced by jsonArray */
  jsonNumber(alias: string, key: string): string;
}

export const SQLITE: Dialect = {
  name: 'sqlite',
  groupConcatDistinct: (e) => `group_concat(DISTINCT ${e})`,
  jsonArray: (col, alias) => `json_each(${col}) ${alias}`,
  jsonText: (alias, key) => `json_extract(${alias}.value, '$.${key}')`,
  jsonNumber: (alias, key) => `json_extract(${alias}.value, '$.${key}')`,
};

export const POSTGRES: Dialect = {
  name: 'postgres',
  groupConcatDistinct: (e) => `string_agg(DISTINCT ${e}, ',')`,
  jsonArray: (col, alias) => `jsonb_array_elements(${col}::jsonb) ${alias}(value)`,
  jsonText: (alias, key) => `(${alias}.value->>'${key}')`,
  jsonNumber: (alias, key) => `(${alias}.value->>'${key}')::double precision`,
};

/** A connection that can also iterate large results and run a transaction. */
export interface Db extends Queryable {
  readonly dialect: Dialect;
  /** rows one by one without holding the whole result (export, report) */
  iterate<T = Record<string, unknown>>(sql: string, params?: Params): AsyncIterable<T>;
  /** fn runs inside one transaction (committed when it resolves, rolled back when it throws) */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
}

// ---------------------------------------------------------------- SQLite

/** better-sqlite3 wants params spread for arrays and a plain object for names; undefined becomes NULL. */
function sqliteArgs(params: Params | undefined): unknown[] {
  if (params === undefined) return [];
  if (Array.isArray(params)) return params.map((v) => (v === undefined ? null : v));
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) o[k] = v === undefined ? null : typeof v === 'boolean' ? Number(v) : v;
  return [o];
}

export class SqliteDb implements Db {
  readonly dialect = SQLITE;
  private stmts = new Map<string, Database.Statement>();
  /** transactions queue here: one connection, one transaction at a time */
  private txChain: Promise<unknown> = Promise.resolve();

  constructor(readonly raw: Database.Database) {}

  private stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.raw.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  async all<T>(sql: string, params?: Params): Promise<T[]> {
    return this.stmt(sql).all(...sqliteArgs(params)) as T[];
  }
  async get<T>(sql: string, params?: Params): Promise<T | undefined> {
    return this.stmt(sql).get(...sqliteArgs(params)) as T | undefined;
  }
  async run(sql: string, params?: Params): Promise<{ changes: number }> {
    const s = this.stmt(sql);
    if (!s.reader) return { changes: s.run(...sqliteArgs(params)).changes };
    s.all(...sqliteArgs(params));
    return { changes: 0 };
  }
  async *iterate<T>(sql: string, params?: Params): AsyncIterable<T> {
    // a prepared statement of its own: the cached one may be iterated by another reader at the same time
    for (const row of this.raw.prepare(sql).iterate(...sqliteArgs(params))) yield row as T;
  }
  async tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    const run = async () => {
      // IMMEDIATE: take the write lock at BEGIN, so a busy store fails here, not half-way through
      this.raw.prepare('BEGIN IMMEDIATE').run();
      try {
        const out = await fn(this);
        this.raw.prepare('COMMIT').run();
        return out;
      } catch (err) {
        if (this.raw.inTransaction) this.raw.prepare('ROLLBACK').run();
        throw err;
      }
    };
    const p = this.txChain.then(run, run);
    this.txChain = p.catch(() => undefined);
    return p;
  }
}

// ---------------------------------------------------------------- PostgreSQL

const translated = new Map<string, { text: string; names: string[] | null }>();
const CAMEL = /^[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*$/;

/**
 * Rewrite a query for PostgreSQL: `@name` and `?` become `$n` (a repeated name keeps its number), camelCase
 * identifiers are double-quoted. String literals and quoted identifiers are left alone.
 */
export function toPostgres(sql: string): { text: string; names: string[] | null } {
  const hit = translated.get(sql);
  if (hit) return hit;
  let out = '';
  const names: string[] = [];
  let positional = 0;
  let named = false;
  for (let i = 0; i < sql.length; ) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end < 0 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      let j = i + 1;
      while (j < sql.length && /\w/.test(sql[j])) j++;
      const name = sql.slice(i + 1, j);
      let n = names.indexOf(name);
      if (n < 0) n = names.push(name) - 1;
      out += `$${n + 1}`;
      named = true;
      i = j;
    } else if (c === '?') {
      out += `$${++positional}`;
      i++;
    } else if (/[A-Za-z_]/.test(c) && !/[\w$.]/.test(sql[i - 1] ?? ' ')) {
      let j = i;
      while (j < sql.length && /\w/.test(sql[j])) j++;
      const word = sql.slice(i, j);
      out += CAMEL.test(word) ? `"${word}"` : word;
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  const t = { text: out, names: named ? names : null };
  translated.set(sql, t);
  return t;
}

function pgValues(sql: string, params: Params | undefined): { text: string; values: unknown[] } {
  const t = toPostgres(sql);
  if (params === undefined) return { text: t.text, values: [] };
  if (Array.isArray(params)) return { text: t.text, values: params.map((v) => (v === undefined ? null : v)) };
  const o = params as Record<string, unknown>;
  return { text: t.text, values: (t.names ?? []).map((n) => (o[n] === undefined ? null : o[n])) };
}

class PgQueryable implements Queryable {
  constructor(protected readonly c: Pool | PoolClient) {}
  async all<T>(sql: string, params?: Params): Promise<T[]> {
    const { text, values } = pgValues(sql, params);
    return (await this.c.query(text, values)).rows as T[];
  }
  async get<T>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  async run(sql: string, params?: Params): Promise<{ changes: number }> {
    const { text, values } = pgValues(sql, params);
    return { changes: (await this.c.query(text, values)).rowCount ?? 0 };
  }
}

/** Rows fetched per round trip when iterating a PostgreSQL result with a cursor. */
const PG_CURSOR_ROWS = 500;

export class PgDb extends PgQueryable implements Db {
  readonly dialect = POSTGRES;
  constructor(readonly pool: Pool) {
    super(pool);
  }
  async *iterate<T>(sql: string, params?: Params): AsyncIterable<T> {
    const { default: Cursor } = await import('pg-cursor');
    const { text, values } = pgValues(sql, params);
    const client = await this.pool.connect();
    const cursor = client.query(new Cursor(text, values));
    try {
      for (;;) {
        const rows = (await cursor.read(PG_CURSOR_ROWS)) as T[];
        if (rows.length === 0) break;
        for (const r of rows) yield r;
      }
    } finally {
      await cursor.close().catch(() => undefined);
      client.release();
    }
  }
  async tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(new PgQueryable(client));
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
}
