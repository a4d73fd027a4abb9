"""My journal: what the journal page needs to gather a reader's answers from every worksheet.

For each worksheet, in workbook order: its id, the key its answers are stored under, its title,
and each field with its current question, and whether it counts towards the worksheet being done.
An answer whose field is not here any more is shown as "from an earlier version", never dropped.
"""

from __future__ import annotations

from typing import Any

from ..content.framework import Framework, Worksheet
from ..content.model import Content, Item
from .worksheets import rater_key, workbook_order

ACTION_FIELDS = (
    ("action", "The action I will take", True),
    ("by-when", "By when", False),
    ("accountable", "Who will hold me accountable", False),
    ("sign", "How I will know it worked", False),
    ("debrief", "Afterwards: what happened, and what I learned", False),
)


def journal_data(content: Content) -> dict[str, Any]:
    framework = content.framework
    sheets = {sheet.id: sheet for sheet in framework.worksheets}
    catalog = []
    for entry in workbook_order(content):
        sheet = sheets.get(entry.id)
        fields = _sheet_fields(content, sheet) if sheet else _item_fields(framework, content.by_id[entry.id])
        catalog.append(
            {
                "id": entry.id,
                "store": "assessment" if sheet and framework.shares_assessment(sheet) else entry.id,
                "title": entry.title,
                "part": entry.part,
                "fields": fields,
            }
        )
    return {"guide": content.guide.key, "sheets": catalog, "assessment": _assessment_fields(content)}


def _field(
    name: str, label: str, counts: bool = True, legacy: str = "", prompt: bool = False, after: str = ""
) -> dict[str, Any]:
    """A field: its key, its question or label, whether it counts towards "done", the name the
    first release kept it under, and whether it is a question from the content (whose answer
    is "from an earlier version" once its words change). ``after``: the field whose answer makes
    this one count (a checklist's evidence, once its line is ticked)."""
    field = {"name": name, "label": label, "counts": counts, "legacy": legacy or name, "prompt": prompt}
    return {**field, "after": after} if after else field


def _item_fields(framework: Framework, item: Item) -> list[dict[str, Any]]:
    kind = framework.kind(item.kind)
    fields = [_field("rating", kind.rating_question, False)] if kind.rating_question else []
    fields += [
        _field(prompt.id, prompt.text, legacy=f"prompt-{n}", prompt=True)
        for n, prompt in enumerate(item.prompts(kind.first("prompts")), start=1)
    ]
    return fields + [_field(name, label, counts) for name, label, counts in ACTION_FIELDS]


def _sheet_fields(content: Content, sheet: Worksheet) -> list[dict[str, Any]]:
    listed = content.of_kind(sheet.kind) if sheet.kind else ()
    if sheet.type == "rating" and sheet.rater == "other":
        ratings = [
            _field(f"{item.id}:{rater_key(number)}", f"{item.title}: {column}")
            for item in listed
            for number, column in enumerate(sheet.columns, start=1)
        ]
        return ratings + [_field(prompt.id, prompt.text, prompt=True) for prompt in sheet.prompts]
    if sheet.type == "rating":
        scale = (
            "level" if content.framework.assessment and content.framework.assessment.by == "level" else "rating, 1 to 5"
        )
        return [
            f
            for item in listed
            for f in (
                _field(f"rating:{item.id}", f"{item.title}: {scale}"),
                _field(f"evidence:{item.id}", f"{item.title}: evidence", False),
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
            _field(f"r{row}-c{column}", f"Row {row}: {title}", False)
            for row in range(1, sheet.rows + 1)
            for column, title in enumerate(sheet.columns, start=1)
        ]
    if sheet.type == "questions":
        return [
            _field(prompt.id, prompt.text, legacy=f"q{n}", prompt=True)
            for n, prompt in enumerate(sheet.prompts, start=1)
        ] + [_field("review", "I will come back to these answers on", False)]
    fields = [_field("goal", sheet.goal, True)] if sheet.goal else []
    fields.append(_field("start", "I start on", False))
    for n, period in enumerate(sheet.periods, start=1):
        old = f"d{n * 30}"  # the first release's names, for its three 30-day stretches
        fields += [
            _field(f"p{n}-focus", f"{period.title} \u2014 {period.focus}", legacy=f"{old}-focus"),
            _field(f"p{n}-actions", f"{period.title} \u2014 actions", legacy=f"{old}-actions"),
            _field(f"p{n}-measure", f"{period.title} \u2014 how I will know it worked", False, f"{old}-measure"),
            _field(f"p{n}-review", f"{period.title} \u2014 review date", False),
        ]
    return fields


def _assessment_fields(content: Content) -> list[dict[str, Any]]:
    assessment = content.framework.assessment
    if assessment is None:
        return []
    scale = "level" if assessment.by == "level" else "rating, 1 to 5"
    fields = [_field(f"rating:{item.id}", f"{item.title}: {scale}") for item in content.of_kind(assessment.rate)]
    if assessment.tick:
        ticked = content.framework.kind(assessment.tick)
        statement = ticked.with_role("statement")
        fields += [
            _field(f"tick:{item.id}", item.get(statement.name, item.title) if statement else item.title, False)
            for item in content.of_kind(ticked.id)
        ]
    return fields
