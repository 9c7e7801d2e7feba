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
.cols { display:grid; grid-template-columns: minmax(360px, 2fr) minmax(0, 3fr); gap: 20px; }
.pagetext { white-space: pre-wrap; border:1px solid var(--line); padding:10px; max-height: 70vh; overflow:auto; }
mark.finding { background:#ffd54f; padding: 0 1px; cursor: pointer; }
mark.finding.where-hidden { background:#f8bbd0; outline: 1px dashed #ad1457; }
mark.finding.where-title { background:#ffab91; } mark.finding.where-boilerplate { background:#c5e1a5; }
mark.finding.current { outline: 3px solid var(--accent); }
mark .tag { font-size: .7em; vertical-align: super; background:#333; color:#fff; border-radius:3px; padding: 0 3px; margin-right: 2px; }
.side { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto; }
.factions { display:flex; flex-wrap:wrap; gap:6px; align-items:center; margin: 6px 0; }
button.primary { background: var(--accent); color:#fff; border:1px solid var(--accent); border-radius:4px; padding:2px 10px; }
.ftext { max-height: 9em; overflow: auto; }
.sep { color:#b07d00; font-weight:700; }
ul.why { margin: 4px 0; padding-left: 18px; font-size: .92em; } ul.why li.against { color:#1c6b34; } ul.why li.more { color: var(--muted); list-style: none; }
details.tech summary { color: var(--muted); font-size: .85em; cursor: pointer; }
li.fcard.decided { opacity: .75; } li.fcard.decided.current { opacity: 1; }
.conf { font-weight: 600; }
.spam { margin-top: 2px; padding: 1px 6px; background:#fff6d6; border-left: 3px solid #e0a800; font-size:.9em; word-break: break-word; }
ol.history { list-style:none; padding:0; margin:0; font-size:.9em; } ol.history li { padding:2px 0; border-bottom:1px dotted var(--line); }
ol.history li.undone { color: var(--muted); text-decoration: line-through; } ol.history li.undone button { display:none; }
.when { color: var(--muted); font-variant-numeric: tabular-nums; margin-right: 4px; }
.markbar { position: sticky; top: 0; z-index: 5; background:#fffbea; border:1px solid #e0a800; padding:6px; border-radius:6px; margin-bottom:6px; }
.ci { color: var(--muted); font-size: .88em; }
.small { font-size: .85em; }
.pos { color: var(--muted); margin-left: 8px; }
mark.finding.cat-manual, mark.finding.kind-moderator-marked { background:#b3e5fc; }
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
  var store = window.sessionStorage;
  var toastTimer = 0;
  function toast(msg) {
    var t = document.getElementById('toast');
    if (!t) return;
    t.textContent = msg;
    t.classList.add('show');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { t.classList.remove('show'); }, 2500);
  }
  function call(method, path, body) {
    var init = { method: method, credentials: 'same-origin', headers: { 'x-winnow-csrf': csrf } };
    if (method !== 'GET') { init.headers['content-type'] = 'application/json'; init.body = JSON.stringify(body || {}); }
    return fetch(path, init).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (!r.ok) throw new Error(j.error || ('HTTP ' + r.status));
        return j;
      });
    });
  }
  function post(path, body) { return call('POST', path, body); }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  // ---- where the moderator came from: the queue URL, its rows in order, the row to come back to ----
  var QUEUE_URL = 'winnow:queue-url', QUEUE_IDS = 'winnow:queue-ids';
  function queueUrl() { return store.getItem(QUEUE_URL) || '/'; }
  $all('[data-queue-link]').forEach(function (a) { a.setAttribute('href', queueUrl()); });

  // ---- help, logout, retrain ----
  function toggleHelp() { var h = document.getElementById('help'); if (h) h.hidden = !h.hidden; }
  document.addEventListener('click', function (e) {
    var el = e.target.closest ? e.target.closest('[data-action]') : null;
    if (!el) return;
    var a = el.getAttribute('data-action');
    if (a === 'help') toggleHelp();
    if (a === 'logout') post('/logout', {}).then(function () { location.href = '/login'; }, function (err) { toast(err.message); });
    if (a === 'undo-last') undoLast();
    if (a === 'mark') markSelection();
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
  var head = document.querySelector('header.phead');
  var scanId = head ? head.getAttribute('data-scan') : null;
  var cur = -1;
  function remember() {
    var it = items[cur];
    if (!it) return;
    if (isQueue) store.setItem('winnow:row:' + location.search, it.getAttribute('data-scan'));
    if (isReview) store.setItem('winnow:card:' + scanId, it.getAttribute('data-finding'));
  }
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
    remember();
  }
  function indexOfAttr(attr, value) {
    for (var i = 0; i < items.length; i++) if (items[i].getAttribute(attr) === value) return i;
    return -1;
  }

  if (isQueue) {
    store.setItem(QUEUE_URL, location.pathname + location.search);
    store.setItem(QUEUE_IDS, JSON.stringify(items.map(function (r) { return r.getAttribute('data-scan'); })));
  }
  if (isReview && scanId) {
    var ids = JSON.parse(store.getItem(QUEUE_IDS) || '[]');
    var at = ids.indexOf(scanId);
    var pos = document.getElementById('queue-pos');
    if (pos && at >= 0) pos.textContent = 'page ' + (at + 1) + ' of ' + ids.length + ' in the queue';
  }
  function nextPageHref() {
    var ids = JSON.parse(store.getItem(QUEUE_IDS) || '[]');
    var at = ids.indexOf(scanId);
    return at >= 0 && at + 1 < ids.length ? '/pages/' + ids[at + 1] : null;
  }

  var DECISION_TEXT = { confirm: 'confirmed as spam', dismiss: 'dismissed (not spam)', recategorize: 'recategorized' };
  function setState(card, d) {
    var st = card.querySelector('.state');
    if (!st) return;
    st.textContent = '';
    var s = document.createElement('span');
    s.className = 'dec ' + d.decision;
    s.textContent = (DECISION_TEXT[d.decision] || d.decision) + (d.category ? ' \\u2192 ' + d.category : '');
    var by = document.createElement('span');
    by.className = 'by';
    by.textContent = ' by ' + d.reviewer;
    st.appendChild(s);
    st.appendChild(by);
    card.classList.add('decided');
  }
  function addHistory(d, text) {
    var list = document.querySelector('ol.history');
    var box = document.querySelector('.history-box');
    if (!box) return;
    if (!list) {
      var empty = box.querySelector('p.empty');
      if (empty) empty.remove();
      list = document.createElement('ol');
      list.className = 'history';
      box.appendChild(list);
    }
    var li = document.createElement('li');
    li.setAttribute('data-decision', String(d.id));
    li.setAttribute('data-finding-ref', d.findingId === null ? '' : String(d.findingId));
    var when = document.createElement('span');
    when.className = 'when';
    when.textContent = d.decidedAt.slice(11, 16);
    var who = document.createElement('b');
    who.textContent = d.reviewer;
    li.appendChild(when);
    li.appendChild(who);
    li.appendChild(document.createTextNode(' ' + (DECISION_TEXT[d.decision] || d.decision) + (d.category ? ' \\u2192 ' + d.category : '') + ' ' + (text ? '\\u201c' + text.slice(0, 60) + '\\u201d' : 'the whole page') + ' '));
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'link';
    b.setAttribute('data-undo', String(d.id));
    b.textContent = 'Undo';
    li.appendChild(b);
    list.insertBefore(li, list.firstChild);
  }
  function undecided() {
    return items.filter(function (c) { return !c.classList.contains('decided'); });
  }
  function updateCounter() {
    var u = document.getElementById('undecided');
    if (u) u.textContent = String(undecided().length);
  }

  function decide(card, decision) {
    var id = Number(card.getAttribute('data-finding'));
    var body = { decision: decision };
    if (decision === 'recategorize') body.category = card.querySelector('select.recat').value;
    return post('/api/findings/' + id + '/decision', body).then(function (j) {
      var d = j.decisions && j.decisions[0];
      if (d) {
        setState(card, d);
        var q = card.querySelector('.ftext');
        addHistory(d, q ? q.textContent : '');
      }
      updateCounter();
      toast((DECISION_TEXT[decision] || decision) + ' \\u2014 z to undo');
      return j;
    }, function (err) { toast('Error: ' + err.message); throw err; });
  }

  /** after a decision: the next undecided finding; after the last one, the next page of the queue */
  function advance(from) {
    for (var i = from + 1; i < items.length; i++) if (!items[i].classList.contains('decided')) { setCurrent(i); return; }
    for (var k = 0; k < from; k++) if (!items[k].classList.contains('decided')) { setCurrent(k); return; }
    var next = nextPageHref();
    toast(next ? 'Page done \\u2014 opening the next page' : 'Page done \\u2014 back to the queue');
    setTimeout(function () { location.href = next || queueUrl(); }, 700);
  }

  function undo(id) {
    return post('/api/decisions/' + id + '/undo', {}).then(function (j) {
      // reload with the cursor kept on the finding whose decision was undone
      if (j.decision.findingId !== null) store.setItem('winnow:card:' + scanId, String(j.decision.findingId));
      store.setItem('winnow:toast', 'Undone: ' + (DECISION_TEXT[j.decision.decision] || j.decision.decision));
      location.reload();
    }, function (err) { toast('Undo failed: ' + err.message); });
  }
  function undoLast() {
    var b = document.querySelector('ol.history li:not(.undone) [data-undo]');
    if (!b) { toast('Nothing of yours to undo on this page'); return; }
    undo(b.getAttribute('data-undo'));
  }

  // ---- mark missed spam: a selection inside the page text becomes a finding ----
  var pagetext = document.getElementById('pagetext');
  var markbar = document.getElementById('markbar');
  /** offset of (node, off) in result.text: text nodes of the page text, without the category tags */
  function textOffset(node, off) {
    var walker = document.createTreeWalker(pagetext, NodeFilter.SHOW_TEXT, null);
    var n = 0, t;
    while ((t = walker.nextNode())) {
      var tagged = t.parentNode && t.parentNode.classList && t.parentNode.classList.contains('tag');
      if (t === node) return n + (tagged ? 0 : off);
      if (!tagged) n += t.nodeValue.length;
    }
    if (node.nodeType === 1) {
      // an element boundary: count the text before its off-th child
      var child = node.childNodes[off];
      if (!child) return n;
      var w2 = document.createTreeWalker(pagetext, NodeFilter.SHOW_TEXT, null);
      var m = 0, u;
      while ((u = w2.nextNode())) {
        if (child.compareDocumentPosition(u) & Node.DOCUMENT_POSITION_FOLLOWING || child === u || child.contains(u)) return m;
        if (!(u.parentNode.classList && u.parentNode.classList.contains('tag'))) m += u.nodeValue.length;
      }
      return m;
    }
    return -1;
  }
  function selectedSpan() {
    var sel = window.getSelection();
    if (!pagetext || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    var r = sel.getRangeAt(0);
    if (!pagetext.contains(r.startContainer) || !pagetext.contains(r.endContainer)) return null;
    var a = textOffset(r.startContainer, r.startOffset), b = textOffset(r.endContainer, r.endOffset);
    if (a < 0 || b <= a) return null;
    return { start: a, end: b };
  }
  if (pagetext && markbar) {
    document.addEventListener('selectionchange', function () { markbar.hidden = !selectedSpan(); });
  }
  function markSelection() {
    var span = selectedSpan();
    if (!span) { toast('Select some text of the page first'); return; }
    var cat = document.getElementById('mark-cat');
    post('/api/scans/' + scanId + '/findings', { start: span.start, end: span.end, category: cat ? cat.value : 'promo' }).then(function (j) {
      store.setItem('winnow:card:' + scanId, String(j.finding.id));
      store.setItem('winnow:toast', 'Marked as missed spam (' + (span.end - span.start) + ' characters)');
      location.reload();
    }, function (err) { toast('Error: ' + err.message); });
  }

  // ---- clicks ----
  document.addEventListener('click', function (e) {
    var u = e.target.closest ? e.target.closest('[data-undo]') : null;
    if (u) { undo(u.getAttribute('data-undo')); return; }
    var b = e.target.closest ? e.target.closest('[data-decide]') : null;
    if (b) {
      var card = b.closest('li.fcard');
      var i = items.indexOf(card);
      if (i >= 0) setCurrent(i);
      decide(card, b.getAttribute('data-decide')).then(function () { advance(i); }, function () {});
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
      post('/api/scans/' + scanId + '/decision', { decision: pd.getAttribute('data-page-decide') }).then(function (j) {
        var el = document.getElementById('page-decision');
        if (el) el.textContent = j.decision + ' by ' + j.reviewer;
        var st = document.getElementById('scan-status');
        if (st) st.textContent = 'reviewed';
        addHistory(j, '');
        toast(j.decision + ' \\u2014 z to undo');
      }, function (err) { toast('Error: ' + err.message); });
      return;
    }
    var bulk = e.target.closest ? e.target.closest('[data-bulk]') : null;
    if (bulk) {
      var dec = bulk.getAttribute('data-bulk');
      if (isQueue) {
        var scans = $all('tr.row .sel:checked').map(function (c) { return c.closest('tr.row').getAttribute('data-scan'); });
        if (!scans.length) { toast('Nothing selected'); return; }
        Promise.all(scans.map(function (s) { return decidePage(s, dec); })).then(function () { setTimeout(function () { location.reload(); }, 400); });
        return;
      }
      var ids = $all('li.fcard .sel:checked').map(function (c) { return Number(c.closest('li.fcard').getAttribute('data-finding')); });
      if (!ids.length) { toast('Nothing selected'); return; }
      post('/api/decisions', { ids: ids, decision: dec }).then(function (j) {
        toast(dec + ': ' + j.decisions.length + ' finding(s)');
        j.decisions.forEach(function (d) {
          var c = document.getElementById('f-' + d.findingId);
          if (c) { setState(c, d); var q = c.querySelector('.ftext'); addHistory(d, q ? q.textContent : ''); }
        });
        updateCounter();
      }, function (err) { toast('Error: ' + err.message); });
    }
  });

  /** every finding of one queued page, the same decision (the queue's y / n and bulk buttons) */
  function decidePage(scan, decision) {
    return call('GET', '/api/pages/' + scan).then(function (p) {
      var ids = p.findings.map(function (f) { return f.id; });
      if (!ids.length) return { decisions: [] };
      return post('/api/decisions', { ids: ids, decision: decision });
    });
  }

  $all('.sel-all').forEach(function (all) {
    all.addEventListener('change', function () {
      $all('.sel').forEach(function (c) { c.checked = all.checked; });
    });
  });

  // the original page: a neutralised copy, fetched only when the moderator opens it
  var orig = document.getElementById('original');
  if (orig) orig.addEventListener('toggle', function () {
    var f = orig.querySelector('iframe[data-src]');
    if (orig.open && f && !f.getAttribute('src')) f.setAttribute('src', f.getAttribute('data-src'));
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
    if (k === 'u' && !isQueue) { location.href = queueUrl(); return; }
    if (k === 'z' && isReview) { undoLast(); e.preventDefault(); return; }
    if (k === 'm' && isReview) { markSelection(); e.preventDefault(); return; }
    var it = cur >= 0 ? items[cur] : null;
    if (k === 'x' && it) { var c = it.querySelector('.sel'); if (c) c.checked = !c.checked; return; }
    if (k === 'o' || (k === 'Enter' && isQueue)) {
      if (isQueue && it) { remember(); location.href = it.getAttribute('data-href'); return; }
      if (isReview && orig) { orig.open = !orig.open; if (orig.open) orig.scrollIntoView({ block: 'start' }); }
      return;
    }
    if ((k === 'y' || k === 'n') && isQueue && it) {
      e.preventDefault();
      var qdec = k === 'y' ? 'confirm' : 'dismiss';
      var row = it;
      decidePage(row.getAttribute('data-scan'), qdec).then(function (j) {
        var cells = row.querySelectorAll('td');
        var last = cells[cells.length - 1];
        if (last) last.textContent = j.decisions.length + ' ' + qdec;
        toast(qdec + ': ' + j.decisions.length + ' finding(s)');
        setCurrent(items.indexOf(row) + 1);
      }, function (err) { toast('Error: ' + err.message); });
      return;
    }
    if ((k === 'y' || k === 'n') && isReview && it) {
      e.preventDefault();
      var from = cur;
      // n dismisses this one finding, never the page
      decide(it, k === 'y' ? 'confirm' : 'dismiss').then(function () { advance(from); }, function () {});
    }
  });

  // restore the cursor: the row or card the moderator left (or undid, or just marked), else the first
  var pending = store.getItem('winnow:toast');
  if (pending) { store.removeItem('winnow:toast'); toast(pending); }
  if (items.length) {
    var saved = isQueue ? store.getItem('winnow:row:' + location.search) : store.getItem('winnow:card:' + scanId);
    var idx = saved ? indexOfAttr(isQueue ? 'data-scan' : 'data-finding', saved) : -1;
    if (idx < 0 && isReview) { var firstOpen = undecided()[0]; idx = firstOpen ? items.indexOf(firstOpen) : 0; }
    setCurrent(idx < 0 ? 0 : idx);
  }
})();
`;
