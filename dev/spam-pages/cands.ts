/**
 * Diagnostics for one page of ../shared/data/spam-pages: every candidate unit with its points, spam evidence and
 * rule hits, threshold not applied.
 *
 *   npx tsx dev/spam-pages/cands.ts <page id> [min points]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/analyze.js';
import { decode, buildPage } from '../../src/page/index.js';
import { candidates } from '../../src/detect/index.js';
import { loadRules } from '../../src/detect/rules/index.js';
import { loadModel } from '../../src/detect/model.js';

const id = process.argv[2];
if (!id) {
  console.error('usage: cands.ts <page id> [min points]');
  process.exit(2);
}
const min = Number(process.argv[3] ?? '-99');
const root = join(import.meta.dirname, '..', '..');
const html = readFileSync(join(root, '..', 'shared', 'data', 'spam-pages', 'pages', `${id}.html`));
analyze(html, {}); // feeds the segmenter the rule terms, as a real run does
const page = buildPage(decode(html).html, {});
console.log('TITLE:', page.blocks[0]?.text);
for (const c of candidates(page, { rules: loadRules(), model: loadModel() })) {
  if (c.points < min) continue;
  console.log(`${c.kind} ${c.points.toFixed(2)} ev=${c.evidence.toFixed(2)} "${page.text.slice(c.start, c.end).slice(0, 70)}"`);
  console.log('    ' + c.rules.map((h) => `${h.rule}:${h.points.toFixed(2)}${process.env.EV && h.evidence ? `[${h.evidence.slice(0, 30)}]` : ''}`).join(' '));
}
