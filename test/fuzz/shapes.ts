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
