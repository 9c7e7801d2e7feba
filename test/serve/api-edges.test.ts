// Edge cases of the review API: oversized fetched pages, routes without a body, decision bodies that carry more
// than the route uses, repeated ids, and which URL an analysis error names. Real servers on 127.0.0.1.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/serve/app.js';
import { listDecisions, getReviewPage } from '../../src/store/review.js';
import type { RetrainResult } from '../../src/detect/labeled.js';
import { DEFAULT_MAX_BODY_BYTES } from '../../src/fetch/options.js';
import { startServer as startFixtureServer, type FixtureServer } from '../helpers/http-server.js';
import { makeFixture, type Fixture } from './helpers.js';

const ALICE = 'alice-token-0123456789abcdef';
const A = { authorization: `Bearer ${ALICE}` };

let fx: Fixture;
let app: FastifyInstance;
let web: FixtureServer;
let retrainCalls = 0;

/** An HTML page of more than `bytes` bytes. */
function bigHtml(bytes: number): Buffer {
  const head = '<!doctype html><html><head><title>Big page</title></head><body>';
  const para = '<p>' + 'ordinary words about the weather and the harbour. '.repeat(40) + '</p>\n';
  const n = Math.ceil((bytes - head.length) / para.length) + 1;
  return Buffer.from(head + para.repeat(n) + '</body></html>');
}

beforeAll(async () => {
  fx = await makeFixture();
  web = await startFixtureServer({
    '/binary.html': (_req, res) => {
      const bytes = Buffer.alloc(4096);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
      res.writeHead(200, { 'content-type': 'text/html' }).end(bytes);
    },
    '/empty.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end();
    },
    '/huge.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(bigHtml(DEFAULT_MAX_BODY_BYTES + 512 * 1024));
    },
  });
  app = await buildApp({
    store: fx.store,
    tokens: [{ name: 'alice', token: ALICE }],
    allowPrivate: true,
    // a stand-in: the real retrain runs dev/train and writes the model
    retrain: async (): Promise<RetrainResult> => {
      retrainCalls++;
      const split = { pagePrecision: 0.5, pageRecall: 0.5, pageF1: 0.5, spanF1: 0.5 };
      return { modelPath: '/nonexistent/model.json', before: null, after: split, trainedOn: 1 };
    },
  });
});

