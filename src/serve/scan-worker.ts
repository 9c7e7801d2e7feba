// Worker thread of the scan pool: runs analyze() (CPU-bound) off the server's event loop. Loaded by piscina from
// dist/serve/scan-worker.js, or through scan-worker-dev.mjs (tsx) when running from source.
import { analyze } from '../analyze.js';
import { InputError } from '../errors.js';
import type { AnalyzeResult } from '../result.js';
import { decode } from '../page/index.js';
import { neutraliseHtml } from './original.js';

export interface ScanTask {
  body: Uint8Array | string;
  url?: string;
  contentType?: string;
  input?: string;
}

export type ScanReply = { ok: true; result: AnalyzeResult } | { ok: false; message: string; inputError: boolean };

/** Errors cross the thread as data: an InputError (bad page) must stay a 400, not become a 500. */
export default function scan(task: ScanTask): ScanReply {
  try {
    const result = analyze(task.body, { url: task.url, contentType: task.contentType, input: task.input });
    // cleanHtml is not stored by the server; leave it behind instead of copying it across threads
    return { ok: true, result: { ...result, cleanHtml: '' } };
  } catch (err) {
    return { ok: false, message: String((err as Error)?.message ?? err).split('\n')[0], inputError: err instanceof InputError };
  }
}

export interface OriginalTask {
  body: Uint8Array;
}

/** The original page decoded and neutralised (parse5 over a large page costs ~100 ms: kept off the event loop). */
export function original(task: OriginalTask): string {
  return neutraliseHtml(decode(task.body).html);
}
