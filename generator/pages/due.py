"""Coming back: what the home page and My journal need to say what is due (assets/leap/due.js).

From the content: the self-assessment (when to take it again: the weeks of the programme that
ask for it, else every :data:`EVERY` days), the plan whose review dates fall due (its stretches'
titles), and the programme's weeks. The dates are the reader's, in the browser; the links are
the page's own (``partials/due.md.j2``).
"""

from __future__ import annotations

from typing import Any

from ..content.framework import Worksheet
from ..content.model import Content

EVERY = 28
"""Days between two self-assessments when no programme says when to take it again."""


def due_data(content: Content) -> dict[str, Any]:
    """``{"retake": {...}, "plan": {...}, "programme": {...}}``, each left out when the guide has
    none. ``retake.days``: the days after the first self-assessment on which to take it again."""
    framework = content.framework
    programme = content.programme
    data: dict[str, Any] = {}
    if framework.assessment:
        weeks = [n for n, week in enumerate(programme.weeks, start=1) if week.assessment] if programme else []
        data["retake"] = {
            "days": [(n - 1) * 7 for n in weeks if n > 1],
            "weeks": [n for n in weeks if n > 1],
            "every": EVERY,
        }
    sheet = plan_sheet(content)
    if sheet is not None:
        data["plan"] = {"sheet": sheet.id, "title": sheet.title, "periods": [p.title for p in sheet.periods]}
    if programme:
        data["programme"] = {"title": programme.title, "weeks": [week.title for week in programme.weeks]}
    return data


def plan_sheet(content: Content) -> Worksheet | None:
    """The plan whose review dates fall due: the self-assessment's, else the first plan worksheet."""
    framework = content.framework
    named = framework.assessment.plan if framework.assessment else None
    plans = [sheet for sheet in framework.worksheets if sheet.type == "plan"]
    return next((sheet for sheet in plans if sheet.id == named), plans[0] if plans else None)
