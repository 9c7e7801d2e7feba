// Aggregate the store into the numbers a researcher reports: per domain, category, rule and injection kind; top
// injected phrases and link targets; pages and findings per day. Reviewer decisions are applied: a dismissed
// finding is not counted, a recategorized one counts under its new category, a page marked clean drops its findings.
// Only each page's latest scan counts (re-scans do not double-count).
import { z } from 'zod';
import type { Store } from '../store/index.js';
import { InputError } from '../errors.js';

/** Rows kept in each ranked table (domains, rules, phrases, link targets). */
export const TOP_N = 25;
/** Evidence longer than this is not a "phrase" (it is a whole block) and is cut for display. */
const MAX_PHRASE_CHARS = 60;

const Count = z.object({ key: z.string(), pages: z.number().int(), findings: z.number().int() });
export const ReportData = z.object({
  generatedAt: z.string(),
  since: z.string().nullable(),
  totals: z.object({
    pages: z.number().int(),
    contaminatedPages: z.number().int(),
    findings: z.number().int(),
    dismissedFindings: z.number().int(),
  }),
  byDomain: z.array(z.object({ domain: z.string(), pages: z.number().int(), contaminatedPages: z.number().int(), findings: z.number().int() })),
  byCategory: z.array(Count),
  byKind: z.array(Count),
  byRule: z.array(Count.extend({ points: z.number() })),
  topPhrases: z.array(Count),
  topLinkTargets: z.array(Count),
  perDay: z.array(z.object({ day: z.string(), pages: z.number().int(), contaminatedPages: z.number().int(), findings: z.number().int() })),
});
export type ReportData = z.infer<typeof ReportData>;

/** "2026-11-01", an ISO time, or "<n>d" (n days ago) -> an ISO prefix to compare against; InputError otherwise. */
export function parseSince(since: string | undefined, now = new Date()): string | null {
  if (since === undefined || since === '') return null;
  const rel = /^(\d{1,5})d$/.exec(since.trim());
  if (rel) return new Date(now.getTime() - Number(rel[1]) * 86_400_000).toISOString().slice(0, 10);
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+Z?)?$/.test(since.trim()) && !Number.isNaN(Date.parse(since.trim()))) return since.trim().replace(' ', 'T');
  throw new InputError(`--since: expected a date like 2026-11-01 or a number of days like 7d (got ${since})`);
}

