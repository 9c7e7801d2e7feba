// `winnow serve`: the Fastify app (JSON API under /api, server-rendered review UI, token auth, CSRF, CSP).
// Security headers come from @fastify/helmet, cookies from @fastify/cookie, form bodies from @fastify/formbody,
// request and response validation and the OpenAPI document from zod schemas (fastify-type-provider-zod and
// @fastify/swagger), JSON bodies by secure-json-parse, the 405s' Allow lists from a find-my-way registry of the
// app's routes. Scans run in a worker pool (scan-pool.ts), never on the request thread, and are admitted before
// their body is read. buildApp() does no I/O besides the store it is given, so tests drive it with app.inject().
import { createHash } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import secureJson from 'secure-json-parse';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Store } from '../store/index.js';
import { saveResult } from '../store/index.js';
import { overBudgetReason } from '../result.js';
import {
  listQueue,
  listDomains,
  getReviewPage,
  getPageHtml,
  decideFindings,
  decideScan,
  ruleStats,
  trainingExamples,
  undoDecision,
  markMissedSpam,
  noteStoreWrite,
} from '../store/review.js';
import { reviewRules } from './rule-review.js';
import { WINNOW_VERSION } from '../util/version.js';
import { InputError } from '../errors.js';
import { FetchError } from '../fetch/errors.js';
import type { FetcherOptions } from '../fetch/options.js';
import type { LabeledText, RetrainResult } from '../detect/labeled.js';
import { runDevRetrain, RetrainUnavailable } from '../retrain.js';
import { Auth, CSRF_HEADER, SESSION_COOKIE, safeEqual, sameOrigin, sessionCookieOptions, type Session, type TokenEntry } from './auth.js';
import { ScanBusy, ScanPool, ScanTimeout, type ScanPoolOptions } from './scan-pool.js';
import * as S from './schemas.js';
import { decode } from '../page/index.js';
import { Turns } from './turns.js';
import { escapeHtml as esc } from '../util/html.js';
import { layout, loginPage, queuePage, reviewPage, rulesPage } from './ui.js';
import { APP_CSS, APP_JS } from './client.js';

/** Request bodies above this are refused (413) before parsing. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Request bodies (JSON, text/html) from this size on are decoded and parsed in their turn (turns.ts); smaller ones at once. */
const HEAVY_BODY_BYTES = 1024 * 1024;
/** Form bodies (the login form) above this are refused (413). */
const MAX_FORM_BYTES = 64 * 1024;
/** The methods a route can be asked for: a path that has routes for some of them answers the others with 405. */
const ROUTE_METHODS: HTTPMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * The status of a failed {url} scan's fetch: the client's URL (400), the page itself (422: too large, or robots.txt
 * forbids it), or the site behind it (502: no answer, an error status, a redirect loop; 504: too slow).
 */
function fetchFailureStatus(e: FetchError): number {
  switch (e.code) {
    case 'bad-url':
    case 'unsupported-scheme':
    case 'ssrf-blocked':
      return 400;
    case 'body-too-large':
    case 'robots-disallowed':
      return 422;
    case 'timeout':
      return 504;
    default:
      return 502;
  }
}

type Directives = Record<string, string[]>;
/** The app's CSP: no inline script, nothing from other origins, never framed. */
const APP_DIRECTIVES: Directives = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
};
/** The page view also frames its own /original copy (and nothing else). */
const PAGE_VIEW_DIRECTIVES: Directives = { ...APP_DIRECTIVES, frameSrc: ["'self'"] };
/**
 * The neutralised original page: no script, no request of any kind (images only from data:), sandboxed even
 * when opened outside its frame, framed only by the page view.
 */
const ORIGINAL_DIRECTIVES: Directives = {
  defaultSrc: ["'none'"],
  styleSrc: ["'unsafe-inline'"],
  imgSrc: ['data:'],
  formAction: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'self'"],
  sandbox: [],
};
const cspString = (d: Directives) =>
  Object.entries(d)
    .map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), ...v].join(' '))
    .join('; ');
