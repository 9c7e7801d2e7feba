// Hostile page shapes: small recipes that build big inputs (nothing large is committed). Each shape names
// the worst case it stands for; `scale` 1 is the size that was measured slow or crashing before the page
// stage was made linear. Used by the fuzz suite (test/fuzz) and by bench/hostile.ts (their times, with and
// without the budget).

export interface Shape {
  name: string;
  /** builds the page; scale 1 = the size of the measured worst case */
  build(scale?: number): string | Buffer;
}

const wrap = (body: string) => `<html><head><title>t</title></head><body>${body}</body></html>`;
const n = (base: number, scale: number) => Math.max(1, Math.round(base * scale));

export const SHAPES: Shape[] = [
  { name: 'a-without-gt-100k', build: (s = 1) => '<a '.repeat(n(100_000, s)) },
  { name: 'comment-unterminated-50k', build: (s = 1) => wrap('<!--'.repeat(n(50_000, s))) },
  { name: 'script-unclosed-30k', build: (s = 1) => wrap('<script>'.repeat(n(30_000, s))) },
  { name: 'script-unclosed-1mb', build: (s = 1) => wrap('<script>x'.repeat(n(110_000, s))) },
  { name: 'h1-spam-title-10k', build: (s = 1) => wrap('<h1>股票配资 - site</h1>'.repeat(n(10_000, s))) },
  { name: 'p-spam-10k', build: (s = 1) => wrap('<p>股票配资平台</p>'.repeat(n(10_000, s))) },
  {
    name: 'unpunctuated-zh-run-300kb',
    build: (s = 1) => {
      const unit = '今天市场股票配资平台行情上涨投资者关注';
      return wrap(`<p>${unit.repeat(n(100_000 / unit.length, s))}</p>`);
    },
  },
  { name: 'li-p-nested-50k', build: (s = 1) => wrap('<ul>' + '<li><p>x'.repeat(n(50_000, s))) },
  { name: 'thead-100k', build: (s = 1) => wrap('<table>' + '<thead>x'.repeat(n(100_000, s))) },
  { name: 'x_y-100k', build: (s = 1) => wrap('<x_y>x'.repeat(n(100_000, s))) },
  { name: 'div-nested-100k', build: (s = 1) => wrap('<div>'.repeat(n(100_000, s)) + 'x' + '</div>'.repeat(n(100_000, s))) },
  { name: 'svg-selfclose-nested', build: (s = 1) => wrap('<svg>' + '<g/><g>'.repeat(n(50_000, s))) },
  { name: 'unmatched-close-100k', build: (s = 1) => wrap('<div>'.repeat(1999) + '</span>'.repeat(n(100_000, s))) },
  { name: 'attr-quote-unterminated', build: (s = 1) => wrap('<div class="'.repeat(n(50_000, s))) },
  { name: 'declaration-unterminated', build: (s = 1) => wrap('<!x'.repeat(n(50_000, s))) },
  { name: 'pi-unterminated', build: (s = 1) => wrap('<?x'.repeat(n(50_000, s))) },
  { name: 'end-tag-unterminated', build: (s = 1) => wrap('</a '.repeat(n(50_000, s))) },
  // h1s never closed, each holding the rest of the page: every h1's text was read whole (27 s at 1 MB)
  { name: 'h1-unclosed-40k', build: (s = 1) => wrap('<h1>Over the counter news '.repeat(n(40_000, s))) },
  { name: 'h1-nested-2k-over-1mb', build: (s = 1) => wrap('<h1>'.repeat(1999) + 'body words here and there. '.repeat(n(37_000, s))) },
  // a <title> of 1 MB of spam words: the title's splices were tagged word by word against every rule match (28 s)
  {
    name: 'title-spam-1mb',
    build: (s = 1) => `<html><head><title>${'股票配资 casino news '.repeat(n(58_000, s))}</title></head><body><p>body text</p></body></html>`,
  },
  // a background value of spaces before a ")": the split's lookahead rescanned the rest at every space (4 KB: 8.6 s)
  { name: 'background-spaces-4kb', build: (s = 1) => wrap(`<div style="background:red${' '.repeat(n(4_000, s))}x)">casino</div>`) },
  // "& " a megabyte long: the text state searched for the next "<" again at every "&" (3 MB: 27 s)
  { name: 'bare-ampersands-3mb', build: (s = 1) => wrap(`<p>${'& '.repeat(n(1_500_000, s))}</p>`) },
  // a stylesheet of hiding hints and no brace: every hint searched back to the sheet's start for its rule (15 s)
  { name: 'style-hints-no-brace-500kb', build: (s = 1) => wrap(`<style>${'a-777 '.repeat(n(83_000, s))}</style><p>x</p>`) },
  // a long spaced-out Han run in plain text: the disguise regex looked ahead to the run's end at every space (4.5 s)
  { name: 'spaced-han-run-100kb', build: (s = 1) => wrap(`<p>今天的新闻。</p><p>${'今 天 市 场 '.repeat(n(12_500, s))}</p>`) },
  // the title's keyword phrase copied thousands of times into one paragraph: the block's headline parts were split
  // again for every copy (67 KB: 22 s)
  {
    name: 'title-phrase-copies-67kb',
    build: (s = 1) =>
      `<html><head><title>大红鹰彩票网 抢红包 唐代诗人的故事</title></head><body><h1>唐代诗人的故事</h1><p>${'大红鹰彩票网 抢红包 今天天气很好。'.repeat(n(3_900, s))}</p></body></html>`,
  },
  // thousands of identical spam paragraphs: each unit's vote counted every copy of itself (500 KB: 32 s)
  { name: 'identical-spam-paragraphs-500kb', build: (s = 1) => wrap('<p>Judi slot adalah perjudian antar pemain.</p>'.repeat(n(10_600, s))) },
  // thousands of distinct spam paragraphs and no news: each unit's vote searched the whole prose for copies of itself
  // (650 KB: 5.9 s of CPU without a budget)
  {
    name: 'distinct-spam-paragraphs-650kb',
    build: (s = 1) => {
      const kinds = ['股票配资平台', '澳门赌场官网', 'casino bonus free spins', 'buy viagra online', '配资开户'];
      return wrap(Array.from({ length: n(20_000, s) }, (_, i) => `<p>${kinds[i % kinds.length]}第${i}号 推荐 ${(i * 7919) % 100_003}</p>`).join(''));
    },
  },
  // thousands of spam h1s, each a finding: every block filtered every finding when the text was cleaned (12.7 s)
  { name: 'spam-h1s-20k', build: (s = 1) => wrap(Array.from({ length: n(20_000, s) }, (_, i) => `<h1>股票配资 ${i}</h1>`).join('')) },
  // 60,000 off-site spam anchors in one block: every anchor was checked against every rule match (12.3 s)
  {
    name: 'spam-anchors-60k',
    build: (s = 1) => wrap(Array.from({ length: n(60_000, s) }, (_, i) => `<a href="http://s${i}.example${i % 50}.com/">股票配资 casino ${i}</a>`).join('')),
  },
  // 400 nested "subtitle" elements never closed over 1 MB of text: each was read whole as a slogan candidate
  { name: 'subtitle-nested-400-over-1mb', build: (s = 1) => wrap('<div class="subtitle">'.repeat(400) + 'body words here and there. '.repeat(n(37_000, s))) },
  // one finding and thousands of title-case runs of distinct words: each run is asked whether the article uses its
  // words (siteCaseRuns), which searched the whole article once per word
  {
    name: 'title-case-runs-with-spam-5k',
    build: (s = 1) => {
      const caps = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Theta', 'Kappa', 'Lambda', 'Sigma'];
      const spam = '<p>Win big at LuckyStar casino: claim 200 free spins and a no deposit bonus today, instant withdrawals!</p>';
      const runs = Array.from({ length: n(5_000, s) }, (_, i) => `<p>The mayor said that ${caps[i % 10]} ${caps[(i * 3) % 10]} Qx${i} Zy${i} Online would visit the town today and then leave.</p>`);
      return wrap(spam + runs.join(''));
    },
  },
  // a paragraph in a pasted document each, under a chain of 2,000 elements: whether each <html> was the page's own
  // or a pasted one was asked by walking the whole chain, block by block
  {
    name: 'pasted-documents-deep-20k',
    build: (s = 1) => wrap('<div>'.repeat(1990) + '<section><html><p>Ein ganz normaler Satz, mit Kommas, und Punkten.</p></html></section>'.repeat(n(20_000, s))),
  },
  // a whole page hidden until its scripts run, 20,000 paragraphs deep in a chain of 1,900 elements: the page is walked
  // a second time with the wrapper shown (reveal.ts)
  {
    name: 'hidden-wrapper-page-20k',
    build: (s = 1) => wrap('<div style="display:none">' + '<div>'.repeat(1900) + '<p>Ein ganz normaler Satz, mit Kommas, und Punkten.</p>'.repeat(n(20_000, s))),
  },
  {
    // ~4.1 M "。" in one paragraph: 8.6 MB in GBK, under the 10 MB input limits
    name: 'ideographic-stops-gbk',
    build: (s = 1) => {
      const count = n(4_100_000, s);
      const head = Buffer.from('<html><head><meta charset="gbk"><title>t</title></head><body><p>');
      const stop = Buffer.from([0xa1, 0xa3]); // "。" in GBK
      const body = Buffer.alloc(count * 2);
      for (let i = 0; i < count; i++) stop.copy(body, i * 2);
      return Buffer.concat([head, body, Buffer.from('</p></body></html>')]);
    },
  },
];
