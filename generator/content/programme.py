"""A programme: the guide laid out over weeks for a reader, and in sessions for a cohort.

Declared in the content as an optional ``programme.yaml``. Each week names the pages to read, the
actions to do, the worksheets to fill in and whether to take (or retake) the self-assessment;
``ongoing`` work (a play carried on, a partner met every other week) runs alongside the weeks.
Each session falls at the start or the end of a week, with an objective, a timed agenda, what to
bring, a note for the facilitator, questions for the group and pre-work; a one-page brief goes to
the participants' managers. How long each week takes, and when each action is due, are worked
out from these parts (:mod:`generator.content.schedule`), never written by hand.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, TypeAdapter
from pydantic.dataclasses import dataclass as schema_class

from .framework import SCHEMA, OneLine, Slug, Text

WeekNumber = Annotated[int, Field(ge=1, le=52)]
Minutes = Annotated[int, Field(ge=1, le=600)]


@schema_class(frozen=True, config=SCHEMA)
class Week:
    title: OneLine
    """What the week is about."""
    focus: OneLine
    """The question the week answers, or what to do."""
    read: Annotated[tuple[Slug, ...], Field(max_length=12)] = ()
    """Ids of the pages to read, and answer the reflection prompts of."""
    do: Annotated[tuple[Slug, ...], Field(max_length=8)] = ()
    """Ids of the pages whose action to do this week (read this week or before): counted in the
    week's time, and due as many weeks on as the action's due_weeks says."""
    worksheets: Annotated[tuple[Slug, ...], Field(max_length=8)] = ()
    """Ids of the worksheets to fill in: a page's id for its worksheet, or a cross-cutting worksheet's id."""
    assessment: bool = False
    """Take, or retake, the self-assessment this week."""


@schema_class(frozen=True, config=SCHEMA)
class Ongoing:
    """Work that runs alongside the weeks: an item's play carried on, or something named in words."""

    minutes: Minutes
    """About how many minutes it takes each time, for the weeks' time."""
    item: Slug | None = None
    """The id of the page it carries on (a play, say). Give this or what."""
    what: OneLine | None = None
    """What it is, in words, when it is no one page: "Meet your learning partner"."""
    start: WeekNumber = Field(default=1, alias="from")
    """The first week it runs in."""
    until: WeekNumber | None = None
    """The last week it runs in. Default: the programme's last."""
    every: Annotated[int, Field(ge=1, le=12)] = 1
    """How often, in weeks, from the first: 2 is every other week."""


@schema_class(frozen=True, config=SCHEMA)
class When:
    """When a session falls."""

    week: WeekNumber
    """The week's number (1 is the first)."""
    day: Literal["start", "end"] = "end"
    """At the start of the week (its pre-work due by the end of the week before) or at its end."""


@schema_class(frozen=True, config=SCHEMA)
class AgendaPart:
    """One part of a session's agenda."""

    minutes: Minutes
    """How long it takes. The parts add up to the session's minutes."""
    what: OneLine
    """What happens, such as "check-in" or "discussion"."""
    question: OneLine | None = None
    """The question put to the group, for a discussion."""


@schema_class(frozen=True, config=SCHEMA)
class PreworkSpec:
    """Something to do, or bring, before a session."""

    do: OneLine
    """What to do or bring."""
    action: Slug | None = None
    """The id of the page whose action it is: the guide checks that the action is due by the session."""


# Pre-work may be written as plain text: the text is what to do.
Prework = Annotated[
    PreworkSpec,
    BeforeValidator(
        lambda value: {"do": value} if isinstance(value, str) else value,
        json_schema_input_type=OneLine | PreworkSpec,
    ),
]


@schema_class(frozen=True, config=SCHEMA)
class Session:
    title: OneLine
    """The session's title."""
    weeks: Annotated[tuple[WeekNumber, ...], Field(min_length=1, max_length=12)]
    """The numbers of the weeks it covers (1 is the first): their pages are read before it."""
    agenda: Annotated[tuple[AgendaPart, ...], Field(min_length=1, max_length=20)]
    """What happens, in order: each part's minutes, what it is and any question for the group."""
    pairs: Text
    """An exercise for pairs. Markdown."""
    when: When | None = None
    """When it falls. Default: at the end of the last week it covers."""
    objective: OneLine | None = None
    """What each participant leaves with."""
    minutes: Annotated[int, Field(ge=15, le=480)] = 90
    """How long it lasts."""
    materials: Annotated[tuple[OneLine, ...], Field(max_length=12)] = ()
    """What the facilitator brings or prepares."""
    note: Text | None = None
    """A note for the facilitator: what to watch for, what to do if it goes wrong. Markdown."""
    questions: Annotated[tuple[OneLine, ...], Field(max_length=12)] = ()
    """Questions for the group, kept in reserve. Default: the first reflection prompt of each page
    its weeks read."""
    prework: Annotated[tuple[Prework, ...], Field(max_length=12)] = ()
    """What participants do or bring, besides the weeks' reading: each as text, or as do and the
    action it comes from."""


@schema_class(frozen=True, config=SCHEMA)
class Brief:
    """A page of its own, printed on one sheet of paper."""

    title: OneLine
    """The page's title."""
    text: Text
    """What it says. Markdown; about 350 words at most, to print on one page."""


@schema_class(frozen=True, config=SCHEMA)
class Programme:
    """The content's ``programme.yaml``."""

    title: OneLine
    """The programme page's title."""
    intro: Text
    """How to follow it. Markdown."""
    weeks: Annotated[tuple[Week, ...], Field(min_length=1, max_length=52)]
    """The weeks, in order."""
    starts: datetime.date | None = None
    """The first day of week 1, written 2026-01-12: the pages then give each week's dates."""
    ongoing: Annotated[tuple[Ongoing, ...], Field(max_length=20)] = ()
    """Work that runs alongside the weeks, counted in each week's time."""
    facilitator: Text | None = None
    """The facilitator guide's introduction: how to run the programme with a cohort. Markdown."""
    sessions: Annotated[tuple[Session, ...], Field(max_length=24)] = ()
    """The cohort's sessions, in the order they fall, for the facilitator guide."""
    manager_brief: Brief | None = None
    """A one-page brief for the participants' managers: its own page, linked from the facilitator guide."""

    def week(self, number: int) -> Week:
        return self.weeks[number - 1]


def when(session: Session) -> When:
    """When a session falls: as written, or at the end of the last week it covers."""
    return session.when or When(week=max(session.weeks))


PROGRAMME_ADAPTER: TypeAdapter[Programme] = TypeAdapter(Programme)
