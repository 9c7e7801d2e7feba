// zod schemas for everything that crosses the HTTP boundary of `winnow serve`, and the OpenAPI 3.1 document
// generated from them (z.toJSONSchema emits JSON Schema 2020-12, the dialect OpenAPI 3.1 uses).
import { z } from 'zod';
import { Category } from '../detect/types.js';
import { QUEUE_MAX_LIMIT } from '../store/review.js';

/** Largest HTML body accepted by POST /api/scan {html}. */
export const MAX_SCAN_HTML_CHARS = 5_000_000;
/** Largest bulk decision. */
export const MAX_BULK_IDS = 1000;

const Id = z.coerce.number().int().positive();
const Reviewer = z.string().trim().min(1).max(80).regex(/^[^\u0000-\u001f]+$/, 'no control characters');

export const ScanBody = z.union([
  z.object({ url: z.url({ protocol: /^https?$/ }).max(4096), html: z.undefined().optional() }).strict(),
  z.object({ html: z.string().min(1).max(MAX_SCAN_HTML_CHARS), url: z.url({ protocol: /^https?$/ }).max(4096).optional() }).strict(),
]);
export type ScanBody = z.infer<typeof ScanBody>;

export const ScanResponse = z.object({
  scanId: z.number().int(),
  pageId: z.number().int(),
  url: z.string(),
  verdict: z.enum(['clean', 'contaminated']),
  score: z.number(),
  findings: z.number().int(),
});

export const QueueQuery = z
  .object({
    category: Category.optional(),
    domain: z.string().trim().min(1).max(253).optional(),
    minScore: z.coerce.number().min(0).max(1).optional(),
    maxScore: z.coerce.number().min(0).max(1).optional(),
    status: z.enum(['pending', 'reviewed']).optional(),
    limit: z.coerce.number().int().min(1).max(QUEUE_MAX_LIMIT).optional(),
    offset: z.coerce.number().int().min(0).optional(),
  })
  .strict()
  .refine((q) => q.minScore === undefined || q.maxScore === undefined || q.minScore <= q.maxScore, {
    message: 'minScore must not exceed maxScore',
    path: ['minScore'],
  });
export type QueueQuery = z.infer<typeof QueueQuery>;

export const QueueItem = z.object({
  scanId: z.number().int(),
  pageId: z.number().int(),
  url: z.string(),
  domain: z.string(),
  title: z.string(),
  score: z.number(),
  verdict: z.enum(['clean', 'contaminated']),
  status: z.enum(['pending', 'reviewed']),
  scannedAt: z.string(),
  findings: z.number().int(),
  decided: z.number().int(),
  categories: z.array(z.string()),
});
export const QueueResponse = z.object({
  items: z.array(QueueItem),
  counts: z.object({
    total: z.number().int(),
    byStatus: z.object({ pending: z.number().int(), reviewed: z.number().int() }),
    byCategory: z.record(z.string(), z.number().int()),
  }),
});

export const IdParams = z.object({ id: Id }).strict();
export const ScanIdParams = z.object({ scanId: Id }).strict();

/** What a moderator decides about a finding; recategorize needs the new category. */
const findingDecision = {
  decision: z.enum(['confirm', 'dismiss', 'recategorize']),
  category: Category.optional(),
  reviewer: Reviewer.optional(),
};
const recategorizeHasCategory: [(b: { decision: string; category?: unknown }) => boolean, { message: string; path: string[] }] = [
  (b) => b.decision !== 'recategorize' || b.category !== undefined,
  { message: 'recategorize needs a category', path: ['category'] },
];

export const FindingDecisionBody = z
  .object(findingDecision)
  .strict()
  .refine(...recategorizeHasCategory);
export type FindingDecisionBody = z.infer<typeof FindingDecisionBody>;

export const ScanDecisionBody = z
  .object({ decision: z.enum(['page-clean', 'page-contaminated']), reviewer: Reviewer.optional() })
  .strict();

export const BulkDecisionBody = z
  .object({ ids: z.array(z.number().int().positive()).min(1).max(MAX_BULK_IDS), ...findingDecision })
  .strict()
  .refine(...recategorizeHasCategory);

export const DecisionRecord = z.object({
  id: z.number().int(),
  findingId: z.number().int().nullable(),
  scanId: z.number().int(),
  decision: z.enum(['confirm', 'dismiss', 'recategorize', 'page-clean', 'page-contaminated']),
  category: z.string().nullable(),
  reviewer: z.string(),
  decidedAt: z.string(),
});
export const DecisionResponse = z.object({ decisions: z.array(DecisionRecord), missing: z.array(z.number().int()) });

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
});
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
    status: z.enum(['pending', 'reviewed']),
    verdict: z.enum(['clean', 'contaminated']),
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
});

