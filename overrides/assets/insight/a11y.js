// Material's search overlay is a role="dialog" without a name (axe-core: aria-dialog-name, serious).
// It sits outside the content block, so naming it once per page load is enough.
(function () {
  var dialog = document.querySelector('.md-search[role="dialog"]:not([aria-label])');
  if (dialog) dialog.setAttribute("aria-label", "Search");
})();
