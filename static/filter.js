// Filters and sorting for the tables of people on /current/ and /people/.
// The page works without this script: every row is in the HTML, and the
// regions and groups pages list the same people by region and group. The
// script only shows the filter form the page carries hidden, hides rows
// that do not match, and keeps the choice in the address so it can be
// shared. It reads everything from data- attributes the site writes.
(function () {
  "use strict";
  var form = document.querySelector("form[data-filter]");
  if (!form) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll("table.people tbody tr"));
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[name]"));
  var status = form.querySelector("[data-filter-count]");
  var sections = Array.prototype.slice.call(document.querySelectorAll("[data-filter-section]"));

  function words(s) { return s ? s.split(" ") : []; }

  function apply() {
    var shown = 0;
    rows.forEach(function (tr) {
      var ok = selects.every(function (sel) {
        return !sel.value || words(tr.getAttribute("data-" + sel.name)).indexOf(sel.value) >= 0;
      });
      tr.hidden = !ok;
      if (ok) shown++;
    });
    sections.forEach(function (sec) {
      sec.hidden = !sec.querySelector("tbody tr:not([hidden])");
    });
    if (status) {
      status.textContent = status.getAttribute("data-text").replace("{n}", String(shown)).replace("{total}", String(rows.length));
    }
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
  form.hidden = false;
  apply();

  // Sorting: each column header with data-sort becomes a button; rows are
  // ordered by the cells' data-sort values (or their text), within each
  // table, and the header says which way with aria-sort.
  Array.prototype.slice.call(document.querySelectorAll("table.people")).forEach(function (table) {
    var heads = Array.prototype.slice.call(table.querySelectorAll("thead th[data-sort]"));
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
        var body = table.tBodies[0];
        var list = Array.prototype.slice.call(body.rows);
        function key(tr) {
          var cell = tr.children[idx];
          var v = cell.getAttribute("data-sort");
          return v === null ? cell.textContent : v;
        }
        var num = th.getAttribute("data-sort") === "number";
        list.sort(function (a, c) {
          var x = key(a), y = key(c), r;
          if (num) r = (parseFloat(x) || 0) - (parseFloat(y) || 0);
          else r = x < y ? -1 : x > y ? 1 : 0;
          return dir === "ascending" ? r : -r;
        });
        list.forEach(function (tr) { body.appendChild(tr); });
      });
    });
  });
})();
