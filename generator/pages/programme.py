"""The programme's weeks and sessions as its pages show them, with every figure worked out.

A week's time is the sum of its parts: reading each page it reads and answering that page's
reflection prompts; the actions it sets (its ``do``); the worksheets it lists and the
self-assessment, as long as the framework says each takes; and the ongoing work that runs that
week. A group session falling in the week is counted apart, for readers who follow the programme
with a group. Nothing here is written by hand in the content, so the figures always add up.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date

from ..content.model import Content, Item
from ..content.programme import AgendaPart, Session, Week, When, when
from ..content.schedule import action_of, due_by, falls_in, ready_by, runs_in, week_starts
from ..locale import translations
from . import paths, timing


@dataclass(frozen=True)
class Reading:
    item: Item
    reading: int  # minutes to read the page
    prompts: int  # minutes to answer its reflection prompts


@dataclass(frozen=True)
class Doing:
    """An action this week: set this week, or set before and not yet due. Its minutes are shared
    out over the weeks it has (its due_weeks), so a four-week action counts a quarter each week."""

    item: Item
    minutes: int  # this week's share
    total: int  # the whole action's
    due: int | None  # the week by whose end it is due
    new: bool  # set this week


@dataclass(frozen=True)
class Task:
    """A worksheet, the self-assessment, or ongoing work: its words, the page it links to, its minutes."""

    title: str
    path: str | None
    minutes: int
    new: bool = True  # ongoing work: its first week


@dataclass(frozen=True)
class WeekPlan:
    number: int
    week: Week
    starts: datetime.date | None
    reading: tuple[Reading, ...]
    doing: tuple[Doing, ...]
    sheets: tuple[Task, ...]
    assessment: int  # minutes for the self-assessment, if the week takes it
    ongoing: tuple[Task, ...]
    sessions: tuple[tuple[int, Session], ...]

    @property
    def reading_minutes(self) -> int:
        return sum(r.reading + r.prompts for r in self.reading)

    @property
    def action_minutes(self) -> int:
        return sum(d.minutes for d in self.doing)

    @property
    def sheet_minutes(self) -> int:
        return sum(s.minutes for s in self.sheets) + self.assessment

    @property
    def ongoing_minutes(self) -> int:
        return sum(o.minutes for o in self.ongoing)

    @property
    def session_minutes(self) -> int:
        return sum(s.minutes for _, s in self.sessions)

    @property
    def total(self) -> int:
        """The week's time for a reader on their own."""
        return self.reading_minutes + self.action_minutes + self.sheet_minutes + self.ongoing_minutes

    @property
    def with_session(self) -> int:
        """The week's time for a reader in a group, its session included."""
        return self.total + self.session_minutes


def week_plans(content: Content) -> list[WeekPlan]:
    programme = content.programme
    assert programme is not None
    return [_week_plan(content, number, week) for number, week in enumerate(programme.weeks, start=1)]


def _week_plan(content: Content, number: int, week: Week) -> WeekPlan:
    programme = content.programme
    assert programme is not None
    framework = content.framework
    reading = tuple(
        Reading(item, timing.reading_minutes(content, item), _prompt_minutes(content, item))
        for item in (content.by_id[item_id] for item_id in week.read)
    )
    doing = [d for n, w in enumerate(programme.weeks, start=1) for i in w.do if (d := _doing(content, i, n, number))]
    assessment = (framework.assessment.minutes or 0) if week.assessment and framework.assessment else 0
    return WeekPlan(
        number,
        week,
        week_starts(programme, number),
        reading,
        tuple(doing),
        _sheets(content, week),
        assessment,
        _ongoing(content, number),
        tuple(falls_in(programme, number)),
    )


def _sheets(content: Content, week: Week) -> tuple[Task, ...]:
    """The worksheets a week lists: a cross-cutting one's minutes, or an item's prompts (unless
    the week reads the item, whose prompts are counted with its reading)."""
    framework = content.framework
    sheets = {sheet.id: sheet for sheet in framework.worksheets}
    tasks = []
    for sheet_id in week.worksheets:
        sheet = sheets.get(sheet_id)
        if sheet is not None:
            tasks.append(Task(sheet.title, paths.sheet_path(sheet), sheet.minutes or 0))
        elif sheet_id not in week.read:
            item = content.by_id[sheet_id]
            tasks.append(Task(item.title, paths.worksheet_of(framework, item), _prompt_minutes(content, item)))
    return tuple(tasks)


def _ongoing(content: Content, number: int) -> tuple[Task, ...]:
    """The ongoing work that runs in week ``number``: an item's, linked to its page, or in words."""
    programme = content.programme
    assert programme is not None
    found = []
    for work in programme.ongoing:
        if runs_in(programme, work, number):
            item = content.by_id[work.item] if work.item else None
            title = item.title if item else work.what or ""
            path = paths.page_of(content.framework, item) if item else None
            found.append(Task(title, path, work.minutes, work.start == number))
    return tuple(found)


def _doing(content: Content, item_id: str, start: int, number: int) -> Doing | None:
    """The action on ``item_id``, set in week ``start``, as week ``number`` has it (if it does)."""
    programme = content.programme
    assert programme is not None
    item = content.by_id[item_id]
    action = action_of(content, item)
    total = (action.minutes or 0) if action else 0
    weeks = (action.due_weeks or 1) if action else 1
    if not start <= number < start + weeks:
        return None
    k = number - start
    share = round(total * (k + 1) / weeks) - round(total * k / weeks)  # the shares add up to the total
    return Doing(item, share, total, due_by(programme, item_id, action), number == start)


