"""When things fall in a programme, and the checks of ``programme.yaml`` against the guide.

A page's action is set in the week whose ``do`` names it (or else the week that reads the page)
and is due ``due_weeks`` later: with ``due_weeks: 2``, an action set in week 3 is due by the end
of week 4. A session at the end of week 3 may ask for what is due by the end of week 3; one at
the start of week 3, for what is due by the end of week 2. The checks: every id the programme
names exists, every session's agenda adds up to its length, sessions come in order, and every
pre-work that names an action is due by its session.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..errors import Problem
from .framework import Framework
from .load import Loc, SourceDoc
from .model import Action, Content, Item
from .programme import Ongoing, Programme, Session, When, when
from .suggest import did_you_mean


def read_in(programme: Programme) -> dict[str, int]:
    """The week each page is first read in."""
    weeks: dict[str, int] = {}
    for number, week in enumerate(programme.weeks, start=1):
        for item_id in week.read:
            weeks.setdefault(item_id, number)
    return weeks


def set_in(programme: Programme) -> dict[str, int]:
    """The week each page's action is set in: the week whose ``do`` names it, or that reads the page."""
    weeks = read_in(programme)
    for number, week in enumerate(programme.weeks, start=1):
        for item_id in week.do:
            weeks[item_id] = number
    return weeks


def due_by(programme: Programme, item_id: str, action: Action | None) -> int | None:
    """The week by whose end a page's action is due; None when the programme does not set it or
    the action gives no due_weeks."""
    start = set_in(programme).get(item_id)
    if start is None or action is None or action.due_weeks is None:
        return None
    return start + action.due_weeks - 1


def ready_by(moment: When) -> int:
    """The last week whose end comes before a session at ``moment``: what is due by then is done."""
    return moment.week if moment.day == "end" else moment.week - 1


def action_of(content: Content, item: Item) -> Action | None:
    return item.action(content.kind_of(item).first("action"))


def runs_in(programme: Programme, work: Ongoing, number: int) -> bool:
    """Whether ongoing work runs in week ``number``: from its first week to its last, every so often."""
    until = work.until or len(programme.weeks)
    return work.start <= number <= until and (number - work.start) % work.every == 0


def falls_in(programme: Programme, number: int) -> list[tuple[int, Session]]:
    """The sessions that fall in week ``number``, each with its number (1 is the first)."""
    return [(n, s) for n, s in enumerate(programme.sessions, start=1) if when(s).week == number]


def week_starts(programme: Programme, number: int) -> datetime.date | None:
    """The first day of week ``number``, when the programme says when it starts."""
    return programme.starts + datetime.timedelta(weeks=number - 1) if programme.starts else None


def _moment(moment: When) -> str:
    return f"the {moment.day} of week {moment.week}"


@dataclass
class _Found:
    """Problems in programme.yaml, each at the line of what it names."""

    doc: SourceDoc
    problems: list[Problem] = field(default_factory=list)

    def add(self, loc: Loc, message: str, warning: bool = False) -> None:
        self.problems.append(Problem(self.doc.path, self.doc.line_of(loc), message, warning))


def check_programme(
    framework: Framework, programme: Programme, doc: SourceDoc, known: dict[str, str], items: Mapping[str, Item]
) -> list[Problem]:
    """Every page, worksheet and action the programme names exists, and is set before it is due;
    ``known`` maps every id with a file to its kind, ``items`` every valid item by id."""
    found = _Found(doc)
    actions = {i: a for i, item in items.items() if (a := item.action(framework.kind(item.kind).first("action")))}
    _check_weeks(framework, programme, found, known, items, actions)
    _check_ongoing(programme, found, known)
    for index, session in enumerate(programme.sessions):
        _check_session(programme, index, session, found, known, items, actions)
    return found.problems


