/* leap: access for everyone. Gives Material's search dialog the accessible name it lacks, so screen
 * readers announce it as "Search" (axe-core rule aria-dialog-name); and lets tables reflow (WCAG
 * 1.4.10): a table wider than the screen, on a phone say, reads down the page instead, each row a
 * block and each cell named by its column, so that no column is out of sight. Part of the engine. */
(function () {
  "use strict";
  function name() {
    document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach(function (dialog) {
      dialog.setAttribute("aria-label", window.leapI18n.t("Search"));
    });
  }

  /* A column's name, from its header cell: its text, and the title its link gives, if other. */
  function columnName(cell) {
    var text = cell.textContent.replace(/\u00b6/g, "").replace(/\s+/g, " ").trim();
    var link = cell.querySelector("a[title]");
    var title = link ? link.getAttribute("title").trim() : "";
    return title && title !== text ? (text ? text + " \u00b7 " : "") + title : text;
  }

  /* Each cell of the body named by its column (data-label), unless it has a name already. */
  function label(table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) return false;
    var names = Array.prototype.map.call(head.cells, columnName);
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, index) {
          if (!cell.hasAttribute("data-label") && names[index]) cell.setAttribute("data-label", names[index]);
          cell.toggleAttribute("data-leap-blank", !cell.textContent.trim() && !cell.children.length);
        });
      });
    });
    return true;
  }

  /* Stack a table that is wider than the room it has; a table that fits stays a table. */
  function fit(table) {
    if (table.closest(".leap-level-table") || !table.getClientRects().length || !label(table)) return;
    table.removeAttribute("data-leap-stacked");
    var box = table.closest(".leap-scroll, .md-typeset__scrollwrap") || table.parentElement;
    var needed = Math.max(table.scrollWidth, table.offsetWidth);
    if (box && needed > box.clientWidth + 1) table.setAttribute("data-leap-stacked", "");
  }

  function fitAll(root) {
    (root || document).querySelectorAll("article table").forEach(fit);
  }

  window.leapTables = { fit: fitAll };

  function start() {
    name();
    fitAll();
    var width = window.innerWidth, waiting = null;
    window.addEventListener("resize", function () {
      if (window.innerWidth === width) return;
      width = window.innerWidth;
      clearTimeout(waiting);
      waiting = setTimeout(function () { fitAll(); }, 150);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
