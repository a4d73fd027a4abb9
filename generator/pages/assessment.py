"""The self-assessment: the data its page needs, and the reference of its ranking rule.

The framework names the roles: a kind the reader *rates* (1 to 5, or by level), a kind whose
statements they *tick*, a kind the results *recommend* and a kind to *reflect* on. The page's
script (assets/assessment.js) applies the same rule to the same data; the tests check that the
two agree on thousands of answer sets. The rule, also explained on the page under "How we rank":

- a rated item's *need* is how far below the top the rating is, from 0 (top) to 1 (bottom);
  unrated, 0;
- a tickable item weighs the *average* need of the rated items it is linked to; every ticked
  item comes before every item not ticked, and among each group the heavier comes first;
  an item not ticked with no need is left out;
- a recommended item scores 0.6 × the *highest* weight among the tickable items it works
  against (ticked counts as a full point more) plus 0.4 × the *average* need of the rated items
  it builds: breadth alone never raises a score;
- the first recommendation always works against the first tickable item shown, when one does;
- the recommendations shown cover every *ticked* item shown, as far as their number allows: for
  each one in turn that none chosen yet works against, the best-scoring item that does is added;
  the room left goes to the best-scoring of the rest, and the chosen items are shown best first
  after the first;
- the items to reflect on score the same way, half and half;
- ties go to the item that comes first in the guide.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..content.framework import Framework
from ..content.graph import Graph

TOP = {"tick": 3, "recommend": 3, "reflect": 2, "rate": 3}
WEIGHTS = {"recommend": (0.6, 0.4), "reflect": (0.5, 0.5)}


def assessment_data(graph: Graph) -> dict[str, Any]:
    """Everything the page's script needs, built from the content: no list is written by hand."""
    content = graph.content
    framework = content.framework
    assessment = framework.assessment
    if assessment is None:
        return {}
    rated = framework.kind(assessment.rate)
    roles: dict[str, Any] = {}
    for role in ("rate", "tick", "recommend", "reflect"):
        kind_id = getattr(assessment, role)
        if kind_id is None:
            continue
        kind = framework.kind(kind_id)
        roles[role] = {
            "kind": kind.id,
            "key": kind.folder,
            "singular": kind.singular,
            "plural": kind.plural,
            "items": [_entry(graph, item, role, assessment.rate, assessment.tick) for item in content.of_kind(kind_id)],
        }
    by_level = assessment.by == "level"
    top = {role: TOP[role] for role in roles}
    if by_level:  # every rated item below the level aimed for is shown, with what that level asks
        top["rate"] = len(roles["rate"]["items"])
        _add_steps(framework, rated, roles["rate"]["items"], content)
    return {
        "by": assessment.by,
        "max": max((framework.rank(level) for level in framework.levels), default=1) if by_level else 5,
        "levels": [
            {"id": level.id, "title": level.title, "rank": framework.rank(level), "track": level.track}
            for level in framework.levels
        ]
        if by_level
        else [],
        "tracks": [{"id": track.id, "title": track.title} for track in framework.tracks] if by_level else [],
        "rated_folder": rated.folder,
        "top": top,
        "weights": {role: list(WEIGHTS[role]) for role in WEIGHTS if role in roles},
        "roles": roles,
    }


def _add_steps(framework: Framework, rated: Any, entries: list[dict[str, Any]], content: Any) -> None:
    """Each rated item's step at each level, by the scale's step title, where its cells name one."""
    spec = rated.first("levels")
    if framework.scale is None or spec is None:
        return
    titles = {step.id: step.title for step in framework.scale.steps}
    for entry in entries:
        cells = content.by_id[entry["id"]].get(spec.name, {})
        steps = {level: titles[cell.step] for level, cell in cells.items() if cell.step}
        if steps:
            entry["steps"] = steps


def _entry(graph: Graph, item: Any, role: str, rate: str, tick: str | None) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": item.id, "title": item.title}
    action = item.action(graph.content.kind_of(item).first("action"))
    if role == "recommend" and action is not None and action.sign:
        entry["sign"] = action.sign
    if role != "rate":
        entry["rated"] = [i.id for i in graph.linked(item, rate)]
    if role in ("recommend", "reflect") and tick:
        entry["ticked"] = [i.id for i in graph.linked(item, tick)]
    return entry


