// Filters and sorting for the tables of people on /current/ and /people/.
// The page works without this script: every row is in the HTML, and the
// regions and groups pages list the same people by region and group. The
// script only shows the filter form the page carries hidden, hides rows
// that do not match, and keeps the choice in the address so it can be
// shared. It reads everything from data- attributes the site writes.
//
// A list split into pages names its filter file in the form's data-facets:
// each person's filter values in the list's order. With a choice made, the
// script counts the matches of the whole list from it, fetches only the
// pages that hold them, and shows their rows in the results table in place
// of the page's own; "Show more" fetches further pages. Where the file or
// a page cannot be fetched (the offline copy opened from disk), it filters
// this page's rows and shows the note that says so.
(function () {
  "use strict";
  var form = document.querySelector("form[data-filter]");
  if (!form) return;
  var list = function (nodes) { return Array.prototype.slice.call(nodes); };
  var results = document.querySelector("[data-filter-results]");
  var rows = list(document.querySelectorAll("table.people tbody tr")).filter(function (tr) {
    return !results || !results.contains(tr);
  });
  var selects = list(form.querySelectorAll("select[name]"));
  var status = form.querySelector("[data-filter-count]");
  var sections = list(document.querySelectorAll("[data-filter-section]"));
  var pageOnly = form.querySelector("[data-filter-page-only]");
  var facetsURL = results ? form.getAttribute("data-facets") : null;
  // What the page shows of its own part of the list, hidden while the
  // results table shows the whole list's matches.
  var own = list(document.querySelectorAll("nav.pager, nav.alphabet")).concat(sections);
  rows.forEach(function (tr) {
    var wrap = tr.closest(".table-wrap");
    if (own.indexOf(wrap) < 0 && !sections.some(function (s) { return s.contains(wrap); })) own.push(wrap);
  });
  var body = results ? results.querySelector("tbody") : null;
  var more = results ? results.querySelector("[data-filter-more]") : null;

  function words(s) { return s ? s.split(" ") : []; }
  function chosen() { return selects.some(function (sel) { return sel.value; }); }
  function matches(tr) {
    return selects.every(function (sel) {
      return !sel.value || words(tr.getAttribute("data-" + sel.name)).indexOf(sel.value) >= 0;
    });
  }
  // Numbers are written the page language's way, as the site writes
  // them ("4,950", "4 950").
  function num(n) {
    try { return n.toLocaleString(document.documentElement.lang); } catch (e) { return String(n); }
  }
  function say(key, n, total, shown) {
    status.textContent = status.getAttribute(key).replace("{n}", num(n))
      .replace("{total}", num(total)).replace("{shown}", num(shown));
  }

  // This page's rows only: the only way on a list of one page, and the
  // fallback on a longer one.
  function filterPage() {
    var shown = 0;
    rows.forEach(function (tr) {
      var ok = matches(tr);
      tr.hidden = !ok;
      if (ok) shown++;
    });
    sections.forEach(function (sec) {
      sec.hidden = !sec.querySelector("tbody tr:not([hidden])");
    });
    if (status) say("data-text", shown, rows.length, shown);
  }

  function showOwn(yes) {
    own.forEach(function (el) { el.hidden = !yes; });
    if (results) results.hidden = yes;
  }

  // The whole list: the filter file, each page's rows once fetched.
  var facets = null;
  var pages = {};
  var generation = 0; // a newer choice makes older fetches' rows unwanted
  var pending = null; // the state of the choice being shown

  function loadFacets() {
    if (!facets) {
      facets = fetch(facetsURL, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error(facetsURL + ": " + r.status);
        return r.json();
      }).then(function (f) {
        // The file names the pages relative to itself.
        var base = new URL(facetsURL, location.href);
        f.pages = f.pages.map(function (p) { return new URL(p, base).href; });
        return f;
      });
    }
    return facets;
  }

  // folder drops index.html: a page is reached by links that name it and
  // by shared addresses that do not.
  function folder(p) { return p.replace(/index\.html$/, ""); }

  function here(f) {
    for (var i = 0; i < f.pages.length; i++) {
      if (folder(new URL(f.pages[i]).pathname) === folder(location.pathname)) return i;
    }
    return -1;
  }

  // rowsOf returns a promise of the rows of page i of the list, as nodes of
  // this document.
  function rowsOf(f, i) {
    if (!pages[i]) {
      if (i === here(f)) {
        pages[i] = Promise.resolve(rows.map(function (tr) {
          var c = tr.cloneNode(true);
          c.hidden = false;
          return c;
        }));
      } else {
        pages[i] = fetch(f.pages[i], { credentials: "same-origin" }).then(function (r) {
          if (!r.ok) throw new Error(f.pages[i] + ": " + r.status);
          return r.text();
        }).then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          return list(doc.querySelectorAll("table.people tbody tr")).map(function (tr) {
            return document.importNode(tr, true);
          });
        });
        pages[i].catch(function () { delete pages[i]; });
      }
    }
    return pages[i];
  }

  // has reports whether person i of the file has value v in field fd.
  function has(fd, i, v) {
    var k = fd.rows[i];
    if (Array.isArray(k)) {
      return k.some(function (j) { return fd.values[j] === v; });
    }
    return k >= 0 && fd.values[k] === v;
  }

  function filterList(f) {
    var gen = ++generation;
    var fields = {};
    f.fields.forEach(function (fd) { fields[fd.name] = fd; });
    var want = selects.filter(function (sel) { return sel.value; });
    var found = []; // the pages holding matches, in order
    var n = 0;
    for (var i = 0; i < f.total; i++) {
      var ok = want.every(function (sel) {
        var fd = fields[sel.name];
        return fd && has(fd, i, sel.value);
      });
      if (ok) {
        n++;
        var p = Math.floor(i / f.perPage);
        if (found[found.length - 1] !== p) found.push(p);
      }
    }
    while (body.firstChild) body.removeChild(body.firstChild);
    more.hidden = true;
    showOwn(false);
    pending = { f: f, gen: gen, found: found, next: 0, shown: 0, n: n };
    return showMore();
  }

  // The results table's sort order no longer holds once rows are added.
  function unsorted() {
    list(results.querySelectorAll("thead th[aria-sort]")).forEach(function (h) { h.removeAttribute("aria-sort"); });
  }

  // showMore fetches the next pages with matches until a page's worth of
  // rows more is shown or the matches run out. It gives the first row it
  // added, for the focus.
  function showMore() {
    var st = pending;
    var target = st.shown + st.f.perPage;
    var first = null;
    function step() {
      if (st.gen !== generation) return;
      if (st.next >= st.found.length || st.shown >= target) {
        more.hidden = st.next >= st.found.length;
        if (status) {
          if (more.hidden) say("data-text", st.n, st.f.total, st.shown);
          else say("data-partial", st.n, st.f.total, st.shown);
        }
        return;
      }
      var p = st.found[st.next++];
      return rowsOf(st.f, p).then(function (got) {
        if (st.gen !== generation) return;
        got.forEach(function (tr) {
          if (matches(tr)) {
            if (!first) unsorted();
            body.appendChild(tr);
            first = first || tr;
            st.shown++;
          }
        });
        return step();
      });
    }
    // On a slow connection the pages take a while: say so.
    more.disabled = true;
    results.setAttribute("aria-busy", "true");
    if (status) say("data-loading", st.n, st.f.total, st.shown);
    return Promise.resolve(step()).then(function () {
      if (st.gen === generation) {
        more.disabled = false;
        results.removeAttribute("aria-busy");
      }
      return first;
    });
  }

  function fallBack() {
    facetsURL = null;
    if (pageOnly) pageOnly.hidden = false;
    var sortNote = form.querySelector("[data-filter-sort-note]");
    if (sortNote) sortNote.hidden = true; // the page-only note says it too
    showOwn(true);
    filterPage();
  }

  function apply() {
    if (!facetsURL || !chosen()) {
      generation++;
      if (results) showOwn(true);
      filterPage();
      // The page navigation counts a page of a longer list; "500 of 500
      // shown" would read as the whole list.
      if (facetsURL && status) status.textContent = "";
      return;
    }
    if (!facets && status) status.textContent = status.getAttribute("data-loading-list");
    loadFacets().then(filterList).catch(fallBack);
  }

  function save() {
    var q = new URLSearchParams(location.search);
    selects.forEach(function (sel) {
      if (sel.value) q.set(sel.name, sel.value); else q.delete(sel.name);
    });
    var s = q.toString();
    history.replaceState(null, "", location.pathname + (s ? "?" + s : "") + location.hash);
  }

  var params = new URLSearchParams(location.search);
  selects.forEach(function (sel) {
    var v = params.get(sel.name);
    if (v && sel.querySelector('option[value="' + CSS.escape(v) + '"]')) sel.value = v;
    sel.addEventListener("change", function () { apply(); save(); });
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  var reset = form.querySelector("button[type=reset]");
  if (reset) reset.addEventListener("click", function () {
    setTimeout(function () { apply(); save(); }, 0);
  });
  // The rows added take the focus from the button, which may be gone.
  if (more) more.addEventListener("click", function () {
    showMore().then(function (first) {
      var link = first && first.querySelector("a");
      if (link) link.focus();
    }).catch(fallBack);
  });
  // Opened from disk (the offline copy), a script can fetch nothing:
  // filter this page's rows from the start, and say so.
  if (facetsURL && location.protocol === "file:") fallBack();
  form.hidden = false;
  apply();

  // Sorting: each column header with data-sort becomes a button; rows are
  // ordered by the cells' data-sort values (or their text), within each
  // table, and the header says which way with aria-sort.
  list(document.querySelectorAll("table.people")).forEach(function (table) {
    var heads = list(table.querySelectorAll("thead th[data-sort]"));
    heads.forEach(function (th) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "sort";
      b.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(b);
      b.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir);
        var idx = Array.prototype.indexOf.call(th.parentNode.children, th);
        var tbody = table.tBodies[0];
        var trs = list(tbody.rows);
        function key(tr) {
          var cell = tr.children[idx];
          var v = cell.getAttribute("data-sort");
          return v === null ? cell.textContent : v;
        }
        var num = th.getAttribute("data-sort") === "number";
        trs.sort(function (a, c) {
          var x = key(a), y = key(c), r;
          if (num) r = (parseFloat(x) || 0) - (parseFloat(y) || 0);
          else r = x < y ? -1 : x > y ? 1 : 0;
          return dir === "ascending" ? r : -r;
        });
        trs.forEach(function (tr) { tbody.appendChild(tr); });
      });
    });
  });
})();
