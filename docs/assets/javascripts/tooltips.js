/*
 * Tooltips for glossary terms (a.sse-term) and abbreviations (abbr[title]).
 *
 * The page carries each definition in the element's title attribute, so that
 * without JavaScript the browser's own tooltip shows it and the term still
 * links to its glossary entry. This script replaces that tooltip with one
 * that meets WCAG 1.4.13 (content on hover or focus):
 *   - shown on hover and on keyboard focus, at a readable size;
 *   - hoverable: the pointer can move onto it without it closing;
 *   - dismissible: Escape closes it without moving the pointer or focus;
 *   - persistent: it stays until the pointer or focus leaves, or Escape;
 *   - placed above the line being read (the line already read), below it
 *     only when there is no room above.
 * On a touch screen the first tap on a term shows its definition in place,
 * with a link onwards to the glossary; a second tap follows the term's link.
 */
(function () {
  "use strict";

  var SELECTOR = ".md-typeset a.sse-term[title], .md-typeset abbr[title]";
  var GAP = 6;
  var tip = null;
  var text = null;
  var more = null;
  var owner = null; // the element whose tooltip is shown
  var tapped = false; // shown by a tap: stays until a tap elsewhere
  var hideTimer = 0;
  var lastPointer = "mouse";

  function build() {
    tip = document.createElement("div");
    tip.id = "sse-tooltip";
    tip.className = "sse-tooltip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    text = document.createElement("p");
    text.className = "sse-tooltip__text";
    more = document.createElement("a");
    more.className = "sse-tooltip__more";
    tip.appendChild(text);
    tip.appendChild(more);
    document.body.appendChild(tip);
    tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", function () { if (!tapped) hideSoon(); });
  }

  function prepare(root) {
    var elements = root.querySelectorAll(SELECTOR);
    for (var i = 0; i < elements.length; i++) {
      var element = elements[i];
      element.setAttribute("data-sse-tip", element.getAttribute("title"));
      element.removeAttribute("title");
      if (element.tagName === "ABBR") element.tabIndex = 0;
    }
  }

  function tipOf(target) {
    return target && target.closest ? target.closest("[data-sse-tip]") : null;
  }

  function place() {
    if (!owner) return;
    var box = owner.getClientRects()[0] || owner.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    tip.style.left = "0px";
    tip.style.top = "0px";
    var size = tip.getBoundingClientRect();
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var y = box.top - size.height - GAP >= top ? box.top - size.height - GAP : box.bottom + GAP;
    var x = Math.min(Math.max(box.left, 8), Math.max(8, width - size.width - 8));
    tip.style.left = Math.round(x + window.scrollX) + "px";
    tip.style.top = Math.round(y + window.scrollY) + "px";
  }

  function show(element, byTap) {
    clearTimeout(hideTimer);
    if (owner && owner !== element) hide();
    owner = element;
    tapped = byTap;
    text.textContent = element.getAttribute("data-sse-tip");
    var term = element.matches("a.sse-term");
    more.hidden = !(byTap && term);
    if (term) {
      more.href = element.href;
      more.textContent = "Read the glossary entry for “" + element.textContent.trim() + "”";
    }
    tip.classList.toggle("sse-tooltip--tapped", byTap);
    tip.hidden = false;
    element.setAttribute("aria-describedby", tip.id);
    place();
  }

  function hide() {
    clearTimeout(hideTimer);
    if (owner) owner.removeAttribute("aria-describedby");
    owner = null;
    tapped = false;
    if (tip) tip.hidden = true;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  }

  function init() {
    if (!tip) build();
    prepare(document);
  }

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
    if (tapped && !tip.contains(event.target) && tipOf(event.target) !== owner) hide();
  }, true);

  document.addEventListener("pointerover", function (event) {
    if (event.pointerType !== "mouse") return;
    var element = tipOf(event.target);
    if (element && element !== owner) show(element, false);
    else if (element) clearTimeout(hideTimer);
  });
  document.addEventListener("pointerout", function (event) {
    if (event.pointerType !== "mouse") return;
    var element = tipOf(event.target);
    if (!element || element !== owner || tapped) return;
    var to = event.relatedTarget;
    if (to && (element.contains(to) || tip.contains(to))) return;
    if (document.activeElement !== element) hideSoon();
  });

  document.addEventListener("focusin", function (event) {
    var element = tipOf(event.target);
    if (element && lastPointer !== "touch" && lastPointer !== "pen") show(element, false);
    else if (owner && !tapped && !tip.contains(event.target)) hide();
  });
  document.addEventListener("focusout", function (event) {
    if (tipOf(event.target) === owner && !tapped) hideSoon();
  });

  // A first tap shows the definition in place; a second tap on the same term
  // follows its link.
  document.addEventListener("click", function (event) {
    var element = tipOf(event.target);
    if (!element || (lastPointer !== "touch" && lastPointer !== "pen")) return;
    if (owner === element && tapped) return;
    event.preventDefault();
    show(element, true);
  });

  document.addEventListener("keydown", function (event) {
    lastPointer = "keyboard";
    if ((event.key === "Escape" || event.key === "Esc") && owner) {
      var element = owner;
      hide();
      // Keep focus where it was: Escape only dismisses the tooltip
      if (tip.contains(document.activeElement)) element.focus();
    }
  });

  window.addEventListener("resize", function () { if (owner) place(); });
  window.addEventListener("scroll", function () { if (owner) place(); }, { passive: true });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
