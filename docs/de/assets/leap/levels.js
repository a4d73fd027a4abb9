/* leap: the grid of a kind by level, readable: one level at a time, two side by side (where I am,
 * where I aim) or every level. Without the script the whole grid shows, as it prints. The choice is
 * kept in the page's address (?view=two&a=engineer&b=senior), so it can be linked to and shared.
 * Part of the engine; the generator publishes it with every site. */
(function () {
  "use strict";

  function shown(grid) {
    var view = grid.querySelector('input[name="leap-grid-view"]:checked');
    var a = grid.querySelector('select[data-leap-grid="a"]').value;
    var b = grid.querySelector('select[data-leap-grid="b"]').value;
    view = view ? view.value : "all";
    return { view: view, levels: view === "all" ? null : view === "one" || a === b ? [a] : ordered(grid, [a, b]) };
  }

  /* Two levels in the framework's order, lower first. */
  function ordered(grid, pair) {
    var all = grid.getAttribute("data-levels").split(" ");
    return pair.slice().sort(function (x, y) { return all.indexOf(x) - all.indexOf(y); });
  }

  function apply(grid) {
    var now = shown(grid);
    var table = grid.querySelector(".leap-level-table");
    table.setAttribute("data-view", now.levels ? (now.levels.length === 1 ? "one" : "two") : "all");
    table.querySelectorAll("[data-level]").forEach(function (cell) {
      cell.hidden = !!now.levels && now.levels.indexOf(cell.getAttribute("data-level")) < 0;
    });
    /* Side by side, the columns follow the levels' order whichever select holds which. */
    var second = grid.querySelector("[data-leap-grid-second]");
    second.hidden = now.view !== "two";
    var name = grid.querySelector(".leap-grid-pick span[data-one]");
    name.textContent = name.getAttribute(now.view === "two" ? "data-two" : "data-one");
    var region = grid.querySelector(".leap-levels");
    if (region) region.classList.toggle("leap-scroll--none", !!now.levels);
    remember(grid, now.view);
  }

  function remember(grid, view) {
    if (!window.history || !window.history.replaceState || location.protocol === "file:") return;
    var params = new URLSearchParams(location.search);
    params.set("view", view);
    params.set("a", grid.querySelector('select[data-leap-grid="a"]').value);
    params.set("b", grid.querySelector('select[data-leap-grid="b"]').value);
    window.history.replaceState(null, "", location.pathname + "?" + params.toString() + location.hash);
  }

  function restore(grid) {
    var params = new URLSearchParams(location.search);
    var view = grid.querySelector('input[name="leap-grid-view"][value="' + params.get("view") + '"]');
    if (view) view.checked = true;
    ["a", "b"].forEach(function (which) {
      var select = grid.querySelector('select[data-leap-grid="' + which + '"]');
      var wanted = params.get(which);
      if (wanted && select.querySelector('option[value="' + wanted.replace(/[^a-z0-9-]/g, "") + '"]')) select.value = wanted;
    });
  }

  function start() {
    document.querySelectorAll(".leap-level-grid").forEach(function (grid) {
      var controls = grid.querySelector(".leap-grid-views");
      if (!controls) return;
      restore(grid);
      controls.hidden = false;
      controls.addEventListener("change", function () { apply(grid); });
      apply(grid);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
