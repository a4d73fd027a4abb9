"""The shipped guide's own promises, checked on its content (not the engine's: the mini fixture
and the examples cover that): every trait leads somewhere, every barrier's way past it is a few
linked steps, every example says it is invented, the self-assessment asks nothing twice, the
programme's weekly hours add up from its parts and fit alongside a full job, and each session
asks for pre-work only once it is due."""

from __future__ import annotations

import re

import pytest

from generator.content.check import check
from generator.content.programme import When
from generator.pages.programme import duration, week_plans
from generator.pages.render import render_pages
from generator.pages.timing import reading_minutes
from tests.conftest import ROOT

CHECKED = check(ROOT / "content")
CONTENT = CHECKED.content
GRAPH = CHECKED.graph
PROGRAMME = CONTENT.programme
assert PROGRAMME is not None
WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def ids(kind: str) -> list[str]:
    return [item.id for item in CONTENT.of_kind(kind)]


@pytest.mark.parametrize("trait", ids("trait"))
def test_every_trait_is_reached_by_a_barrier_and_a_strategy(trait: str) -> None:
    """A low rating always leads somewhere: to a barrier that holds the trait back and a play that builds it."""
    item = CONTENT.by_id[trait]
    assert GRAPH.linked(item, "barrier"), f"no barrier undermines {trait}"
    assert GRAPH.linked(item, "strategy"), f"no strategy builds {trait}"


@pytest.mark.parametrize("barrier", ids("barrier"))
def test_every_way_past_a_barrier_is_three_to_five_linked_steps(barrier: str) -> None:
    item = CONTENT.by_id[barrier]
    text = item.fields["way_through"]
    steps = re.findall(r"^\d+\. ", text, re.MULTILINE)
    assert 3 <= len(steps) <= 5, f"{barrier}: {len(steps)} steps"
    assert not re.search(r"^\S", text.split("1. ", 1)[0], re.MULTILINE), f"{barrier}: text before the steps"
    plays = set(re.findall(r"\]\(\.\./strategies/([a-z0-9-]+)\.md\)", text))
    helpers = {s.id for s in GRAPH.linked(item, "strategy")}
    assert plays & helpers, f"{barrier}: links none of the plays that overcome it"
    assert plays <= helpers, f"{barrier}: links plays not listed as overcoming it: {plays - helpers}"
    assert re.search(r"\]\(\.\./worksheets/[a-z0-9/-]+\.md\)", text), f"{barrier}: links no worksheet"


@pytest.mark.parametrize("item", [i.id for i in CONTENT.items])
def test_every_item_has_an_example_labelled_as_an_illustration(item: str) -> None:
    example = CONTENT.by_id[item].fields.get("example", "")
    assert example.startswith("An illustration: "), f"{item}: {example[:40]!r}"


def test_no_statement_is_asked_twice_under_two_names() -> None:
    """No trait's 1, 3 or 5 shares a run of five words with a barrier's first-person statement."""

    def runs(text: str) -> set[tuple[str, ...]]:
        words = WORD.findall(text.lower().replace("\u2019", "'"))
        return {tuple(words[n : n + 5]) for n in range(len(words) - 4)}

    statements = {b.id: runs(b.fields["sounds_like"]) for b in CONTENT.of_kind("barrier")}
    for trait in CONTENT.of_kind("trait"):
        anchors = trait.fields["anchors"]
        for level in ("low", "middle", "high"):
            mine = runs(getattr(anchors, level))
            for barrier, theirs in statements.items():
                assert not mine & theirs, f"{trait.id} ({level}) and {barrier} ask the same: {mine & theirs}"


def test_anchors_describe_behaviour_not_other_peoples_opinions() -> None:
    opinions = re.compile(r"\b(trusts?|trusted|recogni[sz]ed|respected|seen as|known as|regarded)\b", re.IGNORECASE)
    for trait in CONTENT.of_kind("trait"):
        anchors = trait.fields["anchors"]
        for level in ("low", "middle", "high"):
            text = getattr(anchors, level)
            assert not opinions.search(text), f"{trait.id} ({level}): {text}"


def test_the_programme_reads_every_page_once() -> None:
    read = [i for week in PROGRAMME.weeks for i in week.read]
    assert sorted(read) == sorted(i.id for i in CONTENT.items)


def test_every_action_that_waits_for_an_event_says_what_to_do_if_none_comes() -> None:
    event = re.compile(
        r"\bnext (announcement|company announcement|change|proposal|one-to-one|team meeting|leadership meeting)\b"
    )
    fallback = re.compile(r"if none|at the latest|within (a|two|three|the) ")
    for item in CONTENT.items:
        action = item.fields.get("try_this")
        if action is not None and action.time and event.search(action.time):
            assert fallback.search(action.time), f"{item.id}: {action.time}"


