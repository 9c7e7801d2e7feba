// The fetcher: undici 7 with manual redirects (every hop checked), SSRF guard at DNS-lookup time, robots.txt,
// per-host politeness, retries with backoff, size-capped streaming with gzip/deflate/br decoding.
// It returns raw bytes + content-type; charset decoding belongs to the page stage's decode().
import type { LookupAddress } from 'node:dns';
import { createRequire } from 'node:module';
import { isIP } from 'node:net';
import { Transform, Writable, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { Agent, request } from 'undici';
import { InputError } from '../errors.js';
import { FetchError } from './errors.js';
import { HostGates } from './gate.js';
import {
  FetcherOptions,
  MAX_CRAWL_DELAY_MS,
  ROBOTS_CACHE_MS,
  ROBOTS_MAX_BYTES,
  type ResolvedFetcherOptions,
} from './options.js';
import { bareHost, isPrivateAddress, systemResolver, type Resolver } from './ssrf.js';

export interface FetchConditions {
  /** ETag from an earlier fetch: sent as If-None-Match */
  etag?: string;
  /** Last-Modified from an earlier fetch: sent as If-Modified-Since */
  lastModified?: string;
}

/** Per-call overrides (additive to the contract; the cloaking check uses them). */
export interface FetchRequestOptions {
  userAgent?: string;
  headers?: Record<string, string>;
}

export interface FetchResult {
  /** the URL asked for */
  url: string;
  /** the URL that answered, after redirects */
  finalUrl: string;
  status: number;
  /** response headers of the final response, lower-case names; repeated headers joined with ", " */
  headers: Record<string, string>;
  /** Content-Type header value ('' when absent) */
  contentType: string;
  /** the body after content-encoding is undone (bytes untouched otherwise); empty for 304 */
  body: Buffer;
  /** ISO time the final response arrived */
  fetchedAt: string;
  /** every URL that answered with a redirect, in order (redirects[0] === url when there was any) */
  redirects: string[];
  /** true on 304 Not Modified to a conditional GET */
  notModified: boolean;
  /** true when the body was cut at maxBodyBytes (oversize: 'truncate') */
  truncated: boolean;
}

interface Robot {
  isDisallowed(url: string, ua?: string): boolean | undefined;
  getMatchingLineNumber(url: string, ua?: string): number;
  getCrawlDelay(ua?: string): number | undefined;
}
// robots-parser is CommonJS (module.exports = fn) with an ESM-style .d.ts; require() gives the function itself
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, txt: string) => Robot;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const ACCEPT_ENCODING = 'gzip, deflate, br';
/** 5xx that a retry cannot fix */
const NO_RETRY_5XX = new Set([501, 505]);
/** transport errors worth one more try */
const RETRYABLE_NET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME', 'ENODATA']);

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

class TooLarge extends Error {}
class Deadline extends Error {}

interface RawResponse {
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  truncated: boolean;
  fetchedAt: string;
}

interface RunOptions {
  cond: FetchConditions;
  req: FetchRequestOptions;
  checkRobots: boolean;
  maxRetries: number;
  maxBytes: number;
  oversize: 'truncate' | 'error';
  /** true: a final 4xx/5xx throws 'http-error'; false: it is returned */
  throwHttp: boolean;
  /** false for robots.txt: not counted against the per-host delay (a single-URL scan would wait twice) */
  spaced: boolean;
}

type RobotsVerdict = { kind: 'allow-all' } | { kind: 'disallow-all'; why: string } | { kind: 'rules'; robot: Robot };

export class Fetcher {
  readonly options: ResolvedFetcherOptions;
  private readonly agent: Agent;
  private readonly gates: HostGates;
  private readonly resolver: Resolver;
  private readonly allowHosts: Set<string>;
  private readonly robots = new Map<string, { at: number; verdict: Promise<RobotsVerdict> }>();
  private closed = false;

