// Review queries for `winnow serve`: the moderation queue, one page with its findings, decisions (who, when),
// per-rule precision from decisions, and reviewed examples for retraining.
// Pure SQL over the store opened by openStore() (SQLite or PostgreSQL); no HTTP here.
import { unpackHtml, type Store, type PageRow, type Queryable } from './index.js';
import { InputError } from '../errors.js';
import type { RuleHit } from '../detect/types.js';
import type { LabeledText } from '../detect/labeled.js';

/** Default and maximum page size of the queue. */
export const QUEUE_DEFAULT_LIMIT = 50;
export const QUEUE_MAX_LIMIT = 500;

export type FindingDecision = 'confirm' | 'dismiss' | 'recategorize';
export type PageDecision = 'page-clean' | 'page-contaminated';
export type Decision = FindingDecision | PageDecision;
export type ScanStatus = 'pending' | 'reviewed';

export type QueueSort = 'score' | 'recent';

export interface QueueFilter {
  verdict?: 'clean' | 'contaminated';
  category?: string;
  domain?: string;
  minScore?: number;
  maxScore?: number;
  status?: ScanStatus;
  /** words in a finding's text, the title or the URL (case-insensitive substring) */
  q?: string;
  /** score: highest first (default); recent: newest scan first */
  sort?: QueueSort;
  limit?: number;
  /** keyset cursor: the `next` of the previous page */
  after?: string;
}

/** Kind of a finding a moderator added by marking text the detector missed. */
export const MODERATOR_KIND = 'moderator-marked';
/** Longest span a moderator can mark as missed spam (a paragraph block, not a page). */
export const MAX_MARKED_CHARS = 20_000;
/** Characters of a finding's text shown in a queue row. */
const QUEUE_SPAM_CHARS = 300;

export interface QueueItem {
  scanId: number;
  pageId: number;
  /** the page's real URL (the final URL; for a WARC record its target URI), else the stored key */
  url: string;
  /** the key the page is stored under (input URL, file:…, warc:…#record-id) */
  key: string;
  domain: string;
  title: string;
  score: number;
  verdict: 'clean' | 'contaminated';
  status: ScanStatus;
  scannedAt: string;
  findings: number;
  decided: number;
  categories: string[];
  /** the text of the strongest finding (cut to a few hundred characters), null on a page without findings */
  spam: string | null;
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
  /** cursor of the next page (pass as `after`), null on the last page */
  next: string | null;
}

export interface DecisionRecord {
  id: number;
  findingId: number | null;
  scanId: number;
  decision: Decision;
  category: string | null;
  reviewer: string;
  decidedAt: string;
  /** set when the decision was undone (it then no longer counts) */
  undoneAt: string | null;
  undoneBy: string | null;
}

/** A decision in a page's history, with the start of the text it was about. */
export interface HistoryEntry extends DecisionRecord {
  findingText: string | null;
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
  /** every decision on the page and its findings, undone ones included, newest first */
  history: HistoryEntry[];
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
  /** decisions that count (not undone) */
  decisions: number;
}

/** A queue row as the database returns it: categories still a comma-joined string. */
type QueueRow = Omit<QueueItem, 'categories'> & { categories: string | null };

/** Status and category counts per filter, reused until the store changes (see queueCounts). */
interface CachedCounts {
  at: number;
  generation: number;
  /** how long computing them took */
  ms: number;
  counts: Omit<QueueCounts, 'total'>;
}
/**
 * Counting every matching page walks the whole store (~40-60 ms on 20k pages on a busy 2-core machine) while one
 * page of rows costs ~2 ms, so counts are cached per filter. Writes through this module bump the store's
 * generation, which is exact for a SQLite store (one writer process); COUNTS_TTL_MS bounds how long writes by
 * other processes (PostgreSQL workers) go unseen. When counting is slow (over COUNTS_SLOW_MS), a filter is
 * recounted at most once per COUNTS_MIN_INTERVAL_MS, so a moderator deciding a finding every second does not
 * make every queue request walk the store: the counts then lag writes by at most that interval.
 */