export const APP_CSP = cspString(APP_DIRECTIVES);
export const PAGE_VIEW_CSP = cspString(PAGE_VIEW_DIRECTIVES);
export const ORIGINAL_CSP = cspString(ORIGINAL_DIRECTIVES);

export interface FetchedPage {
  body: Uint8Array;
  contentType: string;
  finalUrl: string;
  status: number;
  fetchedAt: string;
  etag?: string;
  lastModified?: string;
}

export interface AppOptions {
  store: Store;
  tokens: TokenEntry[];
  /** fetch a URL for POST /api/scan {url}; default: the hardened Fetcher from src/fetch */
  fetchPage?: (url: string) => Promise<FetchedPage>;
  /** allow URL scans of private/loopback addresses (default fetcher only) */
  allowPrivate?: boolean;
  /** the default fetcher's other options (deadlines, retries, size limit) */
  fetchOptions?: Omit<FetcherOptions, 'allowPrivate'>;
  /** retrain entry; default: dev/train/cli.ts of the source checkout run as a child process (src/retrain.ts) */
  retrain?: (opts: { extra?: LabeledText[]; modelPath?: string }) => Promise<RetrainResult>;
  /** where retrain writes the model (default: retrain()'s own default) */
  modelPath?: string;
  /** mark the session cookie Secure (behind TLS) */
  secureCookies?: boolean;
  /** Redis URL of the queue whose dashboard is served at /admin/queues (default: WINNOW_QUEUE; none when unset) */
  queue?: string;
  /** worker threads, queue bound and per-scan deadline of the scan pool */
  scanPool?: ScanPoolOptions;
  logger?: boolean;
}

interface AuthInfo {
  reviewer: string;
  kind: 'bearer' | 'cookie';
  session?: Session;
}

class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** The default URL fetcher: src/fetch's Fetcher (SSRF guard on unless allowPrivate). */
async function defaultFetchPage(url: string, allowPrivate: boolean, options: FetcherOptions = {}): Promise<FetchedPage> {
  const { Fetcher } = await import('../fetch/fetcher.js');
  const f = new Fetcher({ perHostDelayMs: 0, ...options, allowPrivate });
  try {
    const r = await f.fetch(url);
    if (r.status >= 400) throw new HttpError(502, `${url}: the site answered HTTP ${r.status}`);
    // a cut page would be analysed and stored as if it were the whole page
    if (r.truncated) throw new HttpError(422, `${url}: the page is larger than the ${f.options.maxBodyBytes}-byte fetch limit; not scanned`);
    return {
      body: r.body,
      contentType: r.contentType,
      finalUrl: r.finalUrl,
      status: r.status,
      fetchedAt: r.fetchedAt,
      etag: r.headers.etag,
      lastModified: r.headers['last-modified'],
    };
  } finally {
    await f.close();
  }
}

function isStateChanging(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}

