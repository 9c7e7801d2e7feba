// `winnow export`: the dataset behind a report, as flat tables with stable ids (ids.ts): pages (the
// denominators), findings (with text hash and cluster id), links (every link target of link and hidden blocks) and
// unanalysed (pages a run could not analyse within analyze()'s budget: in no denominator).
// CSV (RFC 4180), NDJSON or Parquet; rows are streamed (memory stays flat); column names are snake_case; no JSON
// inside a cell (a finding's rules are a ';'-joined list of names and one of points).
import type { Writable } from 'node:stream';
import type { Store } from '../store/index.js';
import { InputError } from '../errors.js';
import { csvRow } from './csv.js';
import { parseSince } from './data.js';
import { records } from './records.js';
import { unanalysedPages } from './rows.js';
import { pageUid } from './ids.js';

import type { ExportFormat, ExportTable } from './formats.js';
export { EXPORT_FORMATS, EXPORT_TABLES, type ExportFormat, type ExportTable } from './formats.js';

type ColType = 'STRING' | 'INT32' | 'DOUBLE' | 'BOOLEAN';
type Cell = string | number | boolean | null;

const col = <N extends string>(name: N, type: ColType) => ({ name, type });

export const PAGE_COLUMNS = [
  col('page_uid', 'STRING'), col('run_id', 'STRING'), col('url', 'STRING'), col('page_key', 'STRING'), col('source', 'STRING'),
  col('domain', 'STRING'), col('fetched_at', 'STRING'), col('scanned_at', 'STRING'), col('verdict', 'STRING'),
  col('reviewed_verdict', 'STRING'), col('page_decision', 'STRING'), col('score', 'DOUBLE'), col('title', 'STRING'),
  col('lang', 'STRING'), col('findings', 'INT32'), col('findings_dismissed', 'INT32'), col('clusters', 'INT32'),
  col('content_hash', 'STRING'), col('winnow_version', 'STRING'), col('rules_version', 'STRING'), col('model_version', 'STRING'),
] as const;

export const FINDING_COLUMNS = [
  col('finding_uid', 'STRING'), col('page_uid', 'STRING'), col('run_id', 'STRING'), col('url', 'STRING'), col('domain', 'STRING'),
  col('fetched_at', 'STRING'), col('kind', 'STRING'), col('category', 'STRING'), col('reviewed_category', 'STRING'),
  col('where', 'STRING'), col('score', 'DOUBLE'), col('points', 'DOUBLE'), col('start', 'INT32'), col('end', 'INT32'),
  col('length', 'INT32'), col('block_id', 'INT32'), col('path', 'STRING'), col('text', 'STRING'), col('text_hash', 'STRING'),
  col('cluster_id', 'STRING'), col('rule_names', 'STRING'), col('rule_points', 'STRING'), col('top_rule', 'STRING'),
  col('links', 'INT32'), col('dismissed', 'BOOLEAN'), col('decision', 'STRING'), col('reviewer', 'STRING'),
  col('decided_at', 'STRING'), col('winnow_version', 'STRING'), col('rules_version', 'STRING'), col('model_version', 'STRING'),
] as const;

export const LINK_COLUMNS = [
  col('finding_uid', 'STRING'), col('page_uid', 'STRING'), col('cluster_id', 'STRING'), col('url', 'STRING'),
  col('domain', 'STRING'), col('href', 'STRING'), col('host', 'STRING'), col('link_text', 'STRING'), col('dismissed', 'BOOLEAN'),
] as const;

export const UNANALYSED_COLUMNS = [
  col('page_uid', 'STRING'), col('url', 'STRING'), col('page_key', 'STRING'), col('domain', 'STRING'), col('fetched_at', 'STRING'),
  col('tried_at', 'STRING'), col('reason', 'STRING'), col('winnow_version', 'STRING'),
] as const;

export const COLUMNS: Record<ExportTable, ReadonlyArray<{ name: string; type: ColType }>> = {
  pages: PAGE_COLUMNS,
  findings: FINDING_COLUMNS,
  links: LINK_COLUMNS,
  unanalysed: UNANALYSED_COLUMNS,
};