def _prompt_minutes(content: Content, item: Item) -> int:
    return len(item.prompts(content.kind_of(item).first("prompts"))) * timing.MINUTES_PER_PROMPT


def average(plans: list[WeekPlan], with_sessions: bool = False) -> int:
    """The average week, in minutes, rounded to the nearest quarter of an hour."""
    minutes = [p.with_session if with_sessions else p.total for p in plans]
    return round(sum(minutes) / len(minutes) / 15) * 15 if minutes else 0


@dataclass(frozen=True)
class Slot:
    part: AgendaPart
    start: int  # minutes from the session's start
    end: int


@dataclass(frozen=True)
class PreworkLine:
    do: str
    item: Item | None  # the page whose action it is
    due: int | None


@dataclass(frozen=True)
class SessionPlan:
    number: int
    session: Session
    when: When
    starts: datetime.date | None  # the first day of the week it falls in
    reading: tuple[Item, ...]  # the pages its weeks read
    sheets: tuple[str, ...]  # the ids of the worksheets its weeks list
    assessment: bool  # whether one of its weeks takes the self-assessment
    agenda: tuple[Slot, ...]
    prework: tuple[PreworkLine, ...]
    questions: tuple[tuple[Item | None, str], ...]  # the group's questions, with the page each comes from


def session_plans(content: Content) -> list[SessionPlan]:
    programme = content.programme
    assert programme is not None
    return [_session_plan(content, number, session) for number, session in enumerate(programme.sessions, start=1)]


def _session_plan(content: Content, number: int, session: Session) -> SessionPlan:
    programme = content.programme
    assert programme is not None
    weeks = [programme.week(n) for n in session.weeks]
    reading = tuple(content.by_id[i] for week in weeks for i in week.read)
    assessment = any(week.assessment for week in weeks)
    shared = {
        s.id for s in content.framework.worksheets if s.type == "rating" and content.framework.shares_assessment(s)
    }
    sheets = tuple(  # a rating sheet that shares the self-assessment's answers is taken with it
        dict.fromkeys(
            s for week in weeks for s in week.worksheets if s not in week.read and not (assessment and s in shared)
        )
    )
    slots, clock = [], 0
    for part in session.agenda:
        slots.append(Slot(part, clock, clock + part.minutes))
        clock += part.minutes
    prework = tuple(
        PreworkLine(
            work.do,
            content.by_id.get(work.action) if work.action else None,
            due_by(programme, work.action, action_of(content, content.by_id[work.action])) if work.action else None,
        )
        for work in session.prework
    )
    questions: tuple[tuple[Item | None, str], ...] = tuple((None, q) for q in session.questions) or tuple(
        (item, prompts[0].text) for item in reading if (prompts := item.prompts(content.kind_of(item).first("prompts")))
    )
    moment = when(session)
    return SessionPlan(
        number,
        session,
        moment,
        week_starts(programme, moment.week),
        reading,
        sheets,
        assessment,
        tuple(slots),
        prework,
        questions,
    )


def duration(minutes: int, language: str = "en") -> str:
    """ "45 min", "2 h", "3 h 40 min" (in English)."""
    _ = translations(language).gettext
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("%(minutes)s min") % {"minutes": rest}
    if not rest:
        return _("%(hours)s h") % {"hours": hours}
    return _("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": rest}


def clock(minutes: int) -> str:
    """Minutes from a session's start as a clock: "0:00", "1:25"."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def date_text(day: datetime.date, language: str = "en") -> str:
    """ "12 January 2026"; in another language, as that language writes a date in full ("12. Januar 2026")."""
    if language.split("-")[0] == "en":
        return f"{day.day} {day:%B} {day.year}"
    return str(format_date(day, "long", locale=language.replace("-", "_")))


def helpers(content: Content, language: str = "en") -> dict[str, Any]:
    """What the programme, facilitator and brief pages use, on the site and in the wikis; the
    durations and dates in ``language``."""
    if content.programme is None:
        return {}
    framework = content.framework
    sheets = {sheet.id: sheet for sheet in framework.worksheets}

    def worksheet_path(sheet_id: str) -> str:
        sheet = sheets.get(sheet_id)
        return paths.sheet_path(sheet) if sheet else paths.worksheet_of(framework, content.by_id[sheet_id])

    def worksheet_title(sheet_id: str) -> str:
        sheet = sheets.get(sheet_id)
        return sheet.title if sheet else content.by_id[sheet_id].title

    return {
        "programme": content.programme,
        "worksheet_path": worksheet_path,
        "worksheet_title": worksheet_title,
        "week_plans": week_plans(content),
        "session_plans": session_plans(content),
        "average": average,
        "duration": _in(duration, language),
        "clock": clock,
        "date_text": _in(date_text, language),
        "ready_by": ready_by,
    }


def _in(function: Callable[[Any, str], str], language: str) -> Callable[[Any], str]:
    """A helper of one argument that writes in ``language``."""
    return lambda value: function(value, language)
