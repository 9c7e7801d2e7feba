// Aggregate the store into the numbers a researcher reports: a method section (versions, rule set, threshold,
// corpus size, definitions), contamination rates with Wilson 95% intervals, per domain, category, kind, rule and
// day; findings de-duplicated into clusters of the same normalised text; every link target of link and hidden
// blocks. Reviewer decisions are applied and only each page's latest scan counts (records.ts). Nothing is cut
// here: the renderers show the first rows of long tables and say "N of M".
import { z } from 'zod';
import type { Store } from '../store/index.js';
import { InputError } from '../errors.js';
import { loadRules } from '../detect/rules/index.js';
import { REQUIRED_POINTS } from '../detect/scoring.js';
import { WINNOW_VERSION } from '../util/version.js';
import { records } from './records.js';
import { unanalysedPages } from './rows.js';
import { wilson } from '../util/stats.js';

const Rate = z.object({ rate: z.number(), low: z.number(), high: z.number() });
const Int = z.number().int();

export const ReportData = z.object({
  generatedAt: z.string(),
  since: z.string().nullable(),
  method: z.object({
    winnowVersion: z.string(),
    /** versions the counted scans ran with, and how many pages each */
    scanVersions: z.array(z.object({ winnow: z.string(), rules: z.string(), model: z.string(), pages: Int })),
    rulesVersion: z.string(),
    ruleCount: Int,
    positiveRules: Int,
    negativeRules: Int,
    requiredPoints: z.number(),
    pages: Int,
    domains: Int,
    firstDay: z.string().nullable(),
    lastDay: z.string().nullable(),
    reviewedPages: Int,
    reviewedFindings: Int,
    /** link-block and hidden-block findings whose page bytes were not kept: their links are not listed */
    linkFindingsWithoutHtml: Int,
    definitions: z.record(z.string(), z.string()),
  }),
  totals: z.object({
    pages: Int,
    contaminatedPages: Int,
    contaminationRate: Rate,
    findings: Int,
    clusters: Int,
    dismissedFindings: Int,
    domains: Int,
    contaminatedDomains: Int,
    linkHosts: Int,
    links: Int,
    /** pages a run could not analyse (over analyze()'s budget): apart from `pages` and every rate */
    notAnalysedPages: Int,
  }),
  byDomain: z.array(z.object({ domain: z.string(), pages: Int, contaminatedPages: Int, rate: Rate, findings: Int, clusters: Int, notAnalysed: Int })),
  byCategory: z.array(z.object({ key: z.string(), findings: Int, clusters: Int, pages: Int, domains: Int, pageRate: Rate })),
  byKind: z.array(z.object({ key: z.string(), findings: Int, clusters: Int, pages: Int, domains: Int, pageRate: Rate })),
  byRule: z.array(z.object({ key: z.string(), findings: Int, pages: Int, points: z.number(), meanPoints: z.number(), side: z.enum(['spam', 'news']) })),
  clusters: z.array(z.object({
    clusterId: z.string(), text: z.string(), kind: z.string(), category: z.string(), chars: Int,
    findings: Int, pages: Int, domains: Int, firstDay: z.string(), lastDay: z.string(),
  })),
  linkHosts: z.array(z.object({ host: z.string(), links: Int, findings: Int, pages: Int, domains: Int })),
  links: z.array(z.object({ href: z.string(), host: z.string(), findings: Int, pages: Int })),
  perDay: z.array(z.object({ day: z.string(), pages: Int, contaminatedPages: Int, rate: Rate, findings: Int })),
  notAnalysed: z.array(z.object({ url: z.string(), domain: z.string(), reason: z.string(), triedAt: z.string() })),
});
export type ReportData = z.infer<typeof ReportData>;

