/* leap: My journal, every answer in one place, to keep, move or share. Part of the engine.
 * The catalog of worksheets and their questions comes from the JSON the generator puts in the page;
 * the answers from the store (store.js). Nothing is sent anywhere. */
(function () {
  "use strict";
  /* The engine's words in the page's language (i18n.js), looked up when they are shown. */
  function t(msgid, params) { return window.leapI18n.t(msgid, params); }
  function nt(singular, plural, n, params) { return window.leapI18n.nt(singular, plural, n, params); }
  function dayText(day) { return window.leapI18n.day(day); }

  /* A worksheet's state, as the progress table says it (its class keeps the English key). */
  function stateName(state) {
    if (state === "done") return t("done");
    if (state === "started") return t("started");
    return t("not started");
  }

  /* A rated item's title, from its label in the journal's catalog ("Vision: rating, 1 to 5"). */
  function ratedTitle(label) {
    var forms = [t("%(title)s: rating, 1 to 5"), t("%(title)s: level")];
    for (var i = 0; i < forms.length; i += 1) {
      var parts = forms[i].split("%(title)s");
      if (parts.length === 2 && label.length > parts[0].length + parts[1].length &&
          label.indexOf(parts[0]) === 0 && label.slice(label.length - parts[1].length) === parts[1]) {
        return label.slice(parts[0].length, label.length - parts[1].length);
      }
    }
    return label;
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function link(sheetId) {
    var node = document.querySelector('#leap-journal-library [data-sheet="' + sheetId + '"] a');
    return node ? node.cloneNode(true) : element("span", sheetId);
  }

  function shown(value) {
    if (value === true) return t("Yes");
    return String(value);
  }

  /* Each worksheet's answers: those to the current questions, and those from an earlier version. */
  function gather(catalog, store) {
    return catalog.sheets.map(function (sheet) {
      var answers = store.answers(sheet.store);
      var names = Object.create(null);  // keyed by stored ids too: "constructor" is no field
      sheet.fields.forEach(function (field) { names[field.name] = field; });
      var current = sheet.fields.filter(function (field) { return answers[field.name] !== undefined; });
      var answered = function (name) { return answers[name] !== undefined; };
      var counted = sheet.fields.filter(function (field) { return field.counts; });
      /* A checklist is done when something is ticked and every line ticked has its answer. */
      var paired = sheet.fields.filter(function (field) { return field.after; });
      var ticked = paired.filter(function (field) { return answered(field.after); });
      var done = (counted.length > 0 || ticked.length > 0) &&
        counted.every(function (field) { return answered(field.name); }) &&
        ticked.every(function (field) { return answered(field.name); });
      var earlier = sheet.store === sheet.id ? Object.keys(answers).filter(function (name) {
        var field = names[name];
        return !field || (field.prompt && answers[name].question && answers[name].question !== field.label);
      }) : [];
      return { sheet: sheet, answers: answers, current: current, earlier: earlier,
               state: done ? "done" : current.length || earlier.length ? "started" : "not started" };
    });
  }

  function progress(rows) {
    var table = element("table");
    var head = table.createTHead().insertRow();
    [t("Worksheet"), t("Part"), t("Progress"), t("Answers")].forEach(function (label) {
      var th = element("th", label);
      th.scope = "col";
      head.appendChild(th);
    });
    var body = table.createTBody();
    rows.forEach(function (row) {
      var tr = body.insertRow();
      var name = element("th");
      name.scope = "row";
      name.appendChild(link(row.sheet.id));
      tr.appendChild(name);
      tr.insertCell().textContent = row.sheet.part;
      var state = tr.insertCell();
      state.appendChild(element("span", stateName(row.state), "leap-state leap-state--" + row.state.replace(" ", "-")));
      tr.insertCell().textContent = String(row.current.length + row.earlier.length);
    });
    return table;
  }

  function answersOf(rows) {
    var holder = document.createDocumentFragment();
    rows.filter(function (row) { return row.current.length || row.earlier.length; }).forEach(function (row) {
      var section = element("section", undefined, "leap-journal-sheet");
      var heading = element("h3");
      heading.appendChild(link(row.sheet.id));
      section.appendChild(heading);
      var list = element("dl");
      row.current.forEach(function (field) {
        list.appendChild(element("dt", field.label));
        list.appendChild(element("dd", shown(row.answers[field.name].value)));
      });
      section.appendChild(list);
      if (row.earlier.length) {
        section.appendChild(element("p", t("From an earlier version of this worksheet (the question has changed or gone):"),
                                    "leap-earlier-note"));
        var old = element("dl", undefined, "leap-earlier");
        row.earlier.forEach(function (name) {
          old.appendChild(element("dt", row.answers[name].question || t("An earlier question")));
          old.appendChild(element("dd", shown(row.answers[name].value)));
        });
        section.appendChild(old);
      }
      holder.appendChild(section);
    });
    return holder;
  }

  /* What the self-assessment holds beyond its ratings: the statements ticked, and the dates saved. */
  function assessmentOf(catalog, store) {
    var holder = document.createDocumentFragment();
    var answers = store.answers("assessment");
    var ticked = catalog.assessment.filter(function (f) { return f.name.indexOf("tick:") === 0 && answers[f.name]; });
    var history = store.record.assessments;
    if (!ticked.length && !history.length) return holder;
    var section = element("section", undefined, "leap-journal-sheet");
    var heading = element("h3");
    heading.appendChild(link("assessment"));
    section.appendChild(heading);
    if (ticked.length) {
      section.appendChild(element("p", t("Statements you ticked:")));
      var list = element("ul");
      ticked.forEach(function (f) { list.appendChild(element("li", f.label)); });
      section.appendChild(list);
    }
    if (history.length) {
      section.appendChild(element("p", t("Results saved to compare: %(days)s. The self-assessment page draws how each rating has moved.",
                                         { days: history.map(function (h) { return dayText(h.date); }).join(t(", ")) })));
    }
    holder.appendChild(section);
    return holder;
  }

  /* Text in the Markdown copy: no Markdown viewer (CommonMark's, or one that passes HTML through)
   * makes an element, a comment, an entity or a link of it, whatever a restored file held, and it
   * still reads as written in a text editor: a backslash and brackets are escaped, and only a < that
   * would open a tag and an & that would make an entity are written as entities. */
  function md(value) {
    return String(value).replace(/[\\[\]]/g, "\\$&").replace(/&(?=#?\w+;)/g, "&amp;")
      .replace(/<(?=[A-Za-z\/!?])/g, "&lt;");
  }

  function markdown(catalog, rows, store, title) {
    var lines = ["# " + t("%(title)s: my journal", { title: md(title) }), "",
                 t("Saved %(day)s.", { day: dayText(window.leapStore.day()) }), ""];
    var history = store.record.assessments;
    var results = store.record.results;
    var ticked = catalog.assessment.filter(function (f) {
      return f.name.indexOf("tick:") === 0 && store.answers("assessment")[f.name];
    });
    if (ticked.length) {
      lines.push("## " + t("Statements I ticked"), "");
      ticked.forEach(function (f) { lines.push("- " + md(f.label)); });
      lines.push("");
    }
    if (results && (results.recommend.length || results.tick.length)) {
      lines.push("## " + t("My latest self-assessment results (%(day)s)", { day: dayText(results.date) }), "");
      if (results.tick.length) lines.push(t("To work on first: %(titles)s.", { titles: results.tick.map(md).join("; ") }), "");
      if (results.recommend.length) {
        lines.push(t("To start with: %(titles)s.", {
          titles: results.recommend.map(function (r) { return md(r.title); }).join("; ")
        }), "");
      }
    }
    if (history.length > 1) {  // one saved result is the ratings below
      lines.push("## " + t("Self-assessment over time"), "", t("Ratings on %(days)s:", {
        days: history.map(function (h) { return dayText(h.date); }).join(t(", "))
      }), "");
      var rated = catalog.assessment.filter(function (f) { return f.name.indexOf("rating:") === 0; });
      rated.forEach(function (field) {
        var id = field.name.slice("rating:".length);
        lines.push("- " + md(ratedTitle(field.label)) + ": " + window.leapI18n.sequence(history.map(function (h) {
          return (h.ratings || {})[id] || "–";
        })));
      });
      lines.push("");
    }
    rows.filter(function (row) { return row.current.length || row.earlier.length; }).forEach(function (row) {
      lines.push("## " + md(row.sheet.title) + " (" + stateName(row.state) + ")", "");
      row.current.forEach(function (field) {
        lines.push("**" + md(field.label) + "**", "", md(shown(row.answers[field.name].value)), "");
      });
      row.earlier.forEach(function (name) {
        lines.push(t("**%(question)s** (from an earlier version)", { question: md(row.answers[name].question || t("An earlier question")) }), "",
                   md(shown(row.answers[name].value)), "");
      });
    });
    return lines.join("\n") + "\n";
  }

  /* With nothing saved here, offer answers this guide saved at another address (the site moved). */
  function offerElsewhere(store, redraw, say) {
    var others = store.elsewhere();
    if (store.hasAnswers() || !others.length) return;
    var box = element("p", nt("This browser holds %(n)s answer to this guide saved at another address (%(site)s), perhaps before the guide moved.",
                              "This browser holds %(n)s answers to this guide saved at another address (%(site)s), perhaps before the guide moved.",
                              others[0].count, { site: others[0].site }) + " ", "leap-message leap-elsewhere");
    var button = element("button", t("Bring them here"), "md-button");
    button.type = "button";
    button.addEventListener("click", function () {
      if (store.restore(others[0].record)) {
        box.remove();
        redraw();
        say(nt("Brought %(n)s answer here.", "Brought %(n)s answers here.", others[0].count));
      }
      else say(store.problem);
    });
    box.appendChild(button);
    document.querySelector(".leap-journal").prepend(box);
  }

  function start() {
    var page = document.querySelector(".leap-journal");
    var source = document.getElementById("leap-journal-data");
    if (!page || !source || !window.leapStore) return;
    var catalog = JSON.parse(source.textContent);
    var store = window.leapStore.get();
    var message = document.getElementById("leap-journal-message");
    var say = function (text) { message.textContent = text; };
    var title = document.title.split(" - ").slice(1).join(" - ") || catalog.guide;
    var rows = [];
    /* The buttons are wired before anything stored is shown, so that whatever the record holds, a
     * file can always be saved and restored. */
    var draw = function () {
      try {
        rows = show(catalog, store);
      } catch (e) {
        say(t("Some of your answers could not be shown here. Save them to a file to keep them, and restore a file you saved earlier if you have one."));
      }
    };

    var input = document.getElementById("leap-import-file");
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      if (file.size > 4 * window.leapStore.LIMITS.file) {  // not even read: no answers file is this large
        input.value = "";
        say(t("This file is not a saved answers file: it is too large (more than %(limit)s characters). Nothing was changed.",
              { limit: window.leapStore.LIMITS.file }));
        return;
      }
      file.text().then(function (text) {
        var checked = store.check(text);
        input.value = "";
        if (checked.problem) { say(checked.problem); return; }
        var left = window.leapStore.leftOut(checked.left);
        if (!window.confirm(nt("Replace the answers in this browser with the %(n)s answer in %(file)s? Answers here that are not in the file will be gone.",
                               "Replace the answers in this browser with the %(n)s answers in %(file)s? Answers here that are not in the file will be gone.",
                               checked.count, { file: file.name }) + (left ? "\n\n" + left : ""))) {
          say(t("Nothing was changed."));
          return;
        }
        if (store.restore(checked.record)) {
          draw();
          say(nt("Restored %(n)s answer from %(file)s.", "Restored %(n)s answers from %(file)s.", checked.count,
                 { file: file.name }) + (left ? " " + left : ""));
        } else {
          say(t("This browser would not keep the answers in %(file)s (its storage is full or switched off). Nothing was changed.",
                { file: file.name }));
        }
      }, function () {
        input.value = "";
        say(t("This file could not be read. Nothing was changed."));
      });
    });

    page.addEventListener("click", function (event) {
      var action = event.target.closest && event.target.closest("[data-leap-action]");
      var name = action && action.getAttribute("data-leap-action");
      var day = window.leapStore.day();
      if (name === "export-json") {
        window.leapStore.download(catalog.guide + "-answers-" + day + ".json", "application/json", store.exportText());
        say(t("Saved your answers to a file. Keep it somewhere safe; restore it here, or in another browser, with \"Restore answers from a file\"."));
      }
      if (name === "export-markdown") {
        window.leapStore.download(catalog.guide + "-journal-" + day + ".md", "text/markdown",
                                  markdown(catalog, rows, store, title));
        say(t("Saved a copy to share, as Markdown: any text editor opens it."));
      }
      if (name === "print") window.print();
      if (name === "import") input.click();
    });

    catalog.sheets.forEach(function (sheet) {
      if (sheet.store !== sheet.id) {  // answers it once kept under its own id join the shared record
        store.adopt(sheet.id, sheet.fields.map(function (f) { return { name: f.legacy, question: f.label }; }));
        store.move(sheet.id, sheet.store, sheet.fields.map(function (f) {
          return { name: f.name, was: f.legacy, question: f.prompt ? f.label : "" };
        }));
      }
      store.adopt(sheet.store, sheet.fields.map(function (f) {
        return { name: f.name, legacy: f.legacy, question: f.prompt ? f.label : "" };
      }));
    });
    draw();
    if (store.notice) say(store.notice);
    if (store.problem) say(store.problem);
    offerElsewhere(store, draw, say);
  }

  /* Every answer, drawn again from the store: the progress table and the answers by worksheet. */
  function show(catalog, store) {
    var page = document.querySelector(".leap-journal");
    var rows = gather(catalog, store);
    var any = store.hasAnswers();
    document.getElementById("leap-journal-empty").hidden = any;
    var table = document.getElementById("leap-journal-progress");
    table.hidden = !any;
    var done = rows.filter(function (r) { return r.state === "done"; }).length;
    var begun = rows.filter(function (r) { return r.state !== "not started"; });
    table.replaceChildren(element("p", nt("You have started %(begun)s of %(n)s worksheet, and answered every question on %(done)s of them.",
                                          "You have started %(begun)s of %(n)s worksheets, and answered every question on %(done)s of them.",
                                          rows.length, { begun: begun.length, done: done })),
                          progress(begun));
    var answers = document.getElementById("leap-journal-answers");
    answers.replaceChildren(assessmentOf(catalog, store), answersOf(rows));
    if (window.leapTables) window.leapTables.fit(page);
    return rows;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
