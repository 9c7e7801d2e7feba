// `winnow report`: aggregate the store (data.ts) and render it as Markdown, CSV, JSON or a self-contained HTML
// page with inline SVG charts.
import { csvRow } from './csv.js';
import { barChart, esc, lineChart } from './svg.js';
import type { ReportData } from './data.js';

export { buildReport, parseSince, linkTargets, ReportData, TOP_N } from './data.js';
export { csvRow, csvField, parseCsv } from './csv.js';

export const REPORT_FORMATS = ['md', 'csv', 'json', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const pct = (a: number, b: number) => (b > 0 ? `${((100 * a) / b).toFixed(1)}%` : '0.0%');

function mdCell(s: string | number): string {
  return String(s).replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

function mdTable(head: string[], rows: Array<Array<string | number>>): string {
  if (rows.length === 0) return '_none_\n';
  const align = head.map((_, i) => (rows.every((r) => typeof r[i] === 'number') ? '---:' : '---'));
  return [`| ${head.map(mdCell).join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n') + '\n';
}

/** The report's tables as [title, header, rows] (shared by md and html). */
function tables(d: ReportData): Array<[string, string[], Array<Array<string | number>>]> {
  return [
    ['Domains', ['domain', 'pages', 'contaminated', 'share', 'findings'], d.byDomain.map((r) => [r.domain, r.pages, r.contaminatedPages, pct(r.contaminatedPages, r.pages), r.findings])],
    ['Categories', ['category', 'findings', 'pages'], d.byCategory.map((r) => [r.key, r.findings, r.pages])],
    ['Injection kinds', ['kind', 'findings', 'pages'], d.byKind.map((r) => [r.key, r.findings, r.pages])],
    ['Rules', ['rule', 'findings', 'pages', 'points'], d.byRule.map((r) => [r.key, r.findings, r.pages, r.points])],
    ['Top injected phrases', ['phrase', 'findings', 'pages'], d.topPhrases.map((r) => [r.key, r.findings, r.pages])],
    ['Top link targets', ['host', 'findings', 'pages'], d.topLinkTargets.map((r) => [r.key, r.findings, r.pages])],
    ['Per day', ['day', 'pages', 'contaminated', 'findings'], d.perDay.map((r) => [r.day, r.pages, r.contaminatedPages, r.findings])],
  ];
}

function summaryLine(d: ReportData): string {
  return `${d.totals.pages} pages, ${d.totals.contaminatedPages} contaminated (${pct(d.totals.contaminatedPages, d.totals.pages)}), ${d.totals.findings} findings` +
    (d.totals.dismissedFindings ? `, ${d.totals.dismissedFindings} dismissed by reviewers` : '') +
    (d.since ? `; since ${d.since}` : '');
}

export function renderMarkdown(d: ReportData): string {
  const parts = [`# winnow report\n`, `Generated ${d.generatedAt}. ${summaryLine(d)}.\n`];
  for (const [title, head, rows] of tables(d)) parts.push(`## ${title}\n\n${mdTable(head, rows)}`);
  return parts.join('\n');
}

/** Long ("tidy") CSV: table,key,metric,value -- one number per row, easy to pivot in R/pandas/a spreadsheet. */
export function renderCsv(d: ReportData): string {
  const out = [csvRow(['table', 'key', 'metric', 'value'])];
  const add = (table: string, key: string, metrics: Record<string, number>) => {
    for (const [m, v] of Object.entries(metrics)) out.push(csvRow([table, key, m, v]));
  };
  add('totals', 'all', d.totals);
  for (const r of d.byDomain) add('domain', r.domain, { pages: r.pages, contaminated_pages: r.contaminatedPages, findings: r.findings });
  for (const r of d.byCategory) add('category', r.key, { findings: r.findings, pages: r.pages });
  for (const r of d.byKind) add('kind', r.key, { findings: r.findings, pages: r.pages });
  for (const r of d.byRule) add('rule', r.key, { findings: r.findings, pages: r.pages, points: r.points });
  for (const r of d.topPhrases) add('phrase', r.key, { findings: r.findings, pages: r.pages });
  for (const r of d.topLinkTargets) add('link_target', r.key, { findings: r.findings, pages: r.pages });
  for (const r of d.perDay) add('day', r.day, { pages: r.pages, contaminated_pages: r.contaminatedPages, findings: r.findings });
  return out.join('');
}

export function renderJson(d: ReportData): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}

export function renderHtml(d: ReportData): string {
  const charts = [
    lineChart('Pages and contaminated pages per day', d.perDay.map((r) => r.day), [
      { name: 'pages', values: d.perDay.map((r) => r.pages) },
      { name: 'contaminated pages', values: d.perDay.map((r) => r.contaminatedPages) },
      { name: 'findings', values: d.perDay.map((r) => r.findings) },
    ]),
    barChart('Findings per category', d.byCategory.map((r) => ({ label: r.key, value: r.findings }))),
    barChart('Findings per injection kind', d.byKind.map((r) => ({ label: r.key, value: r.findings })), { color: '#dc3912' }),
    barChart('Contaminated pages per domain', d.byDomain.filter((r) => r.contaminatedPages > 0).map((r) => ({ label: r.domain, value: r.contaminatedPages })), { color: '#ff9900' }),
    barChart('Findings per rule', d.byRule.map((r) => ({ label: r.key, value: r.findings })), { color: '#109618' }),
    barChart('Top link targets (findings)', d.topLinkTargets.map((r) => ({ label: r.key, value: r.findings })), { color: '#990099' }),
  ];
  const htmlTables = tables(d)
    .map(([title, head, rows]) =>
      `<h2>${esc(title)}</h2>` +
      (rows.length === 0
        ? '<p><em>none</em></p>'
        : `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
            .map((r) => `<tr>${r.map((c) => `<td${typeof c === 'number' ? ' class="n"' : ''}>${esc(String(c))}</td>`).join('')}</tr>`)
            .join('')}</tbody></table>`),
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>winnow report</title>
<style>
body{font-family:Helvetica,Arial,'Noto Sans CJK SC',sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}td.n{text-align:right}
th{background:#f3f3f3}figure{margin:1em 0}svg{max-width:100%;height:auto;border:1px solid #eee}
</style></head><body>
<h1>winnow report</h1>
<p>Generated ${esc(d.generatedAt)}. ${esc(summaryLine(d))}.</p>
${charts.map((c) => `<figure>${c}</figure>`).join('\n')}
${htmlTables}
</body></html>
`;
}

export function renderReport(d: ReportData, format: ReportFormat): string {
  switch (format) {
    case 'md':
      return renderMarkdown(d);
    case 'csv':
      return renderCsv(d);
    case 'json':
      return renderJson(d);
    case 'html':
      return renderHtml(d);
  }
}
export { exportFindings, EXPORT_COLUMNS, EXPORT_FORMATS, type ExportFormat } from './export.js';
