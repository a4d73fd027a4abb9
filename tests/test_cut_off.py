"""Nothing cut off: a one-line answer grows to hold what is written, on screen and on paper; and on
a phone (390 px), a table too wide for the screen reads down it instead of hiding columns."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.conftest import save_two_results

pytestmark = pytest.mark.browser

LONG = (
    "My manager and two peers say, unprompted, that the quarterly review ran without me; the team "
    "closed three decisions I used to take, and the numbers held: on-time delivery stayed above 95 "
    "per cent, no escalation reached me in six weeks, and my successor presented the results to the whole board herself."
)

# Cells of a table that lie outside what the screen shows: beyond the viewport, or clipped by a box
# that scrolls (a table that scrolls sideways hides the columns out of sight).
HIDDEN_CELLS = """() => {
  const out = [];
  const width = document.documentElement.clientWidth;
  document.querySelectorAll("article table").forEach((table) => {
    if (!table.getClientRects().length) return;
    let left = 0, right = width;
    for (let el = table; el && el !== document.documentElement; el = el.parentElement) {
      if (getComputedStyle(el).overflowX !== "visible") {
        const r = el.getBoundingClientRect();
        left = Math.max(left, r.left); right = Math.min(right, r.right);
      }
    }
    Array.from(table.querySelectorAll("th, td")).forEach((cell) => {
      const r = cell.getBoundingClientRect();
      if (r.width > 0 && (r.right > right + 1 || r.left < left - 1)) {
        out.push((table.className || "table") + ": " + cell.textContent.trim().slice(0, 40));
      }
    });
  });
  return out;
}"""


def fresh(browser: Any, width: int = 1280) -> Any:
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


def test_a_long_answer_in_a_one_line_field_shows_and_prints_whole(browser, shipped_url: str) -> None:  # type: ignore[no-untyped-def]
    assert len(LONG) >= 300
    for width in (1280, 390):
        page = fresh(browser, width)
        page.goto(shipped_url + "worksheets/development-plan/")
        field = page.locator('textarea[name="p1-measure"]')
        field.fill(LONG)
        page.reload()  # shown again from what was saved
        assert field.input_value() == LONG
        box = field.evaluate("f => ({scroll: f.scrollHeight, client: f.clientHeight, lines: f.clientHeight / 16})")
        assert box["scroll"] <= box["client"] + 1, box  # nothing scrolled out of sight
        assert box["lines"] > 2, box  # it grew past one line
        page.keyboard.press("Enter")  # one line: Enter adds no line break
        assert "\n" not in field.input_value()
    page.emulate_media(media="print")
    twin = page.locator('textarea[name="p1-measure"] + .leap-answer')
    assert twin.is_visible() and twin.inner_text() == LONG
    assert twin.evaluate("t => t.scrollHeight <= t.clientHeight + 1")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    printed = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pdf.pages))
    assert LONG.replace("-", "") in printed.replace("-", ""), printed[:2000]
    assert page.errors == []


def answer_tables(page: Any, url: str) -> None:
    """Answers that fill tables: a stakeholder map row, two saved self-assessments and a checklist."""
    page.goto(url + "worksheets/stakeholder-map/")
    page.fill('textarea[name="r1-c4"]', "Ask Dana for ten minutes after the quarterly review, about the new market.")
    page.goto(url + "assessment/")
    page.check('input[name="tick:no-succession-plan"]')
    save_two_results(page, "vision", 2, 4, "2026-01-05")


def test_no_table_hides_a_column_at_390_px(browser, shipped_url: str, shipped_site: Path) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser, 390)
    answer_tables(page, shipped_url)
    hidden = []
    for html in sorted(shipped_site.rglob("index.html")):
        path = html.parent.relative_to(shipped_site).as_posix()
        page.goto(shipped_url + ("" if path == "." else path + "/"))
        hidden += [f"{path}: {cell}" for cell in page.evaluate(HIDDEN_CELLS)]
    assert hidden == []
    # The tables read down the page, every cell named by its column.
    page.goto(shipped_url + "worksheets/stakeholder-map/")
    cell = page.locator('td:has(textarea[name="r1-c4"])')
    assert cell.get_attribute("data-label") == "My next step" and cell.is_visible()
    page.goto(shipped_url + "journal/")
    assert page.locator("#leap-journal-progress table[data-leap-stacked]").count() == 1
    assert "Ask Dana for ten minutes" in page.locator("#leap-journal-answers").inner_text()
    page.goto(shipped_url + "matrix/")
    row = page.locator("article table tbody tr").filter(has_text="No successor for your role").first
    shown = [c for c in row.locator("td").all() if c.is_visible()]
    assert len(shown) == 1 + 3 and all(c.inner_text().strip() in ("", "●") for c in shown[1:])  # the marks only
    assert page.errors == []


def test_a_table_that_fits_stays_a_table(browser, shipped_url: str) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser, 1280)
    page.goto(shipped_url + "worksheets/stakeholder-map/")
    assert page.locator("table[data-leap-stacked]").count() == 0
    page.set_viewport_size({"width": 390, "height": 900})
    page.wait_for_function("document.querySelector('table.leap-grid').hasAttribute('data-leap-stacked')")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.wait_for_function("!document.querySelector('table.leap-grid').hasAttribute('data-leap-stacked')")