/** The rows of one table, streamed. */
export async function* tableRows(store: Store, table: ExportTable, since: string | null): AsyncGenerator<Record<string, Cell>> {
  if (table === 'unanalysed') {
    for (const u of await unanalysedPages(store, since)) {
      yield {
        page_uid: pageUid(u.pageKey), url: u.finalUrl ?? u.pageKey, page_key: u.pageKey, domain: u.domain, fetched_at: u.fetchedAt,
        tried_at: u.triedAt, reason: u.reason, winnow_version: u.winnowVersion,
      };
    }
    return;
  }
  for await (const { page: p, findings } of records(store, { since, links: table !== 'pages' })) {
    const versions = { winnow_version: p.winnowVersion, rules_version: p.rulesVersion, model_version: p.modelVersion };
    if (table === 'pages') {
      yield {
        page_uid: p.pageUid, run_id: p.runId, url: p.url, page_key: p.pageKey, source: p.source, domain: p.domain,
        fetched_at: p.fetchedAt, scanned_at: p.scannedAt, verdict: p.verdict, reviewed_verdict: p.reviewedVerdict,
        page_decision: p.pageDecision, score: p.score, title: p.title, lang: p.lang, findings: p.findingCount,
        findings_dismissed: p.dismissedCount, clusters: new Set(findings.filter((f) => !f.dismissed).map((f) => f.clusterId)).size,
        content_hash: p.contentHash, ...versions,
      };
      continue;
    }
    for (const f of findings) {
      if (table === 'links') {
        for (const l of f.links) {
          yield { finding_uid: f.findingUid, page_uid: p.pageUid, cluster_id: f.clusterId, url: p.url, domain: p.domain, href: l.href, host: l.host, link_text: l.text, dismissed: f.dismissed };
        }
        continue;
      }
      const top = [...f.rules].sort((a, b) => b.points - a.points)[0];
      yield {
        finding_uid: f.findingUid, page_uid: p.pageUid, run_id: p.runId, url: p.url, domain: p.domain, fetched_at: p.fetchedAt,
        kind: f.kind, category: f.category, reviewed_category: f.reviewedCategory, where: f.where, score: f.score, points: f.points,
        start: f.start, end: f.end, length: f.end - f.start, block_id: f.blockId, path: f.path, text: f.text, text_hash: f.textHash,
        cluster_id: f.clusterId, rule_names: f.rules.map((h) => h.rule).join(';'), rule_points: f.rules.map((h) => h.points).join(';'),
        top_rule: top?.rule ?? null, links: f.linksKnown ? f.links.length : null, dismissed: f.dismissed, decision: f.decision, reviewer: f.reviewer,
        decided_at: f.decidedAt, ...versions,
      };
    }
  }
}

async function write(out: Writable, s: string): Promise<void> {
  if (!out.write(s)) await new Promise<void>((r) => out.once('drain', r));
}

/** Parquet row group size: rows held in memory at once while writing. */
const PARQUET_ROW_GROUP = 10_000;

export interface ExportOptions {
  table: ExportTable;
  format: ExportFormat;
  since?: string;
  /** csv and ndjson: where rows go */
  out?: Writable;
  /** parquet: the file to write (Parquet needs a file: its footer points back into it) */
  file?: string;
}

/** Export one table; returns the number of rows written. */
export async function exportTable(store: Store, opts: ExportOptions): Promise<number> {
  const since = parseSince(opts.since);
  const columns = COLUMNS[opts.table];
  let n = 0;
  if (opts.format === 'parquet') {
    if (!opts.file) throw new InputError('export: --format parquet needs --out FILE (or a folder with --table all)');
    const { parquetWriteRows, fileWriter } = await import('hyparquet-writer');
    const counted = (async function* () {
      for await (const row of tableRows(store, opts.table, since)) {
        n++;
        yield row;
      }
    })();
    await parquetWriteRows({
      writer: fileWriter(opts.file),
      rows: counted,
      columns: columns.map((c) => ({ name: c.name, type: c.type, nullable: true })),
      rowGroupSize: PARQUET_ROW_GROUP,
      kvMetadata: [{ key: 'winnow.table', value: opts.table }],
    });
    return n;
  }
  const out = opts.out;
  if (!out) throw new InputError('export: no output');
  const names = columns.map((c) => c.name);
  if (opts.format === 'csv') await write(out, csvRow(names));
  for await (const row of tableRows(store, opts.table, since)) {
    await write(out, opts.format === 'csv' ? csvRow(names.map((c) => row[c])) : `${JSON.stringify(row)}\n`);
    n++;
  }
  return n;
}
