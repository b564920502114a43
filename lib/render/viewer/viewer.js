// liaison's network viewer: pan and zoom, search by any name, details with quoted sources,
// filters by label, relation type and time. Everything it needs is in this page.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('liaison-data').textContent);
  const canvas = document.getElementById('canvas');
  const svg = canvas.querySelector('svg');
  const details = document.getElementById('details');
  const results = document.getElementById('results');
  const filters = document.getElementById('filters');
  const status = document.getElementById('status');
  const tip = document.getElementById('tip');
  const search = document.getElementById('search');

  const nodeById = new Map();
  const byElement = new Map();  // element id -> {kind, item}
  data.nodes.forEach((n) => { nodeById.set(n.id, n); byElement.set(n.element, { kind: 'node', item: n }); });
  data.edges.forEach((e) => byElement.set(e.element, { kind: 'edge', item: e }));
  const elementOf = (item) => document.getElementById(item.element);

  // ---- name folding, as liaison's lookup does: case, accents, Arabic diacritics and letter forms.
  function foldWords(text) {
    let s = (text || '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    s = s.replace(/[\u064B-\u065F\u0670\u0640]/g, '')
      .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627').replace(/\u0649/g, '\u064A')
      .replace(/\u0629/g, '\u0647').replace(/\u0624/g, '\u0648').replace(/\u0626/g, '\u064A');
    s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (!s) return [];
    return s.split(' ').map((w) => (w.startsWith('\u0627\u0644') && w.length > 3 ? w.slice(2) : w));
  }
  data.nodes.forEach((n) => {
    n.words = foldWords([n.id, n.en, n.ar].concat(n.aliases).join(' '));
  });
  function matches(n, query) {
    return query.every((q) => n.words.some((w) => w.includes(q)));
  }

  // ---- pan and zoom through the SVG viewBox.
  const vb0 = svg.viewBox.baseVal;
  const home = { x: vb0.x, y: vb0.y, w: vb0.width, h: vb0.height };
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  let view = Object.assign({}, home);
  function apply() { svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`); }
  function toSvg(cx, cy) {
    const p = svg.createSVGPoint();
    p.x = cx; p.y = cy;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  function zoomAt(cx, cy, factor) {
    const p = toSvg(cx, cy);
    const w = Math.min(Math.max(view.w / factor, home.w / 200), home.w * 4);
    const k = w / view.w;
    view = { x: p.x - (p.x - view.x) * k, y: p.y - (p.y - view.y) * k, w: w, h: view.h * k };
    apply();
  }
  function zoomCentre(factor) {
    const r = canvas.getBoundingClientRect();
    zoomAt(r.left + r.width / 2, r.top + r.height / 2, factor);
  }
  function focusOn(el) {
    const r = el.getBoundingClientRect();
    const a = toSvg(r.left, r.top), b = toSvg(r.right, r.bottom);
    // About six node widths across, but always closer than the whole drawing.
    const w = Math.min(Math.max((b.x - a.x) * 6, home.w / 8), home.w / 1.5);
    const h = w * (view.h / view.w);
    view = { x: (a.x + b.x) / 2 - w / 2, y: (a.y + b.y) / 2 - h / 2, w: w, h: h };
    apply();
  }
  canvas.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    zoomAt(ev.clientX, ev.clientY, ev.deltaY < 0 ? 1.2 : 1 / 1.2);
  }, { passive: false });
  let drag = null;
  canvas.addEventListener('mousedown', (ev) => {
    drag = { x: ev.clientX, y: ev.clientY, view: Object.assign({}, view), moved: false };
  });
  window.addEventListener('mousemove', (ev) => {
    if (!drag) return;
    const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; canvas.classList.add('panning'); }
    if (!drag.moved) return;
    const scale = view.w / canvas.clientWidth;
    view = Object.assign({}, drag.view, { x: drag.view.x - dx * scale, y: drag.view.y - dy * scale });
    apply();
  });
  window.addEventListener('mouseup', () => { canvas.classList.remove('panning'); setTimeout(() => { drag = null; }, 0); });
  document.getElementById('zoom-in').onclick = () => zoomCentre(1.4);
  document.getElementById('zoom-out').onclick = () => zoomCentre(1 / 1.4);
  document.getElementById('zoom-fit').onclick = () => { view = Object.assign({}, home); apply(); };

  // Thin lines are hard to hit: each edge gets a wide transparent twin.
  svg.querySelectorAll('g.edge > path').forEach((p) => {
    const hit = p.cloneNode(false);
    hit.setAttribute('class', 'hit');
    hit.removeAttribute('stroke-dasharray');
    p.parentNode.appendChild(hit);
  });
  // The browser's own tooltips would cover ours.
  svg.querySelectorAll('g.node a, g.edge a').forEach((a) => a.removeAttributeNS('http://www.w3.org/1999/xlink', 'title'));
  svg.querySelectorAll('g.node > title, g.edge > title').forEach((t) => t.remove());

  // ---- details panel.
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    if (tag !== 'table' && tag !== 'tr') e.dir = 'auto';
    return e;
  }
  function names(n) {
    const box = document.createElement('div');
    box.appendChild(el('h2', n.en || n.id));
    if (n.ar) box.appendChild(el('div', n.ar, 'ar'));
    return box;
  }
  function table(rows) {
    const t = el('table');
    rows.filter((r) => r[1]).forEach(([k, v]) => {
      const tr = el('tr');
      tr.appendChild(el('td', k));
      tr.appendChild(el('td', v));
      t.appendChild(tr);
    });
    return t;
  }
  function sources(list) {
    const box = document.createElement('div');
    list.forEach((s) => {
      box.appendChild(el('blockquote', s.quote, 'quote'));
      const d = data.documents[s.document] || {};
      const doc = [d.title, d.outlet, d.date].filter(Boolean).join(' · ') || s.document;
      box.appendChild(el('div', doc, 'source-doc'));
    });
    return box;
  }
  function showNode(n) {
    details.replaceChildren();
    details.appendChild(names(n));
    details.appendChild(table([['id', n.id], ['labels', n.labels.join(', ')], ['time', n.time],
      ['aliases', n.aliases.join(' · ')]].concat(Object.entries(n.properties))));
    if (n.sources.length) { details.appendChild(el('h3', 'Sources')); details.appendChild(sources(n.sources)); }
  }
  function showEdge(e) {
    details.replaceChildren();
    const s = nodeById.get(e.source) || { en: e.source }, t = nodeById.get(e.target) || { en: e.target };
    details.appendChild(el('h2', `${s.en || s.id} ${e.symmetric ? '—' : '→'} ${e.en || e.type} ${e.symmetric ? '—' : '→'} ${t.en || t.id}`));
    if (e.ar) details.appendChild(el('div', `${s.ar || ''} ${e.ar} ${t.ar || ''}`.trim(), 'ar'));
    details.appendChild(table([['type', e.type], ['ties', String(e.ties.length)]]));
    e.ties.forEach((tie) => {
      const box = el('div', null, 'tie');
      box.appendChild(table([['date', tie.time], ['id', tie.id]].concat(Object.entries(tie.properties))));
      if (tie.sources.length) box.appendChild(sources(tie.sources));
      details.appendChild(box);
    });
  }
  let selected = null;
  function select(target) {
    if (selected) selected.classList.remove('selected');
    selected = target ? elementOf(target.item) : null;
    if (selected) selected.classList.add('selected');
    if (!target) return;
    if (target.kind === 'node') showNode(target.item); else showEdge(target.item);
  }
  function hitOf(ev) {
    const g = ev.target.closest && ev.target.closest('g.node, g.edge');
    return g ? byElement.get(g.id) : null;
  }
  svg.addEventListener('click', (ev) => {
    if (drag && drag.moved) return;
    const target = hitOf(ev);
    if (target) select(target);
  });
  svg.addEventListener('mousemove', (ev) => {
    const target = hitOf(ev);
    if (!target) { tip.hidden = true; return; }
    const it = target.item;
    if (target.kind === 'node') {
      tip.textContent = [it.en, it.ar].filter(Boolean).join('\n');
    } else {
      const dates = it.ties.map((x) => x.time).filter(Boolean).join(', ');
      tip.textContent = `${it.en || it.type}${dates ? ' · ' + dates : ''} (${it.ties.length})`;
    }
    tip.style.whiteSpace = 'pre-line';
    tip.style.left = `${ev.clientX + 14}px`;
    tip.style.top = `${ev.clientY + 14}px`;
    tip.hidden = false;
  });
  svg.addEventListener('mouseleave', () => { tip.hidden = true; });

  // ---- search.
  function runSearch() {
    const query = foldWords(search.value);
    results.replaceChildren();
    svg.querySelectorAll('.hit, .dim').forEach((e) => { if (e.tagName === 'g') e.classList.remove('hit', 'dim'); });
    if (!query.length) return;
    const found = data.nodes.filter((n) => matches(n, query));
    results.appendChild(el('h3', `${found.length} match${found.length === 1 ? '' : 'es'}`));
    data.nodes.forEach((n) => {
      const g = elementOf(n);
      if (g) g.classList.add(found.includes(n) ? 'hit' : 'dim');
    });
    data.edges.forEach((e) => { const g = elementOf(e); if (g) g.classList.add('dim'); });
    found.forEach((n) => {
      const b = el('button', [n.en, n.ar].filter(Boolean).join(' / '));
      b.onclick = () => { select({ kind: 'node', item: n }); const g = elementOf(n); if (g) focusOn(g); };
      results.appendChild(b);
    });
    if (found.length === 1) {
      // One match: show it, wherever it is in the drawing.
      select({ kind: 'node', item: found[0] });
      const g = elementOf(found[0]);
      if (g) focusOn(g);
    }
  }
  search.addEventListener('input', runSearch);

  // ---- filters.
  const dayFirst = (d) => (d.length === 4 ? d + '-01-01' : d.length === 7 ? d + '-01' : d);
  const dayLast = (d) => (d.length === 4 ? d + '-12-31' : d.length === 7 ? d + '-31' : d);
  function inWindow(first, last, from, to) {
    if (!first && !last) return true;  // undated facts are not filtered by time
    if (from && last && dayLast(last) < dayFirst(from)) return false;
    if (to && first && dayFirst(first) > dayLast(to)) return false;
    return true;
  }
  const labels = [...new Set(data.nodes.flatMap((n) => n.labels))].sort();
  const types = [...new Set(data.edges.map((e) => e.type))].sort();
  function checkboxes(title, values, name) {
    filters.appendChild(el('h3', title));
    values.forEach((v) => {
      const l = document.createElement('label');
      const c = document.createElement('input');
      c.type = 'checkbox'; c.checked = true; c.name = name; c.value = v;
      c.addEventListener('change', applyFilters);
      l.appendChild(c);
      l.appendChild(document.createTextNode(' ' + v));
      filters.appendChild(l);
    });
  }
  checkboxes('Labels', labels, 'label');
  checkboxes('Relations', types, 'type');
  // Time: two sliders whose steps are the data's own dates (each first and last day, in order),
  // so a network spanning a century still moves meeting by meeting; at their ends they filter
  // nothing, so undated facts and open spans stay.
  const days = (s, last) => {
    const y = +s.slice(0, 4), m = s.length > 4 ? +s.slice(5, 7) : (last ? 12 : 1);
    const end = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const d = s.length > 7 ? +s.slice(8, 10) : (last ? end : 1);
    return Math.floor(Date.UTC(y, m - 1, Math.min(d, end)) / 864e5);
  };
  const dayText = (n) => new Date(n * 864e5).toISOString().slice(0, 10);
  const spans = data.nodes.map((n) => [n.first, n.last]).concat(
    data.edges.flatMap((e) => e.ties.map((x) => [x.first, x.last])));
  const stepSet = new Set();
  spans.forEach(([f, l]) => {
    [f, l].forEach((x) => { if (x) { stepSet.add(days(x, false)); stepSet.add(days(x, true)); } });
  });
  const steps = [...stepSet].sort((a, b) => a - b);
  const lo = 0, hi = steps.length - 1;
  filters.appendChild(el('h3', 'Time'));
  const from = document.createElement('input'), to = document.createElement('input');
  const shown = el('div', '', 'dates');
  shown.id = 'filter-dates';
  [from, to].forEach((i, k) => {
    i.type = 'range'; i.id = k ? 'filter-to' : 'filter-from';
    i.setAttribute('aria-label', k ? 'latest date' : 'earliest date');
    i.min = String(lo); i.max = String(hi); i.step = '1'; i.value = k ? String(hi) : String(lo);
    i.addEventListener('input', () => {
      if (+from.value > +to.value) (k ? from : to).value = i.value;  // handles never cross
      applyFilters();
    });
    filters.appendChild(i);
  });
  filters.appendChild(shown);
  if (!steps.length) { from.hidden = to.hidden = true; }
  // The window as YYYY-MM-DD strings ('' at a slider's end: no bound on that side).
  function timeWindow() {
    if (!steps.length) { shown.textContent = 'undated'; return ['', '']; }
    const a = dayText(steps[+from.value]), b = dayText(steps[+to.value]);
    const f = +from.value > lo ? a : '';
    const t = +to.value < hi ? b : '';
    shown.textContent = `${a} \u2013 ${b}` + (f || t ? '' : ' (all dates)');
    return [f, t];
  }
  function checked(name) {
    return new Set([...filters.querySelectorAll(`input[name=${name}]`)].filter((c) => c.checked).map((c) => c.value));
  }
  function applyFilters() {
    const okLabels = checked('label'), okTypes = checked('type');
    const [f, t] = timeWindow();
    const visible = new Set();
    let nodes = 0, edges = 0;
    data.nodes.forEach((n) => {
      const show = n.labels.some((l) => okLabels.has(l)) && inWindow(n.first, n.last, f, t);
      if (show) { visible.add(n.id); nodes++; }
      const g = elementOf(n); if (g) g.classList.toggle('hidden', !show);
    });
    data.edges.forEach((e) => {
      const show = okTypes.has(e.type) && visible.has(e.source) && visible.has(e.target) &&
        e.ties.some((x) => inWindow(x.first, x.last, f, t));
      if (show) edges++;
      const g = elementOf(e); if (g) g.classList.toggle('hidden', !show);
    });
    status.textContent = `${nodes} of ${data.nodes.length} entities · ${edges} of ${data.edges.length} lines`;
  }
  applyFilters();
  window.liaisonViewer = { data: data, select: select, focusOn: focusOn, search: runSearch,
    view: () => Object.assign({}, view), home: home };
})();
