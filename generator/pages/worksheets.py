"""The worksheets: one per item, and the cross-cutting ones the framework declares, in the order
the printed workbook binds them."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.model import Content
from ..locale import translations
from .paths import sheet_path, worksheet_of


@dataclass(frozen=True)
class Entry:
    """One worksheet in the workbook: its id (also its PDF's name and its answers' key), title,
    page, and the part of the workbook it belongs to."""

    id: str
    title: str
    path: str
    part: str


def workbook_order(content: Content, language: str = "en") -> tuple[Entry, ...]:
    """Every worksheet in learning order: take stock, work through each kind, then plan; the
    engine's words (the parts' names, "Worksheet: ...") in ``language``."""
    _ = translations(language).gettext
    framework = content.framework
    stock, follow = _("Take stock"), _("Plan and follow through")
    start = [Entry(s.id, s.title, sheet_path(s), stock) for s in framework.worksheets if s.place == "start"]
    items = [
        Entry(
            item.id,
            _("Worksheet: %(title)s") % {"title": item.title},
            worksheet_of(framework, item),
            content.kind_of(item).name,
        )
        for item in content.items
    ]
    end = [Entry(s.id, s.title, sheet_path(s), follow) for s in framework.worksheets if s.place == "end"]
    return tuple(start + items + end)


def workbook_parts(content: Content, language: str = "en") -> list[tuple[str, list[Entry]]]:
    """The workbook's entries grouped by part, in order."""
    parts: dict[str, list[Entry]] = {}
    for entry in workbook_order(content, language):
        parts.setdefault(entry.part, []).append(entry)
    return list(parts.items())


def rater_key(number: int) -> str:
    """The key a rater's answers are kept under on a rating worksheet for others: their column's
    place ("rater-1"), the same in every language the guide is in; each answer keeps the column's
    words in the language it was given in."""
    return f"rater-{number}"
