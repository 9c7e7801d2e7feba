// Cloaking check against a fixture site that injects a spam block for Googlebot only (a real pattern: the
// injected zh gambling-link block is served to crawlers and hidden from readers).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloakingCheck, crawlerOnlyBlocks } from '../../src/fetch/cloaking.js';
import { Fetcher } from '../../src/fetch/index.js';
import { buildPage, decode } from '../../src/page/index.js';
import { startServer, type FixtureServer } from '../helpers/http-server.js';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const SPAM = '澳门新葡京娱乐场官网 最新网址 配资开户 点击进入 www.example-casino.test';
const SPAM_IF = (ua: string) => (/Googlebot/.test(ua) ? SPAM : '');

/** A real GBK article page; Googlebot gets one extra block injected before </body>. */
const ARTICLE = readFileSync(`${DATA}chinese-web-content-extraction/original/5dc3fa2d-6734-41e9-8520-a9c7c91ae1f8.html`);

function withInjection(page: Buffer): Buffer {
  const html = new TextDecoder('gb18030').decode(page);
  const i = html.toLowerCase().lastIndexOf('</body>');
  const injected = `<div class="seo-links"><p>${SPAM}</p></div>`;
  const out = i >= 0 ? html.slice(0, i) + injected + html.slice(i) : html + injected;
  // re-encode as UTF-8 and say so in the header: the decode() path is exercised with a declared charset here
  return Buffer.from(out, 'utf8');
}

