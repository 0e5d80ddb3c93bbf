// The page's only script, inlined into index.html: search, sort and page the statements table,
// and let a chart bar or a map place filter it. Plain ES2017, no dependencies; everything it
// shows is inserted with textContent, never as HTML. (No template literals in here: this file is
// itself one.)
export const CLIENT_JS = `
(function () {
  'use strict';
  var PAGE = 100;
  var dataEl = document.getElementById('statements-data');
  if (!dataEl) return;
  var data = JSON.parse(dataEl.textContent);
  var rows = data.rows, docs = data.docs;
  var tbody = document.querySelector('#statements-table tbody');
  var q = document.getElementById('q');
  var month = document.getElementById('month');
  var status = document.getElementById('table-status');
  var more = document.getElementById('more');
  var reset = document.getElementById('reset');
  var sortSel = document.getElementById('sort');
  var state = { q: '', month: '', sort: 'date', dir: 1, limit: PAGE };
  rows.forEach(function (r, i) { r.n = i; });

  function norm(s) {
    return s.normalize('NFD').replace(/\\p{M}/gu, '').toLowerCase()
      .replace(/[-\\u2010\\u2011\\u2013\\u2014'\\u2019\\u02bf\\u02be\`_]/gu, ' ').replace(/\\s+/gu, ' ').trim();
  }
  function text(tag, s, cls) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    e.textContent = s;
    return e;
  }
  function list(items) {
    var ul = document.createElement('ul');
    items.forEach(function (s) { ul.appendChild(text('li', s)); });
    return ul;
  }
  function cell(tr, label, cls) {
    var td = document.createElement('td');
    td.setAttribute('data-label', label);
    if (cls) td.className = cls;
    tr.appendChild(td);
    return td;
  }
  var keys = {
    date: function (r) { return r.d[2]; },
    text: function (r) { return norm(r.t.join('')); },
    places: function (r) { return norm(r.p.join(' ')); },
    actors: function (r) { return norm(r.a.join(' ')); },
    sources: function (r) { return norm(r.c.join(' ')); },
    document: function (r) { return r.doc >= 0 ? norm(docs[r.doc].title) : ''; },
    killed: function (r) { return r.k === '' ? -1 : parseInt(r.k, 10); }
  };
  function matches() {
    var terms = norm(state.q).split(' ').filter(Boolean);
    return rows.filter(function (r) {
      if (state.month && r.m !== state.month) return false;
      for (var i = 0; i < terms.length; i++) if (r.h.indexOf(terms[i]) < 0) return false;
      return true;
    });
  }
  function render() {
    var hits = matches();
    var key = keys[state.sort];
    hits.sort(function (a, b) {
      var x = key(a), y = key(b);
      var c = x < y ? -1 : x > y ? 1 : 0;
      return c * state.dir || a.n - b.n;
    });
    var shown = hits.slice(0, state.limit);
    var frag = document.createDocumentFragment();
    shown.forEach(function (r) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-id', r.i);
      var d = cell(tr, 'Date', 'date');
      d.appendChild(text('span', r.d[0]));
      d.appendChild(text('small', r.d[1]));
      var t = cell(tr, 'Statement', 'text');
      t.appendChild(document.createTextNode(r.t[0]));
      if (r.t[1]) t.appendChild(text('mark', r.t[1]));
      t.appendChild(document.createTextNode(r.t[2]));
      t.appendChild(text('small', r.i));
      cell(tr, 'Places').appendChild(list(r.p));
      cell(tr, 'Actors').appendChild(list(r.a));
      cell(tr, 'Claimed by').appendChild(list(r.c));
      var doc = cell(tr, 'Document');
      if (r.doc >= 0) {
        var dd = docs[r.doc];
        if (dd.url) { var a = text('a', dd.title); a.href = dd.url; a.rel = 'external noopener'; doc.appendChild(a); }
        else doc.appendChild(text('span', dd.title));
      }
      cell(tr, 'Killed', 'killed').textContent = r.k;
      frag.appendChild(tr);
    });
    tbody.replaceChildren(frag);
    var what = [];
    if (state.q) what.push('matching \\u201c' + state.q + '\\u201d');
    if (state.month) what.push('in ' + month.options[month.selectedIndex].text);
    status.textContent = 'Showing ' + shown.length + ' of ' + hits.length + ' statements' + (what.length ? ' ' + what.join(' ') : '') + (data.total > rows.length ? ' (' + rows.length + ' of the ' + data.total + ' in the release are on this page; statements.csv has them all).' : ' (' + rows.length + ' in all).');
    more.hidden = shown.length >= hits.length;
    more.textContent = 'Show ' + Math.min(PAGE, hits.length - shown.length) + ' more';
    reset.hidden = !state.q && !state.month;
    document.querySelectorAll('#statements-table th[data-sort]').forEach(function (th) {
      th.setAttribute('aria-sort', th.getAttribute('data-sort') === state.sort ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
    });
    var sv = state.sort + ':' + state.dir;
    sortSel.value = Array.prototype.some.call(sortSel.options, function (o) { return o.value === sv; }) ? sv : '';
    document.querySelectorAll('svg a.bar').forEach(function (b) {
      b.classList.toggle('selected', b.getAttribute('data-month') === state.month);
    });
  }
  var timer = 0;
  q.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { state.q = q.value; state.limit = PAGE; render(); }, 120);
  });
  q.form.addEventListener('submit', function (e) { e.preventDefault(); state.q = q.value; state.limit = PAGE; render(); });
  month.addEventListener('change', function () { state.month = month.value; state.limit = PAGE; render(); });
  sortSel.addEventListener('change', function () {
    var v = sortSel.value.split(':');
    if (v.length === 2) { state.sort = v[0]; state.dir = Number(v[1]); render(); }
  });
  more.addEventListener('click', function () { state.limit += PAGE; render(); });
  reset.addEventListener('click', function () { q.value = ''; month.value = ''; state.q = ''; state.month = ''; state.limit = PAGE; render(); q.focus(); });
  document.querySelectorAll('#statements-table th[data-sort] button').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var k = btn.parentNode.getAttribute('data-sort');
      if (state.sort === k) state.dir = -state.dir; else { state.sort = k; state.dir = 1; }
      render();
    });
  });
  function jumpToTable() {
    var h = document.getElementById('statements');
    if (h) h.scrollIntoView();
    q.focus({ preventScroll: true });
  }
  document.querySelectorAll('svg a.bar').forEach(function (b) {
    b.addEventListener('click', function (e) {
      e.preventDefault();
      var m = b.getAttribute('data-month');
      state.month = state.month === m ? '' : m;
      month.value = state.month;
      state.limit = PAGE;
      render();
      jumpToTable();
    });
  });
  document.querySelectorAll('svg a.place, a.place-link').forEach(function (p) {
    p.addEventListener('click', function (e) {
      e.preventDefault();
      q.value = p.getAttribute('data-name');
      state.q = q.value;
      state.month = ''; month.value = '';
      state.limit = PAGE;
      render();
      jumpToTable();
    });
  });
  document.documentElement.classList.add('js');
  render();
})();
`;
