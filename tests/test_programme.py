"""The programme, worked out from its parts: each week's time is the sum of what it asks, each
action is due as many weeks on as it says, each session says when it falls and asks only for
what is due by then; the facilitator guide, the manager brief and the rating by others follow
from the content. Checked on the mini fixture, without building a site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content.check import check
from generator.pages.journal import journal_data
from generator.pages.navigation import entries, site_nav
from generator.pages.programme import duration, week_plans
from generator.pages.render import render_pages
from generator.wiki.export import wiki_pages
from tests.conftest import MINI
from tests.test_errors import edit, problems_for

CHECKED = check(MINI, strict=True)
PAGES = render_pages(CHECKED.content, CHECKED.graph)


def minutes(text: str) -> int:
    """ "1 h 57 min" as 117."""
    hours = re.search(r"(\d+) h", text)
    mins = re.search(r"(\d+) min", text)
    return (int(hours.group(1)) * 60 if hours else 0) + (int(mins.group(1)) if mins else 0)


def test_a_weeks_time_is_the_sum_of_its_parts() -> None:
    """Week 1: two pages (1 minute to read and three prompts of 5 minutes each), the action on
    Hiding (20 minutes, due in its week), the barrier diagnostic (10) and the rating by others
    (10), the self-assessment (15) and the partner met every other week (30); the kick-off (30)
    on top for a group. Week 2: one page, the action on Show up (15), the plan (30), the
    self-assessment (15), and Show up carried on (20); its worksheet is its page's prompts,
    already counted."""
    week1 = (1 + 15) + (1 + 15) + 20 + 10 + 10 + 15 + 30
    week2 = (1 + 15) + 15 + 30 + 15 + 20
    assert [p.total for p in week_plans(CHECKED.content)] == [week1, week2]
    assert [p.with_session for p in week_plans(CHECKED.content)] == [week1 + 30, week2 + 60]
    page = PAGES["programme.md"]
    assert f"This week: about {duration(week1)}, or {duration(week1 + 30)} with the group session." in page
    rows = re.findall(r"^\| (\d) \(.*$", page, re.MULTILINE)
    assert rows == ["1", "2"]
    for line in (line for line in page.splitlines() if re.match(r"^\| \d \(", line)):
        cells = [c.strip().strip("*") for c in line.strip("|").split("|")]
        parts, total, session, with_session = cells[1:5], cells[5], cells[6], cells[7]
        assert sum(minutes(p) for p in parts) == minutes(total)
        assert minutes(total) + minutes(session.replace("–", "")) == minutes(with_session)


def test_an_action_that_takes_weeks_is_shared_out_over_them(mini: Path) -> None:
    edit(mini / "barriers" / "hiding.yaml", "due_weeks: 1", "due_weeks: 2")
    edit(mini / "programme.yaml", "{do: Bring the update you sent., action: hiding}", "Bring the update you sent.")
    plans = week_plans(check(mini).content)
    assert [[(d.item.id, d.minutes, d.new) for d in p.doing] for p in plans] == [
        [("hiding", 10, True)],
        [("hiding", 10, False), ("show-up", 15, True)],
    ]
    page = render_pages(check(mini).content, check(mini).graph)["programme.md"]
    assert "- Start the action on [Hiding](barriers/hiding.md) (about 20 min in all, 10 min this week), due by" in page
    assert (
        "- Carry on with the action on [Hiding](barriers/hiding.md) (about 10 min this week), due by the end of week 2."
        in page
    )


def test_weeks_and_sessions_give_their_dates_when_the_programme_says_when_it_starts() -> None:
    assert '<p class="leap-when">Week of 19 January 2026</p>' in PAGES["programme.md"]
    guide = PAGES["facilitator-guide.md"]
    assert "| Start of week 1 (week of 12 January 2026) | Each person leaves with a partner. | 30 min |" in guide
    assert "End of week 2 (week of 19 January 2026) · 1 h · week 2 of the [programme](programme.md)" in guide


def test_a_session_can_be_run_from_the_page() -> None:
    """When it falls, its objective, a timed agenda with the group's questions, materials, a
    note, questions for the group, and pre-work with the action it comes from and when that is due."""
    guide = PAGES["facilitator-guide.md"]
    session = guide[guide.index("## Session 2") :]
    for expected in (
        "**Objective:** Each person leaves with one thing to try.",
        "What participants do before it, by the end of week 2:",
        "- Bring the update you sent (the action on [Hiding](barriers/hiding.md), due by the end of week 1).",
        "1. **0:00–0:10** check-in\n2. **0:10–0:40** discussion: *What did the update change?*\n3. **0:40–1:00** pairs\n",
        "### Materials\n\n- A timer\n- Name cards",
        "### Facilitator's note\n\nKeep it *short*.",
        "### More questions for the group\n\n- What surprised you?\n",
    ):
        assert expected in session, expected
    assert "Who sees your work?" not in session  # its own questions replace the pages' first prompts
    first = guide[guide.index("## Session 1") : guide.index("## Session 2")]
    assert "- *Hiding:* Who sees your work?" in first
    assert "What participants do before it:" in first  # at the start of week 1, nothing is due yet


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            "due_weeks: 1}",
            "due_weeks: 3}",
            (
                "programme.yaml:45: 'action': the action on 'hiding' is due by the end of week 3 (set in week 1, "
                "due_weeks 3), after the session at the end of week 2"
            ),
        ),
        (
            "action: hiding}",
            "action: hidin}",
            "programme.yaml:45: 'action': unknown page 'hidin' (did you mean 'hiding'?)",
        ),
        (
            '      - {minutes: 30, what: discussion, question: "What did the update change?"}',
            '      - {minutes: 25, what: discussion, question: "What did the update change?"}',
            "programme.yaml:36: 'agenda': its parts add up to 55 minutes; the session lasts 60",
        ),
        (
            "    do: [hiding]",
            "    do: [hiding, show-up]",
            "programme.yaml:9: 'do': 'show-up' is not read by week 1 (it is read in week 2)",
        ),
        (
            "    weeks: [1]\n    when: {week: 1, day: start}",
            "    weeks: [1, 2]\n    when: {week: 1, day: start}",
            "programme.yaml:23: 'weeks': week 2 comes after the session (the start of week 1)",
        ),
        (
            "  - {item: show-up, from: 2, minutes: 20}",
            "  - {item: show-up, what: Show up, from: 2, minutes: 20}",
            "programme.yaml:18: give item (the id of a page) or what (in words), not both",
        ),
        (
            "  - {item: show-up, from: 2, minutes: 20}",
            "  - {item: show-up, from: 2, minutes_per_week: 20}",
            "programme.yaml:18: unknown field 'ongoing item 1.minutes_per_week' (did you mean 'minutes'?)",
        ),
        (
            "    when: {week: 1, day: start}",
            "    wen: {week: 1, day: start}",
            "programme.yaml:24: unknown field 'sessions item 1.wen' (did you mean 'when'?)",
        ),
        (
            "starts: 2026-01-12",
            "starts: 12/01/2026",
            "programme.yaml:3: 'starts' should be a date, written like 2026-01-12",
        ),
        (
            "    weeks: [2]\n    minutes: 60",
            "    weeks: [2, 3]\n    minutes: 60",
            "programme.yaml:33: 'weeks': there is no week 3 (the programme has 2)",
        ),
    ],
)
def test_programme_problems_are_named_with_their_line(mini: Path, old: str, new: str, problem: str) -> None:
    target = mini / ("barriers/hiding.yaml" if old.startswith("due_weeks") else "programme.yaml")
    edit(target, old, new)
    assert problem in problems_for(mini)


def test_a_session_covering_a_week_past_the_end_is_told_once(mini: Path) -> None:
    edit(mini / "programme.yaml", "    weeks: [2]\n    minutes: 60", "    weeks: [2, 3]\n    minutes: 60")
    assert problems_for(mini) == ["programme.yaml:33: 'weeks': there is no week 3 (the programme has 2)"]


def test_a_session_at_the_start_of_a_week_asks_only_for_what_was_due_the_week_before(mini: Path) -> None:
    edit(
        mini / "programme.yaml",
        "    weeks: [2]\n    minutes: 60",
        "    weeks: [2]\n    when: {week: 2, day: start}\n    minutes: 60",
    )
    check(mini, strict=True)  # Hiding's action is due by the end of week 1
    edit(mini / "barriers" / "hiding.yaml", "due_weeks: 1}", "due_weeks: 2}")
    assert problems_for(mini) == [
        (
            "programme.yaml:46: 'action': the action on 'hiding' is due by the end of week 2 (set in week 1, "
            "due_weeks 2), after the session at the start of week 2"
        )
    ]


def test_pre_work_needs_an_action_that_says_when_it_is_due(mini: Path) -> None:
    edit(mini / "barriers" / "hiding.yaml", ", due_weeks: 1}", "}")
    assert problems_for(mini) == [
        "programme.yaml:45: 'action': the action on 'hiding' gives no due_weeks, so when it is due cannot be checked"
    ]


def test_sessions_come_in_the_order_they_fall(mini: Path) -> None:
    edit(
        mini / "programme.yaml",
        "    weeks: [2]\n    minutes: 60",
        "    weeks: [1]\n    when: {week: 1, day: start}\n    minutes: 60",
    )
    edit(
        mini / "programme.yaml",
        "    weeks: [1]\n    when: {week: 1, day: start}\n    minutes: 30",
        "    weeks: [1]\n    when: {week: 1, day: end}\n    minutes: 30",
    )
    assert "programme.yaml:34: the session falls at the start of week 1, before the session above it" in problems_for(
        mini
    )


def test_what_the_weeks_time_leaves_out_is_a_warning(mini: Path) -> None:
    edit(
        mini / "framework.yaml",
        "    intro: Tick the barriers that sound like you, and note when each one last showed up.\n    minutes: 10\n",
        "    intro: Tick the barriers that sound like you, and note when each one last showed up.\n",
    )
    edit(mini / "programme.yaml", "    do: [hiding]\n", "")
    assert problems_for(mini, strict=True) == [
        "programme.yaml:9: warning: 'worksheets': 'barrier-diagnostic' gives no minutes: the week's time leaves it out",
        "programme.yaml:44: warning: 'action': no week's do sets the action on 'hiding': the weeks' time leaves it out",
    ]


def test_the_manager_brief_is_a_page_of_its_own_everywhere() -> None:
    assert (
        "markdown>\n\nYour colleague is following [the programme](programme.md) for two weeks.\n\n</div>"
        in PAGES["manager-brief.md"]
    )
    assert ("A note for managers", "manager-brief.md") in entries(site_nav(CHECKED.content))
    assert "[A note for managers](manager-brief.md), one page to send or print." in PAGES["facilitator-guide.md"]
    pages = {
        "gitlab": "manager-brief.md",
        "github": "A-note-for-managers.md",
        "azure": "A-note-for-managers.md",
        "mediawiki": "A note for managers.wiki",
    }
    for flavor, name in pages.items():
        wiki = wiki_pages(CHECKED.graph, flavor)
        assert "Your colleague is following" in wiki[name], flavor
        assert any("Facilitator guide" in text or "Facilitator-guide" in file for file, text in wiki.items()), flavor


def test_the_programme_and_facilitator_guide_are_in_every_wiki() -> None:
    for flavor in ("gitlab", "github", "azure", "mediawiki"):
        text = "\n".join(wiki_pages(CHECKED.graph, flavor).values())
        assert "This week: about 1 h 57 min, or 2 h 27 min with the group session." in text, flavor
        assert "0:10–0:40" in text and "due by the end of week 1" in text, flavor


def test_a_rating_by_others_keeps_its_answers_apart_from_the_self_assessment() -> None:
    sheet = PAGES["worksheets/others-rating.md"]
    assert 'data-worksheet="others-rating" data-guide="mini-guide"' in sheet and "data-store" not in sheet
    assert 'name="clarity:rater-1" value="3" data-question="Clarity: My manager"' in sheet
    assert 'name="rating:' not in sheet
    journal = next(s for s in journal_data(CHECKED.content)["sheets"] if s["id"] == "others-rating")
    assert journal["store"] == "others-rating"
    assert [f["name"] for f in journal["fields"]][:2] == ["clarity:rater-1", "clarity:rater-2"]


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            "    question: Which describes them today?\n",
            "",
            "a rating worksheet by others needs its raters as columns (1 to 4) and a question",
        ),
        ("    columns: [My manager, A peer]", "    columns: [My manager, my manager]", "two raters have the same name"),
    ],
)
def test_a_rating_by_others_names_its_raters(mini: Path, old: str, new: str, problem: str) -> None:
    edit(mini / "framework.yaml", old, new)
    assert any(p.endswith(problem) for p in problems_for(mini))


def test_editing_this_guide_documents_every_field_of_the_programme() -> None:
    editing = PAGES["editing.md"]
    for field in (
        "starts",
        "ongoing[].every",
        "sessions[].when.day",
        "sessions[].prework[].action",
        "manager_brief.text",
    ):
        assert f"| `{field}` |" in editing, field
    assert "| `sessions[].when.day` | optional | start or end |" in editing
    assert "| `try_this.due_weeks` | optional | whole number |" in editing
