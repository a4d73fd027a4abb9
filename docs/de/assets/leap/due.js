/* leap: coming back. On the home page and My journal, what is due: when the self-assessment was last
 * taken and when to take it again, a review date in the plan that has passed, and the week of the
 * programme the reader is in, each with one link. Part of the engine; the guide's data (when to
 * retake, the plan's stretches, the programme's weeks) comes from the JSON the generator puts in the
 * page, and the links from the page itself (pages of this site). The reader's dates come from the
 * store (store.js) and are shown as text. Nothing is sent anywhere. */
(function () {
  "use strict";
  /* The engine's words in the page's language (i18n.js), looked up when they are shown. */
  function t(msgid, params) { return window.leapI18n.t(msgid, params); }
  function nt(singular, plural, n, params) { return window.leapI18n.nt(singular, plural, n, params); }
  function dayText(day) { return window.leapI18n.day(day); }

  var DAY = 24 * 60 * 60 * 1000;

  function at(day) { return new Date(day + "T12:00:00"); }

  function addDays(day, n) {
    var date = at(day);
    date.setDate(date.getDate() + n);
    return window.leapStore.day(date);
  }

  /* Whole days from one YYYY-MM-DD to another. */
  function between(from, to) { return Math.round((at(to) - at(from)) / DAY); }

  /* The local day of a stored time (toISOString's), or null. */
  function dayOf(stamp) {
    if (typeof stamp !== "string" || !stamp) return null;
    var date = new Date(stamp);
    return isNaN(date.getTime()) ? null : window.leapStore.day(date);
  }

  /* Translators: how long ago the self-assessment was taken, after its date ("on 2 March, 3 days ago"). */
  function ago(days) {
    if (days <= 0) return t("today");
    if (days === 1) return t("yesterday");
    if (days < 14) return nt("%(n)s day ago", "%(n)s days ago", days);
    return nt("%(n)s week ago", "%(n)s weeks ago", Math.floor(days / 7));
  }

  /* The days the self-assessment was taken: each saved result's, and the day of each answer. */
  function taken(store) {
    var days = store.record.assessments.map(function (saved) { return saved.date; });
    var answers = store.answers("assessment");
    Object.keys(answers).forEach(function (name) {
      var day = dayOf(answers[name].at);
      if (day && /^(rating|tick):/.test(name)) days.push(day);
    });
    return days.filter(window.leapStore.isDay).sort();
  }

  /* When to take it again, after the first time: the days the guide names, then every so often. */
  function schedule(retake, first, until) {
    var dates = (retake.days || []).map(function (days, i) {
      return { day: addDays(first, days), week: (retake.weeks || [])[i] || null };
    });
    var offset = dates.length ? retake.days[retake.days.length - 1] : 0;
    while (retake.every > 0 && dates.length < 1000 && (!dates.length || dates[dates.length - 1].day <= until)) {
      offset += retake.every;
      dates.push({ day: addDays(first, offset), week: null });
    }
    return dates;
  }

  /* When the self-assessment is due again: {last, first, due (passed), next (to come)}. */
  function retake(data, store, today) {
    var days = taken(store);
    if (!data.retake || !days.length) return null;
    var first = days[0], last = days[days.length - 1];
    var after = schedule(data.retake, first, today).filter(function (d) { return d.day > last; });
    var passed = after.filter(function (d) { return d.day <= today; });
    return { first: first, last: last, due: passed[passed.length - 1] || null,
             next: after.filter(function (d) { return d.day > today; })[0] || null };
  }

  /* A review date in the plan that has passed with no change to the plan since (the latest such),
   * or else the next one to come. */
  function review(data, store, today) {
    if (!data.plan) return null;
    var answers = store.answers(data.plan.sheet);
    var changed = Object.keys(answers).map(function (name) { return dayOf(answers[name].at); }).filter(Boolean).sort();
    var touched = changed[changed.length - 1] || "";
    var reviews = data.plan.periods.map(function (title, i) {
      var answer = answers["p" + (i + 1) + "-review"];
      var day = answer && window.leapStore.isDay(answer.value) ? answer.value : null;
      return day ? { title: title, day: day } : null;
    }).filter(Boolean).sort(function (a, b) { return a.day < b.day ? -1 : a.day > b.day ? 1 : 0; });
    var passed = reviews.filter(function (r) { return r.day <= today && touched < r.day; });
    if (passed.length) return { passed: passed[passed.length - 1] };
    var next = reviews.filter(function (r) { return r.day > today; })[0];
    return next ? { next: next } : null;
  }

  function link(kind, text, fragment) {
    var source = document.querySelector('#leap-due-library [data-due="' + kind + '"] a');
    if (!source) return null;
    var node = source.cloneNode(false);
    if (fragment) node.setAttribute("href", source.getAttribute("href").split("#")[0] + "#" + fragment);
    node.textContent = text;
    return node;
  }

  function item(text, anchor) {
    var li = document.createElement("li");
    li.appendChild(document.createTextNode(text + " "));
    if (anchor) li.appendChild(anchor);
    return li;
  }


  /* The list items: each a sentence and one link. */
  function items(data, store, today) {
    var list = [];
    var again = retake(data, store, today);
    if (again) {
      var said = t("You last took the self-assessment on %(day)s, %(ago)s.",
                   { day: dayText(again.last), ago: ago(between(again.last, today)) });
      var when = again.due || again.next;
      var words = when ? { day: dayText(when.day), week: when.week, programme: data.programme ? data.programme.title : "" } : {};
      var inWeek = when && when.week && data.programme;
      if (again.due) {
        list.push(item(said + " " + (inWeek
          ? t("It is time to take it again (it was due on %(day)s, week %(week)s of %(programme)s):", words)
          : t("It is time to take it again (it was due on %(day)s):", words)), link("assessment", t("Take it again"))));
      } else {
        list.push(item(said + (!when ? "" : " " + (inWeek
          ? t("Next time to take it again: %(day)s, week %(week)s of %(programme)s.", words)
          : t("Next time to take it again: %(day)s.", words))), link("assessment", t("Open it"))));
      }
    }
    var plan = review(data, store, today);
    if (plan && plan.passed) {
      list.push(item(t("The review date you set in your plan for \u201c%(title)s\u201d has passed (%(day)s):",
                       { title: plan.passed.title, day: dayText(plan.passed.day) }), link("plan", data.plan.title)));
    } else if (plan && plan.next) {
      list.push(item(t("Your next review: \u201c%(title)s\u201d on %(day)s.", { title: plan.next.title, day: dayText(plan.next.day) }),
                     link("plan", data.plan.title)));
    }
    if (again && data.programme) {
      var week = Math.floor(between(again.first, today) / 7) + 1;
      if (week >= 1 && week <= data.programme.weeks.length) {
        list.push(item(t("%(programme)s, counting from your first self-assessment: you are in week %(week)s of %(weeks)s.",
                         { programme: data.programme.title, week: week, weeks: data.programme.weeks.length }),
                       link("programme", t("Week %(number)s: %(title)s", { number: week, title: data.programme.weeks[week - 1] }),
                            "week-" + week)));
      }
    }
    return list;
  }

  function start() {
    var source = document.getElementById("leap-due-data");
    var lists = document.querySelectorAll("ul.leap-due");
    if (!source || !lists.length || !window.leapStore) return;
    var data = JSON.parse(source.textContent);
    var store = window.leapStore.get();
    var found;
    try {
      found = items(data, store, window.leapStore.day());
    } catch (e) {
      return;  // whatever the record holds, the page still works: it only says less
    }
    if (!found.length) return;
    lists.forEach(function (list) {
      list.replaceChildren.apply(list, found.map(function (li) { return li.cloneNode(true); }));
      list.hidden = false;
      var box = list.closest(".leap-continue, .leap-due-box");
      if (box) box.hidden = false;
    });
  }

  window.leapDue = { retake: retake, review: review };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
