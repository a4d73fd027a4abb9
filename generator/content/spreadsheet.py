"""Items as spreadsheet rows, both ways: the layout of ``data/items.csv`` and of `leap import csv`.

One row per item and one column per field of the framework's kinds (a scale, levels or action
field spreads over one column per part: ``anchors_low``, ``anchors_middle``...; a levels field has
a column per level, and one per level for its step when the framework has a scale). A cell holding
a list (statements too) has one entry per line; a list of ids may also be separated by commas. Columns that do not
apply to a row's type stay empty. Pure: rows in, rows out; reading and writing files is the
caller's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .framework import Framework
from .load import Loc, SourceDoc, invisible_character
from .model import Item, Prompt

_ACTION_PARTS = ("time", "sign", "debrief", "mode", "minutes", "due_weeks")
_WHOLE_NUMBERS = ("minutes", "due_weeks")
_EXPLICIT_ID = re.compile(r"^(?P<text>.*\S)\s+\[#(?P<id>[a-z0-9]+(-[a-z0-9]+)*)\]$")


@dataclass(frozen=True)
class Column:
    """One column: the field it holds (or one part of it) and the kinds that have that field."""

    name: str
    field: str
    form: str  # text | int | lines | prompts | ids | part
    kinds: frozenset[str]
    part: str = ""
    cell: str = ""  # for a level's column: what its cells hold (line, markdown or statements)


def columns(framework: Framework) -> tuple[Column, ...]:
    """Every column, in the order of the kinds and their fields. A field that several kinds
    share (summary, body...) shares a column."""
    everyone = frozenset(k.id for k in framework.kinds)
    found: dict[str, Column] = {
        "title": Column("title", "title", "text", everyone),
        "order": Column("order", "order", "int", everyone),
    }

    def add(name: str, field: str, form: str, kind: str, part: str = "", cell: str = "") -> None:
        if name in found and (found[name].field, found[name].form, found[name].cell) == (field, form, cell):
            found[name] = Column(name, field, form, found[name].kinds | {kind}, part, cell)
        elif name in found:  # the same name, another type: a column of its own
            add(f"{name}.{kind}", field, form, kind, part, cell)
        else:
            found[name] = Column(name, field, form, frozenset({kind}), part, cell)

    for kind in framework.kinds:
        for spec in kind.fields:
            if spec.type == "scale":
                for part in ("low", "middle", "high"):
                    add(f"{spec.name}_{part}", spec.name, "scale", kind.id, part)
            elif spec.type == "levels":
                for level in framework.levels:
                    add(f"{spec.name}_{level.id}", spec.name, "levels", kind.id, level.id, spec.cell)
                    if framework.scale:
                        add(f"{spec.name}_{level.id}_step", spec.name, "step", kind.id, level.id)
            elif spec.type == "action":
                add(spec.name, spec.name, "action", kind.id, "do")
                for part in _ACTION_PARTS:
                    add(f"{spec.name}_{part}", spec.name, "action", kind.id, part)
            else:
                form = {"lines": "lines", "prompts": "prompts", "tags": "ids"}.get(spec.type, "text")
                add(spec.name, spec.name, form, kind.id)
        for relation in framework.relations_of(kind.id):
            add(relation.field, relation.field, "ids", kind.id)
    return tuple(found.values())


def header(framework: Framework) -> list[str]:
    return ["id", "type", *(column.name for column in columns(framework))]


def item_row(framework: Framework, item: Item) -> list[str]:
    """Every cell of ``item``'s row, as text; empty where a column does not apply."""
    kind = framework.kind(item.kind)
    row = [item.id, kind.singular]
    for column in columns(framework):
        value = {"title": item.title, "order": item.order}.get(column.field, item.get(column.field))
        row.append("" if item.kind not in column.kinds or value is None else _cell(column, value))
    return row


