"""Coming back: every page records the visit, so the home page offers the page read last; and
weeks later, the home page and My journal say when the self-assessment was last taken and what is
due (taking it again, a review date in the plan that has passed, the week of the programme), each
with one link to a page of this site. The clock is Playwright's, moved five weeks on."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

pytestmark = pytest.mark.browser

START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)  # a Monday


def fresh(browser: Any) -> Any:
    page = browser.new_context(timezone_id="UTC").new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    return page


@pytest.mark.parametrize("path", ["traits/vision/", "strategies/", "programme/", "matrix/"])
def test_a_page_read_is_offered_when_the_reader_comes_back(browser, shipped_url: str, path: str) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    page.goto(shipped_url)
    assert not page.locator(".leap-continue").is_visible()  # nothing read yet
    page.goto(shipped_url + path)
    title = page.locator("article h1").inner_text().replace("¶", "").strip()
    page.goto(shipped_url)
    link = page.locator(".leap-continue__link")
    assert link.is_visible() and link.inner_text() == title
    assert page.evaluate("(a) => a.href", link.element_handle()) == shipped_url + path
    assert page.errors == []


def test_five_weeks_on_the_home_page_and_the_journal_say_what_is_due(browser, shipped_url: str) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    page.clock.install(time=START)
    page.goto(shipped_url + "assessment/")
    page.check('input[name="rating:vision"][value="2"]')
    page.check('input[name="tick:no-succession-plan"]')
    page.get_by_role("button", name="Save today's results to compare later").click()
    with page.expect_navigation():
        page.locator("a[data-leap-action=use-results]").click()
    assert page.input_value('input[name="p1-review"]') == "2026-04-01"
    page.goto(shipped_url)
    due = page.locator(".leap-continue .leap-due")
    assert "Next time to take it again: 2026-03-23, week 4" in due.inner_text()

    page.clock.set_system_time(START + dt.timedelta(weeks=5))
    for where, selector in (("", ".leap-continue .leap-due"), ("journal/", ".leap-due-box .leap-due")):
        page.goto(shipped_url + where)
        due = page.locator(selector)
        assert due.is_visible(), where
        items = due.locator("li")
        texts = [items.nth(n).inner_text() for n in range(items.count())]
        assert len(texts) == 3, texts
        assert texts[0].startswith("You last took the self-assessment on 2026-03-02, 5 weeks ago.")
        assert "It is time to take it again (it was due on 2026-03-23, week 4 of The 12-week programme)" in texts[0]
        assert "“Days 1–30” has passed (2026-04-01)" in texts[1]
        assert "you are in week 6 of 12" in texts[2] and "Week 6: " in texts[2]
        hrefs = [items.nth(n).locator("a").evaluate_all("links => links.map(a => a.href)") for n in range(3)]
        assert hrefs == [
            [shipped_url + "assessment/"],
            [shipped_url + "worksheets/development-plan/"],
            [shipped_url + "programme/#week-6"],
        ]
    page.locator(".leap-due a").last.click()
    page.wait_for_load_state()
    assert page.evaluate("document.getElementById('week-6').getBoundingClientRect().top") < 200
    assert page.errors == []


def test_the_assessment_page_says_when_to_take_it_again(browser, shipped_url: str) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    page.clock.install(time=START)
    page.goto(shipped_url + "assessment/")
    page.check('input[name="rating:vision"][value="3"]')
    page.get_by_role("button", name="Save today's results to compare later").click()
    assert (
        "Next time to take it again: 2026-03-23, week 4 of The 12-week programme."
        in page.locator("#leap-chart").inner_text()
    )
    page.clock.set_system_time(START + dt.timedelta(weeks=5))
    page.reload()
    assert "It is time to take it again: it was due on 2026-03-23" in page.locator("#leap-chart").inner_text()
