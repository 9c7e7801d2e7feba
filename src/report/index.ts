// `winnow report`: aggregate the store (data.ts) and render it as Markdown, CSV, JSON or a self-contained HTML
// page with inline SVG charts. Long tables are cut only where a person reads them (Markdown and HTML show the
// first DEFAULT_TABLE_ROWS rows and say "N of M"); JSON and CSV carry every row unless --limit is given.
import { csvRow } from './csv.js';
import { barChart, lineChart, PALETTE } from './svg.js';
import { escapeHtml as esc } from '../util/html.js';
import type { ReportData } from './data.js';
import type { Rate } from '../util/stats.js';

export { buildReport, parseSince, linkTargets, ReportData, DEFINITIONS } from './data.js';
export { csvRow, csvField, parseCsv } from './csv.js';
export { wilson, type Rate } from '../util/stats.js';

import { DEFAULT_TABLE_ROWS, type ReportFormat } from './formats.js';
export { REPORT_FORMATS, DEFAULT_TABLE_ROWS, type ReportFormat } from './formats.js';
/** Characters of a cluster's text shown in a Markdown/HTML cell (JSON and CSV keep the whole text). */
const CELL_CHARS = 140;

export interface RenderOptions {
  /** rows per table; 0 = all; undefined = DEFAULT_TABLE_ROWS for md/html, all for json/csv */
  limit?: number;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const rateText = (r: Rate) => `${pct(r.rate)} (${pct(r.low)}–${pct(r.high)})`;
const cutText = (s: string) => ([...s].length > CELL_CHARS ? `${[...s].slice(0, CELL_CHARS - 1).join('')}…` : s);

type Cell = string | number;
interface Table {
  id: string;
  title: string;
  note?: string;
  head: string[];
  rows: Cell[][];
}

/** The report's tables (shared by md and html), every row. */
function tables(d: ReportData): Table[] {
  return [
    { id: 'domains', title: 'Domains', note: 'share: contaminated pages / pages of the domain, with its 95% interval; not analysed: pages over the budget, in no share',
      head: ['domain', 'pages', 'contaminated', 'share (95% CI)', 'findings', 'clusters', 'not analysed'],
      rows: d.byDomain.map((r) => [r.domain, r.pages, r.contaminatedPages, rateText(r.rate), r.findings, r.clusters, r.notAnalysed]) },
    { id: 'categories', title: 'Categories', note: 'pages: pages with at least one finding of the category; share of all pages',
      head: ['category', 'findings', 'clusters', 'pages', 'share of pages (95% CI)', 'domains'],
      rows: d.byCategory.map((r) => [r.key, r.findings, r.clusters, r.pages, rateText(r.pageRate), r.domains]) },
    { id: 'kinds', title: 'Injection kinds',
      head: ['kind', 'findings', 'clusters', 'pages', 'share of pages (95% CI)', 'domains'],
      rows: d.byKind.map((r) => [r.key, r.findings, r.clusters, r.pages, rateText(r.pageRate), r.domains]) },
    { id: 'clusters', title: 'Injected texts (clusters of identical findings)', note: 'the findings themselves, grouped by normalised text; most pages first',
      head: ['text', 'kind', 'category', 'findings', 'pages', 'domains', 'cluster'],
      rows: d.clusters.map((r) => [cutText(r.text), r.kind, r.category, r.findings, r.pages, r.domains, r.clusterId]) },
    { id: 'link-hosts', title: 'Link targets by host', note: 'every off-site link of link and hidden blocks, and host names written in findings',
      head: ['host', 'links', 'findings', 'pages', 'domains'],
      rows: d.linkHosts.map((r) => [r.host, r.links, r.findings, r.pages, r.domains]) },
    { id: 'links', title: 'Link targets (full URLs)',
      head: ['url', 'findings', 'pages'],
      rows: d.links.map((r) => [r.href, r.findings, r.pages]) },
    { id: 'rules', title: 'Rules', note: 'side "news": a rule with negative points that lowered a score (not spam evidence)',
      head: ['rule', 'side', 'findings', 'pages', 'points', 'mean points'],
      rows: d.byRule.map((r) => [r.key, r.side, r.findings, r.pages, r.points, r.meanPoints]) },
    { id: 'days', title: 'Per day',
      head: ['day', 'pages', 'contaminated', 'share (95% CI)', 'findings'],
      rows: d.perDay.map((r) => [r.day, r.pages, r.contaminatedPages, rateText(r.rate), r.findings]) },
    { id: 'not-analysed', title: 'Pages not analysed', note: "over analyze()'s time or size budget: in no count of pages and no share above",
      head: ['url', 'domain', 'reason', 'tried'],
      rows: d.notAnalysed.map((r) => [r.url, r.domain, r.reason, r.triedAt]) },
  ];
}

function shown(total: number, limit: number | undefined, fallback: number): number {
  const l = limit ?? fallback;
  return l === 0 ? total : Math.min(total, l);
}

function mdCell(s: Cell): string {
  return String(s).replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

function mdTable(t: Table, limit: number | undefined): string {
  if (t.rows.length === 0) return '_none_\n';
  const n = shown(t.rows.length, limit, DEFAULT_TABLE_ROWS);
  const rows = t.rows.slice(0, n);
  const align = t.head.map((_, i) => (rows.every((r) => typeof r[i] === 'number') ? '---:' : '---'));
  const body = [`| ${t.head.map(mdCell).join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n') + '\n';
  return body + (n < t.rows.length ? `\n_${n} of ${t.rows.length} rows shown (\`--limit 0\` for all; JSON and CSV have every row)._\n` : '');
}

function summaryLine(d: ReportData): string {
  const t = d.totals;
  const r = t.contaminationRate;
  return `${t.pages} pages from ${t.domains} domains; ${t.contaminatedPages} contaminated, ${pct(r.rate)} (95% CI ${pct(r.low)}–${pct(r.high)}); ` +
    `${t.findings} findings in ${t.clusters} distinct texts` +
    (t.dismissedFindings ? `; ${t.dismissedFindings} findings dismissed by reviewers` : '') +
    (t.notAnalysedPages ? `; ${plural(t.notAnalysedPages, 'page')} not analysed (over budget), in no count` : '') +
    (d.since ? `; pages since ${d.since}` : '');
}

function methodLines(d: ReportData): string[] {
  const m = d.method;
  const versions = m.scanVersions.map((v) => `winnow ${v.winnow}, rules ${v.rules}, model ${v.model} (${v.pages} pages)`);
  return [
    `Corpus: ${m.pages} pages (each page's latest scan) from ${m.domains} domains, fetched ${m.firstDay ?? '–'} to ${m.lastDay ?? '–'}${d.since ? `, since ${d.since}` : ''}.`,
    `Scanned with: ${versions.join('; ') || 'no scans'}.`,
    `Report made by winnow ${m.winnowVersion} on ${d.generatedAt}; current rule set ${m.rulesVersion}: ${m.ruleCount} rules (${m.positiveRules} spam-side, ${m.negativeRules} news-side).`,
    `Threshold: a candidate becomes a finding at ${m.requiredPoints} points.`,
    `Review: ${m.reviewedPages} pages and ${m.reviewedFindings} findings carry a reviewer decision (applied to every count).`,
    `Intervals: Wilson score 95% intervals for proportions of pages.`,
    m.linkFindingsWithoutHtml > 0
      ? `Link targets: ${m.linkFindingsWithoutHtml} link-block or hidden-block findings are on pages whose HTML the store did not keep, so their links are not listed (scan with --keep-html).`
      : 'Link targets: every link-block and hidden-block finding had its page HTML (all links listed).',
  ];
}

export function renderMarkdown(d: ReportData, opts: RenderOptions = {}): string {
  const parts = [`# winnow report\n`, `${summaryLine(d)}.\n`, `## Method\n`, `${methodLines(d).map((l) => `- ${l}`).join('\n')}\n`, `Definitions:\n`,
    `${Object.entries(d.method.definitions).map(([k, v]) => `- **${k}**: ${v}`).join('\n')}\n`];
  for (const t of tables(d)) parts.push(`## ${t.title}\n\n${t.note ? `${t.note}.\n\n` : ''}${mdTable(t, opts.limit)}`);
  return parts.join('\n');
}

/** Long ("tidy") CSV: table,key,metric,value -- one number per row, easy to pivot in R/pandas/a spreadsheet. */
export function renderCsv(d: ReportData, opts: RenderOptions = {}): string {
  const out = [csvRow(['table', 'key', 'metric', 'value'])];
  const add = (table: string, key: string, metrics: Record<string, Cell>) => {
    for (const [m, v] of Object.entries(metrics)) out.push(csvRow([table, key, m, v]));
  };
  const rate = (prefix: string, r: Rate) => ({ [prefix]: r.rate, [`${prefix}_low`]: r.low, [`${prefix}_high`]: r.high });
  const t = d.totals;
  add('totals', 'all', { pages: t.pages, contaminated_pages: t.contaminatedPages, ...rate('contamination_rate', t.contaminationRate), findings: t.findings, clusters: t.clusters, dismissed_findings: t.dismissedFindings, domains: t.domains, contaminated_domains: t.contaminatedDomains, link_hosts: t.linkHosts, links: t.links, not_analysed_pages: t.notAnalysedPages });
  const m = d.method;
  add('method', 'all', { winnow_version: m.winnowVersion, rules_version: m.rulesVersion, rule_count: m.ruleCount, required_points: m.requiredPoints, pages: m.pages, first_day: m.firstDay ?? '', last_day: m.lastDay ?? '' });
  const cut = <T>(table: string, rows: T[]): T[] => {
    const n = shown(rows.length, opts.limit, 0);
    if (n < rows.length) add('truncated', table, { shown: n, total: rows.length });
    return rows.slice(0, n);
  };
  for (const r of cut('domain', d.byDomain)) add('domain', r.domain, { pages: r.pages, contaminated_pages: r.contaminatedPages, ...rate('rate', r.rate), findings: r.findings, clusters: r.clusters, not_analysed: r.notAnalysed });
  for (const r of cut('category', d.byCategory)) add('category', r.key, { findings: r.findings, clusters: r.clusters, pages: r.pages, ...rate('page_rate', r.pageRate), domains: r.domains });
  for (const r of cut('kind', d.byKind)) add('kind', r.key, { findings: r.findings, clusters: r.clusters, pages: r.pages, ...rate('page_rate', r.pageRate), domains: r.domains });
  for (const r of cut('cluster', d.clusters)) add('cluster', r.clusterId, { text: r.text, kind: r.kind, category: r.category, findings: r.findings, pages: r.pages, domains: r.domains });
  for (const r of cut('link_host', d.linkHosts)) add('link_host', r.host, { links: r.links, findings: r.findings, pages: r.pages, domains: r.domains });
  for (const r of cut('link', d.links)) add('link', r.href, { host: r.host, findings: r.findings, pages: r.pages });
  for (const r of cut('rule', d.byRule)) add('rule', r.key, { side: r.side, findings: r.findings, pages: r.pages, points: r.points, mean_points: r.meanPoints });
  for (const r of cut('day', d.perDay)) add('day', r.day, { pages: r.pages, contaminated_pages: r.contaminatedPages, ...rate('rate', r.rate), findings: r.findings });
  for (const r of cut('not_analysed', d.notAnalysed)) add('not_analysed', r.url, { domain: r.domain, reason: r.reason, tried_at: r.triedAt });
  return out.join('');
}

const LIST_KEYS = ['byDomain', 'byCategory', 'byKind', 'byRule', 'clusters', 'linkHosts', 'links', 'perDay', 'notAnalysed'] as const;

/** JSON with every row; with a limit, each cut list is named in `truncated` with its shown and total counts. */
export function renderJson(d: ReportData, opts: RenderOptions = {}): string {
  if (!opts.limit) return `${JSON.stringify(d, null, 2)}\n`;
  const out: Record<string, unknown> = { ...d };
  const truncated: Record<string, { shown: number; total: number }> = {};
  for (const k of LIST_KEYS) {
    const rows = d[k] as unknown[];
    if (rows.length > opts.limit) {
      truncated[k] = { shown: opts.limit, total: rows.length };
      out[k] = rows.slice(0, opts.limit);
    }
  }
  out.truncated = truncated;
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Bars drawn per chart (the tables below have every row up to the limit). */
const CHART_BARS = 15;

export function renderHtml(d: ReportData, opts: RenderOptions = {}): string {
  const pctBar = (label: string, r: Rate, k: number, n: number) => ({
    label, value: 100 * r.rate, low: 100 * r.low, high: 100 * r.high, note: `${pct(r.rate)}  (${k} of ${n})`,
  });
  const pages = d.totals.pages;
  const spamRules = d.byRule.filter((r) => r.side === 'spam');
  const charts = [
    lineChart('Share of pages contaminated, per day (band: 95% interval)', '% of pages', d.perDay.map((r) => r.day), d.perDay.map((r) => 100 * r.rate.rate), {
      low: d.perDay.map((r) => 100 * r.rate.low), high: d.perDay.map((r) => 100 * r.rate.high), max: 100, color: PALETTE[1],
    }),
    lineChart('Pages scanned per day', 'pages', d.perDay.map((r) => r.day), d.perDay.map((r) => r.pages)),
    barChart('Share of pages with each category (95% interval)', '% of all pages', d.byCategory.slice(0, CHART_BARS).map((r) => pctBar(r.key, r.pageRate, r.pages, pages)), { max: 100 }),
    barChart('Share of pages with each injection kind (95% interval)', '% of all pages', d.byKind.slice(0, CHART_BARS).map((r) => pctBar(r.key, r.pageRate, r.pages, pages)), { max: 100, color: PALETTE[1] }),
    barChart('Contaminated share of each domain’s pages (95% interval)', '% of the domain’s pages',
      d.byDomain.filter((r) => r.contaminatedPages > 0).slice(0, CHART_BARS).map((r) => pctBar(r.domain, r.rate, r.contaminatedPages, r.pages)), { max: 100, color: PALETTE[2] }),
    barChart('Spam-side rules: pages where the rule fired in a finding', 'pages', spamRules.slice(0, CHART_BARS).map((r) => ({ label: r.key, value: r.pages, note: `${plural(r.pages, 'page')}, ${plural(r.findings, 'finding')}` })), { color: PALETTE[3] }),
    barChart('Link target hosts: pages linking to them from injected blocks', 'pages', d.linkHosts.slice(0, CHART_BARS).map((r) => ({ label: r.host, value: r.pages, note: `${plural(r.pages, 'page')}, ${plural(r.links, 'URL')}` })), { color: PALETTE[4] }),
  ];
  const htmlTables = tables(d)
    .map((t) => {
      if (t.rows.length === 0) return `<h2 id="${t.id}">${esc(t.title)}</h2><p><em>none</em></p>`;
      const n = shown(t.rows.length, opts.limit, DEFAULT_TABLE_ROWS);
      return `<h2 id="${t.id}">${esc(t.title)}</h2>` + (t.note ? `<p class="note">${esc(t.note)}.</p>` : '') +
        `<table><thead><tr>${t.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${t.rows
          .slice(0, n)
          .map((r) => `<tr>${r.map((c) => `<td${typeof c === 'number' ? ' class="n"' : ''}>${esc(String(c))}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>` +
        (n < t.rows.length ? `<p class="cut">${n} of ${t.rows.length} rows shown (<code>--limit 0</code> for all; JSON and CSV have every row).</p>` : '');
    })
    .join('\n');
  const defs = Object.entries(d.method.definitions).map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>winnow report</title>
<style>
body{font-family:Helvetica,Arial,'Noto Sans CJK SC',sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222;line-height:1.4}
table{border-collapse:collapse;margin:.5em 0 .5em}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}td.n{text-align:right}
th{background:#f3f3f3}figure{margin:1em 0}svg{max-width:100%;height:auto;border:1px solid #eee}
.note,.cut{color:#555;font-size:.9em}.summary{font-size:1.1em}dt{font-weight:bold}dd{margin:0 0 .4em 1.5em}
</style></head><body>
<h1>winnow report</h1>
<p class="summary">${esc(summaryLine(d))}.</p>
<h2 id="method">Method</h2>
<ul>${methodLines(d).map((l) => `<li>${esc(l)}</li>`).join('')}</ul>
<dl>${defs}</dl>
<h2 id="charts">Charts</h2>
${charts.map((c) => `<figure>${c}</figure>`).join('\n')}
${htmlTables}
</body></html>
`;
}

export function renderReport(d: ReportData, format: ReportFormat, opts: RenderOptions = {}): string {
  switch (format) {
    case 'md':
      return renderMarkdown(d, opts);
    case 'csv':
      return renderCsv(d, opts);
    case 'json':
      return renderJson(d, opts);
    case 'html':
      return renderHtml(d, opts);
  }
}
export { exportTable, EXPORT_TABLES, EXPORT_FORMATS, PAGE_COLUMNS, FINDING_COLUMNS, LINK_COLUMNS, type ExportFormat, type ExportTable } from './export.js';