export const COUNTS_TTL_MS = 3000;
export const COUNTS_SLOW_MS = 20;
export const COUNTS_MIN_INTERVAL_MS = 2000;
const countsCache = new WeakMap<Store, Map<string, CachedCounts>>();
const generations = new WeakMap<Store, number>();

/** Tell the queue that the store changed (new scans, decisions): cached counts are recomputed. */
export function noteStoreWrite(store: Store): void {
  generations.set(store, (generations.get(store) ?? 0) + 1);
}

/** `%text%` for LIKE with the user's own % and _ taken literally (ESCAPE '\\'). */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** WHERE conditions of a filter, over `s` (scans) and `p` (pages); the newest scan of each page only. */
function queueWhere(f: QueueFilter, withStatus: boolean): { parts: string[]; params: Record<string, unknown>; pages: boolean } {
  const parts = ['NOT EXISTS (SELECT 1 FROM scans s2 WHERE s2.page_id = s.page_id AND s2.id > s.id)'];
  const params: Record<string, unknown> = {};
  if (f.verdict) {
    parts.push('s.verdict = @verdict');
    params.verdict = f.verdict;
  }
  if (f.category) {
    parts.push('EXISTS (SELECT 1 FROM findings fc WHERE fc.scan_id = s.id AND fc.category = @category)');
    params.category = f.category;
  }
  if (f.domain) {
    // through the narrow domain index, not by walking the score order and reading each page row
    parts.push('s.page_id IN (SELECT pd.id FROM pages pd WHERE pd.domain = @domain OR pd.domain LIKE @domainSuffix)');
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
  if (f.q) {
    parts.push(`(lower(s.title) LIKE @q ESCAPE '\\' OR lower(p.url) LIKE @q ESCAPE '\\' OR lower(COALESCE(p.final_url, '')) LIKE @q ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM findings ft WHERE ft.scan_id = s.id AND lower(ft.text) LIKE @q ESCAPE '\\'))`);
    params.q = likePattern(f.q);
  }
  return { parts, params, pages: Boolean(f.q) };
}

/** The cursor after a row: sort key and id, opaque to clients. */
function cursorOf(sort: QueueSort, row: { score: number; scanId: number }): string {
  return Buffer.from(JSON.stringify(sort === 'recent' ? [row.scanId] : [row.score, row.scanId])).toString('base64url');
}

/** Parse a cursor; a cursor that does not fit the sort is an InputError (a 400 for the API). */
export function parseCursor(sort: QueueSort, after: string): { score?: number; id: number } {
  try {
    const v = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      if (sort === 'recent' && v.length === 1) return { id: v[0] };
      if (sort === 'score' && v.length === 2) return { score: v[0], id: v[1] };
    }
  } catch {
    /* fall through */
  }
  throw new InputError(`query.after: not a cursor of this queue (sort ${sort})`);
}

async function queueCounts(store: Store, f: QueueFilter): Promise<Omit<QueueCounts, 'total'>> {
  const key = JSON.stringify([f.verdict, f.category, f.domain, f.minScore, f.maxScore, f.q]);
  const generation = generations.get(store) ?? 0;
  let cache = countsCache.get(store);
  if (!cache) countsCache.set(store, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) {
    const age = Date.now() - hit.at;
    const stale = hit.generation !== generation || (store.dialect.name !== 'sqlite' && age >= COUNTS_TTL_MS);
    if (!stale || (hit.ms > COUNTS_SLOW_MS && age < COUNTS_MIN_INTERVAL_MS)) return hit.counts;
  }
  const t0 = performance.now();
  // status counts ignore the status filter (so the tabs show both), the rest honour every filter; without a page
  // filter the scans side is read from its covering index only
  const w = queueWhere(f, false);
  const from = `scans s${store.dialect.name === 'sqlite' ? ' INDEXED BY scans_latest_cover' : ''}${w.pages ? ' JOIN pages p ON p.id = s.page_id' : ''}`;
  const statusRows = await store.all<{ status: ScanStatus; n: number }>(
    `SELECT s.status AS status, count(*) AS n FROM ${from} WHERE ${w.parts.join(' AND ')} GROUP BY s.status`,
    w.params,
  );
  const byStatus: Record<ScanStatus, number> = { pending: 0, reviewed: 0 };
  for (const r of statusRows) byStatus[r.status] = Number(r.n);
  const catRows = await store.all<{ category: string; n: number }>(
    `SELECT f.category AS category, count(*) AS n FROM ${from} JOIN findings f ON f.scan_id = s.id
      WHERE ${w.parts.join(' AND ')} GROUP BY f.category ORDER BY n DESC`,
    w.params,
  );
  const byCategory: Record<string, number> = {};
  for (const r of catRows) byCategory[r.category] = Number(r.n);
  const counts = { byStatus, byCategory };
  if (cache.size > 500) cache.clear();
  cache.set(key, { at: Date.now(), generation, ms: performance.now() - t0, counts });
  return counts;
}