@pytest.mark.parametrize("item", [i.id for i in CONTENT.items])
def test_every_action_says_how_many_weeks_it_takes(item: str) -> None:
    action = CONTENT.by_id[item].fields["try_this"]
    assert action.due_weeks is not None and action.minutes is not None, item


def set_week(item_id: str) -> int:
    """The week a page's action is set: the week whose do names it."""
    weeks = [n for n, week in enumerate(PROGRAMME.weeks, 1) if item_id in week.do]
    assert len(weeks) == 1, f"{item_id} is set in weeks {weeks}"
    return weeks[0]


@pytest.mark.parametrize("number", range(1, len(PROGRAMME.sessions) + 1))
def test_pre_work_is_due_by_its_session(number: int) -> None:
    """A session at the end of week N may ask for what is due by the end of week N; at its start,
    for what was due by the end of the week before. An action set in week S with due_weeks D is
    due by the end of week S + D - 1."""
    session = PROGRAMME.sessions[number - 1]
    moment = session.when or When(week=max(session.weeks))
    done = moment.week if moment.day == "end" else moment.week - 1
    asked = [work.action for work in session.prework if work.action]
    assert asked or number in (1,), f"session {number} asks for no action"
    for item_id in asked:
        due = set_week(item_id) + CONTENT.by_id[item_id].fields["try_this"].due_weeks - 1
        assert due <= done, f"session {number} asks for {item_id}, due by the end of week {due}"
    for week in session.weeks:
        assert week <= moment.week, f"session {number} covers week {week}, after it falls"


def test_the_weekly_hours_on_the_programme_page_add_up_from_their_parts() -> None:
    """Each row of the time table adds up; its reading, worksheet and ongoing figures are what
    the weeks ask (counted here again from the content), and its actions over all the weeks
    are the whole of every action the weeks set."""
    page = render_pages(CONTENT, GRAPH)["programme.md"]
    rows = [line for line in page.splitlines() if re.match(r"^\| \d+ \| ", line)]
    assert len(rows) == len(PROGRAMME.weeks)
    sheets = {sheet.id: sheet for sheet in CONTENT.framework.worksheets}
    assessment = CONTENT.framework.assessment
    assert assessment is not None and assessment.minutes
    actions = 0
    for number, (week, row) in enumerate(zip(PROGRAMME.weeks, rows), start=1):
        cells = [minutes(c) for c in row.strip("|").split("|")[1:]]
        reading, acting, worksheets, ongoing, total, session, with_session = cells
        assert reading + acting + worksheets + ongoing == total, f"week {number}: {row}"
        assert total + session == with_session, f"week {number}: {row}"
        items = [CONTENT.by_id[i] for i in week.read]
        assert reading == sum(reading_minutes(CONTENT, i) + 5 * len(i.fields["prompts"]) for i in items)
        expected = sum(sheets[s].minutes or 0 for s in week.worksheets) + (assessment.minutes if week.assessment else 0)
        assert worksheets == expected, f"week {number}"
        running = [
            w for w in PROGRAMME.ongoing if w.start <= number <= (w.until or 12) and (number - w.start) % w.every == 0
        ]
        assert ongoing == sum(w.minutes for w in running), f"week {number}"
        sessions = [s for s in PROGRAMME.sessions if (s.when.week if s.when else max(s.weeks)) == number]
        assert session == sum(s.minutes for s in sessions), f"week {number}"
        actions += acting
    assert actions == sum(CONTENT.by_id[i].fields["try_this"].minutes for week in PROGRAMME.weeks for i in week.do)


def test_the_programme_fits_alongside_a_full_job_and_the_brief_says_so() -> None:
    """About four hours a week on one's own, no week over five, and the manager brief says four."""
    plans = week_plans(CONTENT)
    assert all(plan.total <= 5 * 60 for plan in plans), [duration(p.total) for p in plans]
    assert 3.75 * 60 <= sum(p.total for p in plans) / len(plans) <= 4.25 * 60
    brief = PROGRAMME.manager_brief
    assert brief is not None and "about four hours of their week" in brief.text


def minutes(text: str) -> int:
    """A duration as the pages print it ("1 h 5 min", "45 min", "–"), in minutes."""
    hours = re.search(r"(\d+) h", text)
    mins = re.search(r"(\d+) min", text)
    return (int(hours.group(1)) * 60 if hours else 0) + (int(mins.group(1)) if mins else 0)
