// The review UI's one stylesheet and one small vanilla script, served by the app as /static/app.css and
// /static/app.js (kept as strings so `tsc` ships them in dist/ with no build step or bundler).

export const APP_CSS = `
:root { --fg:#1d1d1f; --muted:#666; --line:#ddd; --bg:#fff; --accent:#0b5cad; }
* { box-sizing: border-box; }
body { margin:0; color:var(--fg); background:var(--bg);
  font-family: system-ui, -apple-system, "Segoe UI", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
  font-size: 15px; line-height: 1.5; }
main { padding: 12px 20px 40px; }
nav.top { display:flex; gap:16px; align-items:center; padding:8px 20px; border-bottom:1px solid var(--line); background:#f7f7f9; }
nav.top a { color:var(--fg); text-decoration:none; } nav.top a[aria-current] { font-weight:700; }
nav.top .brand { font-weight:800; color:var(--accent); }
nav.top .spacer { flex:1; } .who { color:var(--muted); }
button.link { background:none; border:none; color:var(--accent); cursor:pointer; padding:0; font:inherit; }
h1 { font-size: 1.4em; margin: 8px 0; } h2 { font-size: 1.1em; margin: 18px 0 6px; }
.tabs a { margin-right: 14px; } .tabs a[aria-current] { font-weight:700; }
.filters { display:flex; flex-wrap:wrap; gap:10px; align-items:end; margin: 8px 0; }
.filters input.short { width: 5em; }
.counts, .hint, .url, .by, .meta { color: var(--muted); font-size: .92em; }
.url { word-break: break-all; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.row.current, li.fcard.current { outline: 2px solid var(--accent); background: #eef5ff; }
.badge { display:inline-block; padding:0 6px; border-radius:8px; font-size:.85em; background:#eee; }
.badge.contaminated { background:#fde2e1; color:#9b1c1c; } .badge.clean { background:#e3f6e8; color:#1c6b34; }
.badge.st-reviewed { background:#e6ecff; }
.cat { display:inline-block; padding:0 5px; border-radius:4px; background:#fff1c2; font-size:.85em; color:#5a4500; text-decoration:none; }
.bulk { margin: 8px 0; display:flex; gap:8px; align-items:center; flex-wrap: wrap; }
.cols { display:grid; grid-template-columns: minmax(0, 3fr) minmax(320px, 2fr); gap: 20px; }
.pagetext { white-space: pre-wrap; border:1px solid var(--line); padding:10px; max-height: 70vh; overflow:auto; }
mark.finding { background:#ffd54f; padding: 0 1px; cursor: pointer; }
mark.finding.where-hidden { background:#f8bbd0; outline: 1px dashed #ad1457; }
mark.finding.where-title { background:#ffab91; } mark.finding.where-boilerplate { background:#c5e1a5; }
mark.finding.current { outline: 3px solid var(--accent); }
mark .tag { font-size: .7em; vertical-align: super; background:#333; color:#fff; border-radius:3px; padding: 0 3px; margin-right: 2px; }
.side { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto; }
ol.findings { list-style: none; padding: 0; margin: 0; }
li.fcard { border:1px solid var(--line); border-radius:6px; padding:8px; margin-bottom:10px; }
.fhead { display:flex; gap:8px; align-items:center; flex-wrap:wrap; } .fhead .num { margin-left:auto; color:var(--muted); }
.ftext { margin: 6px 0; padding: 4px 8px; border-left: 3px solid #ffd54f; background:#fffbea; word-break: break-word; }
table.rules td { font-size: .88em; } td.rule { font-family: ui-monospace, monospace; white-space: nowrap; }
.evidence { color: #8a2b06; font-size: .9em; word-break: break-word; }
.dec.confirm, .dec.recategorize { color:#9b1c1c; font-weight:700; } .dec.dismiss { color:#1c6b34; font-weight:700; }
.dec.pending { color: var(--muted); }
article.clean { border:1px solid var(--line); padding: 10px; }
iframe.original { width: 100%; height: 70vh; border: 1px solid var(--line); background: #fff; }
.help { position: fixed; top: 15%; left: 50%; transform: translateX(-50%); background:#fff; border:1px solid #999;
  box-shadow: 0 6px 30px rgba(0,0,0,.25); padding: 10px 24px; z-index: 10; min-width: 320px; }
.help dt { font-family: ui-monospace, monospace; font-weight:700; float:left; width: 4em; } .help dd { margin-left: 5em; }
.toast { position: fixed; bottom: 16px; right: 16px; background:#333; color:#fff; padding: 6px 12px; border-radius: 6px; opacity: 0; transition: opacity .2s; }
.toast.show { opacity: .92; }
.error { color: #9b1c1c; } .empty { color: var(--muted); }
.login { max-width: 420px; margin: 60px auto; }
.train-result { background:#f5f5f5; padding: 8px; white-space: pre-wrap; }
`;

