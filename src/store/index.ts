// Embedded store (better-sqlite3, WAL). OWNER: store/batch helper. The signatures below are the contract.
import type Database from 'better-sqlite3';
import type { AnalyzeResult } from '../result.js';

export interface Store {
  db: Database.Database;
  path: string;
  close(): void;
}

export interface PageMeta {
  url: string;
  finalUrl?: string;
  fetchedAt?: string;
  status?: number;
  etag?: string;
  lastModified?: string;
  /** raw bytes of the page, kept for the review UI */
  body?: Uint8Array;
}

/** Open (creating and migrating) a store; a bad or locked file throws InputError with a one-line reason. */
export function openStore(path: string): Store {
  void path;
  throw new Error('store not implemented yet');
}

/** Save one page and its scan with findings in one transaction; returns the new ids. */
export function saveResult(store: Store, meta: PageMeta, result: AnalyzeResult): { pageId: number; scanId: number } {
  void store;
  void meta;
  void result;
  throw new Error('store not implemented yet');
}
