"""Authoring tools: a skeleton for a new item (`leap new`), and content files from a spreadsheet
(`leap import csv`). Pure: text in, ``{path: text}`` and problems out; the writer writes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem
from .cells import short_form
from .framework import FieldSpec, Framework, Kind
from .load import Loc, SourceDoc
from .matrix import headers, row_data, slug
from .model import SLUG_PATTERN
from .names import reserved_ids
from .schema import modeline
from .spreadsheet import header, row_doc
from .validate import validate_content


def id_problem(framework: Framework, item_id: str) -> str | None:
    """Why ``item_id`` cannot name a new item, or None."""
    if not re.match(SLUG_PATTERN, item_id) or len(item_id) > 80:
        return f"'{item_id}' is not a valid id: use lowercase letters, digits and single hyphens, like 'clear-goals'"
    reserved = reserved_ids(framework)
    if item_id in reserved:
        return f"'{item_id}' is {reserved[item_id]}; choose another id"
    return None


def new_item(framework: Framework, kind: Kind, title: str, docs: list[SourceDoc], folder: Path, schemas: Path) -> str:
    """A valid, commented skeleton for a new item that will live in ``folder``: it comes last in
    its section, and its notes come from the framework's help for each field."""
    orders = [
        d.data["order"]
        for d in docs
        if d.folder == kind.folder and isinstance(d.data, dict) and isinstance(d.data.get("order"), int)
    ]
    lines = [
        modeline(kind.id, folder.resolve().as_posix(), schemas.resolve().as_posix()).rstrip("\n"),
        f"# A new {kind.singular}, made by `leap new`. Replace the example text in every field, then",
        "# preview it with `leap serve`. Lines starting with # are notes for you; the site ignores them.",
        "",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        "# Where it comes in its section: lower numbers first.",
        f"order: {max(orders, default=0) + 1}",
    ]
    for spec in kind.fields:
        lines += ["", *_note(spec.help), *_example(framework, kind, spec)]
    for relation in framework.relations_of(kind.id):
        target = framework.kind(relation.target)
        lines += [
            "",
            *_note(relation.help or f"Ids of {target.plural} (their file names without .yaml)."),
            f"{relation.field}: []",
        ]
    return "\n".join(lines) + "\n"


def _note(text: str) -> list[str]:
    return [f"# {line}" for line in textwrap.wrap(text, 96)]


def _example(framework: Framework, kind: Kind, spec: FieldSpec) -> list[str]:
    """The field with example text that passes `leap check`; an optional field as a note."""
    text = {
        "line": [f"{spec.name}: One line about this {kind.singular}."],
        "markdown": [
            f"{spec.name}: |",
            f"  A few sentences about this {kind.singular}. You may use **bold**,",
            "  *italics*, lists and [links](https://example.org).",
        ],
        "lines": [f"{spec.name}:", *(f"  - Entry {n}." for n in range(1, max(spec.min, 2) + 1))],
        "prompts": [
            f"{spec.name}:",
            "  - Where in the last month did this matter most in your work?",
            "  - What would someone who knows you well say about you here?",
            "  - What is one small thing you could do differently next week?",
        ],
        "scale": [
            f"{spec.name}:",
            "  low: What a rating of 1 looks like.",
            "  middle: What a 3 looks like.",
            "  high: What a 5 looks like.",
        ],
        "levels": [
            f"{spec.name}:",
            *(f"  {level.id}: What it looks like at this level." for level in framework.levels),
        ],
        "action": [
            f"{spec.name}:",
            "  do: One concrete thing to do.",
            "  time: This week",
            "  sign: How you will know it worked.",
            "  debrief: What will you ask yourself afterwards?",
        ],
        "tags": [f"{spec.name}: [{kind.id}]"],
    }[spec.type]
    return text if spec.required else [f"# {line}" for line in text]


class _Dumper(yaml.SafeDumper):
    """Multi-line text as a literal block (``|``), the way people write it by hand."""


_Dumper.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None),
)


def import_csv(
    framework: Framework,
    text: str,
    shown: str,
    content_docs: list[SourceDoc],
    content_dir: Path,
    schemas: Path,
    replace: bool,
) -> tuple[dict[str, str], list[Problem]]:
    """The content files a spreadsheet of items describes (``{path under content/: text}``),
    checked together with the content already there. Problems point at ``FILE:row`` (the header
    is row 1)."""
    table, problems = _read_csv(framework, text, shown)
    if problems:
        return {}, problems
    rows: list[SourceDoc] = []
    for number, row in enumerate(table, start=2):
        doc, row_problems = row_doc(framework, row, shown, number)
        problems += [Problem(shown, number, message) for message in row_problems]
        if doc is None:
            continue
        reason = id_problem(framework, doc.id)
        clash = next((d for d in rows if d.id == doc.id), None)
        if reason:
            problems.append(Problem(shown, number, reason))
        elif clash:
            problems.append(Problem(shown, number, f"id '{doc.id}' is also on row {clash.line_of(())}"))
        else:
            rows.append(doc)
    imported = {doc.id for doc in rows}
    existing = [d for d in content_docs if d.kind != "item" or not (replace and d.id in imported)]
    if not replace:
        for doc in rows:
            on_disk = next((d for d in existing if d.kind == "item" and d.id == doc.id), None)
            if on_disk:
                problems.append(
                    Problem(
                        shown,
                        doc.line_of(()),
                        f"'{doc.id}' already exists as {on_disk.path}; use --replace to overwrite it with this row",
                    )
                )
    if problems:
        return {}, problems
    _, found = validate_content(existing + rows)
    problems += [p for p in found if p.path == shown or not p.warning]
    if any(not p.warning for p in problems):
        return {}, problems
    return {f"{doc.folder}/{doc.id}.yaml": _yaml(framework, doc, content_dir, schemas) for doc in rows}, problems


