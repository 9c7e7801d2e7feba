// Paths to the shared real data, resolved from the repo root (not the cwd): <repo>/../shared.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = resolve(REPO_ROOT, '../shared');
export const DATA = resolve(SHARED, 'data');
export const SEED = resolve(SHARED, 'seeds/000_a5b88ab3fbf507b6.txt');

export function readSeed(): string {
  return readFileSync(SEED, 'utf8');
}

/** Gold Chinese article bodies (chinese-web-content-extraction/cleaned), name -> text. */
export function chineseGold(): Map<string, string> {
  const dir = resolve(DATA, 'chinese-web-content-extraction/cleaned');
  const out = new Map<string, string>();
  for (const f of readdirSync(dir).sort()) out.set(f, readFileSync(resolve(dir, f), 'utf8'));
  return out;
}

/** scrapinghub gold bodies: sha -> {articleBody, url}. */
export function scrapinghubGold(): Record<string, { articleBody: string; url: string }> {
  return JSON.parse(readFileSync(resolve(DATA, 'scrapinghub-article-extraction-benchmark/ground-truth.json'), 'utf8'));
}

/** trafilatura-eval annotations: url -> {with, without, file}. */
export function trafilaturaEval(): Record<string, { file: string; with?: string[]; without?: string[] }> {
  return JSON.parse(readFileSync(resolve(DATA, 'trafilatura-eval/evaldata.json'), 'utf8'));
}
