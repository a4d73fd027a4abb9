"""Items as spreadsheet rows, both ways: the layout of ``data/items.csv`` and of `leap import csv`.

One row per item, one column per field. A cell holding a list has one entry per line; a list of
ids may also be separated by commas. Columns that do not apply to a row's type stay empty.
Pure: rows in, rows out; reading and writing files is the caller's business.
"""

from __future__ import annotations

import re
from typing import Any

from .loader import Loc, SourceDoc, invisible_character
from .model import ITEM_CLASSES, RELATIONS, Item

# Column -> (types it applies to, how its cell is read: text | int | lines | ids | anchor).
_ALL = frozenset(ITEM_CLASSES)
FIELDS: dict[str, tuple[frozenset[str], str]] = {
    "order": (_ALL, "int"), "title": (_ALL, "text"), "summary": (_ALL, "text"), "body": (_ALL, "text"),
    "prompts": (_ALL, "lines"), "try_this": (_ALL, "text"), "tags": (_ALL, "ids"),
    "practices": (frozenset({"trait"}), "lines"),
    "anchor_low": (frozenset({"trait"}), "anchor"), "anchor_middle": (frozenset({"trait"}), "anchor"),
    "anchor_high": (frozenset({"trait"}), "anchor"),
    "sounds_like": (frozenset({"barrier"}), "text"), "way_through": (frozenset({"barrier"}), "text"),
    "from": (frozenset({"shift"}), "text"), "to": (frozenset({"shift"}), "text"),
    **{relation: (frozenset({kind}), "ids") for kind, fields in RELATIONS.items() for relation in fields},
}
COLUMNS: tuple[str, ...] = ("id", "type", *FIELDS)


def item_row(item: Item) -> dict[str, str]:
    """Every column of ``item``'s row, as text; empty where a column does not apply."""
    row = {"id": item.id, "type": item.kind}
    for column, (kinds, form) in FIELDS.items():
        if item.kind not in kinds:
            row[column] = ""
        elif form == "anchor":
            row[column] = getattr(item.anchors, column.removeprefix("anchor_"))  # type: ignore[attr-defined]
        else:
            value = getattr(item, "from_" if column == "from" else column)
            row[column] = {"lines": "\n".join, "ids": ", ".join}.get(form, str)(value)
    return row


# A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
# On export such a cell gets a leading apostrophe, as OWASP recommends; on import that apostrophe
# is taken off again, and a cell that would still run as a formula is refused.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_cell(text: str) -> str:
    """A value as a spreadsheet cell that no spreadsheet runs as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def from_cell(cell: str) -> tuple[str, str | None]:
    """A cell's value, and why it is refused, if it is."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_START):
        return cell[1:], None
    if invisible := invisible_character(cell):
        return cell, invisible
    if cell.lstrip().startswith(("=", "@")):
        return cell, "starts with '=' or '@', which spreadsheets run as a formula; put a ' before it if it is text"
    return cell, None


def row_doc(row: dict[str, str], shown: str, number: int) -> tuple[SourceDoc | None, list[str]]:
    """The item a row describes, as a SourceDoc whose every value points at row ``number``, so
    the validator's messages read ``FILE:row: message``. Also returns problems with the row itself."""
    kind, item_id = (row.get("type") or "").strip().lower(), (row.get("id") or "").strip()
    if kind not in ITEM_CLASSES:
        return None, [f"type '{kind}' is not one of: {', '.join(ITEM_CLASSES)}"]
    if not item_id:
        return None, ["the id is empty"]
    data: dict[str, Any] = {}
    problems = []
    for column, (kinds, form) in FIELDS.items():
        raw, refused = from_cell(row.get(column) or "")
        if refused:
            problems.append(f"column '{column}' {refused}")
            continue
        cell = raw.strip()
        if kind not in kinds:
            if cell:
                problems.append(f"column '{column}' does not apply to a {kind}; leave it empty")
            continue
        if form == "ids":
            data[column] = [part for part in re.split(r"[,\s]+", cell) if part]
        elif not cell:
            continue
        elif form == "int":
            data[column] = int(cell) if re.fullmatch(r"-?\d{1,9}", cell) else cell
        elif form == "lines":
            data[column] = [line.strip() for line in cell.splitlines() if line.strip()]
        elif form == "anchor":
            data.setdefault("anchors", {})[column.removeprefix("anchor_")] = cell
        else:
            data[column] = raw  # as typed, so a Markdown body keeps its line breaks
    lines: dict[Loc, int] = {(): number}
    return SourceDoc(shown, kind, item_id, data, lines), problems
