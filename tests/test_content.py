"""The shipped guide's own promises, checked on its content (not the engine's: the mini fixture
and the examples cover that): every trait leads somewhere, every barrier's way past it is a few
linked steps, every example says it is invented, the self-assessment asks nothing twice, and the
programme asks for pre-work only once it is due."""

from __future__ import annotations

import re

import pytest

from generator.content.check import check
from tests.conftest import ROOT

CHECKED = check(ROOT / "content")
CONTENT = CHECKED.content
GRAPH = CHECKED.graph
PROGRAMME = CONTENT.programme
assert PROGRAMME is not None
BY_TITLE = {item.title: item for item in CONTENT.items}
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


DUE = re.compile(r"due (?:by the end of |in )week (\d+)")
ACTION_ON = re.compile(r"the action on ([^,;)]+)")


@pytest.mark.parametrize("number", range(1, len(PROGRAMME.sessions) + 1))
def test_pre_work_is_due_by_its_session(number: int) -> None:
    """Each session comes at the end of its last week, so what it asks for must be due by then,
    from a page read no later than that week."""
    session = PROGRAMME.sessions[number - 1]
    last = max(session.weeks)
    read_in = {i: n for n, week in enumerate(PROGRAMME.weeks, 1) for i in week.read}
    for line in session.prework:
        for week in DUE.findall(line):
            assert int(week) <= last, f"session {number} asks for something due in week {week}: {line}"
        for title in ACTION_ON.findall(line):
            item = BY_TITLE.get(title.strip())
            assert item is not None, f"session {number}: no page titled {title!r}"
            assert read_in[item.id] <= last, f"session {number}: {item.title} is read in week {read_in[item.id]}"
