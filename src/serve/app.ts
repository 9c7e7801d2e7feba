// `winnow serve`: the Fastify app (JSON API under /api, server-rendered review UI, token auth, CSRF, CSP).
// buildApp() does no I/O besides the store it is given, so tests drive it with app.inject().
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Store } from '../store/index.js';
import { saveResult } from '../store/index.js';
import {
  listQueue,
  listDomains,
  getReviewPage,
  getPageHtml,
  decideFindings,
  decideScan,
  ruleStats,
  trainingExamples,
  type QueueFilter,
} from '../store/review.js';
import { analyze, WINNOW_VERSION } from '../analyze.js';
import { decode } from '../page/index.js';
import { InputError } from '../errors.js';
import type { LabeledText, RetrainResult } from '../detect/train.js';
import { Auth, CSRF_HEADER, safeEqual, sessionCookie, clearCookie, type Session, type TokenEntry } from './auth.js';
import * as S from './schemas.js';
import { layout, loginPage, queuePage, reviewPage, rulesPage } from './ui.js';
import { APP_CSS, APP_JS } from './client.js';

/** Request bodies above this are refused (413) before parsing. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** The app's CSP: no inline script, nothing from other origins, never framed. */
export const APP_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
/**
 * The page view's CSP. The sandboxed srcdoc frame inherits it, so it also admits the original page's inline
 * styles (never its scripts: script-src stays 'self' and the frame has no allow-scripts).
 */
export const PAGE_VIEW_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

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
  /** retrain entry; default: retrain() from src/detect/train.ts */
  retrain?: (opts: { extra?: LabeledText[]; modelPath?: string }) => Promise<RetrainResult>;
  /** where retrain writes the model (default: retrain()'s own default) */
  modelPath?: string;
  /** mark the session cookie Secure (behind TLS) */
  secureCookies?: boolean;
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

function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw new HttpError(400, S.zodMessage(where, r.error));
  return r.data;
}

/** The default URL fetcher: src/fetch's Fetcher (SSRF guard on unless allowPrivate). */
async function defaultFetchPage(url: string, allowPrivate: boolean): Promise<FetchedPage> {
  const { Fetcher } = await import('../fetch/fetcher.js');
  const f = new Fetcher({ allowPrivate, perHostDelayMs: 0 });
  try {
    const r = await f.fetch(url);
    if (r.status >= 400) throw new InputError(`${url}: HTTP ${r.status}`);
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

/**
 * Default retrain: retrain() in a worker thread so the review UI stays responsive while it trains; the worker
 * runs dist/serve/train-worker.js (or the .ts source through tsx when running from source). The model cache of
 * this thread is reset afterwards so new scans use the new model.
 */
async function defaultRetrain(opts: { extra?: LabeledText[]; modelPath?: string }): Promise<RetrainResult> {
  let entry: URL | string = new URL('./train-worker.js', import.meta.url);
  let evalCode = false;
  if (import.meta.url.endsWith('.ts')) {
    // running from source (vitest, tsx): register tsx inside the worker, then load the .ts module
    const ts = new URL('./train-worker.ts', import.meta.url);
    entry = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(ts.href)}); })`;
    evalCode = true;
  }
  const worker = new Worker(entry, { eval: evalCode, workerData: opts, env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' } });
  try {
    const msg = await new Promise<{ ok: true; result: RetrainResult } | { ok: false; message: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`training worker exited with code ${code}`)));
    });
    if (!msg.ok) throw new Error(msg.message);
    const { resetModelCache } = await import('../detect/model.js');
    resetModelCache();
    return msg.result;
  } finally {
    await worker.terminate();
  }
}

function isStateChanging(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}

/** Same-origin check: Origin (or, failing that, Referer) must name this host when the browser sends one. */
function sameOrigin(req: FastifyRequest): boolean {
  const host = req.headers.host;
  const origin = req.headers.origin ?? (req.headers.referer ? safeOrigin(req.headers.referer) : undefined);
  if (origin === undefined) return true;
  if (!host || origin === 'null') return false;
  const o = safeOrigin(origin);
  return o !== undefined && (o === `http://${host}` || o === `https://${host}`);
}

