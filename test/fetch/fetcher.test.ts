// The fetcher against a local fixture server on 127.0.0.1 (offline). SSRF tests use an injected resolver that
// maps fake host names to 127.0.0.1, so the guard's resolved-address check is exercised for real.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { DEFAULT_USER_AGENT, Fetcher, FetchError, type FetcherOptions, type Resolver } from '../../src/fetch/index.js';
import { decode } from '../../src/page/index.js';
import { html, redirect, send, startServer, type FixtureServer } from '../helpers/http-server.js';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as {
  version: string;
};

/** fast settings for tests; every test still goes through the real code paths */
const FAST: FetcherOptions = { perHostDelayMs: 0, retryBaseMs: 10, allowPrivate: true };
const open: Fetcher[] = [];
function fetcher(opts: FetcherOptions = {}): Fetcher {
  const f = new Fetcher({ ...FAST, ...opts });
  open.push(f);
  return f;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

async function fetchError(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(FetchError);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).not.toMatch(/\n/);
    return err as FetchError;
  }
  throw new Error('expected the fetch to fail');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let srv: FixtureServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(async () => {
  await srv.close();
});

describe('bytes and headers', () => {
  it('returns a GBK page with no charset anywhere byte-for-byte, and decode() reads it', async () => {
    const id = '5dc3fa2d-6734-41e9-8520-a9c7c91ae1f8';
    const bytes = readFileSync(`${DATA}chinese-web-content-extraction/original/${id}.html`);
    // the dataset marks this page encoding="unset": no charset in markup; the header says none either
    expect(bytes.toString('latin1')).not.toMatch(/charset/i);
    const gold = readFileSync(`${DATA}chinese-web-content-extraction/cleaned/${id}.txt`, 'utf8');
    const phrase = gold.trim().split(/[，。\s]/)[0];
    expect(phrase.length).toBeGreaterThanOrEqual(4);
    srv.route('/gbk', send(bytes, { 'content-type': 'text/html' }));
    const r = await fetcher().fetch(srv.url('/gbk'));
    expect(r.status).toBe(200);
    expect(r.contentType).toBe('text/html');
    expect(r.truncated).toBe(false);
    expect(Buffer.compare(r.body, bytes)).toBe(0);
    const d = decode(r.body, { contentType: r.contentType });
    expect(d.html).toContain(phrase);
    expect(['gb18030', 'gbk', 'gb2312']).toContain(d.encoding);
  });

  it('sends the winnow User-Agent and returns lower-case headers, finalUrl and an ISO fetchedAt', async () => {
    srv.route('/ua', (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', 'X-Echo-UA': String(req.headers['user-agent']) });
      res.end('<p>ok</p>');
    });
    const before = Date.now();
    const r = await fetcher().fetch(srv.url('/ua'));
    expect(DEFAULT_USER_AGENT).toBe(`winnow/${pkg.version} (SEO-spam audit)`);
    expect(r.headers['x-echo-ua']).toBe(DEFAULT_USER_AGENT);
    expect(Object.keys(r.headers).every((k) => k === k.toLowerCase())).toBe(true);
    expect(r.url).toBe(srv.url('/ua'));
    expect(r.finalUrl).toBe(srv.url('/ua'));
    expect(r.redirects).toEqual([]);
    expect(r.notModified).toBe(false);
    expect(Date.parse(r.fetchedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(r.fetchedAt).toISOString()).toBe(r.fetchedAt);
  });

  it('decodes gzip, deflate (zlib and raw), br and stacked encodings', async () => {
    const page = Buffer.from(`<html><body>${'<p>澳门新葡京 SEO spam sample 配资 </p>'.repeat(500)}</body></html>`, 'utf8');
    const variants: Array<[string, Buffer]> = [
      ['gzip', zlib.gzipSync(page)],
      ['deflate', zlib.deflateSync(page)],
      ['deflate', zlib.deflateRawSync(page)],
      ['br', zlib.brotliCompressSync(page)],
      ['gzip, br', zlib.brotliCompressSync(zlib.gzipSync(page))],
    ];
    const f = fetcher();
    for (const [i, [enc, body]] of variants.entries()) {
      expect(body.length).toBeLessThan(page.length / 5);
      srv.route(`/enc${i}`, send(body, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': enc }));
      const r = await f.fetch(srv.url(`/enc${i}`));
      expect(Buffer.compare(r.body, page), `${enc} #${i}`).toBe(0);
    }
    const sent = srv.requests.find((q) => q.path === '/enc0');
    expect(sent?.headers['accept-encoding']).toMatch(/gzip.*deflate.*br/);
  });

  it('turns a corrupt gzip body into a one-line error', async () => {
    srv.route('/badgz', send(Buffer.from('this is not gzip at all, not even close'), { 'content-encoding': 'gzip' }));
    const e = await fetchError(fetcher().fetch(srv.url('/badgz')));
    expect(e.code).toBe('network');
    expect(e.message).toMatch(/cannot decode gzip/);
  });

  it('rejects a final 4xx/5xx as http-error with the status', async () => {
    srv.route('/gone', send('gone', {}, 410));
    const e = await fetchError(fetcher().fetch(srv.url('/gone')));
    expect(e.code).toBe('http-error');
    expect(e.status).toBe(410);
  });

  it('validates options with one-line errors', () => {
    expect(() => new Fetcher({ maxRedirects: -1 })).toThrow(InputError);
    expect(() => new Fetcher({ maxBodyBytes: 0 })).toThrow(/maxBodyBytes/);
    expect(() => new Fetcher({ nope: true } as unknown as FetcherOptions)).toThrow(InputError);
    expect(() => new Fetcher({ resolver: 'dns' as unknown as Resolver })).toThrow(/resolver/);
  });

  it('refuses bad URLs and non-http schemes', async () => {
    const f = fetcher();
    expect((await fetchError(f.fetch('not a url'))).code).toBe('bad-url');
    expect((await fetchError(f.fetch('ftp://example.com/x'))).code).toBe('unsupported-scheme');
    expect((await fetchError(f.fetch('file:///etc/passwd'))).code).toBe('unsupported-scheme');
    srv.route('/to-file', redirect('file:///etc/passwd'));
    expect((await fetchError(f.fetch(srv.url('/to-file')))).code).toBe('unsupported-scheme');
  });
});

describe('redirects', () => {
  it('follows a relative chain and records it', async () => {
    srv.route('/r1', redirect('/r2', 301));
    srv.route('/r2', redirect(srv.url('/r3'), 307));
    srv.route('/r3', html('<p>landed</p>'));
    const r = await fetcher().fetch(srv.url('/r1'));
    expect(r.finalUrl).toBe(srv.url('/r3'));
    expect(r.redirects).toEqual([srv.url('/r1'), srv.url('/r2')]);
    expect(r.body.toString()).toBe('<p>landed</p>');
  });

  it('detects a redirect loop', async () => {
    srv.route('/loop-a', redirect('/loop-b'));
    srv.route('/loop-b', redirect('/loop-a'));
    const e = await fetchError(fetcher().fetch(srv.url('/loop-a')));
    expect(e.code).toBe('redirect-loop');
    expect(srv.hits.get('/loop-a')).toBe(1);
  });

  it('stops after maxRedirects', async () => {
    srv.route('/chain', (_req, res, { url }) => {
      const n = Number(url.searchParams.get('n') ?? 0);
      res.writeHead(302, { location: `/chain?n=${n + 1}`, 'content-length': 0 }).end();
    });
    const e = await fetchError(fetcher().fetch(srv.url('/chain')));
    expect(e.code).toBe('too-many-redirects');
    expect(srv.hits.get('/chain')).toBe(6); // the first request + 5 redirects followed
    const e2 = await fetchError(fetcher({ maxRedirects: 1 }).fetch(srv.url('/chain')));
    expect(e2.code).toBe('too-many-redirects');
  });
});

describe('timeouts and size limits', () => {
  it('gives up on a response that drips slowly (overall deadline)', async () => {
    srv.route('/drip', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const t = setInterval(() => res.write('.'), 50);
      res.on('close', () => clearInterval(t));
    });
    const e = await fetchError(fetcher({ deadlineMs: 400, bodyTimeoutMs: 5000, maxRetries: 0 }).fetch(srv.url('/drip')));
    expect(e.code).toBe('timeout');
  });

  it('gives up when headers never come (headers timeout)', async () => {
    srv.route('/silent', (_req, res) => {
      const t = setTimeout(() => res.end(), 30_000);
      res.on('close', () => clearTimeout(t));
    });
    const e = await fetchError(fetcher({ headersTimeoutMs: 300, maxRetries: 0 }).fetch(srv.url('/silent')));
    expect(e.code).toBe('timeout');
    expect(e.message).toMatch(/headers/);
  });

  const MB = 1024 * 1024;
  /** a 50 MB body streamed with backpressure; records how much the server managed to write */
  function huge(stats: { written: number; closed: boolean }, headers: Record<string, string | number> = {}) {
    return (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': 'text/html', ...headers });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      res.on('close', () => (stats.closed = true));
      const pump = () => {
        while (stats.written < 50 * MB) {
          if (res.destroyed) return;
          stats.written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    };
  }

  it('cuts a 50 MB body off at the limit while streaming (truncate)', async () => {
    const stats = { written: 0, closed: false };
    srv.route('/huge', huge(stats));
    const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const r = await fetcher({ maxBodyBytes: MB }).fetch(srv.url('/huge'));
    expect(r.truncated).toBe(true);
    expect(r.body.length).toBe(MB);
    for (let i = 0; i < 50 && !stats.closed; i++) await sleep(20);
    expect(stats.closed).toBe(true); // the connection was torn down, not drained
    expect(stats.written).toBeLessThan(20 * MB); // the server could not push the 50 MB: we stopped reading
    const grown = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heapBefore;
    expect(grown).toBeLessThan(40 * MB);
  });

  it("errors with body-too-large when oversize is 'error' (streamed and declared)", async () => {
    const stats = { written: 0, closed: false };
    srv.route('/huge2', huge(stats));
    const e = await fetchError(fetcher({ maxBodyBytes: MB, oversize: 'error' }).fetch(srv.url('/huge2')));
    expect(e.code).toBe('body-too-large');
    const declared = { written: 0, closed: false };
    srv.route('/huge3', huge(declared, { 'content-length': 50 * MB }));
    const e2 = await fetchError(fetcher({ maxBodyBytes: MB, oversize: 'error' }).fetch(srv.url('/huge3')));
    expect(e2.code).toBe('body-too-large');
    expect(e2.message).toMatch(/52428800 bytes/);
  });

  it('counts decompressed bytes (a gzip bomb stops at the limit)', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(50 * MB));
    expect(bomb.length).toBeLessThan(MB);
    srv.route('/bomb', send(bomb, { 'content-type': 'text/html', 'content-encoding': 'gzip' }));
    const r = await fetcher({ maxBodyBytes: 2 * MB }).fetch(srv.url('/bomb'));
    expect(r.truncated).toBe(true);
    expect(r.body.length).toBe(2 * MB);
  });
});

describe('robots.txt', () => {
  let site: FixtureServer;
  beforeAll(async () => {
    site = await startServer({
      '/robots.txt': send('User-agent: *\nDisallow: /private\n\nUser-agent: winnow\nDisallow: /no-winnow\n', {
        'content-type': 'text/plain',
      }),
      '*': html('<p>page</p>'),
    });
  });
  afterAll(() => site.close());

  it('fetches robots.txt once per host and obeys it', async () => {
    const f = fetcher();
    expect((await f.fetch(site.url('/public'))).status).toBe(200);
    expect((await fetchError(f.fetch(site.url('/no-winnow/x')))).code).toBe('robots-disallowed');
    expect((await f.fetch(site.url('/private'))).status).toBe(200); // the winnow group overrides "*"
    expect(site.hits.get('/robots.txt')).toBe(1);
    expect(site.hits.get('/no-winnow/x')).toBeUndefined();
    const off = await fetcher({ respectRobots: false }).fetch(site.url('/no-winnow/x'));
    expect(off.status).toBe(200);
  });

  it('shares one robots.txt request between concurrent first fetches to a host', async () => {
    const s = await startServer({ '/robots.txt': send('User-agent: *\nDisallow: /x\n'), '*': html('<p>y</p>') });
    try {
      const f = fetcher({ perHostConcurrency: 4 });
      await Promise.all([1, 2, 3, 4].map((i) => f.fetch(s.url(`/p${i}`))));
      expect(s.hits.get('/robots.txt')).toBe(1);
    } finally {
      await s.close();
    }
  });

  it('4xx robots = allow all; 5xx robots = disallow all (RFC 9309)', async () => {
    const s = await startServer({ '/robots.txt': send('nope', {}, 404), '*': html('<p>x</p>') });
    const t = await startServer({ '/robots.txt': send('down', {}, 503), '*': html('<p>x</p>') });
    try {
      expect((await fetcher().fetch(s.url('/anything'))).status).toBe(200);
      const e = await fetchError(fetcher().fetch(t.url('/anything')));
      expect(e.code).toBe('robots-disallowed');
      expect(e.message).toMatch(/503/);
      expect(t.hits.get('/anything')).toBeUndefined();
    } finally {
      await s.close();
      await t.close();
    }
  });
});

describe('retries and politeness', () => {
  it('retries a 429 after Retry-After (seconds), then succeeds', async () => {
    srv.route('/busy', (_req, res, { hit }) => {
      if (hit === 1) res.writeHead(429, { 'retry-after': '1', 'content-length': 0 }).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok now</p>');
    });
    const r = await fetcher().fetch(srv.url('/busy'));
    expect(r.body.toString()).toBe('<p>ok now</p>');
    const times = srv.requests.filter((q) => q.path === '/busy').map((q) => q.at);
    expect(times).toHaveLength(2);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(950); // waited the Retry-After, not the 10 ms backoff
  });

  it('caps a huge Retry-After (HTTP date) and retries 5xx with backoff until maxRetries', async () => {
    srv.route('/later', (_req, res, { hit }) => {
      const date = new Date(Date.now() + 3_600_000).toUTCString();
      if (hit === 1) res.writeHead(503, { 'retry-after': date, 'content-length': 0 }).end();
      else res.writeHead(200).end('fine');
    });
    const r = await fetcher({ maxRetryWaitMs: 50 }).fetch(srv.url('/later'));
    expect(r.body.toString()).toBe('fine');
    srv.route('/down', send('down', {}, 502));
    const e = await fetchError(fetcher({ maxRetries: 2 }).fetch(srv.url('/down')));
    expect(e.code).toBe('http-error');
    expect(e.status).toBe(502);
    expect(srv.hits.get('/down')).toBe(3);
  });

  it('retries a connection reset, and reports a refused connection as a network error', async () => {
    srv.route('/flaky', (req, res, { hit }) => {
      if (hit === 1) return void req.socket.destroy();
      res.writeHead(200).end('second time lucky');
    });
    srv.route('/flaky0', (req) => void req.socket.destroy());
    expect((await fetchError(fetcher({ maxRetries: 0 }).fetch(srv.url('/flaky0')))).code).toBe('network');
    const r = await fetcher().fetch(srv.url('/flaky'));
    expect(r.body.toString()).toBe('second time lucky');
    expect(srv.hits.get('/flaky')).toBe(2);
    const gone = await startServer();
    const url = gone.url('/x');
    await gone.close();
    const e = await fetchError(fetcher().fetch(url));
    expect(e.code).toBe('network');
    expect(e.message).toMatch(/ECONNREFUSED/);
  });

  it('keeps at most perHostConcurrency requests in flight to one host', async () => {
    const s = await startServer({
      '/robots.txt': send('', {}, 404),
      '*': async (_req, res) => {
        await sleep(200); // long enough that two fetches always overlap, even on a loaded machine
        res.writeHead(200).end('x');
      },
    });
    try {
      const f = fetcher({ perHostConcurrency: 2 });
      await Promise.all([1, 2, 3, 4, 5, 6].map((i) => f.fetch(s.url(`/p${i}`))));
      expect(s.maxInFlight).toBe(2);
    } finally {
      await s.close();
    }
  });

  it('spaces requests to one host by perHostDelayMs', async () => {
    const s = await startServer({ '/robots.txt': send('', {}, 404), '*': html('<p>x</p>') });
    try {
      const f = fetcher({ perHostDelayMs: 200, perHostConcurrency: 4 });
      await Promise.all([1, 2, 3].map((i) => f.fetch(s.url(`/d${i}`))));
      expect(s.hits.get('/robots.txt')).toBe(1); // robots.txt is not counted against the delay
      const at = s.requests.filter((q) => q.path !== '/robots.txt').map((q) => q.at).sort((a, b) => a - b);
      expect(at).toHaveLength(3);
      for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(150); // 200 ms minus arrival jitter
    } finally {
      await s.close();
    }
  });
});

describe('robots.txt Crawl-delay', () => {
  it('raises the per-host delay to the Crawl-delay', async () => {
    const s = await startServer({ '/robots.txt': send('User-agent: *\nCrawl-delay: 0.3\n'), '*': html('<p>x</p>') });
    try {
      const f = fetcher({ perHostDelayMs: 0, perHostConcurrency: 4 });
      await Promise.all([1, 2, 3].map((i) => f.fetch(s.url(`/c${i}`))));
      const at = s.requests.filter((q) => q.path !== '/robots.txt').map((q) => q.at).sort((a, b) => a - b);
      expect(at).toHaveLength(3);
      // starts are spaced on the client; arrival times carry connection-setup jitter, hence the slack
      for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(240);
    } finally {
      await s.close();
    }
  });
});

describe('conditional GET', () => {
  it('sends If-None-Match / If-Modified-Since and reports 304 as notModified', async () => {
    const etag = '"v42"';
    const lm = 'Wed, 21 Oct 2026 07:28:00 GMT';
    srv.route('/cond', (req, res) => {
      if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === lm) res.writeHead(304, { etag }).end();
      else res.writeHead(200, { etag, 'last-modified': lm, 'content-type': 'text/html' }).end('<p>fresh</p>');
    });
    const f = fetcher();
    const first = await f.fetch(srv.url('/cond'));
    expect(first.notModified).toBe(false);
    expect(first.headers.etag).toBe(etag);
    const again = await f.fetch(srv.url('/cond'), { etag: first.headers.etag });
    expect(again.notModified).toBe(true);
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const byDate = await f.fetch(srv.url('/cond'), { lastModified: first.headers['last-modified'] });
    expect(byDate.notModified).toBe(true);
  });
});

describe('SSRF guard', () => {
  /** maps every fake name to 127.0.0.1, the fixture server's address */
  const toLoopback: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];

  it('refuses 127.0.0.1 unless allowPrivate, without connecting', async () => {
    srv.route('/secret', html('<p>internal</p>'));
    const before = srv.hits.get('/secret') ?? 0;
    const e = await fetchError(fetcher({ allowPrivate: false }).fetch(srv.url('/secret')));
    expect(e.code).toBe('ssrf-blocked');
    expect(srv.hits.get('/secret') ?? 0).toBe(before);
    expect((await fetcher({ allowPrivate: true }).fetch(srv.url('/secret'))).status).toBe(200);
  });

  it('refuses literal loopback, mapped, metadata and reserved addresses', async () => {
    const f = fetcher({ allowPrivate: false });
    for (const u of [
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:7f00:1]:8080/',
      'http://169.254.169.254/latest/meta-data/',
      'http://0.0.0.0/',
      'http://2130706433/', // 127.0.0.1 as a decimal integer (the URL parser normalises it)
      'http://0x7f.1/',
      'http://10.0.0.1/',
      'http://[fd00::1]/',
      'http://[64:ff9b::a9fe:a9fe]/', // NAT64 of 169.254.169.254
    ]) {
      const e = await fetchError(f.fetch(u));
      expect(e.code, u).toBe('ssrf-blocked');
    }
  });

  it('checks the resolved address: a name that resolves to loopback is refused', async () => {
    const f = fetcher({ allowPrivate: false, resolver: toLoopback });
    const e = await fetchError(f.fetch(`http://evil.test:${srv.port}/secret`));
    expect(e.code).toBe('ssrf-blocked');
    expect(e.message).toMatch(/evil\.test resolves to 127\.0\.0\.1/);
    const mixed: Resolver = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    const e2 = await fetchError(fetcher({ allowPrivate: false, resolver: mixed }).fetch('http://mixed.test/'));
    expect(e2.code).toBe('ssrf-blocked');
  });

  it('checks every redirect hop: an allowed host redirecting to 127.0.0.1 or to a name resolving there is refused', async () => {
    srv.route('/to-literal', redirect(`http://127.0.0.1:${srv.port}/secret`));
    srv.route('/to-name', redirect(`http://rebind.test:${srv.port}/secret`));
    srv.route('/fine', html('<p>allowed host content</p>'));
    const f = fetcher({ allowPrivate: false, allowHosts: ['allowed.test'], resolver: toLoopback });
    const ok = await f.fetch(`http://allowed.test:${srv.port}/fine`);
    expect(ok.body.toString()).toContain('allowed host content');
    const secretBefore = srv.hits.get('/secret') ?? 0;
    const hop1 = srv.hits.get('/to-literal') ?? 0;
    const e = await fetchError(f.fetch(`http://allowed.test:${srv.port}/to-literal`));
    expect(e.code).toBe('ssrf-blocked');
    expect(srv.hits.get('/to-literal')).toBe(hop1 + 1); // the first hop really went through
    const e2 = await fetchError(f.fetch(`http://allowed.test:${srv.port}/to-name`));
    expect(e2.code).toBe('ssrf-blocked');
    expect(e2.message).toMatch(/rebind\.test/);
    expect(srv.hits.get('/secret') ?? 0).toBe(secretBefore);
  });

  it('reports an unknown host as a dns error', async () => {
    const nx: Resolver = async (h) => {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${h}`), { code: 'ENOTFOUND' });
    };
    const e = await fetchError(fetcher({ allowPrivate: false, resolver: nx }).fetch('http://no-such-host.test/'));
    expect(e.code).toBe('dns');
  });
});