def _read_csv(framework: Framework, text: str, shown: str) -> tuple[list[dict[str, str]], list[Problem]]:
    """The rows of a spreadsheet, as ``{column: cell}``, once its columns are known to be right."""
    reader = csv.reader(io.StringIO(text))
    try:
        columns = next(reader, [])
        body = list(reader)
    except csv.Error as err:  # a cell longer than the csv module allows, say
        return [], [Problem(shown, reader.line_num, f"unreadable CSV: {err}")]
    known = header(framework)
    problems = [
        Problem(shown, 1, f"unknown column '{c}' (known: {', '.join(known)})") for c in columns if c not in known
    ]
    problems += [Problem(shown, 1, f"missing column '{c}'") for c in ("id", "type", "title") if c not in columns]
    problems += [
        Problem(shown, 1, f"column '{c}' appears more than once") for c in sorted(set(columns)) if columns.count(c) > 1
    ]
    return [dict(zip(columns, row)) for row in body if row], problems


def import_matrix(
    framework: Framework,
    kind: Kind,
    spec: FieldSpec,
    table: list[list[str]],
    shown: str,
    content_docs: list[SourceDoc],
    where: tuple[Path, Path],
    replace: bool,
) -> tuple[dict[str, str], list[Problem]]:
    """The content files a matrix of ``kind``'s items by level describes (``{path under content/:
    text}``), checked together with the content already there; with ``replace``, a row naming an
    item that exists updates that item's file. Problems read ``FILE:row:column: message``.
    ``where``: the content folder and its schemas folder."""
    if not table or not any(cell.strip() for cell in table[0]):
        return {}, [Problem(shown, 1, "the first row names the columns, and it is empty", column=1)]
    found, trouble = headers(framework, kind, table[0])
    problems = [Problem(shown, 1, message, column=number) for number, message in trouble]
    if problems:
        return {}, problems
    first = next((h.number for h in found if h.name in ("id", "title")), 1)
    rows: list[SourceDoc] = []
    for number, cells in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        data, columns_of, bad = row_data(framework, kind, spec, found, cells)
        problems += [Problem(shown, number, message, column=column) for column, message in bad]
        given = next((cells[h.number - 1].strip() for h in found if h.name == "id" and h.number <= len(cells)), "")
        item_id = given or slug(str(data.get("title", "")))
        reason = id_problem(framework, item_id) if item_id else "the row has no id and no title"
        on_disk = next((d for d in content_docs if d.kind == "item" and d.id == item_id), None)
        reason = reason or _clash(item_id, kind, on_disk, rows, replace)
        if reason:
            problems.append(Problem(shown, number, reason, column=first))
            continue
        if on_disk is not None and isinstance(on_disk.data, dict):
            data = {**on_disk.data, **data}
        else:  # a new item comes where its row is, unless the matrix says
            data.setdefault("order", len(rows) + 1)
        lines: dict[Loc, int] = {(): first, **columns_of}
        rows.append(SourceDoc(f"{shown}:{number}", "item", item_id, data, lines, folder=kind.folder))
    if problems:
        return {}, problems
    imported = {doc.id for doc in rows}
    existing = [d for d in content_docs if d.kind != "item" or d.id not in imported]
    _, found_problems = validate_content(existing + rows)
    problems += [_at_cell(p, shown) for p in found_problems if p.path.startswith(shown + ":") or not p.warning]
    if any(not p.warning for p in problems):
        return {}, problems
    content_dir, schemas = where
    return {f"{doc.folder}/{doc.id}.yaml": _yaml(framework, doc, content_dir, schemas) for doc in rows}, problems


def _at_cell(problem: Problem, shown: str) -> Problem:
    """A problem the validator found in a row (its path ``FILE:row``, its line the column) at its cell."""
    if not problem.path.startswith(shown + ":"):
        return problem
    row = int(problem.path.rsplit(":", 1)[1])
    return Problem(shown, row, problem.message, column=problem.line, warning=problem.warning)


def _clash(item_id: str, kind: Kind, on_disk: SourceDoc | None, rows: list[SourceDoc], replace: bool) -> str | None:
    """Why a row may not write the item ``item_id``, if it may not."""
    twice = next((d for d in rows if d.id == item_id), None)
    if twice:
        return f"'{item_id}' is also on row {twice.path.rsplit(':', 1)[1]}"
    if on_disk is None:
        return None
    if on_disk.folder != kind.folder:
        return f"'{item_id}' is already taken by {on_disk.path}"
    if not replace:
        return f"'{item_id}' already exists as {on_disk.path}; use --replace to update it from this row"
    return None


def _yaml(framework: Framework, doc: SourceDoc, content_dir: Path, schemas: Path) -> str:
    kind = next(k for k in framework.kinds if k.folder == doc.folder)
    order = ["title", "order", *(f.name for f in kind.fields), *(r.field for r in framework.relations_of(kind.id))]
    data: dict[str, Any] = {key: doc.data[key] for key in order if key in doc.data}
    for spec in kind.of_type("levels"):
        if isinstance(data.get(spec.name), dict):
            data[spec.name] = {level: short_form(cell) for level, cell in data[spec.name].items()}
    line = modeline(kind.id, (content_dir / kind.folder).resolve().as_posix(), schemas.resolve().as_posix())
    text: str = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=4096)
    return line + text
