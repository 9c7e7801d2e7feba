// zod schemas for everything that crosses the HTTP boundary of `winnow serve`. Fastify validates requests and
// responses with them (fastify-type-provider-zod) and @fastify/swagger builds the OpenAPI 3.1 document from
// them. Response schemas are checked against the store's own types (`satisfies z.ZodType<…>`): they describe
// the store's rows for the wire without declaring a second copy that could drift apart.
import { z } from 'zod';
import { Category } from '../detect/types.js';
import { QUEUE_MAX_LIMIT, MAX_MARKED_CHARS, type QueueFilter, type QueueResult, type DecisionRecord as StoreDecision, type HistoryEntry, type ReviewFinding } from '../store/review.js';
import type { RuleReview } from './rule-review.js';

/** Largest HTML body accepted by POST /api/scan {html}. */
export const MAX_SCAN_HTML_CHARS = 5_000_000;
/** Largest bulk decision. */
export const MAX_BULK_IDS = 1000;

/**
 * A path or query value as its decimal digits: no hex (0x10), exponent (1e1), sign, blank or fraction that
 * z.coerce.number() would turn into another id.
 */
const Id = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, 'expected a positive whole number (decimal digits)')
  .transform(Number);
/** One value of a query parameter: a parameter given twice (?limit=1&limit=2) is refused, not read as NaN or a list. */
function once<T extends z.ZodType>(s: T) {
  return z.preprocess((v, ctx) => {
    if (Array.isArray(v)) ctx.addIssue({ code: 'custom', message: `given ${v.length} times; give it once`, input: v });
    return v;
  }, s);
}
/** A query number written out in decimal ("0.5", "20"), never the blank that z.coerce.number() reads as 0. */
function queryNumber(what: string) {
  return z.string().trim().regex(/^\d+(\.\d+)?$/, `expected ${what}`).transform(Number);
}
/** An http(s) URL a scan names (the page to fetch, or the address of a posted page). */
const HttpUrl = z.url({ protocol: /^https?$/ }).max(4096);
/** A score bound of the queue filter. */
const QueryScore = once(queryNumber('a number from 0 to 1').pipe(z.number().min(0).max(1)));
const Verdict = z.enum(['clean', 'contaminated']);
const Status = z.enum(['pending', 'reviewed']);

export const ScanBody = z.union([
  z.object({ url: HttpUrl, html: z.undefined().optional() }).strict(),
  z.object({ html: z.string().min(1).max(MAX_SCAN_HTML_CHARS), url: HttpUrl.optional() }).strict(),
], { error: `expected a JSON object {"url"} or {"html"[, "url"]} (url an http(s) URL, html a page of 1 to ${MAX_SCAN_HTML_CHARS} characters), or a text/html page` });
export type ScanBody = z.infer<typeof ScanBody>;
/** The page's URL of a text/html body (a JSON body carries its own). */
export const ScanQuery = z.object({ url: once(HttpUrl).optional() }).strict();

export const ScanResponse = z.object({
  scanId: z.number().int(),
  pageId: z.number().int(),
  url: z.string(),
  verdict: Verdict,
  score: z.number(),
  findings: z.number().int(),
});

export const QueueQuery = z
  .object({
    q: once(z.string().trim().min(1).max(200)).optional().describe('words in a finding, the title or the URL'),
    verdict: once(Verdict).optional(),
    category: once(Category).optional(),
    domain: once(z.string().trim().min(1).max(253)).optional(),
    minScore: QueryScore.optional(),
    maxScore: QueryScore.optional(),
    status: once(Status).optional(),
    sort: once(z.enum(['score', 'recent'])).optional().describe('score: highest first (default); recent: newest scan first'),
    limit: once(queryNumber(`a whole number from 1 to ${QUEUE_MAX_LIMIT}`).pipe(z.number().int().min(1).max(QUEUE_MAX_LIMIT))).optional(),
    after: once(z.string().min(1).max(200)).optional().describe('cursor: the `next` of the previous page'),
  })
  .strict()
  .refine((q) => q.minScore === undefined || q.maxScore === undefined || q.minScore <= q.maxScore, {
    message: 'minScore must not exceed maxScore',
    path: ['minScore'],
  }) satisfies z.ZodType<QueueFilter>;
export type QueueQuery = z.infer<typeof QueueQuery>;

export const QueueItem = z.object({
  scanId: z.number().int(),
  pageId: z.number().int(),
  url: z.string().describe("the page's real URL (final URL; a WARC record's target URI)"),
  key: z.string().describe('the key the page is stored under (input URL, file:…, warc:…#record-id)'),
  domain: z.string(),
  title: z.string(),
  score: z.number(),
  verdict: Verdict,
  status: Status,
  scannedAt: z.string(),
  findings: z.number().int(),
  decided: z.number().int(),
  categories: z.array(z.string()),
  spam: z.string().nullable().describe("the strongest finding's text (cut)"),
});
export const QueueResponse = z.object({
  items: z.array(QueueItem),
  counts: z.object({
    total: z.number().int(),
    byStatus: z.object({ pending: z.number().int(), reviewed: z.number().int() }),
    byCategory: z.record(z.string(), z.number().int()),
  }),
  next: z.string().nullable(),
}) satisfies z.ZodType<QueueResult>;

export const IdParams = z.object({ id: Id }).strict();
export const ScanIdParams = z.object({ scanId: Id }).strict();

