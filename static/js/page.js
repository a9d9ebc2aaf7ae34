// Small helps on every page (templates/base.html); without this script the pages work the same.

// On a phone, a list's filters start folded behind « Filtrer (n) » (templates/_macros/filters.html):
// the first results come first.
if (window.matchMedia("(max-width: 640px)").matches) {
  for (const details of document.querySelectorAll("details.filters-fold")) {
    details.open = false;
  }
}

// After a failed submission, the summary of what to correct comes into view and takes the focus
// (on a phone the form is often below the fold: a loan request under its calendar).
const errorSummary = document.querySelector(".form-errors");
if (errorSummary) {
  errorSummary.setAttribute("tabindex", "-1");
  errorSummary.scrollIntoView({block: "center"});
  errorSummary.focus({preventScroll: true});
}