/** What each counted thing means (printed in the method section). */
export const DEFINITIONS: Record<string, string> = {
  page: "a stored page's latest scan (earlier scans of the same page are not counted)",
  'contaminated page': 'a page with at least one finding a reviewer did not dismiss, or a page a reviewer marked contaminated',
  finding: 'one injected span (character-exact) the detector reported; dismissed findings and findings on pages marked clean are not counted',
  cluster: 'findings whose texts are equal after folding (NFKC, lower case, look-alike characters, whitespace, edge punctuation)',
  'finding points': `sum of the rule contributions; a candidate becomes a finding at ${REQUIRED_POINTS} points`,
  'news-side rule': 'a rule with negative points (reporting context, quoted words) that lowers a score; it is not spam evidence',
  'link target': 'an off-site link inside a link-block or hidden-block finding (every link, resolved against the page URL)',
  interval: 'Wilson score 95% interval of a proportion of pages',
  'not analysed page': "a page a run could not analyse within analyze()'s time or size budget; it is in no count of pages or rate (a later scan of it removes it from this list)",
};

/** "2026-11-01", an ISO time, or "<n>d" (n days ago) -> an ISO prefix to compare against; InputError otherwise. */
export function parseSince(since: string | undefined, now = new Date()): string | null {
  if (since === undefined || since === '') return null;
  const rel = /^(\d{1,5})d$/.exec(since.trim());
  if (rel) return new Date(now.getTime() - Number(rel[1]) * 86_400_000).toISOString().slice(0, 10);
  const t = since.trim();
  // a day that is no day of its month (2026-02-30) is refused: Date.parse would roll it over into the next month
  const day = t.slice(0, 10);
  const real = !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+Z?)?$/.test(t) && real && !Number.isNaN(Date.parse(t))) return t.replace(' ', 'T');
  throw new InputError(`--since: expected a date like 2026-11-01 or a number of days like 7d (got ${since})`);
}