function safeOrigin(u: string): string | undefined {
  try {
    return new URL(u).origin;
  } catch {
    return undefined;
  }
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { store } = opts;
  const auth = new Auth(opts.tokens);
  const fetchPage = opts.fetchPage ?? ((u: string) => defaultFetchPage(u, opts.allowPrivate ?? false));
  const retrain = opts.retrain ?? defaultRetrain;
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: MAX_BODY_BYTES, trustProxy: false });
  const authOf = new WeakMap<FastifyRequest, AuthInfo>();
  const openapi = S.openApiDocument(WINNOW_VERSION);

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  const isApi = (req: FastifyRequest) => req.url.startsWith('/api/') || req.url === '/api';
  const PUBLIC = new Set(['/healthz', '/login', '/static/app.css', '/static/app.js', '/favicon.ico']);

  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0];
    if (PUBLIC.has(path)) {
      if (isStateChanging(req.method) && !sameOrigin(req)) return reply.code(403).type('text/plain').send('cross-origin request refused');
      return;
    }
    const bearerName = auth.bearer(req.headers.authorization);
    let info: AuthInfo | null = null;
    if (bearerName) info = { reviewer: bearerName, kind: 'bearer' };
    else {
      const s = auth.session(req.headers.cookie);
      if (s) info = { reviewer: s.reviewer, kind: 'cookie', session: s };
    }
    if (!info) {
      if (isApi(req)) return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'missing or invalid token' });
      return reply.code(401).type('text/html; charset=utf-8').send(loginPage());
    }
    if (isStateChanging(req.method)) {
      if (!sameOrigin(req)) return reply.code(403).send({ error: 'cross-origin request refused' });
      if (info.kind === 'cookie') {
        const sent = req.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !info.session || !safeEqual(sent, info.session.csrf)) {
          return reply.code(403).send({ error: `missing or wrong ${CSRF_HEADER} header` });
        }
      }
    }
    authOf.set(req, info);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', APP_CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (!req.url.startsWith('/static/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler((err: unknown, req, reply) => {
    const e = err as { statusCode?: number; message?: string; code?: string };
    let status = err instanceof HttpError ? err.statusCode : err instanceof InputError ? 400 : (e.statusCode ?? 500);
    if (status < 400 || status > 599) status = 500;
    const message = status >= 500 && !(err instanceof HttpError) ? `internal error: ${String(e.message ?? err).split('\n')[0]}` : String(e.message ?? err).split('\n')[0];
    if (status >= 500) req.log.error(err);
    if (isApi(req) || req.method !== 'GET') return reply.code(status).send({ error: message });
    return reply.code(status).type('text/html; charset=utf-8').send(layout({ title: 'Error' }, `<h1>Error ${status}</h1><p class="error">${escText(message)}</p><p><a href="/">back to the queue</a></p>`));
  });

  app.setNotFoundHandler((req, reply) => {
    if (isApi(req)) return reply.code(404).send({ error: `no route ${req.method} ${req.url.split('?')[0]}` });
    return reply.code(404).type('text/html; charset=utf-8').send(layout({ title: 'Not found' }, '<h1>Not found</h1><p><a href="/">back to the queue</a></p>'));
  });

  const reviewerOf = (req: FastifyRequest, bodyReviewer?: string): string => bodyReviewer ?? authOf.get(req)?.reviewer ?? 'unknown';
  const layoutOpts = (req: FastifyRequest, title: string) => ({ title, reviewer: authOf.get(req)?.reviewer, csrf: authOf.get(req)?.session?.csrf });
  const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body);

  // ---------- public ----------
  app.get('/healthz', async () => ({ ok: true, version: WINNOW_VERSION }));
  app.get('/static/app.css', async (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(APP_CSS));
  app.get('/static/app.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(APP_JS));
  app.get('/favicon.ico', async (_req, reply) => reply.code(204).send());

  const login = (req: FastifyRequest, reply: FastifyReply, token: unknown) => {
    const name = typeof token === 'string' ? auth.check(token) : null;
    if (!name) return reply.code(401).type('text/html; charset=utf-8').send(loginPage(token ? 'Wrong token.' : ''));
    const s = auth.createSession(name);
    return reply.header('set-cookie', sessionCookie(s.id, opts.secureCookies ?? false)).redirect('/', 303);
  };
  app.get('/login', async (req, reply) => login(req, reply, (req.query as Record<string, unknown>).token));
  app.post('/login', async (req, reply) => login(req, reply, (req.body as Record<string, unknown> | undefined)?.token));
  app.post('/logout', async (req, reply) => {
    auth.endSession(req.headers.cookie);
    return reply.header('set-cookie', clearCookie()).send({ ok: true });
  });

  // ---------- API ----------
  app.get('/api/openapi.json', async () => openapi);

  app.post('/api/scan', async (req) => {
    const body = parse(S.ScanBody, req.body, 'body');
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
    const result = analyze(bytes, { url: meta.finalUrl ?? (url.startsWith('paste:') ? undefined : url), contentType, input: url });
    const ids = await saveResult(store, meta, result);
    return { ...ids, url, verdict: result.verdict, score: result.score, findings: result.findings.length };
  });

  app.get('/api/queue', async (req) => {
    const q = parse(S.QueueQuery, req.query, 'query');
    return await listQueue(store, q);
  });

  app.get('/api/pages/:scanId', async (req) => {
    const { scanId } = parse(S.ScanIdParams, req.params, 'params');
    const p = await getReviewPage(store, scanId);
    if (!p) throw new HttpError(404, `no scan ${scanId}`);
    const { scan, ...rest } = p;
    const { id, ...scanRest } = scan;
    return { page: rest.page, result: { scanId: id, ...scanRest }, findings: rest.findings, pageDecisions: rest.pageDecisions };
  });

  app.post('/api/findings/:id/decision', async (req) => {
    const { id } = parse(S.IdParams, req.params, 'params');
    const b = parse(S.FindingDecisionBody, req.body, 'body');
    const r = await decideFindings(store, [id], { decision: b.decision, category: b.category, reviewer: reviewerOf(req, b.reviewer) });
    if (r.missing.length) throw new HttpError(404, `no finding ${id}`);
    return r;
  });

  app.post('/api/scans/:id/decision', async (req) => {
    const { id } = parse(S.IdParams, req.params, 'params');
    const b = parse(S.ScanDecisionBody, req.body, 'body');
    const r = await decideScan(store, id, b.decision, reviewerOf(req, b.reviewer));
    if (!r) throw new HttpError(404, `no scan ${id}`);
    return r;
  });

  app.post('/api/decisions', async (req) => {
    const b = parse(S.BulkDecisionBody, req.body, 'body');
    return await decideFindings(store, b.ids, { decision: b.decision, category: b.category, reviewer: reviewerOf(req, b.reviewer) });
  });

  app.get('/api/rules/stats', async () => await ruleStats(store));

  let training = false;
  app.post('/api/train', async (req) => {
    parse(S.TrainBody, req.body, 'body');
    if (training) throw new HttpError(409, 'a retrain is already running');
    training = true;
    try {
      const extra = await trainingExamples(store);
      let r: RetrainResult;
      try {
        r = await retrain({ extra, ...(opts.modelPath ? { modelPath: opts.modelPath } : {}) });
      } catch (err) {
        throw new HttpError(503, `retrain failed: ${String((err as Error)?.message ?? err).split('\n')[0]}`);
      }
      return { ...r, extra: { spam: extra.filter((e) => e.spam).length, ham: extra.filter((e) => !e.spam).length } };
    } finally {
      training = false;
    }
  });

  // ---------- UI ----------
  app.get('/', async (req, reply) => {
    const raw = Object.fromEntries(Object.entries(req.query as Record<string, string>).filter(([, v]) => v !== ''));
    const r = S.QueueQuery.safeParse(raw);
    const filter: QueueFilter = r.success ? r.data : {};
    const q = await listQueue(store, filter);
    const ids = new Map<number, number[]>();
    if (q.items.length) {
      const rows = await store.all<{ s: number; id: number }>(
        `SELECT scan_id AS s, id FROM findings WHERE scan_id IN (${q.items.map(() => '?').join(',')}) ORDER BY id`,
        q.items.map((i) => i.scanId),
      );
      for (const row of rows) (ids.get(row.s) ?? ids.set(row.s, []).get(row.s)!).push(row.id);
    }
    const filterError = r.success ? undefined : S.zodMessage('query', r.error);
    return html(reply, queuePage(layoutOpts(req, 'Queue'), q, filter, await listDomains(store), ids, filterError));
  });

  app.get('/pages/:scanId', async (req, reply) => {
    const { scanId } = parse(S.ScanIdParams, req.params, 'params');
    const p = await getReviewPage(store, scanId);
    if (!p) throw new HttpError(404, `no scan ${scanId}`);
    const raw = await getPageHtml(store, scanId);
    const original = raw ? decode(raw).html : null;
    reply.header('content-security-policy', PAGE_VIEW_CSP);
    return html(reply, reviewPage(layoutOpts(req, p.scan.title), p, original));
  });

  app.get('/rules', async (req, reply) => html(reply, rulesPage(layoutOpts(req, 'Rules'), await ruleStats(store))));

  return app;
}

function escText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