describe('cloakingCheck', () => {
  let site: FixtureServer;
  const seenUAs: string[] = [];
  beforeAll(async () => {
    const cloaked = withInjection(ARTICLE);
    const plain = Buffer.from(new TextDecoder('gb18030').decode(ARTICLE), 'utf8');
    site = await startServer({
      '/robots.txt': (_req, res) => void res.writeHead(404).end(),
      '/article': (req, res) => {
        const ua = String(req.headers['user-agent'] ?? '');
        seenUAs.push(ua);
        const body = /Googlebot/i.test(ua) ? cloaked : plain;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length }).end(body);
      },
    });
  });
  afterAll(() => site.close());

  it('finds the block served only to Googlebot, and nothing for Baiduspider', async () => {
    const f = new Fetcher({ allowPrivate: true, perHostDelayMs: 0 });
    try {
      const report = await cloakingCheck(f, site.url('/article'));
      expect(seenUAs).toHaveLength(4); // browser, Googlebot, Googlebot again (confirmation), Baiduspider
      expect(seenUAs.some((ua) => /Chrome\//.test(ua))).toBe(true);
      expect(seenUAs.some((ua) => /Baiduspider/.test(ua))).toBe(true);
      const g = report.crawlers.find((c) => c.crawler === 'googlebot')!;
      const b = report.crawlers.find((c) => c.crawler === 'baiduspider')!;
      expect(g.error).toBeUndefined();
      expect(g.blocks.map((x) => x.text.replace(/\s+/g, ' ').trim())).toEqual([SPAM]);
      expect(g.blocks[0].path).toMatch(/p/);
      expect(g.redirectedElsewhere).toBe(false);
      expect(b.blocks).toEqual([]);
      expect(report.finalUrl).toBe(site.url('/article'));
    } finally {
      await f.close();
    }
  });

  it('finds a real injected keyword-stuffing block (spam-in-the-wild) when it is served to Googlebot only', async () => {
    // the real page carries the injected hidden div; the reader's view is the same page without it
    const real = gunzipSync(readFileSync(`${DATA}gne-chinese-news/html/njxfhn/1.html.gz`)).toString('utf8');
    const start = real.indexOf('<div style="display:none">\n');
    const end = real.indexOf('<div id="divBottom">');
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const injected = real.slice(start, end);
    expect(injected.length).toBeGreaterThan(100_000);
    const readerView = real.slice(0, start) + real.slice(end);
    site.route('/real', (req, res) => {
      const body = /Googlebot/.test(String(req.headers['user-agent'])) ? real : readerView;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
    const f = new Fetcher({ allowPrivate: true, perHostDelayMs: 0 });
    try {
      const report = await cloakingCheck(f, site.url('/real'));
      const g = report.crawlers.find((c) => c.crawler === 'googlebot')!;
      const b = report.crawlers.find((c) => c.crawler === 'baiduspider')!;
      expect(b.blocks).toEqual([]);
      expect(g.blocks.length).toBeGreaterThanOrEqual(1);
      const found = g.blocks.map((x) => x.text).join('\n');
      expect(found).toContain('股票配资公司'); // named in the manifest's description of this block
      const injectedText = injected.replace(/<[^>]+>/g, ' ').replace(/\s+/g, '');
      for (const x of g.blocks) expect(injectedText).toContain(x.text.replace(/\s+/g, ''));
    } finally {
      await f.close();
    }
  });

  it('drops per-request text (a clock) that is not served consistently to the crawler', async () => {
    let n = 0;
    site.route('/clock', (req, res) => {
      const ua = String(req.headers['user-agent'] ?? '');
      n++;
      const extra = /Googlebot/.test(ua) ? `<p>服务器时间 第${n}次请求 ${'ABCDEFGHIJ'[n % 10]}${n * 7919}</p>` : '';
      const body = `<html><body><h1>标题新闻</h1><p>正文内容第一段，很长的新闻正文。</p>${extra}<p>${SPAM_IF(ua)}</p></body></html>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
    const f = new Fetcher({ allowPrivate: true, perHostDelayMs: 0 });
    try {
      const confirmed = await cloakingCheck(f, site.url('/clock'));
      const g = confirmed.crawlers.find((c) => c.crawler === 'googlebot')!;
      expect(g.blocks.map((b) => b.text)).toEqual([SPAM]);
      const raw = await cloakingCheck(f, site.url('/clock'), { confirm: false });
      const g2 = raw.crawlers.find((c) => c.crawler === 'googlebot')!;
      expect(g2.blocks).toHaveLength(2); // without confirmation the clock line is reported too
      expect(g2.blocks.map((b) => b.text)).toContain(SPAM);
    } finally {
      await f.close();
    }
  });

  it('reports crawler fetch failures instead of throwing', async () => {
    site.route('/blocks-bots', (req, res) => {
      if (/bot|spider/i.test(String(req.headers['user-agent']))) return void res.writeHead(403).end('no bots');
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><p>hello readers</p></body></html>');
    });
    const f = new Fetcher({ allowPrivate: true, perHostDelayMs: 0, maxRetries: 0 });
    try {
      const report = await cloakingCheck(f, site.url('/blocks-bots'));
      expect(report.crawlers).toHaveLength(2);
      for (const c of report.crawlers) {
        expect(c.status).toBe(403);
        expect(c.error).toMatch(/HTTP 403/);
        expect(c.blocks).toEqual([]);
      }
    } finally {
      await f.close();
    }
  });
});

describe('crawlerOnlyBlocks', () => {
  it('ignores blocks the browser has, even re-split or re-spaced', () => {
    const browser = buildPage('<html><body><p>第一段 新闻 内容</p><p>第二段内容在这里</p></body></html>');
    const crawler = buildPage(
      '<html><body><p>第一段新闻内容</p><p>第二段</p><p>内容在这里</p><div><p>澳门赌场 点击进入</p></div></body></html>',
    );
    expect(crawlerOnlyBlocks(browser, crawler).map((b) => b.text)).toEqual(['澳门赌场 点击进入']);
  });

  it('finds nothing between a page and itself', () => {
    const d = decode(ARTICLE, { contentType: 'text/html' });
    const p = buildPage(d.html);
    expect(p.blocks.length).toBeGreaterThan(3);
    expect(crawlerOnlyBlocks(p, p)).toEqual([]);
  });
});
