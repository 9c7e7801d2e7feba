// Store migrations. PRAGMA user_version holds the number of the last applied migration.
// Migration 1 is src/store/schema.sql (read from disk so the .sql file stays the single source of truth);
// later migrations are code below.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  description: string;
  up(db: Database.Database): void;
}

/** Where schema.sql may sit: beside this module (src/, tsx/vitest) or in src/ when running from dist/. */
const SCHEMA_CANDIDATES = ['./schema.sql', '../../src/store/schema.sql'];

let schemaSql: string | undefined;
export function schema1Sql(): string {
  if (schemaSql !== undefined) return schemaSql;
  for (const rel of SCHEMA_CANDIDATES) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(p)) return (schemaSql = readFileSync(p, 'utf8'));
  }
  throw new Error('winnow installation is incomplete: src/store/schema.sql not found');
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'base schema (schema.sql)', up: (db) => db.exec(schema1Sql()) },
  {
    version: 2,
    description: 'batch bookkeeping: page source (warc record), findings per day, hash lookup',
    up: (db) =>
      db.exec(`
        ALTER TABLE pages ADD COLUMN source TEXT;          -- e.g. WARC file name + record offset
        ALTER TABLE pages ADD COLUMN content_type TEXT;
        CREATE INDEX IF NOT EXISTS pages_hash ON pages(content_hash);
        CREATE INDEX IF NOT EXISTS scans_time ON scans(scanned_at);
      `),
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
