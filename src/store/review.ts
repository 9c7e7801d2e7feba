// Review queries for `winnow serve`: the moderation queue, one page with its findings, decisions (who, when),
// per-rule precision from decisions, and reviewed examples for retraining.
// Pure SQL over the store opened by openStore() (SQLite or PostgreSQL); no HTTP here.
import { unpackHtml, type Store, type PageRow } from './index.js';
import type { RuleHit } from '../detect/types.js';
import type { LabeledText } from '../detect/train.js';

/** A rule needs at least this many decided findings before it can be listed as "mostly dismissed". */
export const MIN_DECISIONS_FOR_TUNING = 3;
/** Share of dismissals above which a rule is listed for tuning. */
export const MOSTLY_DISMISSED_SHARE = 0.5;
/** Default and maximum page size of the queue. */
export const QUEUE_DEFAULT_LIMIT = 50;
export const QUEUE_MAX_LIMIT = 500;

export type FindingDecision = 'confirm' | 'dismiss' | 'recategorize';
export type PageDecision = 'page-clean' | 'page-contaminated';
export type Decision = FindingDecision | PageDecision;
export type ScanStatus = 'pending' | 'reviewed';

export interface QueueFilter {
  category?: string;
  domain?: string;
  minScore?: number;
  maxScore?: number;
  status?: ScanStatus;
  limit?: number;
  offset?: number;
}

export interface QueueItem {
  scanId: number;
  pageId: number;
  url: string;
  domain: string;
  title: string;
  score: number;
  verdict: 'clean' | 'contaminated';
  status: ScanStatus;
  scannedAt: string;
  findings: number;
  decided: number;
  categories: string[];
}

export interface QueueCounts {
  /** items matching every filter (before limit/offset) */
  total: number;
  byStatus: Record<ScanStatus, number>;
  /** findings per category among the matching scans */
  byCategory: Record<string, number>;
}

export interface QueueResult {
  items: QueueItem[];
  counts: QueueCounts;
}

export interface DecisionRecord {
  id: number;
  findingId: number | null;
  scanId: number;
  decision: Decision;
  category: string | null;
  reviewer: string;
  decidedAt: string;
}

export interface ReviewFinding {
  id: number;
  scanId: number;
  text: string;
  start: number;
  end: number;
  blockId: number;
  path: string;
  where: string;
  category: string;
  kind: string;
  score: number;
  points: number;
  rules: RuleHit[];
  /** the latest decision on this finding, if any */
  decision: DecisionRecord | null;
}

export interface ReviewPage {
  page: Pick<PageRow, 'id' | 'url' | 'finalUrl' | 'domain' | 'fetchedAt' | 'status'> & { hasHtml: boolean };
  scan: {
    id: number;
    scannedAt: string;
    status: ScanStatus;
    verdict: 'clean' | 'contaminated';
    score: number;
    title: string;
    cleanTitle: string;
    cleanText: string;
    lang: string;
    text: string;
    version: { winnow: string; rules: string; model: string };
  };
  findings: ReviewFinding[];
  /** page-level decisions (page-clean / page-contaminated), newest first */
  pageDecisions: DecisionRecord[];
}

export interface RuleStat {
  rule: string;
  /** findings this rule fired on (all scans; several hits on one finding count once) */
  fired: number;
  confirmed: number;
  dismissed: number;
  /** confirmed / (confirmed + dismissed); null when nothing is decided yet */
  precision: number | null;
  points: number;
  description: string;
}

export interface RuleStats {
  rules: RuleStat[];
  /** rules moderators mostly dismiss (candidates for tuning), worst first */
  mostlyDismissed: RuleStat[];
  decisions: number;
}

/** A queue row as SQLite returns it: categories still a comma-joined string. */
type QueueRow = Omit<QueueItem, 'categories'> & { categories: string | null };

/**
 * CTEs shared by the queue list and its counts: `latest` = the newest scan of each page (only those are queued),
 * `q` = the ids of the latest scans that pass every filter. Both are materialised once per query, so the cost is
 * linear in the store (no correlated subquery per row).
 */