  constructor(opts: FetcherOptions = {}) {
    const parsed = FetcherOptions.safeParse(opts);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw new InputError(`invalid fetcher option ${i.path.join('.') || '(options)'}: ${i.message}`);
    }
    this.options = parsed.data;
    const o = this.options;
    this.resolver = o.resolver ?? systemResolver;
    this.allowHosts = new Set(o.allowHosts.map(bareHost));
    this.gates = new HostGates(o.perHostConcurrency, o.perHostDelayMs);
    this.agent = new Agent({
      headersTimeout: o.headersTimeoutMs,
      bodyTimeout: o.bodyTimeoutMs,
      connect: { timeout: o.connectTimeoutMs, lookup: this.guardedLookup },
    });
  }

  /**
   * The DNS lookup undici's connector (net/tls.connect) uses: resolve, refuse if any address is private,
   * and hand over exactly the checked addresses, so the socket connects to an address that was checked.
   */
  private readonly guardedLookup = (
    hostname: string,
    options: { family?: number | string; all?: boolean },
    callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    const host = bareHost(hostname);
    this.resolver(host)
      .then((addrs) => {
        if (!addrs.length) throw new FetchError('dns', `cannot resolve host ${host}`);
        if (!this.guardOff(host)) {
          const bad = addrs.find((a) => isPrivateAddress(a.address));
          if (bad) {
            throw new FetchError(
              'ssrf-blocked',
              `refused: host ${host} resolves to ${bad.address}, a private/reserved address (allowPrivate/--allow-private to allow)`,
            );
          }
        }
        const fam = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family) || 0;
        const list = fam ? addrs.filter((a) => a.family === fam) : addrs;
        if (!list.length) throw new FetchError('dns', `host ${host} has no IPv${fam} address`);
        if (options.all) callback(null, list);
        else callback(null, list[0].address, list[0].family);
      })
      .catch((err: unknown) => {
        if (err instanceof FetchError) callback(err, '');
        else {
          const e = err as NodeJS.ErrnoException;
          callback(new FetchError('dns', `cannot resolve host ${host} (${e.code ?? e.message})`), '');
        }
      });
  };

  private guardOff(host: string): boolean {
    return this.options.allowPrivate || this.allowHosts.has(host);
  }

  /** Parse and vet a URL before any connection: scheme, and literal IP addresses (lookup is skipped for those). */
  private checkUrl(raw: string, from?: string): URL {
    let u: URL;
    try {
      u = from === undefined ? new URL(raw) : new URL(raw, from);
    } catch {
      throw new FetchError('bad-url', from === undefined ? 'not a valid URL' : `bad redirect Location ${JSON.stringify(raw).slice(0, 200)}`, {
        url: from === undefined ? raw.slice(0, 200) : from,
      });
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      throw new FetchError('unsupported-scheme', `unsupported URL scheme ${u.protocol.slice(0, -1)} (http and https only)`, {
        url: u.href.slice(0, 200),
      });
    }
    u.hash = '';
    const host = bareHost(u.hostname);
    if (isIP(host) && !this.guardOff(host) && isPrivateAddress(host)) {
      throw new FetchError('ssrf-blocked', `refused: ${host} is a private/reserved address (allowPrivate/--allow-private to allow)`, {
        url: u.href,
      });
    }
    return u;
  }

  /** Fetch a URL (GET). Throws FetchError with a code and a one-line message. */
  async fetch(url: string, cond: FetchConditions = {}, req: FetchRequestOptions = {}): Promise<FetchResult> {
    const o = this.options;
    return this.run(url, {
      cond,
      req,
      checkRobots: o.respectRobots,
      maxRetries: o.maxRetries,
      maxBytes: o.maxBodyBytes,
      oversize: o.oversize,
      throwHttp: true,
      spaced: true,
    });
  }

  private async run(url: string, ro: RunOptions): Promise<FetchResult> {
    if (this.closed) throw new FetchError('network', 'fetcher is closed', { url });
    let current = this.checkUrl(url);
    const visited = new Set([current.href]);
    const redirects: string[] = [];
    for (;;) {
      if (ro.checkRobots) await this.enforceRobots(current);
      const r = await this.withRetries(current, ro);
      const location = r.headers['location'];
      if (REDIRECT_STATUSES.has(r.status) && location) {
        const next = this.checkUrl(location, current.href);
        if (visited.has(next.href)) {
          throw new FetchError('redirect-loop', `redirect loop: ${current.href} -> ${next.href} was already visited`, { url });
        }
        if (redirects.length >= this.options.maxRedirects) {
          throw new FetchError('too-many-redirects', `more than ${this.options.maxRedirects} redirects`, { url });
        }
        redirects.push(current.href);
        visited.add(next.href);
        current = next;
        continue;
      }
      const notModified = r.status === 304;
      if (!notModified && r.status >= 300 && ro.throwHttp) {
        throw new FetchError('http-error', `HTTP ${r.status}${REDIRECT_STATUSES.has(r.status) ? ' without Location' : ''}`, {
          url: current.href,
          status: r.status,
        });
      }
      return {
        url,
        finalUrl: current.href,
        status: r.status,
        headers: r.headers,
        contentType: r.headers['content-type'] ?? '',
        body: r.body,
        fetchedAt: r.fetchedAt,
        redirects,
        notModified,
        truncated: r.truncated,
      };
    }
  }

  /** One hop with retries on 429/5xx (Retry-After honoured, capped) and on connection resets. */
  private async withRetries(u: URL, ro: RunOptions): Promise<RawResponse> {
    const o = this.options;
    for (let attempt = 0; ; attempt++) {
      const backoff = Math.min(o.retryBaseMs * 2 ** attempt, o.maxRetryWaitMs);
      let r: RawResponse;
      try {
        r = await this.attempt(u, ro);
      } catch (err) {
        const code = (err as { retryable?: string }).retryable;
        if (code && attempt < ro.maxRetries) {
          await sleep(backoff);
          continue;
        }
        throw err;
      }
      const retryable = r.status === 429 || (r.status >= 500 && !NO_RETRY_5XX.has(r.status));
      if (!retryable || attempt >= ro.maxRetries) return r;
      const ra = parseRetryAfter(r.headers['retry-after']);
      await sleep(Math.min(ra ?? backoff, o.maxRetryWaitMs));
    }
  }

  /** One request to one URL under the host gate and the deadline. Body is read only for 2xx. */
  private async attempt(u: URL, ro: RunOptions): Promise<RawResponse> {
    const o = this.options;
    const release = await this.gates.acquire(u.host, ro.spaced);
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(new Deadline('deadline')), o.deadlineMs);
    try {
      const headers: Record<string, string> = {
        'user-agent': ro.req.userAgent ?? o.userAgent,
        accept: ACCEPT,
        'accept-encoding': ACCEPT_ENCODING,
        ...o.headers,
        ...(ro.req.headers ?? {}),
      };
      if (ro.cond.etag) headers['if-none-match'] = ro.cond.etag;
      if (ro.cond.lastModified) headers['if-modified-since'] = ro.cond.lastModified;
      const res = await request(u, {
        dispatcher: this.agent,
        method: 'GET',
        headers,
        signal: ac.signal,
        headersTimeout: o.headersTimeoutMs,
        bodyTimeout: o.bodyTimeoutMs,
      });
      const h = lowerHeaders(res.headers);
      const fetchedAt = new Date().toISOString();
      if (res.statusCode < 200 || res.statusCode >= 300) {
        await res.body.dump().catch(() => undefined);
        return { url: u.href, status: res.statusCode, headers: h, body: Buffer.alloc(0), truncated: false, fetchedAt };
      }
      const declared = Number(h['content-length']);
      const encodings = parseEncodings(h['content-encoding']);
      if (ro.oversize === 'error' && !encodings.length && declared > ro.maxBytes) {
        res.body.destroy();
        throw new FetchError('body-too-large', `body of ${declared} bytes is over the ${ro.maxBytes}-byte limit`, { url: u.href });
      }
      const { body, truncated } = await readBody(res.body, encodings, ro.maxBytes, u.href);
      if (truncated && ro.oversize === 'error') {
        throw new FetchError('body-too-large', `body is over the ${ro.maxBytes}-byte limit`, { url: u.href });
      }
      return { url: u.href, status: res.statusCode, headers: h, body, truncated, fetchedAt };
    } catch (err) {
      throw mapError(err, u.href, ac.signal, o.deadlineMs);
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  /** robots.txt, fetched once per origin and cached; 4xx = allow all, 5xx/unreachable = disallow all (RFC 9309). */
  private async enforceRobots(u: URL): Promise<void> {
    let entry = this.robots.get(u.origin);
    if (!entry || Date.now() - entry.at > ROBOTS_CACHE_MS) {
      entry = { at: Date.now(), verdict: this.loadRobots(u) };
      const mine = entry;
      this.robots.set(u.origin, mine);
      mine.verdict.catch(() => {
        if (this.robots.get(u.origin) === mine) this.robots.delete(u.origin); // transient: try again next time
      });
    }
    const p = entry.verdict;
    let v: RobotsVerdict;
    try {
      v = await p;
    } catch (err) {
      if (err instanceof FetchError) throw new FetchError(err.code, err.detail, { url: u.href, status: err.status });
      throw err;
    }
    if (v.kind === 'allow-all') return;
    if (v.kind === 'disallow-all') {
      throw new FetchError('robots-disallowed', `disallowed: ${v.why} (RFC 9309: treat as disallow all)`, { url: u.href });
    }
    if (v.robot.isDisallowed(u.href, this.options.robotsUserAgent)) {
      const line = v.robot.getMatchingLineNumber(u.href, this.options.robotsUserAgent);
      throw new FetchError('robots-disallowed', `disallowed by ${u.origin}/robots.txt${line > 0 ? ` line ${line}` : ''}`, {
        url: u.href,
      });
    }
  }

  private async loadRobots(u: URL): Promise<RobotsVerdict> {
    const robotsUrl = `${u.origin}/robots.txt`;
    let r: FetchResult;
    try {
      r = await this.run(robotsUrl, {
        cond: {},
        req: {},
        checkRobots: false,
        maxRetries: 0,
        maxBytes: ROBOTS_MAX_BYTES,
        oversize: 'truncate',
        throwHttp: false,
        spaced: false,
      });
    } catch (err) {
      if (!(err instanceof FetchError)) throw err;
      // a robots.txt redirect to a refused place says nothing about the page: no usable robots.txt (like 4xx)
      if (err.url !== robotsUrl && ['ssrf-blocked', 'bad-url', 'unsupported-scheme'].includes(err.code)) return { kind: 'allow-all' };
      if (['too-many-redirects', 'redirect-loop'].includes(err.code)) return { kind: 'allow-all' };
      // unreachable (RFC 9309: disallow all): the page is refused with the transport error's own code, which
      // says more than "robots" (a refused, unresolvable or silent host cannot serve the page either)
      if (err.code === 'ssrf-blocked') throw err;
      throw new FetchError(err.code, `robots.txt unreachable: ${err.detail}`, { url: robotsUrl });
    }
    if (r.status >= 500) return { kind: 'disallow-all', why: `robots.txt answered HTTP ${r.status}` };
    if (r.status >= 300) return { kind: 'allow-all' }; // 4xx (and a redirect chain that gave up) = no rules
    const robot = robotsParser(robotsUrl, r.body.toString('utf8'));
    const delay = robot.getCrawlDelay(this.options.robotsUserAgent);
    if (typeof delay === 'number' && delay > 0) this.gates.setDelay(u.host, Math.min(delay * 1000, MAX_CRAWL_DELAY_MS));
    return { kind: 'rules', robot };
  }

  /** Close the connection pool. Further fetches fail. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.agent.close().catch(() => this.agent.destroy());
  }
}

function lowerHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Retry-After in ms: delta-seconds or an HTTP date; undefined when absent or unparsable. */
export function parseRetryAfter(v: string | undefined, now = Date.now()): number | undefined {
  if (!v) return undefined;
  const s = v.trim();
  if (/^\d+$/.test(s)) return Number(s) * 1000;
  if (!/^[A-Za-z]{3},? /.test(s)) return undefined; // HTTP-date starts with a day name ("Wed, 21 Oct 2015 ...")
  const t = Date.parse(s);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, t - now);
}

