/* leap: with `content.tooltips`, the theme's script (Material's, and Zensical's) shows an element's
 * title as HTML, in a tooltip. The titles a page is built with are written for that (the engine
 * escapes them); but the theme also gives titles to elements as the page runs: a name or title cut
 * short with an ellipsis (the site's name in the header, a page in the navigation) gets its own
 * text as its title, so a guide named "R&D <img src=x onerror=...>" would run script when pointed
 * at. This escapes each title the theme sets, before a tooltip can show it, so it reads as written.
 * Titles a page was built with, or restored as they were, are left as they are. */
(function () {
  "use strict";
  function tooltips() {
    try {
      return JSON.parse(document.getElementById("__config").textContent).features.indexOf("content.tooltips") >= 0;
    } catch (e) {
      return false;
    }
  }
  if (!tooltips() || !window.MutationObserver || !window.WeakMap) return;

  var kept = new WeakMap();  // element -> the titles it may carry as they are
  function keep(element, title) {
    var titles = kept.get(element) || [];
    if (titles.indexOf(title) < 0) titles.push(title);
    kept.set(element, titles);
  }
  function keepAll(root) {
    if (root.nodeType !== 1) return;
    if (root.hasAttribute("title")) keep(root, root.getAttribute("title"));
    root.querySelectorAll("[title]").forEach(function (element) { keep(element, element.getAttribute("title")); });
  }
  function escaped(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  keepAll(document.documentElement);
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      if (record.type === "childList") {
        record.addedNodes.forEach(keepAll);  // a page's own elements (navigation swapping content in)
        return;
      }
      var element = record.target;
      var title = element.getAttribute("title");
      if (title === null || (kept.get(element) || []).indexOf(title) >= 0) return;
      var safe = escaped(title);
      keep(element, safe);
      element.setAttribute("title", safe);
    });
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ["title"] });
})();