function queueCte(f: QueueFilter, withStatus: boolean): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.category) {
    parts.push('s.id IN (SELECT fc.scan_id FROM findings fc WHERE fc.category = @category)');
    params.category = f.category;
  }
  if (f.domain) {
    parts.push('(p.domain = @domain OR p.domain LIKE @domainSuffix)');
    params.domain = f.domain.toLowerCase();
    params.domainSuffix = `%.${f.domain.toLowerCase()}`;
  }
  if (f.minScore !== undefined) {
    parts.push('s.score >= @minScore');
    params.minScore = f.minScore;
  }
  if (f.maxScore !== undefined) {
    parts.push('s.score <= @maxScore');
    params.maxScore = f.maxScore;
  }
  if (withStatus && f.status) {
    parts.push('s.status = @status');
    params.status = f.status;
  }
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  return {
    sql: `WITH latest AS MATERIALIZED (SELECT max(id) AS id FROM scans GROUP BY page_id),
      q AS MATERIALIZED (SELECT s.id AS id FROM latest l JOIN scans s ON s.id = l.id ${f.domain ? 'JOIN pages p ON p.id = s.page_id' : ''} ${where})`,
    params,
  };
}

/** The review queue: latest scan per page, highest score first, with counts for the filter bar. */
export async function listQueue(store: Store, filter: QueueFilter = {}): Promise<QueueResult> {
  const limit = Math.min(Math.max(filter.limit ?? QUEUE_DEFAULT_LIMIT, 1), QUEUE_MAX_LIMIT);
  const offset = Math.max(filter.offset ?? 0, 0);
  const w = queueCte(filter, true);
  // page first (ids only), then the per-item details for that page of results
  const rows = (await store.all<QueueRow>(
      `${w.sql}
       SELECT s.id AS scanId, p.id AS pageId, p.url AS url, p.domain AS domain, s.title AS title, s.score AS score,
              s.verdict AS verdict, s.status AS status, s.scanned_at AS scannedAt,
              (SELECT count(*) FROM findings f WHERE f.scan_id = s.id) AS findings,
              (SELECT count(DISTINCT d.finding_id) FROM decisions d WHERE d.scan_id = s.id AND d.finding_id IS NOT NULL) AS decided,
              (SELECT ${store.dialect.groupConcatDistinct('f.category')} FROM findings f WHERE f.scan_id = s.id) AS categories
         FROM (SELECT s0.id AS id FROM q JOIN scans s0 ON s0.id = q.id ORDER BY s0.score DESC, s0.id DESC LIMIT @limit OFFSET @offset) t
         JOIN scans s ON s.id = t.id JOIN pages p ON p.id = s.page_id
        ORDER BY s.score DESC, s.id DESC`,
      { ...w.params, limit, offset },
  ));
  const items: QueueItem[] = rows.map((r) => ({
    ...r,
    categories: r.categories ? r.categories.split(',').sort() : [],
  }));

  // counts: status counts ignore the status filter (so the tabs show both), the rest honour every filter
  const ws = queueCte(filter, false);
  const statusRows = await store.all<{ status: ScanStatus; n: number }>(
    `${ws.sql} SELECT s.status AS status, count(*) AS n FROM q JOIN scans s ON s.id = q.id GROUP BY s.status`,
    ws.params,
  );
  const byStatus: Record<ScanStatus, number> = { pending: 0, reviewed: 0 };
  for (const r of statusRows) byStatus[r.status] = r.n;
  const total = filter.status ? byStatus[filter.status] : byStatus.pending + byStatus.reviewed;
  const catRows = await store.all<{ category: string; n: number }>(
    `${w.sql} SELECT f.category AS category, count(*) AS n FROM q JOIN findings f ON f.scan_id = q.id GROUP BY f.category ORDER BY n DESC`,
    w.params,
  );
  const byCategory: Record<string, number> = {};
  for (const r of catRows) byCategory[r.category] = r.n;
  return { items, counts: { total, byStatus, byCategory } };
}