function parseEncodings(v: string | undefined): string[] {
  if (!v) return [];
  return v
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s && s !== 'identity');
}

/** zlib or raw deflate, decided from the first two bytes (servers send both as "deflate"). */
class AutoInflate extends Transform {
  private inner?: zlib.Inflate | zlib.InflateRaw;
  private head = Buffer.alloc(0);

  private start(chunk: Buffer): void {
    const b0 = chunk[0];
    const b1 = chunk[1];
    const isZlib = (b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0;
    const opts = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
    this.inner = isZlib ? zlib.createInflate(opts) : zlib.createInflateRaw(opts);
    this.inner.on('data', (d: Buffer) => this.push(d));
    this.inner.on('error', (e) => this.destroy(e));
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    if (!this.inner) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < 2) return cb();
      this.start(this.head);
      chunk = this.head;
    }
    this.inner!.write(chunk, () => cb());
  }

  override _flush(cb: TransformCallback): void {
    if (!this.inner) {
      if (this.head.length) this.start(Buffer.concat([this.head, Buffer.alloc(1)]));
      else return cb();
      this.inner!.write(this.head);
    }
    this.inner!.once('end', () => cb());
    this.inner!.end();
  }
}

function decoderFor(enc: string, url: string): Transform {
  switch (enc) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
    case 'deflate':
      return new AutoInflate();
    case 'br':
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
    default:
      throw new FetchError('network', `unsupported Content-Encoding ${enc}`, { url });
  }
}

