"""The self-assessment: the ranking rule in Python, the same rule in the page's script, and the page."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from generator.assessment import assessment_data, rank
from generator.build import check
from tests.conftest import ROOT, serve
from tests.test_site import build_site

# A small graph: three traits, three barriers, three strategies, two shifts.
FIXTURE: dict[str, Any] = {
    "weights": {"tick": 5},
    "top": {"barriers": 3, "strategies": 2, "shifts": 1},
    "traits": [{"id": "t1", "title": "T1"}, {"id": "t2", "title": "T2"}, {"id": "t3", "title": "T3"}],
    "barriers": [{"id": "b1", "title": "B1", "undermines": ["t1"]},
                 {"id": "b2", "title": "B2", "undermines": ["t2"]},
                 {"id": "b3", "title": "B3", "undermines": ["t1", "t3"]}],
    "strategies": [{"id": "s1", "title": "S1", "overcomes": ["b1"], "builds": ["t1"]},
                   {"id": "s2", "title": "S2", "overcomes": ["b2"], "builds": []},
                   {"id": "s3", "title": "S3", "overcomes": ["b3"], "builds": []}],
    "shifts": [{"id": "h1", "title": "H1", "traits": ["t1"], "barriers": []},
               {"id": "h2", "title": "H2", "traits": [], "barriers": ["b2"]}],
}


def test_nothing_answered_recommends_nothing() -> None:
    assert rank(FIXTURE, {}, set()) == {"barriers": [], "strategies": [], "shifts": []}


def test_a_tick_outweighs_one_low_trait() -> None:
    # t1 rated 1 (need 4): b1 = 4, b3 = 4 + need(t3 = 5 -> 0) = 4; b2 ticked = 5.
    result = rank(FIXTURE, {"t1": 1, "t3": 5}, {"b2"})
    assert result["barriers"] == ["b2", "b1", "b3"]
    # s1 = b1 4 + need t1 4 = 8; s2 = b2 5; s3 = b3 4.
    assert result["strategies"] == ["s1", "s2"]
    # h1 = need t1 4; h2 = b2 5.
    assert result["shifts"] == ["h2"]


def test_ties_go_to_learning_order() -> None:
    # t1 and t2 both rated 3: b1 = b2 = 2 and b3 = 2 (t3 unrated): all tied, so content order.
    result = rank(FIXTURE, {"t1": 3, "t2": 3}, set())
    assert result["barriers"] == ["b1", "b2", "b3"]
    # s1 = 2 + 2 = 4 leads; s2 = s3 = 2 tie, and s2 comes first.
    assert result["strategies"] == ["s1", "s2"]
    assert result["shifts"] == ["h1"]


def test_the_data_comes_from_the_content() -> None:
    checked = check(ROOT / "content")
    data = assessment_data(checked.graph)
    assert [t["id"] for t in data["traits"]] == [t.id for t in checked.content.traits]
    assert len(data["barriers"]) == 10 and len(data["strategies"]) == 7


def random_profiles(data: dict[str, Any], count: int) -> list[tuple[dict[str, int], list[str]]]:
    rng = random.Random(2026)
    profiles = []
    for _ in range(count):
        ratings = {t["id"]: rng.randint(1, 5) for t in data["traits"] if rng.random() < 0.85}
        ticked = [b["id"] for b in data["barriers"] if rng.random() < 0.3]
        profiles.append((ratings, ticked))
    return profiles


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    with serve(build_site(tmp_path_factory.mktemp("assess"), ROOT / "content")) as url:
        yield url


@pytest.mark.browser
def test_the_script_and_the_python_reference_agree(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(site_url + "assessment/")
    data = page.evaluate("JSON.parse(document.getElementById('leap-assessment-data').textContent)")
    assert data == assessment_data(check(ROOT / "content").graph)
    profiles = random_profiles(data, 40)
    from_js = page.evaluate("([data, profiles]) => profiles.map(([r, t]) => window.leapAssessment.rank(data, r, t))",
                            [data, profiles])
    from_python = [rank(data, ratings, set(ticked)) for ratings, ticked in profiles]
    assert from_js == from_python
    assert sum(bool(r["barriers"]) for r in from_python) >= 20


PROFILE = {"strategic-planning": 2, "team-development": 4, "performance-management": 4, "budgeting-resources": 2,
           "stakeholder-communication": 3, "process-improvement": 4, "risk-compliance": 3, "customer-focus": 3,
           "vision": 2, "decision-making-in-ambiguity": 4}
TICKED = ["insufficient-executive-visibility", "business-acumen-gap"]


@pytest.mark.browser
def test_answering_shows_the_expected_plan_and_is_kept(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_context().new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(site_url + "assessment/")
    for trait, rating in PROFILE.items():
        page.check(f'input[name="trait:{trait}"][value="{rating}"]')
    for barrier in TICKED:
        page.check(f'input[name="barrier:{barrier}"]')
    expected = rank(assessment_data(check(ROOT / "content").graph), PROFILE, set(TICKED))
    assert expected["barriers"] == ["business-acumen-gap", "insufficient-executive-visibility",
                                    "lack-of-strategic-vision"]
    assert expected["strategies"] == ["continuous-learning", "build-cross-departmental-relationships",
                                      "seek-mentorship"]

    def on_screen() -> tuple[list[str], list[str]]:
        barriers = page.locator("#leap-result-barriers > li > div a").all_inner_texts()
        strategies = page.locator("#leap-result-strategies > li > div a:first-child").all_inner_texts()
        return barriers, strategies

    titles = check(ROOT / "content").content.by_id
    wanted = ([titles[b].title for b in expected["barriers"]], [titles[s].title for s in expected["strategies"]])
    assert on_screen() == wanted
    assert page.locator("#leap-progress-text").inner_text() == "10 of 10 rated, 2 statements ticked"
    assert "Days 1–30: Engage in continuous learning and development" in page.locator("#leap-plan").inner_text()
    page.reload()
    assert on_screen() == wanted
    assert page.is_checked('input[name="trait:vision"][value="2"]')
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear my answers").click()
    assert on_screen() == ([], [])
    page.reload()
    assert not page.is_checked('input[name="trait:vision"][value="2"]')
    assert errors == []


def test_every_rating_is_a_labelled_control(tmp_path: Path) -> None:
    html = (build_site(tmp_path, ROOT / "tests" / "fixtures" / "mini") / "assessment" / "index.html").read_text()
    assert html.count('type="radio" name="trait:') == 2 * 5
    assert html.count("<legend>") >= 3
    assert 'name="barrier:hiding"' in html and "Nobody senior sees what I do." in html
