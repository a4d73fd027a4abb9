"""The plan's calendar file (.ics), made in Chromium from hostile titles, actions, focus answers and
dates, read back by ``icalendar`` and line by line against RFC 5545: every TEXT value escaped (a
lone carriage return too), only real dates in DTSTART, DTEND and UID, lines folded at 75 octets of
UTF-8 without splitting a character, and CRLF line ends."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import icalendar
import pytest

pytestmark = pytest.mark.browser

INJECT = "\r\nATTACH:https://evil.example/x\r\nBEGIN:VALARM"
TITLE = "Plan; with, commas \\ and a backslash\rATTACH:cr-only\nEND:VCALENDAR " + "é漢字😀" * 12
PERIOD = "First stretch\r\nORGANIZER:mailto:evil@example.org;X-TEST=1, " + "ü" * 40
FOCUS = "What I focus on;\r\nSTATUS:CANCELLED,\rURL:https://evil.example/\n\\n is not a newline\\, " + "😀" * 30
ACTION = "Do it\r\nATTACH:https://evil.example/action; then, " + "ç" * 50


def fresh(browser: Any) -> Any:
    page = browser.new_context(accept_downloads=True).new_page()
    page.errors = []
    page.on("dialog", lambda dialog: dialog.accept())
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    return page


def answer(value: str) -> dict[str, str]:
    return {"value": value, "question": "", "at": ""}


def restored(page: Any, url: str, tmp_path: Path, plan: dict[str, Any], results: Any = None) -> None:
    """A file whose plan holds ``plan`` (field: value), restored through My journal."""
    data = {
        "format": "leap-answers",
        "version": 2,
        "guide": "mini-guide",
        "sheets": {"development-plan": {name: answer(value) for name, value in plan.items()}},
        "assessments": [],
        "results": results,
        "visited": None,
        "adopted": {},
    }
    (tmp_path / "plan.json").write_text(json.dumps(data), encoding="utf-8")
    page.goto(url + "journal/")
    page.set_input_files("#leap-import-file", str(tmp_path / "plan.json"))
    page.wait_for_function("document.getElementById('leap-journal-message').textContent.startsWith('Restored')")


def calendar_of(page: Any, url: str, tmp_path: Path, hostile_titles: bool = True) -> bytes:
    """The plan page, with hostile words in its title and its stretches' headings, and its .ics."""
    page.goto(url + "worksheets/development-plan/")
    if hostile_titles:
        page.evaluate(
            """([title, period]) => {
                document.querySelector("h1").textContent = title;
                document.querySelector("[data-period='1'] h2").textContent = period;
            }""",
            [TITLE, PERIOD],
        )
    with page.expect_download() as saved:
        page.get_by_role("button", name="Add the review dates to my calendar (.ics)").click()
    saved.value.save_as(tmp_path / "plan.ics")
    return (tmp_path / "plan.ics").read_bytes()


def check_lines(data: bytes) -> list[str]:
    """RFC 5545's content lines: CRLF only, each at most 75 octets, each a whole UTF-8 text; the
    unfolded lines."""
    assert data.endswith(b"\r\n")
    lines = data[:-2].split(b"\r\n")
    for line in lines:
        assert b"\r" not in line and b"\n" not in line, line
        assert len(line) <= 75, (len(line), line)
        line.decode("utf-8")  # a fold never splits a character
    unfolded: list[str] = []
    for line in lines:
        if line.startswith(b" "):
            unfolded[-1] += line[1:].decode("utf-8")
        else:
            unfolded.append(line.decode("utf-8"))
    return unfolded


def as_written(text: str) -> str:
    """What a TEXT value reads back as: every kind of line break is a newline."""
    return re.sub(r"\r\n|\r", "\n", text)


def test_hostile_titles_actions_and_focus_are_text_and_lines_fold_by_octets(  # type: ignore[no-untyped-def]
    browser, mini_url: str, tmp_path: Path
) -> None:
    page = fresh(browser)
    results = {
        "date": "2026-03-01",
        "tick": [ACTION],
        "recommend": [{"id": "show-up", "title": ACTION, "action": ACTION, "sign": ACTION, "against": [ACTION]}],
    }
    restored(page, mini_url, tmp_path, {"start": "2027-01-01", "p1-focus": FOCUS}, results)
    page.goto(mini_url + "worksheets/development-plan/")
    page.get_by_role("button", name="Use my self-assessment results").click()
    assert page.input_value('textarea[name="p1-actions"]').startswith(ACTION.replace("\r\n", "\n"))
    page.fill('textarea[name="p1-focus"]', FOCUS)  # "Use my results" wrote a focus: the reader's words replace it
    data = calendar_of(page, mini_url, tmp_path)
    lines = check_lines(data)
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1  # the one review date "Use my results" set: 30 days from the start
    event = events[0]
    assert set(event.keys()) == {"UID", "DTSTAMP", "SEQUENCE", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "TRANSP"}
    assert event.decoded("dtstart").isoformat() == "2027-02-01"  # 30 days on is a Sunday: the Monday after
    title = " ".join(TITLE.split())  # the page's words, as the page shows them
    period = " ".join(PERIOD.split())
    assert str(event["summary"]) == f"Review: {period} ({title})"
    assert str(event["description"]) == as_written(FOCUS)
    assert [name for name, _ in calendar.property_items()].count("BEGIN") == 3  # one calendar, one event, its alarm
    assert not [line for line in lines if line.split(":")[0].split(";")[0] in ("ATTACH", "ORGANIZER", "URL", "STATUS")]
    assert page.errors == []


