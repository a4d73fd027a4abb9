"""Worksheets: answers stay in the browser and print cleanly on A4 and Letter (the PDFs and the
workbooks: tests/test_paper.py)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.content.check import check
from tests.conftest import ROOT, folder_of, make_project, run_leap

pytestmark = pytest.mark.browser
SIZES = {"A4": (595.92, 842.88), "Letter": (612.0, 792.0)}


@pytest.fixture
def site_url(shipped_url: str) -> str:
    return shipped_url


def test_answers_survive_a_reload_and_can_be_cleared(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_context().new_page()
    url = site_url + "worksheets/traits/vision/"
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert page.locator("a.leap-pdf:visible").count() == 0  # no PDFs built for this site
    page.get_by_label("1. What do you believe").fill("AI will change how we plan.")
    page.get_by_label("4", exact=True).check()
    page.reload()
    assert page.get_by_label("1. What do you believe").input_value() == "AI will change how we plan."
    assert page.get_by_label("4", exact=True).is_checked()
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear my answers").click()
    assert page.get_by_label("1. What do you believe").input_value() == ""
    page.reload()
    assert page.get_by_label("1. What do you believe").input_value() == ""
    assert not page.get_by_label("4", exact=True).is_checked()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("item_id", ["no-succession-plan", "business-acumen-gap", "relational-challenges"])
def test_an_item_worksheet_prints_whole_on_at_most_two_pages(
    browser,
    site_url: str,
    paper: str,  # type: ignore[no-untyped-def]
    item_id: str,
) -> None:
    content = check(ROOT / "content").content
    item = content.by_id[item_id]
    page = browser.new_page()
    page.goto(f"{site_url}worksheets/{folder_of(item, content)}/{item_id}/")
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True)))
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 2), round(float(box.height), 2)) == SIZES[paper]
    assert 1 <= len(reader.pages) <= 2
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for prompt in item.fields["prompts"]:
        assert " ".join(prompt.text.split()) in text, prompt
    for chrome in ("Skip to content", "Search", "Clear my answers", "Made with"):
        assert chrome not in text


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_manager_brief_prints_on_one_page_and_the_rating_by_others_on_two(
    browser,  # type: ignore[no-untyped-def]
    site_url: str,
    paper: str,
) -> None:
    programme = check(ROOT / "content").content.programme
    assert programme is not None and programme.manager_brief is not None
    page = browser.new_page()
    page.goto(f"{site_url}manager-brief/")
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True)))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert programme.manager_brief.title in text and "Print this page" not in text
    assert "Respect the group's confidence." in text
    page.goto(f"{site_url}worksheets/others-rating/")
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True)))
    assert len(reader.pages) <= 2
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "11. Emotional intelligence and empathy" in text and "A peer, week 12" in text


def test_leap_pdf_without_chromium_says_how_to_install_it(tmp_path: Path) -> None:
    make_project(tmp_path, ROOT / "tests" / "fixtures" / "mini")
    result = run_leap("pdf", cwd=tmp_path, LEAP_CHROMIUM=str(tmp_path / "no-chromium"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "apt-get install chromium" in result.stderr