const DOMAIN_RE = /\b(?:https?:\/\/)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,24}|xn--[a-z0-9-]{2,20}))(?::\d+)?(?:\/[^\s"'<>，。、）)]*)?/gi;

/** Host names (www. stripped) mentioned in a text: the link targets an injection promotes. */
export function linkTargets(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(DOMAIN_RE)) {
    const host = m[1].toLowerCase().replace(/^www\./, '');
    // "e.g" / "file.html" style false hits: require a dot-separated name of >= 2 labels with a real TLD shape
    if (/\.(html?|php|aspx?|jsp|jpe?g|png|gif|css|js)$/.test(host)) continue;
    out.add(host);
  }
  return [...out];
}

function bump(map: Map<string, { pages: Set<number>; findings: number; points: number }>, key: string, page: number, points = 0): void {
  let e = map.get(key);
  if (!e) map.set(key, (e = { pages: new Set(), findings: 0, points: 0 }));
  e.pages.add(page);
  e.findings++;
  e.points += points;
}

function ranked(map: Map<string, { pages: Set<number>; findings: number; points: number }>, limit = Infinity) {
  return [...map.entries()]
    .map(([key, v]) => ({ key, pages: v.pages.size, findings: v.findings, points: Math.round(v.points * 100) / 100 }))
    .sort((a, b) => b.findings - a.findings || b.pages - a.pages || a.key.localeCompare(b.key))
    .slice(0, limit);
}

export async function buildReport(store: Store, opts: { since?: string; now?: Date } = {}): Promise<ReportData> {
  const since = parseSince(opts.since, opts.now);
  const latestScans = `SELECT s.id AS scanId, p.id AS pageId, p.domain AS domain,
        substr(coalesce(p.fetched_at, s.scanned_at), 1, 10) AS day, s.verdict AS verdict
      FROM scans s JOIN pages p ON p.id = s.page_id
      WHERE s.id = (SELECT max(s2.id) FROM scans s2 WHERE s2.page_id = s.page_id)
        AND (CAST(@since AS TEXT) IS NULL OR coalesce(p.fetched_at, s.scanned_at) >= @since)`;

  // latest decision per finding and per scan (page-level), newest id wins
  const findingDecision = new Map<number, { decision: string; category: string | null }>();
  for await (const d of store.iterate<{ f: number; decision: string; category: string | null }>('SELECT finding_id AS f, decision, category FROM decisions WHERE finding_id IS NOT NULL ORDER BY id')) {
    findingDecision.set(d.f, { decision: d.decision, category: d.category });
  }
  const pageDecision = new Map<number, string>();
  for await (const d of store.iterate<{ s: number; decision: string }>('SELECT scan_id AS s, decision FROM decisions WHERE finding_id IS NULL ORDER BY id')) {
    pageDecision.set(d.s, d.decision);
  }

  type PageInfo = { pageId: number; domain: string; day: string; findings: number; forced?: 'clean' | 'contaminated' };
  const pages = new Map<number, PageInfo>();
  for await (const r of store.iterate<{ scanId: number; pageId: number; domain: string; day: string }>(latestScans, { since })) {
    const pd = pageDecision.get(r.scanId);
    pages.set(r.scanId, {
      pageId: r.pageId, domain: r.domain || '(none)', day: r.day, findings: 0,
      forced: pd === 'page-clean' ? 'clean' : pd === 'page-contaminated' ? 'contaminated' : undefined,
    });
  }

  const byCategory = new Map<string, { pages: Set<number>; findings: number; points: number }>();
  const byKind = new Map<string, { pages: Set<number>; findings: number; points: number }>();
  const byRule = new Map<string, { pages: Set<number>; findings: number; points: number }>();
  const phrases = new Map<string, { pages: Set<number>; findings: number; points: number }>();
  const targets = new Map<string, { pages: Set<number>; findings: number; points: number }>();
  let dismissed = 0;
  const findingsSql = `SELECT f.id, f.scan_id AS scanId, f.text, f.category, f.kind, f.rules FROM findings f
    WHERE f.scan_id IN (SELECT scanId FROM (${latestScans}) ls)`;
  for await (const f of store.iterate<{ id: number; scanId: number; text: string; category: string; kind: string; rules: string }>(findingsSql, { since })) {
    const page = pages.get(f.scanId);
    if (!page) continue;
    const dec = findingDecision.get(f.id);
    if (dec?.decision === 'dismiss' || page.forced === 'clean') {
      dismissed++;
      continue;
    }
    const category = dec?.decision === 'recategorize' && dec.category ? dec.category : f.category;
    page.findings++;
    bump(byCategory, category, page.pageId);
    bump(byKind, f.kind, page.pageId);
    let rules: Array<{ rule: string; points: number; evidence: string }> = [];
    try {
      rules = JSON.parse(f.rules) as typeof rules;
    } catch {
      /* a damaged rules cell: count the finding, not its rules */
    }
    const seenPhrase = new Set<string>();
    const seenTarget = new Set<string>();
    // a rule that hit several times in one finding counts once for it (its points summed)
    const rulePoints = new Map<string, number>();
    for (const h of rules) rulePoints.set(h.rule, (rulePoints.get(h.rule) ?? 0) + (Number(h.points) || 0));
    for (const [rule, points] of rulePoints) bump(byRule, rule, page.pageId, points);
    const flat = f.text.replace(/\s+/g, ' ');
    for (const h of rules) {
      const ev = String(h.evidence ?? '').replace(/\s+/g, ' ').trim();
      // an injected phrase: evidence of a spam-side rule (points > 0) that is literally in the removed text
      // (not a DOM path, a link count, or a legit-news word that lowered the score)
      if (ev && h.points > 0 && ev.length <= MAX_PHRASE_CHARS && !seenPhrase.has(ev) && flat.includes(ev)) {
        seenPhrase.add(ev);
        bump(phrases, ev, page.pageId);
      }
      for (const t of linkTargets(ev)) seenTarget.add(t);
    }
    for (const t of linkTargets(f.text)) seenTarget.add(t);
    for (const t of seenTarget) bump(targets, t, page.pageId);
  }

  const domains = new Map<string, { pages: number; contaminatedPages: number; findings: number }>();
  const days = new Map<string, { pages: number; contaminatedPages: number; findings: number }>();
  let contaminated = 0;
  let findings = 0;
  for (const p of pages.values()) {
    const isBad = p.forced === 'contaminated' || (p.forced !== 'clean' && p.findings > 0);
    if (isBad) contaminated++;
    findings += p.findings;
    for (const [map, key] of [[domains, p.domain], [days, p.day]] as const) {
      const e = map.get(key) ?? { pages: 0, contaminatedPages: 0, findings: 0 };
      e.pages++;
      if (isBad) e.contaminatedPages++;
      e.findings += p.findings;
      map.set(key, e);
    }
  }

  const strip = (rows: ReturnType<typeof ranked>) => rows.map(({ key, pages: pg, findings: fi }) => ({ key, pages: pg, findings: fi }));
  return ReportData.parse({
    generatedAt: (opts.now ?? new Date()).toISOString(),
    since,
    totals: { pages: pages.size, contaminatedPages: contaminated, findings, dismissedFindings: dismissed },
    byDomain: [...domains.entries()]
      .map(([domain, v]) => ({ domain, ...v }))
      .sort((a, b) => b.contaminatedPages - a.contaminatedPages || b.findings - a.findings || b.pages - a.pages || a.domain.localeCompare(b.domain))
      .slice(0, TOP_N),
    byCategory: strip(ranked(byCategory)),
    byKind: strip(ranked(byKind)),
    byRule: ranked(byRule, TOP_N),
    topPhrases: strip(ranked(phrases, TOP_N)),
    topLinkTargets: strip(ranked(targets, TOP_N)),
    perDay: [...days.entries()].map(([day, v]) => ({ day, ...v })).sort((a, b) => a.day.localeCompare(b.day)),
  });
}
