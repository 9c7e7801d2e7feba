// Server-rendered HTML for the review UI. No inline scripts (the app CSP forbids them): behaviour lives in
// /static/app.js, styles in /static/app.css. Everything from the store is escaped; the original page is shown
// only inside <iframe sandbox srcdoc> with its own restrictive CSP.
import { Category } from '../detect/types.js';
import type { QueueResult, ReviewFinding, ReviewPage, RuleStats, QueueFilter } from '../store/review.js';

export function esc(s: string | number | null | undefined): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

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
<a href="/"${o.nav === 'queue' ? ' aria-current="page"' : ''}>Queue</a>
<a href="/rules"${o.nav === 'rules' ? ' aria-current="page"' : ''}>Rules</a>
<span class="spacer"></span><button type="button" class="link" data-action="help" title="Keyboard shortcuts (?)">?</button>
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
<dt>y</dt><dd>confirm the current finding (queue: all findings of the current page)</dd>
<dt>n</dt><dd>dismiss the current finding (queue: all findings of the current page)</dd>
<dt>x</dt><dd>select / unselect the current row or finding (bulk)</dd>
<dt>o</dt><dd>open the page (page view: show the original)</dd>
<dt>u</dt><dd>back to the queue</dd>
<dt>?</dt><dd>this help</dd>
</dl>
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
<p>This service needs the access token printed when the server first started (or <code>WINNOW_TOKEN</code>).</p>
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

function queueHref(f: QueueFilter, patch: Partial<QueueFilter>): string {
  const q = new URLSearchParams();
  const all = { ...f, ...patch };
  for (const [k, v] of Object.entries(all)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `/?${s}` : '/';
}

export function queuePage(
  o: LayoutOpts,
  q: QueueResult,
  filter: QueueFilter,
  domains: string[],
  filterError?: string,
): string {
  const limit = filter.limit ?? 50;
  const offset = filter.offset ?? 0;
  const catOptions = Category.options
    .map((c) => `<option value="${c}"${filter.category === c ? ' selected' : ''}>${c}${q.counts.byCategory[c] ? ` (${q.counts.byCategory[c]})` : ''}</option>`)
    .join('');
  const rows = q.items
    .map((it) => {
      return `<tr class="row" data-scan="${it.scanId}" data-href="/pages/${it.scanId}" data-findings="${it.findings}">
<td><input type="checkbox" class="sel" aria-label="select page ${it.scanId}"></td>
<td class="num score s${Math.min(9, Math.floor(it.score * 10))}">${it.score.toFixed(2)}</td>
<td><span class="badge ${esc(it.verdict)}">${esc(it.verdict)}</span></td>
<td><span class="badge st-${esc(it.status)}">${esc(it.status)}</span></td>
<td class="title"><a href="/pages/${it.scanId}" class="open">${esc(it.title || it.url)}</a><div class="url">${esc(it.url)}</div></td>
<td>${esc(it.domain)}</td>
<td>${it.categories.map((c) => `<span class="cat cat-${esc(c)}">${esc(c)}</span>`).join(' ')}</td>
<td class="num">${it.decided}/${it.findings}</td>
</tr>`;
    })
    .join('\n');
  const prev = offset > 0 ? `<a href="${esc(queueHref(filter, { offset: Math.max(0, offset - limit) }))}">← previous</a>` : '';
  const next = offset + q.items.length < q.counts.total ? `<a href="${esc(queueHref(filter, { offset: offset + limit }))}">next →</a>` : '';
  const statusTab = (s: 'pending' | 'reviewed' | undefined, label: string, n: number) =>
    `<a href="${esc(queueHref(filter, { status: s, offset: undefined }))}"${filter.status === s ? ' aria-current="true"' : ''}>${label} <b>${n}</b></a>`;
  return layout(
    { ...o, nav: 'queue', bodyClass: 'queue' },
    `<h1>Review queue</h1>
<p class="tabs">${statusTab(undefined, 'All', q.counts.byStatus.pending + q.counts.byStatus.reviewed)}
${statusTab('pending', 'Pending', q.counts.byStatus.pending)} ${statusTab('reviewed', 'Reviewed', q.counts.byStatus.reviewed)}</p>
<form method="get" action="/" class="filters">
${filter.status ? `<input type="hidden" name="status" value="${esc(filter.status)}">` : ''}
<label>Category <select name="category"><option value="">any</option>${catOptions}</select></label>
<label>Domain <input name="domain" list="domains" value="${esc(filter.domain ?? '')}" size="18"></label>
<datalist id="domains">${domains.map((d) => `<option value="${esc(d)}">`).join('')}</datalist>
<label>Score ≥ <input name="minScore" type="number" step="0.05" min="0" max="1" value="${esc(filter.minScore ?? '')}" class="short"></label>
<label>≤ <input name="maxScore" type="number" step="0.05" min="0" max="1" value="${esc(filter.maxScore ?? '')}" class="short"></label>
<button type="submit">Filter</button> <a href="/">reset</a>
</form>
${filterError ? `<p class="error">Filter ignored: ${esc(filterError)}</p>` : ''}
<p class="counts">${q.counts.total} page(s) match${Object.keys(q.counts.byCategory).length ? ' · findings by category: ' + Object.entries(q.counts.byCategory).map(([c, n]) => `${esc(c)} ${n}`).join(', ') : ''}</p>
<div class="bulk"><label><input type="checkbox" class="sel-all"> all</label>
<button type="button" data-bulk="confirm">Confirm all findings of selected</button>
<button type="button" data-bulk="dismiss">Dismiss all findings of selected</button>
<span class="hint">j/k move · y/n confirm/dismiss the page's findings · x select · o open · ? help</span></div>
<table class="queue-table">
<thead><tr><th></th><th>Score</th><th>Verdict</th><th>Status</th><th>Title</th><th>Domain</th><th>Categories</th><th>Decided</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="8" class="empty">Nothing in the queue for this filter.</td></tr>'}
</tbody>
</table>
<p class="pager">${prev} ${next}</p>`,
  );
}

/**
 * Render result.text with every finding wrapped in <mark> at its offsets. Overlapping findings are split at
 * every boundary; each piece is attributed to the highest-scoring finding covering it.
 */
export function highlight(text: string, findings: Pick<ReviewFinding, 'id' | 'start' | 'end' | 'category' | 'where' | 'score' | 'rules' | 'kind'>[]): string {
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
    const covering = valid.filter((f) => f.start <= a && f.end >= b);
    if (covering.length === 0) {
      out += esc(piece);
      continue;
    }
    const top = covering.reduce((m, f) => (f.score > m.score ? f : m));
    const tip = `${top.category} · ${top.kind} · ${top.where} · score ${top.score.toFixed(2)}\n` + top.rules.map((r) => `${r.rule} (${r.points >= 0 ? '+' : ''}${pts(r.points)}): ${r.description}`).join('\n');
    const first = !seen.has(top.id);
    seen.add(top.id);
    out += `<mark class="finding cat-${esc(top.category)} where-${esc(top.where)}" data-finding="${top.id}"${first ? ` id="m-${top.id}"` : ''} title="${esc(tip)}">${
      first ? `<span class="tag">${esc(top.category)}</span>` : ''
    }${esc(piece)}</mark>`;
  }
  return out;
}

