/* leap: the plan worksheet. "Use my results" fills it from the latest self-assessment (every line stays
 * editable), and its review dates become a calendar file (.ics), made in the browser. Part of the engine. */
(function () {
  "use strict";
  /* The engine's words in the page's language (i18n.js), looked up when they are shown. */
  function t(msgid, params) { return window.leapI18n.t(msgid, params); }
  function nt(singular, plural, n, params) { return window.leapI18n.nt(singular, plural, n, params); }

  function text(node) { return (node && node.textContent || "").replace(/\s+/g, " ").trim(); }

  /* The plan's answers from the self-assessment's results: period n takes recommendation n. Fields the
   * reader has filled in are kept unless `overwrite`. Returns how many fields were filled. */
  function fill(store, sheetId, periods, results, overwrite) {
    var answers = store.answers(sheetId);
    var filled = 0;
    var put = function (name, value, question) {
      if (!value || (answers[name] && !overwrite)) return;
      store.set(sheetId, name, value, question);
      filled += 1;
    };
    var start = answers.start && window.leapStore.isDay(answers.start.value) ? answers.start.value : window.leapStore.day();
    put("start", start, t("I start on"));
    var day = new Date(start + "T12:00:00");
    var questions = periods.map(function (period) { return period.focus; });
    /* Each stretch takes one recommendation: what to do, by the stretch's last day, and how to tell
     * it worked; by level, with nothing recommended, one item below the level aimed for, with what
     * that level asks of it. Its focus question stays the reader's to answer. */
    if (results.aim && (results.gaps || []).length) put("goal", results.aim, t("Goal"));
    steps(results).slice(0, periods.length).forEach(function (item, index) {
      var period = periods[index];
      var n = index + 1;
      day.setDate(day.getDate() + period.days);
      var due = window.leapStore.day(workday(day));
      var listed = item.against && item.against.length ? item.against : [];
      var quoted = listed.map(function (title) { return t("\u201c%(name)s\u201d", { name: title }); });
      var words = { title: item.title, day: due, action: item.action || "", against: listed.join("; "),
                    names: quoted.slice(0, -1).join(t(", ")), last: quoted[quoted.length - 1] };
      words.quoted = quoted.length > 1 ? t("%(names)s and %(last)s", words) : quoted.join("");
      put("p" + n + "-focus", listed.length ? t("%(title)s, against %(quoted)s.", words) : t("%(title)s.", words),
          questions[index]);
      put("p" + n + "-actions", listed.length ? t("%(title)s, by %(day)s: %(action)s It works against: %(against)s.", words)
          : t("%(title)s, by %(day)s: %(action)s", words), t("%(period)s: actions", { period: period.title }));
      put("p" + n + "-measure", item.sign || "", t("%(period)s: how I will know it worked", { period: period.title }));
      put("p" + n + "-review", due, t("%(period)s: review date", { period: period.title }));
    });
    return filled;
  }

  /* A day that falls on a weekend moves to the Monday after. */
  function workday(date) {
    var moved = new Date(date.getTime());
    var weekday = moved.getDay();
    if (weekday === 6 || weekday === 0) moved.setDate(moved.getDate() + (weekday === 6 ? 2 : 1));
    return moved;
  }

  function steps(results) {
    if ((results.recommend || []).length) return results.recommend;
    return (results.gaps || []).map(function (gap) {
      return { title: gap.title, action: gap.level + (gap.step ? " (" + gap.step + ")" : "") +
               (gap.asks ? ": " + gap.asks : ""), sign: "" };
    });
  }

  /* RFC 5545, section 3.3.11: a TEXT value escapes backslash, semicolon and comma, and writes a
   * line break (CRLF, LF or a lone CR) as \n. Other control characters are not allowed in TEXT. */
  function icsText(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n").replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "");
  }

  /* A content line folded after at most 75 octets of UTF-8, each continuation starting with a
   * space (RFC 5545, section 3.1), never inside a character. */
  function fold(line) {
    var out = [], current = "", octets = 0;
    for (var i = 0; i < line.length; i++) {
      var code = line.codePointAt(i), char = String.fromCodePoint(code);
      if (code > 0xffff) i++;
      var size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      if (octets + size > 75) {
        out.push(current);
        current = " ";
        octets = 1;
      }
      current += char;
      octets += size;
    }
    out.push(current);
    return out.join("\r\n");
  }

  /* FNV-1a, 32 bits, as 8 hex digits: a short, stable name for a longer text. */
  function hash(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return ("0000000" + h.toString(16)).slice(-8);
  }

  /* One all-day event per review date, with a reminder at 09:00 the day before. Each review has
   * the same UID in every file (made from the site, the guide, the plan and the stretch, never the
   * date), so a file downloaded again updates the events it added instead of adding them twice.
   * Only real dates are written: a stored date is checked before it reaches DTSTART or DTEND.
   * `key`: what names this plan (its site and guide). */
  function calendar(title, events, key) {
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//leap//plan//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    events.filter(function (event) { return window.leapStore.isDay(event.date); }).forEach(function (event) {
      var date = event.date.replace(/-/g, "");
      var next = new Date(event.date + "T12:00:00");
      next.setDate(next.getDate() + 1);
      var end = window.leapStore.day(next).replace(/-/g, "");
      var uid = "review-" + hash(String(key || "")) + "-" + String(event.id || hash(event.summary))
        .replace(/[^A-Za-z0-9_.-]/g, "").slice(0, 200) + "@leap";
      lines.push("BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:" + stamp, "SEQUENCE:" + Math.floor((Date.now() - Date.UTC(2020, 0, 1)) / 60000),
                 "DTSTART;VALUE=DATE:" + date, "DTEND;VALUE=DATE:" + end,
                 "SUMMARY:" + icsText(event.summary), "DESCRIPTION:" + icsText(event.description), "TRANSP:TRANSPARENT",
                 "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15H", "DESCRIPTION:" + icsText(event.summary), "END:VALARM",
                 "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  function periodsOf(sheet) {
    return Array.prototype.map.call(sheet.querySelectorAll("[data-period]"), function (block) {
      var focus = block.querySelector("textarea[name$='-focus']");
      var label = focus && sheet.querySelector('label[for="' + focus.id + '"]');
      return { title: text(block.querySelector("h2")).replace(/\u00b6/g, ""), days: Number(block.getAttribute("data-days")),
               focus: text(label) };
    });
  }

  /* What "Use these results in my plan" filled in on the self-assessment's page, said when the plan
   * opens, with the lines still blank (only the reader can write them) named and the first one
   * ready to type in. The address loses the mark, so a reload says nothing more. */
  function landed(sheet, store, storeId, say) {
    var match = /[?&]leap-filled=([0-9]{1,4})(&|$)/.exec(window.location.search);
    var results = store.record.results;
    if (!match || !results) return;
    window.history.replaceState(null, "", window.location.pathname + window.location.hash);
    var blank = window.leapWorksheets.fields(sheet).filter(function (field) { return !field.value && field.type !== "radio"; });
    var names = blank.map(function (field) {
      var label = sheet.querySelector('label[for="' + field.id + '"]');
      return t("\u201c%(name)s\u201d", { name: text(label) });
    });
    var filled = Number(match[1]);
    var words = { day: window.leapI18n.day(results.date), names: names.join(t(", ")) };
    say((filled ? nt("Filled in %(n)s line from your self-assessment of %(day)s. Change anything you like.",
                     "Filled in %(n)s lines from your self-assessment of %(day)s. Change anything you like.", filled, words)
      : t("Nothing was replaced: every line already has your own words. \u201cUse my self-assessment results\u201d replaces them.")) +
      (names.length ? " " + t("Yours to write: %(names)s.", words) : ""));
    if (blank.length) blank[0].focus();
  }

  function setup(sheet, store, storeId) {
    if (!sheet.classList.contains("leap-plan")) return;
    var note = sheet.querySelector(".leap-plan-note");
    var say = function (message) { if (note) note.textContent = message; };
    landed(sheet, store, storeId, say);
    sheet.addEventListener("click", function (event) {
      var action = event.target.closest && event.target.closest("[data-leap-action]");
      var name = action && action.getAttribute("data-leap-action");
      if (name === "use-results") {
        var results = store.record.results;
        if (!results || !steps(results).length) {
          say(t("Take the self-assessment first: your results fill in this plan."));
          return;
        }
        var any = window.leapWorksheets.fields(sheet).some(function (f) { return f.value && f.type !== "radio"; });
        var overwrite = any && window.confirm(t("Replace what you have written in this plan with your latest results?"));
        var filled = fill(store, storeId, periodsOf(sheet), results, overwrite);
        window.leapWorksheets.show(sheet, store.answers(storeId));
        say(filled ? t("Filled in from your self-assessment of %(day)s. Change anything you like.",
                       { day: window.leapI18n.day(results.date) })
          : t("Nothing to fill in: every line already has your own words."));
      }
      if (name === "calendar") {
        var answers = store.answers(storeId);
        var title = text(document.querySelector("h1")).replace(/\u00b6/g, "");
        var given = 0;
        var events = periodsOf(sheet).map(function (period, index) {
          var review = answers["p" + (index + 1) + "-review"];
          var focus = answers["p" + (index + 1) + "-focus"];
          if (review && review.value) given += 1;
          return review && window.leapStore.isDay(review.value) ? { date: review.value, id: storeId + "-p" + (index + 1),
            summary: t("Review: %(period)s (%(title)s)", { period: period.title, title: title }),
            description: focus && typeof focus.value === "string" ? focus.value : period.focus } : null;
        }).filter(Boolean);
        if (!events.length) {
          say(given ? t("The review dates are not dates this calendar can hold: choose them again.")
            : t("Fill in the review dates first (or use your results, which sets them)."));
          return;
        }
        window.leapStore.download("plan-review-dates.ics", "text/calendar",
                                  calendar(title, events, store.site + "|" + store.guide));
        say(nt("Saved plan-review-dates.ics: open it to add %(n)s review date to your calendar, with a reminder the day before. Saved again after a change, it updates it.",
               "Saved plan-review-dates.ics: open it to add %(n)s review dates to your calendar, each with a reminder the day before. Saved again after a change, it updates them.",
               events.length));
      }
    });
  }

  window.leapPlan = { fill: fill, calendar: calendar };
  if (window.leapWorksheets) window.leapWorksheets.ready.push(setup);
})();
