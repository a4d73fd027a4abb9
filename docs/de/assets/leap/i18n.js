/* leap: the engine's words in the page's language. Part of the engine; the generator publishes it
 * with every site, after assets/leap/messages.js, which the generator writes for each language's
 * site from generator/locale (its catalog, as a global: no fetch, so it works from a file too).
 *
 *   t("Saved in this browser at %(time)s.", { time: ... })
 *   nt("%(n)s answer", "%(n)s answers", count, { ... })   // n is filled in with count
 *   day("2026-03-02")                                       // a date as the page's language writes it
 *   sequence(["2", "3", "4"])                               // values over time, earliest first, arrows
 *                                                           // pointing the way the language reads
 *   rtl()                                                   // whether the page reads right to left
 *
 * A message the catalog does not hold shows as written (English, the messages' own language). A
 * plural message's forms are keyed by the language's plural categories, which Intl.PluralRules
 * gives for a number. */
(function () {
  "use strict";
  var own = Object.prototype.hasOwnProperty;
  var lang = document.documentElement.lang || "en";
  var rules = null;
  try { rules = new Intl.PluralRules(lang); } catch (e) { rules = null; }

  /* Read when a message is asked for, not when this script runs: a project whose mkdocs.yml lists
   * the scripts in another order still gets its catalog. */
  function catalog(part) {
    var found = window.leapMessages && typeof window.leapMessages === "object" ? window.leapMessages[part] : null;
    return found && typeof found === "object" ? found : {};
  }

  function fill(text, params) {
    return String(text).replace(/%\((\w+)\)s|%%/g, function (whole, name) {
      if (!name) return "%";
      return params && own.call(params, name) ? String(params[name]) : whole;
    });
  }

  function t(msgid, params) {
    var messages = catalog("messages");
    return fill(own.call(messages, msgid) ? messages[msgid] : msgid, params);
  }

  function nt(singular, plural, n, params) {
    var plurals = catalog("plurals");
    var forms = own.call(plurals, singular) ? plurals[singular] : null;
    var text = n === 1 ? singular : plural;
    if (forms) {
      var category = rules ? rules.select(n) : "other";
      text = forms[category] || forms.other || text;
    }
    var all = { n: n };
    for (var key in params || {}) if (own.call(params, key)) all[key] = params[key];
    return fill(text, all);
  }

  /* A day (YYYY-MM-DD) as the page's language writes it; an English page keeps the ISO date. */
  function day(iso) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
    if (!parts || /^en\b/.test(lang) || !window.Intl) return String(iso);
    try {
      var date = new Date(Date.UTC(+parts[1], +parts[2] - 1, +parts[3]));
      return new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(date);
    } catch (e) {
      return String(iso);
    }
  }

  /* Values in the order they came, joined by arrows that point the way the page reads: "2 → 3"
   * on an English page; on a right-to-left page the earliest stands at the right, so "3 ← 2". */
  function sequence(values) {
    return values.join(rtl() ? " \u2190 " : " \u2192 ");
  }

  /* Whether the page reads right to left (the theme sets dir="rtl" on the body, not the root). */
  function rtl() {
    var node = document.body || document.documentElement;
    return window.getComputedStyle(node).direction === "rtl";
  }

  window.leapI18n = { t: t, nt: nt, day: day, sequence: sequence, rtl: rtl, lang: lang };
})();
