/* leap: where a reader's answers live. Part of the engine; the generator publishes it with every site.
 *
 * One record per guide, in this browser's localStorage, under a key made of the site's address and
 * the guide's id, so two guides on one host never share or overwrite answers. Nothing is ever sent
 * anywhere. The record is versioned:
 *
 *   { format: "leap-answers", version: 2, guide, site, sheets: { <sheet>: { <field>: answer } },
 *     assessments: [ { date, ratings, ticked, target, track } ], results, visited, adopted }
 *
 * where an answer is { value, question, at }: the question's words are kept with the answer, so an
 * answer whose question has changed or gone is shown "from an earlier version", never attached to
 * another question and never dropped. Fields are keyed by stable ids, never by position.
 * Answers saved by the first release (one key per worksheet, keyed by position) are adopted once per
 * worksheet, and left where they were.
 *
 * A record is data, whoever wrote it: a restored file, or localStorage (which any page of the same
 * origin can write). Each is checked entry by entry against the published format
 * (assets/leap/answers.schema.json, whose limits are LIMITS here) before any page uses it: what
 * breaks a rule is left out and named, and a file that is not an answers file at all is refused and
 * changes nothing. Maps are made without a prototype, so no id ("constructor", "__proto__") can
 * reach Object's own properties. */
(function () {
  "use strict";
  /* The engine's words in the page's language (i18n.js), looked up when they are shown. */
  function t(msgid, params) { return window.leapI18n.t(msgid, params); }
  function nt(singular, plural, n, params) { return window.leapI18n.nt(singular, plural, n, params); }
  var FORMAT = "leap-answers";
  var VERSION = 2;
  var OLD_SHEET = "leap:worksheet:";
  var OLD_ASSESSMENT = "leap:assessment";
  /* The same limits as answers.schema.json (a test keeps the two together). */
  var LIMITS = {
    file: 5000000,  // characters in a file
    depth: 10,  // arrays and objects inside each other
    value: 1000000,  // characters in an answer
    words: 20000,  // characters in a question, a title, an action
    id: 200,  // characters in an id
    site: 2000,  // characters in the site's address, and in a page's path
    sheets: 1000,
    fields: 5000,  // answers on one worksheet
    assessments: 1000,
    ratings: 1000,  // ratings in one saved result, and statements ticked
    results: 100,  // titles in the latest results, and recommendations
    adopted: 5000
  };
  var ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
  var ADOPTED = /^[A-Za-z0-9][A-Za-z0-9_.:-]*( > [A-Za-z0-9][A-Za-z0-9_.:-]*)?$/;
  var DAY = /^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;
  var STAMP = /^([1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?Z)?$/;
  var PATH = /^(?!\/)(?!.*\/\/)([A-Za-z0-9._~!$&'()*+,;=@\/-]|%[0-9A-Fa-f]{2})+$/;
  var TOP = ["format", "version", "guide", "site", "exported", "sheets", "assessments", "results", "visited", "adopted"];

  function map() { return Object.create(null); }

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isId(value) { return typeof value === "string" && value.length <= LIMITS.id && ID.test(value); }

  /* A real calendar day, YYYY-MM-DD (not 2026-02-30). */
  function isDay(value) {
    if (typeof value !== "string" || !DAY.test(value)) return false;
    var parts = value.split("-").map(Number);
    var date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    return date.getUTCMonth() === parts[1] - 1 && date.getUTCDate() === parts[2];
  }

  function isText(value, limit) { return typeof value === "string" && value.length <= limit; }

  /* An id or key as a message shows it: as it is when it is an id, else quoted and cut short. */
  function named(key) {
    var text = String(key);
    if (isId(text) && text.length <= 60) return text;
    text = text.length > 40 ? text.slice(0, 40) + "\u2026" : text;
    return JSON.stringify(text);
  }

  /* Whether JSON text nests arrays and objects deeper than the limit (read before parsing it). */
  function tooDeep(text, limit) {
    var depth = 0, quoted = false;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (quoted) {
        if (c === 92) i++;
        else if (c === 34) quoted = false;
      } else if (c === 34) quoted = true;
      else if (c === 91 || c === 123) { if (++depth > limit) return true; }
      else if (c === 93 || c === 125) depth--;
    }
    return false;
  }

  /* Checks a record entry by entry; `left` collects what was left out, as "where (why)". */
  function Cleaner() { this.left = []; }

  Cleaner.prototype.drop = function (where, why) { this.left.push(where.join(" \u203a ") + " (" + why + ")"); };

  /* The own keys of a map, at most `limit` of them; the rest are named as left out. */
  Cleaner.prototype.keys = function (object, where, limit) {
    var keys = Object.keys(object);
    if (keys.length > limit) {
      this.drop(where, t("more than %(limit)s entries: the rest", { limit: limit }));
      keys = keys.slice(0, limit);
    }
    return keys;
  };

  Cleaner.prototype.list = function (value, where, limit) {
    if (!Array.isArray(value)) {
      if (value !== undefined && value !== null) this.drop(where, t("not a list"));
      return [];
    }
    if (value.length > limit) this.drop(where, t("more than %(limit)s entries: the rest", { limit: limit }));
    return value.slice(0, limit);
  };

  Cleaner.prototype.unknown = function (object, known, where) {
    var self = this;
    Object.keys(object).forEach(function (key) {
      if (known.indexOf(key) < 0) self.drop(where.concat(named(key)), t("not part of an answers file"));
    });
  };

  Cleaner.prototype.text = function (value, where, limit, fallback) {
    if (value === undefined || value === null) return fallback;
    if (typeof value !== "string") { this.drop(where, t("not text")); return fallback; }
    if (value.length > limit) { this.drop(where, t("longer than %(limit)s characters", { limit: limit })); return fallback; }
    return value;
  };

  Cleaner.prototype.stamp = function (value, where) {
    if (value === undefined || value === null || value === "") return "";
    if (typeof value === "string" && STAMP.test(value)) return value;
    this.drop(where, t("not a time"));
    return "";
  };

  Cleaner.prototype.rating = function (value) {
    return typeof value === "number" && Math.floor(value) === value && value >= 1 && value <= 99;
  };

  Cleaner.prototype.answer = function (value, where) {
    if (!isObject(value)) { this.drop(where, t("not an answer")); return null; }
    this.unknown(value, ["value", "question", "at"], where);
    var given = value.value;
    if (given === "" || given === false || given === undefined || given === null) return null;  // no answer
    if (given !== true && typeof given !== "string") { this.drop(where, t("its value is not text or a tick")); return null; }
    if (typeof given === "string" && given.length > LIMITS.value) {
      this.drop(where, t("longer than %(limit)s characters", { limit: LIMITS.value }));
      return null;
    }
    return { value: given, question: this.text(value.question, where.concat("question"), LIMITS.words, ""),
             at: this.stamp(value.at, where.concat("at")) };
  };

  Cleaner.prototype.sheets = function (value, where) {
    var self = this, sheets = map();
    if (!isObject(value)) { if (value !== undefined) this.drop(where, t("not a set of worksheets")); return sheets; }
    this.keys(value, where, LIMITS.sheets).forEach(function (sheet) {
      var here = where.concat(named(sheet));
      if (!isId(sheet)) { self.drop(here, t("not a worksheet's id")); return; }
      var fields = value[sheet];
      if (!isObject(fields)) { self.drop(here, t("not a set of answers")); return; }
      var answers = map();
      self.keys(fields, here, LIMITS.fields).forEach(function (field) {
        var at = here.concat(named(field));
        if (!isId(field)) { self.drop(at, t("not a field's id")); return; }
        var answer = self.answer(fields[field], at);
        if (answer) answers[field] = answer;
      });
      if (Object.keys(answers).length) sheets[sheet] = answers;
    });
    return sheets;
  };

  Cleaner.prototype.assessment = function (value, where) {
    var self = this;
    if (!isObject(value)) { this.drop(where, t("not a saved result")); return null; }
    if (!isDay(value.date)) { this.drop(where, t("no date, or not a real one")); return null; }
    this.unknown(value, ["date", "ratings", "ticked", "target", "track"], where);
    var ratings = map();
    if (isObject(value.ratings)) {
      this.keys(value.ratings, where.concat("ratings"), LIMITS.ratings).forEach(function (id) {
        var rating = value.ratings[id];
        if (isId(id) && self.rating(rating)) ratings[id] = rating;
        else self.drop(where.concat("ratings", named(id)), "not a rating of 1 to 99");
      });
    } else if (value.ratings !== undefined) this.drop(where.concat("ratings"), "not a set of ratings");
    var ticked = [];
    this.list(value.ticked, where.concat("ticked"), LIMITS.ratings).forEach(function (id, index) {
      if (isId(id) && ticked.indexOf(id) < 0) ticked.push(id);
      else self.drop(where.concat("ticked", String(index + 1)), "not an id");
    });
    var target = null;
    if (this.rating(value.target)) target = value.target;
    else if (value.target !== undefined && value.target !== null) this.drop(where.concat("target"), "not a rating");
    var track = null;
    if (isId(value.track)) track = value.track;
    else if (value.track !== undefined && value.track !== null) this.drop(where.concat("track"), "not a track's id");
    return { date: value.date, ratings: ratings, ticked: ticked, target: target, track: track };
  };

  Cleaner.prototype.words = function (value, where) {
    var self = this, out = [];
    this.list(value, where, LIMITS.results).forEach(function (text, index) {
      if (isText(text, LIMITS.words)) out.push(text);
      else self.drop(where.concat(String(index + 1)), t("not text, or too long"));
    });
    return out;
  };

  Cleaner.prototype.results = function (value, where) {
    var self = this;
    if (value === null || value === undefined) return null;
    if (!isObject(value) || !isDay(value.date)) { this.drop(where, t("not results with a real date")); return null; }
    this.unknown(value, ["date", "aim", "gaps", "tick", "recommend"], where);
    var recommend = [];
    this.list(value.recommend, where.concat("recommend"), LIMITS.results).forEach(function (item, index) {
      var here = where.concat("recommend", String(index + 1));
      if (!isObject(item) || !isId(item.id) || !isText(item.title, LIMITS.words) || !item.title) {
        self.drop(here, t("not a recommendation with an id and a title"));
        return;
      }
      self.unknown(item, ["id", "title", "action", "sign", "against"], here);
      recommend.push({ id: item.id, title: item.title, action: self.text(item.action, here.concat("action"), LIMITS.words, ""),
                       sign: self.text(item.sign, here.concat("sign"), LIMITS.words, ""),
                       against: self.words(item.against, here.concat("against")) });
    });
    var gaps = [];
    this.list(value.gaps, where.concat("gaps"), LIMITS.results).forEach(function (item, index) {
      var here = where.concat("gaps", String(index + 1));
      if (!isObject(item) || !isId(item.id) || !isText(item.title, LIMITS.words) || !item.title) {
        self.drop(here, t("not an area with an id and a title"));
        return;
      }
      self.unknown(item, ["id", "title", "chose", "level", "step", "asks"], here);
      var words = function (name) { return self.text(item[name], here.concat(name), LIMITS.words, ""); };
      gaps.push({ id: item.id, title: item.title, chose: words("chose"), level: words("level"), step: words("step"),
                  asks: words("asks") });
    });
    return { date: value.date, aim: this.text(value.aim, where.concat("aim"), LIMITS.words, ""), gaps: gaps,
             tick: this.words(value.tick, where.concat("tick")), recommend: recommend };
  };

  Cleaner.prototype.visited = function (value, where) {
    if (value === null || value === undefined) return null;
    if (!isObject(value) || !isPath(value.path)) { this.drop(where, t("not a page of this site")); return null; }
    this.unknown(value, ["path", "title", "at"], where);
    return { path: value.path, title: this.text(value.title, where.concat("title"), LIMITS.words, ""),
             at: this.stamp(value.at, where.concat("at")) };
  };

  Cleaner.prototype.adopted = function (value, where) {
    var self = this, adopted = map();
    if (!isObject(value)) { if (value !== undefined) this.drop(where, t("not a set of marks")); return adopted; }
    this.keys(value, where, LIMITS.adopted).forEach(function (key) {
      if (value[key] === true && key.length <= 2 * LIMITS.id + 5 && ADOPTED.test(key)) adopted[key] = true;
      else self.drop(where.concat(named(key)), t("not a worksheet's mark"));
    });
    return adopted;
  };

  /* A page's path relative to the site's root: no scheme, host, leading slash or backslash. */
  function isPath(value) { return typeof value === "string" && value.length <= LIMITS.site && PATH.test(value); }

  /* The record `raw` holds, made only of what the format allows: {record, left}. `raw` has been
   * checked for its format, version and guide already. */
  function clean(raw, guide, site) {
    var cleaner = new Cleaner(), record = empty(guide, site);
    cleaner.unknown(raw, TOP, []);
    cleaner.text(raw.site, ["site"], LIMITS.site, "");  // neither is kept: the record is this site's now
    cleaner.stamp(raw.exported, ["exported"]);
    record.sheets = cleaner.sheets(raw.sheets, ["sheets"]);
    cleaner.list(raw.assessments, ["assessments"], LIMITS.assessments).forEach(function (entry, index) {
      var kept = cleaner.assessment(entry, ["assessments", String(index + 1)]);
      if (kept) record.assessments.push(kept);
    });
    record.results = cleaner.results(raw.results, ["results"]);
    record.visited = cleaner.visited(raw.visited, ["visited"]);
    record.adopted = cleaner.adopted(raw.adopted, ["adopted"]);
    return { record: record, left: cleaner.left };
  }

  /* What was left out, in a sentence for the reader: the first few, and how many more. */
  function leftOut(left) {
    if (!left.length) return "";
    var shown = left.slice(0, 5).join("; ");
    return left.length > 5
      ? nt("Left out %(n)s entry that an answers file cannot hold: %(shown)s; and %(more)s more.",
           "Left out %(n)s entries that an answers file cannot hold: %(shown)s; and %(more)s more.", left.length,
           { shown: shown, more: left.length - 5 })
      : nt("Left out %(n)s entry that an answers file cannot hold: %(shown)s.",
           "Left out %(n)s entries that an answers file cannot hold: %(shown)s.", left.length, { shown: shown });
  }

  /* A record's text, parsed: {value} or {problem} (why it cannot be read). */
  function parse(text, limit) {
    if (typeof text !== "string") return { problem: "unreadable" };
    if (limit && text.length > limit) return { problem: "large", limit: limit };
    text = text.replace(/^\ufeff/, "");
    if (tooDeep(text, LIMITS.depth)) return { problem: "deep", limit: LIMITS.depth };
    try { return { value: JSON.parse(text) }; } catch (e) { return { problem: "unreadable" }; }
  }

  function countAnswers(record) {
    return Object.keys(record.sheets).reduce(function (total, sheet) {
      return total + Object.keys(record.sheets[sheet]).length;
    }, 0);
  }

  /* The guide's address: the site's root or, for a guide in several languages, the source
   * language's (the language selector's first link), so that every language keeps one record. */
  function siteRoot() {
    var config = document.getElementById("__config");
    var source = document.querySelector("a.md-select__link[hreflang]");
    try {
      var base = source ? source.getAttribute("href").replace(/index\.html$/, "") : JSON.parse(config.textContent).base;
      var url = new URL(base.replace(/\/?$/, "/"), window.location.href);
      return url.origin === "null" ? url.href : url.origin + url.pathname;
    } catch (e) {
      return window.location.origin + "/";
    }
  }

  /* The guide's id: every page the engine writes names it. A page written by hand does not: it
   * takes the one guide this browser holds answers for at this address, if there is only one. */
  function guideKey(site) {
    var holder = document.querySelector("[data-guide]");
    if (holder) return holder.getAttribute("data-guide");
    var found = [], prefix = "leap:v2:" + site + "|";
    try {
      for (var i = 0; i < window.localStorage.length; i++) {
        var key = window.localStorage.key(i);
        if (key && key.indexOf(prefix) === 0 && isId(key.slice(prefix.length))) found.push(key.slice(prefix.length));
      }
    } catch (e) { /* storage unreadable: no guide */ }
    return found.length === 1 ? found[0] : "guide";
  }

  function empty(guide, site) {
    return { format: FORMAT, version: VERSION, guide: guide, site: site, sheets: map(), assessments: [],
             results: null, visited: null, adopted: map() };
  }

  function Store() {
    this.site = siteRoot();
    this.guide = guideKey(this.site);
    this.key = "leap:v2:" + this.site + "|" + this.guide;
    this.available = true;
    this.problem = "";
    this.refused = "";  // why set() did not keep the last answer, when it was too long
    this.notice = "";  // what was left out of the record this browser held, for My journal to say
    this.record = this.read();
  }

  /* A stored record, checked as a file is: `{record, left}`, or `{problem}` when it is no answers
   * record of this guide at all. */
  Store.prototype.take = function (text, limit) {
    var parsed = parse(text, limit);
    if (parsed.problem) return parsed;
    var raw = parsed.value;
    if (!isObject(raw) || raw.format !== FORMAT || !isObject(raw.sheets)) return { problem: "not-file" };
    if (raw.version !== VERSION) return { problem: "format", version: raw.version };
    if (raw.guide !== this.guide) return { problem: "guide", guide: raw.guide };
    return clean(raw, this.guide, this.site);
  };

  Store.prototype.read = function () {
    var text = null;
    try {
      text = window.localStorage.getItem(this.key);
    } catch (e) {
      this.available = false;
    }
    if (!text) return empty(this.guide, this.site);
    var taken = this.take(text, 0);
    if (taken.problem) {
      this.notice = {
        large: t("The answers this browser held for this guide could not be read (the record is too large: more than %(limit)s characters).", taken),
        deep: t("The answers this browser held for this guide could not be read (the record is nested too deeply: more than %(limit)s levels).", taken),
        "not-file": t("The answers this browser held for this guide could not be read (the record is not an answers file)."),
        format: t("The answers this browser held for this guide could not be read (the record is in another format)."),
        guide: t("The answers this browser held for this guide could not be read (the record holds another guide's answers).")
      }[taken.problem] || t("The answers this browser held for this guide could not be read.");
      return empty(this.guide, this.site);
    }
    if (taken.left.length) {
      this.notice = t("Some of what this browser held for this guide could not be read.") + " " + leftOut(taken.left);
    }
    return taken.record;
  };

  Store.prototype.write = function () {
    try {
      window.localStorage.setItem(this.key, JSON.stringify(this.record));
      this.problem = "";
      return true;
    } catch (e) {
      this.problem = t("This browser would not save your answers (storage is full or switched off). Save them to a file from My journal so that nothing is lost.");
      return false;
    }
  };

  /* What the first release kept for a sheet, as {name: value}: only ids, text and ticks. */
  function legacy(sheet) {
    var old = map(), saved;
    try {
      saved = JSON.parse(window.localStorage.getItem(sheet === "assessment" ? OLD_ASSESSMENT : OLD_SHEET + sheet) || "{}");
    } catch (e) { return old; }
    if (!isObject(saved)) return old;
    if (sheet === "assessment") {
      if (isObject(saved.ratings)) {
        Object.keys(saved.ratings).slice(0, LIMITS.ratings).forEach(function (id) {
          var rating = saved.ratings[id];
          if (isId(id) && (typeof rating === "number" || (typeof rating === "string" && /^[0-9]{1,2}$/.test(rating)))) {
            old["rating:" + id] = String(rating);
          }
        });
      }
      if (Array.isArray(saved.ticked)) {
        saved.ticked.slice(0, LIMITS.ratings).forEach(function (id) { if (isId(id)) old["tick:" + id] = true; });
      }
      return old;
    }
    Object.keys(saved).slice(0, LIMITS.fields).forEach(function (name) {
      var value = saved[name];
      if (isId(name) && (value === true || (typeof value === "string" && value && value.length <= LIMITS.value))) {
        old[name] = value;
      }
    });
    return old;
  }

  /* The first release kept one key per worksheet ({name: value}, prompts by position: prompt-1) and
   * one for the self-assessment, shared by every guide on the host. Each sheet adopts its own once,
   * the first time a page that knows its fields opens: an old name moves to the field that now holds
   * that place (`legacy`), with the field's question; an old name no field claims stays, shown as
   * from an earlier version. The old keys are never deleted. `fields`: [{name, legacy, question}]. */
  Store.prototype.adopt = function (sheet, fields) {
    var record = this.record;
    if (record.adopted[sheet]) return;
    record.adopted[sheet] = true;
    var old = legacy(sheet);
    var answers = record.sheets[sheet] || map();
    var byLegacy = map();
    fields.forEach(function (field) { byLegacy[field.legacy || field.name] = field; });
    Object.keys(old).forEach(function (name) {
      var field = byLegacy[name];
      var target = field ? field.name : name;
      if (!answers[target]) answers[target] = { value: old[name], question: field ? field.question || "" : "", at: "" };
    });
    if (Object.keys(answers).length) record.sheets[sheet] = answers;
    this.write();
  };

  Store.prototype.answers = function (sheet) {
    return this.record.sheets[sheet] || map();
  };

  Store.prototype.set = function (sheet, name, value, question) {
    var answers = this.record.sheets[sheet] || (this.record.sheets[sheet] = map());
    this.refused = "";
    if (value === "" || value === false || value === null || value === undefined) delete answers[name];
    else if (typeof value === "string" && value.length > LIMITS.value) {
      this.refused = t("This answer is longer than %(limit)s characters, more than the guide keeps: the last change was not saved. Shorten it, or keep it in a document of your own.",
                       { limit: LIMITS.value });
      return false;
    } else answers[name] = { value: value, question: question || "", at: new Date().toISOString() };
    return this.write();
  };

  /* Clear a sheet's answers: all of them, or only those named (a worksheet that shares its answers
   * with another page clears its own fields, never the other page's). */
  Store.prototype.clear = function (sheet, names) {
    var answers = this.record.sheets[sheet];
    if (names && answers) names.forEach(function (name) { delete answers[name]; });
    else delete this.record.sheets[sheet];
    return this.write();
  };

  /* A worksheet whose answers have come to live in a shared record (a checklist of the statements
   * the self-assessment ticks keeps its ticks there): what it saved under its own id moves over
   * once, each answer to the field that now holds it (`was`: the field's earlier name), unless that
   * field has an answer already: then, like an answer no field claims, it stays where it was (and
   * its worksheet shows it as from an earlier version). */
  Store.prototype.move = function (from, to, fields) {
    var record = this.record, mark = from + " > " + to;
    if (record.adopted[mark]) return;
    record.adopted[mark] = true;
    var old = record.sheets[from] || map(), answers = record.sheets[to] || map();
    fields.forEach(function (field) {
      var earlier = field.was && old[field.was];
      if (!earlier || answers[field.name]) return;
      answers[field.name] = { value: earlier.value, question: field.question || earlier.question, at: earlier.at };
      delete old[field.was];
    });
    if (Object.keys(answers).length) record.sheets[to] = answers;
    if (record.sheets[from] && !Object.keys(old).length) delete record.sheets[from];
    this.write();
  };

  /* The page the reader was last on (not the home page or the journal), for "pick up where you left off". */
  Store.prototype.visit = function (title) {
    var href = window.location.href.split("#")[0].split("?")[0];
    if (href.indexOf(this.site) !== 0) return;
    var path = href.slice(this.site.length);
    if (!isPath(path) || path === "index.html" || /^(journal\/?(index\.html)?|404\.html)$/.test(path)) return;
    this.record.visited = { path: path, title: String(title).slice(0, LIMITS.words), at: new Date().toISOString() };
    this.write();
  };

  /* The address of a page of this site from a path kept in the record, or null: a path that is
   * not a plain relative path, or that resolves anywhere but under the site's root (another
   * origin, another scheme, a folder above), gives no link. */
  Store.prototype.pageUrl = function (path) {
    if (!isPath(path)) return null;
    try {
      var root = new URL(this.site), url = new URL(path, root);
      if (!/^(https?|file):$/.test(root.protocol) || url.protocol !== root.protocol || url.host !== root.host ||
          url.username || url.password || url.href.indexOf(root.href) !== 0) return null;
      return url.href;
    } catch (e) {
      return null;
    }
  };

  Store.prototype.hasAnswers = function () {
    return countAnswers(this.record) > 0 || this.record.assessments.length > 0;
  };

  /* Answers this guide saved at another address of this host (the site moved, or the offline copy
   * was opened from another folder): [{key, site, count, record}], each record checked as a file
   * is. They are never taken without asking. */
  Store.prototype.elsewhere = function () {
    var found = [], self = this;
    try {
      for (var i = 0; i < window.localStorage.length; i++) {
        var key = window.localStorage.key(i);
        if (!key || key === this.key || key.indexOf("leap:v2:") !== 0 || !key.endsWith("|" + this.guide)) continue;
        var taken = self.take(window.localStorage.getItem(key), 0);
        if (taken.problem) continue;
        var count = countAnswers(taken.record);
        var site = key.slice("leap:v2:".length, -("|" + this.guide).length);
        if (count) found.push({ key: key, site: site, count: count, record: taken.record });
      }
    } catch (e) { /* storage unreadable: nothing to offer */ }
    return found;
  };

  /* The whole record as a file to keep: it restores with restore(). */
  Store.prototype.exportText = function () {
    var copy = JSON.parse(JSON.stringify(this.record));
    copy.exported = new Date().toISOString();
    return JSON.stringify(copy, null, 1);
  };

  /* What a file would restore, or why it cannot: {record, count, left} or {problem}. Nothing
   * changes here. */
  Store.prototype.check = function (text) {
    var taken = this.take(text, LIMITS.file);
    if (!taken.problem) return { record: taken.record, count: countAnswers(taken.record), left: taken.left };
    var version = taken.version;
    if (taken.problem === "format" && typeof version === "number" && Math.floor(version) === version && version > 0) {
      var formats = { version: version, reads: VERSION };
      return { problem: version > VERSION
        ? t("This file was saved by a newer version of the guide (format %(version)s; this one reads format %(reads)s). Nothing was changed.", formats)
        : t("This file was saved by an older version of the guide (format %(version)s; this one reads format %(reads)s). Nothing was changed.", formats) };
    }
    var words = {
      limit: taken.limit, reads: VERSION, version: named(JSON.stringify(version) || t("nothing")),
      guide: typeof taken.guide === "string" ? named(taken.guide) : t("no guide's id")
    };
    return { problem: {
      "not-file": t("This file is not a saved answers file from this guide. Nothing was changed."),
      format: t("This file names no format this guide reads (it says %(version)s; this one reads format %(reads)s). Nothing was changed.", words),
      guide: t("This file holds answers for another guide (%(guide)s), not this one. Nothing was changed.", words),
      large: t("This file is not a saved answers file: it is too large (more than %(limit)s characters). Nothing was changed.", words),
      deep: t("This file is not a saved answers file: it is nested too deeply (more than %(limit)s levels). Nothing was changed.", words)
    }[taken.problem] || t("This file is not a saved answers file: it could not be read. Nothing was changed.") };
  };

  /* Replace the record with a checked one (from check() or elsewhere()): checked again here, so
   * that nothing unchecked is ever stored. */
  Store.prototype.restore = function (record) {
    var restored = clean(record, this.guide, this.site).record;
    var previous = this.record;
    this.record = restored;
    if (!this.write()) { this.record = previous; return false; }
    this.notice = "";
    return true;
  };

  /* A date as YYYY-MM-DD in the reader's own time zone (toISOString would give UTC's day). */
  function day(date) {
    var d = date || new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  /* Download text as a file, made in the browser. */
  function download(name, type, text) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  var store = null;
  window.leapStore = {
    get: function () { return store || (store = new Store()); },
    download: download,
    day: day,
    isDay: isDay,
    leftOut: leftOut,
    VERSION: VERSION,
    LIMITS: LIMITS
  };

  function pageTitle() {
    var heading = document.querySelector("article h1") || document.querySelector("h1");
    return (heading ? heading.textContent : document.title).replace(/\u00b6/g, "").trim();
  }

  /* Every page of the guide records that it was read (the home page and My journal excepted); the
   * home page offers the page read last. */
  function start() {
    var s = window.leapStore.get();
    var notice = document.querySelector(".leap-continue");
    if (!notice) {
      if (document.querySelector("article") && s.guide !== "guide") s.visit(pageTitle());
      return;
    }
    var link = notice.querySelector(".leap-continue__link");
    var back = notice.querySelector(".leap-continue__back");
    var url = s.record.visited && s.pageUrl(s.record.visited.path);
    if (back) back.hidden = !url;
    if (url && link) {
      link.href = url;
      link.textContent = s.record.visited.title || s.record.visited.path;
      notice.hidden = false;
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
