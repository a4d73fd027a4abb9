/* Leadership Leap worksheets. Hand-written; the generator never touches it.
 * Answers are kept in this browser's localStorage only: nothing is ever sent anywhere. */
(function () {
  "use strict";
  var PREFIX = "leap:worksheet:";

  function store(action, key, value) {
    try {
      if (action === "get") return JSON.parse(window.localStorage.getItem(key) || "{}");
      if (action === "set") window.localStorage.setItem(key, JSON.stringify(value));
      if (action === "remove") window.localStorage.removeItem(key);
    } catch (e) { /* storage disabled: the worksheet still works, answers are just not kept */ }
    return {};
  }

  function fields(sheet) {
    return Array.prototype.slice.call(sheet.querySelectorAll("input[name], textarea[name]"));
  }

  function read(sheet) {
    var answers = {};
    fields(sheet).forEach(function (field) {
      if (field.type === "radio") { if (field.checked) answers[field.name] = field.value; }
      else if (field.type === "checkbox") { if (field.checked) answers[field.name] = true; }
      else if (field.value) { answers[field.name] = field.value; }
    });
    return answers;
  }

  function write(sheet, answers) {
    fields(sheet).forEach(function (field) {
      var value = answers[field.name];
      if (field.type === "radio") field.checked = value === field.value;
      else if (field.type === "checkbox") field.checked = value === true;
      else field.value = typeof value === "string" ? value : "";
    });
    mirror(sheet);
  }

  /* On paper a textarea shows only what fits its box, so each one has a printed twin that grows. */
  function mirror(sheet) {
    sheet.querySelectorAll("textarea").forEach(function (area) {
      var twin = area.nextElementSibling;
      if (!twin || !twin.classList.contains("leap-answer")) {
        twin = document.createElement("div");
        twin.className = "leap-answer " + area.className;
        twin.setAttribute("aria-hidden", "true");
        area.insertAdjacentElement("afterend", twin);
      }
      twin.textContent = area.value;
    });
  }

  function siteBase() {
    var config = document.getElementById("__config");
    try { return new URL(JSON.parse(config.textContent).base.replace(/\/?$/, "/"), window.location.href); }
    catch (e) { return null; }
  }

  /* The address printed on paper: absolute when the site knows its URL (site_url), otherwise the
   * page's path inside the guide, never a passing localhost address. */
  function printedAddress(link) {
    var canonical = document.querySelector('link[rel="canonical"]');
    if (canonical) return new URL(link.getAttribute("href"), canonical.href).href;
    var root = siteBase();
    return "in the guide: " + (root ? link.pathname.slice(root.pathname.length) : link.getAttribute("href"));
  }

  /* `leap pdf` renders these links, hidden, once it is printing the PDFs beside the site. */
  function showPdfLinks(sheet) {
    var base = siteBase();
    if (!base) return;
    sheet.querySelectorAll("a[data-leap-pdf]").forEach(function (link) {
      link.href = new URL("pdf/" + link.getAttribute("data-leap-pdf"), base).href;
      link.hidden = false;
    });
  }

  function printFooter() {
    var title = (document.querySelector("h1") || {}).textContent || document.title;
    title = title.replace(/\u00b6/g, "").trim().replace(/["\\]/g, "\\$&");
    var style = document.createElement("style");
    style.textContent = "@page { @bottom-left { content: \"" + title + "\"; font: 8pt sans-serif; }" +
      " @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); font: 8pt sans-serif; } }";
    document.head.appendChild(style);
  }

  function setup(sheet) {
    var key = PREFIX + sheet.getAttribute("data-worksheet");
    sheet.classList.add("leap-js");
    write(sheet, store("get", key));
    var save = function () { store("set", key, read(sheet)); mirror(sheet); };
    sheet.addEventListener("input", save);
    sheet.addEventListener("change", save);
    sheet.addEventListener("click", function (event) {
      var action = event.target.getAttribute && event.target.getAttribute("data-leap-action");
      if (action === "print") window.print();
      if (action === "clear" && window.confirm("Clear every answer on this worksheet? This cannot be undone.")) {
        store("remove", key);
        write(sheet, {});
      }
    });
    sheet.querySelectorAll("a.leap-page-link").forEach(function (link) {
      link.setAttribute("data-print-url", printedAddress(link));
    });
    showPdfLinks(sheet);
  }

  function start() {
    var sheets = document.querySelectorAll(".leap-worksheet[data-worksheet]");
    if (sheets.length) printFooter();
    sheets.forEach(setup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