/** Distinct domains in the store (for the filter bar), most scans first. */
export async function listDomains(store: Store, limit = 200): Promise<string[]> {
  return (
    await store.all<{ domain: string }>(
      `SELECT p.domain AS domain FROM pages p WHERE p.domain <> '' GROUP BY p.domain ORDER BY count(*) DESC, p.domain LIMIT ?`,
      [limit],
    )
  ).map((r) => r.domain);
}

const DECISION_COLS = `d.id AS id, d.finding_id AS findingId, d.scan_id AS scanId, d.decision AS decision, d.category AS category,
  d.reviewer AS reviewer, d.decided_at AS decidedAt`;

/** One scan with its page, text and findings (each with its latest decision); null when the scan does not exist. */
export async function getReviewPage(store: Store, scanId: number): Promise<ReviewPage | null> {
  const s = await store.get<Record<string, unknown>>(
      `SELECT s.id, s.scanned_at, s.status, s.verdict, s.score, s.title, s.clean_title, s.clean_text, s.lang, s.text,
              s.winnow_version, s.rules_version, s.model_version,
              p.id AS page_id, p.url, p.final_url, p.domain, p.fetched_at, p.status AS http_status, (p.html IS NOT NULL) AS has_html
         FROM scans s JOIN pages p ON p.id = s.page_id WHERE s.id = ?`,
      [scanId],
  );
  if (!s) return null;
  const latest = await latestDecisions(store, scanId);
  const findings = (
    await store.all<Omit<ReviewFinding, 'rules' | 'decision'> & { rules: string }>(
        `SELECT id, scan_id AS scanId, text, start, "end" AS "end", block_id AS blockId, path, "where" AS "where", category, kind, score, points, rules
           FROM findings WHERE scan_id = ? ORDER BY start, id`,
      [scanId],
    )
  ).map((f) => ({ ...f, rules: parseRules(f.rules), decision: latest.get(f.id) ?? null }));
  const pageDecisions = await store.all<DecisionRecord>(
    `SELECT ${DECISION_COLS} FROM decisions d WHERE d.scan_id = ? AND d.finding_id IS NULL ORDER BY d.id DESC`,
    [scanId],
  );
  return {
    page: {
      id: s.page_id as number,
      url: s.url as string,
      finalUrl: (s.final_url as string | null) ?? null,
      domain: s.domain as string,
      fetchedAt: (s.fetched_at as string | null) ?? null,
      status: (s.http_status as number | null) ?? null,
      hasHtml: Boolean(s.has_html),
    },
    scan: {
      id: s.id as number,
      scannedAt: s.scanned_at as string,
      status: s.status as ScanStatus,
      verdict: s.verdict as 'clean' | 'contaminated',
      score: s.score as number,
      title: s.title as string,
      cleanTitle: s.clean_title as string,
      cleanText: s.clean_text as string,
      lang: s.lang as string,
      text: s.text as string,
      version: { winnow: s.winnow_version as string, rules: s.rules_version as string, model: s.model_version as string },
    },
    findings,
    pageDecisions,
  };
}

/** Raw bytes of the page as fetched (for the sandboxed original view); null when not kept. */
export async function getPageHtml(store: Store, scanId: number): Promise<Buffer | null> {
  const r = await store.get<{ html: Buffer | null }>(`SELECT p.html AS html FROM scans s JOIN pages p ON p.id = s.page_id WHERE s.id = ?`, [scanId]);
  return unpackHtml(r?.html);
}

function parseRules(json: string): RuleHit[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as RuleHit[]) : [];
  } catch {
    return [];
  }
}

async function latestDecisions(store: Store, scanId: number): Promise<Map<number, DecisionRecord>> {
  const rows = await store.all<DecisionRecord>(
      `SELECT ${DECISION_COLS} FROM decisions d
        WHERE d.scan_id = ? AND d.finding_id IS NOT NULL
          AND d.id = (SELECT max(d2.id) FROM decisions d2 WHERE d2.finding_id = d.finding_id)`,
      [scanId],
  );
  return new Map(rows.map((r) => [r.findingId as number, r]));
}

