/*
 * How search gets its index and its worker. Loaded before Material's bundle.
 *
 * 1. The index loads only when the reader starts searching. Material fetches
 *    search/search_index.json on every first visit, whatever the page; on a
 *    large site that is megabytes a reader on a slow link pays for nothing.
 *    Its request is held until the search field gets focus (click, tap, the
 *    "/" and "s" shortcuts) or the pointer moves onto it.
 * 2. A dropped connection is said, not hidden. The index is fetched here
 *    first; Material's own request then reads the copy already in memory. If
 *    the fetch fails, the search box says why (its text is in
 *    partials/search.html) and tries again when the browser is back online
 *    or the reader returns to the search field, instead of "Initializing
 *    search" for ever.
 * 3. Material's worker runs inside the site's (search-worker.js: words in
 *    Chinese, Japanese, Korean and Thai text, exact titles first).
 * 4. Opened from disk (the offline edition, file://), a page may not start a
 *    worker from a file, so the worker runs from a Blob made of the source
 *    that search/search_worker.js holds; Material reads the index from
 *    search/search_index.js there.
 *
 * Without JavaScript there is no search at all, so nothing is lost.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var MATERIAL_WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js(?:[?#]|$)/;
  var script = document.currentScript;
  var wrapper = script ? new URL("search-worker.js", script.src).href : "";

  // -- 3 and 4: the worker ----------------------------------------------------

  var NativeWorker = window.Worker;
  if (NativeWorker && wrapper) {
    var SiteWorker = function (url, options) {
      var address = new URL(String(url), location.href).href;
      if (!MATERIAL_WORKER.test(address)) return new NativeWorker(url, options);
      if (location.protocol === "file:") return offlineWorker();
      return new NativeWorker(wrapper + "?material=" + encodeURIComponent(address), options);
    };
    SiteWorker.prototype = NativeWorker.prototype;
    window.Worker = SiteWorker;
  }

  function offlineWorker() {
    var source = window.sseSearchWorkerSource;
    if (typeof source !== "string") throw new Error("search/search_worker.js is missing");
    var blob = new Blob([source], { type: "text/javascript" });
    return new NativeWorker(URL.createObjectURL(blob));
  }

  // -- 1 and 2: the index -----------------------------------------------------

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = null;
  var wanted = false;
  var loading = false;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.sseSearchIndex = INDEX.test(String(url)) ? new URL(String(url), location.href).href : "";
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.sseSearchIndex) return send.apply(this, arguments);
    held = this;
    if (wanted) load();
    return undefined;
  };

  function load() {
    if (held === null || loading) return;
    loading = true;
    fetch(held.sseSearchIndex, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.blob();
      })
      .then(function (blob) {
        var request = held;
        var copy = URL.createObjectURL(blob);
        held = null;
        say("");
        request.addEventListener("loadend", function () { URL.revokeObjectURL(copy); });
        open.call(request, "GET", copy);
        request.responseType = "blob";
        send.call(request);
      })
      .catch(function () {
        loading = false;
        say("offline");
      });
  }

  // The search box's status line: Material's "Initializing search" or ours
  function say(what) {
    var meta = document.querySelector(".md-search-result__meta");
    if (!meta) return;
    if (!meta.hasAttribute("data-sse-initial")) meta.setAttribute("data-sse-initial", meta.textContent.trim());
    meta.textContent = what === "offline"
      ? meta.getAttribute("data-sse-offline")
      : meta.getAttribute("data-sse-initial");
  }

  function release() {
    wanted = true;
    load();
  }

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
  window.addEventListener("online", function () {
    if (wanted) load();
  });
})();
