// Name search, as progressive enhancement: without it the form leads to
// /search/, which links the alphabetical list. With it, /search/?q= reads
// the index of internal/search (whose package comment describes the
// files) and lists who matches as the reader types. DOM by textContent only.
(() => {
  'use strict';
  let MARK, KEEP;
  try {
    MARK = new RegExp('\\p{M}', 'u');
    KEEP = new RegExp('[\\p{L}\\p{N}]', 'u');
  } catch (e) {
    return; // an old browser: the no-script text stays
  }
  const MAX = 100; // results shown; the rest are counted

  // fold is search.Fold from the manifest's table (f.m characters, f.r
  // rewrites, first match wins). A Go test compares the two.
  const fold = (s, f) => {
    let o = '';
    for (const c of s.toLowerCase().normalize('NFC')) {
      if (f.m[c] !== undefined) { o += f.m[c]; continue; }
      for (const d of c.normalize('NFD')) {
        if (!MARK.test(d)) o += f.m[d] !== undefined ? f.m[d] : KEEP.test(d) ? d : ' ';
      }
    }
    for (;;) {
      let n = '', last = '';
      for (let i = 0; i < o.length;) {
        let t = o[i], k = 1;
        for (const r of f.r) if (o.startsWith(r[0], i)) { t = r[1]; k = r[0].length; break; }
        for (const ch of t) if (ch !== last || !/[a-z ]/.test(ch)) { n += ch; last = ch; }
        i += k;
      }
      if (n === o) return o.trim();
      o = n;
    }
  };

  // dist: Damerau-Levenshtein (OSA) distance, or k+1 once above k.
  const dist = (a, b, k) => {
    if (Math.abs(a.length - b.length) > k) return k + 1;
    let p2 = [], p1 = [...Array(b.length + 1).keys()];
    for (let i = 1; i <= a.length; i++) {
      const c = [i];
      let low = i;
      for (let j = 1; j <= b.length; j++) {
        let v = Math.min(p1[j] + 1, c[j - 1] + 1, p1[j - 1] + (a[i - 1] !== b[j - 1]));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, p2[j - 2] + 1);
        low = Math.min(low, c[j] = v);
      }
      if (low > k) return k + 1;
      p2 = p1; p1 = c;
    }
    return p1[b.length];
  };

  // level: how token q matches a person's tokens: 4 equal, 3 prefix,
  // 2 typo (1 from 4 letters, 2 from 8), 1 prefix with a typo, 0 none.
  const level = (q, ts) => {
    const k = q.length > 7 ? 2 : q.length > 3 ? 1 : 0;
    let best = 0;
    for (const t of ts) {
      if (t === q) return 4;
      if (t.startsWith(q)) best = 3;
      else if (k && best < 2) {
        if (dist(q, t, k) <= k) best = 2;
        for (let l = q.length - k; !best && l <= q.length + k; l++) {
          if (l < t.length && dist(q, t.slice(0, l), k) <= k) best = 1;
        }
      }
    }
    return best;
  };

  // name: a record's name in language i (a number points to another).
  const name = (r, i) => {
    const v = r[1][i] === undefined ? 0 : r[1][i];
    return typeof v === 'number' ? r[1][v] : v;
  };

  // look: the file of match string q: [path, size, complete].
  const look = (m, q) => {
    m.P = m.P || new Map(m.p.map((e, i) => [e[0], i]));
    const i = m.P.get(q);
    if (i !== undefined) return ['p/' + i, m.p[i][1], false];
    let lo = 0, hi = m.s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (m.s[mid][0] > q) hi = mid; else lo = mid + 1;
    }
    return lo ? ['s/' + (lo - 1), m.s[lo - 1][1], true] : null;
  };

  // pick: the one file a query reads: the smallest complete shard of a
  // token, else of a pair whose first token is finished (for very common
  // names), else the most specific summary.
  const pick = (m, qs, open) => {
    let best = null;
    const tr = (q, pair) => {
      const l = look(m, q);
      if (!l) return;
      const c = {u: l[0], full: l[2], rank: l[2] ? (pair ? 2 : 3) : 1, size: l[2] ? l[1] : -q.length};
      if (!best || c.rank > best.rank || (c.rank === best.rank && c.size < best.size)) best = c;
    };
    qs.forEach((a, i) => {
      tr(a);
      if (!open || i < qs.length - 1) qs.forEach((b, j) => i !== j && tr(a + ' ' + b, true));
    });
    return best;
  };

  // Index loads the manifest at url and shards, each once, with get.
  const Index = (url, get) => {
    const cache = new Map();
    const load = u => {
      if (!cache.has(u)) cache.set(u, get(u).catch(e => { cache.delete(u); throw e; }));
      return cache.get(u);
    };
    return {man: () => load(url), file: (m, p) => load(new URL(p + '.json?v=' + m.v, url).href)};
  };

  // find: who matches, best first: {list: [[record, name, score]], full:
  // false if the shard was cut short, m: manifest}, or null.
  const find = async (ix, query, lang) => {
    const m = await ix.man();
    const qs = [...new Set(fold(query, m.f).split(' ').filter(Boolean))];
    if (!qs.length) return null;
    const c = pick(m, qs, !/\s$/.test(query));
    const li = Math.max(0, m.l.indexOf(lang)), out = [];
    for (const r of c ? await ix.file(m, c.u) : []) {
      r.t = r.t || [...new Set(fold(r[1].filter(x => typeof x === 'string').join(' ') + ' ' + (r[3] || ''), m.f).split(' ').filter(Boolean))];
      let s = 0;
      for (const q of qs) {
        const l = level(q, r.t);
        if (!l) { s = 0; break; }
        s += l;
      }
      if (s) out.push([r, name(r, li), s]);
    }
    let cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    try { cmp = new Intl.Collator(lang).compare; } catch (e) { /* no Intl */ }
    out.sort((a, b) => b[2] - a[2] || cmp(a[1], b[1]) || (a[0][0] < b[0][0] ? -1 : 1));
    return {list: out, full: !c || c.full, m};
  };

  const init = () => {
    const box = document.getElementById('search-results');
    const forms = document.querySelectorAll('form[data-search]');
    // A form elsewhere may name the index to warm the cache on focus.
    forms.forEach(f => f.dataset.index && f.addEventListener('focusin', () => fetch(f.dataset.index).catch(() => {}), {once: true}));
    if (!box) return;
    const d = box.dataset, lang = d.lang;
    const ix = Index(new URL(d.index, location.href).href, u => fetch(u).then(r => {
      if (!r.ok) throw new Error(u + ': ' + r.status);
      return r.json();
    }));
    const status = box.querySelector('[role=status]'), list = box.querySelector('ol');
    const nojs = box.querySelector('.search-nojs');
    if (nojs) nojs.hidden = true;
    const inputs = [...forms].map(f => f.elements.q).filter(Boolean);
    let seq = 0, timer;

    const el = (tag, text, cls) => {
      const e = document.createElement(tag);
      if (text) e.textContent = text;
      if (cls) e.className = cls;
      return e;
    };
    // count: "{n} results"; the page gives it for 0, 1, 2 and 5, and
    // Intl picks the one in n's plural category.
    const count = n => {
      let s = n === 1 ? 1 : 5;
      try {
        const pr = new Intl.PluralRules(lang);
        s = [1, 2, 5, 0].find(x => pr.select(x) === pr.select(n)) || s;
      } catch (e) { /* no Intl */ }
      return (d['n' + s] || '').replace(String(s), n.toLocaleString(lang));
    };
    const item = ([r, main], m) => {
      const li = el('li'), a = el('a', main), other = el('span', '', 'search-other'), seen = [main];
      // d.people is the link to the list of everyone ("../people/index.html"):
      // a person's page is beside it, index.html named so that it opens from disk.
      a.href = new URL(encodeURIComponent(r[0]) + '/index.html', new URL(d.people, location.href)).href;
      li.append(a);
      m.l.forEach((l, i) => {
        const n = name(r, i);
        if (seen.includes(n)) return;
        seen.push(n);
        if (other.firstChild) other.append(' · ');
        const s = el('span', n);
        s.lang = l;
        other.append(s);
      });
      if (other.firstChild) li.append(' ', other);
      const st = m.st[r[2] >> 2], c = r[2] & 3;
      li.append(' ', el('span', box.getAttribute('data-st-' + st) || st, 'status status-' + st));
      // 1: on the current list; 2: on it, not confirmed recently; 3: term ended.
      if (c) li.append(' ', el('span', c > 1 ? d.current + ' · ' + d['conf' + c] : d.current, 'search-current'));
      return li;
    };
    const render = res => {
      list.textContent = '';
      if (res instanceof Error) {
        const a = el('a', d.everyone), li = el('li');
        a.href = d.people;
        li.append(a);
        list.append(li);
        status.textContent = d.error;
        return;
      }
      const n = res ? res.list.length : 0;
      if (res) res.list.slice(0, MAX).forEach(x => list.append(item(x, res.m)));
      status.textContent = (n ? count(n) : d.none) + (res && (!res.full || n > MAX) ? ' ' + d.more : '');
    };
    const run = async q => {
      const n = ++seq;
      inputs.forEach(i => { if (i.value !== q) i.value = q; });
      const u = new URL(location.href);
      if (q.trim()) u.searchParams.set('q', q); else u.searchParams.delete('q');
      history.replaceState(history.state, '', u.href);
      if (!q.trim()) { list.textContent = status.textContent = ''; return; }
      const slow = setTimeout(() => { if (n === seq) status.textContent = d.loading; }, 300);
      let res;
      try { res = await find(ix, q, lang); } catch (e) { res = e instanceof Error ? e : new Error(e); }
      clearTimeout(slow);
      if (n === seq) render(res);
    };

    forms.forEach(f => f.addEventListener('submit', e => {
      e.preventDefault();
      clearTimeout(timer);
      run(f.elements.q ? f.elements.q.value : '');
    }));
    inputs.forEach(i => i.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => run(i.value), 250);
    }));
    const q = new URLSearchParams(location.search).get('q');
    if (q) run(q);
  };

  if (typeof module === 'object' && module.exports) module.exports = {fold, dist, find, Index};
  else if (typeof document !== 'undefined' && window.fetch) init();
})();
