import { InputError } from '../errors.js';

export type FetchErrorCode =
  | 'ssrf-blocked'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'timeout'
  | 'body-too-large'
  | 'robots-disallowed'
  | 'http-error'
  | 'dns'
  | 'bad-url'
  | 'unsupported-scheme'
  /** connection refused/reset, TLS failure, undecodable body and other transport errors */
  | 'network';

/** A refused or failed fetch: a one-line message ("<url>: <detail>"); exit code 2 through the CLI. */
export class FetchError extends InputError {
  readonly code: FetchErrorCode;
  /** the reason without the URL prefix */
  readonly detail: string;
  /** the URL being fetched when it failed ('' when not known, e.g. inside the DNS lookup) */
  readonly url: string;
  /** HTTP status for 'http-error' (the last response's status, after retries) */
  readonly status?: number;
  constructor(code: FetchErrorCode, detail: string, opts: { url?: string; status?: number } = {}) {
    const oneLine = detail.replace(/[\r\n]+/g, ' ');
    super(opts.url ? `${opts.url}: ${oneLine}` : oneLine);
    this.name = 'FetchError';
    this.code = code;
    this.detail = oneLine;
    this.url = opts.url ?? '';
    if (opts.status !== undefined) this.status = opts.status;
  }

  /** The same error re-attributed to a URL (errors raised in the DNS lookup do not know it). */
  withUrl(url: string): FetchError {
    if (this.url) return this;
    return new FetchError(this.code, this.detail, { url, status: this.status });
  }
}