def _cell(column: Column, value: Any) -> str:
    if column.form in ("scale", "action"):
        part = getattr(value, column.part)
        return "" if part is None else str(part)
    if column.form in ("levels", "step"):
        cell = value.get(column.part)
        return "" if cell is None else (cell.plain if column.form == "levels" else cell.step or "")
    if column.form == "prompts":
        return "\n".join(_prompt_line(prompt) for prompt in value)
    if column.form == "lines":
        return "\n".join(value)
    if column.form == "ids":
        return ", ".join(value)
    return str(value)


def _prompt_line(prompt: Prompt) -> str:
    """A question on its line; an id written in the content is kept after it, as ``[#id]``."""
    return prompt.text if prompt.id.startswith("q-") else f"{prompt.text} [#{prompt.id}]"


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


def row_doc(framework: Framework, row: dict[str, str], shown: str, number: int) -> tuple[SourceDoc | None, list[str]]:
    """The item a row describes, as a SourceDoc whose every value points at row ``number``, so
    the validator's messages read ``FILE:row: message``. Also returns problems with the row itself."""
    type_name, item_id = (row.get("type") or "").strip(), (row.get("id") or "").strip()
    kind = framework.kind_named(type_name)
    if kind is None:
        names = ", ".join(k.singular for k in framework.kinds)
        return None, [f"type '{type_name}' is not one of: {names}"]
    if not item_id:
        return None, ["the id is empty"]
    data: dict[str, Any] = {}
    problems = []
    for column in columns(framework):
        raw, refused = from_cell(row.get(column.name) or "")
        if refused:
            problems.append(f"column '{column.name}' {refused}")
        elif kind.id not in column.kinds:
            if raw.strip():
                problems.append(f"column '{column.name}' does not apply to a {kind.singular}; leave it empty")
        else:
            read_cell(column, raw, data)
    lines: dict[Loc, int] = {(): number}
    return SourceDoc(shown, "item", item_id, data, lines, folder=kind.folder), problems


def read_cell(column: Column, raw: str, data: dict[str, Any]) -> None:
    """Put a cell's value where the item's file would have it."""
    cell = raw.strip()
    if column.form == "ids":
        data[column.field] = [part for part in re.split(r"[,\s]+", cell) if part]
    elif not cell:
        return
    elif column.form == "int":
        data[column.field] = int(cell) if re.fullmatch(r"-?\d{1,9}", cell) else cell
    elif column.form == "lines":
        data[column.field] = [line.strip() for line in cell.splitlines() if line.strip()]
    elif column.form == "prompts":
        data[column.field] = [_prompt_value(line.strip()) for line in cell.splitlines() if line.strip()]
    elif column.form in ("levels", "step"):
        data.setdefault(column.field, {}).setdefault(column.part, {}).update(level_cell(column, raw))
    elif column.form in ("scale", "action"):
        value: str | int = raw if column.part == "do" else cell
        if column.part in _WHOLE_NUMBERS and re.fullmatch(r"\d{1,6}", cell):
            value = int(cell)
        data.setdefault(column.field, {})[column.part] = value
    else:
        data[column.field] = raw  # as typed, so a Markdown body keeps its line breaks


def level_cell(column: Column, raw: str) -> dict[str, Any]:
    """A level's cell, or its step, as a content file writes it (before its short form)."""
    if column.form == "step":
        return {"step": raw.strip()}
    if column.cell == "statements":
        return {"statements": statements(raw)}
    return {"text": raw.strip() if column.cell != "markdown" else raw.strip("\n").rstrip()}


def statements(raw: str) -> list[str]:
    """A cell's statements, one a line; a bullet or number before one is the spreadsheet's, not its."""
    lines = (re.sub(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+", "", line).strip() for line in raw.splitlines())
    return [line for line in lines if line]


def _prompt_value(line: str) -> Any:
    explicit = _EXPLICIT_ID.match(line)
    return {"id": explicit.group("id"), "text": explicit.group("text")} if explicit else line
