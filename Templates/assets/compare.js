/* disclose — comparison tables: sort by a column (click its heading), filter by region or 主管部门.
 * The table is complete and readable without this script. */
(function () {
  "use strict";
  var table = document.querySelector("table[data-sortable]");
  if (!table) return;
  var body = table.tBodies[0];
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headers.forEach(function (th, column) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var descending = th.getAttribute("aria-sort") !== "descending";
      headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      var numeric = th.getAttribute("data-sort-type") === "number";
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column], y = b.cells[column];
        var p = numeric ? x.getAttribute("data-sort") : x.textContent, q = numeric ? y.getAttribute("data-sort") : y.textContent;
        if (numeric) {
          // Empty (no figure last year) always sorts last.
          if (p === "" || q === "") return p === q ? 0 : (p === "" ? 1 : -1);
          var d = Number(p) - Number(q);
          return descending ? -d : d;
        }
        var c = p.localeCompare(q, "zh-CN");
        return descending ? -c : c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  var filters = document.querySelector("[data-compare-filters]");
  if (!filters) return;
  filters.hidden = false;
  var selects = Array.prototype.slice.call(filters.querySelectorAll("select"));
  function apply() {
    Array.prototype.forEach.call(body.rows, function (row) {
      row.hidden = selects.some(function (s) { return s.value && row.getAttribute("data-" + s.getAttribute("data-filter-column")) !== s.value; });
    });
  }
  selects.forEach(function (s) { s.addEventListener("change", apply); });
})();
