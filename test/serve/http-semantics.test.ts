// What the review API answers when a request is not what a route takes: a method the path has no route for (405
// with Allow), a query parameter given twice or blank, an id written in hex, a body that is no JSON or carries a
// __proto__ key, a compressed body, a body over the limit; what a {url} scan answers when the site fails (502, 504),
// and when the scan pool is full (503 before the body is read). Real servers on 127.0.0.1, a real store.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { request } from 'undici';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp, MAX_BODY_BYTES } from '../../src/serve/app.js';
import { startServer as startFixtureServer, type FixtureServer } from '../helpers/http-server.js';
import { makeFixture, readPage, type Fixture } from './helpers.js';
import { gbkPage as gbk } from '../batch/data.js';
import { analyze } from '../../src/analyze.js';

/** A real Chinese page in GBK, its charset only in its <meta>. */
const gbkPage = (): Buffer => gbk().body;

const ALICE = 'alice-token-0123456789abcdef';
const A = { authorization: `Bearer ${ALICE}` };

let fx: Fixture;
let app: FastifyInstance;
let web: FixtureServer;
/** answers of /hold.html wait for this */
let releaseHold: () => void = () => undefined;
let holdReached: Promise<void> = Promise.resolve();
let reachedHold: () => void = () => undefined;

beforeAll(async () => {
  fx = await makeFixture();
  web = await startFixtureServer({
    '/robots.txt': (_req, res) => void res.writeHead(404).end(),
    '/error.html': (_req, res) => void res.writeHead(500, { 'content-type': 'text/html' }).end('<p>down</p>'),
    '/silent.html': () => undefined, // never answers
    '/hold.html': async (_req, res) => {
      reachedHold();
      await new Promise<void>((r) => (releaseHold = r));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readPage('n163'));
    },
  });
  app = await buildApp({
    store: fx.store,
    tokens: [{ name: 'alice', token: ALICE }],
    allowPrivate: true,
    // the real fetcher, with a short deadline so that a silent site is a timeout within the test
    fetchOptions: { deadlineMs: 500, maxRetries: 0 },
  });
});

