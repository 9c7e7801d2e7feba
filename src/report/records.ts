// Pages and findings as a researcher counts them: reviewer decisions applied (a dismissed finding does not count,
// a recategorized one counts under its new category, a page marked clean drops its findings), stable ids, text
// hashes and cluster ids, the page's real URL, and the full link targets of link and hidden blocks.
import type { Store } from '../store/index.js';
import { pagesWithFindings, pageBytes, type FindingRow, type PageRow } from './rows.js';
import { clusterId, findingUid, normalizeText, pageUid, runId, textHash } from './ids.js';
import { LINK_KINDS, linksOfSpans, type FindingLink } from './links.js';

export interface PageRecord extends PageRow {
  pageUid: string;
  runId: string;
  /** the page's URL: the fetched URL after redirects, a WARC record's target URI, or the file:/ key */
  url: string;
  /** verdict after review: a reviewer's page decision wins over the detector's */
  reviewedVerdict: 'clean' | 'contaminated';
  /** findings that count (not dismissed) */
  findingCount: number;
  dismissedCount: number;
  day: string;
}

export interface FindingRecord extends FindingRow {
  findingUid: string;
  textHash: string;
  clusterId: string;
  normalizedText: string;
  /** category after review (a recategorize decision wins) */
  reviewedCategory: string;
  /** dismissed by a reviewer, or on a page a reviewer marked clean */
  dismissed: boolean;
  /** off-site links of the blocks a link-block or hidden-block finding covers (empty for other kinds) */
  links: FindingLink[];
  /** false for a link-block or hidden-block finding whose page bytes the store did not keep (links unknown) */
  linksKnown: boolean;
}

export interface ReadOptions {
  since: string | null;
  /** parse stored pages again for the link targets of link and hidden blocks (default true) */
  links?: boolean;
}

export async function* records(store: Store, opts: ReadOptions): AsyncGenerator<{ page: PageRecord; findings: FindingRecord[] }> {
  for await (const { page, findings } of pagesWithFindings(store, opts.since)) {
    const run = runId(page);
    const forced = page.pageDecision === 'page-clean' ? 'clean' : page.pageDecision === 'page-contaminated' ? 'contaminated' : undefined;
    const url = page.finalUrl || page.pageKey;
    const recs: FindingRecord[] = findings.map((f) => {
      const normalizedText = normalizeText(f.text);
      return {
        ...f,
        findingUid: findingUid(run, page.pageKey, f.start, f.end),
        textHash: textHash(f.text),
        clusterId: clusterId(f.text),
        normalizedText,
        reviewedCategory: f.decision === 'recategorize' && f.decisionCategory ? f.decisionCategory : f.category,
        dismissed: f.decision === 'dismiss' || forced === 'clean',
        links: [],
        linksKnown: true,
      };
    });
    const linkRecs = recs.filter((f) => LINK_KINDS.has(f.kind) && f.blockId >= 0);
    if (opts.links !== false && linkRecs.length > 0) {
      const bytes = page.hasHtml ? await pageBytes(store, page.pageId) : null;
      if (bytes) {
        const lists = linksOfSpans(bytes.html, bytes.contentType, page.finalUrl ?? undefined, linkRecs);
        linkRecs.forEach((f, i) => (f.links = lists[i]));
      } else for (const f of linkRecs) f.linksKnown = false;
    }
    const counted = recs.filter((f) => !f.dismissed).length;
    const reviewedVerdict = forced ?? (counted > 0 ? 'contaminated' : 'clean');
    yield {
      page: {
        ...page,
        pageUid: pageUid(page.pageKey),
        runId: run,
        url,
        reviewedVerdict,
        findingCount: counted,
        dismissedCount: recs.length - counted,
        day: (page.fetchedAt ?? page.scannedAt).slice(0, 10),
      },
      findings: recs,
    };
  }
}
