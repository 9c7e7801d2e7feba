// Fetcher options: one zod schema, validated in the constructor; every default is a named constant.
import { z } from 'zod';
import type { Resolver } from './ssrf.js';
import { WINNOW_VERSION } from '../util/version.js';

export const DEFAULT_USER_AGENT = `winnow/${WINNOW_VERSION} (SEO-spam audit)`;
/** product token matched against robots.txt User-agent lines */
export const DEFAULT_ROBOTS_AGENT = 'winnow';
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** time allowed for the response headers after the request is sent */
export const DEFAULT_HEADERS_TIMEOUT_MS = 15_000;
/** longest silence allowed between two body chunks */
export const DEFAULT_BODY_TIMEOUT_MS = 15_000;
/** wall-clock cap for one request attempt (connect + headers + whole body); catches slow drips */
export const DEFAULT_DEADLINE_MS = 30_000;
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
export const DEFAULT_PER_HOST_CONCURRENCY = 2;
export const DEFAULT_PER_HOST_DELAY_MS = 1000;
export const DEFAULT_MAX_RETRIES = 2;
/** first backoff wait; doubles on each retry (500, 1000, 2000 ms ...) */
export const DEFAULT_RETRY_BASE_MS = 500;
/** cap on any single retry wait, Retry-After included */
export const DEFAULT_MAX_RETRY_WAIT_MS = 30_000;
/** RFC 9309: parse at least 500 KiB of robots.txt */
export const ROBOTS_MAX_BYTES = 512 * 1024;
/** RFC 9309: a cached robots.txt should not be used for more than 24 hours */
export const ROBOTS_CACHE_MS = 24 * 60 * 60 * 1000;
/** cap on a robots.txt Crawl-delay we honour */
export const MAX_CRAWL_DELAY_MS = 10_000;

const ms = z.number().int().nonnegative();
const positiveMs = z.number().int().positive();

export const FetcherOptions = z.strictObject({
  userAgent: z.string().min(1).default(DEFAULT_USER_AGENT),
  robotsUserAgent: z.string().min(1).default(DEFAULT_ROBOTS_AGENT),
  maxRedirects: z.number().int().min(0).max(20).default(DEFAULT_MAX_REDIRECTS),
  connectTimeoutMs: positiveMs.default(DEFAULT_CONNECT_TIMEOUT_MS),
  headersTimeoutMs: positiveMs.default(DEFAULT_HEADERS_TIMEOUT_MS),
  bodyTimeoutMs: positiveMs.default(DEFAULT_BODY_TIMEOUT_MS),
  deadlineMs: positiveMs.default(DEFAULT_DEADLINE_MS),
  maxBodyBytes: z.number().int().positive().default(DEFAULT_MAX_BODY_BYTES),
  /** what a body over maxBodyBytes gives: the first maxBodyBytes flagged `truncated`, or a 'body-too-large' error */
  oversize: z.enum(['truncate', 'error']).default('truncate'),
  respectRobots: z.boolean().default(true),
  perHostConcurrency: z.number().int().min(1).max(64).default(DEFAULT_PER_HOST_CONCURRENCY),
  /** minimum gap between the starts of two requests to one host */
  perHostDelayMs: ms.default(DEFAULT_PER_HOST_DELAY_MS),
  maxRetries: z.number().int().min(0).max(10).default(DEFAULT_MAX_RETRIES),
  retryBaseMs: ms.default(DEFAULT_RETRY_BASE_MS),
  maxRetryWaitMs: ms.default(DEFAULT_MAX_RETRY_WAIT_MS),
  /** turn the SSRF guard off (CLI --allow-private; tests, intranets) */
  allowPrivate: z.boolean().default(false),
  /** host names exempt from the SSRF guard (an intranet allow-list); every other hop is still checked */
  allowHosts: z.array(z.string().min(1)).default([]),
  /** DNS resolver used for the guard AND the connection (tests map fake names like allowed.test) */
  resolver: z.custom<Resolver>((v) => typeof v === 'function', 'resolver must be a function').optional(),
  /** extra request headers sent on every request (lower-case names recommended) */
  headers: z.record(z.string(), z.string()).default({}),
});
/** What callers pass (every field optional). */
export type FetcherOptions = z.input<typeof FetcherOptions>;
/** After validation and defaults. */
export type ResolvedFetcherOptions = z.output<typeof FetcherOptions>;
