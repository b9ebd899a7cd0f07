// Sortable tables on generated index pages. Runs on every page load, including Material's
// instant navigation (document$ emits after each swap).
document$.subscribe(function () {
  document.querySelectorAll(".insight-sortable table:not([data-sortable-ready])").forEach(function (table) {
    table.setAttribute("data-sortable-ready", "");
    new Tablesort(table);
  });
});
