import { describe, expect, it } from 'vitest';
import { clauses, sentences, type Span } from '../../src/text/index.js';
import { readSeed, scrapinghubGold } from './data.js';

const texts = (s: string, spans: Span[]) => spans.map((p) => s.slice(p.start, p.end));

/** Spans are ordered, disjoint, non-empty, trimmed, and together hold every non-space char of s. */
function checkSpans(s: string, spans: Span[]): void {
  const bad: string[] = [];
  let prev = 0;
  let covered = 0;
  for (const p of spans) {
    const t = s.slice(p.start, p.end);
    if (p.start < prev || p.end <= p.start) bad.push(`order ${p.start}-${p.end}`);
    if (/^\s|\s$/.test(t)) bad.push(`untrimmed "${t.slice(0, 20)}"`);
    covered += t.replace(/\s/g, '').length;
    prev = p.end;
  }
  expect(bad.slice(0, 5)).toEqual([]);
  expect(covered).toBe(s.replace(/\s/g, '').length);
}

describe('sentences', () => {
  it('cuts the seed at 。？！ and newlines; list numbers and closing quotes stay in the sentence', () => {
    const seed = readSeed();
    const sp = sentences(seed);
    checkSpans(seed, sp);
    const t = texts(seed, sp);
    expect(t).toContain('1. 富途证券:提供低费用的股票配资服务,支持港股和美股。');
    expect(t).toContain('海量资讯、精准解读,尽在新浪财经APP');
    expect(t).toContain('黄强:习近平总书记指出,制造业的核心就是创新,就是掌握关键核心技术。');
    // no sentence crosses a line
    expect(t.every((x) => !x.includes('\n'))).toBe(true);
    // an end mark is only ever followed by more end marks or closing quotes inside a sentence
    expect(t.filter((x) => /[。？！?][^。？！?…”’」』）)]/.test(x))).toEqual([]);
    const q = '他说：“这是真的。”然后离开了！你信吗？';
    expect(texts(q, sentences(q))).toEqual(['他说：“这是真的。”', '然后离开了！', '你信吗？']);
    const e = '等一下……好的。。真的?!是';
    expect(texts(e, sentences(e))).toEqual(['等一下……', '好的。。', '真的?!', '是']);
  });

  it('English: abbreviations, initials, decimals and domains do not end a sentence', () => {
    const s =
      'Mr. Smith met Dr. Jones in the U.S. capital on Tuesday. They paid $3.50 at example.com, e.g. for No. 5 tickets. ' +
      'J. K. Rowling was there! Was it fun? "Yes." Then it rained... and stopped. Then it rained… and stopped…';
    expect(texts(s, sentences(s))).toEqual([
      'Mr. Smith met Dr. Jones in the U.S. capital on Tuesday.',
      'They paid $3.50 at example.com, e.g. for No. 5 tickets.',
      'J. K. Rowling was there!',
      'Was it fun?',
      '"Yes."',
      'Then it rained... and stopped.',
      'Then it rained… and stopped…',
    ]);
    expect(texts('No. I will not.', sentences('No. I will not.'))).toEqual(['No.', 'I will not.']);
  });

  it('on English gold bodies: spans cover the text and never cut after Mr./Dr./e.g. or inside a number', () => {
    const gold = Object.values(scrapinghubGold()).filter((g) => /^[\x00-\x7f’“”—–‘…é]*$/.test(g.articleBody.slice(0, 2000)));
    expect(gold.length).toBeGreaterThan(60);
    let n = 0;
    let chars = 0;
    const bad: string[] = [];
    for (const g of gold) {
      const s = g.articleBody;
      const sp = sentences(s);
      checkSpans(s, sp);
      for (const t of texts(s, sp)) {
        if (/\b(Mr|Mrs|Dr|Prof|e\.g|i\.e)\.$/.test(t)) bad.push(t);
        n++;
        chars += t.length;
      }
      for (const p of sp) if (/\d\.$/.test(s.slice(p.end - 2, p.end)) && /^\d/.test(s.slice(p.end, p.end + 1))) bad.push(s.slice(p.start, p.end + 3));
    }
    expect(bad).toEqual([]);
    // English news sentences average roughly 60-200 chars
    expect(chars / n).toBeGreaterThan(60);
    expect(chars / n).toBeLessThan(200);
  });

  it('no empty spans for empty or blank input', () => {
    expect(sentences('')).toEqual([]);
    expect(sentences(' \n\n \u3000 ')).toEqual([]);
    expect(clauses('')).toEqual([]);
  });
});

describe('clauses', () => {
  it('cuts seed sentences at ，,、：: and brackets, inside sentence bounds', () => {
    const seed = readSeed();
    const sents = sentences(seed);
    const cl = clauses(seed);
    checkSpans(seed, cl);
    expect(cl.length).toBeGreaterThan(sents.length * 2);
    // each clause lies inside one sentence
    let k = 0;
    for (const c of cl) {
      while (sents[k].end < c.end) k++;
      expect(c.start >= sents[k].start && c.end <= sents[k].end).toBe(true);
    }
    const t = texts(seed, cl);
    expect(t).toContain('1. 富途证券:');
    expect(t).toContain('提供低费用的股票配资服务,');
    expect(t).toContain('支持港股和美股。');
    expect(t).toContain('推动全身智能、');
  });

  it('Chinese brackets and dashes; ASCII , and : inside numbers, times and URLs do not cut', () => {
    const s = '深圳新闻网讯（记者 徐松）今年——据统计——增长1,000家，时间10:40，详见http://example.com/a。';
    expect(texts(s, clauses(s))).toEqual([
      '深圳新闻网讯',
      '（记者 徐松）',
      '今年——',
      '据统计——',
      '增长1,000家，',
      '时间10:40，',
      '详见http://example.com/a。',
    ]);
    const e = 'Prices rose 3.5% in 1990–2000, he said: "too much" -- and left; nobody (not even me) cared.';
    expect(texts(e, clauses(e))).toEqual([
      'Prices rose 3.5% in 1990–2000,',
      'he said:',
      '"too much" --',
      'and left;',
      'nobody',
      '(not even me)',
      'cared.',
    ]);
  });
});
