// I/O edge of the evaluation: read the real gold sets in ../shared/data (resolved from the repo root, not the cwd)
// and, when the corpus module exists, the corpus splits. Read-only.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { CorpusItem, Split } from '../corpus/types.js';

/** The repo root: the nearest ancestor of this file holding package.json (works from src/ and dist/). */
export function evalRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('repo root not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export function evalDataRoot(): string {
  return resolve(evalRepoRoot(), '..', 'shared', 'data');
}

/** Every HTML page file (.html, .htm, gzipped or not) under dir, as absolute paths, sorted. */
export function htmlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.html?(\.gz)?$/i.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

const SCRAPINGHUB = 'scrapinghub-article-extraction-benchmark';
const CHINESE = 'chinese-web-content-extraction';
const TRAFILATURA = 'trafilatura-eval';

export interface GoldPage {
  /** dataset-relative id, e.g. "scrapinghub:042bb7b5…" */
  id: string;
  /** path relative to ../shared/data */
  source: string;
  bytes: Buffer;
  goldBody: string;
  url?: string;
}

export function scrapinghubPages(limit = Infinity): GoldPage[] {
  const root = join(evalDataRoot(), SCRAPINGHUB);
  const gt = JSON.parse(readFileSync(join(root, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url?: string }>;
  return Object.keys(gt)
    .sort()
    .slice(0, limit)
    .map((h) => ({
      id: `scrapinghub:${h}`,
      source: `${SCRAPINGHUB}/html/${h}.html.gz`,
      bytes: gunzipSync(readFileSync(join(root, 'html', `${h}.html.gz`))),
      goldBody: gt[h].articleBody ?? '',
      url: gt[h].url,
    }));
}

export function chinesePages(limit = Infinity): GoldPage[] {
  const root = join(evalDataRoot(), CHINESE);
  return readdirSync(join(root, 'original'))
    .filter((f) => f.endsWith('.html'))
    .sort()
    .slice(0, limit)
    .map((f) => {
      const id = f.replace(/\.html$/u, '');
      return {
        id: `chinese:${id}`,
        source: `${CHINESE}/original/${f}`,
        bytes: readFileSync(join(root, 'original', f)),
        goldBody: readFileSync(join(root, 'cleaned', `${id}.txt`), 'utf8'),
      };
    });
}

/** Peer extractor outputs for the Scrapinghub pages: name -> page hash -> articleBody. */
export function scrapinghubPeers(): Record<string, Record<string, string>> {
  const dir = join(evalDataRoot(), SCRAPINGHUB, 'peer-outputs');
  const out: Record<string, Record<string, string>> = {};
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const j = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { output: Record<string, { articleBody?: string }> };
    out[f.replace(/\.json$/u, '')] = Object.fromEntries(Object.entries(j.output).map(([k, v]) => [k, v.articleBody ?? '']));
  }
  return out;
}

export interface SnippetPage {
  url: string;
  source: string;
  bytes: Buffer;
  with: string[];
  without: string[];
}

/** trafilatura-eval pages with their must-keep ("with") and must-drop ("without") snippets. */
export function trafilaturaPages(limit = Infinity): SnippetPage[] {
  const root = join(evalDataRoot(), TRAFILATURA);
  const data = JSON.parse(readFileSync(join(root, 'evaldata.json'), 'utf8')) as Record<string, { file: string; with?: string[]; without?: string[] }>;
  const out: SnippetPage[] = [];
  for (const url of Object.keys(data).sort()) {
    if (out.length >= limit) break;
    const { file } = data[url];
    const rel = ['eval', 'cache'].map((d) => `${d}/${file}.gz`).find((p) => existsSync(join(root, p)));
    if (!rel) continue;
    out.push({ url, source: `${TRAFILATURA}/${rel}`, bytes: gunzipSync(readFileSync(join(root, rel))), with: data[url].with ?? [], without: data[url].without ?? [] });
  }
  return out;
}

interface CorpusModule {
  loadSplit(split: Split, opts?: { limit?: number; sources?: string[] }): CorpusItem[];
  loadFixtures?: () => CorpusItem[] | unknown;
}

/** The corpus module if dev/corpus/index.ts exists, else null (reported, not fatal). */
export async function corpusModule(): Promise<CorpusModule | null> {
  const spec = '../corpus/index.js';
  try {
    const m = (await import(spec)) as Partial<CorpusModule>;
    return typeof m.loadSplit === 'function' ? (m as CorpusModule) : null;
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw e;
  }
}