export interface DecisionInput {
  decision: FindingDecision;
  category?: string;
  reviewer: string;
  /** ISO time; now when omitted */
  at?: string;
}

/**
 * Record a decision on findings (one transaction). Returns the stored decisions; ids that do not exist are
 * reported in `missing` and nothing is written for them. A scan whose findings are all decided becomes 'reviewed'.
 */
export async function decideFindings(store: Store, ids: number[], input: DecisionInput): Promise<{ decisions: DecisionRecord[]; missing: number[] }> {
  const at = input.at ?? new Date().toISOString();
  const category = input.decision === 'recategorize' ? (input.category ?? null) : null;
  return store.tx(async (q) => {
    const out: DecisionRecord[] = [];
    const missing: number[] = [];
    const touched = new Set<number>();
    for (const id of ids) {
      const f = await q.get<{ scanId: number }>('SELECT scan_id AS scanId FROM findings WHERE id = ?', [id]);
      if (!f) {
        missing.push(id);
        continue;
      }
      const ins = await q.get<{ id: number }>(
        'INSERT INTO decisions (finding_id, scan_id, decision, category, reviewer, decided_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
        [id, f.scanId, input.decision, category, input.reviewer, at],
      );
      out.push({ id: ins!.id, findingId: id, scanId: f.scanId, decision: input.decision, category, reviewer: input.reviewer, decidedAt: at });
      touched.add(f.scanId);
    }
    for (const s of touched) {
      await q.run(
        `UPDATE scans SET status = 'reviewed' WHERE id = ? AND NOT EXISTS (
           SELECT 1 FROM findings f WHERE f.scan_id = scans.id AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.finding_id = f.id))`,
        [s],
      );
    }
    return { decisions: out, missing };
  });
}

/** Record a page-level decision; the scan becomes 'reviewed'. Returns null when the scan does not exist. */
export async function decideScan(store: Store, scanId: number, decision: PageDecision, reviewer: string, at = new Date().toISOString()): Promise<DecisionRecord | null> {
  return store.tx(async (q) => {
    const exists = await q.get('SELECT 1 AS hit FROM scans WHERE id = ?', [scanId]);
    if (!exists) return null;
    const ins = await q.get<{ id: number }>(
      'INSERT INTO decisions (finding_id, scan_id, decision, category, reviewer, decided_at) VALUES (NULL, ?, ?, NULL, ?, ?) RETURNING id',
      [scanId, decision, reviewer, at],
    );
    await q.run(`UPDATE scans SET status = 'reviewed' WHERE id = ?`, [scanId]);
    return { id: ins!.id, findingId: null, scanId, decision, category: null, reviewer, decidedAt: at } satisfies DecisionRecord;
  });
}

/** Every decision, newest first (for audits and tests). */
export async function listDecisions(store: Store, limit = 1000): Promise<DecisionRecord[]> {
  return store.all<DecisionRecord>(`SELECT ${DECISION_COLS} FROM decisions d ORDER BY d.id DESC LIMIT ?`, [limit]);
}

/**
 * The effective label of each decided finding: its latest finding-level decision, or, when it has none, the
 * latest page-level decision of its scan (page-clean = every finding dismissed; page-contaminated says nothing
 * about a single finding and is ignored here).
 */
const EFFECTIVE_LABELS = `
  WITH fd AS (
    SELECT d.finding_id AS fid, d.decision AS decision, d.category AS category FROM decisions d
     WHERE d.finding_id IS NOT NULL AND d.id = (SELECT max(d2.id) FROM decisions d2 WHERE d2.finding_id = d.finding_id)
  ), pd AS (
    SELECT d.scan_id AS sid, d.decision AS decision FROM decisions d
     WHERE d.finding_id IS NULL AND d.id = (SELECT max(d2.id) FROM decisions d2 WHERE d2.scan_id = d.scan_id AND d2.finding_id IS NULL)
  ), labels AS (
    SELECT f.id AS fid,
           CASE WHEN fd.decision IS NOT NULL THEN fd.decision
                WHEN pd.decision = 'page-clean' THEN 'dismiss' ELSE NULL END AS decision,
           COALESCE(fd.category, f.category) AS category
      FROM findings f LEFT JOIN fd ON fd.fid = f.id LEFT JOIN pd ON pd.sid = f.scan_id
  )`;

