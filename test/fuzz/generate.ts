// Seeded generator of hostile pages: random mixes of the fragments that broke or slowed the pipeline
// (unterminated tags, comments and scripts, deep and implied nesting, odd tag names, spam words repeated,
// long unpunctuated CJK runs, punctuation floods, control characters, charset declarations) and mutations
// of real markup. The same seed always gives the same page, so a failing case is reproduced by its seed.

import { rng } from '../../src/detect/model.js';
export { rng };

const SPAM = ['股票配资', '配资平台', '股票', '澳门赌场', '免费领取', 'casino bonus', 'viagra', 'slot gacor', '出会い系', '代孕'];
const TAGS = ['div', 'p', 'li', 'ul', 'a', 'span', 'thead', 'tbody', 'tr', 'td', 'table', 'h1', 'h2', 'x_y', 'svg', 'math', 'g', 'option', 'select', 'dd', 'dt', 'font', 'b', 'section', 'article', 'script', 'style', 'title', 'textarea', 'xmp', 'noscript', 'iframe', 'br', 'img', 'meta'];

/** One fragment of hostile markup; `r` draws randomness, `k` is a repeat count. */
const FRAGMENTS: Array<(r: () => number, k: number) => string> = [
  (_r, k) => '<a '.repeat(k),
  (_r, k) => '<!--'.repeat(k),
  (_r, k) => '<script>'.repeat(k),
  (_r, k) => '<li><p>'.repeat(k),
  (_r, k) => '<thead>'.repeat(k),
  (r, k) => `<x_${Math.floor(r() * 9)}>`.repeat(k),
  (r, k) => `<h1>${pick(r, SPAM)} - site</h1>`.repeat(k),
  (r, k) => `<p>${pick(r, SPAM)}平台</p>`.repeat(k),
  (r, k) => `<p>${'今天市场行情上涨投资者关注'.repeat(k)}${pick(r, SPAM)}${'今天市场行情上涨投资者关注'.repeat(k)}</p>`,
  (_r, k) => `<p>${'。'.repeat(k * 20)}</p>`,
  (_r, k) => '<div class="'.repeat(k),
  (_r, k) => '</span>'.repeat(k),
  (_r, k) => '<![CDATA['.repeat(k),
  (_r, k) => '<?xml '.repeat(k),
  (_r, k) => '<div style="display:none">'.repeat(k) + '<a href="http://spam.example/">免费领取</a>'.repeat(k),
  (_r, k) => '<svg><g/>'.repeat(k),
  (r, k) => `<${pick(r, TAGS)} id="${'x'.repeat(k)}" class='${pick(r, SPAM)} hidden'>`,
  (r, k) => Array.from({ length: k }, () => `<${pick(r, TAGS)}>`).join('') + pick(r, SPAM),
  (r, k) => Array.from({ length: k }, () => `</${pick(r, TAGS)}>`).join(''),
  (_r, k) => '&amp;&#x1F600;&#0;&unknown;'.repeat(k),
  (_r, k) => '\u0000\u0001\u200b\ufeff'.repeat(k),
  (r, k) => `<style>${'.a'.repeat(k)}{display:none}</style><div class="a">${pick(r, SPAM)}</div>`,
  (_r, k) => `<p>${'a'.repeat(k * 10)}</p>`,
  (r, k) => `<title>${pick(r, SPAM)}_${'|'.repeat(k)}</title>`,
  (_r, k) => `<table>${'<tr><td>'.repeat(k)}`,
  (_r, k) => '<select>' + '<option>'.repeat(k),
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

export interface Generated {
  seed: number;
  html: string;
}

/** A hostile page from its seed: 1-8 fragments, repeat counts from 1 to ~maxRepeat (log-uniform). */
export function hostilePage(seed: number, maxRepeat = 3000): Generated {
  const r = rng(seed);
  const parts: string[] = [];
  if (r() < 0.7) parts.push(`<html><head>${r() < 0.3 ? '<meta charset="gbk">' : ''}<title>t</title></head><body>`);
  const count = 1 + Math.floor(r() * 8);
  for (let i = 0; i < count; i++) {
    const k = Math.max(1, Math.floor(Math.exp(r() * Math.log(maxRepeat))));
    parts.push(pick(r, FRAGMENTS)(r, k));
    if (r() < 0.5) parts.push(`<p>新闻正文 ${pick(r, SPAM)} article text, ${i}.</p>`);
  }
  if (r() < 0.5) parts.push('</body></html>');
  return { seed, html: parts.join('') };
}

/** A real page mutated: '>' characters dropped, a hostile fragment spliced in, or the page cut short. */
export function mutatePage(html: string, seed: number): Generated {
  const r = rng(seed);
  let s = html;
  const ops = 1 + Math.floor(r() * 3);
  for (let i = 0; i < ops; i++) {
    const at = Math.floor(r() * s.length);
    const op = Math.floor(r() * 4);
    if (op === 0) {
      // drop every '>' in a window
      const end = Math.min(s.length, at + 2000 + Math.floor(r() * 20000));
      s = s.slice(0, at) + s.slice(at, end).replace(/>/g, '') + s.slice(end);
    } else if (op === 1) {
      s = s.slice(0, at) + pick(r, FRAGMENTS)(r, 1 + Math.floor(r() * 2000)) + s.slice(at);
    } else if (op === 2) {
      s = s.slice(0, Math.max(1, at));
    } else {
      // duplicate a window many times (deep repeats of real structure)
      const w = s.slice(at, at + 200 + Math.floor(r() * 800));
      s = s.slice(0, at) + w.repeat(1 + Math.floor(r() * 50)) + s.slice(at);
    }
  }
  return { seed, html: s };
}
