// A finding in the <title> text the headline leaves out is reported as "in the <title>", with its own part of the
// <title> as context: that text follows the page's last block in the result's text, and the footer before it is no
// context of it. A real GNE page (its headline is its h1) with a keyword put into its <title>.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { formatReport, PLAIN } from '../../src/cli/report-text.js';
import { sharedDataDir } from '../../src/util/paths.js';

describe('readable report of a <title> finding', () => {
  it('names the <title> and keeps the context inside it', () => {
    const html = gunzipSync(readFileSync(join(sharedDataDir(), 'gne-chinese-news/html/hexun/1.html.gz'))).toString('utf8');
    const r = analyze(html.replace(/<\/title>/i, ' - 在线配资平台</title>'));
    const f = r.findings.find((x) => x.text === '在线配资平台');
    expect(f?.where).toBe('title');
    const text = formatReport(r, PLAIN);
    expect(text).toContain('title affix in the <title>');
    const context = text.split('\n').find((l) => l.includes('context:'))!;
    expect(context).toContain('[在线配资平台]');
    expect(context).toContain('和讯网');
    // the page's last block (its footer) stands before the <title>'s parts in the text, and is no context of them
    const footer = r.text.slice(0, r.text.lastIndexOf('\n', f!.start)).split('\n').pop()!;
    expect(footer.length).toBeGreaterThan(0);
    expect(context).not.toContain(footer.slice(-6));
  });
});
