import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/serve/app.js';
import { analyze } from '../../src/analyze.js';
import { listDecisions, getReviewPage } from '../../src/store/review.js';
import type { LabeledText, RetrainResult } from '../../src/detect/train.js';
import { startServer as startFixtureServer, type FixtureServer } from '../helpers/http-server.js';
import { makeFixture, readData, PAGES, type Fixture } from './helpers.js';

const ALICE = 'alice-token-0123456789abcdef';
const BOB = 'bob-token-0123456789abcdef';
const A = { authorization: `Bearer ${ALICE}` };
const B = { authorization: `Bearer ${BOB}` };

let fx: Fixture;
let app: FastifyInstance;
let retrainCalls: LabeledText[][] = [];
let web: FixtureServer;

beforeAll(async () => {
  fx = makeFixture();
  web = await startFixtureServer({
    '/article.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end(readData(PAGES.n163));
    },
  });
  app = await buildApp({
    store: fx.store,
    tokens: [
      { name: 'alice', token: ALICE },
      { name: 'bob', token: BOB },
    ],
    allowPrivate: true,
    retrain: async (opts): Promise<RetrainResult> => {
      retrainCalls.push(opts.extra ?? []);
      return {
        modelPath: '/tmp/model.json',
        before: { pagePrecision: 0.5, pageRecall: 0.5, pageF1: 0.5, spanF1: 0.4 },
        after: { pagePrecision: 0.6, pageRecall: 0.55, pageF1: 0.57, spanF1: 0.45 },
        trainedOn: 100 + (opts.extra?.length ?? 0),
      };
    },
  });
});