UID = re.compile(r"^review-[0-9a-f]{8}-")  # then the plan's id and the stretch
DATES = {
    "p1-review": "2027-01-05",
    "p2-review": "2027-02-01" + INJECT,
    "p3-review": "2027-02-30",
}


def test_a_stored_date_never_writes_a_property(browser, mini_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    restored(page, mini_url, tmp_path, {**DATES, "p2-focus": "Focus" + INJECT})
    data = calendar_of(page, mini_url, tmp_path, hostile_titles=False)
    lines = check_lines(data)
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert [event.decoded("dtstart").isoformat() for event in events] == ["2027-01-05"]
    assert [UID.sub("", str(event["uid"])) for event in events] == ["development-plan-p1@leap"]
    assert [(str(alarm["action"]), alarm.decoded("trigger")) for alarm in calendar.walk("VALARM")] == [
        ("DISPLAY", -dt.timedelta(hours=15))
    ]  # ours: one reminder, nothing the stored text wrote
    assert not [line for line in lines if line.startswith("ATTACH")]
    assert [line for line in lines if line.startswith("BEGIN:VALARM")] == ["BEGIN:VALARM"]
    assert page.errors == []


def test_with_no_real_date_the_plan_says_so_and_writes_no_file(browser, mini_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    restored(page, mini_url, tmp_path, {"p1-review": "2027-02-01" + INJECT, "p2-review": "tomorrow"})
    page.goto(mini_url + "worksheets/development-plan/")
    page.get_by_role("button", name="Add the review dates to my calendar (.ics)").click()
    assert "not dates" in page.locator(".leap-plan-note").inner_text()
    assert page.errors == []


def test_a_calendar_saved_again_updates_its_events_and_reminds(browser, mini_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Each review keeps its UID in every file (a calendar that imports the file again updates the
    events instead of adding them twice), each has a reminder, and a date "Use my results" sets
    never falls on a weekend."""
    page = fresh(browser)
    results = {
        "date": "2026-03-01",
        "tick": [],
        "recommend": [{"id": f"s{n}", "title": f"Play {n}"} for n in (1, 2, 3)],
    }
    restored(page, mini_url, tmp_path, {"start": "2026-12-31"}, results)
    page.goto(mini_url + "worksheets/development-plan/")
    page.get_by_role("button", name="Use my self-assessment results").click()
    reviews = [page.input_value(f'input[name="p{n}-review"]') for n in (1, 2, 3)]
    # 30, 60 and 90 days on: Saturday 30 Jan (so Monday 1 Feb), Monday 1 Mar, Wednesday 31 Mar.
    assert reviews == ["2027-02-01", "2027-03-01", "2027-03-31"]
    assert all(dt.date.fromisoformat(day).weekday() < 5 for day in reviews)
    first = icalendar.Calendar.from_ical(calendar_of(page, mini_url, tmp_path, hostile_titles=False))
    page.fill('input[name="p2-review"]', "2027-03-10")
    second = icalendar.Calendar.from_ical(calendar_of(page, mini_url, tmp_path, hostile_titles=False))
    uids = [[str(event["uid"]) for event in calendar.walk("VEVENT")] for calendar in (first, second)]
    assert len(set(uids[0])) == 3 and uids[0] == uids[1]
    moved = {str(e["uid"]): e.decoded("dtstart").isoformat() for e in second.walk("VEVENT")}
    assert sorted(moved.values()) == ["2027-02-01", "2027-03-10", "2027-03-31"]
    assert [int(e["sequence"]) for e in second.walk("VEVENT")] >= [int(e["sequence"]) for e in first.walk("VEVENT")]
    for event in second.walk("VEVENT"):
        alarms = event.walk("VALARM")
        assert len(alarms) == 1 and str(alarms[0]["action"]) == "DISPLAY"
        assert alarms[0].decoded("trigger") == -dt.timedelta(hours=15)  # 09:00 the day before
    assert page.errors == []
