/* leap: worksheets on screen and on paper. Part of the engine; the generator publishes it with every site.
 * Answers go to the store (store.js): this browser only, nothing is sent anywhere. */
(function () {
  "use strict";
  /* The engine's words in the page's language (i18n.js), looked up when they are shown. */
  function t(msgid, params) { return window.leapI18n.t(msgid, params); }

  function fields(sheet) {
    return Array.prototype.slice.call(sheet.querySelectorAll("input[name], textarea[name], select[name]"))
      .filter(function (field) { return field.type !== "file"; });
  }

  function question(field) {
    if (field.getAttribute("data-question")) return field.getAttribute("data-question");
    var label = field.id && field.ownerDocument.querySelector('label[for="' + field.id + '"]');
    if (label) return label.textContent.replace(/^\s*\d+\.\s*/, "").trim();
    var legend = field.closest("fieldset") && field.closest("fieldset").querySelector("legend");
    return legend ? legend.textContent.replace(/^\s*\d+\.\s*/, "").trim() : field.getAttribute("aria-label") || field.name;
  }

  function valueOf(field) {
    if (field.type === "radio") return field.checked ? field.value : null;
    if (field.type === "checkbox") return field.checked;
    return field.value;
  }

  function show(sheet, answers) {
    fields(sheet).forEach(function (field) {
      var answer = answers[field.name];
      var value = answer ? answer.value : "";
      if (field.type === "radio") field.checked = String(value) === field.value;
      else if (field.type === "checkbox") field.checked = value === true;
      else field.value = typeof value === "string" ? value : "";
    });
    mirror(sheet);
  }

  /* On screen a text area grows to hold what is written (never smaller than its rows). */
  function grow(area) {
    if (!area.getClientRects().length) return;  // not shown: it grows when it is
    area.style.height = "";
    var frame = area.offsetHeight - area.clientHeight;
    if (area.scrollHeight > area.clientHeight) area.style.height = area.scrollHeight + frame + "px";
  }

  /* On paper a textarea shows only what fits its box, so each one has a printed twin that grows. */
  function mirror(sheet) {
    sheet.querySelectorAll("textarea").forEach(function (area) {
      grow(area);
      var twin = area.nextElementSibling;
      if (!twin || !twin.classList.contains("leap-answer")) {
        twin = document.createElement("div");
        twin.className = "leap-answer " + area.className;
        twin.setAttribute("aria-hidden", "true");
        area.insertAdjacentElement("afterend", twin);
      }
      twin.textContent = area.value;
    });
    sheet.querySelectorAll('input[type="date"]').forEach(function (field) {
      field.classList.toggle("leap-empty", !field.value);  // printed as a blank line, not "mm/dd/yyyy"
    });
  }

  /* Answers this page has no field for any more, or whose question has changed since: kept, and
   * shown apart, with the question they answered. */
  function earlier(sheet, store, storeId) {
    var own = sheet.getAttribute("data-worksheet");
    var shared = storeId !== own;  // the record is another page's too: what has no field here is that page's
    var current = Object.create(null);  // looked up by stored ids too: "constructor" is no field
    fields(sheet).forEach(function (field) { current[field.name] = field.getAttribute("data-question"); });
    var answers = store.answers(storeId);
    var old = Object.keys(answers).filter(function (name) {
      if (!(name in current)) return !shared;  // its question is gone
      return !!(current[name] && answers[name].question && answers[name].question !== current[name]);  // changed
    }).map(function (name) { return answers[name]; });
    if (shared) {  // what this worksheet kept under its own id and no field here took over
      var left = store.answers(own);
      Object.keys(left).forEach(function (name) { old.push(left[name]); });
    }
    var box = sheet.querySelector(".leap-earlier");
    if (!old.length) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("section");
      box.className = "leap-earlier";
      sheet.appendChild(box);
    }
    box.replaceChildren();
    var heading = document.createElement("h2");
    heading.textContent = t("Answers from an earlier version of this worksheet");
    var note = document.createElement("p");
    note.textContent = t("The questions below have changed or gone since you answered them. Your answers are kept here, and in My journal, exactly as you wrote them.");
    box.appendChild(heading);
    box.appendChild(note);
    var list = document.createElement("dl");
    old.forEach(function (answer) {
      var term = document.createElement("dt");
      term.textContent = answer.question || t("An earlier question");
      var detail = document.createElement("dd");
      detail.textContent = String(answer.value);
      list.appendChild(term);
      list.appendChild(detail);
    });
    box.appendChild(list);
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
    // Translators: printed after a link on paper, where it leads within the guide ("skills/delegation/").
    return t("in the guide: %(path)s", { path: root ? link.pathname.slice(root.pathname.length) : link.getAttribute("href") });
  }

  /* Links to the PDFs the build published beside the site. */
  function showPdfLinks(root) {
    var base = siteBase();
    if (!base) return;
    root.querySelectorAll("a[data-leap-pdf]").forEach(function (link) {
      link.href = new URL("pdf/" + link.getAttribute("data-leap-pdf"), base).href;
      link.hidden = false;
      var row = link.closest(".leap-pdf-row");
      if (row) row.hidden = false;
    });
  }

  /* The footer on paper, on every page of the guide: the page's title and "Page 1 of 2". `leap pdf`
   * stamps its own (numbered through the whole workbook), so it asks for none. */
  function printFooter() {
    if (window.leapPdf) return;
    var title = (document.querySelector("h1") || {}).textContent || document.title;
    title = title.replace(/\u00b6/g, "").trim().replace(/["\\]/g, "\\$&");
    var style = document.createElement("style");
    /* "Page %(page)s of %(pages)s", its words as CSS strings around the counters. */
    var words = t("Page %(page)s of %(pages)s").split(/(%\((?:page|pages)\)s)/).map(function (part) {
      if (part === "%(page)s") return "counter(page)";
      if (part === "%(pages)s") return "counter(pages)";
      return part ? "\"" + part.replace(/["\\]/g, "\\$&") + "\"" : "";
    }).join(" ");
    /* The title where a line starts, the page number where it ends: mirrored on a right-to-left page. */
    var rtl = window.leapI18n.rtl();
    style.textContent = "@page { @bottom-" + (rtl ? "right" : "left") + " { content: \"" + title + "\"; font: 8pt sans-serif; }" +
      " @bottom-" + (rtl ? "left" : "right") + " { content: " + words + "; font: 8pt sans-serif; } }";
    document.head.appendChild(style);
  }

  /* A blank copy: the page prints with every field empty, and the answers come back afterwards.
   * Nothing is saved meanwhile: the fields are set by script, which fires no input event. */
  function printBlank(sheet, answers) {
    var printing = false;
    var begin = function () { printing = true; };
    var restore = function () {
      window.removeEventListener("afterprint", restore);
      document.body.classList.remove("leap-printing-blank");
      show(sheet, answers());
    };
    show(sheet, {});
    document.body.classList.add("leap-printing-blank");
    window.addEventListener("beforeprint", begin);
    window.addEventListener("afterprint", restore);
    try { window.print(); } finally { window.removeEventListener("beforeprint", begin); }
    // print() returns once the page is printed in most browsers, after afterprint has run; where it
    // returns at once, afterprint restores the answers later; where no print began, do it now.
    if (!printing && document.body.classList.contains("leap-printing-blank")) restore();
  }

  /* On paper, each link in a page's text prints where it goes: the full address when the site
   * knows its URL, otherwise the page's place in the guide (never a passing localhost address). */
  function printAddresses() {
    document.querySelectorAll("article a[href]:not(.headerlink):not(.md-tag):not([data-leap-pdf])").forEach(function (link) {
      var href = link.getAttribute("href");
      if (!href || href.charAt(0) === "#" || /^(mailto|javascript|data):/i.test(href)) return;
      if (link.hasAttribute("data-print-url") || link.textContent.trim() === href) return;
      if (/^https?:/i.test(href)) link.setAttribute("data-print-url", href);
      else link.setAttribute("data-print-url", printedAddress(link));
    });
  }

  function setup(sheet) {
    var store = window.leapStore.get();
    var own = sheet.getAttribute("data-worksheet");
    var storeId = sheet.getAttribute("data-store") || own;
    var shared = storeId !== own;  // its answers are another page's too (the self-assessment's)
    if (shared) {  // answers it once kept under its own id (and the first release's) move over
      var moved = fields(sheet).filter(function (field) { return field.hasAttribute("data-was"); }).map(function (field) {
        return { name: field.name, was: field.getAttribute("data-was"), legacy: field.getAttribute("data-was"), question: question(field) };
      });
      if (moved.length) {
        store.adopt(own, moved.map(function (field) { return { name: field.was, question: field.question }; }));
        store.move(own, storeId, moved);
      }
    }
    store.adopt(storeId, fields(sheet).map(function (field) {
      return { name: field.name, legacy: field.getAttribute("data-legacy"), question: question(field) };
    }));
    sheet.classList.add("leap-js");
    show(sheet, store.answers(storeId));
    earlier(sheet, store, storeId);
    if (!store.available) saved(sheet, false, store);
    var save = function (event) {
      var field = event.target;
      if (!field.name || !(field.matches("input, textarea, select"))) return;
      saved(sheet, store.set(storeId, field.name, valueOf(field), question(field)), store);
      if (field.tagName === "TEXTAREA" || field.type === "date") mirror(sheet);
      document.dispatchEvent(new CustomEvent("leap:answered", { detail: { sheet: storeId } }));
    };
    sheet.addEventListener("input", save);
    sheet.addEventListener("change", save);
    sheet.addEventListener("keydown", function (event) {  // a one-line answer wraps, but takes no new line
      if (event.key === "Enter" && event.target.classList && event.target.classList.contains("leap-line")) {
        event.preventDefault();
      }
    });
    sheet.addEventListener("click", function (event) {
      var action = event.target.closest && event.target.closest("[data-leap-action]");
      var name = action && action.getAttribute("data-leap-action");
      if (name === "print") window.print();
      if (name === "print-blank") printBlank(sheet, function () { return store.answers(storeId); });
      if (name === "clear" && window.confirm(shared
          ? t("Clear every answer on this worksheet? This cannot be undone. The same answers on the self-assessment are cleared too.")
          : t("Clear every answer on this worksheet? This cannot be undone."))) {
        store.clear(storeId, shared ? fields(sheet).map(function (field) { return field.name; }) : undefined);
        if (shared) store.clear(own);  // and what it kept under its own id, shown as from an earlier version
        show(sheet, {});
        earlier(sheet, store, storeId);
      }
    });
    sheet.querySelectorAll("a.leap-page-link").forEach(function (link) {
      link.setAttribute("data-print-url", printedAddress(link));
    });
    var title = (document.querySelector("h1") || {}).textContent || document.title;
    store.visit(title.replace(/\u00b6/g, "").trim());
    window.leapWorksheets.ready.forEach(function (callback) { callback(sheet, store, storeId); });
  }

  /* Under the privacy note: when the answers were last saved, or, if this browser refuses to keep
   * them (storage full or switched off), that they are not kept and what to do about it. */
  function saved(sheet, ok, store) {
    var box = sheet.querySelector(".leap-save-status");
    if (!box) return;
    box.hidden = false;
    box.classList.toggle("leap-save-status--problem", !ok);
    box.textContent = ok
      ? t("Saved in this browser at %(time)s.", {
        time: new Date().toLocaleTimeString(window.leapI18n.lang, { hour: "2-digit", minute: "2-digit" })
      })
      : store.refused || t("This browser would not save your answers (its storage is full or switched off): they will be gone when you leave this page. Print it with your answers before you leave.");
  }

  window.leapWorksheets = { ready: [], show: show, fields: fields };

  /* A wider or narrower screen wraps the answers again. */
  var width = window.innerWidth;
  window.addEventListener("resize", function () {
    if (window.innerWidth === width) return;
    width = window.innerWidth;
    document.querySelectorAll(".leap-worksheet textarea").forEach(grow);
  });

  function start() {
    var sheets = document.querySelectorAll(".leap-worksheet[data-worksheet]");
    printFooter();
    sheets.forEach(setup);
    showPdfLinks(document);
    printAddresses();
    document.querySelectorAll("[data-leap-action='print']").forEach(function (button) {
      if (!button.closest(".leap-worksheet, .leap-assessment, .leap-journal")) {
        button.addEventListener("click", function () { window.print(); });
      }
    });
  }

  // After every script of the page has loaded, so that the others can register in `ready` first.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else setTimeout(start, 0);
})();
