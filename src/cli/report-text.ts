// Human-readable scan report (SpamAssassin-like: points, rule, description, evidence). Identical findings are
// grouped (one entry, every position, the words around the first one); a rule that fired several times in a
// finding is one row with its count; text served only to crawlers is named as cloaked text.
import type { AnalyzeResult } from '../result.js';
import type { Finding } from '../detect/types.js';

export interface Style {
  bold(s: string): string;
  red(s: string): string;
  green(s: string): string;
  dim(s: string): string;
}

const ansi = (code: number) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
export const COLOR: Style = { bold: ansi(1), red: ansi(31), green: ansi(32), dim: ansi(2) };
const id = (s: string) => s;
export const PLAIN: Style = { bold: id, red: id, green: id, dim: id };

/** Longest evidence/finding text shown before it is cut with an ellipsis. */
const SHOW_CHARS = 120;
/** Characters of the page text shown on each side of a finding. */
const CONTEXT_CHARS = 30;
/** Positions listed for a group before "…". */
const SHOW_POSITIONS = 8;
const flat = (s: string) => s.replace(/\s+/g, ' ');
const cut = (s: string) => (s.length > SHOW_CHARS ? `${s.slice(0, SHOW_CHARS)}…` : s);

/** The rule that marks text served only to crawlers (src/detect/cloaking.ts). */
const CLOAKING_RULE = 'CLOAKING';

export interface FindingGroup {
  finding: Finding;
  /** start offsets of every finding with this text and kind, in page order */
  starts: number[];
}

/** Findings with the same text and kind as one group, in order of first appearance. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    const key = `${f.kind}\u0000${flat(f.text).trim()}`;
    const g = groups.get(key);
    if (g) g.starts.push(f.start);
    else groups.set(key, { finding: f, starts: [f.start] });
  }
  return [...groups.values()];
}

/** A rule's hits in one finding as one row: points summed, count, distinct evidence. */
export function ruleRows(f: Finding): Array<{ rule: string; points: number; count: number; description: string; evidence: string[] }> {
  const rows = new Map<string, { rule: string; points: number; count: number; description: string; evidence: string[] }>();
  for (const h of f.rules) {
    const row = rows.get(h.rule) ?? { rule: h.rule, points: 0, count: 0, description: h.description, evidence: [] };
    row.points += h.points;
    row.count++;
    const ev = flat(h.evidence ?? '').trim();
    if (ev && ev !== flat(f.text).trim() && !row.evidence.includes(ev)) row.evidence.push(ev);
    rows.set(h.rule, row);
  }
  return [...rows.values()];
}

/** "margin-lending · spliced phrase in the body", or "cloaked text served only to Googlebot". */
function what(f: Finding): string {
  const cloak = f.rules.find((h) => h.rule === CLOAKING_RULE);
  if (cloak) return `${f.category} · cloaked text (${cloak.description})`;
  return `${f.category} · ${f.kind.replace(/-/g, ' ')} in the ${f.where === 'boilerplate' ? 'page furniture' : inHeadTitle(f) ? '<title>' : f.where}`;
}

/** A finding in the <title> text the headline leaves out (the page's region-title blocks after block 0). */
const inHeadTitle = (f: Finding): boolean => f.where === 'title' && f.blockId > 0;

function context(r: AnalyzeResult, f: Finding, st: Style): string | undefined {
  if (f.blockId < 0 || f.end > r.text.length) return undefined;
  // the <title>'s parts follow the page's last block in the text: their context is their own part, not the footer
  const head = inHeadTitle(f);
  const from = head ? r.text.lastIndexOf('\n', f.start) + 1 : 0;
  const next = head ? r.text.indexOf('\n', f.end) : -1;
  const to = next >= 0 ? next : r.text.length;
  const before = flat(r.text.slice(Math.max(from, f.start - CONTEXT_CHARS), f.start)).trimStart();
  const after = flat(r.text.slice(f.end, Math.min(to, f.end + CONTEXT_CHARS))).trimEnd();
  if (!before && !after) return undefined;
  return `${before ? `…${before}` : ''}${st.bold(`[${cut(flat(f.text))}]`)}${after ? `${after}…` : ''}`;
}

export function formatReport(r: AnalyzeResult, st: Style): string {
  const lines: string[] = [];
  const verdict = r.status === 'over-budget' ? st.red('OVER BUDGET') : r.verdict === 'contaminated' ? st.red('CONTAMINATED') : st.green('clean');
  lines.push(`${st.bold(r.input ?? r.url ?? '(input)')}: ${verdict}  score ${r.score.toFixed(2)}  lang ${r.lang}  ${r.encoding}`);
  // an over-budget page was not analysed: its 'clean' verdict means nothing was looked at
  if (r.overBudget) lines.push(`  not analysed: ${r.overBudget.message}`);
  lines.push(`  title:       ${r.title}`);
  if (r.cleanTitle !== r.title) lines.push(`  clean title: ${r.cleanTitle}`);
  const groups = groupFindings(r.findings);
  groups.forEach(({ finding: f, starts }, i) => {
    lines.push('');
    const times = starts.length > 1 ? ` ×${starts.length}` : '';
    lines.push(`  ${st.bold(`#${i + 1}`)}${times} ${what(f)}  score ${f.score.toFixed(2)} (${f.points.toFixed(1)} pts)`);
    const shown = starts.slice(0, SHOW_POSITIONS).join(', ') + (starts.length > SHOW_POSITIONS ? ', …' : '');
    lines.push(`     ${st.dim('text:')} ${cut(flat(f.text))}`);
    if (f.blockId >= 0) lines.push(`     ${st.dim(`at character ${shown} of the page text (${f.text.length} chars)`)}`);
    const ctx = context(r, f, st);
    if (ctx) lines.push(`     ${st.dim('context:')} ${ctx}`);
    for (const row of ruleRows(f)) {
      // structural rules document their params in the description: the report shows the sentence before them
      const desc = row.description.split(/\s+params:/)[0];
      const n = row.count > 1 ? ` ×${row.count}` : '';
      lines.push(`     ${row.points >= 0 ? '+' : ''}${row.points.toFixed(1).padStart(5)} ${`${row.rule}${n}`.padEnd(28)} ${desc}`);
      if (row.evidence.length > 0) lines.push(`           ${st.dim(`evidence: ${cut(row.evidence.join(' | '))}`)}`);
    }
  });
  if (r.findings.length === 0) lines.push('  no injected content found');
  else if (groups.length < r.findings.length) lines.push('', `  ${r.findings.length} findings, ${groups.length} distinct`);
  return lines.join('\n');
}

/** One line per page for batch runs without --json: verdict, score, findings, input. */
export function formatLine(r: AnalyzeResult): string {
  const verdict = r.status === 'over-budget' ? 'over-budget' : r.verdict;
  return `${verdict.padEnd(12)} ${r.score.toFixed(2)}  ${String(r.findings.length).padStart(3)} findings  ${r.url ?? r.input ?? ''}`;
}
