// The review page: highlights every quote in its article, lists the facts, records the analyst's
// decisions and downloads them as JSON for `liaison review --apply`. Reads only the embedded data.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('review-data').textContent);
  const state = new Map();  // fact id → {review, edits}
  const byId = new Map();
  for (const f of data.facts) {
    state.set(f.id, {review: f.review, edits: {}});
    byId.set(f.id, f);
  }
  const nodeName = new Map(data.nodes.map((n) => [n.id, n.name]));

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Code-point offsets of a quote in the text: the recorded ones when they fit, else found.
  function interval(cps, text, s) {
    if (Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 &&
        s.end > s.start && s.end <= cps.length && cps.slice(s.start, s.end).join('') === s.quote)
      return [s.start, s.end];
    const at = s.quote ? text.indexOf(s.quote) : -1;
    if (at < 0) return null;
    const start = Array.from(text.slice(0, at)).length;
    return [start, start + Array.from(s.quote).length];
  }

  function renderArticle(doc) {
    const art = el('article');
    art.id = 'doc-' + doc.id;
    art.dir = doc.language === 'ar' ? 'rtl' : 'auto';
    const h = el('h2', '', doc.title || doc.id);
    h.dir = 'auto';
    art.appendChild(h);
    if (doc.text === null) {
      art.appendChild(el('p', 'meta', 'The article text was not found; quotes are in the list.'));
      return art;
    }
    const cps = Array.from(doc.text);
    const spans = [];
    for (const f of data.facts)
      for (const s of f.sources)
        if (s.document === doc.id) {
          const iv = interval(cps, doc.text, s);
          if (iv) spans.push({start: iv[0], end: iv[1], id: f.id});
        }
    const cuts = new Set([0, cps.length]);
    for (const s of spans) cuts.add(s.start).add(s.end);
    const points = Array.from(cuts).sort((a, b) => a - b);
    let p = el('p');
    p.dir = 'auto';
    art.appendChild(p);
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k], b = points[k + 1];
      const ids = spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.id);
      const parts = cps.slice(a, b).join('').split('\n');
      parts.forEach((part, i) => {
        if (i > 0) {
          p = el('p');
          p.dir = 'auto';
          art.appendChild(p);
        }
        if (!part) return;
        if (!ids.length) {
          p.appendChild(document.createTextNode(part));
          return;
        }
        const m = el('mark', '', part);
        m.dataset.facts = Array.from(new Set(ids)).join(' ');
        m.addEventListener('click', () => choose(ids[ids.length - 1], true));
        p.appendChild(m);
      });
    }
    return art;
  }

  function describe(f) {
    const e = state.get(f.id).edits;
    if (f.kind === 'edge') {
      const type = e.type || f.type;
      const src = nodeName.get(e.source || f.source) || e.source || f.source;
      const dst = nodeName.get(e.target || f.target) || e.target || f.target;
      return [type + (f.planned ? ' (planned)' : ''), [src, dst]];
    }
    const names = [e.ar !== undefined ? e.ar : f.ar, e.en !== undefined ? e.en : f.en];
    return [f.type, [names.filter(Boolean).join(' / ')]];
  }

  function field(label, input) {
    const l = el('label', '', label);
    l.appendChild(input);
    return l;
  }

  function editor(f, li) {
    const box = el('div', 'edit');
    const s = state.get(f.id);
    const set = (key, value, original) => {
      if (value === original) delete s.edits[key];
      else s.edits[key] = value;
      refresh(li, f);
    };
    if (f.kind === 'edge') {
      const type = el('select');
      type.name = 'type';
      for (const r of data.relations) type.appendChild(new Option(r, r, false, r === f.type));
      type.addEventListener('change', () => set('type', type.value, f.type));
      box.appendChild(field('type', type));
      for (const end of ['source', 'target']) {
        const sel = el('select');
        sel.name = end;
        for (const n of data.nodes)
          sel.appendChild(new Option(n.name + ' (' + n.id + ')', n.id, false, n.id === f[end]));
        sel.addEventListener('change', () => set(end, sel.value, f[end]));
        box.appendChild(field(end, sel));
      }
      const date = el('input');
      date.name = 'date';
      date.value = f.date;
      date.placeholder = 'YYYY-MM-DD';
      date.addEventListener('change', () => set('date', date.value.trim(), f.date));
      box.appendChild(field('date', date));
    } else {
      for (const key of ['ar', 'en', 'match']) {
        const input = el('input');
        input.name = key;
        input.value = f[key];
        if (key === 'ar') input.dir = 'rtl';
        input.addEventListener('change', () => set(key, input.value.trim(), f[key]));
        box.appendChild(field(key === 'match' ? 'match (database id or new)' : key, input));
      }
    }
    return box;
  }

  function refresh(li, f) {
    const s = state.get(f.id);
    const [type, ends] = describe(f);
    li.querySelector('.fact-type').textContent = type;
    // Each name isolated, so an Arabic source stays left of the arrow and its target right.
    const box = li.querySelector('.fact-ends');
    box.textContent = '';
    ends.forEach((name, i) => {
      if (i) box.appendChild(document.createTextNode(' → '));
      box.appendChild(el('bdi', '', name));
    });
    const edited = Object.keys(s.edits).length ? ', edited' : '';
    li.querySelector('.fact-state').textContent = s.review + edited;
    li.classList.toggle('accepted', s.review === 'accepted');
    li.classList.toggle('rejected', s.review === 'rejected');
    for (const m of document.querySelectorAll('mark')) {
      const reviews = m.dataset.facts.split(' ').map((id) => state.get(id).review);
      m.classList.toggle('accepted', reviews.includes('accepted'));
      m.classList.toggle('rejected', reviews.every((r) => r === 'rejected'));
    }
  }

  function decide(id, review) {
    const f = byId.get(id);
    state.get(id).review = review;
    // Accepting an edge accepts its pending ends, as `liaison review --accept` does.
    if (review === 'accepted' && f.kind === 'edge')
      for (const end of [state.get(id).edits.source || f.source,
                         state.get(id).edits.target || f.target])
        if (state.has(end) && state.get(end).review === 'pending') decide(end, 'accepted');
    const li = document.getElementById('fact-' + id);
    if (li) refresh(li, f);
  }

  function choose(id, scroll) {
    for (const x of document.querySelectorAll('.chosen')) x.classList.remove('chosen');
    const li = document.getElementById('fact-' + id);
    if (li) {
      li.classList.add('chosen');
      if (scroll) li.scrollIntoView({block: 'nearest'});
    }
    let first = null;
    for (const m of document.querySelectorAll('mark'))
      if (m.dataset.facts.split(' ').includes(id)) {
        m.classList.add('chosen');
        first = first || m;
      }
    if (first && !scroll) first.scrollIntoView({block: 'center'});
  }

  function renderFact(f) {
    const li = el('li');
    li.id = 'fact-' + f.id;
    li.dataset.id = f.id;
    const head = el('div', 'fact-head');
    head.appendChild(el('span', 'fact-id', f.id));
    head.appendChild(el('span', 'fact-type'));
    const ends = el('span', 'fact-ends');
    ends.dir = 'ltr';
    head.appendChild(ends);
    head.appendChild(el('span', 'fact-state'));
    li.appendChild(head);
    for (const s of f.sources.slice(0, 2)) {
      const q = el('div', 'quote', '«' + s.quote + '»');
      q.dir = 'auto';
      li.appendChild(q);
    }
    const meta = [f.date, f.confidence && 'confidence ' + f.confidence, f.rule && 'rule ' + f.rule];
    li.appendChild(el('div', 'meta', meta.filter(Boolean).join(' · ')));
    const actions = el('div', 'actions');
    const button = (cls, text, act) => {
      const b = el('button', cls, text);
      b.type = 'button';
      b.addEventListener('click', (ev) => {
        ev.stopPropagation();
        act();
      });
      actions.appendChild(b);
    };
    button('accept', 'Accept', () => decide(f.id, 'accepted'));
    button('reject', 'Reject', () => decide(f.id, 'rejected'));
    button('edit-toggle', 'Edit', () => li.classList.toggle('editing'));
    li.appendChild(actions);
    li.appendChild(editor(f, li));
    li.addEventListener('click', () => choose(f.id, false));
    return li;
  }

  // What `liaison review --apply` reads: the facts whose review or content changed.
  function decisions() {
    const out = [];
    for (const f of data.facts) {
      const s = state.get(f.id);
      if (s.review === f.review && !Object.keys(s.edits).length) continue;
      out.push(Object.assign({id: f.id, review: s.review}, s.edits));
    }
    return {decisions: out};
  }

  function download() {
    const text = JSON.stringify(decisions(), null, 1) + '\n';
    const a = el('a');
    a.href = URL.createObjectURL(new Blob([text], {type: 'application/json'}));
    a.download = 'decisions.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  const articles = document.querySelector('section.articles');
  for (const doc of data.documents) articles.appendChild(renderArticle(doc));
  const list = document.querySelector('section.facts ol');
  for (const f of data.facts) {
    const li = renderFact(f);
    list.appendChild(li);
    refresh(li, f);
  }
  document.getElementById('download').addEventListener('click', download);
  window.liaisonReview = {data: data, decisions: decisions, decide: decide};
})();
