// Human-readable scan report (SpamAssassin-like: points, rule, description, evidence).
import type { AnalyzeResult } from '../result.js';

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
const cut = (s: string) => (s.length > SHOW_CHARS ? `${s.slice(0, SHOW_CHARS)}…` : s);

export function formatReport(r: AnalyzeResult, st: Style): string {
  const lines: string[] = [];
  const verdict = r.verdict === 'contaminated' ? st.red('CONTAMINATED') : st.green('clean');
  lines.push(`${st.bold(r.input ?? r.url ?? '(input)')}: ${verdict}  score ${r.score.toFixed(2)}  lang ${r.lang}  ${r.encoding}`);
  lines.push(`  title:       ${r.title}`);
  if (r.cleanTitle !== r.title) lines.push(`  clean title: ${r.cleanTitle}`);
  r.findings.forEach((f, i) => {
    lines.push('');
    lines.push(`  ${st.bold(`#${i + 1}`)} ${f.category} / ${f.kind} in ${f.where}  score ${f.score.toFixed(2)} (${f.points.toFixed(1)} pts)`);
    lines.push(`     ${st.dim('text:')} ${cut(f.text)}`);
    for (const h of f.rules) {
      // structural rules document their params in the description: the report shows the sentence before them
      const what = h.description.split(/\s+params:/)[0];
      lines.push(`     ${h.points >= 0 ? '+' : ''}${h.points.toFixed(1).padStart(5)} ${h.rule.padEnd(28)} ${what}`);
      if (h.evidence && h.evidence !== f.text) lines.push(`           ${st.dim(`evidence: ${cut(h.evidence)}`)}`);
    }
  });
  if (r.findings.length === 0) lines.push('  no injected content found');
  return lines.join('\n');
}