/** "query.minScore: Too big: expected number to be <=1" from a zod validation failure. */
function validationMessage(err: { validation: { instancePath?: string; message?: string }[]; validationContext?: string }): string {
  const where = err.validationContext === 'querystring' ? 'query' : (err.validationContext ?? 'input');
  return err.validation
    .slice(0, 3)
    .map((v) => `${[where, ...(v.instancePath ?? '').split('/').filter(Boolean)].join('.')}: ${v.message ?? 'invalid'}`)
    .join('; ');
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { store } = opts;
  const auth = new Auth(opts.tokens);
  const fetchPage = opts.fetchPage ?? ((u: string) => defaultFetchPage(u, opts.allowPrivate ?? false, opts.fetchOptions));
  const retrain =
    opts.retrain ??
    (async (o: { extra?: LabeledText[]; modelPath?: string }) => {
      const r = await runDevRetrain(o);
      (await import('../detect/model.js')).resetModelCache(); // new scans use the new model
      return r;
    });
  const pool = new ScanPool(opts.scanPool);
  const turns = new Turns();
  const base = Fastify({ logger: opts.logger ?? false, bodyLimit: MAX_BODY_BYTES, trustProxy: false });
  base.setValidatorCompiler(validatorCompiler);
  base.setSerializerCompiler(serializerCompiler);
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.addHook('onClose', async () => pool.close());
  const authOf = new WeakMap<FastifyRequest, AuthInfo>();
  // every route's path, whatever its method: a path asked for with a method it has no route for is a 405 with Allow
  const paths = FindMyWay();
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) {
      if (!ROUTE_METHODS.includes(m as HTTPMethod) || paths.hasRoute(m as HTTPMethod, r.url)) continue;
      paths.on(m as HTTPMethod, r.url, () => undefined);
    }
  });
  const allowedMethods = (method: string, url: string): string[] => {
    const path = url.split('?')[0];
    return ROUTE_METHODS.filter((m) => m !== method && paths.find(m, path) !== null);
  };

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: MAX_FORM_BYTES });
  // JSON bodies as Fastify parses them (secure-json-parse refusing __proto__ and constructor.prototype keys), with
  // the reason in the error instead of one "not valid JSON" for every failure
  app.removeContentTypeParser('application/json');
  /** A body's parse: at once, or in its turn when the body is large (see turns.ts). */
  const parseBody = <T>(body: Buffer, parse: () => T): T | Promise<T> => (body.length >= HEAVY_BODY_BYTES ? turns.run(parse) : parse());
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, async (_req: FastifyRequest, body: Buffer) => {
    const parse = () => {
      const text = body.toString('utf8');
      if (text.trim() === '') return undefined;
      try {
        return secureJson.parse(text, { protoAction: 'error', constructorAction: 'error' }) as unknown;
      } catch (err) {
        const why = String((err as Error).message ?? err).split('\n')[0];
        throw new HttpError(400, /forbidden prototype property/.test(why) ? 'body: a key named __proto__ (or constructor.prototype) is refused' : `body is not valid JSON: ${why}`);
      }
    };
    return parseBody(body, parse);
  });
  // POST /api/scan also takes the page itself (Content-Type text/html, ?url= optional): its bytes are decoded as
  // analyze() decodes a page (the header's charset, else a BOM, the page's <meta>, a sniff), so a client holding a
  // GBK page sends it as it is instead of decoding it into JSON first
  const rawHtml = new WeakSet<FastifyRequest>();
  app.addContentTypeParser(['text/html', 'application/xhtml+xml'], { parseAs: 'buffer' }, async (req: FastifyRequest, body: Buffer) => {
    rawHtml.add(req);
    const parse = () => {
      const { html } = decode(body, { contentType: String(req.headers['content-type'] ?? '') });
      const url = (req.query as Record<string, unknown> | undefined)?.url;
      return url === undefined ? { html } : { html, url };
    };
    return parseBody(body, parse);
  });
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: APP_DIRECTIVES },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    // plain HTTP on localhost by default; HSTS belongs to the TLS proxy in front
    strictTransportSecurity: false,
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'winnow review API',
        version: WINNOW_VERSION,
        description:
          'Moderation queue for injected SEO spam found by winnow. Every route except /healthz needs ' +
          '`Authorization: Bearer <token>` (or the session cookie plus the X-Winnow-CSRF header for state changes). ' +
          'The reviewer recorded with a decision is always the name of the token used.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });

  const isApi = (req: FastifyRequest) => req.url.startsWith('/api/') || req.url === '/api';
  const PUBLIC = new Set(['/healthz', '/login', '/static/app.css', '/static/app.js', '/favicon.ico']);

  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0];
    if (PUBLIC.has(path)) {
      if (isStateChanging(req.method) && !sameOrigin(req.headers as Record<string, string>)) {
        return reply.code(403).type('text/plain').send('cross-origin request refused');
      }
      return;
    }
    const bearerName = auth.bearer(req.headers.authorization);
    let info: AuthInfo | null = null;
    if (bearerName) info = { reviewer: bearerName, kind: 'bearer' };
    else {
      const s = auth.session(req.cookies[SESSION_COOKIE]);
      if (s) info = { reviewer: s.reviewer, kind: 'cookie', session: s };
    }
    if (!info) {
      if (isApi(req)) return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'missing or invalid token' });
      return reply.code(401).type('text/html; charset=utf-8').send(loginPage());
    }
    if (isStateChanging(req.method)) {
      if (!sameOrigin(req.headers as Record<string, string>)) return reply.code(403).send({ error: 'cross-origin request refused' });
      if (info.kind === 'cookie') {
        const sent = req.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !info.session || !safeEqual(sent, info.session.csrf)) {
          return reply.code(403).send({ error: `missing or wrong ${CSRF_HEADER} header` });
        }
      }
    }
    authOf.set(req, info);
  });

  // request bodies are read as sent: a compressed one would reach the JSON parser as binary (RFC 9110: 415)
  app.addHook('preParsing', async (req, reply, payload) => {
    const enc = String(req.headers['content-encoding'] ?? '').trim().toLowerCase();
    if (enc && enc !== 'identity') {
      return reply.code(415).header('accept-encoding', 'identity').send({ error: `Content-Encoding ${enc.slice(0, 40)} is not accepted: send the body uncompressed` });
    }
    return payload;
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.url.startsWith('/static/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler((err: unknown, req, reply) => {
    const e = err as { statusCode?: number; message?: string; code?: string };
    let status: number;
    let message: string;
    if (hasZodFastifySchemaValidationErrors(err)) {
      status = 400;
      message = validationMessage(err as unknown as Parameters<typeof validationMessage>[0]);
    } else if (isResponseSerializationError(err)) {
      status = 500;
      message = `internal error: response does not match its schema (${err.cause.issues[0]?.path.join('.') ?? ''}: ${err.cause.issues[0]?.message ?? ''})`;
      req.log.error(err);
    } else {
      status =
        err instanceof HttpError
          ? err.statusCode
          : err instanceof FetchError
            ? fetchFailureStatus(err)
            : err instanceof InputError
              ? 400
              : err instanceof ScanBusy
                ? 503
                : err instanceof ScanTimeout
                  ? 504
                  : (e.statusCode ?? 500);
      if (status < 400 || status > 599) status = 500;
      const known = err instanceof HttpError || err instanceof InputError || err instanceof ScanBusy || err instanceof ScanTimeout;
      message = status >= 500 && !known ? `internal error: ${String(e.message ?? err).split('\n')[0]}` : String(e.message ?? err).split('\n')[0];
      if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        const form = String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
        message = `request body is over the ${form ? MAX_FORM_BYTES : MAX_BODY_BYTES}-byte limit`;
      }
      if (status >= 500 && !known) req.log.error(err);
    }
    if (status === 503) reply.header('retry-after', '5');
    if (isApi(req) || req.method !== 'GET') return reply.code(status).send({ error: message });
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(layout({ title: 'Error' }, `<h1>Error ${status}</h1><p class="error">${esc(message)}</p><p><a href="/">back to the queue</a></p>`));
  });

  app.setNotFoundHandler((req, reply) => {
    const allow = allowedMethods(req.method, req.url);
    if (allow.length) {
      reply.code(405).header('allow', allow.join(', '));
      const message = `${req.method} is not allowed on ${req.url.split('?')[0]} (allowed: ${allow.join(', ')})`;
      if (isApi(req) || req.method !== 'GET') return reply.send({ error: message });
      return reply.type('text/html; charset=utf-8').send(layout({ title: 'Method not allowed' }, `<h1>Method not allowed</h1><p class="error">${esc(message)}</p><p><a href="/">back to the queue</a></p>`));
    }
    if (isApi(req)) return reply.code(404).send({ error: `no route ${req.method} ${req.url.split('?')[0]}` });
    return reply.code(404).type('text/html; charset=utf-8').send(layout({ title: 'Not found' }, '<h1>Not found</h1><p><a href="/">back to the queue</a></p>'));
  });

  /** The reviewer of a request: always the name of the token (or of the session's token), never client input. */
  const reviewerOf = (req: FastifyRequest): string => {
    const r = authOf.get(req)?.reviewer;
    if (!r) throw new HttpError(401, 'missing or invalid token');
    return r;
  };
  const layoutOpts = (req: FastifyRequest, title: string) => ({ title, reviewer: authOf.get(req)?.reviewer, csrf: authOf.get(req)?.session?.csrf });
  const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body);
  const hidden = { hide: true } as const;
  /** Routes whose body is empty or optional take a request without any body as an empty object. */
  const noBodyIsEmpty = async (req: FastifyRequest) => {
    if (req.body === null || req.body === undefined) (req as { body: unknown }).body = {};
  };

  const queueUrl = opts.queue ?? process.env.WINNOW_QUEUE;
  if (queueUrl) await (await import('./queues-dashboard.js')).registerQueuesDashboard(app, queueUrl);

  // ---------- public ----------
  app.get('/healthz', { schema: { summary: 'liveness (no auth)', security: [], response: { 200: S.HealthResponse } } }, async () => ({ ok: true, version: WINNOW_VERSION }));
  app.get('/static/app.css', { schema: hidden }, async (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(APP_CSS));
  app.get('/static/app.js', { schema: hidden }, async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(APP_JS));
  app.get('/favicon.ico', { schema: hidden }, async (_req, reply) => reply.code(204).send());

  const login = (reply: FastifyReply, token: string | undefined) => {
    const name = token ? auth.check(token) : null;
    if (!name) return reply.code(401).type('text/html; charset=utf-8').send(loginPage(token ? 'Wrong token.' : ''));
    const s = auth.createSession(name);
    return reply.setCookie(SESSION_COOKIE, s.id, sessionCookieOptions(opts.secureCookies ?? false)).redirect('/', 303);
  };
  app.get('/login', { schema: { ...hidden, querystring: S.LoginQuery } }, async (req, reply) => login(reply, req.query.token));
  app.post('/login', { schema: { ...hidden, body: S.LoginBody } }, async (req, reply) => login(reply, req.body.token));
  app.post('/logout', { schema: hidden }, async (req, reply) => {
    auth.endSession(req.cookies[SESSION_COOKIE]);
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).send({ ok: true });
  });

  // ---------- API ----------
  app.get('/api/openapi.json', { schema: { summary: 'this document (OpenAPI 3.1)' } }, async () => app.swagger());

  // scan requests are admitted before their body is read: past the pool's size a request is refused at once, not
  // after its body (up to MAX_BODY_BYTES) was read and parsed on the event loop only to find the pool full
  // (only a request that was admitted gives a place back: one refused earlier, by auth or here, never took one)
  let admitted = 0;
  const holding = new WeakSet<FastifyRequest>();
  const release = async (req: FastifyRequest) => {
    if (!holding.delete(req)) return;
    admitted--;
  };
  const admitScan = async (req: FastifyRequest, reply: FastifyReply) => {
    if (admitted >= pool.size) {
      return reply.code(503).header('retry-after', '5').send({ error: `too many scans in progress (${admitted}); try again shortly` });
    }
    admitted++;
    holding.add(req);
  };
  app.post('/api/scan', { onRequest: admitScan, onResponse: release, onRequestAbort: release, schema: { summary: 'scan a URL (fetched) or a posted HTML page (JSON {html}, or the page itself as text/html with ?url=) and queue the result', querystring: S.ScanQuery, body: S.ScanBody, response: { 200: S.ScanResponse } } }, async (req) => {
    const body = req.body;
    // ?url= names the page of a text/html body; a JSON body carries its url itself
    if (req.query.url !== undefined && !rawHtml.has(req)) throw new HttpError(400, 'query.url: only for a text/html body; a JSON body gives "url" in the body');
    let bytes: Uint8Array | string;
    let url: string;
    let meta: Parameters<typeof saveResult>[1];
    let contentType: string | undefined;
    if (body.html !== undefined) {
      bytes = body.html;
      const hash = createHash('sha256').update(body.html).digest('hex').slice(0, 16);
      url = body.url ?? `paste:${hash}`;
      meta = { url, fetchedAt: new Date().toISOString(), body: Buffer.from(body.html, 'utf8') };
      contentType = 'text/html; charset=utf-8';
    } else {
      const f = await fetchPage(body.url as string);
      bytes = f.body;
      url = body.url as string;
      contentType = f.contentType || undefined;
      meta = { url, finalUrl: f.finalUrl, fetchedAt: f.fetchedAt, status: f.status, etag: f.etag, lastModified: f.lastModified, body: f.body };
    }
    const fetched = body.html === undefined;
    const result = await pool.run({ body: bytes, url: meta.finalUrl ?? (url.startsWith('paste:') ? undefined : url), contentType, input: url }).catch((err: unknown) => {
      // a fetched page's analysis error names the URL, as its fetch errors do
      if (fetched && err instanceof InputError && !err.message.startsWith(`${url}: `)) throw new InputError(`${url}: ${err.message}`);
      throw err;
    });
    // a page too big or too slow for its budget was not analysed: stored, it would be a clean page in the queue
    // and in every rate of the report
    const overBudget = overBudgetReason(result);
    if (overBudget) throw new HttpError(422, `${url}: not analysed: ${overBudget}; not stored`);
    const ids = await turns.run(() => saveResult(store, meta, result));
    noteStoreWrite(store);
    return { ...ids, url, verdict: result.verdict, score: result.score, findings: result.findings.length };
  });

  app.get('/api/queue', { schema: { summary: 'the review queue with counts, filtered and sorted (keyset pagination)', querystring: S.QueueQuery, response: { 200: S.QueueResponse } } }, async (req) =>
    listQueue(store, req.query),
  );

  app.get('/api/pages/:scanId', { schema: { summary: 'one scanned page with its text, result, findings and decision history', params: S.ScanIdParams, response: { 200: S.PageResponse } } }, async (req) => {
    const { scanId } = req.params;
    const p = await getReviewPage(store, scanId);
    if (!p) throw new HttpError(404, `no scan ${scanId}`);
    const { id, ...scanRest } = p.scan;
    return { page: p.page, result: { scanId: id, ...scanRest }, findings: p.findings, pageDecisions: p.pageDecisions, history: p.history };
  });

  app.post('/api/scans/:scanId/findings', { schema: { summary: 'mark a span of the page text as spam the detector missed (a new confirmed finding, used by retraining)', params: S.ScanIdParams, body: S.MarkBody, response: { 200: S.MarkResponse } } }, async (req) => {
    const r = await markMissedSpam(store, req.params.scanId, req.body, reviewerOf(req));
    if (!r.ok) throw new HttpError(r.reason === 'missing' ? 404 : r.reason === 'duplicate' ? 409 : 400, r.message);
    return { finding: r.finding };
  });

  app.post('/api/decisions/:id/undo', { preValidation: noBodyIsEmpty, schema: { summary: 'undo one of your decisions (it stays in the history, marked undone)', params: S.IdParams, body: S.EmptyBody.optional(), response: { 200: S.UndoResponse } } }, async (req) => {
    const r = await undoDecision(store, req.params.id, reviewerOf(req));
    if (!r.ok) {
      if (r.reason === 'missing') throw new HttpError(404, `no decision ${req.params.id}`);
      if (r.reason === 'not-yours') throw new HttpError(403, 'only the reviewer who made a decision can undo it');
      throw new HttpError(409, `decision ${req.params.id} is already undone`);
    }
    return { decision: r.decision, status: r.status };
  });

  app.post('/api/findings/:id/decision', { schema: { summary: 'confirm, dismiss or recategorize one finding', params: S.IdParams, body: S.FindingDecisionBody, response: { 200: S.DecisionResponse } } }, async (req) => {
    const { id } = req.params;
    const b = req.body;
    const r = await decideFindings(store, [id], { decision: b.decision, category: b.category, reviewer: reviewerOf(req) });
    if (r.missing.length) throw new HttpError(404, `no finding ${id}`);
    return r;
  });

  app.post('/api/scans/:id/decision', { schema: { summary: 'mark a whole page clean or contaminated', params: S.IdParams, body: S.ScanDecisionBody, response: { 200: S.DecisionRecord } } }, async (req) => {
    const { id } = req.params;
    const r = await decideScan(store, id, req.body.decision, reviewerOf(req));
    if (!r) throw new HttpError(404, `no scan ${id}`);
    return r;
  });

  app.post('/api/decisions', { schema: { summary: 'the same decision on many findings', body: S.BulkDecisionBody, response: { 200: S.DecisionResponse } } }, async (req) => {
    const b = req.body;
    // one decision per finding, however often its id is repeated
    return decideFindings(store, [...new Set(b.ids)], { decision: b.decision, category: b.category, reviewer: reviewerOf(req) });
  });

  app.get('/api/rules/stats', { schema: { summary: 'per-rule share of confirmed findings (Wilson interval); tuning candidates', response: { 200: S.RuleStatsResponse } } }, async () =>
    reviewRules(await ruleStats(store)),
  );

  let training = false;
  app.post('/api/train', { preValidation: noBodyIsEmpty, schema: { summary: 'retrain the classifier with the reviewed findings as extra labelled texts', body: S.TrainBody, response: { 200: S.TrainResponse } } }, async () => {
    if (training) throw new HttpError(409, 'a retrain is already running');
    training = true;
    try {
      const extra = await trainingExamples(store);
      let r: RetrainResult;
      try {
        r = await retrain({ extra, ...(opts.modelPath ? { modelPath: opts.modelPath } : {}) });
      } catch (err) {
        if (err instanceof RetrainUnavailable) throw new HttpError(501, err.message);
        throw new HttpError(503, `retrain failed: ${String((err as Error)?.message ?? err).split('\n')[0]}`);
      }
      return { ...r, extra: { spam: extra.filter((e) => e.spam).length, ham: extra.filter((e) => !e.spam).length } };
    } finally {
      training = false;
    }
  });

  // ---------- UI ----------
  app.get('/', { schema: hidden }, async (req, reply) => {
    const raw = Object.fromEntries(Object.entries(req.query as Record<string, string>).filter(([, v]) => v !== ''));
    const r = S.QueueQuery.safeParse(raw);
    const filter = r.success ? r.data : {};
    const q = await listQueue(store, filter);
    const filterError = r.success ? undefined : S.zodMessage('query', r.error);
    return html(reply, queuePage(layoutOpts(req, 'Queue'), q, filter, await listDomains(store), filterError));
  });

  app.get('/pages/:scanId', { schema: { ...hidden, params: S.ScanIdParams }, helmet: { contentSecurityPolicy: { useDefaults: false, directives: PAGE_VIEW_DIRECTIVES } } }, async (req, reply) => {
    const { scanId } = req.params;
    const p = await getReviewPage(store, scanId);
    if (!p) throw new HttpError(404, `no scan ${scanId}`);
    return html(reply, reviewPage(layoutOpts(req, p.scan.title), p));
  });

  app.get(
    '/pages/:scanId/original',
    {
      schema: { ...hidden, params: S.ScanIdParams },
      helmet: { contentSecurityPolicy: { useDefaults: false, directives: ORIGINAL_DIRECTIVES }, frameguard: { action: 'sameorigin' } },
    },
    async (req, reply) => {
      const raw = await getPageHtml(store, req.params.scanId);
      if (!raw) throw new HttpError(404, `the raw page of scan ${req.params.scanId} was not kept`);
      return html(reply, await pool.original(raw));
    },
  );

  app.get('/rules', { schema: hidden }, async (req, reply) => html(reply, rulesPage(layoutOpts(req, 'Rules'), reviewRules(await ruleStats(store)))));

  return app;
}
