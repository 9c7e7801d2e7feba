// A real crawl for report and export tests: the 78 pages of ../shared/data/spam-pages (49 with spam injected by
// spam networks, 29 clean hard negatives) as one WARC, each record with its page's real source URL as
// WARC-Target-URI and a fetch date spread over a week, scanned into a store by the built CLI.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { warcRecord } from '../helpers/warcgen.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(REPO_ROOT, 'bin/winnow.js');
export const SPAM_PAGES = join(REPO_ROOT, '..', 'shared', 'data', 'spam-pages', 'pages');

export interface SpamPageMeta {
  id: string;
  source: string;
  verdict: 'clean' | 'contaminated';
}

export function spamPages(): Array<SpamPageMeta & { body: Buffer }> {
  return readdirSync(SPAM_PAGES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const meta = JSON.parse(readFileSync(join(SPAM_PAGES, f), 'utf8')) as SpamPageMeta;
      return { ...meta, body: readFileSync(join(SPAM_PAGES, f.replace(/\.json$/, '.html'))) };
    });
}

/** Write the WARC; returns the pages in record order. */
export function writeSpamWarc(path: string): Array<SpamPageMeta & { body: Buffer }> {
  const pages = spamPages();
  const records = pages.map((p, i) =>
    warcRecord({
      url: /^https?:\/\//.test(p.source) ? p.source : undefined,
      date: `2026-11-0${1 + (i % 7)}T10:00:00Z`,
      recordId: `<urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}>`,
      httpHeaders: { 'Content-Type': 'text/html' },
      body: p.body,
    }),
  );
  writeFileSync(path, Buffer.concat(records));
  return pages;
}

export function run(args: string[], opts: { input?: string | Buffer; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: opts.input, cwd: opts.cwd, encoding: 'utf8', timeout: 240_000, maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', DOTENV_CONFIG_QUIET: 'true' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
