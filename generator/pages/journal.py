"""My journal: what the journal page needs to gather a reader's answers from every worksheet.

For each worksheet, in workbook order: its id, the key its answers are stored under, its title,
and each field with its current question, and whether it counts towards the worksheet being done.
An answer whose field is not here any more is shown as "from an earlier version", never dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..content.framework import Framework, Worksheet
from ..content.model import Content, Item
from ..locale import translations
from .worksheets import rater_key, workbook_order

Gettext = Callable[[str], str]


def _action_fields(_: Gettext) -> tuple[tuple[str, str, bool], ...]:
    """An item worksheet's action: each field's key, label (the worksheet's own) and whether it counts."""
    return (
        ("action", _("The action I will take"), True),
        ("by-when", _("By when"), False),
        ("accountable", _("Who will hold me accountable"), False),
        ("sign", _("How I will know it worked"), False),
        ("debrief", _("Afterwards: what happened, and what I learned"), False),
    )


def journal_data(content: Content, language: str = "en") -> dict[str, Any]:
    """The journal's catalog of worksheets and fields; the engine's labels in ``language``."""
    _ = translations(language).gettext
    framework = content.framework
    sheets = {sheet.id: sheet for sheet in framework.worksheets}
    catalog = []
    for entry in workbook_order(content, language):
        sheet = sheets.get(entry.id)
        fields = _sheet_fields(content, sheet, _) if sheet else _item_fields(framework, content.by_id[entry.id], _)
        catalog.append(
            {
                "id": entry.id,
                "store": "assessment" if sheet and framework.shares_assessment(sheet) else entry.id,
                "title": entry.title,
                "part": entry.part,
                "fields": fields,
            }
        )
    return {"guide": content.guide.key, "sheets": catalog, "assessment": _assessment_fields(content, _)}


def _field(
    name: str, label: str, counts: bool = True, legacy: str = "", prompt: bool = False, after: str = ""
) -> dict[str, Any]:
    """A field: its key, its question or label, whether it counts towards "done", the name the
    first release kept it under, and whether it is a question from the content (whose answer
    is "from an earlier version" once its words change). ``after``: the field whose answer makes
    this one count (a checklist's evidence, once its line is ticked)."""
    field = {"name": name, "label": label, "counts": counts, "legacy": legacy or name, "prompt": prompt}
    return {**field, "after": after} if after else field


def _item_fields(framework: Framework, item: Item, _: Gettext) -> list[dict[str, Any]]:
    kind = framework.kind(item.kind)
    fields = [_field("rating", kind.rating_question, False)] if kind.rating_question else []
    fields += [
        _field(prompt.id, prompt.text, legacy=f"prompt-{n}", prompt=True)
        for n, prompt in enumerate(item.prompts(kind.first("prompts")), start=1)
    ]
    return fields + [_field(name, label, counts) for name, label, counts in _action_fields(_)]


def _sheet_fields(content: Content, sheet: Worksheet, _: Gettext) -> list[dict[str, Any]]:
    listed = content.of_kind(sheet.kind) if sheet.kind else ()
    if sheet.type == "rating" and sheet.rater == "other":
        ratings = [
            _field(f"{item.id}:{rater_key(number)}", f"{item.title}: {column}")
            for item in listed
            for number, column in enumerate(sheet.columns, start=1)
        ]
        return ratings + [_field(prompt.id, prompt.text, prompt=True) for prompt in sheet.prompts]
    if sheet.type == "rating":
        by_level = bool(content.framework.assessment and content.framework.assessment.by == "level")
        return [
            f
            for item in listed
            for f in (
                _field(f"rating:{item.id}", _rated(item.title, by_level, _)),
                _field(f"evidence:{item.id}", _("%(title)s: evidence") % {"title": item.title}, False),
            )
        ]
    if sheet.type == "checklist":
        shared = content.framework.shares_assessment(sheet)  # named as the self-assessment names them
        return [
            f
            for item in listed
            for f in (
                _field(
                    f"tick:{item.id}" if shared else f"{item.id}-applies",
                    f"{item.title}: {sheet.columns[0]}",
                    False,
                    f"{item.id}-applies",
                ),
                _field(
                    f"evidence:{item.id}" if shared else f"{item.id}-evidence",
                    f"{item.title}: {sheet.columns[1]}",
                    False,
                    f"{item.id}-evidence",
                    after=f"tick:{item.id}" if shared else f"{item.id}-applies",
                ),
            )
        ]
    if sheet.type == "table":
        return [
            _field(f"r{row}-c{column}", _("Row %(row)s: %(column)s") % {"row": row, "column": title}, False)
            for row in range(1, sheet.rows + 1)
            for column, title in enumerate(sheet.columns, start=1)
        ]
    if sheet.type == "questions":
        return [
            _field(prompt.id, prompt.text, legacy=f"q{n}", prompt=True)
            for n, prompt in enumerate(sheet.prompts, start=1)
        ] + [_field("review", _("I will come back to these answers on"), False)]
    fields = [_field("goal", sheet.goal, True)] if sheet.goal else []
    fields.append(_field("start", _("I start on"), False))
    for n, period in enumerate(sheet.periods, start=1):
        old = f"d{n * 30}"  # the first release's names, for its three 30-day stretches
        fields += [
            _field(f"p{n}-focus", f"{period.title} \u2014 {period.focus}", legacy=f"{old}-focus"),
            # Translators: a field of the plan; %(period)s is one of its stretches ("Days 1 to 30").
            _field(f"p{n}-actions", _("%(period)s \u2014 actions") % {"period": period.title}, legacy=f"{old}-actions"),
            _field(
                f"p{n}-measure",
                _("%(period)s \u2014 how I will know it worked") % {"period": period.title},
                False,
                f"{old}-measure",
            ),
            _field(f"p{n}-review", _("%(period)s \u2014 review date") % {"period": period.title}, False),
        ]
    return fields


def _rated(title: str, by_level: bool, _: Gettext) -> str:
    """A rated item's label in the journal: by level, or on the scale of 1 to 5."""
    if by_level:
        # Translators: the label of a rating by level in My journal; %(title)s is what is rated.
        return _("%(title)s: level") % {"title": title}
    return _("%(title)s: rating, 1 to 5") % {"title": title}


def _assessment_fields(content: Content, _: Gettext) -> list[dict[str, Any]]:
    assessment = content.framework.assessment
    if assessment is None:
        return []
    fields = [
        _field(f"rating:{item.id}", _rated(item.title, assessment.by == "level", _))
        for item in content.of_kind(assessment.rate)
    ]
    if assessment.tick:
        ticked = content.framework.kind(assessment.tick)
        statement = ticked.with_role("statement")
        fields += [
            _field(f"tick:{item.id}", item.get(statement.name, item.title) if statement else item.title, False)
            for item in content.of_kind(ticked.id)
        ]
    return fields