def _check_weeks(
    framework: Framework,
    programme: Programme,
    found: _Found,
    known: dict[str, str],
    items: Mapping[str, Item],
    actions: Mapping[str, Action],
) -> None:
    sheets = {sheet.id: sheet for sheet in framework.worksheets}
    read = read_in(programme)
    for index, week in enumerate(programme.weeks):
        number = index + 1
        for n, item_id in enumerate(week.read):
            if item_id not in known:
                found.add(
                    ("weeks", index, "read", n),
                    f"'read': unknown page '{item_id}'" + did_you_mean(item_id, list(known)),
                )
        for n, item_id in enumerate(week.do):
            where = ("weeks", index, "do", n)
            if item_id not in known:
                found.add(where, f"'do': unknown page '{item_id}'" + did_you_mean(item_id, list(actions)))
            elif item_id in items and item_id not in actions:
                found.add(where, f"'do': '{item_id}' has no action")
            elif any(item_id in other.do for other in programme.weeks[:index]):
                found.add(where, f"'do': the action on '{item_id}' is set in an earlier week too")
            elif item_id in actions and read.get(item_id, number + 1) > number:
                later = f"it is read in week {read[item_id]}" if item_id in read else "no week reads it"
                found.add(where, f"'do': '{item_id}' is not read by week {number} ({later})")
            elif item_id in actions and actions[item_id].minutes is None:
                found.add(
                    where, f"'do': the action on '{item_id}' gives no minutes: the week's time leaves it out", True
                )
        for n, sheet_id in enumerate(week.worksheets):
            where = ("weeks", index, "worksheets", n)
            if sheet_id not in known and sheet_id not in sheets:
                found.add(
                    where, f"'worksheets': unknown worksheet '{sheet_id}'" + did_you_mean(sheet_id, [*known, *sheets])
                )
            elif sheet_id in sheets and sheets[sheet_id].minutes is None:
                found.add(
                    where, f"'worksheets': '{sheet_id}' gives no minutes: the week's time leaves it out", warning=True
                )
        if week.assessment and framework.assessment is None:
            found.add(("weeks", index, "assessment"), "'assessment': the framework declares no self-assessment")
        elif week.assessment and framework.assessment and framework.assessment.minutes is None:
            message = "'assessment': the self-assessment gives no minutes: the week's time leaves it out"
            found.add(("weeks", index, "assessment"), message, warning=True)


def _check_ongoing(programme: Programme, found: _Found, known: dict[str, str]) -> None:
    last = len(programme.weeks)
    for index, work in enumerate(programme.ongoing):
        where: Loc = ("ongoing", index)
        if (work.item is None) == (work.what is None):
            found.add(where, "give item (the id of a page) or what (in words), not both")
        elif work.item is not None and work.item not in known:
            found.add((*where, "item"), f"'item': unknown page '{work.item}'" + did_you_mean(work.item, list(known)))
        for name, number in (("from", work.start), ("until", work.until)):
            if number is not None and number > last:
                found.add((*where, name), f"'{name}': there is no week {number} (the programme has {last})")
        if work.until is not None and work.until < work.start:
            found.add((*where, "until"), f"'until': week {work.until} comes before week {work.start}")


def _check_session(
    programme: Programme,
    index: int,
    session: Session,
    found: _Found,
    known: dict[str, str],
    items: Mapping[str, Item],
    actions: Mapping[str, Action],
) -> None:
    last = len(programme.weeks)
    moment = when(session)
    where: Loc = ("sessions", index)
    for n, number in enumerate(session.weeks):
        if number > last:
            found.add((*where, "weeks", n), f"'weeks': there is no week {number} (the programme has {last})")
        elif number > moment.week:
            found.add((*where, "weeks", n), f"'weeks': week {number} comes after the session ({_moment(moment)})")
    if session.when and moment.week > last:
        found.add((*where, "when", "week"), f"'when': there is no week {moment.week} (the programme has {last})")
    if index and _order(when(programme.sessions[index - 1])) > _order(moment):
        found.add((*where, "when"), f"the session falls at {_moment(moment)}, before the session above it")
    total = sum(part.minutes for part in session.agenda)
    if total != session.minutes:
        found.add(
            (*where, "agenda"), f"'agenda': its parts add up to {total} minutes; the session lasts {session.minutes}"
        )
    for n, work in enumerate(session.prework):
        item_id = work.action
        if item_id is None:
            continue
        loc: Loc = (*where, "prework", n, "action")
        if item_id not in known:
            found.add(loc, f"'action': unknown page '{item_id}'" + did_you_mean(item_id, list(actions)))
        elif item_id in items and item_id not in actions:
            found.add(loc, f"'action': '{item_id}' has no action")
        elif item_id in actions:
            message = _not_due(programme, item_id, actions[item_id], moment)
            if message:
                found.add(loc, f"'action': {message}")
            elif not any(item_id in week.do for week in programme.weeks):
                found.add(
                    loc, f"'action': no week's do sets the action on '{item_id}': the weeks' time leaves it out", True
                )


def _not_due(programme: Programme, item_id: str, action: Action, moment: When) -> str | None:
    """Why the action on ``item_id`` cannot be pre-work for a session at ``moment``, if it cannot."""
    start = set_in(programme).get(item_id)
    if start is None:
        return f"no week reads '{item_id}' or sets its action"
    if action.due_weeks is None:
        return f"the action on '{item_id}' gives no due_weeks, so when it is due cannot be checked"
    due = start + action.due_weeks - 1
    if due > ready_by(moment):
        return (
            f"the action on '{item_id}' is due by the end of week {due} (set in week {start}, due_weeks "
            f"{action.due_weeks}), after the session at {_moment(moment)}"
        )
    return None


def _order(moment: When) -> tuple[int, int]:
    return moment.week, 0 if moment.day == "start" else 1
