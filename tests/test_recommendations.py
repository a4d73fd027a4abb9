"""A reader who ticks a barrier is answered: on the self-assessment, a strategy shown works against
every ticked barrier shown, and the plan it fills carries an action for each (tests/test_assessment.py
checks the rule itself on thousands of answer sets)."""

from __future__ import annotations

from typing import Any

import pytest

from generator.content.check import check
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

CONTENT = check(ROOT / "content").content
BARRIERS = CONTENT.of_kind("barrier")
OVERCOMES = {s.id: set(s.get("overcomes", ())) for s in CONTENT.of_kind("strategy")}
# The walk-through's reader: low on strategic planning and vision, and ticking that nobody senior
# sees their work, which ranks those barriers first.
LOW = {"strategic-planning": "1", "vision": "1", "stakeholder-communication": "2"}
ALSO = ["insufficient-executive-visibility", "lack-of-strategic-vision"]


def fresh(browser: Any) -> Any:
    page = browser.new_context().new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


@pytest.mark.parametrize("barrier", [b.id for b in BARRIERS])
def test_a_ticked_barrier_gets_a_strategy_and_a_plan_action(browser, shipped_url: str, barrier: str) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    page.goto(shipped_url + "assessment/")
    for trait, value in LOW.items():
        page.check(f'input[name="rating:{trait}"][value="{value}"]')
    ticked = [barrier, *[b for b in ALSO if b != barrier]][:2]
    for tick in ticked:
        page.check(f'input[name="tick:{tick}"]')
    shown_barriers = page.eval_on_selector_all(
        "#leap-result-tick > li > div a:first-child", "links => links.map(a => a.getAttribute('href'))"
    )
    assert any(barrier in href for href in shown_barriers), shown_barriers
    strategies = page.eval_on_selector_all(
        "#leap-result-recommend > li > div a:first-child",
        "links => links.map(a => a.getAttribute('href').replace(/\\/$/, '').split('/').pop())",
    )
    assert len(strategies) == 3
    helpers = [s for s in strategies if barrier in OVERCOMES[s]]
    assert helpers, (barrier, strategies)
    title = CONTENT.by_id[barrier].title
    reasons = page.locator("#leap-result-recommend").inner_text()
    assert "it works against" in reasons and title in reasons
    # The plan on the page, and the plan the button fills, give that strategy a stretch and its action.
    preview = page.locator("#leap-plan").inner_text()
    assert any(CONTENT.by_id[s].title in preview for s in helpers)
    with page.expect_navigation():
        page.locator("a[data-leap-action=use-results]").click()
    actions = [page.input_value(f'textarea[name="p{n}-actions"]') for n in (1, 2, 3)]
    assert any(title in text and "It works against" in text for text in actions), actions
    assert page.errors == []
