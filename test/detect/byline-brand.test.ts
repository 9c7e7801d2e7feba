// A casino brand put in a byline's name slot (来源：<brand>) stands where a publication's name belongs: it is cut where
// it stands, not the byline line around it. Real clean pages of ../shared/data with their byline's source replaced.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { inNameSlot, withSlotEdges } from '../../src/detect/slots.js';
import { sharedDataDir } from '../../src/util/paths.js';

const page = (rel: string) => gunzipSync(readFileSync(join(sharedDataDir(), 'gne-chinese-news', 'html', rel))).toString('utf8');

describe('a brand in a byline', () => {
  it('inNameSlot: right after a byline label or before a dateline, not elsewhere in the line', () => {
    const t = '2020-10-04 20:30 来源: 太阳城集团';
    expect(inNameSlot(t, t.indexOf('太阳城'))).toBe(true);
    expect(inNameSlot('By Lucky88 Casino', 3)).toBe(true);
    expect(inNameSlot('太阳城集团12月9日电（记者唐霁）法国9日', 0, 5)).toBe(true);
    expect(inNameSlot('太阳城集团发布公告', 0, 5)).toBe(false);
    expect(inNameSlot('市民在太阳城集团门口排队', 3, 8)).toBe(false);
    expect(inNameSlot('记者从警方获悉，太阳城集团涉嫌非法经营', 8, 13)).toBe(false);
    // an English label where a line starts, not "by" inside a sentence
    expect(inNameSlot('Home | By Lucky88 Casino', 10)).toBe(true);
    expect(inNameSlot('the fine was paid by Crown Casino, the regulator said', 21)).toBe(false);
  });
  // a reporter's name (（记者陈智 整合）) and a dateline's outlet (新华社巴黎12月9日电) replaced by a brand in the
  // article's first sentence: the byline's own reporting words (记者, 电) are no ham evidence against the name
  const slots: [string, string][] = [
    ['cjn/1.html.gz', '陈智'],
    ['xinhuanet/1.html.gz', '新华社巴黎'],
  ];
  for (const [rel, name] of slots) {
    const html = page(rel);
    for (const brand of ['太阳城集团', '皇冠体育']) {
      it(`${rel}: ${name} -> ${brand} in the article's byline is cut, the sentence stays`, () => {
        const at = html.lastIndexOf(name);
        const r = analyze(html.slice(0, at) + brand + html.slice(at + name.length));
        expect(r.findings.filter((x) => x.text.includes(brand.slice(0, 2))).map((x) => x.text)).toEqual([brand]);
        expect(r.cleanText).not.toContain(brand);
        const after = r.text.slice(r.text.indexOf(brand) + brand.length).slice(0, 12);
        expect(r.cleanText).toContain(after);
      });
    }
  }
  for (const rel of ['cjn/1.html.gz', 'cjddsb/1.html.gz']) {
    const html = page(rel);
    const m = /来源[：:]\s*([\u4e00-\u9fa5]{2,10})/.exec(html)!;
    it(`${rel}: the page as published is clean`, () => {
      expect(analyze(html).verdict).toBe('clean');
    });
    for (const brand of ['太阳城集团', '威尼斯人官网', '澳门新葡京']) {
      it(`${rel}: 来源：${brand} — the brand is cut, not the byline around it`, () => {
        const r = analyze(html.replace(m[0], m[0].replace(m[1], brand)));
        const f = r.findings.filter((x) => x.text.includes(brand.slice(0, 3)));
        expect(f.map((x) => x.text)).toEqual([brand]);
        expect(r.cleanText).not.toContain(brand);
        // the finding is the name slot's text alone: the label before it is left
        const f0 = r.findings.find((x) => x.text === brand)!;
        expect(r.text.slice(f0.start - 4, f0.start)).toMatch(/来源[：:]\s*$/u);
      });
    }
  }
  it('withSlotEdges: a span cut to the name its slot holds, the label and the next field left', () => {
    const t = '来源：金沙娱乐场 作者：医技药剂党支部';
    const a = { start: 3, end: 8 };
    expect(withSlotEdges(t, [{ start: 0, end: t.length }], [a])).toEqual([a]);
    // a brand rule's match that takes in the reporter label: the name starts after 记者, ends before ）
    const r = '（记者金沙娱乐场）今日';
    expect(withSlotEdges(r, [{ start: 1, end: 10 }], [{ start: 1, end: 8 }, { start: 3, end: 8 }])).toEqual([{ start: 3, end: 8 }]);
    // a dateline: the outlet ends where the date starts
    const d = '澳门新葡京2月29日电 2月28日，';
    expect(withSlotEdges(d, [{ start: 0, end: 6 }], [{ start: 0, end: 5 }])).toEqual([{ start: 0, end: 5 }]);
    // no slot: the span is left as it is
    expect(withSlotEdges('市民在太阳城集团门口排队', [{ start: 3, end: 10 }], [{ start: 3, end: 8 }])).toEqual([{ start: 3, end: 10 }]);
  });
  // a brand in a byline line with more fields than the source (来源：<brand> 作者：…), in a reporter slot before a
  // bracket (（记者 <brand>）今日) and as a dateline's outlet before its date: the name alone is cut. Each slot's first
  // copy in the page's body is replaced, where a reader sees it.
  const fields: [string, string, string, string][] = [
    ['zyyfy/1.html.gz', '来源：本站原创', '来源：{}', '作者：医技药剂党支部'],
    ['sina/2.html.gz', '记者 裴剑飞）', '记者 {}）', '）今日'],
    ['163/8.html.gz', '新华社北京2月29日电', '{}2月29日电', '2月28日'],
  ];
  for (const [rel, from, to, rest] of fields) {
    const html = page(rel);
    for (const brand of ['太阳城集团', '永利娱乐城']) {
      it(`${rel}: ${from} -> ${to.replace('{}', brand)}: the brand is cut, "${rest}" stays`, () => {
        const at = html.indexOf(from, html.indexOf('<body'));
        expect(at).toBeGreaterThan(0);
        const r = analyze(html.slice(0, at) + to.replace('{}', brand) + html.slice(at + from.length));
        expect(r.findings.filter((x) => x.text.includes(brand.slice(0, 3))).map((x) => x.text)).toEqual([brand]);
        expect(r.cleanText).not.toContain(brand);
        // the slot's next field is no part of any finding
        const k = r.text.indexOf(rest, r.text.indexOf(brand));
        expect(k).toBeGreaterThan(0);
        expect(r.findings.filter((x) => x.start < k + rest.length && x.end > k)).toEqual([]);
      });
    }
  }
});
