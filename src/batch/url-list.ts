// A URL list file (one URL per line; blank lines and '#' comments ignored), read streaming: each http(s) URL with its
// line number, or why the line is none. The batch (--from) and the queue (enqueue) read their lists through it alike.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { badUrl } from '../util/url.js';
import { cannotRead, checkInputFile } from '../util/files.js';

/** Characters of a bad line quoted in its reason (a line of an HTML file given by mistake may be long). */
const SHOWN_CHARS = 80;

export type UrlListLine = { line: number; url: string } | { line: number; bad: string };

/**
 * The lines of the list at `path`. A path that is no readable regular file (missing, a folder, /dev/zero or a FIFO,
 * which would be read forever) and a read that fails midway throw an InputError naming the file.
 */
export async function* readUrlList(path: string): AsyncGenerator<UrlListLine> {
  checkInputFile(path);
  const input = createReadStream(path);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const raw of lines) {
      n++;
      const t = raw.trim();
      if (!t || t.startsWith('#')) continue;
      const why = badUrl(t);
      yield why ? { line: n, bad: `${why} (${JSON.stringify(t.length > SHOWN_CHARS ? `${t.slice(0, SHOWN_CHARS)}…` : t)})` } : { line: n, url: t };
    }
  } catch (err) {
    if (!(err as NodeJS.ErrnoException)?.code) throw err;
    throw cannotRead(path, err);
  } finally {
    lines.close();
    input.destroy();
  }
}