/**
 * Stream the body through the content decoders into memory, stopping at maxBytes of DECODED output
 * (a gzip bomb stops there too); stopping destroys the response stream, which aborts the request.
 */
async function readBody(
  body: Readable,
  encodings: string[],
  maxBytes: number,
  url: string,
): Promise<{ body: Buffer; truncated: boolean }> {
  const decoders = encodings.reverse().map((e) => decoderFor(e, url));
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  if (!decoders.length) {
    // identity: plain iteration (cheaper than a pipeline); leaving the loop early destroys the stream
    for await (const chunk of body as AsyncIterable<Buffer>) {
      const room = maxBytes - size;
      if (chunk.length > room) {
        if (room > 0) chunks.push(chunk.subarray(0, room));
        size = maxBytes;
        truncated = true;
        break;
      }
      chunks.push(chunk);
      size += chunk.length;
    }
    if (truncated) body.destroy();
    return { body: Buffer.concat(chunks, size), truncated };
  }
  const tooLarge = new TooLarge('too large');
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      const room = maxBytes - size;
      if (chunk.length > room) {
        if (room > 0) chunks.push(chunk.subarray(0, room));
        size = maxBytes;
        truncated = true;
        cb(tooLarge);
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
      cb();
    },
  });
  try {
    await pipeline([body, ...decoders, sink]);
  } catch (err) {
    if (err !== tooLarge) {
      const e = err as NodeJS.ErrnoException;
      if (decoders.length && typeof e.code === 'string' && e.code.startsWith('Z_')) {
        throw new FetchError('network', `cannot decode ${encodings.join('+')} body (${e.code})`, { url });
      }
      throw err;
    }
    body.destroy();
  }
  return { body: Buffer.concat(chunks, size), truncated };
}

/** Turn whatever undici/net/zlib threw into a FetchError with a code; keep a retry hint for transient errors. */
function mapError(err: unknown, url: string, signal: AbortSignal, deadlineMs: number): FetchError {
  if (err instanceof FetchError) return err.withUrl(url);
  const e = err as NodeJS.ErrnoException & { cause?: unknown };
  if (e?.cause instanceof FetchError) return e.cause.withUrl(url);
  if (signal.aborted && signal.reason instanceof Deadline) {
    return new FetchError('timeout', `timed out: no complete response within ${deadlineMs} ms`, { url });
  }
  const code = e?.code ?? '';
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return new FetchError('timeout', 'timed out waiting for response headers', { url });
  if (code === 'UND_ERR_BODY_TIMEOUT') return new FetchError('timeout', 'timed out waiting for the body (server went silent)', { url });
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new FetchError('timeout', 'timed out connecting', { url });
  if (DNS_CODES.has(code)) return new FetchError('dns', `cannot resolve host (${code})`, { url });
  const fe = new FetchError('network', `request failed (${code || e?.message || String(err)})`, { url });
  if (RETRYABLE_NET_CODES.has(code)) (fe as FetchError & { retryable?: string }).retryable = code;
  return fe;
}
