// Precision on every staged real page: strong rules (>= 3 points) fire only on the two pages that really carry
// injected spam (spam-in-the-wild/manifest.json), never on the ~1,300 legit news/blog/gov pages.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadRules, matchText } from '../../src/detect/rules/index.js';
import type { Lang } from '../../src/text/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = join(ROOT, '..', 'shared', 'data');
/** points at which a single rule is strong evidence on its own */
const STRONG = 3;

function pages(): string[] {
  const out: string[] = [];
  const add = (dir: string) => {
    for (const f of readdirSync(join(DATA, dir))) out.push(join(dir, f));
  };
  add('trafilatura-eval/eval');
  add('trafilatura-eval/cache');
  add('scrapinghub-article-extraction-benchmark/html');
  add('chinese-web-content-extraction/original');
  for (const site of readdirSync(join(DATA, 'gne-chinese-news/html'))) add(join('gne-chinese-news/html', site));
  return out;
}

/** Crude visible text: scripts, styles and comments dropped, every tag a line break. */
function textOf(file: string): string {
  let buf = readFileSync(join(DATA, file));
  if (file.endsWith('.gz')) buf = gunzipSync(buf);
  let html = buf.toString('utf8');
  if (html.includes('\ufffd')) html = new TextDecoder('gb18030').decode(buf);
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<!--[\s\S]*?-->/gi, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&nbsp;/g, ' ');
}

describe('strong rules on real pages', () => {
  it('fire on the two injected pages only', () => {
    const manifest = JSON.parse(readFileSync(join(DATA, 'spam-in-the-wild/manifest.json'), 'utf8')) as { real_injected_spam: { file: string }[] };
    const injected = new Set(manifest.real_injected_spam.map((e) => e.file));
    const rules = loadRules();
    const firing = new Map<string, string[]>();
    const all = pages();
    expect(all.length).toBeGreaterThan(1200);
    for (const file of all) {
      const text = textOf(file);
      const lang: Lang = /[\u3040-\u30ff]/.test(text) ? 'ja' : /[\u4e00-\u9fff]{20}/.test(text) ? 'zh' : 'en';
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        for (const m of matchText(rules, line, { lang, where: 'body' })) {
          if (m.rule.score >= STRONG) firing.set(file, [...(firing.get(file) ?? []), `${m.rule.id}:${m.evidence}`]);
        }
      }
    }
    expect([...firing.keys()].sort()).toEqual([...injected].sort());
    for (const f of injected) expect(firing.get(f)!.length).toBeGreaterThanOrEqual(5);
  });
});