/** What a moderator decides about a finding; recategorize needs the new category. The reviewer is the token's. */
const findingDecision = {
  decision: z.enum(['confirm', 'dismiss', 'recategorize']),
  category: Category.optional(),
};
const recategorizeHasCategory: [(b: { decision: string; category?: unknown }) => boolean, { message: string; path: string[] }] = [
  (b) => b.decision !== 'recategorize' || b.category !== undefined,
  { message: 'recategorize needs a category', path: ['category'] },
];
/** confirm and dismiss keep the finding's category: a category sent with them is refused, not dropped. */
const categoryOnlyWithRecategorize: [(b: { decision: string; category?: unknown }) => boolean, { message: string; path: string[] }] = [
  (b) => b.category === undefined || b.decision === 'recategorize',
  { message: 'a category is only taken with decision "recategorize" (confirm and dismiss keep the finding\'s category)', path: ['category'] },
];

export const FindingDecisionBody = z
  .object(findingDecision)
  .strict()
  .refine(...recategorizeHasCategory)
  .refine(...categoryOnlyWithRecategorize);
export type FindingDecisionBody = z.infer<typeof FindingDecisionBody>;

export const ScanDecisionBody = z.object({ decision: z.enum(['page-clean', 'page-contaminated']) }).strict();

export const BulkDecisionBody = z
  .object({ ids: z.array(z.number().int().positive()).min(1).max(MAX_BULK_IDS), ...findingDecision })
  .strict()
  .refine(...recategorizeHasCategory)
  .refine(...categoryOnlyWithRecategorize);

export const DecisionRecord = z.object({
  id: z.number().int(),
  findingId: z.number().int().nullable(),
  scanId: z.number().int(),
  decision: z.enum(['confirm', 'dismiss', 'recategorize', 'page-clean', 'page-contaminated']),
  category: z.string().nullable(),
  reviewer: z.string(),
  decidedAt: z.string(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
}) satisfies z.ZodType<StoreDecision>;
export const DecisionResponse = z.object({ decisions: z.array(DecisionRecord), missing: z.array(z.number().int()) });
export const UndoResponse = z.object({ decision: DecisionRecord, status: Status });

const HistoryEntryOut = DecisionRecord.extend({ findingText: z.string().nullable() }) satisfies z.ZodType<HistoryEntry>;

const RuleHitOut = z.object({ rule: z.string(), points: z.number(), description: z.string(), evidence: z.string() });
export const ReviewFindingOut = z.object({
  id: z.number().int(),
  scanId: z.number().int(),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  blockId: z.number().int(),
  path: z.string(),
  where: z.string(),
  category: z.string(),
  kind: z.string(),
  score: z.number(),
  points: z.number(),
  rules: z.array(RuleHitOut),
  decision: DecisionRecord.nullable(),
}) satisfies z.ZodType<ReviewFinding>;

/** A span of result.text the detector missed, marked as spam of a category. */
export const MarkBody = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(1), category: Category })
  .strict()
  .refine((b) => b.end > b.start, { message: 'end must be after start', path: ['end'] })
  .refine((b) => b.end - b.start <= MAX_MARKED_CHARS, { message: `at most ${MAX_MARKED_CHARS} characters`, path: ['end'] });
export const MarkResponse = z.object({ finding: ReviewFindingOut });

export const PageResponse = z.object({
  page: z.object({
    id: z.number().int(),
    url: z.string(),
    finalUrl: z.string().nullable(),
    domain: z.string(),
    fetchedAt: z.string().nullable(),
    status: z.number().int().nullable(),
    hasHtml: z.boolean(),
  }),
  result: z.object({
    scanId: z.number().int(),
    scannedAt: z.string(),
    status: Status,
    verdict: Verdict,
    score: z.number(),
    title: z.string(),
    cleanTitle: z.string(),
    cleanText: z.string(),
    lang: z.string(),
    text: z.string(),
    version: z.object({ winnow: z.string(), rules: z.string(), model: z.string() }),
  }),
  findings: z.array(ReviewFindingOut),
  pageDecisions: z.array(DecisionRecord),
  history: z.array(HistoryEntryOut),
});

const Interval = z.object({ rate: z.number(), low: z.number(), high: z.number() });
const RuleRowOut = z.object({
  rule: z.string(),
  fired: z.number().int(),
  confirmed: z.number().int(),
  dismissed: z.number().int(),
  precision: Interval.nullable().describe('share of decided findings confirmed, with its 95% Wilson interval; null for rules that subtract points'),
  points: z.number(),
  description: z.string(),
});
export const RuleStatsResponse = z.object({
  positive: z.array(RuleRowOut),
  negative: z.array(RuleRowOut),
  candidates: z.array(RuleRowOut).describe('rules whose whole interval lies below maxShare after at least minDecisions decisions'),
  decisions: z.number().int(),
  minDecisions: z.number().int(),
  maxShare: z.number(),
}) satisfies z.ZodType<RuleReview>;

/** No client-chosen paths: where the model goes is the server's option (AppOptions.modelPath). */
export const EmptyBody = z.object({}).strict();
export const TrainBody = EmptyBody;
const Split = z.object({ pagePrecision: z.number(), pageRecall: z.number(), pageF1: z.number(), spanF1: z.number() });
export const TrainResponse = z.object({
  modelPath: z.string(),
  before: Split.nullable(),
  after: Split,
  trainedOn: z.number().int(),
  extra: z.object({ spam: z.number().int(), ham: z.number().int() }),
});

export const ErrorResponse = z.object({ error: z.string() });
export const HealthResponse = z.object({ ok: z.boolean(), version: z.string() });
/** The token as typed in the login form (or in the one-time URL the server prints). */
const TokenField = z.string().max(512).optional();
export const LoginQuery = z.object({ token: TokenField });
export const LoginBody = z.object({ token: TokenField });

/** Turn a zod failure into one readable line: "query.minScore: Too big: expected number to be <=1". */
export function zodMessage(where: string, err: z.ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => `${[where, ...i.path.map(String)].join('.')}: ${i.message}`)
    .join('; ');
}
