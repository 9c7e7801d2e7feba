// A plug spliced inside a name in a headline is cut to where the headline rejoins the article's own words: the token
// head tags the plug's spam words, the made-up rest of it reads as words too and stayed in the name.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { rejoinedEdges } from '../../src/detect/structural.js';
import { DISGUISE_INSIDE, spamPages, spamPagesDisguised } from '../../dev/eval/real-pages.js';

describe('rejoinedEdges', () => {
  const title = '港中大新任校长卢煜澳彩期期准凤凰艺术明谈大学未来发展五大策略';
  const from = title.indexOf('澳');
  const to = title.indexOf('凤');
  const body = ['卢煜明表示,未来,港中大会文理并重。', '卢煜明指出,未来港中大将朝着五大方向发展。'];
  it('moves the end over characters the article never uses to where the name goes on', () => {
    const r = rejoinedEdges(title, from, to, body);
    expect(title.slice(r.from, r.to)).toBe('澳彩期期准凤凰艺术');
  });
  it('moves the start back the same way when the tagged words end the plug', () => {
    const t = '港中大新任校长卢煜凤凰艺术澳彩期期准明谈大学';
    const r = rejoinedEdges(t, t.indexOf('澳'), t.indexOf('明'), body);
    expect(t.slice(r.from, r.to)).toBe('凤凰艺术澳彩期期准');
  });
  it('moves nothing when the cut rejoins already, when nothing rejoins, or outside a Han word run', () => {
    const exact = '校长卢煜澳彩期期准明谈';
    expect(rejoinedEdges(exact, exact.indexOf('澳'), exact.indexOf('明'), body)).toEqual({ from: exact.indexOf('澳'), to: exact.indexOf('明') });
    expect(rejoinedEdges(title, from, to, ['这篇文章不提校长的名字。'])).toEqual({ from, to });
    const latin = 'Rector Tuan casino888 spoke';
    expect(rejoinedEdges(latin, 12, 21, ['tuan spoke'])).toEqual({ from: 12, to: 21 });
  });
  it('does not move over characters the article itself uses', () => {
    const r = rejoinedEdges(title, from, to, [...body, '凤凰艺术中心今日开幕。']);
    expect(r).toEqual({ from, to });
  });
});

describe('a real headline with a lottery plug spliced into the president\'s name', () => {
  const id = 'zh-hnxfqy-aocai-title-splice';
  const page = spamPages('dev').find((p) => p.label.id === id)!;
  it('the plain page: the name reads whole again', () => {
    const r = analyze(page.html, { input: id, url: page.label.source });
    expect(r.cleanTitle).toContain('卢煜明谈大学未来发展五大策略');
  });
  for (const d of Object.keys(DISGUISE_INSIDE) as (keyof typeof DISGUISE_INSIDE)[]) {
    it(`its spam ${d}: the name reads whole again`, () => {
      const { label, html } = spamPagesDisguised('dev', d).find((p) => p.label.id === id)!;
      const r = analyze(html, { input: id, url: label.source });
      expect(r.cleanTitle.replace(/\s+/g, '')).toContain('卢煜明谈大学未来发展五大策略');
    });
  }
});
