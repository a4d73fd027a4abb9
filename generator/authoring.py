"""Authoring tools: a skeleton for a new item (`leap new`), and content files from a spreadsheet
(`leap import csv`). Pure: text in, ``{path: text}`` and problems out; the writer writes.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from .loader import SourceDoc
from .model import FOLDERS, SLUG_PATTERN, Sections
from .problems import Problem
from .render import make_environment
from .schema import modeline
from .spreadsheet import COLUMNS, FIELDS, row_doc
from .validate import validate_content
from .worksheets import RESERVED_IDS


def id_problem(item_id: str) -> str | None:
    """Why ``item_id`` cannot name a new item, or None."""
    if not re.match(SLUG_PATTERN, item_id) or len(item_id) > 80:
        return f"'{item_id}' is not a valid id: use lowercase letters, digits and single hyphens, like 'clear-goals'"
    if item_id in RESERVED_IDS:
        return f"'{item_id}' is {RESERVED_IDS[item_id]}; choose another id"
    return None


def new_item(kind: str, title: str, docs: list[SourceDoc], folder: Path, schemas: Path) -> str:
    """A valid, commented skeleton for a new item that will live in ``folder``: it comes last in
    its section, and its notes use the guide's own words for the kinds."""
    orders = [d.data["order"] for d in docs if d.kind == kind and isinstance(d.data, dict)
              and isinstance(d.data.get("order"), int)]
    guide = next((d.data for d in docs if d.kind == "guide" and isinstance(d.data, dict)), {})
    try:
        names = TypeAdapter(Sections).validate_python(guide.get("sections")).names()
    except ValidationError:  # an unfinished guide.yaml, which `leap check` reports: the default words
        names = {kind: kind for kind in FOLDERS} | {folder: folder for folder in FOLDERS.values()}
    text: str = make_environment().get_template("new/item.yaml.j2").render(
        kind=kind, title=title, order=max(orders, default=0) + 1, noun=names[kind], n=names,
        modeline=modeline(kind, folder.resolve().as_posix(), schemas.resolve().as_posix()))
    return text


class _Dumper(yaml.SafeDumper):
    """Multi-line text as a literal block (``|``), the way people write it by hand."""


_Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


def import_csv(text: str, shown: str, content_docs: list[SourceDoc], content_dir: Path,
               schemas: Path, replace: bool) -> tuple[dict[str, str], list[Problem]]:
    """The content files a spreadsheet of items describes (``{path under content/: text}``),
    checked together with the content already there. Problems point at ``FILE:row`` (the header
    is row 1)."""
    table, problems = _read_csv(text, shown)
    if problems:
        return {}, problems
    rows: list[SourceDoc] = []
    for number, row in enumerate(table, start=2):
        doc, row_problems = row_doc(row, shown, number)
        problems += [Problem(shown, number, message) for message in row_problems]
        if doc is None:
            continue
        reason = id_problem(doc.id)
        clash = next((d for d in rows if d.id == doc.id), None)
        if reason:
            problems.append(Problem(shown, number, reason))
        elif clash:
            problems.append(Problem(shown, number, f"id '{doc.id}' is also on row {clash.line_of(())}"))
        else:
            rows.append(doc)
    imported = {doc.id for doc in rows}
    existing = [d for d in content_docs if d.kind == "guide" or not (replace and d.id in imported)]
    if not replace:
        for doc in rows:
            on_disk = next((d for d in existing if d.kind != "guide" and d.id == doc.id), None)
            if on_disk:
                problems.append(Problem(shown, doc.line_of(()), f"'{doc.id}' already exists as {on_disk.path}; "
                                        "use --replace to overwrite it with this row"))
    if problems:
        return {}, problems
    _, found = validate_content(existing + rows)
    problems += [p for p in found if p.path == shown or not p.warning]
    if any(not p.warning for p in problems):
        return {}, problems
    return {f"{FOLDERS[doc.kind]}/{doc.id}.yaml": _yaml(doc, content_dir, schemas) for doc in rows}, problems


def _read_csv(text: str, shown: str) -> tuple[list[dict[str, str]], list[Problem]]:
    """The rows of a spreadsheet, as ``{column: cell}``, once its columns are known to be right."""
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader, [])
        body = list(reader)
    except csv.Error as err:  # a cell longer than the csv module allows, say
        return [], [Problem(shown, reader.line_num, f"unreadable CSV: {err}")]
    problems = [Problem(shown, 1, f"unknown column '{c}' (known: {', '.join(COLUMNS)})") for c in header
                if c not in COLUMNS]
    problems += [Problem(shown, 1, f"missing column '{c}'") for c in ("id", "type", "title") if c not in header]
    problems += [Problem(shown, 1, f"column '{c}' appears more than once") for c in sorted(set(header))
                 if header.count(c) > 1]
    return [dict(zip(header, row)) for row in body if row], problems


def _yaml(doc: SourceDoc, content_dir: Path, schemas: Path) -> str:
    order = [c for c in FIELDS if not c.startswith("anchor_")] + ["anchors"]
    data: dict[str, Any] = {key: doc.data[key] for key in order if key in doc.data}
    folder = content_dir / FOLDERS[doc.kind]
    line = modeline(doc.kind, folder.resolve().as_posix(), schemas.resolve().as_posix())
    text: str = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=4096)
    return line + text

