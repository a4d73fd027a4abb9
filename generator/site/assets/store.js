/* leap: where a reader's answers live. Part of the engine; the generator publishes it with every site.
 *
 * One record per guide, in this browser's localStorage, under a key made of the site's address and
 * the guide's id, so two guides on one host never share or overwrite answers. Nothing is ever sent
 * anywhere. The record is versioned:
 *
 *   { format: "leap-answers", version: 2, guide, site, sheets: { <sheet>: { <field>: answer } },
 *     assessments: [ { date, ratings, ticked, target } ], results, visited }
 *
 * where an answer is { value, question, at }: the question's words are kept with the answer, so an
 * answer whose question has changed or gone is shown "from an earlier version", never attached to
 * another question and never dropped. Fields are keyed by stable ids, never by position.
 * Answers saved by the first release (one key per worksheet, keyed by position) are adopted once per
 * worksheet, and left where they were. */
(function () {
  "use strict";
  var FORMAT = "leap-answers";
  var VERSION = 2;
  var OLD_SHEET = "leap:worksheet:";
  var OLD_ASSESSMENT = "leap:assessment";

  function siteRoot() {
    var config = document.getElementById("__config");
    try {
      var base = JSON.parse(config.textContent).base;
      var url = new URL(base.replace(/\/?$/, "/"), window.location.href);
      return url.origin === "null" ? url.href : url.origin + url.pathname;
    } catch (e) {
      return window.location.origin + "/";
    }
  }

  function guideKey() {
    var holder = document.querySelector("[data-guide]");
    return holder ? holder.getAttribute("data-guide") : "guide";
  }

  function empty(guide, site) {
    return { format: FORMAT, version: VERSION, guide: guide, site: site, sheets: {}, assessments: [],
             results: null, visited: null, adopted: {} };
  }

  function Store() {
    this.guide = guideKey();
    this.site = siteRoot();
    this.key = "leap:v2:" + this.site + "|" + this.guide;
    this.available = true;
    this.problem = "";
    this.record = this.read();
  }

  Store.prototype.read = function () {
    try {
      var text = window.localStorage.getItem(this.key);
      var record = text ? JSON.parse(text) : null;
      if (record && record.format === FORMAT && record.version === VERSION) {
        record.adopted = record.adopted || {};
        return record;
      }
    } catch (e) {
      this.available = false;
    }
    return empty(this.guide, this.site);
  };

  Store.prototype.write = function () {
    try {
      window.localStorage.setItem(this.key, JSON.stringify(this.record));
      this.problem = "";
      return true;
    } catch (e) {
      this.problem = "This browser would not save your answers (storage is full or switched off). " +
        "Save them to a file from My journal so that nothing is lost.";
      return false;
    }
  };

  /* The first release kept one key per worksheet ({name: value}, prompts by position: prompt-1) and
   * one for the self-assessment, shared by every guide on the host. Each sheet adopts its own once,
   * the first time a page that knows its fields opens: an old name moves to the field that now holds
   * that place (`legacy`), with the field's question; an old name no field claims stays, shown as
   * from an earlier version. The old keys are never deleted. `fields`: [{name, legacy, question}]. */
  Store.prototype.adopt = function (sheet, fields) {
    var record = this.record;
    if (record.adopted[sheet]) return;
    record.adopted[sheet] = true;
    var old = {};
    try {
      if (sheet === "assessment") {
        var saved = JSON.parse(window.localStorage.getItem(OLD_ASSESSMENT) || "{}") || {};
        Object.keys(saved.ratings || {}).forEach(function (id) { old["rating:" + id] = String(saved.ratings[id]); });
        (saved.ticked || []).forEach(function (id) { old["tick:" + id] = true; });
      } else {
        old = JSON.parse(window.localStorage.getItem(OLD_SHEET + sheet) || "{}") || {};
      }
    } catch (e) { old = {}; }
    var answers = record.sheets[sheet] || {};
    var byLegacy = {};
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
    return this.record.sheets[sheet] || {};
  };

  Store.prototype.set = function (sheet, name, value, question) {
    var answers = this.record.sheets[sheet] || (this.record.sheets[sheet] = {});
    if (value === "" || value === false || value === null || value === undefined) delete answers[name];
    else answers[name] = { value: value, question: question || "", at: new Date().toISOString() };
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
    var old = record.sheets[from] || {}, answers = record.sheets[to] || {};
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
    var path = window.location.href.slice(this.site.length).split("#")[0];
    if (!path || path === "index.html" || /^journal\/?(index\.html)?$/.test(path)) return;
    this.record.visited = { path: path, title: title, at: new Date().toISOString() };
    this.write();
  };

  Store.prototype.hasAnswers = function () {
    var sheets = this.record.sheets;
    return Object.keys(sheets).some(function (sheet) { return Object.keys(sheets[sheet]).length > 0; }) ||
      this.record.assessments.length > 0;
  };

  /* Answers this guide saved at another address of this host (the site moved, or the offline copy
   * was opened from another folder): [{key, site, count}]. They are never taken without asking. */
  Store.prototype.elsewhere = function () {
    var found = [];
    try {
      for (var i = 0; i < window.localStorage.length; i++) {
        var key = window.localStorage.key(i);
        if (!key || key === this.key || key.indexOf("leap:v2:") !== 0 || !key.endsWith("|" + this.guide)) continue;
        var record = JSON.parse(window.localStorage.getItem(key) || "null");
        var count = record && record.sheets ? Object.keys(record.sheets).reduce(function (total, sheet) {
          return total + Object.keys(record.sheets[sheet] || {}).length; }, 0) : 0;
        if (count) found.push({ key: key, site: record.site, count: count, record: record });
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

  /* What a file would restore, or why it cannot: {record} or {problem}. Nothing changes here. */
  Store.prototype.check = function (text) {
    var record;
    try { record = JSON.parse(text); } catch (e) {
      return { problem: "This file is not a saved answers file: it could not be read. Nothing was changed." };
    }
    if (!record || record.format !== FORMAT || typeof record.sheets !== "object" || !record.sheets) {
      return { problem: "This file is not a saved answers file from this guide. Nothing was changed." };
    }
    if (record.version !== VERSION) {
      return { problem: "This file was saved by " + (record.version > VERSION ? "a newer" : "an older") +
               " version of the guide (format " + record.version + "; this one reads format " + VERSION +
               "). Nothing was changed." };
    }
    if (record.guide !== this.guide) {
      return { problem: "This file holds answers for another guide (\"" + String(record.guide) +
               "\"), not this one. Nothing was changed." };
    }
    return { record: record };
  };

  Store.prototype.restore = function (record) {
    var restored = empty(this.guide, this.site);
    restored.sheets = record.sheets;
    restored.assessments = Array.isArray(record.assessments) ? record.assessments : [];
    restored.results = record.results || null;
    restored.visited = record.visited || null;
    restored.adopted = record.adopted && typeof record.adopted === "object" ? record.adopted : {};
    var previous = this.record;
    this.record = restored;
    if (!this.write()) { this.record = previous; return false; }
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
    VERSION: VERSION
  };

  function pageTitle() {
    var heading = document.querySelector("article h1") || document.querySelector("h1");
    return (heading ? heading.textContent : document.title).replace(/\u00b6/g, "").trim();
  }

  function start() {
    var s = window.leapStore.get();
    var notice = document.querySelector(".leap-continue");
    if (!notice) {
      if (document.querySelector("article") && s.hasAnswers()) s.visit(pageTitle());
      return;
    }
    var link = notice.querySelector(".leap-continue__link");
    if (s.hasAnswers() && s.record.visited && link) {
      link.href = new URL(s.record.visited.path, s.site).href;
      link.textContent = s.record.visited.title;
      notice.hidden = false;
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
