"""The small things a reader meets: the plan says what the self-assessment filled in; a checklist
with every ticked line answered is done; the brand's colour in dark mode; no card that leads
nowhere."""

from __future__ import annotations

import re
from typing import Any

import pytest

from generator.content.check import check
from generator.pages.render import render_pages
from tests.conftest import MINI

PLAN_GOAL = "The role I am preparing for, and by when"


def fresh(browser: Any, scheme: str = "light") -> Any:
    page = browser.new_context(color_scheme=scheme).new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


@pytest.mark.browser
def test_use_my_results_lands_on_the_plan_with_what_it_filled(browser, shipped_url: str) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    page.goto(shipped_url + "assessment/")
    page.check('input[name="rating:vision"][value="2"]')
    page.check('input[name="tick:no-succession-plan"]')
    with page.expect_navigation():
        page.locator("a[data-leap-action=use-results]").click()
    note = page.locator(".leap-plan-note").inner_text()
    assert re.match(
        r"Filled in 13 lines from your self-assessment of \d{4}-\d\d-\d\d\. Change anything you like\.", note
    )
    assert note.endswith(f"Yours to write: “{PLAN_GOAL}”."), note
    assert page.evaluate("document.activeElement.name") == "goal"  # ready to type in
    blank = page.eval_on_selector_all(
        ".leap-plan textarea, .leap-plan input", "fields => fields.filter(f => !f.value).map(f => f.name)"
    )
    assert blank == ["goal"]  # every line the results can answer is filled: the role is the reader's
    assert "leap-filled" not in page.url  # a reload says nothing more
    page.reload()
    assert page.locator(".leap-plan-note").inner_text() == ""
    assert page.errors == []


@pytest.mark.browser
def test_a_checklist_with_every_ticked_line_answered_is_done(browser, shipped_url: str) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    page.goto(shipped_url + "worksheets/barrier-diagnostic/")
    page.check('input[name="tick:no-succession-plan"]')
    page.check('input[name="tick:lack-of-strategic-vision"]')
    page.fill('textarea[name="evidence:no-succession-plan"]', "Nobody covered for me in August.")

    def state() -> str:
        page.goto(shipped_url + "journal/")
        row = page.locator("#leap-journal-progress tr").filter(has_text="Barrier diagnostic")
        return str(row.locator(".leap-state").inner_text())

    assert state() == "started"
    page.goto(shipped_url + "worksheets/barrier-diagnostic/")
    page.fill('textarea[name="evidence:lack-of-strategic-vision"]', "The planning offsite, in March.")
    assert state() == "done"


def rgb(text: str) -> tuple[int, ...]:
    """A computed colour as 0-255 channels: rgb(r, g, b), or color(srgb r g b) with channels 0 to 1."""
    scale = 255 if text.startswith("color(srgb") else 1
    return tuple(round(float(n) * scale) for n in re.findall(r"[\d.]+", text)[:3])


@pytest.mark.browser
def test_dark_mode_keeps_the_brand_colour_for_links_and_outlined_buttons(browser, shipped_url: str) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser, "dark")
    page.goto(shipped_url)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    primary = rgb(
        page.evaluate(
            "getComputedStyle(document.body).getPropertyValue('--md-primary-fg-color')"
            ".trim().replace(/^#(..)(..)(..)$/, (_, r, g, b) => "
            "`rgb(${parseInt(r, 16)}, ${parseInt(g, 16)}, ${parseInt(b, 16)})`)"
        )
    )
    link = rgb(page.evaluate("getComputedStyle(document.querySelector('article p a')).color"))
    button = rgb(
        page.evaluate("getComputedStyle(document.querySelector('article .md-button:not(.md-button--primary)')).color")
    )
    mixed = tuple(round(0.55 * c + 0.45 * 255) for c in primary)
    assert all(abs(a - b) <= 1 for a, b in zip(link, mixed, strict=True)), (link, mixed)
    assert button == link
    assert link != (84, 136, 232)  # Material's own blue for the dark scheme, whatever the brand


def test_the_home_page_offers_the_workbook_only_when_it_was_printed() -> None:
    checked = check(MINI)
    without = render_pages(checked.content, checked.graph)["index.md"]
    assert "## Fill in a worksheet" in without and "workbook-a4.pdf" not in without
    assert "[Open the worksheets](worksheets/index.md)" in without
    printed = render_pages(checked.content, checked.graph, pdf_links=True)["index.md"]
    assert "## Print the workbook" in printed and 'data-leap-pdf="workbook-a4.pdf"' in printed