// Plain ES2017, no template literals (so this file can stay a TS template string).
export const APP_JS = `
(function () {
  'use strict';
  var csrfMeta = document.querySelector('meta[name="winnow-csrf"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute('content') : '';
  var toastTimer = 0;
  function toast(msg) {
    var t = document.getElementById('toast');
    if (!t) return;
    t.textContent = msg;
    t.classList.add('show');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { t.classList.remove('show'); }, 2500);
  }
  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-winnow-csrf': csrf },
      body: JSON.stringify(body || {})
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (!r.ok) throw new Error(j.error || ('HTTP ' + r.status));
        return j;
      });
    });
  }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  // ---- help, logout, retrain ----
  function toggleHelp() { var h = document.getElementById('help'); if (h) h.hidden = !h.hidden; }
  document.addEventListener('click', function (e) {
    var el = e.target.closest ? e.target.closest('[data-action]') : null;
    if (!el) return;
    var a = el.getAttribute('data-action');
    if (a === 'help') toggleHelp();
    if (a === 'logout') post('/logout', {}).then(function () { location.href = '/login'; }, function (err) { toast(err.message); });
    if (a === 'retrain') {
      el.disabled = true;
      var out = document.getElementById('train-result');
      toast('Retraining…');
      post('/api/train', {}).then(function (j) {
        if (out) { out.hidden = false; out.textContent = JSON.stringify(j, null, 2); }
        toast('Retrained on ' + j.trainedOn + ' examples');
      }, function (err) {
        if (out) { out.hidden = false; out.textContent = 'Retrain failed: ' + err.message; }
        toast('Retrain failed');
      }).then(function () { el.disabled = false; });
    }
  });

  // ---- current item (rows on the queue, finding cards on a page) ----
  var isQueue = document.body.classList.contains('queue');
  var isReview = document.body.classList.contains('review');
  var items = isQueue ? $all('tr.row') : isReview ? $all('li.fcard') : [];
  var cur = -1;
  function setCurrent(i) {
    if (!items.length) return;
    i = Math.max(0, Math.min(items.length - 1, i));
    if (cur >= 0 && items[cur]) items[cur].classList.remove('current');
    $all('mark.finding.current').forEach(function (m) { m.classList.remove('current'); });
    cur = i;
    var it = items[cur];
    it.classList.add('current');
    it.scrollIntoView({ block: 'nearest' });
    if (isReview) {
      var id = it.getAttribute('data-finding');
      var marks = $all('mark.finding[data-finding="' + id + '"]');
      marks.forEach(function (m) { m.classList.add('current'); });
      if (marks[0]) marks[0].scrollIntoView({ block: 'nearest' });
    }
  }

  function setState(card, d) {
    var st = card.querySelector('.state');
    if (!st) return;
    st.textContent = '';
    var s = document.createElement('span');
    s.className = 'dec ' + d.decision;
    s.textContent = d.decision + (d.category ? ' \\u2192 ' + d.category : '');
    var by = document.createElement('span');
    by.className = 'by';
    by.textContent = ' by ' + d.reviewer;
    st.appendChild(s);
    st.appendChild(by);
  }

  function decide(card, decision) {
    var id = Number(card.getAttribute('data-finding'));
    var body = { decision: decision };
    if (decision === 'recategorize') body.category = card.querySelector('select.recat').value;
    return post('/api/findings/' + id + '/decision', body).then(function (j) {
      if (j.decisions && j.decisions[0]) setState(card, j.decisions[0]);
      toast(decision + ' #' + id);
      return j;
    }, function (err) { toast('Error: ' + err.message); throw err; });
  }

  document.addEventListener('click', function (e) {
    var b = e.target.closest ? e.target.closest('[data-decide]') : null;
    if (b) {
      var card = b.closest('li.fcard');
      items.indexOf(card) >= 0 && setCurrent(items.indexOf(card));
      decide(card, b.getAttribute('data-decide')).catch(function () {});
      return;
    }
    var m = e.target.closest ? e.target.closest('mark.finding') : null;
    if (m && isReview) {
      var card2 = document.getElementById('f-' + m.getAttribute('data-finding'));
      if (card2) setCurrent(items.indexOf(card2));
      return;
    }
    var pd = e.target.closest ? e.target.closest('[data-page-decide]') : null;
    if (pd) {
      var head = document.querySelector('header.phead');
      var scan = head.getAttribute('data-scan');
      post('/api/scans/' + scan + '/decision', { decision: pd.getAttribute('data-page-decide') }).then(function (j) {
        var el = document.getElementById('page-decision');
        if (el) el.textContent = j.decision + ' by ' + j.reviewer;
        var st = document.getElementById('scan-status');
        if (st) st.textContent = 'reviewed';
        toast(j.decision);
      }, function (err) { toast('Error: ' + err.message); });
      return;
    }
    var bulk = e.target.closest ? e.target.closest('[data-bulk]') : null;
    if (bulk) {
      var ids = [];
      $all('.sel:checked').forEach(function (c) {
        var host = c.closest('[data-findings],[data-finding]');
        if (!host) return;
        var list = host.getAttribute('data-findings');
        if (list !== null) list.split(',').forEach(function (x) { if (x) ids.push(Number(x)); });
        else ids.push(Number(host.getAttribute('data-finding')));
      });
      if (!ids.length) { toast('Nothing selected (or no findings)'); return; }
      var dec = bulk.getAttribute('data-bulk');
      post('/api/decisions', { ids: ids, decision: dec }).then(function (j) {
        toast(dec + ': ' + j.decisions.length + ' finding(s)');
        if (isReview) j.decisions.forEach(function (d) {
          var c = document.getElementById('f-' + d.findingId);
          if (c) setState(c, d);
        });
        else setTimeout(function () { location.reload(); }, 400);
      }, function (err) { toast('Error: ' + err.message); });
    }
  });

  $all('.sel-all').forEach(function (all) {
    all.addEventListener('change', function () {
      $all('.sel').forEach(function (c) { c.checked = all.checked; });
    });
  });

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
    var k = e.key;
    if (k === '?') { toggleHelp(); e.preventDefault(); return; }
    if (k === 'Escape') { var h = document.getElementById('help'); if (h) h.hidden = true; return; }
    if (k === 'j') { setCurrent(cur + 1); e.preventDefault(); return; }
    if (k === 'k') { setCurrent(cur < 0 ? 0 : cur - 1); e.preventDefault(); return; }
    if (k === 'u' && !isQueue) { location.href = '/'; return; }
    var it = cur >= 0 ? items[cur] : null;
    if (k === 'x' && it) { var c = it.querySelector('.sel'); if (c) c.checked = !c.checked; return; }
    if (k === 'o') {
      if (isQueue && it) { location.href = it.getAttribute('data-href'); return; }
      if (isReview) {
        var d = document.getElementById('original');
        if (d) { d.open = !d.open; if (d.open) d.scrollIntoView({ block: 'start' }); }
      }
      return;
    }
    if ((k === 'y' || k === 'n') && isQueue && it) {
      e.preventDefault();
      var fids = (it.getAttribute('data-findings') || '').split(',').filter(Boolean).map(Number);
      if (!fids.length) { toast('No findings on this page'); return; }
      var qdec = k === 'y' ? 'confirm' : 'dismiss';
      var row = it;
      post('/api/decisions', { ids: fids, decision: qdec }).then(function (j) {
        var cells = row.querySelectorAll('td');
        var last = cells[cells.length - 1];
        if (last) last.textContent = j.decisions.length + '/' + fids.length + ' ' + qdec;
        toast(qdec + ': ' + j.decisions.length + ' finding(s)');
        setCurrent(items.indexOf(row) + 1);
      }, function (err) { toast('Error: ' + err.message); });
      return;
    }
    if ((k === 'y' || k === 'n') && isReview && it) {
      e.preventDefault();
      var next = cur + 1;
      decide(it, k === 'y' ? 'confirm' : 'dismiss').then(function () {
        if (next < items.length) setCurrent(next);
      }, function () {});
    }
  });

  if (items.length) setCurrent(0);
})();
`;
