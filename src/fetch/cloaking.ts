// Cloaking check: fetch a page as a browser and as search-engine crawlers, and report the text blocks only a
// crawler is served (the classic hidden-from-humans SEO spam injection). src/cloaked.ts turns them into findings.
import { buildPage, decode, type Page } from '../page/index.js';
import { FetchError } from './errors.js';
import type { Fetcher, FetchResult } from './fetcher.js';

/** A current desktop Chrome, so the "human" view is what a reader's browser gets. */
export const BROWSER_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
export const CRAWLER_USER_AGENTS = {
  googlebot: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  baiduspider: 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)',
} as const;
export type Crawler = keyof typeof CRAWLER_USER_AGENTS;
const BROWSER_HEADERS = { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' };
/** blocks shorter than this (after whitespace removal) are ignored: dates, counters, single words */
export const MIN_CLOAKED_BLOCK_CHARS = 4;

export interface CloakedBlock {
  text: string;
  /** DOM path of the block in the crawler's page ("" = the title block) */
  path: string;
}

export interface CrawlerCloaking {
  crawler: Crawler;
  /** the URL the crawler ended on (after its redirects) */
  url: string;
  status: number;
  /** true when the crawler was redirected somewhere the browser was not */
  redirectedElsewhere: boolean;
  /** text blocks in the crawler's page that appear nowhere in the browser's page */
  blocks: CloakedBlock[];
  /** set when the crawler fetch failed (e.g. the site refuses crawlers); blocks is then empty */
  error?: string;
}

export interface CloakingReport {
  url: string;
  /** the URL the browser ended on */
  finalUrl: string;
  crawlers: CrawlerCloaking[];
}

/** whitespace-free comparison key (block splitting and spacing differ harmlessly between two renders) */
const squash = (s: string) => s.replace(/\s+/g, '');

function toPage(r: FetchResult): Page {
  const d = decode(r.body, { contentType: r.contentType });
  return buildPage(d.html, { url: r.finalUrl, encoding: d.encoding });
}

/** Blocks of `crawler` whose text is neither a block of `browser` nor contained in the browser page's text. */
export function crawlerOnlyBlocks(browser: Page, crawler: Page): CloakedBlock[] {
  const seen = new Set(browser.blocks.map((b) => squash(b.text)));
  const browserText = squash(browser.text);
  const out: CloakedBlock[] = [];
  const reported = new Set<string>();
  for (const b of crawler.blocks) {
    const key = squash(b.text);
    if (key.length < MIN_CLOAKED_BLOCK_CHARS || seen.has(key) || browserText.includes(key) || reported.has(key)) continue;
    reported.add(key);
    out.push({ text: b.text, path: b.path });
  }
  return out;
}

export interface CloakingOptions {
  /**
   * When a crawler view has crawler-only blocks, fetch it once more as that crawler and keep only the blocks
   * served both times: per-request text (clocks, counters, rotating ads) drops out, injected spam stays.
   * Costs one extra fetch only when there is something to confirm. Default true.
   */
  confirm?: boolean;
}

/**
 * Fetch `url` as a browser, then as Googlebot and Baiduspider (sequentially, through the fetcher's per-host gate),
 * and report what only the crawlers see. Throws the browser fetch's FetchError when the page cannot be fetched.
 */
export async function cloakingCheck(fetcher: Fetcher, url: string, opts: CloakingOptions = {}): Promise<CloakingReport> {
  const confirm = opts.confirm ?? true;
  const browserRes = await fetcher.fetch(url, {}, { userAgent: BROWSER_USER_AGENT, headers: BROWSER_HEADERS });
  const browserPage = toPage(browserRes);
  const crawlers: CrawlerCloaking[] = [];
  for (const crawler of Object.keys(CRAWLER_USER_AGENTS) as Crawler[]) {
    try {
      const ua = { userAgent: CRAWLER_USER_AGENTS[crawler] };
      const r = await fetcher.fetch(url, {}, ua);
      let blocks = crawlerOnlyBlocks(browserPage, toPage(r));
      if (confirm && blocks.length) {
        const again = toPage(await fetcher.fetch(url, {}, ua));
        const stable = new Set(again.blocks.map((b) => squash(b.text)));
        const againText = squash(again.text);
        blocks = blocks.filter((b) => stable.has(squash(b.text)) || againText.includes(squash(b.text)));
      }
      crawlers.push({
        crawler,
        url: r.finalUrl,
        status: r.status,
        redirectedElsewhere: r.finalUrl !== browserRes.finalUrl,
        blocks,
      });
    } catch (err) {
      if (!(err instanceof FetchError)) throw err;
      crawlers.push({ crawler, url, status: err.status ?? 0, redirectedElsewhere: false, blocks: [], error: err.message });
    }
  }
  return { url, finalUrl: browserRes.finalUrl, crawlers };
}