/**
 * The review queue: the newest scan of each page that passes the filter, highest score (or newest) first, one
 * page of rows after the cursor. Keyset pagination walks the score index from the cursor, so any page of the
 * queue costs the same as the first; each row carries its strongest finding's text and the page's real URL.
 */
export async function listQueue(store: Store, filter: QueueFilter = {}): Promise<QueueResult> {
  // a page of rows is reused while the store has not changed (SQLite: exact; PostgreSQL: at most COUNTS_TTL_MS)
  const key = JSON.stringify(filter);
  const generation = generations.get(store) ?? 0;
  let pages = pagesCache.get(store);
  if (!pages) pagesCache.set(store, (pages = new Map()));
  const hit = pages.get(key);
  if (hit && hit.generation === generation && (store.dialect.name === 'sqlite' || Date.now() - hit.at < COUNTS_TTL_MS)) return hit.result;
  const result = await listQueueNow(store, filter);
  if (pages.size > 1000) pages.clear();
  pages.set(key, { at: Date.now(), generation, result });
  return result;
}

const pagesCache = new WeakMap<Store, Map<string, { at: number; generation: number; result: QueueResult }>>();

async function listQueueNow(store: Store, filter: QueueFilter): Promise<QueueResult> {
  const limit = Math.min(Math.max(filter.limit ?? QUEUE_DEFAULT_LIMIT, 1), QUEUE_MAX_LIMIT);
  const sort: QueueSort = filter.sort ?? 'score';
  const w = queueWhere(filter, true);
  const params: Record<string, unknown> = { ...w.params, limit: limit + 1 };
  if (filter.after) {
    const c = parseCursor(sort, filter.after);
    if (sort === 'recent') w.parts.push('s.id < @afterId');
    else {
      w.parts.push('(s.score < @afterScore OR (s.score = @afterScore AND s.id < @afterId))');
      params.afterScore = c.score;
    }
    params.afterId = c.id;
  }
  const order = sort === 'recent' ? 's.id DESC' : 's.score DESC, s.id DESC';
  const rows = await store.all<QueueRow>(
    `SELECT s.id AS scanId, p.id AS pageId, COALESCE(p.final_url, p.url) AS url, p.url AS key, p.domain AS domain, s.title AS title,
            s.score AS score, s.verdict AS verdict, s.status AS status, s.scanned_at AS scannedAt,
            (SELECT count(*) FROM findings f WHERE f.scan_id = s.id) AS findings,
            (SELECT count(DISTINCT d.finding_id) FROM decisions d WHERE d.scan_id = s.id AND d.finding_id IS NOT NULL AND d.undone_at IS NULL) AS decided,
            (SELECT ${store.dialect.groupConcatDistinct('f.category')} FROM findings f WHERE f.scan_id = s.id) AS categories,
            (SELECT substr(f.text, 1, ${QUEUE_SPAM_CHARS}) FROM findings f WHERE f.scan_id = s.id ORDER BY f.score DESC, f.id LIMIT 1) AS spam
       FROM scans s JOIN pages p ON p.id = s.page_id
      WHERE ${w.parts.join(' AND ')}
      ORDER BY ${order} LIMIT @limit`,
    params,
  );
  const more = rows.length > limit;
  const items: QueueItem[] = rows.slice(0, limit).map((r) => ({
    ...r,
    findings: Number(r.findings),
    decided: Number(r.decided),
    categories: r.categories ? r.categories.split(',').sort() : [],
  }));
  const c = await queueCounts(store, filter);
  const total = filter.status ? c.byStatus[filter.status] : c.byStatus.pending + c.byStatus.reviewed;
  return { items, counts: { total, ...c }, next: more ? cursorOf(sort, items[items.length - 1]) : null };
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
  d.reviewer AS reviewer, d.decided_at AS decidedAt, d.undone_at AS undoneAt, d.undone_by AS undoneBy`;

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
  const history = await store.all<HistoryEntry>(
    `SELECT ${DECISION_COLS}, substr(f.text, 1, 200) AS findingText
       FROM decisions d LEFT JOIN findings f ON f.id = d.finding_id WHERE d.scan_id = ? ORDER BY d.id DESC`,
    [scanId],
  );
  const pageDecisions: DecisionRecord[] = history.filter((d) => d.findingId === null).map(({ findingText: _t, ...d }) => d);
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
    history,
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
          AND d.id = (SELECT max(d2.id) FROM decisions d2 WHERE d2.finding_id = d.finding_id AND d2.undone_at IS NULL)`,
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
      out.push({ id: ins!.id, findingId: id, scanId: f.scanId, decision: input.decision, category, reviewer: input.reviewer, decidedAt: at, undoneAt: null, undoneBy: null });
      touched.add(f.scanId);
    }
    for (const s of touched) await refreshStatus(q, s);
    noteStoreWrite(store);
    return { decisions: out, missing };
  });
}

