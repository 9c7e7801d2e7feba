/**
 * Diagnostics for one page of ../shared/data/spam-pages: every candidate unit with its points, spam evidence and
 * rule hits, threshold not applied.
 *
 *   npx tsx dev/spam-pages/cands.ts <page id> [min points]
 *   npx tsx dev/spam-pages/cands.ts /path/to/page.html [min points]
 *
 * A corpus dev item's id (it holds '#': "scrapinghub:c81e134ed49902bc#inj1") is read from the corpus dev split instead,
 * with its gold spans listed first. Never the test split.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/analyze.js';
import { decode, buildPage } from '../../src/page/index.js';
import { candidates } from '../../src/detect/index.js';
import { loadRules } from '../../src/detect/rules/index.js';
import { loadModel } from '../../src/detect/model.js';
import { loadSplit } from '../corpus/index.js';

const id = process.argv[2];
if (!id) {
  console.error('usage: cands.ts <page id> [min points]');
  process.exit(2);
}
const min = Number(process.argv[3] ?? '-99');
const root = join(import.meta.dirname, '..', '..');
function corpusItem(itemId: string): Buffer {
  const item = loadSplit('dev').find((it) => it.id === itemId);
  if (!item) {
    console.error(`cands.ts: no corpus dev item "${itemId}"`);
    process.exit(2);
  }
  for (const g of item.gold) console.log(`GOLD ${g.kind} ${g.where ?? ''}: "${g.text.slice(0, 100)}"`);
  return Buffer.from(item.html);
}
const html = id.includes('#') ? corpusItem(id) : id.startsWith('/') ? readFileSync(id) : readFileSync(join(root, '..', 'shared', 'data', 'spam-pages', 'pages', `${id}.html`));
analyze(html, {}); // feeds the segmenter the rule terms, as a real run does
const page = buildPage(decode(html).html, {});
console.log('TITLE:', page.blocks[0]?.text);
for (const c of candidates(page, { rules: loadRules(), model: loadModel() })) {
  if (c.points < min) continue;
  console.log(`${c.kind} ${c.points.toFixed(2)} ev=${c.evidence.toFixed(2)} "${page.text.slice(c.start, c.end).slice(0, 70)}"`);
  console.log('    ' + c.rules.map((h) => `${h.rule}:${h.points.toFixed(2)}${process.env.EV && h.evidence ? `[${h.evidence.slice(0, 30)}]` : ''}`).join(' '));
}