const DOMAIN_RE = /\b(?:https?:\/\/)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,24}|xn--[a-z0-9-]{2,20}))(?::\d+)?(?:\/[^\s"'<>，。、）)]*)?/gi;

/** Host names (www. stripped) written out in a text: the sites an injection promotes in words. */
export function linkTargets(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(DOMAIN_RE)) {
    const host = m[1].toLowerCase().replace(/^www\./, '');
    if (/\.(html?|php|aspx?|jsp|jpe?g|png|gif|css|js)$/.test(host)) continue;
    out.add(host);
  }
  return [...out];
}

interface Acc {
  findings: number;
  pages: Set<string>;
  domains: Set<string>;
  clusters: Set<string>;
  points: number;
}
const acc = (): Acc => ({ findings: 0, pages: new Set(), domains: new Set(), clusters: new Set(), points: 0 });
function bump(map: Map<string, Acc>, key: string, page: string, domain: string, cluster: string, points = 0): void {
  let e = map.get(key);
  if (!e) map.set(key, (e = acc()));
  e.findings++;
  e.pages.add(page);
  e.domains.add(domain);
  e.clusters.add(cluster);
  e.points += points;
}
const round2 = (x: number) => Math.round(x * 100) / 100;
const byCount = <T extends { findings: number; pages: number }>(a: T, b: T) => b.pages - a.pages || b.findings - a.findings;

export async function buildReport(store: Store, opts: { since?: string; now?: Date } = {}): Promise<ReportData> {
  const since = parseSince(opts.since, opts.now);
  const categories = new Map<string, Acc>();
  const kinds = new Map<string, Acc>();
  const rules = new Map<string, Acc>();
  const clusters = new Map<string, Acc & { text: string; kind: string; category: string; firstDay: string; lastDay: string }>();
  const hosts = new Map<string, Acc & { links: Set<string> }>();
  const links = new Map<string, Acc & { host: string }>();
  const domains = new Map<string, { pages: number; contaminatedPages: number; findings: number; clusters: Set<string> }>();
  const days = new Map<string, { pages: number; contaminatedPages: number; findings: number }>();
  const versions = new Map<string, { winnow: string; rules: string; model: string; pages: number }>();
  let pages = 0;
  let contaminated = 0;
  let findings = 0;
  let dismissed = 0;
  let reviewedPages = 0;
  let reviewedFindings = 0;
  let linkFindingsWithoutHtml = 0;

  for await (const { page, findings: fs } of records(store, { since })) {
    pages++;
    const pageKey = String(page.pageId);
    const domain = page.domain || '(none)';
    const vkey = `${page.winnowVersion}\u0000${page.rulesVersion}\u0000${page.modelVersion}`;
    const v = versions.get(vkey) ?? { winnow: page.winnowVersion, rules: page.rulesVersion, model: page.modelVersion, pages: 0 };
    v.pages++;
    versions.set(vkey, v);
    if (page.pageDecision) reviewedPages++;
    const bad = page.reviewedVerdict === 'contaminated';
    if (bad) contaminated++;
    findings += page.findingCount;
    dismissed += page.dismissedCount;
    const d = domains.get(domain) ?? { pages: 0, contaminatedPages: 0, findings: 0, clusters: new Set<string>() };
    const day = days.get(page.day) ?? { pages: 0, contaminatedPages: 0, findings: 0 };
    d.pages++;
    day.pages++;
    if (bad) {
      d.contaminatedPages++;
      day.contaminatedPages++;
    }
    d.findings += page.findingCount;
    day.findings += page.findingCount;
    domains.set(domain, d);
    days.set(page.day, day);

    for (const f of fs) {
      if (f.decision) reviewedFindings++;
      if (f.dismissed) continue;
      if (!f.linksKnown) linkFindingsWithoutHtml++;
      d.clusters.add(f.clusterId);
      bump(categories, f.reviewedCategory, pageKey, domain, f.clusterId);
      bump(kinds, f.kind, pageKey, domain, f.clusterId);
      // a rule that hit several times in one finding counts once for it (its points summed)
      const rulePoints = new Map<string, number>();
      for (const h of f.rules) rulePoints.set(h.rule, (rulePoints.get(h.rule) ?? 0) + h.points);
      for (const [rule, points] of rulePoints) bump(rules, rule, pageKey, domain, f.clusterId, points);
      let c = clusters.get(f.clusterId);
      if (!c) clusters.set(f.clusterId, (c = { ...acc(), text: f.text.replace(/\s+/g, ' ').trim(), kind: f.kind, category: f.reviewedCategory, firstDay: page.day, lastDay: page.day }));
      c.findings++;
      c.pages.add(pageKey);
      c.domains.add(domain);
      if (page.day < c.firstDay) c.firstDay = page.day;
      if (page.day > c.lastDay) c.lastDay = page.day;
      // link targets: the real links of link and hidden blocks, plus host names written out in the text
      const targets = new Map<string, string>(f.links.map((l) => [l.href, l.host]));
      for (const h of linkTargets(f.text)) if (![...targets.values()].includes(h)) targets.set(h, h);
      const seenHosts = new Set<string>();
      for (const [href, host] of targets) {
        if (!host) continue;
        let l = links.get(href);
        if (!l) links.set(href, (l = { ...acc(), host }));
        l.findings++;
        l.pages.add(pageKey);
        let hst = hosts.get(host);
        if (!hst) hosts.set(host, (hst = { ...acc(), links: new Set() }));
        hst.links.add(href);
        if (!seenHosts.has(host)) {
          seenHosts.add(host);
          hst.findings++;
          hst.pages.add(pageKey);
          hst.domains.add(domain);
        }
      }
    }
  }

  // pages not analysed, tried on/after `since` when given (a page scanned later has no row left)
  const unanalysed = await unanalysedPages(store, since);
  const notAnalysedByDomain = new Map<string, number>();
  for (const u of unanalysed) {
    const domain = u.domain || '(none)';
    notAnalysedByDomain.set(domain, (notAnalysedByDomain.get(domain) ?? 0) + 1);
  }
  // a domain whose every page went unanalysed has a row (0 pages) but is no domain of the corpus counted above
  const domainRows = new Map(domains);
  for (const domain of notAnalysedByDomain.keys()) if (!domainRows.has(domain)) domainRows.set(domain, { pages: 0, contaminatedPages: 0, findings: 0, clusters: new Set<string>() });

  const rs = loadRules();
  const dayKeys = [...days.keys()].sort();
  const share = (m: Map<string, Acc>) =>
    [...m.entries()]
      .map(([key, e]) => ({ key, findings: e.findings, clusters: e.clusters.size, pages: e.pages.size, domains: e.domains.size, pageRate: wilson(e.pages.size, pages) }))
      .sort((a, b) => byCount(a, b) || a.key.localeCompare(b.key));
  return ReportData.parse({
    generatedAt: (opts.now ?? new Date()).toISOString(),
    since,
    method: {
      winnowVersion: WINNOW_VERSION,
      scanVersions: [...versions.values()].sort((a, b) => b.pages - a.pages),
      rulesVersion: rs.version,
      ruleCount: rs.rules.length,
      positiveRules: rs.rules.filter((r) => r.score > 0).length,
      negativeRules: rs.rules.filter((r) => r.score < 0).length,
      requiredPoints: REQUIRED_POINTS,
      pages,
      domains: domains.size,
      firstDay: dayKeys[0] ?? null,
      lastDay: dayKeys[dayKeys.length - 1] ?? null,
      reviewedPages,
      reviewedFindings,
      linkFindingsWithoutHtml,
      definitions: DEFINITIONS,
    },
    totals: {
      pages,
      contaminatedPages: contaminated,
      contaminationRate: wilson(contaminated, pages),
      findings,
      clusters: clusters.size,
      dismissedFindings: dismissed,
      domains: domains.size,
      contaminatedDomains: [...domains.values()].filter((d) => d.contaminatedPages > 0).length,
      linkHosts: hosts.size,
      links: links.size,
      notAnalysedPages: unanalysed.length,
    },
    byDomain: [...domainRows.entries()]
      .map(([domain, v]) => ({ domain, pages: v.pages, contaminatedPages: v.contaminatedPages, rate: wilson(v.contaminatedPages, v.pages), findings: v.findings, clusters: v.clusters.size, notAnalysed: notAnalysedByDomain.get(domain) ?? 0 }))
      .sort((a, b) => b.contaminatedPages - a.contaminatedPages || b.findings - a.findings || b.pages - a.pages || a.domain.localeCompare(b.domain)),
    byCategory: share(categories),
    byKind: share(kinds),
    byRule: [...rules.entries()]
      .map(([key, e]) => ({ key, findings: e.findings, pages: e.pages.size, points: round2(e.points), meanPoints: round2(e.points / e.findings), side: e.points < 0 ? 'news' : 'spam' }))
      .sort((a, b) => (a.side === b.side ? 0 : a.side === 'spam' ? -1 : 1) || byCount(a, b) || a.key.localeCompare(b.key)),
    clusters: [...clusters.entries()]
      .map(([clusterId, c]) => ({ clusterId, text: c.text, kind: c.kind, category: c.category, chars: [...c.text].length, findings: c.findings, pages: c.pages.size, domains: c.domains.size, firstDay: c.firstDay, lastDay: c.lastDay }))
      .sort((a, b) => byCount(a, b) || a.text.localeCompare(b.text)),
    linkHosts: [...hosts.entries()]
      .map(([host, h]) => ({ host, links: h.links.size, findings: h.findings, pages: h.pages.size, domains: h.domains.size }))
      .sort((a, b) => byCount(a, b) || b.links - a.links || a.host.localeCompare(b.host)),
    links: [...links.entries()]
      .map(([href, l]) => ({ href, host: l.host, findings: l.findings, pages: l.pages.size }))
      .sort((a, b) => byCount(a, b) || a.href.localeCompare(b.href)),
    perDay: dayKeys.map((day) => {
      const v = days.get(day)!;
      return { day, pages: v.pages, contaminatedPages: v.contaminatedPages, rate: wilson(v.contaminatedPages, v.pages), findings: v.findings };
    }),
    notAnalysed: unanalysed.map((u) => ({ url: u.finalUrl ?? u.pageKey, domain: u.domain || '(none)', reason: u.reason, triedAt: u.triedAt })),
  });
}
