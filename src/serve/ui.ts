// Server-rendered HTML for the review UI. No inline scripts (the app CSP forbids them): behaviour lives in
// /static/app.js, styles in /static/app.css. Everything from the store goes through esc(), the one HTML escaper
// of the service (it escapes quotes, so it is safe in attribute values too). The original page is never inlined:
// a sandboxed frame loads a neutralised copy (original.ts) when the moderator opens it.
import { Category } from '../detect/types.js';
import { escapeHtml as esc } from '../util/html.js';
import type { QueueResult, ReviewFinding, ReviewPage, QueueFilter, HistoryEntry } from '../store/review.js';
import type { RuleReview, RuleRow } from './rule-review.js';


// ---------------------------------------------------------------- plain-language labels

export const CATEGORY_LABEL: Record<string, string> = {
  'margin-lending': 'Stock margin lending',
  gambling: 'Gambling',
  'fake-documents': 'Fake documents',
  loans: 'Loans',
  pharma: 'Pharmacy',
  'replica-goods': 'Replica goods',
  adult: 'Adult',
  'link-farm': 'Link farm',
  'seo-keywords': 'SEO keywords',
  promo: 'Advertising',
  'game-servers': 'Game servers',
};
export const KIND_LABEL: Record<string, string> = {
  'title-affix': 'Added to the headline',
  'spliced-phrase': 'Phrase spliced into a sentence',
  'promo-line': 'Advert line between paragraphs',
  'link-block': 'Block of links to other sites',
  'hidden-block': 'Hidden text',
  'keyword-stuffing': 'Stacked search keywords',
  'site-branding': "A spam site's name or slogan",
  'parasite-page': 'The whole page is spam (planted on the site)',
  'moderator-marked': 'Marked by a moderator',
};
export const WHERE_LABEL: Record<string, string> = {
  title: 'in the headline',
  body: 'in the article',
  hidden: 'invisible to readers',
  boilerplate: 'around the article',
};
const DECISION_LABEL: Record<string, string> = {
  confirm: 'confirmed as spam',
  dismiss: 'dismissed (not spam)',
  recategorize: 'recategorized',
  'page-clean': 'marked the page clean',
  'page-contaminated': 'marked the page contaminated',
};
const label = (map: Record<string, string>, k: string) => map[k] ?? k;

/** How sure the detector is, in words. */
export function confidence(score: number): string {
  if (score >= 0.9) return 'almost certainly spam';
  if (score >= 0.7) return 'likely spam';
  if (score >= 0.5) return 'possibly spam';
  return 'weak signal';
}

/**
 * A rule's description as a moderator reads it: the first sentence of what it looks for, without the tuning
 * notes a rule author writes for other rule authors ("params: …", "low points alone").
 */
export function plainReason(description: string): string {
  const clf = /^hashed n-gram classifier, p\(spam\)=([\d.]+)$/i.exec(description.trim());
  if (clf) return `The trained text classifier rates it spam (${Math.round(Number(clf[1]) * 100)}%)`;
  return description
    .replace(/\s*params:.*$/is, '')
    .replace(/[;:,]\s*low points alone\.?(?=\)?$)/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^./, (c) => c.toUpperCase());
}

// ---------------------------------------------------------------- layout

export interface LayoutOpts {
  title: string;
  csrf?: string;
  reviewer?: string;
  nav?: 'queue' | 'rules' | 'page';
  bodyClass?: string;
}