afterAll(async () => {
  releaseHold();
  await app?.close();
  await web?.close();
  await fx?.cleanup();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(method: string, url: string, opts: { headers?: Record<string, string>; payload?: string | Buffer | object } = {}) {
  const r = await app.inject({ method: method as 'GET', url, headers: { ...A, ...opts.headers }, payload: opts.payload as string });
  let body: Json = {};
  try {
    body = r.json() as Json;
  } catch {
    body = { text: r.body };
  }
  return { status: r.statusCode, headers: r.headers, body };
}

describe('a method the path has no route for', () => {
  it('is a 405 naming the allowed methods, in the Allow header too; an unknown path stays a 404', async () => {
    for (const [method, url, allow] of [
      ['GET', '/api/scan', 'POST'],
      ['DELETE', '/api/queue', 'GET, HEAD'],
      ['PUT', `/api/pages/${fx.scans.seed}`, 'GET, HEAD'],
      ['GET', '/api/decisions', 'POST'],
      ['POST', '/rules', 'GET, HEAD'],
    ] as const) {
      const r = await call(method, url, { payload: method === 'GET' ? undefined : {} });
      expect(r.status, `${method} ${url}`).toBe(405);
      expect(r.headers.allow).toBe(allow);
      expect(r.body.error).toBe(`${method} is not allowed on ${url} (allowed: ${allow})`);
    }
    // a page of the UI asked for with GET where only POST exists answers as a page
    const ui = await call('GET', '/logout');
    expect(ui.status).toBe(405);
    expect(ui.headers.allow).toBe('POST');
    expect(ui.headers['content-type']).toMatch(/^text\/html/);
    expect((await call('GET', '/api/nothing-here')).status).toBe(404);
    expect((await call('DELETE', '/api/nothing-here')).status).toBe(404);
  });
});

describe('query parameters and ids', () => {
  it('a parameter given twice or blank is refused by name, never read as NaN or 0', async () => {
    const twice = await call('GET', '/api/queue?limit=1&limit=2');
    expect(twice.status).toBe(400);
    expect(twice.body.error).toBe('query.limit: given 2 times; give it once');
    const blank = await call('GET', '/api/queue?minScore=');
    expect(blank.status).toBe(400);
    expect(blank.body.error).toBe('query.minScore: expected a number from 0 to 1');
    const blankLimit = await call('GET', '/api/queue?limit=');
    expect(blankLimit.body.error).toBe('query.limit: expected a whole number from 1 to 500');
    expect((await call('GET', '/api/queue?verdict=clean&verdict=contaminated')).body.error).toBe('query.verdict: given 2 times; give it once');
    // the same values once and well-formed are taken
    const ok = await call('GET', '/api/queue?limit=2&minScore=0.5');
    expect(ok.status).toBe(200);
    expect(ok.body.items.length).toBeLessThanOrEqual(2);
    for (const it of ok.body.items) expect(it.score).toBeGreaterThanOrEqual(0.5);
  });

  it('an id in hex, with an exponent or a sign is refused, not read as another scan', async () => {
    const id = fx.scans.seed;
    expect((await call('GET', `/api/pages/${id}`)).status).toBe(200);
    for (const bad of [`0x${id.toString(16)}`, `${id}e0`, `+${id}`, `${id}.0`, ` ${id}`]) {
      const r = await call('GET', `/api/pages/${encodeURIComponent(bad)}`);
      expect(r.status, bad).toBe(400);
      expect(r.body.error).toBe('params.scanId: expected a positive whole number (decimal digits)');
    }
  });
});

describe('request bodies', () => {
  const json = { 'content-type': 'application/json' };
  it('JSON that does not parse says why; a __proto__ key is refused by name', async () => {
    const cut = await call('POST', '/api/scan', { headers: json, payload: '{"html":' });
    expect(cut.status).toBe(400);
    expect(cut.body.error).toMatch(/^body is not valid JSON: /);
    const proto = await call('POST', '/api/scan', { headers: json, payload: '{"html":"<p>x</p>","__proto__":{"admin":true}}' });
    expect(proto.status).toBe(400);
    expect(proto.body.error).toBe('body: a key named __proto__ (or constructor.prototype) is refused');
    const ctor = await call('POST', '/api/decisions', { headers: json, payload: '{"ids":[1],"decision":"confirm","constructor":{"prototype":{}}}' });
    expect(ctor.status).toBe(400);
    expect(ctor.body.error).toBe('body: a key named __proto__ (or constructor.prototype) is refused');
  });

  it('a compressed body is a 415 naming its encoding; identity is read as it is', async () => {
    const gz = await call('POST', '/api/scan', { headers: { ...json, 'content-encoding': 'gzip' }, payload: gzipSync('{"html":"<p>x</p>"}') });
    expect(gz.status).toBe(415);
    expect(gz.body.error).toBe('Content-Encoding gzip is not accepted: send the body uncompressed');
    const plain = await call('POST', '/api/scan', { headers: { ...json, 'content-encoding': 'identity' }, payload: JSON.stringify({ html: readPage('seed').toString('utf8') }) });
    expect(plain.status).toBe(200);
    expect(plain.body.verdict).toBe('contaminated');
  });

  it('a body over the limit is a 413 that names the limit in bytes', async () => {
    const r = await call('POST', '/api/scan', { headers: json, payload: JSON.stringify({ html: 'x'.repeat(MAX_BODY_BYTES) }) });
    expect(r.status).toBe(413);
    expect(r.body.error).toBe(`request body is over the ${MAX_BODY_BYTES}-byte limit`);
  });
});

describe('POST /api/scan with the page itself (text/html)', () => {
  it('a GBK page sent as its bytes is decoded as analyze() decodes it; ?url= names it; a JSON body takes no ?url=', async () => {
    const bytes = gbkPage();
    const url = 'https://zh.example.cn/news/1.html';
    const want = analyze(bytes, { url });
    expect(want.lang).toBe('zh');
    for (const contentType of ['text/html', 'text/html; charset=gbk']) {
      const r = await call('POST', `/api/scan?url=${encodeURIComponent(url)}`, { headers: { 'content-type': contentType }, payload: bytes });
      expect(r.status, contentType).toBe(200);
      expect(r.body).toMatchObject({ url, verdict: want.verdict, score: want.score, findings: want.findings.length });
      const page = await call('GET', `/api/pages/${r.body.scanId}`);
      expect(page.body.result.title).toBe(want.title);
      expect(page.body.result.text).toBe(want.text);
    }
    const json = await call('POST', `/api/scan?url=${encodeURIComponent(url)}`, { headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ html: '<p>x</p>' }) });
    expect(json.status).toBe(400);
    expect(json.body.error).toBe('query.url: only for a text/html body; a JSON body gives "url" in the body');
  });
});

