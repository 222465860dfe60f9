/*
 * Small enhancements; every page is complete without them.
 *   - A wide table that scrolls sideways says so under it ("Scroll sideways
 *     …"), and only while it does not fit.
 *   - "Print or save as PDF" buttons (hidden in the HTML) are shown and work.
 *   - Following a link to something inside a folded part (the numbered
 *     sources of the home page) unfolds it, in browsers that do not.
 */
(function () {
  "use strict";

  function markScrollable() {
    var wraps = document.querySelectorAll(".sse-matrix-wrap, .sse-table-wrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      wrap.classList.toggle("sse-is-scrollable", wrap.scrollWidth > wrap.clientWidth + 1);
    }
  }

  function enablePrint() {
    var buttons = document.querySelectorAll("[data-sse-print]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function () { window.print(); });
    }
  }

  function unfoldTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    var folded = target ? target.closest("details:not([open])") : null;
    if (folded) {
      folded.open = true;
      target.scrollIntoView();
    }
  }

  function init() {
    markScrollable();
    enablePrint();
    unfoldTarget();
  }

  window.addEventListener("resize", markScrollable);
  window.addEventListener("hashchange", unfoldTarget);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
