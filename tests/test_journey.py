"""A reader's journey in Chromium: answers kept, moved and never misplaced; coming back to the
self-assessment; the plan's calendar; and pages that work at 390 px and with the keyboard."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import icalendar
import pytest

from generator.content.check import check
from tests.conftest import MINI, serve
from tests.test_site import build_site

pytestmark = pytest.mark.browser
MINI_CONTENT = check(MINI).content
CLARITY_PROMPTS = MINI_CONTENT.by_id["clarity"].fields["prompts"]


@pytest.fixture
def mini(mini_url: str) -> str:
    return mini_url


def fresh(browser: Any) -> Any:
    """A new browser profile: its own, empty localStorage. Dialogs are accepted."""
    page = browser.new_context(accept_downloads=True).new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    return page


def answer_some(page: Any, url: str) -> None:
    page.goto(url + "worksheets/traits/clarity/")
    page.fill(f'textarea[name="{CLARITY_PROMPTS[0].id}"]', "Written down, pinned by my desk.\nSecond line.")
    page.check('input[name="rating"][value="4"]')
    page.fill('textarea[name="by-when"]', "Friday")
    page.goto(url + "assessment/")
    page.check('input[name="rating:clarity"][value="2"]')
    page.check('input[name="tick:hiding"]')
    page.goto(url + "worksheets/stakeholder-map/")
    page.fill('textarea[name="r1-c1"]', "Dana, VP Sales")


def record(page: Any) -> dict[str, Any]:
    return page.evaluate("window.leapStore.get().record")  # type: ignore[no-any-return]


def test_export_clear_import_restores_every_answer_exactly(browser, mini: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    answer_some(page, mini)
    page.goto(mini + "journal/")
    before = record(page)
    assert page.locator("#leap-journal-answers").inner_text().count("Written down, pinned by my desk.") == 1
    with page.expect_download() as saved:
        page.get_by_role("button", name="Save my answers to a file").click()
    file = tmp_path / "answers.json"
    saved.value.save_as(file)
    page.evaluate("localStorage.clear()")
    page.reload()
    assert record(page)["sheets"] == {}
    assert page.locator("#leap-journal-empty").is_visible()
    page.set_input_files("#leap-import-file", str(file))
    page.wait_for_function("document.getElementById('leap-journal-message').textContent.startsWith('Restored')")
    after = record(page)
    assert after["sheets"] == before["sheets"]
    page.goto(mini + "worksheets/traits/clarity/")
    assert (
        page.input_value(f'textarea[name="{CLARITY_PROMPTS[0].id}"]')
        == "Written down, pinned by my desk.\nSecond line."
    )
    assert page.is_checked('input[name="rating"][value="4"]')
    assert page.errors == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda data: {**data, "guide": "another-guide"}, "holds answers for another guide"),
        (lambda data: {**data, "version": 1}, "saved by an older version of the guide"),
        (lambda data: "{not json", "could not be read"),
    ],
    ids=["another-guide", "older-version", "broken"],
)
def test_a_wrong_file_changes_nothing(browser, mini: str, tmp_path: Path, change: Any, message: str) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    answer_some(page, mini)
    page.goto(mini + "journal/")
    before = record(page)
    changed = change(before)
    file = tmp_path / "wrong.json"
    file.write_text(changed if isinstance(changed, str) else json.dumps(changed), encoding="utf-8")
    page.set_input_files("#leap-import-file", str(file))
    page.wait_for_function("document.getElementById('leap-journal-message').textContent.length > 0")
    assert message in page.locator("#leap-journal-message").inner_text()
    assert "Nothing was changed" in page.locator("#leap-journal-message").inner_text()
    assert record(page) == before


def test_the_markdown_copy_holds_the_answers_to_share(browser, mini: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    answer_some(page, mini)
    page.goto(mini + "journal/")
    with page.expect_download() as saved:
        page.get_by_role("button", name="Save a copy to share (Markdown)").click()
    saved.value.save_as(tmp_path / "journal.md")
    text = (tmp_path / "journal.md").read_text(encoding="utf-8")
    assert text.startswith("# Mini Guide: my journal")
    assert f"**{CLARITY_PROMPTS[0].text}**" in text and "Written down, pinned by my desk." in text
    assert "Nobody senior sees what I do." in text  # the ticked statement


def test_two_guides_under_one_origin_keep_separate_answers(browser, tmp_path: Path, engine: str) -> None:  # type: ignore[no-untyped-def]
    host = tmp_path / "host"
    for name in ("first", "second"):
        shutil.copytree(build_site(tmp_path / name, MINI, engine=engine), host / name)
    with serve(host) as url:
        page = fresh(browser)
        page.goto(url + "first/worksheets/traits/clarity/")
        page.fill(f'textarea[name="{CLARITY_PROMPTS[0].id}"]', "Only in the first guide.")
        page.goto(url + "second/worksheets/traits/clarity/")
        assert page.input_value(f'textarea[name="{CLARITY_PROMPTS[0].id}"]') == ""
        page.fill(f'textarea[name="{CLARITY_PROMPTS[0].id}"]', "Only in the second guide.")
        page.goto(url + "first/worksheets/traits/clarity/")
        assert page.input_value(f'textarea[name="{CLARITY_PROMPTS[0].id}"]') == "Only in the first guide."
        keys = page.evaluate("Object.keys(localStorage)")
        assert len([k for k in keys if k.startswith("leap:v2:")]) == 2


def test_a_changed_prompt_keeps_its_old_answer_marked(browser, tmp_path: Path, engine: str) -> None:  # type: ignore[no-untyped-def]
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    site = build_site(tmp_path / "v1", content, engine=engine)
    with serve(site) as url:
        page = fresh(browser)
        page.goto(url + "worksheets/traits/clarity/")
        page.fill(f'textarea[name="{CLARITY_PROMPTS[0].id}"]', "My answer to the old question.")
        page.fill(f'textarea[name="{CLARITY_PROMPTS[1].id}"]', "Still the same question.")
        # The authors reword the first prompt and publish a new version at the same address.
        path = content / "traits" / "clarity.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("Is it written down?", "Where is it written down?"))
        shutil.rmtree(site)
        shutil.copytree(build_site(tmp_path / "v2", content, engine=engine), site)
        page.reload()
        fields = page.locator(".leap-worksheet textarea[data-question]")
        assert fields.nth(0).input_value() == ""  # the new question starts empty...
        assert fields.nth(1).input_value() == "Still the same question."  # ...the unchanged one keeps its answer
        earlier = page.locator(".leap-earlier")
        assert "Is it written down?" in earlier.inner_text()
        assert "My answer to the old question." in earlier.inner_text()
        page.goto(url + "journal/")
        text = page.locator("#leap-journal-answers").inner_text()
        assert "From an earlier version" in text and "My answer to the old question." in text
        assert page.errors == []


def test_answers_saved_by_the_first_release_survive(browser, mini: str) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    page.goto(mini)
    page.evaluate("""() => {
        localStorage.setItem('leap:worksheet:clarity', JSON.stringify(
            {'prompt-1': 'Kept since the first release.', 'rating': '3', 'review': '2026-01-05', 'action': 'Ask'}));
        localStorage.setItem('leap:worksheet:transition-reflection', JSON.stringify({'q1': 'My next step.'}));
        localStorage.setItem('leap:assessment', JSON.stringify({ratings: {clarity: 2, courage: 4}, ticked: ['hiding']}));
    }""")
    page.goto(mini + "worksheets/traits/clarity/")
    assert page.input_value(f'textarea[name="{CLARITY_PROMPTS[0].id}"]') == "Kept since the first release."
    assert page.is_checked('input[name="rating"][value="3"]')
    assert page.input_value('textarea[name="action"]') == "Ask"
    assert "2026-01-05" in page.locator(".leap-earlier").inner_text()  # a field that no longer exists: kept
    page.goto(mini + "assessment/")
    assert page.is_checked('input[name="rating:clarity"][value="2"]')
    assert page.is_checked('input[name="tick:hiding"]')
    page.goto(mini + "journal/")
    assert "My next step." in page.locator("#leap-journal-answers").inner_text()
    assert page.evaluate("localStorage.getItem('leap:worksheet:clarity')") is not None  # never deleted


def test_a_reassessment_adds_a_point_to_the_chart(browser, mini: str) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    page.goto(mini + "assessment/")
    page.check('input[name="rating:clarity"][value="2"]')
    page.get_by_role("button", name="Save today's results to compare later").click()
    assert page.locator("#leap-chart svg").count() == 0  # one result: its ratings, no line yet
    assert "2 of 5" in page.locator("#leap-chart").inner_text()
    # Four weeks on: the first results are dated back, and the reader rates again.
    page.evaluate(
        """() => { const s = window.leapStore.get(); s.record.assessments[0].date = '2026-10-01'; s.write(); }"""
    )
    page.reload()
    page.check('input[name="rating:clarity"][value="4"]')
    page.get_by_role("button", name="Save today's results to compare later").click()
    assert page.locator("#leap-chart svg").first.locator("circle").count() == 2
    assert page.locator("#leap-chart svg").first.locator("polyline").count() == 1
    assert "2 of 5 → 4 of 5" in page.locator("#leap-chart").inner_text()


def test_the_plan_fills_from_results_and_its_calendar_parses(browser, mini: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    page.goto(mini + "assessment/")
    page.check('input[name="rating:clarity"][value="1"]')
    page.check('input[name="tick:hiding"]')
    with page.expect_navigation():
        page.locator("a[data-leap-action=use-results]").click()
    assert page.url.endswith("/worksheets/development-plan/")
    assert page.input_value('textarea[name="p1-actions"]').startswith("Show up, by ")
    reviews = [page.input_value(f'input[name="p{n}-review"]') for n in (1,)]
    page.fill('input[name="p2-review"]', "2027-02-01")
    with page.expect_download() as saved:
        page.get_by_role("button", name="Add the review dates to my calendar (.ics)").click()
    saved.value.save_as(tmp_path / "plan.ics")
    calendar = icalendar.Calendar.from_ical((tmp_path / "plan.ics").read_bytes())
    dates = sorted(event.decoded("dtstart").isoformat() for event in calendar.walk("VEVENT"))
    assert dates == sorted([*reviews, "2027-02-01"])
    assert all("Review" in str(event["summary"]) for event in calendar.walk("VEVENT"))


def test_a_blank_copy_prints_without_answers_and_keeps_them(browser, mini: str) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    page.goto(mini + "worksheets/traits/clarity/")
    page.fill(f'textarea[name="{CLARITY_PROMPTS[0].id}"]', "Not for the blank copy.")
    page.evaluate("window.print = () => { window.__printed = document.querySelector('.leap-answer').textContent; }")
    page.get_by_role("button", name="Print a blank copy").click()
    assert page.evaluate("window.__printed") == ""
    assert page.input_value(f'textarea[name="{CLARITY_PROMPTS[0].id}"]') == "Not for the blank copy."


@pytest.fixture
def guide_site(shipped_url: str, shipped_site: Path) -> tuple[str, Path]:
    return shipped_url, shipped_site


def test_no_page_is_wider_than_a_390_px_screen(browser, guide_site: tuple[str, Path]) -> None:  # type: ignore[no-untyped-def]
    url, site = guide_site
    page = browser.new_page(viewport={"width": 390, "height": 844})
    wide = []
    for html in sorted(site.rglob("index.html")):
        path = html.parent.relative_to(site).as_posix()
        page.goto(url + ("" if path == "." else path + "/"))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide.append(f"{path}: {width}px")
    assert wide == []


def test_keyboard_focus_is_visible_on_every_kind_of_control(browser, guide_site: tuple[str, Path]) -> None:  # type: ignore[no-untyped-def]
    url, _ = guide_site
    page = browser.new_page()
    for path, selector in (
        ("assessment/", '.leap-assessment input[type="radio"]'),
        ("assessment/", '.leap-assessment input[type="checkbox"]'),
        ("worksheets/traits/vision/", ".leap-worksheet textarea"),
        ("worksheets/traits/vision/", ".leap-worksheet button"),
        ("journal/", ".leap-journal button"),
    ):
        page.goto(url + path)
        page.focus(selector)
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # focus that came from the keyboard: :focus-visible applies
        outline = page.evaluate(
            "getComputedStyle(document.activeElement).outlineStyle + ' ' + "
            "getComputedStyle(document.activeElement).outlineWidth"
        )
        assert outline.split()[0] not in ("none", "") and outline.split()[1] != "0px", (path, selector, outline)


def test_paper_is_black_on_white_even_in_dark_mode(browser, guide_site: tuple[str, Path]) -> None:  # type: ignore[no-untyped-def]
    url, _ = guide_site
    page = browser.new_page(color_scheme="dark")
    page.goto(url + "worksheets/traits/vision/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.emulate_media(media="print", color_scheme="dark")
    colours = page.evaluate("[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]")
    assert colours == ["rgb(255, 255, 255)", "rgb(0, 0, 0)"]


def test_the_checklist_of_statements_shares_the_self_assessments_ticks_and_keeps_older_answers(  # type: ignore[no-untyped-def]
    browser, mini: str
) -> None:
    page = fresh(browser)
    page.goto(mini)
    # Answers the checklist kept under its own id before it shared the self-assessment's record.
    page.evaluate("""() => {
        const store = window.leapStore.get();
        store.set("barrier-diagnostic", "hiding-applies", true, "Hiding: Applies to me");
        store.set("barrier-diagnostic", "hiding-evidence", "At the March review.", "Hiding: Evidence");
        store.set("assessment", "rating:clarity", "2", "Clarity");
    }""")
    page.goto(mini + "worksheets/barrier-diagnostic/")
    assert page.is_checked('input[name="tick:hiding"]')
    assert page.input_value('textarea[name="evidence:hiding"]') == "At the March review."
    assert "barrier-diagnostic" not in record(page)["sheets"]  # moved, not copied twice
    assert page.locator(".leap-earlier").count() == 0  # the self-assessment's rating is not an "earlier" answer
    page.goto(mini + "worksheets/self-assessment/")
    assert page.locator(".leap-earlier").count() == 0  # nor is the diagnostic's tick, on the rating sheet
    page.goto(mini + "assessment/")
    assert page.is_checked('input[name="tick:hiding"]')  # one set of ticks
    page.uncheck('input[name="tick:hiding"]')
    page.goto(mini + "worksheets/barrier-diagnostic/")
    assert not page.is_checked('input[name="tick:hiding"]')
    page.check('input[name="tick:hiding"]')
    page.get_by_role("button", name="Clear my answers").click()
    answers = record(page)["sheets"]["assessment"]
    assert "tick:hiding" not in answers and "evidence:hiding" not in answers
    assert answers["rating:clarity"]["value"] == "2"  # the self-assessment's own answers stay
    assert not page.errors


def test_the_journal_moves_a_checklists_older_answers_before_its_page_is_opened(browser, mini: str) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    page.goto(mini)
    page.evaluate("""() => window.leapStore.get().set("barrier-diagnostic", "hiding-evidence", "Last week.", "")""")
    page.goto(mini + "journal/")
    assert "Last week." in page.locator("#leap-journal-answers").inner_text()
    assert record(page)["sheets"]["assessment"]["evidence:hiding"]["value"] == "Last week."


def test_a_worksheet_says_when_it_saved_and_when_the_browser_will_not_keep_answers(browser, mini: str) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    page.goto(mini + "worksheets/traits/clarity/")
    status = page.locator(".leap-save-status")
    assert status.is_hidden()
    page.fill(f'textarea[name="{CLARITY_PROMPTS[0].id}"]', "Kept.")
    assert status.inner_text().startswith("Saved in this browser at ")
    full = fresh(browser)
    full.add_init_script(
        "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };"
    )
    full.goto(mini + "worksheets/traits/clarity/")
    full.fill(f'textarea[name="{CLARITY_PROMPTS[0].id}"]', "Not kept.")
    problem = full.locator(".leap-save-status--problem")
    assert (
        "would not save your answers" in problem.inner_text() and "Print it with your answers" in problem.inner_text()
    )


def test_an_older_checklist_answer_that_meets_a_newer_one_is_kept_and_shown(browser, mini: str) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    page.goto(mini)
    page.evaluate("""() => {
        const store = window.leapStore.get();
        store.set("barrier-diagnostic", "hiding-evidence", "The older note.", "Hiding: Evidence");
        store.set("assessment", "evidence:hiding", "The newer note.", "Hiding: Evidence");
    }""")
    page.goto(mini + "worksheets/barrier-diagnostic/")
    assert page.input_value('textarea[name="evidence:hiding"]') == "The newer note."
    assert "The older note." in page.locator(".leap-earlier").inner_text()
    page.get_by_role("button", name="Clear my answers").click()
    assert page.locator(".leap-earlier").count() == 0
