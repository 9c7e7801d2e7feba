// A spam site's name with no spam words of its own is named by a short line outside the article whose words are spam
// ("<name>(www.….club)提供股票配资" in its footer): that line's evidence is the name's, so the name is cut wherever the
// page shows it (the header logo), not only the line. The page is a real clean Chinese finance page of ../shared/data
// (gne xds/1) with its image logo replaced by a text logo, as a site that copies the page shows its own name.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { sharedDataDir } from '../../src/util/paths.js';

const source = (): string => gunzipSync(readFileSync(join(sharedDataDir(), 'gne-chinese-news', 'html', 'xds', '1.html.gz'))).toString('utf8');
const LOGO_IMG = /<img class="logo"[^>]*>/;
const rebranded = (name: string, footer: string): string => {
  const html = source();
  expect(html).toMatch(LOGO_IMG);
  return html.replace(LOGO_IMG, `<span class="logo">${name}</span>`).replace('</body>', `<div class="footer"><p>${footer}</p></div></body>`);
};

describe("a line naming the site lends its spam evidence to the site's name", () => {
  it('the logo and the line are both the spam site branding', () => {
    const r = analyze(rebranded('天天财经', '天天财经(www.ttcj.club)提供股票配资'));
    const branding = r.findings.filter((f) => f.kind === 'site-branding').map((f) => f.text);
    expect(branding).toContain('天天财经');
    expect(branding).toContain('天天财经(www.ttcj.club)提供股票配资');
    const logo = r.findings.find((f) => f.text === '天天财经')!;
    expect(logo.rules.map((h) => h.rule)).toContain('ZH_MARGIN_LENDING_STRONG');
    expect(logo.rules.find((h) => h.rule === 'ZH_MARGIN_LENDING_STRONG')!.evidence).toMatch(/a line naming the site/);
  });
  it('a footer line naming the site without spam words keeps the name and the line', () => {
    expect(analyze(source()).findings).toEqual([]);
    const r = analyze(rebranded('天天财经', '天天财经(www.ttcj.com)版权所有'));
    expect(r.findings).toEqual([]);
  });
});
