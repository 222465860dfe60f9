/*
 * Load the search index only when the reader starts searching.
 *
 * Material fetches search/search_index.json on every first visit, whatever the
 * page; on a large site that is megabytes a reader on a slow link pays for
 * nothing. This holds back that one request until the search field gets focus
 * (click, tap, or the "/" and "s" shortcuts) or the pointer moves onto it, then
 * lets it through unchanged. Loaded before Material's bundle. Without
 * JavaScript there is no search at all, so nothing is lost.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var wanted = false;

  function release() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (go) { go(); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.sseSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (request.sseSearchIndex && !wanted) {
      held.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(request, args);
  };

  function isSearch(target) {
    return target && target.closest && target.closest(".md-search, label[for='__search']");
  }
  document.addEventListener("focusin", function (event) {
    if (isSearch(event.target)) release();
  });
  document.addEventListener("pointerover", function (event) {
    if (isSearch(event.target)) release();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) release();
  });
})();