/** Per-rule precision from moderators' decisions, and the rules they mostly dismiss. */
export async function ruleStats(store: Store): Promise<RuleStats> {
  const d = store.dialect;
  const rows = await store.all<Omit<RuleStat, 'precision'>>(
      `${EFFECTIVE_LABELS}
       SELECT h.rule AS rule,
              count(*) AS fired,
              sum(CASE WHEN h.decision IN ('confirm','recategorize') THEN 1 ELSE 0 END) AS confirmed,
              sum(CASE WHEN h.decision = 'dismiss' THEN 1 ELSE 0 END) AS dismissed,
              max(h.points) AS points,
              max(h.description) AS description
         FROM (
           -- one row per (finding, rule): a rule that hit a finding several times counts once
           SELECT f.id AS fid, ${d.jsonText('r', 'rule')} AS rule, l.decision AS decision,
                  max(${d.jsonNumber('r', 'points')}) AS points, max(${d.jsonText('r', 'description')}) AS description
             FROM findings f JOIN labels l ON l.fid = f.id, ${d.jsonArray('f.rules', 'r')}
            GROUP BY f.id, ${d.jsonText('r', 'rule')}, l.decision
         ) h
        GROUP BY rule ORDER BY fired DESC, rule`,
  );
  const rules: RuleStat[] = rows
    .filter((r) => typeof r.rule === 'string')
    .map((r) => {
      const decided = r.confirmed + r.dismissed;
      return { ...r, points: r.points ?? 0, description: r.description ?? '', precision: decided > 0 ? r.confirmed / decided : null };
    });
  const mostlyDismissed = rules
    .filter((r) => r.confirmed + r.dismissed >= MIN_DECISIONS_FOR_TUNING && r.dismissed / (r.confirmed + r.dismissed) > MOSTLY_DISMISSED_SHARE)
    .sort((a, b) => (a.precision ?? 0) - (b.precision ?? 0) || b.dismissed - a.dismissed);
  const decisions = (await store.get<{ n: number }>('SELECT count(*) AS n FROM decisions'))!.n;
  return { rules, mostlyDismissed, decisions };
}

/**
 * Reviewed examples for retraining: confirmed / recategorized findings are spam (with their category),
 * dismissed ones (or findings of a page marked clean) are not. Deduplicated by text.
 */
export async function trainingExamples(store: Store): Promise<LabeledText[]> {
  const rows = await store.all<{ text: string; decision: FindingDecision; category: string }>(
    `${EFFECTIVE_LABELS}
       SELECT f.text AS text, l.decision AS decision, l.category AS category
         FROM findings f JOIN labels l ON l.fid = f.id WHERE l.decision IS NOT NULL ORDER BY f.id`,
  );
  // one example per text; when moderators decided the same text both ways, the majority wins and a tie teaches nothing
  const votes = new Map<string, { spam: number; ham: number; category?: string }>();
  for (const r of rows) {
    const text = r.text.trim();
    if (!text) continue;
    const v = votes.get(text) ?? { spam: 0, ham: 0 };
    if (r.decision === 'dismiss') v.ham++;
    else {
      v.spam++;
      v.category = r.category;
    }
    votes.set(text, v);
  }
  const out: LabeledText[] = [];
  for (const [text, v] of votes) {
    if (v.spam === v.ham) continue;
    out.push(v.spam > v.ham ? { text, spam: true, category: v.category } : { text, spam: false });
  }
  return out;
}

/** Number of scans in the store (the server seeds a demo corpus when it is 0). */
export async function countScans(store: Store): Promise<number> {
  return (await store.get<{ n: number }>('SELECT count(*) AS n FROM scans'))!.n;
}
