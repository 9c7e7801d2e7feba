// A one-sentence block the classifier calls spam is cut whole (a promo line), unless its rule matches locate the spam
// and the rest reads as news without them: a real news headline with a margin-lending platform spliced into a word
// keeps its words. A keyword line stays a whole promo line. The page is a real clean GNE news page of ../shared/data.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { sharedDataDir } from '../../src/util/paths.js';

const LINE = '【证券时报网】A股三大股指集体回调：创业板指跌近3% 银行股逆市走强<br>';
const page = (line: string): string => {
  const html = gunzipSync(readFileSync(join(sharedDataDir(), 'gne-chinese-news/html/xds/1.html.gz'))).toString('utf8');
  expect(html).toContain(LINE);
  return html.replace(LINE, line);
};

describe('a one-sentence block with located spam', () => {
  it('a headline with a platform spliced into a word loses the platform, not the headline', () => {
    const r = analyze(page(LINE.replace('银行股', '银靠谱的配资平台-鼎盛金融行股')));
    expect(r.findings.some((f) => f.text.includes('鼎盛金融'))).toBe(true);
    for (const f of r.findings) expect(f.text).not.toContain('创业板指');
    expect(r.cleanText).toContain('A股三大股指集体回调：创业板指跌近3%');
    expect(r.cleanText).not.toContain('配资平台');
  });

  it('a line of lottery keywords is still cut whole', () => {
    const r = analyze(page(`${LINE}足球彩票,体育彩票,竞彩网,时时彩,六合彩,快三,彩票合买,重庆时时彩<br>`));
    expect(r.findings.map((f) => [f.kind, f.text])).toContainEqual(['promo-line', '足球彩票,体育彩票,竞彩网,时时彩,六合彩,快三,彩票合买,重庆时时彩']);
  });
});
