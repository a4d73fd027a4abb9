"""The guide as data, for teams that want it in their own tools: ``{path under docs/: text}``.

- ``data/guide.json``: the whole model: the framework, the guide's text, every item with all its
  fields, and every relation.
- ``data/relations.csv``: one row per relation, with the id, kind and title of both ends.
- ``data/items.csv``: one row per item, every field: the spreadsheet `leap import csv` reads.
- ``data/<folder>-<field>.csv``: for each levels field, its items by level, with each cell's step:
  the matrix `leap import matrix` reads.

MkDocs copies them into the site as they are. Pure: no disk access here.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, is_dataclass
from typing import Any

from ..content.cells import Cell
from ..content.graph import Graph
from ..content.matrix import matrix_rows
from ..content.model import FRAMEWORK_ADAPTER, GUIDE_ADAPTER, Item
from ..content.spreadsheet import header, item_row, to_cell

DATA = "data"


def data_files(graph: Graph) -> dict[str, str]:
    content = graph.content
    framework = content.framework
    model: dict[str, Any] = {
        "framework": FRAMEWORK_ADAPTER.dump_python(framework, mode="json", by_alias=True),
        "guide": GUIDE_ADAPTER.dump_python(content.guide, mode="json", by_alias=True),
    }
    for kind in framework.kinds:
        model[kind.folder] = [_item_json(item) for item in content.of_kind(kind.id)]
    model["relations"] = [{"source": e.source, "relation": e.relation, "target": e.target} for e in graph.edges]
    by_id = content.by_id
    relations = [
        [
            by_id[e.source].kind,
            e.source,
            by_id[e.source].title,
            e.relation,
            by_id[e.target].kind,
            e.target,
            by_id[e.target].title,
        ]
        for e in graph.edges
    ]
    matrices = {
        f"{DATA}/{kind.folder}-{spec.name}.csv": _csv(
            *_split(matrix_rows(framework, kind, spec, content.of_kind(kind.id)))
        )
        for kind in framework.kinds
        for spec in kind.of_type("levels")
    }
    return {
        **matrices,
        f"{DATA}/guide.json": json.dumps(model, ensure_ascii=False, indent=1) + "\n",
        f"{DATA}/relations.csv": _csv(
            ["source_kind", "source_id", "source_title", "relation", "target_kind", "target_id", "target_title"],
            relations,
        ),
        f"{DATA}/items.csv": _csv(header(framework), [item_row(framework, item) for item in content.items]),
    }


def _item_json(item: Item) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind,
        "title": item.title,
        "order": item.order,
        **{name: _plain(value) for name, value in item.fields.items()},
    }


def _plain(value: Any) -> Any:
    """A field's value as JSON data: prompts, scales and actions as objects, lists as lists, level
    cells as a content file writes them."""
    if isinstance(value, Cell):
        return value.written()
    if is_dataclass(value) and not isinstance(value, type):
        return {k: v for k, v in asdict(value).items() if v is not None}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "items"):
        return {key: _plain(v) for key, v in value.items()}
    return value


def _split(rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    return rows[0], rows[1:]


def _csv(columns: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([to_cell(cell) for cell in row] for row in rows)
    return out.getvalue()