/**
 * A scan is reviewed when a page-level decision stands, or when it has findings and each has a decision that
 * stands (not undone); otherwise it is pending again (after an undo).
 */
async function refreshStatus(q: Queryable, scanId: number): Promise<void> {
  await q.run(
    `UPDATE scans SET status = CASE WHEN
        EXISTS (SELECT 1 FROM decisions d WHERE d.scan_id = scans.id AND d.finding_id IS NULL AND d.undone_at IS NULL)
        OR (EXISTS (SELECT 1 FROM findings f WHERE f.scan_id = scans.id)
            AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.scan_id = scans.id
                              AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.finding_id = f.id AND d.undone_at IS NULL)))
      THEN 'reviewed' ELSE 'pending' END
      WHERE id = ?`,
    [scanId],
  );
}

export type UndoResult = { ok: true; decision: DecisionRecord; status: ScanStatus } | { ok: false; reason: 'missing' | 'not-yours' | 'already-undone' };

/**
 * Undo a decision: it stays in the history marked undone (by whom, when) and stops counting; the finding falls
 * back to its previous decision still standing, if any, and the scan's status is recomputed. Only the reviewer
 * who made a decision can undo it.
 */
export async function undoDecision(store: Store, decisionId: number, reviewer: string, at = new Date().toISOString()): Promise<UndoResult> {
  return store.tx(async (q) => {
    const d = await q.get<DecisionRecord>(`SELECT ${DECISION_COLS} FROM decisions d WHERE d.id = ?`, [decisionId]);
    if (!d) return { ok: false, reason: 'missing' } as const;
    if (d.reviewer !== reviewer) return { ok: false, reason: 'not-yours' } as const;
    if (d.undoneAt) return { ok: false, reason: 'already-undone' } as const;
    await q.run('UPDATE decisions SET undone_at = ?, undone_by = ? WHERE id = ?', [at, reviewer, decisionId]);
    await refreshStatus(q, d.scanId);
    const st = await q.get<{ status: ScanStatus }>('SELECT status FROM scans WHERE id = ?', [d.scanId]);
    noteStoreWrite(store);
    return { ok: true, decision: { ...d, undoneAt: at, undoneBy: reviewer }, status: st!.status } as const;
  });
}

export interface MarkedSpan {
  start: number;
  end: number;
  category: string;
}

export type MarkResult =
  | { ok: true; finding: ReviewFinding }
  | { ok: false; reason: 'missing' | 'bad-range' | 'duplicate'; message: string };