def rank(
    data: Mapping[str, Any],
    ratings: Mapping[str, int],
    ticked: set[str] | list[str],
    target: int | None = None,
    track: str | None = None,
) -> dict[str, list[str]]:
    """The ids to show, best first, keyed by each role's kind folder (for our guide:
    ``{"barriers": [...], "strategies": [...], "shifts": [...]}``). With no recommended kind, or
    when rating by level, the rated kind's lowest-rated items are given too. ``target`` is the
    level aimed for (its place in the framework's levels, from 1), ``track`` the reader's track."""
    if not data:
        return {}
    roles, top = data["roles"], data["top"]
    need = _needs(data, ratings, target, track)
    result: dict[str, list[str]] = {}
    weight: dict[str, float] = {}
    if "tick" in roles:
        chosen = set(ticked)
        entries = roles["tick"]["items"]
        base = {e["id"]: _mean([need[i] for i in e["rated"]]) for e in entries}
        weight = {e["id"]: ((1.0 if e["id"] in chosen else 0.0) + base[e["id"]]) / 2 for e in entries}
        shown = [e["id"] for e in entries if e["id"] in chosen or base[e["id"]] > 0]
        order = {e["id"]: n for n, e in enumerate(entries)}
        shown.sort(key=lambda i: (-(i in chosen), -base[i], order[i]))
        result[roles["tick"]["key"]] = shown[: top["tick"]]
    shown_ticks = result.get(roles["tick"]["key"], []) if "tick" in roles else []
    for role in ("recommend", "reflect"):
        if role in roles:
            first = shown_ticks[0] if shown_ticks and role == "recommend" else None
            ranked = _recommend(roles[role]["items"], need, weight, data["weights"][role], first)
            cover = [i for i in shown_ticks if i in set(ticked)]
            result[roles[role]["key"]] = _cover(roles[role]["items"], ranked, cover, top[role])
    if "recommend" not in roles or data["by"] == "level":  # sorted() is stable: ties stay in learning order
        lowest = sorted((e["id"] for e in roles["rate"]["items"] if need[e["id"]] > 0), key=lambda i: -need[i])
        result[roles["rate"]["key"]] = lowest[: top["rate"]]
    return result


def _needs(
    data: Mapping[str, Any], ratings: Mapping[str, int], target: int | None, track: str | None
) -> dict[str, float]:
    """Each rated item's need, 0 to 1: how far the rating is below the top (or below the level
    aimed for). By level, a distance counts in ranks: places on a track's own ladder."""
    top = data["max"]
    aim = _aim(data, target, track)
    need = {}
    for entry in data["roles"]["rate"]["items"]:
        value = _rank_of(data, ratings.get(entry["id"]))
        need[entry["id"]] = max(0, aim - value) / (top - 1) if value and top > 1 else 0.0
    return need


def _rank_of(data: Mapping[str, Any], value: int | None) -> int:
    """A rating's rank: the value itself on a scale; by level, the level's rank (0: no such level)."""
    if not value or data["by"] != "level":
        return value or 0
    return int(data["levels"][value - 1]["rank"]) if 1 <= value <= len(data["levels"]) else 0


def _aim(data: Mapping[str, Any], target: int | None, track: str | None) -> int:
    """The rank aimed for: the target level's, or the top of the reader's track (or of all)."""
    if target and _rank_of(data, target):
        return _rank_of(data, target)
    ranks = [int(lv["rank"]) for lv in data["levels"] if track and lv["track"] in (None, track)]
    return max(ranks, default=int(data["max"]))


def _recommend(
    entries: list[dict[str, Any]],
    need: dict[str, float],
    weight: dict[str, float],
    weights: list[float],
    first: str | None,
) -> list[str]:
    flagged, built = weights
    score = {}
    for entry in entries:
        worst = max((weight[i] for i in entry.get("ticked", [])), default=0.0)
        score[entry["id"]] = flagged * worst + built * _mean([need[i] for i in entry["rated"]])
    ranked = sorted((e["id"] for e in entries if score[e["id"]] > 0), key=lambda i: -score[i])
    helpers = {e["id"] for e in entries if first in e.get("ticked", [])}
    best_helper = next((i for i in ranked if i in helpers), None)
    if best_helper is not None:  # the first recommendation works against the first thing shown
        ranked.remove(best_helper)
        ranked.insert(0, best_helper)
    return ranked


def _cover(entries: list[dict[str, Any]], ranked: list[str], cover: list[str], room: int) -> list[str]:
    """The ``room`` items to show from ``ranked`` (best first, the first kept first): for each id in
    ``cover`` that no item chosen yet works against, the best-ranked item that does is added while
    there is room; the room left goes to the best-ranked of the rest. Shown in ranked order."""
    against = {e["id"]: set(e.get("ticked", [])) for e in entries}
    kept = ranked[:1] if room > 0 else []
    chosen = list(kept)
    for target in cover:
        if len(chosen) >= room or any(target in against[i] for i in chosen):
            continue
        helper = next((i for i in ranked if i not in chosen and target in against[i]), None)
        if helper is not None:
            chosen.append(helper)
    chosen += [i for i in ranked if i not in chosen][: max(0, room - len(chosen))]
    place = {i: n for n, i in enumerate(ranked)}
    return kept + sorted(chosen[len(kept) : room], key=lambda i: place[i])


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def plan_data(framework: Framework) -> dict[str, Any]:
    """What "Use my results" needs to fill in the plan worksheet: its id and periods."""
    assessment = framework.assessment
    sheet = framework.worksheet(assessment.plan) if assessment else None
    if sheet is None:
        return {}
    return {"sheet": sheet.id, "periods": [{"title": p.title, "days": p.days, "focus": p.focus} for p in sheet.periods]}
