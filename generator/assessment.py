"""The self-assessment: the data its page needs, and the reference of its ranking rule.

The page's script (docs/assets/assessment.js) applies the same rule to the same data; the tests
check the two agree. The rule, also explained on the page under "How we rank":

- a trait's *need* is 5 minus your rating (0 if you did not rate it);
- a barrier scores ``tick`` points if you ticked it, plus the need of every trait it undermines;
- a strategy scores the sum of the scores of the barriers it overcomes, plus the need of every
  trait it builds;
- a shift scores the scores of its barriers plus the need of its traits;
- anything scoring 0 is left out; ties go to the item that comes first in learning order.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .graph import Graph

WEIGHTS = {"tick": 5}
TOP = {"barriers": 3, "strategies": 3, "shifts": 2}


def assessment_data(graph: Graph) -> dict[str, Any]:
    """Everything the page's script needs, built from the content: no list is written by hand."""
    content = graph.content
    return {
        "weights": WEIGHTS,
        "top": TOP,
        "traits": [{"id": t.id, "title": t.title} for t in content.traits],
        "barriers": [{"id": b.id, "title": b.title, "undermines": list(b.undermines)} for b in content.barriers],
        "strategies": [{"id": s.id, "title": s.title, "overcomes": list(s.overcomes), "builds": list(s.builds)}
                       for s in content.strategies],
        "shifts": [{"id": s.id, "title": s.title, "traits": list(s.traits), "barriers": list(s.barriers)}
                   for s in content.shifts],
    }


def rank(data: Mapping[str, Any], ratings: Mapping[str, int], ticked: set[str]) -> dict[str, list[str]]:
    """The ids to show, best first: ``{"barriers": [...], "strategies": [...], "shifts": [...]}``."""
    need = {t["id"]: 5 - ratings[t["id"]] if t["id"] in ratings else 0 for t in data["traits"]}
    barrier = {b["id"]: data["weights"]["tick"] * (b["id"] in ticked) + sum(need[t] for t in b["undermines"])
               for b in data["barriers"]}
    strategy = {s["id"]: sum(barrier[b] for b in s["overcomes"]) + sum(need[t] for t in s["builds"])
                for s in data["strategies"]}
    shift = {s["id"]: sum(barrier[b] for b in s["barriers"]) + sum(need[t] for t in s["traits"])
             for s in data["shifts"]}
    return {"barriers": _top(barrier, data["top"]["barriers"]),
            "strategies": _top(strategy, data["top"]["strategies"]),
            "shifts": _top(shift, data["top"]["shifts"])}


def _top(scores: dict[str, int], count: int) -> list[str]:
    order = list(scores)  # dicts keep learning order
    ranked = sorted((s for s in order if scores[s] > 0), key=lambda s: (-scores[s], order.index(s)))
    return ranked[:count]