describe('a {url} scan whose site fails', () => {
  it('is a 502 when the site refuses the connection or answers an error, a 504 when it stays silent', async () => {
    const before = (await call('GET', '/api/queue')).body.counts.total as number;
    // a port nothing listens on: take one from the OS, then close it
    const closed = await new Promise<number>((resolve) => {
      const s = connect({ port: web.port, host: '127.0.0.1' }, () => {
        const p = s.localPort!;
        s.destroy();
        resolve(p);
      });
    });
    const refused = await call('POST', '/api/scan', { payload: { url: `http://127.0.0.1:${closed}/a.html` } });
    expect(refused.status).toBe(502);
    expect(refused.body.error).toMatch(/ECONNREFUSED/);
    const error = await call('POST', '/api/scan', { payload: { url: web.url('/error.html') } });
    expect(error.status).toBe(502);
    expect(error.body.error).toBe(`${web.url('/error.html')}: HTTP 500`);
    const silent = await call('POST', '/api/scan', { payload: { url: web.url('/silent.html') } });
    expect(silent.status).toBe(504);
    expect(silent.body.error).toMatch(/timed out/);
    expect((await call('GET', '/api/queue')).body.counts.total).toBe(before);
  });

  it('a URL the fetcher refuses to fetch (a private address) is the client\'s: 400', async () => {
    const strict = await buildApp({ store: fx.store, tokens: [{ name: 'alice', token: ALICE }] });
    try {
      const r = await strict.inject({ method: 'POST', url: '/api/scan', headers: A, payload: { url: web.url('/hold.html') } });
      expect(r.statusCode).toBe(400);
      expect((r.json() as Json).error).toMatch(/private\/reserved address/);
    } finally {
      await strict.close();
    }
  });
});

describe('a full scan pool', () => {
  it('refuses a scan before reading its body (503, Retry-After); a finished or aborted scan frees its place', async () => {
    const small = await buildApp({ store: fx.store, tokens: [{ name: 'alice', token: ALICE }], allowPrivate: true, scanPool: { threads: 1, queueMax: 0 } });
    await small.listen({ port: 0, host: '127.0.0.1' });
    const addr = small.server.address();
    const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const post = (payload: object) =>
      request(`${base}/api/scan`, { method: 'POST', headers: { ...A, 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    try {
      // requests refused before admission (no token) take no place and give none back
      for (let i = 0; i < 3; i++) {
        const r = await request(`${base}/api/scan`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"html":"<p>x</p>"}' });
        expect(r.statusCode).toBe(401);
        await r.body.dump();
      }
      holdReached = new Promise<void>((r) => (reachedHold = r));
      const first = post({ url: web.url('/hold.html') });
      await holdReached; // the first scan holds the pool's one place while its site answers
      // the second sends its headers and the start of a long body, no more: answered at once, from the headers
      const answer = await new Promise<string>((resolve, reject) => {
        const s = connect({ port: Number(new URL(base).port), host: '127.0.0.1' }, () => {
          s.write(`POST /api/scan HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\nContent-Type: application/json\r\nContent-Length: 4000000\r\n\r\n{"html":"`);
        });
        let got = '';
        s.on('data', (d) => {
          got += d.toString('latin1');
          if (got.includes('\r\n\r\n') && got.includes('}')) {
            s.destroy();
            resolve(got);
          }
        });
        s.on('error', reject);
        setTimeout(() => {
          s.destroy();
          resolve(got);
        }, 3000);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 503 /);
      expect(answer).toMatch(/\r\nretry-after: 5\r\n/i);
      expect(answer).toMatch(/"error":"too many scans in progress/);
      releaseHold();
      const done = await first;
      expect(done.statusCode).toBe(200);
      await done.body.dump();
      // a request that sends half its body and hangs up gives its place back
      await new Promise<void>((resolve, reject) => {
        const s = connect({ port: Number(new URL(base).port), host: '127.0.0.1' }, () => {
          s.write(`POST /api/scan HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"html":"`);
          setTimeout(() => {
            s.destroy();
            resolve();
          }, 200);
        });
        s.on('error', reject);
      });
      await new Promise((r) => setTimeout(r, 200));
      const third = await post({ html: readPage('seed').toString('utf8') });
      expect(third.statusCode).toBe(200);
      expect(((await third.body.json()) as Json).verdict).toBe('contaminated');
    } finally {
      await small.close();
    }
  });
});
