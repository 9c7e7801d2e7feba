// `winnow export`: every finding of each page's latest scan, joined with its page (url, domain) and scan info,
// plus the latest reviewer decision. CSV (RFC 4180) or NDJSON, streamed row by row (flat memory).
import type { Writable } from 'node:stream';
import type { Store } from '../store/index.js';
import { csvRow } from './csv.js';
import { parseSince } from './data.js';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_COLUMNS = [
  'finding_id', 'scan_id', 'page_id', 'url', 'final_url', 'domain', 'fetched_at', 'scanned_at', 'verdict', 'page_score',
  'title', 'lang', 'category', 'kind', 'where', 'score', 'points', 'start', 'end', 'block_id', 'path', 'text',
  'rule_names', 'rules', 'decision', 'decision_category', 'reviewer', 'winnow_version', 'rules_version', 'model_version',
] as const;

const SQL = `
  SELECT f.id AS finding_id, s.id AS scan_id, p.id AS page_id, p.url, p.final_url, p.domain, p.fetched_at, s.scanned_at,
         s.verdict, s.score AS page_score, s.title, s.lang, f.category, f.kind, f."where" AS "where", f.score, f.points,
         f.start, f."end" AS "end", f.block_id, f.path, f.text, f.rules,
         d.decision, d.category AS decision_category, d.reviewer,
         s.winnow_version, s.rules_version, s.model_version
  FROM findings f
  JOIN scans s ON s.id = f.scan_id
  JOIN pages p ON p.id = s.page_id
  LEFT JOIN decisions d ON d.id = (SELECT max(d2.id) FROM decisions d2 WHERE d2.finding_id = f.id)
  WHERE s.id = (SELECT max(s2.id) FROM scans s2 WHERE s2.page_id = s.page_id)
    AND (CAST(@since AS TEXT) IS NULL OR coalesce(p.fetched_at, s.scanned_at) >= @since)
  ORDER BY p.domain, p.url, f.start`;

async function write(out: Writable, s: string): Promise<void> {
  if (!out.write(s)) await new Promise<void>((r) => out.once('drain', r));
}

/** Stream the export to `out`; returns the number of findings written. */
export async function exportFindings(store: Store, opts: { format: ExportFormat; since?: string; out: Writable }): Promise<number> {
  const since = parseSince(opts.since);
  let n = 0;
  if (opts.format === 'csv') await write(opts.out, csvRow([...EXPORT_COLUMNS]));
  for await (const row of store.iterate<Record<string, string | number | null>>(SQL, { since })) {
    let rules: Array<{ rule: string }> = [];
    try {
      rules = JSON.parse(String(row.rules)) as Array<{ rule: string }>;
    } catch {
      /* keep the raw text in the csv; ndjson gets [] */
    }
    const ruleNames = rules.map((r) => r.rule).join(';');
    if (opts.format === 'csv') {
      await write(opts.out, csvRow(EXPORT_COLUMNS.map((c) => (c === 'rule_names' ? ruleNames : row[c]))));
    } else {
      const obj: Record<string, unknown> = {};
      for (const c of EXPORT_COLUMNS) obj[c] = c === 'rule_names' ? rules.map((r) => r.rule) : c === 'rules' ? rules : row[c];
      await write(opts.out, `${JSON.stringify(obj)}\n`);
    }
    n++;
  }
  return n;
}
