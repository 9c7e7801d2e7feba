/**
 * Fits the rule scores on the synthetic TRAIN split: every candidate unit the detector builds is labelled by the
 * gold injected spans (spam when half its characters are injected), and a logistic regression over the rules that
 * fired (each rule's feature = how many times it counts in the unit: 1, plus REPEAT_SHARE per repeat) is fitted
 * with an L2 prior that pulls every weight toward today's hand score in rules/scores.yaml. Detector votes
 * (CLASSIFIER, ON_TOPIC, OFF_TOPIC, QUOTED, RECURRING) stay fixed offsets. Prints a table of hand vs fitted
 * scores for review; with --out writes the proposed scores file there (rules/scores.yaml is edited by hand).
 *
 *   npx tsx dev/scores/fit.ts [--limit N] [--lambda 0.5] [--out /tmp/scores.yaml]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadSplit } from '../corpus/index.js';
import { buildPage, decode } from '../../src/page/index.js';
import { candidates } from '../../src/detect/index.js';
import { loadRules } from '../../src/detect/rules/index.js';
import { loadModel } from '../../src/detect/model.js';
import { feedSegmenter } from '../../src/analyze.js';
import { REQUIRED_POINTS, SCORE_SCALE, DETECTOR_VOTES } from '../../src/detect/scoring.js';

const { values } = parseArgs({ options: { limit: { type: 'string' }, lambda: { type: 'string', default: '0.5' }, out: { type: 'string' }, epochs: { type: 'string', default: '300' } } });
const lambda = Number(values.lambda);
const rules = loadRules();
feedSegmenter(rules);
const model = loadModel();
const hand = new Map(rules.rules.map((r) => [r.id, r.score]));

interface Row {
  x: Map<string, number>;
  offset: number;
  y: number;
}
const rows: Row[] = [];
const items = loadSplit('train', values.limit ? { limit: Number(values.limit) } : undefined);
for (const item of items) {
  const page = buildPage(decode(item.html).html);
  const gold: [number, number][] = [];
  for (const g of item.gold) {
    let from = 0;
    for (;;) {
      const i = page.text.indexOf(g.text, from);
      if (i < 0) break;
      gold.push([i, i + g.text.length]);
      from = i + g.text.length;
    }
  }
  for (const c of candidates(page, { rules, model })) {
    let injected = 0;
    for (const [s, e] of gold) injected += Math.max(0, Math.min(e, c.end) - Math.max(s, c.start));
    const y = injected * 2 >= c.end - c.start ? 1 : 0;
    const x = new Map<string, number>();
    let offset = 0;
    for (const h of c.rules) {
      const w = hand.get(h.rule);
      if (DETECTOR_VOTES.has(h.rule) || w === undefined || w === 0) offset += h.points;
      else x.set(h.rule, (x.get(h.rule) ?? 0) + h.points / w);
    }
    if (x.size) rows.push({ x, offset, y });
  }
}

const w = new Map(hand);
const rate = 0.05;
const epochs = Number(values.epochs);
for (let ep = 0; ep < epochs; ep++) {
  const grad = new Map<string, number>();
  for (const r of rows) {
    let z = r.offset - REQUIRED_POINTS;
    for (const [k, v] of r.x) z += w.get(k)! * v;
    const p = 1 / (1 + Math.exp(-z / SCORE_SCALE));
    const g = (p - r.y) / SCORE_SCALE;
    for (const [k, v] of r.x) grad.set(k, (grad.get(k) ?? 0) + g * v);
  }
  for (const [k, g] of grad) {
    const prior = 2 * lambda * (w.get(k)! - hand.get(k)!);
    w.set(k, Math.max(-10, Math.min(10, w.get(k)! - (rate * (g + prior)) / Math.max(1, rows.length / 100))));
  }
}

const seen = new Map<string, number>();
for (const r of rows) for (const k of r.x.keys()) seen.set(k, (seen.get(k) ?? 0) + 1);
console.log(`train items ${items.length}, candidate units ${rows.length} (${rows.filter((r) => r.y).length} spam), lambda ${lambda}`);
console.log('rule | hand | fitted | units');
for (const r of rules.rules) {
  const n = seen.get(r.id) ?? 0;
  const f = w.get(r.id)!;
  if (n) console.log(`${r.id} | ${r.score} | ${f.toFixed(2)}${Math.abs(f - r.score) >= 0.5 ? ' *' : ''} | ${n}`);
}
if (values.out) {
  const lines = ['scores:', ...rules.rules.map((r) => `  ${r.id}: ${Math.round((w.get(r.id) ?? r.score) * 10) / 10}`)];
  writeFileSync(values.out, lines.join('\n') + '\n');
  console.log(`proposed scores written to ${values.out}`);
}
