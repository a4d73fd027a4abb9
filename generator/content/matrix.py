"""A competency × level matrix, both ways: the spreadsheet `leap import matrix` reads, and the one
the data export writes (``data/<folder>-<field>.csv``).

One row per item, one column per level, headed by the level's title or id; a column headed
"<level> step" holds the cell's step on the framework's scale (by title or id). Any other column is
one of the kind's fields as ``data/items.csv`` has it (``id``, ``title``, ``summary``...); ``id``
may be left out, and is then made from the title. Cells holding statements have one a line.

Pure: a table of text in (:func:`table_of_csv`, :func:`table_of_xlsx` read one), ``SourceDoc``\\ s
out, each value pointing at its row and column so the validator's messages read
``FILE:row:column: message``.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from .cells import short_form
from .framework import FieldSpec, Framework, Kind, Level
from .load import Loc
from .spreadsheet import Column, columns, from_cell, level_cell, read_cell

STEP = re.compile(r"^(?P<level>.+?)(?:\s+|[._])step$", re.IGNORECASE)


@dataclass(frozen=True)
class Header:
    """What one column of the matrix holds: a level's cell, a level's step, or one of the kind's fields."""

    number: int  # from 1
    name: str
    column: Column | None = None  # a field's column, as items.csv names it
    level: Level | None = None
    step: bool = False


def headers(framework: Framework, kind: Kind, names: list[str]) -> tuple[list[Header], list[tuple[int, str]]]:
    """Each column's meaning, and the problems with the columns, by column number."""
    fields = {c.name: c for c in columns(framework) if kind.id in c.kinds and c.form not in ("levels", "step")}
    found: list[Header] = []
    problems: list[tuple[int, str]] = []
    for number, raw in enumerate(names, start=1):
        name = " ".join(raw.split())
        step = STEP.match(name)
        level = _level(framework, name) or (_level(framework, step.group("level")) if step else None)
        if name.lower() == "id":
            found.append(Header(number, "id"))
        elif name in fields:
            found.append(Header(number, name, fields[name]))
        elif level is not None:
            found.append(Header(number, name, level=level, step=_level(framework, name) is None))
        elif name:
            known = ", ".join(["id", *fields, *(lv.title for lv in framework.levels)])
            problems.append((number, f"unknown column '{name}' (the columns it may have: {known})"))
    named: list[Any] = [h.name.lower() if h.level is None else (h.level.id, h.step) for h in found]
    problems += [(h.number, f"column '{h.name}' appears twice") for n, h in enumerate(found) if named[n] in named[:n]]
    if not any(h.name in ("id", "title") for h in found):
        problems.append((1, "the matrix needs a 'title' column, or an 'id' column naming items that exist"))
    if not any(h.level for h in found):
        problems.append((1, "no column is headed by a level: " + ", ".join(lv.title for lv in framework.levels)))
    for header in found:
        if header.step and framework.scale is None:
            problems.append((header.number, "a step column, but the framework declares no scale"))
    return found, problems


def _level(framework: Framework, name: str) -> Level | None:
    wanted = " ".join(name.split()).lower()
    return next((lv for lv in framework.levels if wanted in (lv.id, lv.title.lower())), None)


def row_data(
    framework: Framework, kind: Kind, spec: FieldSpec, found: list[Header], cells: list[str]
) -> tuple[dict[str, Any], dict[Loc, int], list[tuple[int, str]]]:
    """One row as an item file's data, the column of each of its values, and problems by column."""
    data: dict[str, Any] = {}
    where: dict[Loc, int] = {}
    problems: list[tuple[int, str]] = []
    for header in found:
        raw, refused = from_cell(cells[header.number - 1] if header.number <= len(cells) else "")
        if refused:
            problems.append((header.number, refused))
        elif header.name == "id" or not raw.strip():
            continue
        elif header.step and _step(framework, raw) is None:
            titles = ", ".join(step.title for step in framework.scale.steps) if framework.scale else ""
            problems.append((header.number, f"unknown step '{raw.strip()}' (the scale's steps: {titles})"))
        elif header.level is not None:
            loc: Loc = (spec.name, header.level.id)
            where[(*loc, "step") if header.step else loc] = header.number
            value = _step(framework, raw) or "" if header.step else raw
            part = Column(header.name, spec.name, "step" if header.step else "levels", frozenset(), "", spec.cell)
            data.setdefault(spec.name, {}).setdefault(header.level.id, {}).update(level_cell(part, value))
        elif header.column is not None:
            read_cell(header.column, raw, data)
            where[(header.column.field,)] = header.number
    if isinstance(data.get(spec.name), dict):  # as an author writes them, so messages read the same
        data[spec.name] = {level: short_form(cell) for level, cell in data[spec.name].items()}
    return data, where, problems


def _step(framework: Framework, raw: str) -> str | None:
    """The id of a step named by its title or its id; None for a name the scale does not have."""
    wanted = " ".join(raw.split()).lower()
    steps = framework.scale.steps if framework.scale else ()
    return next((s.id for s in steps if wanted in (s.id, s.title.lower())), None)


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80].strip("-")


# --- reading a file's table, and writing the matrix back ------------------------------------------


def table_of_csv(text: str) -> list[list[str]]:
    """A CSV file's rows (csv.Error for one it cannot read)."""
    return [row for row in csv.reader(io.StringIO(text))]


def table_of_xlsx(data: bytes, sheet: str | None) -> list[list[str]]:
    """The rows of a workbook's sheet (the first, unless named), every cell as text. ValueError for
    a file that is no workbook, or a sheet it does not have."""
    from openpyxl import load_workbook  # only `leap import matrix` of a workbook needs it

    try:
        book = load_workbook(io.BytesIO(data), read_only=True)  # a formula as its text, refused like CSV's
    except (zipfile.BadZipFile, OSError, KeyError) as err:
        raise ValueError(f"not an .xlsx workbook ({err})") from None
    if sheet is not None and sheet not in book.sheetnames:
        raise ValueError(f"no sheet '{sheet}' (its sheets: {', '.join(book.sheetnames)})")
    rows = book[sheet] if sheet else book.worksheets[0]
    table = [["" if v is None else _text(v) for v in row] for row in rows.iter_rows(values_only=True)]
    book.close()
    return table


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def matrix_rows(framework: Framework, kind: Kind, spec: FieldSpec, items: Any) -> list[list[str]]:
    """The matrix of a kind's items by level, as the import reads it: id, title, then a column per
    level and, with a scale, one for each level's step. Cells as they are: the writer makes them
    safe for spreadsheets."""
    scale = framework.scale
    head = ["id", "title"]
    for level in framework.levels:
        head += [level.title, f"{level.title} step"] if scale else [level.title]
    rows = [head]
    for item in items:
        row = [item.id, item.title]
        cells = item.get(spec.name, {})
        for level in framework.levels:
            cell = cells.get(level.id)
            row.append(cell.plain if cell else "")
            if scale:
                step = scale.step(cell.step) if cell else None
                row.append(step.title if step else "")
        rows.append(row)
    return rows
