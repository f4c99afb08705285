/* Glossary terms in running text carry their English rendering as their title; their
   definitions are in one file per edition (glossary/definitions.js, render/site_pages.py:
   definitions_script), not on every page. The first time a reader points at, taps or tabs
   to a term, the file loads (a <script>, so from file:// too); from then on the term's
   title becomes "English — definition", which the browser's tooltip, the focus box of
   briefing.css and screen readers (the title is the link's description) all read. Before
   printing, titles go back to the English rendering, which print CSS shows after the term. */
(function () {
  "use strict";
  var box = document.querySelector("[data-briefing-search]");
  var root = ((box && box.getAttribute("data-root")) || ".").replace(/\/?$/, "/");
  var tips = null, asked = false, waiting = [];
  window.__briefingTerms = function (data) {
    tips = data || {};
    waiting.forEach(show);
    waiting = [];
  };
  function show(el) {
    if (!el.hasAttribute("data-en")) el.setAttribute("data-en", el.getAttribute("title") || "");
    var tip = tips[el.getAttribute("data-en")];
    if (tip) el.setAttribute("title", tip);
  }
  function fetchTips() {
    if (asked) return;
    asked = true;
    var s = document.createElement("script");
    s.src = root + "glossary/definitions.js";
    s.async = true;
    s.onerror = function () { window.__briefingTerms(null); };
    document.head.appendChild(s);
  }
  function on(ev) {
    var el = ev.target && ev.target.closest && ev.target.closest(".glossary-term");
    // A reader moving by keyboard: load at the first focus anywhere, so that a screen
    // reader already has the definition when focus reaches a term.
    if (!el) { if (ev.type === "focusin") fetchTips(); return; }
    if (tips) { show(el); return; }
    waiting.push(el);
    fetchTips();
  }
  // One listener each on the document, not one per term: a long article has hundreds.
  ["pointerover", "focusin", "touchstart"].forEach(function (type) {
    document.addEventListener(type, on, { passive: true });
  });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".glossary-term[data-en]").forEach(function (el) {
      el.setAttribute("title", el.getAttribute("data-en"));
    });
  });
})();
