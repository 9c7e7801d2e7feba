// Fetch stage: URL -> raw bytes + content-type (hardened: SSRF guard, robots.txt, limits, retries).
// Decoding the bytes is the page stage's job (decode()).
export { Fetcher, parseRetryAfter, type FetchConditions, type FetchRequestOptions, type FetchResult } from './fetcher.js';
export { FetchError, type FetchErrorCode } from './errors.js';
export {
  FetcherOptions,
  type ResolvedFetcherOptions,
  DEFAULT_USER_AGENT,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_PER_HOST_CONCURRENCY,
  DEFAULT_PER_HOST_DELAY_MS,
} from './options.js';
export { isPrivateAddress, systemResolver, type Resolver } from './ssrf.js';
// The cloaking check (src/fetch/cloaking.ts) is NOT re-exported here: it needs the page stage (decode, buildPage),
// and the plain fetcher must stay free of later stages. Import it from './fetch/cloaking.js'.
