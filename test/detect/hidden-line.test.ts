// A short hidden line without links passes the page stage as legit UI (a caption, an "original title" line); a
// hidden line of several words that the classifier calls spam as confidently as a unit alone is not UI and is cut.
// Hidden captions and screen-reader lines stay. A hidden block whose links go to spam-looking hosts is hidden spam on
// those host names, whatever its words; so is a hidden list of links to several other sites under anchors that do
// not name them (a link farm in a 1 px <marquee>). The page is a real clean WSJ page of ../shared/data.
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { unitP } from '../../src/detect/classifier.js';
import { loadModel } from '../../src/detect/model.js';
import { HIDDEN_LINE_P, looksLikeCode, UNIT_ALONE_P } from '../../src/detect/detector.js';
import { sharedDataDir } from '../../src/util/paths.js';
import { firstInBand } from '../helpers/band.js';

const DIR = join(sharedDataDir(), 'scrapinghub-article-extraction-benchmark', 'html');
const withHidden = (line: string): string => {
  const html = gunzipSync(readFileSync(join(DIR, readdirSync(DIR).find((f) => f.startsWith('7ab16ade32386ece'))!))).toString('utf8');
  expect(html).toContain('</body>');
  return html.replace('</body>', `<div style="text-indent: -10000px; overflow: hidden;">${line}</div></body>`);
};

describe('a short hidden line', () => {
  const model = loadModel()!;
  it('that the classifier calls spam is cut as a hidden block', () => {
    const line = 'nonton film gratis sub indo streaming download terbaru';
    expect(unitP(line, model)).toBeGreaterThanOrEqual(UNIT_ALONE_P);
    const r = analyze(withHidden(line));
    expect(r.findings.filter((f) => f.text === line).map((f) => f.kind)).toEqual(['hidden-block']);
  });
  it('that the classifier calls spam under the bar of a unit alone, above HIDDEN_LINE_P, is cut too', () => {
    const line = firstInBand(
      [
        'mp3 gratis film terbaru sub indo apk mod terbaru drakor',
        'download film gratis sub indo terbaru apk mod',
        'streaming drakor sub indo gratis mp3 terbaru',
        'drakor sub indo gratis streaming apk mod terbaru',
      ],
      HIDDEN_LINE_P,
      UNIT_ALONE_P,
      '[HIDDEN_LINE_P, UNIT_ALONE_P)',
    );
    const r = analyze(withHidden(line));
    expect(r.verdict).toBe('contaminated');
    expect(r.findings.filter((f) => f.text === line).map((f) => f.kind)).toEqual(['hidden-block']);
  });
  it('a hidden line of code stays, whatever the classifier says of it (the highest clean hidden UI line of the shared pages)', () => {
    const line = 'install.packages("ggplot2") # Install ggplot2 library("ggplot2") # Load ggplot2';
    expect(looksLikeCode(line)).toBe(true);
    expect(analyze(withHidden(line)).findings).toEqual([]);
    // code is calls on literals and assignment arrows, not a keyword list's words
    expect(looksLikeCode('x <- c(1, 2) # two numbers; plot(x)')).toBe(true);
    expect(looksLikeCode('mp3 gratis film terbaru sub indo apk mod terbaru drakor')).toBe(false);
    expect(looksLikeCode('Photo (Reuters) / John Smith (2019) for the newspaper')).toBe(false);
  });
  it('a hidden caption or screen-reader line stays', () => {
    for (const line of ['Photo: Reuters / John Smith for the newspaper', 'Skip to main content and read the latest news']) {
      const r = analyze(withHidden(line));
      expect(r.findings.filter((f) => f.text.includes(line.slice(0, 12))), line).toEqual([]);
    }
  });
});

describe('a hidden block of links to spam-looking hosts', () => {
  const links = (hosts: string[]) => hosts.map((h, i) => `<a href="http://${h}/">offer ${i + 1}</a>`).join(' ');
  it('is hidden spam on its hosts alone, whatever its words (the classifier does not know them)', () => {
    const text = 'exclusive deals this week only for members';
    const r = analyze(withHidden(`${text} ${links(['www.luckyzone.club', 'www.rxfu425.site', 'www.maxwin7.top'])}`));
    const f = r.findings.filter((x) => x.text.startsWith(text));
    expect(f.map((x) => x.kind)).toEqual(['hidden-block']);
    expect(f[0].rules.map((h) => h.rule)).toEqual(expect.arrayContaining(['STRUCT_SPAM_LINK_HOSTS', 'STRUCT_HIDDEN_TEXT']));
  });
  it('a hidden menu of links to ordinary sites stays', () => {
    const text = 'More from our partners and sister sites';
    const r = analyze(withHidden(`${text} ${links(['www.marketwatch.com', 'www.barrons.com', 'www.nytimes.com'])}`));
    expect(r.findings.filter((x) => x.text.startsWith(text))).toEqual([]);
  });
});

describe('a hidden list of links to other sites', () => {
  const anchors = ['emergency plumber', 'cheap flights london', 'dental implants cost', 'car insurance quotes', 'best seo services'];
  const hosts = ['www.rapidfix-services.com', 'cheapfly-deals.net', 'smile-clinic24.org', 'quotefinder.co.uk', 'rankup-agency.com'];
  const farm = (n: number) => anchors.slice(0, n).map((a, i) => `<a href="http://${hosts[i]}/">${a}</a>`).join(' ');
  const withMarquee = (inner: string): string => withHidden('').replace('<div style="text-indent: -10000px; overflow: hidden;"></div>', `<marquee width="1" height="1">${inner}</marquee>`);

  it('is a hidden link farm whatever its words: keyword anchors to four sites and more, in a 1 px marquee', () => {
    const r = analyze(withMarquee(farm(5)));
    const f = r.findings.filter((x) => x.text.startsWith('emergency plumber'));
    expect(f.map((x) => x.kind)).toEqual(['hidden-block']);
    expect(f[0].rules.map((h) => h.rule)).toEqual(expect.arrayContaining(['STRUCT_HIDDEN_LINK_LIST', 'STRUCT_HIDDEN_TEXT']));
    expect(r.cleanText).not.toContain('dental implants');
  });
  it('three such links, share buttons that name their sites, or the same list visible stay', () => {
    expect(analyze(withMarquee(farm(3))).findings.filter((x) => x.text.includes('plumber'))).toEqual([]);
    const share = ['Facebook', 'Twitter', 'LinkedIn', 'Reddit', 'Pinterest'].map((n) => `<a href="https://www.${n.toLowerCase()}.com/share">${n}</a>`).join(' ');
    expect(analyze(withMarquee(share)).findings.filter((x) => x.text.includes('Facebook'))).toEqual([]);
    const visible = withHidden('').replace('<div style="text-indent: -10000px; overflow: hidden;"></div>', `<p>Partners: ${farm(5)}</p>`);
    expect(analyze(visible).findings.filter((x) => x.rules.some((h) => h.rule === 'STRUCT_HIDDEN_LINK_LIST'))).toEqual([]);
  });
});