export function layout(o: LayoutOpts, body: string): string {
  const nav = o.reviewer
    ? `<nav class="top"><a href="/" class="brand">winnow</a>
<a href="/" data-queue-link${o.nav === 'queue' ? ' aria-current="page"' : ''}>Queue</a>
<a href="/rules"${o.nav === 'rules' ? ' aria-current="page"' : ''}>Rules</a>
<span class="spacer"></span><button type="button" class="link" data-action="help" title="Keyboard shortcuts (?)">Shortcuts (?)</button>
<span class="who">${esc(o.reviewer)}</span><button type="button" class="link" data-action="logout">Log out</button></nav>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${o.csrf ? `<meta name="winnow-csrf" content="${esc(o.csrf)}">` : ''}
<title>${esc(o.title)} · winnow</title>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body class="${esc(o.bodyClass ?? '')}">
${nav}
<main>
${body}
</main>
<div id="help" class="help" hidden role="dialog" aria-label="Keyboard shortcuts">
<h2>Keyboard shortcuts</h2>
<dl>
<dt>j / k</dt><dd>next / previous finding (queue: next / previous page)</dd>
<dt>y</dt><dd>confirm the current finding as spam (queue: every finding of the page)</dd>
<dt>n</dt><dd>dismiss the current finding only (queue: every finding of the page)</dd>
<dt>z</dt><dd>undo your last decision on this page</dd>
<dt>m</dt><dd>mark the selected text as spam the detector missed</dd>
<dt>x</dt><dd>select / unselect the current row or finding (bulk)</dd>
<dt>o</dt><dd>open the page (page view: show the original)</dd>
<dt>u</dt><dd>back to the queue, on the row you left</dd>
<dt>?</dt><dd>this help</dd>
</dl>
<p>After the last finding of a page is decided, the next page of the queue opens.</p>
<p><button type="button" data-action="help">Close</button></p>
</div>
<div id="toast" class="toast" role="status" aria-live="polite"></div>
</body>
</html>`;
}

export function loginPage(message = ''): string {
  return layout(
    { title: 'Log in' },
    `<section class="login">
<h1>winnow review</h1>
<p>Paste the access token printed when the server first started (or the one in <code>WINNOW_TOKEN</code>).</p>
${message ? `<p class="error">${esc(message)}</p>` : ''}
<form method="post" action="/login">
<label>Token <input type="password" name="token" autocomplete="current-password" required autofocus></label>
<button type="submit">Log in</button>
</form>
</section>`,
  );
}

