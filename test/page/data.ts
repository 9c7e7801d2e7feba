// Paths to the shared real data, resolved from the repo root (not the cwd).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA = resolve(REPO, '../shared/data');

/** Bytes of a shared data file (gunzipped when it ends in .gz). */
export function dataBytes(rel: string): Buffer {
  const b = readFileSync(resolve(DATA, rel));
  return rel.endsWith('.gz') ? gunzipSync(b) : b;
}

export function dataJson<T>(rel: string): T {
  return JSON.parse(readFileSync(resolve(DATA, rel), 'utf8')) as T;
}