/**
 * A span of the page text the detector missed, marked by a moderator: stored as a finding of kind
 * MODERATOR_KIND (no rules fired) with a confirm decision by that moderator, so retraining takes it as a spam
 * example of the chosen category and the rules page does not count it for any rule.
 */
export async function markMissedSpam(store: Store, scanId: number, span: MarkedSpan, reviewer: string, at = new Date().toISOString()): Promise<MarkResult> {
  return store.tx(async (q) => {
    const s = await q.get<{ text: string }>('SELECT text FROM scans WHERE id = ?', [scanId]);
    if (!s) return { ok: false, reason: 'missing', message: `no scan ${scanId}` } as const;
    const { start, end } = span;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= s.text.length)) {
      return { ok: false, reason: 'bad-range', message: `span ${start}-${end} is outside the page text (0-${s.text.length})` } as const;
    }
    if (end - start > MAX_MARKED_CHARS) return { ok: false, reason: 'bad-range', message: `span longer than ${MAX_MARKED_CHARS} characters` } as const;
    const text = s.text.slice(start, end);
    if (!text.trim()) return { ok: false, reason: 'bad-range', message: 'the marked span is only whitespace' } as const;
    const dup = await q.get('SELECT 1 AS hit FROM findings WHERE scan_id = ? AND start = ? AND "end" = ?', [scanId, start, end]);
    if (dup) return { ok: false, reason: 'duplicate', message: 'this span is already a finding' } as const;
    const ins = await q.get<{ id: number }>(
      `INSERT INTO findings (scan_id, text, start, "end", block_id, path, "where", category, kind, score, points, rules)
       VALUES (?, ?, ?, ?, -1, '', 'body', ?, ?, 1, 0, '[]') RETURNING id`,
      [scanId, text, start, end, span.category, MODERATOR_KIND],
    );
    const dec = await q.get<{ id: number }>(
      `INSERT INTO decisions (finding_id, scan_id, decision, category, reviewer, decided_at) VALUES (?, ?, 'confirm', NULL, ?, ?) RETURNING id`,
      [ins!.id, scanId, reviewer, at],
    );
    await refreshStatus(q, scanId);
    noteStoreWrite(store);
    const decision: DecisionRecord = { id: dec!.id, findingId: ins!.id, scanId, decision: 'confirm', category: null, reviewer, decidedAt: at, undoneAt: null, undoneBy: null };
    const finding: ReviewFinding = {
      id: ins!.id, scanId, text, start, end, blockId: -1, path: '', where: 'body', category: span.category, kind: MODERATOR_KIND,
      score: 1, points: 0, rules: [], decision,
    };
    return { ok: true, finding } as const;
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
    noteStoreWrite(store);
    return { id: ins!.id, findingId: null, scanId, decision, category: null, reviewer, decidedAt: at, undoneAt: null, undoneBy: null } satisfies DecisionRecord;
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
     WHERE d.finding_id IS NOT NULL AND d.id = (SELECT max(d2.id) FROM decisions d2 WHERE d2.finding_id = d.finding_id AND d2.undone_at IS NULL)
  ), pd AS (
    SELECT d.scan_id AS sid, d.decision AS decision FROM decisions d
     WHERE d.finding_id IS NULL AND d.id = (SELECT max(d2.id) FROM decisions d2 WHERE d2.scan_id = d.scan_id AND d2.finding_id IS NULL AND d2.undone_at IS NULL)
  ), labels AS (
    SELECT f.id AS fid,
           CASE WHEN fd.decision IS NOT NULL THEN fd.decision
                WHEN pd.decision = 'page-clean' THEN 'dismiss' ELSE NULL END AS decision,
           COALESCE(fd.category, f.category) AS category
      FROM findings f LEFT JOIN fd ON fd.fid = f.id LEFT JOIN pd ON pd.sid = f.scan_id
  )`;

/** Per-rule counts of findings fired on, confirmed and dismissed (decisions that stand). */
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
  const decisions = Number((await store.get<{ n: number }>('SELECT count(*) AS n FROM decisions WHERE undone_at IS NULL'))!.n);
  return { rules, decisions };
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