const RuleStatOut = z.object({
  rule: z.string(),
  fired: z.number().int(),
  confirmed: z.number().int(),
  dismissed: z.number().int(),
  precision: z.number().nullable(),
  points: z.number(),
  description: z.string(),
});
export const RuleStatsResponse = z.object({
  rules: z.array(RuleStatOut),
  mostlyDismissed: z.array(RuleStatOut),
  decisions: z.number().int(),
});

/** No client-chosen paths: where the model goes is the server's option (AppOptions.modelPath). */
export const TrainBody = z.object({}).strict();
const Split = z.object({ pagePrecision: z.number(), pageRecall: z.number(), pageF1: z.number(), spanF1: z.number() });
export const TrainResponse = z.object({
  modelPath: z.string(),
  before: Split.nullable(),
  after: Split,
  trainedOn: z.number().int(),
  extra: z.object({ spam: z.number().int(), ham: z.number().int() }),
});

export const ErrorResponse = z.object({ error: z.string() });

/** Turn a zod failure into one readable line: "body.decision: Invalid option: expected one of ...". */
export function zodMessage(where: string, err: z.ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => `${[where, ...i.path.map(String)].join('.')}: ${i.message}`)
    .join('; ');
}

function js(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const s = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete s.$schema;
  return s;
}

function queryParams(): Record<string, unknown>[] {
  const props: Record<string, { type: string; enum?: readonly string[]; minimum?: number; maximum?: number }> = {
    category: { type: 'string', enum: Category.options },
    domain: { type: 'string' },
    minScore: { type: 'number', minimum: 0, maximum: 1 },
    maxScore: { type: 'number', minimum: 0, maximum: 1 },
    status: { type: 'string', enum: ['pending', 'reviewed'] },
    limit: { type: 'integer', minimum: 1, maximum: QUEUE_MAX_LIMIT },
    offset: { type: 'integer', minimum: 0 },
  };
  return Object.entries(props).map(([name, schema]) => ({ name, in: 'query', required: false, schema }));
}

function pathId(name: string): Record<string, unknown> {
  return { name, in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
}

function op(summary: string, opts: { body?: z.ZodType; response: z.ZodType; params?: Record<string, unknown>[] }): Record<string, unknown> {
  const errors = {
    '400': { description: 'invalid input', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    '401': { description: 'missing or wrong token', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  };
  return {
    summary,
    ...(opts.params ? { parameters: opts.params } : {}),
    ...(opts.body ? { requestBody: { required: true, content: { 'application/json': { schema: js(opts.body, 'input') } } } } : {}),
    responses: { '200': { description: 'OK', content: { 'application/json': { schema: js(opts.response) } } }, ...errors },
  };
}

/** The OpenAPI 3.1 description of the JSON API. */
export function openApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'winnow review API',
      version,
      description:
        'Moderation queue for injected SEO spam found by winnow. Every route except /healthz needs ' +
        '`Authorization: Bearer <token>` (or the session cookie plus the X-Winnow-CSRF header for state changes).',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: js(ErrorResponse) },
    },
    security: [{ bearer: [] }],
    paths: {
      '/healthz': {
        get: { summary: 'liveness (no auth)', security: [], responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { ok: { type: 'boolean' } } } } } } } },
      },
      '/api/scan': { post: op('scan a URL (fetched) or a posted HTML page and queue the result', { body: ScanBody, response: ScanResponse }) },
      '/api/queue': { get: op('the review queue, highest score first, with counts', { params: queryParams(), response: QueueResponse }) },
      '/api/pages/{scanId}': { get: op('one scanned page with its text, result and findings', { params: [pathId('scanId')], response: PageResponse }) },
      '/api/findings/{id}/decision': {
        post: op('confirm, dismiss or recategorize one finding', { params: [pathId('id')], body: FindingDecisionBody, response: DecisionResponse }),
      },
      '/api/scans/{id}/decision': {
        post: op('mark a whole page clean or contaminated', { params: [pathId('id')], body: ScanDecisionBody, response: DecisionRecord }),
      },
      '/api/decisions': { post: op('the same decision on many findings', { body: BulkDecisionBody, response: DecisionResponse }) },
      '/api/rules/stats': { get: op('per-rule precision from decisions; rules mostly dismissed', { response: RuleStatsResponse }) },
      '/api/train': { post: op('retrain the classifier with the reviewed findings as extra labelled texts', { body: TrainBody, response: TrainResponse }) },
      '/api/openapi.json': { get: { summary: 'this document', responses: { '200': { description: 'OpenAPI 3.1 JSON' } } } },
    },
  };
}
