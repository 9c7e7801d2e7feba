// Edge cases of the review API: oversized fetched pages, routes without a body, decision bodies that carry more
// than the route uses, repeated ids, and which URL an analysis error names. Real servers on 127.0.0.1.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/serve/app.js';
import { listDecisions } from '../../src/store/review.js';
import { DEFAULT_MAX_BODY_BYTES } from '../../src/fetch/options.js';
import { startServer as startFixtureServer, type FixtureServer } from '../helpers/http-server.js';
import { makeFixture, type Fixture } from './helpers.js';

const ALICE = 'alice-token-0123456789abcdef';
const A = { authorization: `Bearer ${ALICE}` };

let fx: Fixture;
let app: FastifyInstance;
let web: FixtureServer;

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
    '/huge.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(bigHtml(DEFAULT_MAX_BODY_BYTES + 512 * 1024));
    },
  });
  app = await buildApp({ store: fx.store, tokens: [{ name: 'alice', token: ALICE }], allowPrivate: true });
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