function decisionLabel(f: ReviewFinding): string {
  if (!f.decision) return '<span class="dec pending">undecided</span>';
  const d = f.decision;
  return `<span class="dec ${esc(d.decision)}">${esc(d.decision)}${d.category ? ' → ' + esc(d.category) : ''}</span> <span class="by">by ${esc(d.reviewer)} ${esc(d.decidedAt.slice(0, 16).replace('T', ' '))}</span>`;
}

function findingCard(f: ReviewFinding): string {
  const rules = f.rules
    .map(
      (r) => `<tr><td class="rule">${esc(r.rule)}</td><td class="num">${r.points >= 0 ? '+' : ''}${pts(r.points)}</td><td>${esc(r.description)}<div class="evidence">${esc(r.evidence)}</div></td></tr>`,
    )
    .join('');
  const cats = Category.options.map((c) => `<option value="${c}"${c === f.category ? ' selected' : ''}>${c}</option>`).join('');
  return `<li class="fcard" id="f-${f.id}" data-finding="${f.id}" tabindex="-1">
<div class="fhead"><input type="checkbox" class="sel" aria-label="select finding ${f.id}">
<a href="#m-${f.id}" class="cat cat-${esc(f.category)}">${esc(f.category)}</a> <span class="kind">${esc(f.kind)}</span> <span class="where">${esc(f.where)}</span>
<span class="num">score ${f.score.toFixed(2)} · ${pts(f.points)} pts</span></div>
<blockquote class="ftext">${esc(f.text.length > 400 ? f.text.slice(0, 400) + '…' : f.text)}</blockquote>
<table class="rules">${rules}</table>
<div class="factions"><button type="button" data-decide="confirm">Confirm (y)</button>
<button type="button" data-decide="dismiss">Dismiss (n)</button>
<select class="recat" aria-label="new category">${cats}</select><button type="button" data-decide="recategorize">Recategorize</button>
<span class="state">${decisionLabel(f)}</span></div>
</li>`;
}

