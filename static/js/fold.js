// On a phone, a list's filters start folded behind « Filtrer (n) » (templates/_macros/filters.html):
// the first results come first. Without this script they stay open.
if (window.matchMedia("(max-width: 640px)").matches) {
  for (const details of document.querySelectorAll("details.filters-fold")) {
    details.open = false;
  }
}