afterAll(async () => {
  await app?.close();
  await web?.close();
  fx?.cleanup();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function get(url: string, headers: Record<string, string> = A): Promise<{ status: number; body: Json }> {
  const r = await app.inject({ method: 'GET', url, headers });
  return { status: r.statusCode, body: r.json() as Json };
}
async function post(url: string, payload: unknown, headers: Record<string, string> = A): Promise<{ status: number; body: Json }> {
  const r = await app.inject({ method: 'POST', url, headers, payload: payload as object });
  return { status: r.statusCode, body: r.json() as Json };
}

describe('auth', () => {
  it('healthz answers without a token', async () => {
    const r = await app.inject({ url: '/healthz' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ ok: true });
  });

  it('API routes are 401 without or with a wrong token, 200 with it', async () => {
    for (const url of ['/api/queue', `/api/pages/${fx.scans.njxfhn}`, '/api/rules/stats', '/api/openapi.json']) {
      expect((await app.inject({ url })).statusCode).toBe(401);
      expect((await app.inject({ url, headers: { authorization: 'Bearer wrong-token-0123456789' } })).statusCode).toBe(401);
      expect((await app.inject({ url, headers: A })).statusCode).toBe(200);
    }
    const p = await app.inject({ method: 'POST', url: '/api/decisions', payload: { ids: [1], decision: 'confirm' } });
    expect(p.statusCode).toBe(401);
    expect(p.json().error).toMatch(/token/);
  });

  it('UI routes without auth get a small login page (401) that leaks no data', async () => {
    const r = await app.inject({ url: `/pages/${fx.scans.njxfhn}` });
    expect(r.statusCode).toBe(401);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.body).toContain('name="token"');
    expect(r.body).not.toContain('配资');
  });

  it('login sets an HttpOnly SameSite=Strict cookie; state changes with the cookie need the CSRF header and same origin', async () => {
    const bad = await app.inject({ url: '/login?token=nope-nope-nope-nope' });
    expect(bad.statusCode).toBe(401);
    const r = await app.inject({ url: `/login?token=${ALICE}` });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('/');
    const setCookie = String(r.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0];

    const page = await app.inject({ url: '/', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const csrf = /<meta name="winnow-csrf" content="([^"]+)">/.exec(page.body)?.[1];
    expect(csrf).toBeTruthy();

    const f = getReviewPage(fx.store, fx.scans.silvias)!.findings.find((x) => x.text === 'casino')!;
    const url = `/api/findings/${f.id}/decision`;
    const noCsrf = await app.inject({ method: 'POST', url, headers: { cookie }, payload: { decision: 'confirm' } });
    expect(noCsrf.statusCode).toBe(403);
    const wrongCsrf = await app.inject({ method: 'POST', url, headers: { cookie, 'x-winnow-csrf': 'x' + csrf }, payload: { decision: 'confirm' } });
    expect(wrongCsrf.statusCode).toBe(403);
    const crossOrigin = await app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'x-winnow-csrf': csrf!, host: 'localhost:8080', origin: 'https://evil.example' },
      payload: { decision: 'confirm' },
    });
    expect(crossOrigin.statusCode).toBe(403);
    const ok = await app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'x-winnow-csrf': csrf!, host: 'localhost:8080', origin: 'http://localhost:8080' },
      payload: { decision: 'confirm' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().decisions[0]).toMatchObject({ findingId: f.id, decision: 'confirm', reviewer: 'alice' });
  });

  it('the login form posts the token; logout ends the session', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost:8080', origin: 'http://localhost:8080' },
      payload: `token=${encodeURIComponent(BOB)}`,
    });
    expect(r.statusCode).toBe(303);
    const cookie = String(r.headers['set-cookie']).split(';')[0];
    const page = await app.inject({ url: '/rules', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<span class="who">bob</span>');
    const csrf = /<meta name="winnow-csrf" content="([^"]+)">/.exec(page.body)![1];
    const crossLogin = await app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost:8080', origin: 'https://evil.example' },
      payload: `token=${encodeURIComponent(BOB)}`,
    });
    expect(crossLogin.statusCode).toBe(403);
    const out = await app.inject({ method: 'POST', url: '/logout', headers: { cookie, 'x-winnow-csrf': csrf }, payload: {} });
    expect(out.statusCode).toBe(200);
    expect((await app.inject({ url: '/rules', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('queue', () => {
  it('lists the latest scans by score with counts', async () => {
    const { status, body } = await get('/api/queue');
    expect(status).toBe(200);
    const scores = body.items.map((i: Json) => i.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    expect(body.items[0].scanId).toBe(fx.scans.njxfhn);
    expect(body.counts.total).toBe(4);
    expect(body.counts.byCategory).toMatchObject({ 'margin-lending': 1, adult: 1, gambling: 1 });
    expect(body.counts.byCategory.promo).toBe(2);
  });

  it('filters by category, domain, score range, status; limit/offset page through', async () => {
    const cat = await get('/api/queue?category=gambling');
    expect(cat.body.items.map((i: Json) => i.scanId)).toEqual([fx.scans.silvias]);
    expect(cat.body.counts.total).toBe(1);
    const dom = await get('/api/queue?domain=163.com');
    expect(dom.body.items.map((i: Json) => i.scanId)).toEqual([fx.scans.n163]);
    const hi = await get('/api/queue?minScore=0.5');
    expect(hi.body.items.map((i: Json) => i.scanId).sort()).toEqual([fx.scans.njxfhn, fx.scans.silvias].sort());
    const lo = await get('/api/queue?maxScore=0.5');
    expect(lo.body.items.map((i: Json) => i.scanId).sort()).toEqual([fx.scans.n163, fx.scans.thepaper].sort());
    const p1 = await get('/api/queue?limit=2');
    const p2 = await get('/api/queue?limit=2&offset=2');
    expect(p1.body.items).toHaveLength(2);
    expect(p2.body.items).toHaveLength(2);
    expect(new Set([...p1.body.items, ...p2.body.items].map((i: Json) => i.scanId)).size).toBe(4);
    expect(p2.body.counts.total).toBe(4);
  });

  it('rejects bad query input with 400 and a clear message', async () => {
    const r1 = await get('/api/queue?minScore=2');
    expect(r1.status).toBe(400);
    expect(r1.body.error).toMatch(/query\.minScore/);
    const r2 = await get('/api/queue?category=weather');
    expect(r2.status).toBe(400);
    expect(r2.body.error).toMatch(/query\.category/);
    const r3 = await get('/api/queue?minScore=0.9&maxScore=0.1');
    expect(r3.status).toBe(400);
    expect(r3.body.error).toMatch(/minScore must not exceed maxScore/);
    const r4 = await get('/api/queue?limit=abc');
    expect(r4.status).toBe(400);
    const r5 = await get('/api/queue?bogus=1');
    expect(r5.status).toBe(400);
    expect(r5.body.error).toMatch(/bogus/);
  });
});

describe('pages and decisions', () => {
  it('returns one page with its result and findings at offsets into result.text', async () => {
    const { status, body } = await get(`/api/pages/${fx.scans.njxfhn}`);
    expect(status).toBe(200);
    expect(body.page.url).toBe('https://www.njxfhn.com/post/1.html');
    expect(body.result.lang).toBe('zh');
    expect(body.findings).toHaveLength(3);
    for (const f of body.findings) expect(body.result.text.slice(f.start, f.end)).toBe(f.text);
    expect((await get('/api/pages/999999')).status).toBe(404);
    expect((await get('/api/pages/abc')).status).toBe(400);
  });

  it('stores finding decisions with reviewer and time; a fully decided scan becomes reviewed', async () => {
    const page = (await get(`/api/pages/${fx.scans.njxfhn}`)).body;
    const byText = (t: string) => (page.findings as Json[]).find((f) => f.text === t)!;
    const [f1, f2, f3] = [byText('股票配资公司'), byText('成人在线漫画'), byText('江门七旬阿婆')];
    const before = Date.now();
    const r1 = await post(`/api/findings/${f1.id}/decision`, { decision: 'confirm' });
    expect(r1.status).toBe(200);
    expect(r1.body.decisions[0]).toMatchObject({ findingId: f1.id, decision: 'confirm', reviewer: 'alice' });
    expect(Date.parse(r1.body.decisions[0].decidedAt)).toBeGreaterThanOrEqual(before - 1000);
    const r2 = await post(`/api/findings/${f2.id}/decision`, { decision: 'recategorize', category: 'seo-keywords' }, B);
    expect(r2.body.decisions[0]).toMatchObject({ decision: 'recategorize', category: 'seo-keywords', reviewer: 'bob' });
    expect((await get(`/api/pages/${fx.scans.njxfhn}`)).body.result.status).toBe('pending');
    const r3 = await post(`/api/findings/${f3.id}/decision`, { decision: 'dismiss', reviewer: 'carol' });
    expect(r3.body.decisions[0].reviewer).toBe('carol');
    const after = (await get(`/api/pages/${fx.scans.njxfhn}`)).body;
    expect(after.result.status).toBe('reviewed');
    const decided = Object.fromEntries(after.findings.map((f: Json) => [f.text, f.decision.decision]));
    expect(decided).toEqual({ 股票配资公司: 'confirm', 成人在线漫画: 'recategorize', 江门七旬阿婆: 'dismiss' });
    const stored = listDecisions(fx.store).filter((d) => [f1.id, f2.id, f3.id].includes(d.findingId));
    expect(stored.map((d) => d.reviewer).sort()).toEqual(['alice', 'bob', 'carol']);
    const pend = await get('/api/queue?status=pending');
    expect(pend.body.items.map((i: Json) => i.scanId)).not.toContain(fx.scans.njxfhn);
    expect(pend.body.counts.byStatus.reviewed).toBeGreaterThanOrEqual(1);
  });

  it('rejects bad decisions with 400/404 and clear messages', async () => {
    const f = (await get(`/api/pages/${fx.scans.n163}`)).body.findings[0];
    const bad = await post(`/api/findings/${f.id}/decision`, { decision: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/body\.decision/);
    const noCat = await post(`/api/findings/${f.id}/decision`, { decision: 'recategorize' });
    expect(noCat.status).toBe(400);
    expect(noCat.body.error).toMatch(/recategorize needs a category/);
    expect((await post('/api/findings/999999/decision', { decision: 'confirm' })).status).toBe(404);
    expect((await post('/api/findings/-3/decision', { decision: 'confirm' })).status).toBe(400);
    const notJson = await app.inject({ method: 'POST', url: `/api/findings/${f.id}/decision`, headers: { ...A, 'content-type': 'application/json' }, payload: '{"decision":' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error).toBeTruthy();
    expect((await post('/api/decisions', { ids: [], decision: 'confirm' })).status).toBe(400);
    expect((await post(`/api/scans/${fx.scans.n163}/decision`, { decision: 'confirm' })).status).toBe(400);
  });

  it('page-level and bulk decisions', async () => {
    const pd = await post(`/api/scans/${fx.scans.thepaper}/decision`, { decision: 'page-clean' });
    expect(pd.status).toBe(200);
    expect(pd.body).toMatchObject({ scanId: fx.scans.thepaper, findingId: null, decision: 'page-clean', reviewer: 'alice' });
    expect((await get(`/api/pages/${fx.scans.thepaper}`)).body.result.status).toBe('reviewed');
    const silv = (await get(`/api/pages/${fx.scans.silvias}`)).body.findings.map((f: Json) => f.id);
    const bulk = await post('/api/decisions', { ids: [...silv, 987654], decision: 'dismiss' }, B);
    expect(bulk.status).toBe(200);
    expect(bulk.body.decisions).toHaveLength(silv.length);
    expect(bulk.body.missing).toEqual([987654]);
    const after = (await get(`/api/pages/${fx.scans.silvias}`)).body;
    expect(after.findings.every((f: Json) => f.decision.decision === 'dismiss' && f.decision.reviewer === 'bob')).toBe(true);
  });
});

describe('rules stats and training', () => {
  it('computes per-rule precision from decisions and lists rules mostly dismissed', async () => {
    // TITLE_AFFIX fired on 3 findings: dismiss them all (njxfhn one already dismissed, silvias one by bulk)
    const n163 = (await get(`/api/pages/${fx.scans.n163}`)).body.findings[0];
    await post(`/api/findings/${n163.id}/decision`, { decision: 'dismiss' });
    const { status, body } = await get('/api/rules/stats');
    expect(status).toBe(200);
    const by = Object.fromEntries(body.rules.map((r: Json) => [r.rule, r]));
    expect(by.TITLE_AFFIX).toMatchObject({ fired: 3, confirmed: 0, dismissed: 3, precision: 0 });
    // HIDDEN_BLOCK: njxfhn x2 confirmed/recategorized, silvias casino: confirmed by alice then dismissed by bob (latest wins)
    expect(by.HIDDEN_BLOCK).toMatchObject({ fired: 3, confirmed: 2, dismissed: 1 });
    expect(by.HIDDEN_BLOCK.precision).toBeCloseTo(2 / 3);
    // two hits of one rule on one finding count as one finding
    expect(by.ZH_MARGIN_TERM).toMatchObject({ fired: 1, confirmed: 1, dismissed: 0, precision: 1 });
    expect(body.mostlyDismissed.map((r: Json) => r.rule)).toEqual(['TITLE_AFFIX']);
    expect(body.decisions).toBeGreaterThan(5);
  });

  it('POST /api/train retrains with reviewed findings as labelled texts and returns before/after', async () => {
    retrainCalls = [];
    const r = await post('/api/train', {});
    expect(r.status).toBe(200);
    expect(retrainCalls).toHaveLength(1);
    const extra = retrainCalls[0];
    expect(extra).toContainEqual({ text: '股票配资公司', spam: true, category: 'margin-lending' });
    expect(extra).toContainEqual({ text: '成人在线漫画', spam: true, category: 'seo-keywords' });
    expect(extra).toContainEqual({ text: 'casino', spam: false });
    expect(extra).toContainEqual({ text: '龙湖集团', spam: false });
    expect(r.body).toMatchObject({ before: { pageF1: 0.5 }, after: { pageF1: 0.57 }, extra: { spam: 2 } });
    expect(r.body.trainedOn).toBe(100 + extra.length);
    expect((await post('/api/train', { epochs: 3 })).status).toBe(400);
    // the client never chooses where the model file is written
    expect((await post('/api/train', { modelPath: '/etc/passwd' })).status).toBe(400);
  });
});

describe('scan', () => {
  it('POST /api/scan {html} stores what analyze() finds on a real page', async () => {
    const html = readData(PAGES.silvias).toString('utf8');
    const expected = analyze(html);
    const r = await post('/api/scan', { html });
    expect(r.status).toBe(200);
    expect(r.body.findings).toBe(expected.findings.length);
    expect(r.body.verdict).toBe(expected.verdict);
    const page = (await get(`/api/pages/${r.body.scanId}`)).body;
    expect(page.result.text).toBe(expected.text);
    expect(page.findings.map((f: Json) => [f.start, f.end, f.category])).toEqual(expected.findings.map((f) => [f.start, f.end, f.category]));
    expect(page.page.url).toMatch(/^paste:[0-9a-f]{16}$/);
  });

  it('POST /api/scan {url} fetches through the Fetcher and queues the page', async () => {
    const url = web.url('/article.html');
    const r = await post('/api/scan', { url });
    expect(r.status).toBe(200);
    const page = (await get(`/api/pages/${r.body.scanId}`)).body;
    expect(page.page.url).toBe(url);
    expect(page.page.domain).toBe('127.0.0.1');
    expect(page.result.title).toContain('龙湖集团');
    expect((await get('/api/queue?domain=127.0.0.1')).body.items.map((i: Json) => i.scanId)).toContain(r.body.scanId);
  });

  it('the SSRF guard stays on unless the server was started with allowPrivate', async () => {
    const guarded = await buildApp({ store: fx.store, tokens: [{ name: 'alice', token: ALICE }] });
    try {
      const r = await guarded.inject({ method: 'POST', url: '/api/scan', headers: A, payload: { url: web.url('/article.html') } });
      expect(r.statusCode).toBe(400);
      expect(r.json().error).toMatch(/127\.0\.0\.1|private|loopback|blocked/i);
    } finally {
      await guarded.close();
    }
  });

  it('rejects bad scan input', async () => {
    const r1 = await post('/api/scan', { url: 'ftp://example.com/x' });
    expect(r1.status).toBe(400);
    const r2 = await post('/api/scan', {});
    expect(r2.status).toBe(400);
    const r3 = await post('/api/scan', { html: 'just words, no markup at all' });
    expect(r3.status).toBe(400);
    expect(r3.body.error).toMatch(/not HTML/);
  });
});

describe('openapi', () => {
  it('is OpenAPI 3.1 JSON listing every route', async () => {
    const r = await app.inject({ url: '/api/openapi.json', headers: A });
    expect(r.statusCode).toBe(200);
    const doc = JSON.parse(r.body) as Json;
    expect(doc.openapi).toBe('3.1.0');
    const paths = Object.keys(doc.paths);
    for (const p of [
      '/healthz',
      '/api/scan',
      '/api/queue',
      '/api/pages/{scanId}',
      '/api/findings/{id}/decision',
      '/api/scans/{id}/decision',
      '/api/decisions',
      '/api/rules/stats',
      '/api/train',
      '/api/openapi.json',
    ]) {
      expect(paths).toContain(p);
    }
    const decide = doc.paths['/api/findings/{id}/decision'].post.requestBody.content['application/json'].schema;
    expect(decide.properties.decision.enum).toEqual(['confirm', 'dismiss', 'recategorize']);
    expect(doc.paths['/api/queue'].get.parameters.map((p: Json) => p.name)).toEqual(['category', 'domain', 'minScore', 'maxScore', 'status', 'limit', 'offset']);
  });
});

describe('UI pages', () => {
  it('every app page carries the strict CSP; the page view highlights findings and sandboxes the original', async () => {
    for (const url of ['/', '/rules', `/pages/${fx.scans.njxfhn}`]) {
      const r = await app.inject({ url, headers: A });
      expect(r.statusCode).toBe(200);
      const csp = String(r.headers['content-security-policy']);
      expect(csp).toMatch(/script-src 'self'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.body).not.toMatch(/<script(?![^>]*\bsrc="\/static\/app\.js")/);
    }
    const r = await app.inject({ url: `/pages/${fx.scans.njxfhn}`, headers: A });
    const page = getReviewPage(fx.store, fx.scans.njxfhn)!;
    for (const f of page.findings) expect(r.body).toContain(`data-finding="${f.id}"`);
    expect(r.body).toContain('<mark class="finding cat-margin-lending where-hidden"');
    expect(r.body).toContain('lang="zh"');
    expect(r.body).toContain('江门七旬阿婆接来电称其涉黑被骗上百万');
    const frame = /<iframe[^>]*>/.exec(r.body)![0];
    expect(frame).toMatch(/\bsandbox=""/);
    expect(frame).not.toMatch(/allow-scripts/);
    expect(frame).toContain('srcdoc="');
    expect(frame).toContain("default-src &#39;none&#39;; img-src data:; style-src &#39;unsafe-inline&#39;");
    expect(frame).not.toMatch(/<script/i);
  });

  it('the queue page filters like the API and explains a bad filter instead of failing', async () => {
    const r = await app.inject({ url: '/?category=gambling', headers: A });
    const rows = [...r.body.matchAll(/<tr class="row" data-scan="(\d+)"/g)].map((m) => Number(m[1]));
    const api = (await get('/api/queue?category=gambling')).body.items.map((i: Json) => i.scanId);
    expect(rows).toEqual(api);
    expect(rows).toContain(fx.scans.silvias);
    expect(rows).not.toContain(fx.scans.njxfhn);
    const bad = await app.inject({ url: '/?minScore=7', headers: A });
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toMatch(/Filter ignored: query\.minScore/);
  });

  it('serves the script and stylesheet with the CJK font stack', async () => {
    const css = await app.inject({ url: '/static/app.css' });
    expect(css.body).toContain('"Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif');
    const js = await app.inject({ url: '/static/app.js' });
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.body).toContain('x-winnow-csrf');
  });
});