/** Points as a short number: at most two decimals, no trailing zeros. */
export function pts(x: number): string {
  return String(Math.round(x * 100) / 100);
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

// ---------------------------------------------------------------- queue

function queueHref(f: QueueFilter, patch: Partial<QueueFilter>): string {
  const q = new URLSearchParams();
  const all = { ...f, ...patch };
  for (const [k, v] of Object.entries(all)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `/?${s}` : '/';
}

function select(name: string, current: string | undefined, options: [string, string][]): string {
  return `<select name="${name}">${options.map(([v, l]) => `<option value="${esc(v)}"${(current ?? '') === v ? ' selected' : ''}>${esc(l)}</option>`).join('')}</select>`;
}

/** Shorten for a table cell (the full text is one click away). */
function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
}

export function queuePage(o: LayoutOpts, q: QueueResult, filter: QueueFilter, domains: string[], filterError?: string): string {
  const rows = q.items
    .map(
      (it) => `<tr class="row" data-scan="${it.scanId}" data-href="/pages/${it.scanId}" data-findings="${it.findings}">
<td><input type="checkbox" class="sel" aria-label="select page ${it.scanId}"></td>
<td class="num score s${Math.min(9, Math.floor(it.score * 10))}">${it.score.toFixed(2)}</td>
<td><span class="badge ${esc(it.verdict)}">${esc(it.verdict)}</span><br><span class="badge st-${esc(it.status)}">${esc(it.status)}</span></td>
<td class="title"><a href="/pages/${it.scanId}" class="open">${esc(it.title || it.url)}</a><div class="url">${esc(it.url)}</div>
${it.spam ? `<div class="spam" title="what the detector flagged">${esc(clip(it.spam, 160))}</div>` : ''}</td>
<td>${esc(it.domain)}</td>
<td>${it.categories.map((c) => `<span class="cat cat-${esc(c)}">${esc(label(CATEGORY_LABEL, c))}</span>`).join(' ')}</td>
<td class="num">${it.decided}/${it.findings}</td>
</tr>`,
    )
    .join('\n');
  const next = q.next ? `<a href="${esc(queueHref(filter, { after: q.next }))}" rel="next">next page →</a>` : '';
  const first = filter.after ? `<a href="${esc(queueHref(filter, { after: undefined }))}">← first page</a>` : '';
  const statusTab = (s: 'pending' | 'reviewed' | undefined, text: string, n: number) =>
    `<a href="${esc(queueHref(filter, { status: s, after: undefined }))}"${filter.status === s ? ' aria-current="true"' : ''}>${text} <b>${n}</b></a>`;
  const catOptions: [string, string][] = [['', 'any'], ...Category.options.map((c): [string, string] => [c, `${label(CATEGORY_LABEL, c)}${q.counts.byCategory[c] ? ` (${q.counts.byCategory[c]})` : ''}`])];
  return layout(
    { ...o, nav: 'queue', bodyClass: 'queue' },
    `<h1>Review queue</h1>
<p class="tabs">${statusTab(undefined, 'All', q.counts.byStatus.pending + q.counts.byStatus.reviewed)}
${statusTab('pending', 'Pending', q.counts.byStatus.pending)} ${statusTab('reviewed', 'Reviewed', q.counts.byStatus.reviewed)}</p>
<form method="get" action="/" class="filters">
${filter.status ? `<input type="hidden" name="status" value="${esc(filter.status)}">` : ''}
<label>Search <input name="q" type="search" value="${esc(filter.q ?? '')}" placeholder="spam text, title or URL" size="22"></label>
<label>Verdict ${select('verdict', filter.verdict, [['', 'any'], ['contaminated', 'contaminated'], ['clean', 'clean']])}</label>
<label>Category ${select('category', filter.category, catOptions)}</label>
<label>Domain <input name="domain" list="domains" value="${esc(filter.domain ?? '')}" size="16"></label>
<datalist id="domains">${domains.map((d) => `<option value="${esc(d)}">`).join('')}</datalist>
<label>Score from <input name="minScore" type="number" step="0.05" min="0" max="1" value="${esc(filter.minScore ?? '')}" class="short"></label>
<label>to <input name="maxScore" type="number" step="0.05" min="0" max="1" value="${esc(filter.maxScore ?? '')}" class="short"></label>
<label>Sort ${select('sort', filter.sort, [['score', 'highest score'], ['recent', 'newest scan']])}</label>
<button type="submit">Filter</button> <a href="/">reset</a>
</form>
${filterError ? `<p class="error">Filter ignored: ${esc(filterError)}</p>` : ''}
<p class="counts">${q.counts.total} page(s) match${Object.keys(q.counts.byCategory).length ? ' · findings by category: ' + Object.entries(q.counts.byCategory).map(([c, n]) => `${esc(label(CATEGORY_LABEL, c))} ${n}`).join(', ') : ''}</p>
<div class="bulk"><label><input type="checkbox" class="sel-all"> all</label>
<button type="button" data-bulk="confirm">Confirm all findings of selected pages</button>
<button type="button" data-bulk="dismiss">Dismiss all findings of selected pages</button>
<span class="hint">j/k move · o open · y/n confirm/dismiss the page's findings · x select · ? help</span></div>
<table class="queue-table">
<thead><tr><th></th><th>Score</th><th>Verdict</th><th>Page and what was flagged</th><th>Domain</th><th>Categories</th><th>Decided</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="7" class="empty">Nothing in the queue for this filter.</td></tr>'}
</tbody>
</table>
<p class="pager">${first} ${next}</p>`,
  );
}

// ---------------------------------------------------------------- page view

type Highlightable = Pick<ReviewFinding, 'id' | 'start' | 'end' | 'category' | 'where' | 'score' | 'rules' | 'kind'>;

/**
 * Render result.text with every finding wrapped in <mark> at its offsets. Overlapping findings are split at
 * every boundary; each piece is attributed to the highest-scoring finding covering it. Linear in the text plus
 * (findings × boundaries), so a 900 KB page with its findings renders in milliseconds.
 */
export function highlight(text: string, findings: Highlightable[]): string {
  const valid = findings.filter((f) => f.start >= 0 && f.end <= text.length && f.end > f.start);
  const cuts = new Set<number>([0, text.length]);
  for (const f of valid) {
    cuts.add(f.start);
    cuts.add(f.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const seen = new Set<number>();
  let out = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const piece = text.slice(a, b);
    let top: Highlightable | undefined;
    for (const f of valid) if (f.start <= a && f.end >= b && (!top || f.score > top.score)) top = f;
    if (!top) {
      out += esc(piece);
      continue;
    }
    const tip = `${label(CATEGORY_LABEL, top.category)}: ${label(KIND_LABEL, top.kind).toLowerCase()}, ${label(WHERE_LABEL, top.where)} (${confidence(top.score)})`;
    const first = !seen.has(top.id);
    seen.add(top.id);
    out += `<mark class="finding cat-${esc(top.category)} where-${esc(top.where)}" data-finding="${top.id}"${first ? ` id="m-${top.id}"` : ''} title="${esc(tip)}">${
      first ? `<span class="tag" aria-hidden="true">${esc(label(CATEGORY_LABEL, top.category))}</span>` : ''
    }${esc(piece)}</mark>`;
  }
  return out;
}

/**
 * The finding's text for a card. Link blocks come out of the page with the link texts run together
 * ("HoustonSouthwest"); a visual separator goes where a lower-case letter meets an upper-case one or where a
 * link block's words touch, so the moderator reads the links apart (the text itself is unchanged).
 */
export function cardText(f: Pick<ReviewFinding, 'text' | 'kind'>, max = 600): string {
  const t = f.text.length > max ? `${f.text.slice(0, max)}…` : f.text;
  if (f.kind !== 'link-block' && f.kind !== 'hidden-block') return esc(t);
  return t
    .split(/(?<=[\p{Ll}\d.!?)])(?=\p{Lu})/u)
    .map(esc)
    .join('<span class="sep" aria-hidden="true"> · </span>');
}

function decisionState(f: ReviewFinding): string {
  if (!f.decision) return '<span class="dec pending">not decided yet</span>';
  const d = f.decision;
  return `<span class="dec ${esc(d.decision)}">${esc(label(DECISION_LABEL, d.decision))}${d.category ? ` → ${esc(label(CATEGORY_LABEL, d.category))}` : ''}</span> <span class="by">by ${esc(d.reviewer)}</span>`;
}

/** Reasons a card lists in words; the rest stay under its rule details. */
const WHY_SHOWN = 3;

function findingCard(f: ReviewFinding): string {
  // the strongest reasons in words (most points first); every rule, with its points, is under "Rule details"
  const reasons = new Map<string, { text: string; points: number }>();
  for (const r of f.rules) reasons.set(r.rule, { text: plainReason(r.description), points: (reasons.get(r.rule)?.points ?? 0) + r.points });
  const all = [...reasons.values()];
  const pro = all.filter((r) => r.points > 0).sort((a, b) => b.points - a.points);
  const con = all.filter((r) => r.points < 0).sort((a, b) => a.points - b.points);
  const shown = [...pro.slice(0, WHY_SHOWN).map((r) => ({ ...r, against: false })), ...con.slice(0, 1).map((r) => ({ ...r, against: true }))];
  const more = all.length - shown.length;
  const why =
    shown.map((r) => `<li class="${r.against ? 'against' : 'for'}">${r.against ? 'Speaks against spam: ' : ''}${esc(r.text)}</li>`).join('') +
    (more > 0 ? `<li class="more">and ${more} weaker sign${more > 1 ? 's' : ''} (see rule details)</li>` : '');
  const tech = f.rules
    .map((r) => `<tr><td class="rule">${esc(r.rule)}</td><td class="num">${r.points >= 0 ? '+' : ''}${pts(r.points)}</td><td class="evidence">${esc(clip(r.evidence, 120))}</td></tr>`)
    .join('');
  const cats = Category.options.map((c) => `<option value="${c}"${c === f.category ? ' selected' : ''}>${esc(label(CATEGORY_LABEL, c))}</option>`).join('');
  return `<li class="fcard${f.decision ? ' decided' : ''}" id="f-${f.id}" data-finding="${f.id}" tabindex="-1">
<div class="fhead"><input type="checkbox" class="sel" aria-label="select finding ${f.id}">
<a href="#m-${f.id}" class="cat cat-${esc(f.category)}">${esc(label(CATEGORY_LABEL, f.category))}</a>
<b>${esc(label(KIND_LABEL, f.kind))}</b> <span class="where">${esc(label(WHERE_LABEL, f.where))}</span>
<span class="conf">${esc(confidence(f.score))}</span></div>
<div class="factions"><button type="button" data-decide="confirm" class="primary">Confirm spam (y)</button>
<button type="button" data-decide="dismiss">Not spam (n)</button>
<select class="recat" aria-label="new category">${cats}</select><button type="button" data-decide="recategorize">Change category</button>
<span class="state">${decisionState(f)}</span></div>
<blockquote class="ftext">${cardText(f)}</blockquote>
${why ? `<ul class="why">${why}</ul>` : ''}
${tech ? `<details class="tech"><summary>Rule details</summary><table class="rules">${tech}</table></details>` : ''}
</li>`;
}

function historyList(entries: HistoryEntry[], reviewer: string | undefined): string {
  if (!entries.length) return '<p class="empty">No decisions on this page yet.</p>';
  const items = entries
    .map((h) => {
      const what = h.findingId === null ? 'the whole page' : `“${esc(clip(h.findingText ?? '', 60))}”`;
      const undo = !h.undoneAt && h.reviewer === reviewer ? ` <button type="button" class="link" data-undo="${h.id}">Undo</button>` : '';
      return `<li class="${h.undoneAt ? 'undone' : ''}" data-decision="${h.id}" data-finding-ref="${h.findingId ?? ''}"><span class="when">${esc(h.decidedAt.slice(11, 16))}</span>
<b>${esc(h.reviewer)}</b> ${esc(label(DECISION_LABEL, h.decision))}${h.category ? ` → ${esc(label(CATEGORY_LABEL, h.category))}` : ''} ${what}${
        h.undoneAt ? ` <span class="by">(undone by ${esc(h.undoneBy ?? '')})</span>` : ''
      }${undo}</li>`;
    })
    .join('');
  return `<ol class="history">${items}</ol>`;
}

export function reviewPage(o: LayoutOpts, p: ReviewPage): string {
  const s = p.scan;
  const article = s.cleanText
    .split(/\n{2,}/)
    .map((para, i) => (i === 0 ? `<h3>${esc(para)}</h3>` : `<p>${esc(para)}</p>`))
    .join('\n');
  const pageDec = p.pageDecisions.find((d) => !d.undoneAt);
  // loaded only when the moderator opens it (app.js sets src): the findings render first, whatever the page size
  const frame = p.page.hasHtml
    ? `<iframe class="original" sandbox="" referrerpolicy="no-referrer" title="original page (a copy with every link and resource removed)" data-src="/pages/${s.id}/original"></iframe>`
    : '<p class="empty">The raw page was not kept in the store.</p>';
  const cats = Category.options.map((c) => `<option value="${c}">${esc(label(CATEGORY_LABEL, c))}</option>`).join('');
  const url = p.page.finalUrl ?? p.page.url;
  const undecided = p.findings.filter((f) => !f.decision).length;
  return layout(
    { ...o, title: s.title || url, nav: 'page', bodyClass: 'review' },
    `<header class="phead" data-scan="${s.id}">
<p class="crumbs"><a href="/" data-queue-link>← queue (u)</a> <span class="pos" id="queue-pos"></span></p>
<h1 lang="${esc(s.lang)}">${esc(s.title || '(no title)')}</h1>
<p class="meta"><span class="badge ${esc(s.verdict)}">${esc(s.verdict)}</span> <span class="conf">${esc(confidence(s.score))}</span> (score ${s.score.toFixed(2)}) ·
<span class="badge st-${esc(s.status)}" id="scan-status">${esc(s.status)}</span> · ${p.findings.length} finding(s), <span id="undecided">${undecided}</span> to decide ·
<span class="url">${esc(url)}</span></p>
<p class="pactions"><button type="button" data-page-decide="page-contaminated">Whole page is contaminated</button>
<button type="button" data-page-decide="page-clean">Whole page is clean</button>
<span id="page-decision">${pageDec ? `${esc(label(DECISION_LABEL, pageDec.decision))} by ${esc(pageDec.reviewer)}` : ''}</span></p>
</header>
<div class="cols">
<aside class="side" aria-label="findings">
<div class="bulk"><label><input type="checkbox" class="sel-all"> all</label>
<button type="button" data-bulk="confirm">Confirm selected</button> <button type="button" data-bulk="dismiss">Dismiss selected</button></div>
<ol class="findings">${p.findings.map(findingCard).join('\n') || '<li class="empty">No findings on this page. Select text on the left to mark spam the detector missed.</li>'}</ol>
<section class="history-box" aria-label="decision history"><h2>Decision history <button type="button" class="link" data-action="undo-last" title="undo your last decision (z)">Undo last (z)</button></h2>
${historyList(p.history, o.reviewer)}</section>
</aside>
<section class="text" aria-label="page text with findings highlighted">
<h2>Page text with findings <span class="hint">select text to mark spam the detector missed (m)</span></h2>
<div class="markbar" id="markbar" hidden><span>Mark the selected text as missed spam:</span> <select id="mark-cat" aria-label="category">${cats}</select>
<button type="button" data-action="mark" class="primary">Mark as spam (m)</button></div>
<div class="pagetext" id="pagetext" lang="${esc(s.lang)}">${highlight(s.text, p.findings)}</div>
<details id="original"><summary>Original page (a copy: no scripts, no images, links shown on hover; it opens no connection)</summary>${frame}</details>
<details class="cleanbox"><summary>Article as winnow cleans it</summary><article class="clean" lang="${esc(s.lang)}">${article || '<p class="empty">(empty)</p>'}</article></details>
<p class="meta small">Scanned ${esc(s.scannedAt.slice(0, 16).replace('T', ' '))} · language ${esc(s.lang)} · winnow ${esc(s.version.winnow)}, rules ${esc(s.version.rules)}, model ${esc(s.version.model)}</p>
</section>
</div>`,
  );
}

// ---------------------------------------------------------------- rules

function interval(r: RuleRow): string {
  if (!r.precision) return '–';
  return `${pct(r.precision.rate)} <span class="ci">(95%: ${pct(r.precision.low)}–${pct(r.precision.high)})</span>`;
}

export function rulesPage(o: LayoutOpts, st: RuleReview): string {
  const head = '<thead><tr><th>Rule</th><th>What it looks for</th><th class="num">Points</th><th class="num">Fired on</th><th class="num">Confirmed</th><th class="num">Dismissed</th><th>Share confirmed</th></tr></thead>';
  const row = (r: RuleRow) =>
    `<tr><td class="rule">${esc(r.rule)}</td><td>${esc(plainReason(r.description))}</td><td class="num">${pts(r.points)}</td><td class="num">${r.fired}</td><td class="num">${r.confirmed}</td><td class="num">${r.dismissed}</td>
<td>${interval(r)}</td></tr>`;
  const negHead = '<thead><tr><th>Rule</th><th>What it looks for</th><th class="num">Points</th><th class="num">Fired on</th><th class="num">…of them confirmed spam</th><th class="num">…dismissed</th></tr></thead>';
  const negRow = (r: RuleRow) =>
    `<tr><td class="rule">${esc(r.rule)}</td><td>${esc(plainReason(r.description))}</td><td class="num">${pts(r.points)}</td><td class="num">${r.fired}</td><td class="num">${r.confirmed}</td><td class="num">${r.dismissed}</td></tr>`;
  return layout(
    { ...o, nav: 'rules', bodyClass: 'rules-page' },
    `<h1>Rules</h1>
<p>${st.decisions} decision(s) recorded. “Share confirmed” is the share of decided findings a rule fired on that moderators
confirmed as spam, with its 95% Wilson interval.</p>
<h2>Candidates for tuning</h2>
<p class="hint">A rule is listed once at least ${st.minDecisions} of its findings are decided and even the upper end of its interval
is below ${pct(st.maxShare)}: moderators dismiss it more often than not, and that is not chance.</p>
${st.candidates.length ? `<table class="stats">${head}<tbody>${st.candidates.map(row).join('')}</tbody></table>` : `<p class="empty">None: no rule has enough decisions that show it is mostly wrong.</p>`}
<h2>Rules that add points for spam</h2>
<table class="stats">${head}<tbody>${st.positive.map(row).join('') || '<tr><td colspan="7" class="empty">No findings yet.</td></tr>'}</tbody></table>
<h2>Rules that speak against spam</h2>
<p class="hint">These subtract points (news-report vocabulary and the like); a share of confirmed findings says nothing about them.</p>
<table class="stats">${negHead}<tbody>${st.negative.map(negRow).join('') || '<tr><td colspan="6" class="empty">None fired.</td></tr>'}</tbody></table>
<h2>Learning</h2>
<p>Retrain the classifier with every reviewed finding (and every span marked as missed spam) as a labelled example.</p>
<p><button type="button" data-action="retrain">Retrain</button></p>
<pre id="train-result" class="train-result" hidden></pre>`,
  );
}
