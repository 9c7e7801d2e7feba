// Demo content for `winnow serve` on an empty store: scan our fixtures (corpus/fixtures) and a handful of real
// pages from ../shared/data (when present) so a new user sees a real queue at once.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../analyze.js';
import { saveResult, type Store } from '../store/index.js';
import { PACKAGE_ROOT, sharedDataDir } from '../util/paths.js';
import { gunzipInput } from '../util/files.js';

/** Real pages scanned for the demo (paths relative to ../shared/data): the two real injections, hard negatives, a few news pages. */
export const DEMO_REAL_PAGES = [
  'gne-chinese-news/html/njxfhn/1.html.gz',
  'trafilatura-eval/eval/silvias.net.wahlzensur.html.gz',
  'gne-chinese-news/html/thepaper/5.html.gz',
  'chinese-web-content-extraction/original/8cb7b39d-4a06-4cad-bc50-0f63304267f3.html',
  'chinese-web-content-extraction/original/05e98007-d810-4036-b154-2ef2fe68c2af.html',
  'gne-chinese-news/html/163/1.html.gz',
];
/** Fixture files larger than this are skipped in the demo (a gzipped page: larger once decompressed, it fails). */
const MAX_DEMO_FILE_BYTES = 5 * 1024 * 1024;
/** At most this many fixture files are scanned. */
const MAX_DEMO_FIXTURES = 60;


function htmlFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) htmlFiles(p, out);
    else if (/\.html?(\.gz)?$/i.test(name) && st.size <= MAX_DEMO_FILE_BYTES) out.push(p);
  }
  return out;
}

/** How far into a page the canonical-URL sniff looks. */
const CANONICAL_SNIFF_BYTES = 64 * 1024;

/** The page's own canonical / og:url (http/https only), so the demo queue shows real domains. */
export function canonicalUrl(body: Uint8Array): string | undefined {
  const head = Buffer.from(body.subarray(0, CANONICAL_SNIFF_BYTES)).toString('latin1');
  for (const tag of head.match(/<(?:link|meta)\b[^>]*>/gi) ?? []) {
    const isCanon = /\brel\s*=\s*["']?canonical\b/i.test(tag) || /\bproperty\s*=\s*["']?og:url\b/i.test(tag);
    if (!isCanon) continue;
    const m = /\b(?:href|content)\s*=\s*["']?(https?:\/\/[^"'\s>]+)/i.exec(tag);
    if (m) {
      try {
        return new URL(m[1]).href;
      } catch {
        /* not a URL */
      }
    }
  }
  return undefined;
}

function readPage(p: string): Buffer {
  const raw = readFileSync(p);
  return p.endsWith('.gz') ? gunzipInput(raw, MAX_DEMO_FILE_BYTES, p) : raw;
}

export interface SeedSummary {
  scanned: number;
  failed: number;
  findings: number;
  errors: string[];
}

/** Scan the demo pages into the store. Failures are counted and reported (one line each), never thrown. */
export async function seedDemo(store: Store, root = PACKAGE_ROOT): Promise<SeedSummary> {
  const files: { path: string; url: string }[] = htmlFiles(join(root, 'corpus', 'fixtures'))
    .slice(0, MAX_DEMO_FIXTURES)
    .map((p) => ({ path: p, url: `file:${relative(root, p)}` }));
  const data = root === PACKAGE_ROOT ? sharedDataDir() : join(root, '..', 'shared', 'data');
  for (const rel of DEMO_REAL_PAGES) {
    const p = join(data, rel);
    if (existsSync(p)) files.push({ path: p, url: `file:../shared/data/${rel}` });
  }
  const sum: SeedSummary = { scanned: 0, failed: 0, findings: 0, errors: [] };
  for (const f of files) {
    try {
      const body = readPage(f.path);
      const result = analyze(body, { input: f.url });
      await saveResult(store, { url: f.url, finalUrl: canonicalUrl(body), fetchedAt: new Date().toISOString(), body }, result);
      sum.scanned++;
      sum.findings += result.findings.length;
    } catch (err) {
      sum.failed++;
      sum.errors.push(`${f.url}: ${String((err as Error)?.message ?? err).split('\n')[0]}`);
    }
  }
  return sum;
}
