/* Leadership Leap self-assessment. Hand-written; the generator never touches it.
 * The items, relations and weights come from the JSON the generator puts in the page; the rule
 * below mirrors generator/assessment.py, and the tests check that they agree.
 * Answers are kept in this browser's localStorage only: nothing is ever sent anywhere. */
(function () {
  "use strict";
  var KEY = "leap:assessment";

  function sum(ids, scores) {
    return ids.reduce(function (total, id) { return total + (scores[id] || 0); }, 0);
  }

  function top(list, scores, count) {
    return list.map(function (item, index) { return { id: item.id, index: index, score: scores[item.id] }; })
      .filter(function (entry) { return entry.score > 0; })
      .sort(function (a, b) { return b.score - a.score || a.index - b.index; })
      .slice(0, count)
      .map(function (entry) { return entry.id; });
  }

  /* The ranking rule: see "How we rank" on the page. */
  function rank(data, ratings, ticked) {
    var need = {}, barrier = {}, strategy = {}, shift = {};
    data.traits.forEach(function (t) { need[t.id] = ratings[t.id] ? 5 - ratings[t.id] : 0; });
    data.barriers.forEach(function (b) {
      barrier[b.id] = (ticked.indexOf(b.id) >= 0 ? data.weights.tick : 0) + sum(b.undermines, need);
    });
    data.strategies.forEach(function (s) { strategy[s.id] = sum(s.overcomes, barrier) + sum(s.builds, need); });
    data.shifts.forEach(function (s) { shift[s.id] = sum(s.barriers, barrier) + sum(s.traits, need); });
    return {
      barriers: top(data.barriers, barrier, data.top.barriers),
      strategies: top(data.strategies, strategy, data.top.strategies),
      shifts: top(data.shifts, shift, data.top.shifts)
    };
  }

  window.leapAssessment = { rank: rank };

  function read(form) {
    var answers = { ratings: {}, ticked: [] };
    form.querySelectorAll("input:checked").forEach(function (input) {
      var parts = input.name.split(":");
      if (parts[0] === "trait") answers.ratings[parts[1]] = Number(input.value);
      if (parts[0] === "barrier") answers.ticked.push(parts[1]);
    });
    return answers;
  }

  function write(form, answers) {
    form.querySelectorAll("input").forEach(function (input) {
      var parts = input.name.split(":");
      input.checked = parts[0] === "trait" ? answers.ratings[parts[1]] === Number(input.value)
        : answers.ticked.indexOf(parts[1]) >= 0;
    });
  }

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(KEY) || "{}");
      return { ratings: saved.ratings || {}, ticked: saved.ticked || [] };
    } catch (e) { return { ratings: {}, ticked: [] }; }
  }

  function save(answers) {
    try { window.localStorage.setItem(KEY, JSON.stringify(answers)); } catch (e) { /* not kept */ }
  }

  function titleOf(list, id) {
    for (var i = 0; i < list.length; i++) if (list[i].id === id) return list[i].title;
    return id;
  }

  /* A copy of a block the generator rendered into the page (already sanitised): cloned as
   * elements, never re-parsed from a string, so nothing in it can become script. */
  function copyOf(selector) {
    var node = document.querySelector("#leap-library " + selector);
    var copy = document.createElement("div");
    if (node) node.childNodes.forEach(function (child) { copy.appendChild(child.cloneNode(true)); });
    return copy;
  }

  /* What this guide calls its traits ("traits", or "competencies"), from the page. */
  function traitsWord() {
    var holder = document.querySelector("[data-traits-word]");
    return holder ? holder.getAttribute("data-traits-word") : "traits";
  }

  function why(data, answers, barrier) {
    var reasons = [];
    if (answers.ticked.indexOf(barrier.id) >= 0) reasons.push("you said this sounds like you");
    var low = barrier.undermines.filter(function (id) { return answers.ratings[id] && answers.ratings[id] <= 3; })
      .map(function (id) { return titleOf(data.traits, id) + " (" + answers.ratings[id] + ")"; });
    if (low.length) reasons.push("it holds back " + traitsWord() + " you rated low: " + low.join(", "));
    return reasons.length ? "Why: " + reasons.join("; ") + "." : "";
  }

  function item(html, note) {
    var li = document.createElement("li");
    li.appendChild(html);
    if (note) {
      var p = document.createElement("p");
      p.className = "leap-why";
      p.textContent = note;
      li.appendChild(p);
    }
    return li;
  }

  function render(data, answers) {
    var result = rank(data, answers.ratings, answers.ticked);
    var rated = Object.keys(answers.ratings).length;
    document.getElementById("leap-progress-bar").value = rated;
    document.getElementById("leap-progress-text").textContent = rated + " of " + data.traits.length +
      " rated, " + answers.ticked.length + " statements ticked";
    var any = result.barriers.length + result.strategies.length > 0;
    document.getElementById("leap-results-empty").hidden = any;
    document.getElementById("leap-results-body").hidden = !any;
    var barriers = document.getElementById("leap-result-barriers");
    barriers.replaceChildren.apply(barriers, result.barriers.map(function (id) {
      var barrier = data.barriers.filter(function (b) { return b.id === id; })[0];
      return item(copyOf('[data-barrier="' + id + '"]'), why(data, answers, barrier));
    }));
    var strategies = document.getElementById("leap-result-strategies");
    strategies.replaceChildren.apply(strategies, result.strategies.map(function (id) {
      var strategy = data.strategies.filter(function (s) { return s.id === id; })[0];
      var helps = strategy.overcomes.filter(function (b) { return result.barriers.indexOf(b) >= 0; })
        .map(function (b) { return titleOf(data.barriers, b); });
      return item(copyOf('[data-strategy="' + id + '"]'), helps.length ? "Works against: " + helps.join(", ") + "." : "");
    }));
    var shifts = document.getElementById("leap-result-shifts");
    shifts.replaceChildren.apply(shifts, result.shifts.map(function (id) {
      return item(copyOf('[data-shift="' + id + '"]'), "");
    }));
    var plan = document.getElementById("leap-plan");
    plan.replaceChildren.apply(plan, result.strategies.map(function (id, index) {
      var block = document.createElement("section");
      block.className = "leap-block";
      var heading = document.createElement("h4");
      heading.textContent = "Days " + (index * 30 + 1) + "–" + (index * 30 + 30) + ": " + titleOf(data.strategies, id);
      block.appendChild(heading);
      block.appendChild(copyOf('[data-action="' + id + '"]'));
      return block;
    }));
  }

  function start() {
    var source = document.getElementById("leap-assessment-data");
    var form = document.querySelector(".leap-assessment");
    if (!source || !form) return;
    var data = JSON.parse(source.textContent);
    var answers = load();
    write(form, answers);
    render(data, answers);
    form.addEventListener("change", function () {
      answers = read(form);
      save(answers);
      render(data, answers);
    });
    form.addEventListener("click", function (event) {
      var action = event.target.getAttribute && event.target.getAttribute("data-leap-action");
      if (action === "print") window.print();
      if (action === "clear" && window.confirm("Clear all your answers to the self-assessment?")) {
        answers = { ratings: {}, ticked: [] };
        try { window.localStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
        write(form, answers);
        render(data, answers);
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
