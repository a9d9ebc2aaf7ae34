// While a new thread's title is typed, suggest existing threads that may already answer it.
// CSP: served from 'self', no inline script; the list is built with DOM methods only.
(function () {
  "use strict";
  var box = document.getElementById("similar-threads");
  if (!box || !window.fetch) { return; }
  var form = box.closest("form");
  var input = form ? form.querySelector("input[name=title]") : null;
  var url = box.getAttribute("data-url");
  // The heading comes from the page, in its language (the template passes it through gettext).
  var heading = box.getAttribute("data-title") || "";
  if (!input || !url) { return; }

  var DELAY = 350;
  var MAX_LENGTH = 200;
  var timer = null;
  var lastAsked = "";
  var controller = null;

  function enough(text) {
    var words = text.split(/\s+/).filter(function (word) { return word.length > 0; });
    return words.length >= 3 || text.length >= 12;
  }

  function clear() {
    while (box.firstChild) { box.removeChild(box.firstChild); }
  }

  function render(threads) {
    clear();
    if (!Array.isArray(threads) || threads.length === 0) { return; }
    var title = document.createElement("p");
    title.className = "similar-threads-title";
    title.textContent = heading;
    var list = document.createElement("ul");
    threads.slice(0, 5).forEach(function (thread) {
      if (!thread || typeof thread.url !== "string" || thread.url.charAt(0) !== "/") { return; }
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = thread.url;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = String(thread.title || "");
      item.appendChild(link);
      list.appendChild(item);
    });
    if (list.firstChild) {
      box.appendChild(title);
      box.appendChild(list);
    }
  }

  function ask() {
    var text = input.value.trim().slice(0, MAX_LENGTH);
    if (!enough(text)) { lastAsked = ""; clear(); return; }
    if (text === lastAsked) { return; }
    lastAsked = text;
    if (controller) { controller.abort(); }
    controller = window.AbortController ? new AbortController() : null;
    fetch(url + "?titre=" + encodeURIComponent(text), {
      headers: { "Accept": "application/json" },
      credentials: "same-origin",
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.ok ? response.json() : [];
    }).then(function (threads) {
      if (text === lastAsked) { render(threads); }
    }).catch(function () { /* aborted or offline: keep the form usable */ });
  }

  input.addEventListener("input", function () {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(ask, DELAY);
  });
  if (input.value) { ask(); }
}());
