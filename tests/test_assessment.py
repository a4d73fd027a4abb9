"""The self-assessment: the ranking rule in Python, its properties over thousands of answer sets,
the same rule in the page's script, and the page."""

from __future__ import annotations

import collections
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.check import check
from generator.pages.assessment import assessment_data, rank
from tests.conftest import ROOT


def role(key: str, kind: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"kind": kind, "key": key, "singular": kind, "plural": key, "items": items}


# A small graph: three traits, three barriers, three strategies, two shifts.
FIXTURE: dict[str, Any] = {
    "by": "scale",
    "max": 5,
    "levels": [],
    "rated_folder": "traits",
    "top": {"rate": 3, "tick": 3, "recommend": 2, "reflect": 1},
    "weights": {"recommend": [0.6, 0.4], "reflect": [0.5, 0.5]},
    "roles": {
        "rate": role(
            "traits", "trait", [{"id": "t1", "title": "T1"}, {"id": "t2", "title": "T2"}, {"id": "t3", "title": "T3"}]
        ),
        "tick": role(
            "barriers",
            "barrier",
            [
                {"id": "b1", "title": "B1", "rated": ["t1"]},
                {"id": "b2", "title": "B2", "rated": ["t2"]},
                {"id": "b3", "title": "B3", "rated": ["t1", "t3"]},
            ],
        ),
        "recommend": role(
            "strategies",
            "strategy",
            [
                {"id": "s1", "title": "S1", "ticked": ["b1"], "rated": ["t1"]},
                {"id": "s2", "title": "S2", "ticked": ["b2"], "rated": []},
                {"id": "s3", "title": "S3", "ticked": ["b1", "b2", "b3"], "rated": ["t1", "t2", "t3"]},
            ],
        ),
        "reflect": role(
            "shifts",
            "shift",
            [
                {"id": "h1", "title": "H1", "ticked": [], "rated": ["t1"]},
                {"id": "h2", "title": "H2", "ticked": ["b2"], "rated": []},
            ],
        ),
    },
}


def test_nothing_answered_recommends_nothing() -> None:
    assert rank(FIXTURE, {}, set()) == {"barriers": [], "strategies": [], "shifts": []}


def test_a_ticked_barrier_comes_before_any_unticked_one() -> None:
    # t1 rated 1 (need 1.0): b1 and b3 weigh on t1; b2 is ticked and its trait is unrated.
    result = rank(FIXTURE, {"t1": 1, "t3": 5}, {"b2"})
    assert result["barriers"] == ["b2", "b1", "b3"]
    # The first strategy works against b2, the first barrier shown.
    assert result["strategies"][0] in {"s2", "s3"}
    assert result["shifts"] == ["h1"]  # h1 builds t1, the greatest need; h2 only meets b2


def test_breadth_alone_does_not_win() -> None:
    # s3 is linked to everything; s1 only to b1 and t1. With only b1 ticked and t1 rated 1,
    # both reach b1, but s3's average need is diluted by the traits it builds that were not rated.
    result = rank(FIXTURE, {"t1": 1}, {"b1"})
    assert result["barriers"][0] == "b1"
    assert result["strategies"] == ["s1", "s3"]


def test_ties_go_to_learning_order() -> None:
    result = rank(FIXTURE, {"t1": 3, "t2": 3}, set())
    assert result["barriers"] == ["b1", "b2", "b3"]


def test_with_nothing_to_recommend_the_lowest_rated_show() -> None:
    data = {**FIXTURE, "roles": {"rate": FIXTURE["roles"]["rate"]}, "top": {"rate": 2}, "weights": {}}
    assert rank(data, {"t1": 4, "t2": 1, "t3": 2}, set()) == {"traits": ["t2", "t3"]}


CONTENT = check(ROOT / "content")
DATA = assessment_data(CONTENT.graph)
TRAITS = [e["id"] for e in DATA["roles"]["rate"]["items"]]
BARRIERS = [e["id"] for e in DATA["roles"]["tick"]["items"]]
STRATEGIES = DATA["roles"]["recommend"]["items"]
SHIFTS = DATA["roles"]["reflect"]["items"]
against = {e["id"]: set(e["ticked"]) for e in (*STRATEGIES, *SHIFTS)}


def test_the_data_comes_from_the_content() -> None:
    assert TRAITS == [t.id for t in CONTENT.content.of_kind("trait")]
    assert len(BARRIERS) == len(CONTENT.content.of_kind("barrier"))
    assert [s["id"] for s in STRATEGIES] == [s.id for s in CONTENT.content.of_kind("strategy")]


