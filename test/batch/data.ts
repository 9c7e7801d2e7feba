// Real pages from ../shared/data for batch tests (resolved from the repo root, not the cwd).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Writable } from 'node:stream';
import { warcFile } from '../helpers/warcgen.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DATA = join(REPO_ROOT, '..', 'shared', 'data');

/** n real pages: scrapinghub (gzip, mostly English) and chinese-web-content-extraction (GBK and UTF-8, no charset header). */
export interface RealPage {
  name: string;
  body: Buffer;
  zh: boolean;
}

export function realPages(n: number): RealPage[] {
  const sh = join(DATA, 'scrapinghub-article-extraction-benchmark', 'html');
  const zh = join(DATA, 'chinese-web-content-extraction', 'original');
  const a = readdirSync(sh).sort().map((f) => ({ name: f.replace(/\.html\.gz$/, ''), body: gunzipSync(readFileSync(join(sh, f))), zh: false }));
  const b = readdirSync(zh).sort().filter((f) => f.endsWith('.html')).map((f) => ({ name: f.replace(/\.html$/, ''), body: readFileSync(join(zh, f)), zh: true }));
  const out: RealPage[] = [];
  for (let i = 0; out.length < n && (i < a.length || i < b.length); i++) {
    if (i < a.length) out.push(a[i]);
    if (out.length < n && i < b.length) out.push(b[i]);
  }
  return out.slice(0, n);
}

/** A Chinese page in GBK/GB2312 (declared only in its <meta>, never in an HTTP header). */
export function gbkPage(): RealPage {
  const zh = join(DATA, 'chinese-web-content-extraction', 'original');
  for (const f of readdirSync(zh).sort()) {
    const body = readFileSync(join(zh, f));
    if (/charset=["']?(gb2312|gbk)/i.test(body.subarray(0, 3000).toString('latin1'))) return { name: f, body, zh: true };
  }
  throw new Error('no GBK page in shared data');
}

/** A WARC of real pages with one odd page second among them (news.example.com/0, the odd one, news.example.com/1...). */
export function writeWarcWithOddPage(file: string, pages: RealPage[], odd: { url: string; body: Uint8Array | string }): void {
  writeFileSync(
    file,
    warcFile([
      { url: 'https://news.example.com/0', body: pages[0].body },
      odd,
      ...pages.slice(1).map((p, i) => ({ url: `https://news.example.com/${i + 1}`, body: p.body })),
    ]),
  );
}

/** A writable that keeps each non-empty line written to it (a batch's NDJSON output or its stderr). */
export function lineSink(): { w: Writable; lines: string[] } {
  const lines: string[] = [];
  const w = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  return { w, lines };
}
