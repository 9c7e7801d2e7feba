/**
 * Where the trafilatura-eval snippets go wrong, for work on the page stage: each must-keep snippet missing from
 * cleanText, by where it sits in the page (a block the page stage put in the boilerplate, a hidden one, or no block at
 * all: text a script writes), and each page's must-keep lost and must-drop kept. With `--page <part of its URL>`, the
 * chain of elements above the first lost snippet's block, with what the page stage read from each (unlikely and
 * furniture names, class weight, hiding) and the container main content selection chose.
 *
 *   npx tsx dev/eval/snippet-misses.ts > /tmp/misses.tsv        npx tsx dev/eval/snippet-misses.ts --page blog.teufel.de
 */
import { parseArgs } from 'node:util';
import { trafilaturaPages, type SnippetPage } from './data.js';
import { searchText, snippetLoss, stripWhitespace } from './metrics.js';
import { analyze } from '../../src/analyze.js';
import { buildPage, decode } from '../../src/page/index.js';
import { walkHtml } from '../../src/page/walk.js';
import { selectMain } from '../../src/page/main-content.js';
import { httpUrlOrNone } from '../../src/util/url.js';

const { values } = parseArgs({ options: { page: { type: 'string' } } });

function lostSnippets(p: SnippetPage): { lost: string[]; keptDrop: number } {
  // as the evaluation runs it (the snippet set keys some pages by a name, not a URL)
  const clean = stripWhitespace(analyze(p.bytes, { url: httpUrlOrNone(p.url), input: p.url }).cleanText);
  const { lost, kept } = snippetLoss(clean, p.with, p.without);
  return { lost, keptDrop: kept.length };
}

if (values.page) {
  const p = trafilaturaPages().find((x) => x.url.includes(values.page!));
  if (!p) {
    process.stderr.write(`snippet-misses: no trafilatura-eval page whose URL holds "${values.page}"\n`);
    process.exit(2);
  }
  const { lost } = lostSnippets(p);
  console.log(`${p.url}\nlost: ${JSON.stringify(lost)}`);
  const w = walkHtml(decode(p.bytes).html);
  const m = selectMain(w.els, w.blocks, new Set());
  const desc = (e: number): string => {
    const x = w.els[e];
    const marks = [x.unlikely ? 'unlikely' : '', x.junkAnc === e ? 'furniture' : '', x.hidden ? `hidden:${x.hidden}` : '', e === m.top ? '<== chosen' : ''];
    return `${x.tag}[${x.names.slice(0, 60)}] weight ${x.classWeight} ${marks.filter(Boolean).join(' ')}`;
  };
  const b = lost.length ? w.blocks.find((x) => stripWhitespace(x.text).includes(stripWhitespace(lost[0]).slice(0, 20))) : undefined;
  if (!b) console.log(lost.length ? 'the first lost snippet is in no block (text a script writes, or split across blocks)' : 'nothing lost');
  else for (let e = b.el; e > 0; e = w.els[e].parent) console.log('  ' + desc(e));
  if (m.top >= 0) console.log(`chosen: ${desc(m.top)}`);
} else {
  const causes: Record<string, number> = {};
  let lostAll = 0;
  let keptAll = 0;
  for (const p of trafilaturaPages()) {
    const { lost, keptDrop } = lostSnippets(p);
    keptAll += keptDrop;
    if (lost.length === 0 && keptDrop === 0) continue;
    const page = buildPage(decode(p.bytes).html, { url: httpUrlOrNone(p.url) });
    const st = searchText(page.text);
    const where = lost.map((w) => {
      const k = st.stripped.indexOf(stripWhitespace(w));
      const blk = k >= 0 ? page.blocks.find((x) => x.start <= st.pos[k] && st.pos[k] < x.end) : undefined;
      return blk ? blk.region : 'no block';
    });
    for (const c of where) causes[c] = (causes[c] ?? 0) + 1;
    lostAll += lost.length;
    console.log([lost.length, keptDrop, p.url, where.join(',')].join('\t'));
  }
  console.log(`# must-keep lost ${lostAll} (${Object.entries(causes).map(([k, v]) => `${k} ${v}`).join(', ')}); must-drop kept ${keptAll}`);
}