afterAll(async () => {
  await app?.close();
  await web?.close();
  await fx?.cleanup();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function post(url: string, payload: unknown, headers: Record<string, string> = A): Promise<{ status: number; body: Json }> {
  const r = await app.inject({ method: 'POST', url, headers, payload: payload as object });
  return { status: r.statusCode, body: r.json() as Json };
}
/** The ids of the stored findings of one fixture scan. */
async function findingIds(scan: number): Promise<number[]> {
  return ((await getReviewPage(fx.store, scan))?.findings ?? []).map((f) => f.id);
}
async function total(): Promise<number> {
  const r = await app.inject({ method: 'GET', url: '/api/queue', headers: A });
  return (r.json() as Json).counts.total as number;
}

describe('POST /api/scan {url} of a page over the fetch limit', () => {
  it('is refused with the URL and the limit named, and nothing is stored', async () => {
    const before = await total();
    const url = web.url('/huge.html');
    const r = await post('/api/scan', { url });
    expect(r.status).toBe(422);
    expect(r.body.error).toContain(url);
    expect(r.body.error).toMatch(/larger than/);
    expect(r.body.error).toContain(String(DEFAULT_MAX_BODY_BYTES));
    expect(await total()).toBe(before);
  });
});

describe('POST /api/scan of a page over its time budget', () => {
  it('is refused as not analysed (422), never stored as a clean page', async () => {
    // 60,000 distinct spam paragraphs under news sentences reporting on the topic: ~20 s of analysis, stopped at 2 s
    const kinds = ['股票配资平台', '澳门赌场官网', 'casino bonus free spins', 'buy viagra online', '配资开户'];
    const news = '<p>记者从证监会获悉，警方查处了一批非法股票配资平台，法院已对相关责任人作出判决。</p>'.repeat(3);
    const html = `<html><body>${news}${Array.from({ length: 60_000 }, (_, i) => `<p>${kinds[i % kinds.length]}第${i}号 推荐 ${(i * 7919) % 100_003}</p>`).join('')}</body></html>`;
    const before = await total();
    const r = await post('/api/scan', { html });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatch(/^paste:[0-9a-f]+: not analysed: .*budget.*; not stored$/);
    expect(await total()).toBe(before);
  });
});

describe('routes whose body is empty take a request without any body', () => {
  it('POST /api/decisions/:id/undo with no body and no content-type undoes the decision', async () => {
    const [id] = await findingIds(fx.scans.pharma);
    const d = await post(`/api/findings/${id}/decision`, { decision: 'dismiss' });
    expect(d.status).toBe(200);
    const decisionId = d.body.decisions[0].id as number;
    const r = await app.inject({ method: 'POST', url: `/api/decisions/${decisionId}/undo`, headers: A });
    expect(r.statusCode).toBe(200);
    expect((r.json() as Json).decision.id).toBe(decisionId);
    expect((r.json() as Json).decision.undoneBy).toBe('alice');
  });

  it('POST /api/train with no body retrains (stand-in retrain), a body with a field is still refused', async () => {
    const calls = retrainCalls;
    const r = await app.inject({ method: 'POST', url: '/api/train', headers: A });
    expect(r.statusCode).toBe(200);
    expect(retrainCalls).toBe(calls + 1);
    const bad = await post('/api/train', { modelPath: '/tmp/x.json' });
    expect(bad.status).toBe(400);
    expect(retrainCalls).toBe(calls + 1);
  });
});

describe('a decision body carrying a category the decision does not use', () => {
  it('confirm or dismiss with a category is a 400 saying why, and nothing is recorded', async () => {
    const [id] = await findingIds(fx.scans.silvias);
    const before = (await listDecisions(fx.store)).length;
    for (const decision of ['confirm', 'dismiss']) {
      const r = await post(`/api/findings/${id}/decision`, { decision, category: 'gambling' });
      expect(r.status).toBe(400);
      expect(r.body.error).toMatch(/category.*only.*recategorize/);
    }
    const bulk = await post('/api/decisions', { ids: [id], decision: 'confirm', category: 'gambling' });
    expect(bulk.status).toBe(400);
    expect(bulk.body.error).toMatch(/category.*only.*recategorize/);
    expect((await listDecisions(fx.store)).length).toBe(before);
    // recategorize still records its category
    const re = await post(`/api/findings/${id}/decision`, { decision: 'recategorize', category: 'gambling' });
    expect(re.status).toBe(200);
    expect(re.body.decisions[0]).toMatchObject({ decision: 'recategorize', category: 'gambling' });
  });
});

describe('POST /api/decisions with repeated ids', () => {
  it('records one decision per finding', async () => {
    const [id] = await findingIds(fx.scans.ja);
    const before = (await listDecisions(fx.store)).length;
    const r = await post('/api/decisions', { ids: [id, id, id], decision: 'dismiss' });
    expect(r.status).toBe(200);
    expect(r.body.decisions.map((d: Json) => d.findingId)).toEqual([id]);
    expect(r.body.missing).toEqual([]);
    expect((await listDecisions(fx.store)).length).toBe(before + 1);
    // a missing id repeated is reported once
    const m = await post('/api/decisions', { ids: [999999, 999999], decision: 'dismiss' });
    expect(m.body.missing).toEqual([999999]);
  });
});

describe('analysis errors of a {url} scan', () => {
  it('name the URL, as fetch errors do, and store nothing', async () => {
    const before = await total();
    for (const [path, why] of [
      ['/binary.html', /binary/],
      ['/empty.html', /empty/],
    ] as const) {
      const url = web.url(path);
      const r = await post('/api/scan', { url });
      expect(r.status).toBe(400);
      expect(r.body.error.startsWith(`${url}: `)).toBe(true);
      expect(r.body.error).toMatch(why);
    }
    expect(await total()).toBe(before);
  });
});