answers = st.tuples(st.dictionaries(st.sampled_from(TRAITS), st.integers(1, 5)), st.sets(st.sampled_from(BARRIERS)))


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers)
def test_ranking_properties_hold_for_any_answers(answer: tuple[dict[str, int], set[str]]) -> None:
    ratings, ticked = answer
    result = rank(DATA, ratings, ticked)
    shown = result["barriers"]
    # A ticked barrier always ranks above every barrier not ticked.
    flags = [b in ticked for b in shown]
    assert flags == sorted(flags, reverse=True)
    assert sum(flags) == min(len(ticked), len(shown) if len(shown) == 3 else len(ticked))
    # The first barrier shown has a recommended strategy that works against it, where one exists.
    if shown:
        helpers = {s["id"] for s in STRATEGIES if shown[0] in s["ticked"]}
        if helpers:
            assert result["strategies"] and result["strategies"][0] in helpers
    # Every ticked barrier shown has a strategy shown that works against it (three strategies are
    # shown, and at most three barriers), and a shift where the shifts after the first are room enough.
    for role, entries in (("strategies", STRATEGIES), ("shifts", SHIFTS)):
        uncovered = [b for b in shown if b in ticked and not any(b in against[s] for s in result[role])]
        helped = [b for b in shown if b in ticked and any(b in e["ticked"] for e in entries)]
        if role == "strategies" or len(helped) < len(result[role]):
            assert [b for b in uncovered if b in helped] == [], (role, result)


def test_a_ticked_barrier_ranked_second_gets_its_own_strategy() -> None:
    """The walk-through's reader: low on strategic planning and vision, ticking that nobody could
    take over and that nobody senior sees their work. Both barriers get a strategy, not only the
    first."""
    ratings = {"strategic-planning": 1, "vision": 1, "stakeholder-communication": 2}
    result = rank(DATA, ratings, {"no-succession-plan", "insufficient-executive-visibility"})
    assert result["barriers"][:2] == ["insufficient-executive-visibility", "no-succession-plan"]
    assert result["strategies"][0] in {"enhance-executive-visibility", "track-and-measure-impact"}
    assert any("no-succession-plan" in against[s] for s in result["strategies"]), result


def test_the_set_is_chosen_to_cover_not_only_ordered() -> None:
    """Room for two, b1 and b2 ticked, and s3 (against b1 and b3) scoring above s2 (against b2):
    s1 first for b1, then s2 for b2, not s3."""
    roles = FIXTURE["roles"]
    s3 = {"id": "s3", "title": "S3", "ticked": ["b1", "b3"], "rated": ["t1", "t3"]}
    recommend = {**roles["recommend"], "items": [*roles["recommend"]["items"][:2], s3]}
    data = {**FIXTURE, "top": {**FIXTURE["top"], "recommend": 2}, "roles": {**roles, "recommend": recommend}}
    result = rank(data, {"t1": 1, "t2": 5, "t3": 1}, {"b1", "b2"})
    assert result["barriers"][:2] == ["b1", "b2"]
    assert result["strategies"] == ["s1", "s2"]
    # With room for three, s3 comes back, in its place by score.
    roomy = {**data, "top": {**data["top"], "recommend": 3}}
    assert rank(roomy, {"t1": 1, "t2": 5, "t3": 1}, {"b1", "b2"})["strategies"] == ["s1", "s3", "s2"]


def random_answers(count: int, seed: int = 2026) -> list[tuple[dict[str, int], list[str]]]:
    rng = random.Random(seed)
    return [
        ({t: rng.randint(1, 5) for t in TRAITS if rng.random() < 0.85}, [b for b in BARRIERS if rng.random() < 0.3])
        for _ in range(count)
    ]


def test_no_strategy_comes_first_too_often_and_every_one_can() -> None:
    firsts = collections.Counter(
        rank(DATA, ratings, set(ticked))["strategies"][:1][0]
        for ratings, ticked in random_answers(10_000)
        if ticked or ratings
    )
    total = sum(firsts.values())
    assert total >= 9_000
    assert max(firsts.values()) / total <= 0.40, firsts.most_common(3)
    assert set(firsts) == {s["id"] for s in STRATEGIES}, "every strategy comes first for some answers"


@pytest.mark.parametrize("strategy", [s["id"] for s in STRATEGIES])
def test_each_strategy_comes_first_for_the_reader_it_is_for(strategy: str) -> None:
    """Tick one barrier it works against and rate low the traits it builds: it comes first."""
    entry = next(s for s in STRATEGIES if s["id"] == strategy)
    found = []
    for barrier in entry["ticked"]:
        ratings = {t: (1 if t in entry["rated"] else 5) for t in TRAITS}
        found.append(rank(DATA, ratings, {barrier})["strategies"][0])
    assert strategy in found, found


@pytest.fixture
def site_url(shipped_url: str) -> str:
    return shipped_url


@pytest.mark.browser
def test_the_script_and_the_python_reference_agree(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(site_url + "assessment/")
    data = page.evaluate("JSON.parse(document.getElementById('leap-assessment-data').textContent)")
    assert data == DATA
    profiles = random_answers(2_000, seed=7)
    from_js = page.evaluate(
        "([data, profiles]) => profiles.map(([r, t]) => window.leapAssessment.rank(data, r, t))", [data, profiles]
    )
    from_python = [rank(data, ratings, set(ticked)) for ratings, ticked in profiles]
    assert from_js == from_python
    assert sum(bool(r["barriers"]) for r in from_python) >= 1_000


def test_every_rating_is_a_labelled_control(mini_site: Path) -> None:
    html = (mini_site / "assessment" / "index.html").read_text()
    assert html.count('type="radio" name="rating:') == 2 * 5
    assert html.count("<legend>") >= 3
    assert 'name="tick:hiding"' in html and "Nobody senior sees what I do." in html
