/* leap: the self-assessment. Part of the engine; the generator publishes it with every site.
 * The items, links and roles come from the JSON the generator puts in the page; rank() mirrors
 * generator/assessment.py exactly (the tests compare the two on thousands of answer sets).
 * Answers go to the store (store.js): this browser only, nothing is sent anywhere. */
(function () {
  "use strict";
  /* The engine's words in the page's language (i18n.js), looked up when they are shown. */
  function t(msgid, params) { return window.leapI18n.t(msgid, params); }
  function nt(singular, plural, n, params) { return window.leapI18n.nt(singular, plural, n, params); }
  function dayText(day) { return window.leapI18n.day(day); }

  function mean(values) {
    return values.length ? values.reduce(function (total, v) { return total + v; }, 0) / values.length : 0;
  }

  /* A rating's rank: the value itself on a scale; by level, the level's place on its track's ladder. */
  function rankOf(data, value) {
    value = Number(value || 0);
    if (!value || data.by !== "level") return value;
    return value >= 1 && value <= data.levels.length ? data.levels[value - 1].rank : 0;
  }

  /* The rank aimed for: the target level's, or the top of the reader's track (or of all). */
  function aimOf(data, target, track) {
    if (target && rankOf(data, target)) return rankOf(data, target);
    var ranks = (data.levels || []).filter(function (level) {
      return track && (level.track === null || level.track === track);
    }).map(function (level) { return level.rank; });
    return ranks.length ? Math.max.apply(null, ranks) : data.max;
  }

  function needs(data, ratings, target, track) {
    var top = data.max;
    var aim = aimOf(data, target, track);
    var need = {};
    data.roles.rate.items.forEach(function (entry) {
      var value = rankOf(data, ratings[entry.id]);
      need[entry.id] = value && top > 1 ? Math.max(0, aim - value) / (top - 1) : 0;
    });
    return need;
  }

  function recommend(entries, need, weight, weights, first) {
    var score = {}, order = {};
    entries.forEach(function (entry, index) {
      var worst = (entry.ticked || []).reduce(function (best, id) { return Math.max(best, weight[id]); }, 0);
      score[entry.id] = weights[0] * worst + weights[1] * mean(entry.rated.map(function (id) { return need[id]; }));
      order[entry.id] = index;
    });
    var ranked = entries.map(function (e) { return e.id; }).filter(function (id) { return score[id] > 0; })
      .sort(function (a, b) { return score[b] - score[a] || order[a] - order[b]; });
    var helpers = entries.filter(function (e) { return (e.ticked || []).indexOf(first) >= 0; })
      .map(function (e) { return e.id; });
    var best = ranked.filter(function (id) { return helpers.indexOf(id) >= 0; })[0];
    if (best !== undefined) ranked = [best].concat(ranked.filter(function (id) { return id !== best; }));
    return ranked;
  }

  /* The `room` items to show from `ranked` (best first, the first kept first): for each id in
   * `cover` that no item chosen yet works against, the best-ranked item that does is added while
   * there is room; the room left goes to the best-ranked of the rest. Shown in ranked order. */
  function coverAll(entries, ranked, cover, room) {
    var against = {};
    entries.forEach(function (entry) { against[entry.id] = entry.ticked || []; });
    var works = function (id, target) { return against[id].indexOf(target) >= 0; };
    var kept = room > 0 ? ranked.slice(0, 1) : [];
    var chosen = kept.slice();
    cover.forEach(function (target) {
      if (chosen.length >= room || chosen.some(function (id) { return works(id, target); })) return;
      var helper = ranked.filter(function (id) { return chosen.indexOf(id) < 0 && works(id, target); })[0];
      if (helper !== undefined) chosen.push(helper);
    });
    var rest = ranked.filter(function (id) { return chosen.indexOf(id) < 0; });
    chosen = chosen.concat(rest.slice(0, Math.max(0, room - chosen.length)));
    return kept.concat(chosen.slice(kept.length, room).sort(function (a, b) {
      return ranked.indexOf(a) - ranked.indexOf(b);
    }));
  }

  /* The ranking rule: see "How we rank" on the page, and generator/assessment.py. */
  function rank(data, ratings, ticked, target, track) {
    if (!data || !data.roles) return {};
    var roles = data.roles, top = data.top, result = {}, weight = {};
    var need = needs(data, ratings, target, track);
    if (roles.tick) {
      var base = {}, order = {};
      roles.tick.items.forEach(function (entry, index) {
        base[entry.id] = mean(entry.rated.map(function (id) { return need[id]; }));
        weight[entry.id] = ((ticked.indexOf(entry.id) >= 0 ? 1 : 0) + base[entry.id]) / 2;
        order[entry.id] = index;
      });
      var chosen = function (id) { return ticked.indexOf(id) >= 0 ? 1 : 0; };
      result[roles.tick.key] = roles.tick.items.map(function (e) { return e.id; })
        .filter(function (id) { return chosen(id) || base[id] > 0; })
        .sort(function (a, b) { return chosen(b) - chosen(a) || base[b] - base[a] || order[a] - order[b]; })
        .slice(0, top.tick);
    }
    ["recommend", "reflect"].forEach(function (role) {
      if (!roles[role]) return;
      var shown = roles.tick ? result[roles.tick.key] : [];
      var first = role === "recommend" && shown.length ? shown[0] : null;
      var ranked = recommend(roles[role].items, need, weight, data.weights[role], first);
      var cover = shown.filter(function (id) { return ticked.indexOf(id) >= 0; });
      result[roles[role].key] = coverAll(roles[role].items, ranked, cover, top[role]);
    });
    if (!roles.recommend || data.by === "level") {
      var position = {};
      roles.rate.items.forEach(function (e, i) { position[e.id] = i; });
      result[roles.rate.key] = roles.rate.items.map(function (e) { return e.id; })
        .filter(function (id) { return need[id] > 0; })
        .sort(function (a, b) { return need[b] - need[a] || position[a] - position[b]; })
        .slice(0, top.rate);
    }
    return result;
  }

  window.leapAssessment = { rank: rank, aim: aimOf };

  /* ---- the page ---- */

  /* The self-assessment's answers, only those this page asks for: a rating of a rated item from 1
   * to the top, a tick of a statement it lists, a level aimed for, a track it declares. Anything
   * else the record holds (an answer from another version of the guide) is kept there, and left
   * out of the results. */
  function read(store, data) {
    var answers = store.answers("assessment"), ratings = Object.create(null), ticked = [], target = null;
    var track = null;
    var known = function (role, id) {
      return !!data.roles[role] && data.roles[role].items.some(function (entry) { return entry.id === id; });
    };
    var level = function (value) {
      var number = typeof value === "string" && /^[0-9]{1,2}$/.test(value) ? Number(value) : NaN;
      return number >= 1 && number <= choices(data) ? number : null;
    };
    var tracks = (data.tracks || []).map(function (entry) { return entry.id; });
    Object.keys(answers).forEach(function (name) {
      var parts = name.split(":"), value = answers[name].value;
      if (parts.length === 2 && parts[0] === "rating" && known("rate", parts[1]) && level(value)) {
        ratings[parts[1]] = level(value);
      }
      if (parts.length === 2 && parts[0] === "tick" && value === true && known("tick", parts[1])) ticked.push(parts[1]);
      if (name === "target" && level(value)) target = level(value);
      if (name === "track" && typeof value === "string" && tracks.indexOf(value) >= 0) track = value;
    });
    return { ratings: ratings, ticked: ticked, target: target, track: track };
  }

  /* How many answers a rating offers: 1 to the top of the scale, or, by level, one per level (a
   * level's place in the framework's list, whatever its rank on its track). */
  function choices(data) { return data.by === "level" ? data.levels.length : data.max; }

  function byId(items, id) { return items.filter(function (item) { return item.id === id; })[0]; }

  function copyOf(role, id) {
    var node = document.querySelector("#leap-library [data-" + role + '="' + id + '"]');
    var copy = document.createElement("div");
    if (node) node.childNodes.forEach(function (child) { copy.appendChild(child.cloneNode(true)); });
    return copy;
  }

  function note(html, text) {
    var li = document.createElement("li");
    li.appendChild(html);
    if (text) {
      var p = document.createElement("p");
      p.className = "leap-why";
      p.textContent = text;
      li.appendChild(p);
    }
    return li;
  }

  function titles(items, ids) { return ids.map(function (id) { return byId(items, id).title; }); }

  /* “A”, “B” and “C”: titles in running text, quoted so that their own capitals and commas read. */
  function listOf(names) {
    // Translators: a name in quotation marks, as your language writes them.
    var quoted = names.map(function (name) { return t("\u201c%(name)s\u201d", { name: name }); });
    if (quoted.length < 2) return quoted.join("");
    // Translators: a list of two or more names; %(names)s are all but the last, separated by commas.
    return t("%(names)s and %(last)s", { names: quoted.slice(0, -1).join(t(", ")), last: quoted[quoted.length - 1] });
  }

  function ratingName(data, value) {
    return data.by === "level" ? (data.levels[value - 1] || {}).title || String(value)
      : t("%(value)s of %(max)s", { value: value, max: data.max });
  }

  /* The rated items behind a recommendation that have room to grow: rated 3 or lower, or below the
   * level aimed for. */
  function low(data, answers, ids, need) {
    return ids.filter(function (id) {
      return need[id] > 0 && (data.by === "level" || Number(answers.ratings[id]) <= 3);
    });
  }

  function ratedList(data, answers, ids) {
    return t("%(names)s (you chose %(ratings)s)", {
      names: listOf(titles(data.roles.rate.items, ids)),
      ratings: ids.map(function (id) { return ratingName(data, answers.ratings[id]); }).join(t(", "))
    });
  }

  function why(data, answers, entry, need) {
    var ticked = answers.ticked.indexOf(entry.id) >= 0;
    var weak = low(data, answers, entry.rated, need);
    var rated = weak.length ? ratedList(data, answers, weak) : "";
    if (ticked && rated) return t("Why: you said this sounds like you; and it holds back %(rated)s.", { rated: rated });
    if (ticked) return t("Why: you said this sounds like you.");
    return rated ? t("Why: it holds back %(rated)s.", { rated: rated }) : "";
  }

  function fill(list, role, ids, explain) {
    if (!list) return;
    list.replaceChildren.apply(list, ids.map(function (id) { return note(copyOf(role, id), explain(id)); }));
  }

  /* The level aimed for: the one chosen, or the top of the reader's track (or the last level). */
  function aimedLevel(data, answers) {
    if (data.by !== "level") return null;
    if (answers.target && data.levels[answers.target - 1]) return data.levels[answers.target - 1];
    var own = data.levels.filter(function (level) {
      return !answers.track || level.track === null || level.track === answers.track;
    });
    return own[own.length - 1] || null;
  }

  /* What the level aimed for asks of a rated item: its cell, copied from the form, and its step. */
  function asks(data, answers, id) {
    var level = aimedLevel(data, answers);
    if (!level) return null;
    var entry = byId(data.roles.rate.items, id);
    var cell = document.getElementById("leap-cell-" + id + "-" + level.id);
    return { level: level, step: (entry.steps || {})[level.id] || "", cell: cell };
  }

  function gapNote(data, answers, id) {
    var li = note(copyOf("rate", id), "");
    var wanted = asks(data, answers, id);
    var p = document.createElement("p");
    p.className = "leap-why";
    var aim = !wanted ? t("the top level") : wanted.step
      ? t("%(level)s (%(step)s)", { level: wanted.level.title, step: wanted.step }) : wanted.level.title;
    var words = { chosen: ratingName(data, answers.ratings[id]), aim: aim, level: wanted ? wanted.level.title : "" };
    p.textContent = wanted && wanted.cell ? t("You chose %(chosen)s; you aim for %(aim)s. What %(level)s asks here:", words)
      : t("You chose %(chosen)s; you aim for %(aim)s.", words);
    li.appendChild(p);
    var grid = document.querySelector("#leap-library [data-grid] a");
    var chosen = data.levels[answers.ratings[id] - 1];
    if (wanted && grid && chosen && chosen.id !== wanted.level.id) {
      var compare = document.createElement("a");
      compare.href = grid.getAttribute("href") + "?view=two&a=" + chosen.id + "&b=" + wanted.level.id;
      compare.textContent = t("%(first)s and %(second)s, side by side", { first: chosen.title, second: wanted.level.title });
      p.appendChild(document.createTextNode(" "));
      p.appendChild(compare);
    }
    if (wanted && wanted.cell) {
      var quote = document.createElement("blockquote");
      quote.className = "leap-asks";
      wanted.cell.childNodes.forEach(function (child) { quote.appendChild(child.cloneNode(true)); });
      li.appendChild(quote);
    }
    return li;
  }

  function gaps(data, answers, ranked) {
    if (data.by !== "level") return [];
    return (ranked[data.roles.rate.key] || []).map(function (id) {
      var wanted = asks(data, answers, id);
      return { id: id, title: byId(data.roles.rate.items, id).title, chose: ratingName(data, answers.ratings[id]),
               level: wanted ? wanted.level.title : "", step: wanted ? wanted.step : "",
               asks: wanted && wanted.cell ? wanted.cell.textContent.replace(/\s+/g, " ").trim() : "" };
    });
  }

  function results(data, answers, ranked) {
    var roles = data.roles, tickShown = roles.tick ? ranked[roles.tick.key] : [];
    var level = aimedLevel(data, answers);
    return {
      date: window.leapStore.day(),
      aim: level ? level.title : "",
      gaps: gaps(data, answers, ranked),
      tick: roles.tick ? titles(roles.tick.items, tickShown) : [],
      recommend: roles.recommend ? ranked[roles.recommend.key].map(function (id) {
        var entry = byId(roles.recommend.items, id);
        var action = document.querySelector('#leap-library [data-action="' + id + '"]');
        return { id: id, title: entry.title, action: action ? action.textContent.replace(/\s+/g, " ").trim() : "",
                 sign: entry.sign || "",
                 against: titles(roles.tick ? roles.tick.items : [], (entry.ticked || []).filter(function (b) {
                   return tickShown.indexOf(b) >= 0; })) };
      }) : []
    };
  }

  function render(data, store, plan) {
    var answers = read(store, data);
    var ranked = rank(data, answers.ratings, answers.ticked, answers.target, answers.track);
    var roles = data.roles, need = needs(data, answers.ratings, answers.target, answers.track);
    showTrack(answers.track);
    var rated = Object.keys(answers.ratings).length;
    document.getElementById("leap-progress-bar").value = rated;
    var counts = { done: rated, all: roles.rate.items.length };
    document.getElementById("leap-progress-text").textContent = roles.tick
      ? nt("%(done)s of %(all)s rated, %(n)s statement ticked", "%(done)s of %(all)s rated, %(n)s statements ticked",
           answers.ticked.length, counts)
      : t("%(done)s of %(all)s rated", counts);
    var any = Object.keys(ranked).some(function (key) { return ranked[key].length > 0; });
    document.getElementById("leap-results-empty").hidden = any;
    document.getElementById("leap-results-body").hidden = !any;
    if (roles.tick) {
      fill(document.getElementById("leap-result-tick"), "tick", ranked[roles.tick.key], function (id) {
        return why(data, answers, byId(roles.tick.items, id), need);
      });
    }
    if (roles.recommend) {
      var shown = roles.tick ? ranked[roles.tick.key] : [];
      fill(document.getElementById("leap-result-recommend"), "recommend", ranked[roles.recommend.key], function (id) {
        var entry = byId(roles.recommend.items, id);
        var against = titles(roles.tick ? roles.tick.items : [], (entry.ticked || []).filter(function (b) {
          return shown.indexOf(b) >= 0; }));
        var builds = low(data, answers, entry.rated, need);
        var words = { against: listOf(against), rated: builds.length ? ratedList(data, answers, builds) : "" };
        if (against.length && builds.length) return t("Why: it works against %(against)s; and it builds %(rated)s.", words);
        if (against.length) return t("Why: it works against %(against)s.", words);
        return builds.length ? t("Why: it builds %(rated)s.", words) : "";
      });
    }
    var gapList = document.getElementById("leap-result-rate");
    if (data.by === "level" && gapList) {
      gapList.replaceChildren.apply(gapList, ranked[roles.rate.key].map(function (id) { return gapNote(data, answers, id); }));
    } else if (!roles.recommend) {
      fill(gapList, "rate", ranked[roles.rate.key], function (id) {
        var words = { chosen: ratingName(data, answers.ratings[id]) };
        return data.by === "level" ? t("You chose %(chosen)s.", words)
          : t("You chose %(chosen)s: the lower the rating, the more room to grow.", words);
      });
    }
    if (roles.reflect) fill(document.getElementById("leap-result-reflect"), "reflect", ranked[roles.reflect.key],
                            function () { return ""; });
    var current = results(data, answers, ranked);
    if (any) { store.record.results = current; store.write(); }
    showPlan(plan, current);
    chart(data, store);
  }

  /* With tracks, the levels of the other tracks step aside (a level already chosen stays). */
  function showTrack(track) {
    document.querySelectorAll(".leap-assessment [data-track]").forEach(function (node) {
      var input = node.querySelector("input");
      var mine = !track || !node.getAttribute("data-track") || node.getAttribute("data-track") === track;
      node.hidden = !mine && !(input && input.checked) && !node.selected;
    });
  }

  function showPlan(plan, current) {
    var holder = document.getElementById("leap-plan");
    if (!holder || !plan) return;
    var steps = current.recommend.length ? current.recommend : current.gaps;
    holder.replaceChildren.apply(holder, steps.slice(0, plan.periods.length).map(function (item, index) {
      var block = document.createElement("section");
      block.className = "leap-block";
      var heading = document.createElement("h4");
      heading.textContent = t("%(period)s: %(title)s", { period: plan.periods[index].title, title: item.title });
      block.appendChild(heading);
      if (current.recommend.length) block.appendChild(copyOf("action", item.id));
      else {
        var asked = document.createElement("p");
        asked.textContent = item.level + (item.step ? " (" + item.step + ")" : "") + (item.asks ? ": " + item.asks : "");
        block.appendChild(asked);
      }
      return block;
    }));
  }

  /* ---- coming back: dated results, and each rated item's line over time ---- */

  var SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attributes) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  function sparkline(points, max) {
    var width = 160, height = 40, pad = 6;
    var x = function (i) { return points.length < 2 ? width / 2 : pad + i * (width - 2 * pad) / (points.length - 1); };
    var y = function (v) { return height - pad - (v - 1) * (height - 2 * pad) / Math.max(1, max - 1); };
    var chart = svg("svg", { viewBox: "0 0 " + width + " " + height, width: width, height: height, "class": "leap-spark",
                             "aria-hidden": "true", focusable: "false" });
    for (var level = 1; level <= max; level++) {  // faint guide lines, one per rating, lowest at the bottom
      chart.appendChild(svg("line", { x1: 0, x2: width, y1: y(level), y2: y(level), "class": "leap-spark__guide" }));
    }
    var known = points.map(function (v, i) { return v ? [x(i), y(v)] : null; }).filter(Boolean);
    if (known.length > 1) {
      chart.appendChild(svg("polyline", { points: known.map(function (p) { return p.join(","); }).join(" "),
                                          fill: "none", stroke: "currentColor", "stroke-width": 2 }));
    }
    known.forEach(function (p) { chart.appendChild(svg("circle", { cx: p[0], cy: p[1], r: 3.5, fill: "currentColor" })); });
    return chart;
  }

  function chart(data, store) {
    var section = document.getElementById("leap-progress-over-time");
    var holder = document.getElementById("leap-chart");
    var history = store.record.assessments;
    if (!section || !holder) return;
    section.hidden = history.length === 0;
    if (!history.length) return;
    var table = document.createElement("table");
    table.className = "leap-history-table";
    var head = table.createTHead().insertRow();
    var over = history.length > 1;  // one saved result has no line to draw yet
    [data.roles.rate.singular.replace(/^./, function (c) { return c.toUpperCase(); })]
      .concat(over ? [t("Over time")] : []).concat([window.leapI18n.sequence(history.map(function (h) { return dayText(h.date); }))])
      .forEach(function (label) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = label;
      head.appendChild(th);
    });
    var body = table.createTBody();
    data.roles.rate.items.forEach(function (entry) {
      var values = history.map(function (h) {
        var value = Number((h.ratings || {})[entry.id] || 0);
        return value >= 1 && value <= choices(data) ? value : 0;  // a rating this guide cannot give is no rating
      });
      var row = body.insertRow();
      var name = document.createElement("th");
      name.scope = "row";
      name.textContent = entry.title;
      row.appendChild(name);
      if (over) row.insertCell().appendChild(sparkline(values, choices(data)));
      row.insertCell().textContent = window.leapI18n.sequence(values.map(function (v) { return v ? ratingName(data, v) : "–"; }));
    });
    var next = document.createElement("p");
    var source = document.getElementById("leap-due-data");
    var again = source && window.leapDue ? window.leapDue.retake(JSON.parse(source.textContent), store,
                                                                 window.leapStore.day()) : null;
    var when = again && (again.due || again.next);
    var programme = source ? JSON.parse(source.textContent).programme : null;
    var words = when ? { day: dayText(when.day), week: when.week, programme: programme ? programme.title : "" } : {};
    next.textContent = !when ? "" : when.week && programme
      ? (again.due ? t("It is time to take it again: it was due on %(day)s, week %(week)s of %(programme)s.", words)
        : t("Next time to take it again: %(day)s, week %(week)s of %(programme)s.", words))
      : (again.due ? t("It is time to take it again: it was due on %(day)s.", words)
        : t("Next time to take it again: %(day)s.", words));
    holder.replaceChildren(table, next);
    if (window.leapTables) window.leapTables.fit(holder);
  }

  function snapshot(store, data) {
    var answers = read(store, data);
    if (!Object.keys(answers.ratings).length) return false;
    var today = window.leapStore.day();
    var history = store.record.assessments.filter(function (h) { return h.date !== today; });
    history.push({ date: today, ratings: answers.ratings, ticked: answers.ticked, target: answers.target,
                   track: answers.track });
    store.record.assessments = history;
    return store.write();
  }

  /* ---- wiring ---- */

  function show(form, store) {
    var answers = store.answers("assessment");
    form.querySelectorAll("input[name], select[name]").forEach(function (input) {
      var answer = answers[input.name];
      if (input.type === "radio") input.checked = !!answer && String(answer.value) === input.value;
      else if (input.type === "checkbox") input.checked = !!answer && answer.value === true;
      else input.value = answer ? String(answer.value) : "";
    });
  }

  function label(input) {
    var fieldset = input.closest("fieldset");
    var legend = fieldset && fieldset.querySelector("legend");
    if (input.type === "checkbox") return input.parentElement.textContent.trim();
    return legend ? legend.textContent.replace(/^\s*\d+\.\s*/, "").trim() : input.name;
  }

  function start() {
    var source = document.getElementById("leap-assessment-data");
    var form = document.querySelector(".leap-assessment");
    if (!source || !form || !window.leapStore) return;
    var data = JSON.parse(source.textContent);
    var planSource = document.getElementById("leap-plan-data");
    var plan = planSource ? JSON.parse(planSource.textContent) : null;
    var store = window.leapStore.get();
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name], select[name]"));
    store.adopt("assessment", inputs.map(function (input) { return { name: input.name, question: label(input) }; }));
    /* Wired before anything stored is shown, so that the form works whatever the record holds. */
    var draw = function () {
      try {
        render(data, store, plan);
      } catch (e) {
        var empty = document.getElementById("leap-results-empty");
        if (empty) {
          empty.hidden = false;
          empty.textContent = t("Your results could not be shown. Your answers are kept; My journal can save them to a file.");
        }
      }
    };
    form.addEventListener("change", function (event) {
      var input = event.target;
      if (!input.name) return;
      var value = input.type === "checkbox" ? input.checked : input.value;
      store.set("assessment", input.name, value, label(input));
      draw();
    });
    form.addEventListener("click", function (event) {
      var action = event.target.closest && event.target.closest("[data-leap-action]");
      var name = action && action.getAttribute("data-leap-action");
      if (name === "print") window.print();
      if (name === "snapshot") {
        if (snapshot(store, data)) draw();
        else window.alert(t("Rate at least one first: there is nothing to save yet."));
      }
      if (name === "clear" && window.confirm(t("Clear your answers to the self-assessment? Results you saved to compare later are kept."))) {
        store.clear("assessment");
        store.record.results = null;
        store.write();
        show(form, store);
        draw();
      }
      if (name === "use-results" && plan && window.leapPlan && store.record.results) {
        var filled = window.leapPlan.fill(store, plan.sheet, plan.periods, store.record.results, false);
        // The plan says what was filled in when it opens (the count is a number, nothing else).
        action.setAttribute("href", action.getAttribute("href").split(/[?#]/)[0] + "?leap-filled=" + filled);
      }
    });
    show(form, store);
    draw();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