export function reviewPage(o: LayoutOpts, p: ReviewPage): string {
  const s = p.scan;
  const article = s.cleanText
    .split(/\n{2,}/)
    .map((para, i) => (i === 0 ? `<h2>${esc(para)}</h2>` : `<p>${esc(para)}</p>`))
    .join('\n');
  const pageDec = p.pageDecisions[0];
  // loaded only when the moderator opens it (app.js sets src): the findings render first, whatever the page size
  const frame = p.page.hasHtml
    ? `<iframe class="original" sandbox="" referrerpolicy="no-referrer" title="original page (a copy with every link and resource removed)" data-src="/pages/${s.id}/original"></iframe>`
    : '<p class="empty">The raw page was not kept in the store.</p>';
  return layout(
    { ...o, title: s.title || p.page.url, nav: 'page', bodyClass: 'review' },
    `<header class="phead" data-scan="${s.id}">
<p class="crumbs"><a href="/">← queue</a></p>
<h1 lang="${esc(s.lang)}">${esc(s.title || '(no title)')}</h1>
<p class="meta"><span class="badge ${esc(s.verdict)}">${esc(s.verdict)}</span> score <b>${s.score.toFixed(2)}</b> ·
<span class="badge st-${esc(s.status)}" id="scan-status">${esc(s.status)}</span> · ${p.findings.length} finding(s) ·
<span class="url">${esc(p.page.finalUrl ?? p.page.url)}</span>${p.page.domain ? ` · ${esc(p.page.domain)}` : ''} · lang ${esc(s.lang)} · scanned ${esc(s.scannedAt.slice(0, 16).replace('T', ' '))}
· rules ${esc(s.version.rules)} · model ${esc(s.version.model)}</p>
<p class="pactions"><button type="button" data-page-decide="page-contaminated">Page contaminated</button>
<button type="button" data-page-decide="page-clean">Page clean (dismiss all)</button>
<span id="page-decision">${pageDec ? `${esc(pageDec.decision)} by ${esc(pageDec.reviewer)}` : ''}</span></p>
</header>
<div class="cols">
<section class="text" aria-label="page text with findings highlighted">
<h2>Page text with findings</h2>
<div class="pagetext" lang="${esc(s.lang)}">${highlight(s.text, p.findings)}</div>
<h2>Clean article</h2>
<article class="clean" lang="${esc(s.lang)}">${article || '<p class="empty">(empty)</p>'}</article>
<details id="original"><summary>Original page (sandboxed: no scripts, no network)</summary>${frame}</details>
</section>
<aside class="side" aria-label="findings">
<div class="bulk"><label><input type="checkbox" class="sel-all"> all</label>
<button type="button" data-bulk="confirm">Confirm selected</button> <button type="button" data-bulk="dismiss">Dismiss selected</button></div>
<ol class="findings">${p.findings.map(findingCard).join('\n') || '<li class="empty">No findings on this page.</li>'}</ol>
</aside>
</div>`,
  );
}

export function rulesPage(o: LayoutOpts, st: RuleStats): string {
  const row = (r: RuleStats['rules'][number]) =>
    `<tr><td class="rule">${esc(r.rule)}</td><td class="num">${pts(r.points)}</td><td class="num">${r.fired}</td><td class="num">${r.confirmed}</td><td class="num">${r.dismissed}</td>
<td class="num">${r.precision === null ? '–' : pct(r.precision)}</td><td>${esc(r.description)}</td></tr>`;
  const head = '<thead><tr><th>Rule</th><th>Points</th><th>Fired</th><th>Confirmed</th><th>Dismissed</th><th>Precision</th><th>Description</th></tr></thead>';
  return layout(
    { ...o, nav: 'rules', bodyClass: 'rules-page' },
    `<h1>Rules</h1>
<p>${st.decisions} decision(s) recorded. Precision = confirmed / (confirmed + dismissed) over decided findings the rule fired on.</p>
<h2>Mostly dismissed (candidates for tuning)</h2>
${st.mostlyDismissed.length ? `<table class="stats">${head}<tbody>${st.mostlyDismissed.map(row).join('')}</tbody></table>` : '<p class="empty">None yet (a rule needs a few decisions first).</p>'}
<h2>All rules that fired</h2>
<table class="stats">${head}<tbody>${st.rules.map(row).join('') || '<tr><td colspan="7" class="empty">No findings yet.</td></tr>'}</tbody></table>
<h2>Learning</h2>
<p>Retrain the classifier with every reviewed finding as a labelled example.</p>
<p><button type="button" data-action="retrain">Retrain</button></p>
<pre id="train-result" class="train-result" hidden></pre>`,
  );
}
