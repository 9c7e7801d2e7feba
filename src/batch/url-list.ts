// A URL list file (one URL per line; blank lines and '#' comments ignored), read streaming: each http(s) URL with its
// line number, or why the line is none. The batch (--from) and the queue (enqueue) read their lists through it alike.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { badUrl } from '../util/url.js';

/** Characters of a bad line quoted in its reason (a line of an HTML file given by mistake may be long). */
const SHOWN_CHARS = 80;

export type UrlListLine = { line: number; url: string } | { line: number; bad: string };

export async function* readUrlList(path: string): AsyncGenerator<UrlListLine> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const t = raw.trim();
    if (!t || t.startsWith('#')) continue;
    const why = badUrl(t);
    yield why ? { line: n, bad: `${why} (${JSON.stringify(t.length > SHOWN_CHARS ? `${t.slice(0, SHOWN_CHARS)}…` : t)})` } : { line: n, url: t };
  }
}
