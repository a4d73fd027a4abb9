"""A programme: the guide laid out over weeks for a reader, and in sessions for a cohort.

Declared in the content as an optional ``programme.yaml``. Each week names the pages to read,
the worksheets to fill in and whether to take (or retake) the self-assessment; each session
covers some weeks and gives the facilitator an agenda, pre-work and a pair exercise. The
discussion questions are drawn from the reflection prompts of the pages its weeks read, so the
facilitator guide stays in step with the content.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, TypeAdapter
from pydantic.dataclasses import dataclass as schema_class

from .framework import SCHEMA, OneLine, Slug, Text


@schema_class(frozen=True, config=SCHEMA)
class Week:
    title: OneLine
    """What the week is about."""
    focus: OneLine
    """The question the week answers, or what to do."""
    read: Annotated[tuple[Slug, ...], Field(max_length=12)] = ()
    """Ids of the pages to read."""
    worksheets: Annotated[tuple[Slug, ...], Field(max_length=8)] = ()
    """Ids of the worksheets to fill in: a page's id for its worksheet, or a cross-cutting worksheet's id."""
    assessment: bool = False
    """Take, or retake, the self-assessment this week."""


@schema_class(frozen=True, config=SCHEMA)
class Session:
    title: OneLine
    """The session's title."""
    weeks: Annotated[tuple[int, ...], Field(min_length=1, max_length=12)]
    """The numbers of the weeks it covers (1 is the first)."""
    agenda: Annotated[tuple[OneLine, ...], Field(min_length=1, max_length=12)]
    """What happens, in order, each with its minutes, such as "10 min: check-in"."""
    pairs: Text
    """An exercise for pairs. Markdown."""
    minutes: Annotated[int, Field(ge=15, le=480)] = 90
    """How long it lasts."""
    prework: Annotated[tuple[OneLine, ...], Field(max_length=8)] = ()
    """What participants do before it, besides the weeks' reading."""


@schema_class(frozen=True, config=SCHEMA)
class Programme:
    """The content's ``programme.yaml``."""

    title: OneLine
    """The programme page's title."""
    intro: Text
    """How to follow it. Markdown."""
    weeks: Annotated[tuple[Week, ...], Field(min_length=1, max_length=52)]
    """The weeks, in order."""
    facilitator: Text | None = None
    """The facilitator guide's introduction: how to run the programme with a cohort. Markdown."""
    sessions: Annotated[tuple[Session, ...], Field(max_length=12)] = ()
    """The cohort's sessions, for the facilitator guide."""


PROGRAMME_ADAPTER: TypeAdapter[Programme] = TypeAdapter(Programme)
