// The store reads behind `report` and `export`: each page's latest scan with its findings and the latest reviewer
// decisions, read in keyset-paginated batches through the store's async interface (SQLite or PostgreSQL; no
// cursor stays open between batches, memory stays flat).
import { unpackHtml, type Store } from '../store/index.js';
import type { ReviewFinding } from '../store/review.js';

/** Pages read per batch (their findings are read with them). */
const PAGE_BATCH = 500;

/** Row ids: numbers from SQLite, strings from PostgreSQL's bigint. */
export type RowId = number | string;

export interface PageRow {
  scanId: RowId;
  pageId: RowId;
  /** pages.url: the input URL, file:/path or warc:<file>#<record id> */
  pageKey: string;
  finalUrl: string | null;
  source: string | null;
  domain: string;
  fetchedAt: string | null;
  scannedAt: string;
  verdict: 'clean' | 'contaminated';
  score: number;
  title: string;
  lang: string;
  winnowVersion: string;
  rulesVersion: string;
  modelVersion: string;
  /** the queued run the scan belongs to (null for direct scans) */
  run: string | null;
  contentHash: string | null;
  /** true when the store kept the page's bytes */
  hasHtml: boolean | number;
  /** latest page-level reviewer decision ('page-clean' | 'page-contaminated') */
  pageDecision: string | null;
}

export interface RuleHitRow {
  rule: string;
  points: number;
  description?: string;
  evidence?: string;
}

/** A stored finding as the report reads it: the review service's finding, with row ids and the decision flattened. */
export interface FindingRow extends Omit<ReviewFinding, 'id' | 'scanId' | 'rules' | 'decision'> {
  id: RowId;
  scanId: RowId;
  rules: RuleHitRow[];
  decision: string | null;
  decisionCategory: string | null;
  reviewer: string | null;
  decidedAt: string | null;
}

const PAGES_SQL = `
  SELECT s.id AS scanId, p.id AS pageId, p.url AS pageKey, p.final_url AS finalUrl, p.source, p.domain,
         p.fetched_at AS fetchedAt, s.scanned_at AS scannedAt, s.verdict, s.score, s.title, s.lang,
         s.winnow_version AS winnowVersion, s.rules_version AS rulesVersion, s.model_version AS modelVersion,
         s.run, p.content_hash AS contentHash, (p.html IS NOT NULL) AS hasHtml,
         (SELECT d.decision FROM decisions d WHERE d.scan_id = s.id AND d.finding_id IS NULL ORDER BY d.id DESC LIMIT 1) AS pageDecision
  FROM scans s JOIN pages p ON p.id = s.page_id
  WHERE s.id = (SELECT max(s2.id) FROM scans s2 WHERE s2.page_id = s.page_id)
    AND (CAST(@since AS TEXT) IS NULL OR coalesce(p.fetched_at, s.scanned_at) >= @since)
    AND s.id > @after
  ORDER BY s.id LIMIT @n`;

const FINDINGS_SQL = (n: number) => `
  SELECT f.id, f.scan_id AS scanId, f.text, f.start, f."end" AS "end", f.block_id AS blockId, f.path, f."where" AS "where",
         f.category, f.kind, f.score, f.points, f.rules,
         d.decision, d.category AS decisionCategory, d.reviewer, d.decided_at AS decidedAt
  FROM findings f
  LEFT JOIN decisions d ON d.id = (SELECT max(d2.id) FROM decisions d2 WHERE d2.finding_id = f.id)
  WHERE f.scan_id IN (${Array(n).fill('?').join(',')})
  ORDER BY f.scan_id, f.start, f.id`;

function parseRules(json: string): RuleHitRow[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as RuleHitRow[]).filter((h) => h && typeof h.rule === 'string').map((h) => ({ ...h, points: Number(h.points) || 0 })) : [];
  } catch {
    return []; // a damaged rules cell: the finding counts, its rules do not
  }
}

/** Every page's latest scan (fetched on/after `since` when given) with its findings, in scan order. */
export async function* pagesWithFindings(store: Store, since: string | null): AsyncGenerator<{ page: PageRow; findings: FindingRow[] }> {
  let after: RowId = 0;
  for (;;) {
    const batch: PageRow[] = await store.all<PageRow>(PAGES_SQL, { since, after, n: PAGE_BATCH });
    if (batch.length === 0) return;
    after = batch[batch.length - 1].scanId;
    const byScan = new Map<string, FindingRow[]>(batch.map((p) => [String(p.scanId), []]));
    const rows = await store.all<Omit<FindingRow, 'rules'> & { rules: string }>(FINDINGS_SQL(batch.length), batch.map((p) => p.scanId));
    for (const r of rows) byScan.get(String(r.scanId))?.push({ ...r, rules: parseRules(r.rules) });
    for (const page of batch) yield { page, findings: byScan.get(String(page.scanId)) ?? [] };
    if (batch.length < PAGE_BATCH) return;
  }
}

/** The stored bytes of a page and their Content-Type (null when the store kept none). */
export async function pageBytes(store: Store, pageId: RowId): Promise<{ html: Buffer; contentType: string | null } | null> {
  const row = await store.get<{ html: Buffer | null; contentType: string | null }>('SELECT html, content_type AS contentType FROM pages WHERE id = ?', [pageId]);
  const html = unpackHtml(row?.html);
  return html ? { html, contentType: row?.contentType ?? null } : null;
}

/** A page a run could not analyse (the store's unanalysed table). */
export interface UnanalysedRow {
  /** pages.url's key: the input URL, file:/path or warc:<file>#<record id> */
  pageKey: string;
  finalUrl: string | null;
  domain: string;
  fetchedAt: string | null;
  reason: string;
  triedAt: string;
  winnowVersion: string;
}

/**
 * Every page not analysed (fetched, or else tried, on/after `since` when given), by domain and key. One row per
 * page, so the list is as long as the crawl's hostile pages: read whole.
 */
export async function unanalysedPages(store: Store, since: string | null): Promise<UnanalysedRow[]> {
  return store.all<UnanalysedRow>(
    `SELECT url AS "pageKey", final_url AS "finalUrl", domain, fetched_at AS "fetchedAt", reason, tried_at AS "triedAt",
            winnow_version AS "winnowVersion"
       FROM unanalysed
      WHERE CAST(@since AS TEXT) IS NULL OR coalesce(fetched_at, tried_at) >= @since
      ORDER BY domain, url`,
    { since },
  );
}
