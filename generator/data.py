"""The guide as data, for teams that want it in their own tools: ``{path under docs/: text}``.

- ``data/guide.json``: the whole model, the guide text and every item with all its fields,
  plus every relation.
- ``data/relations.csv``: one row per relation, with the id, kind and title of both ends.
- ``data/items.csv``: one row per item, every field: the spreadsheet `leap import csv` reads.

MkDocs copies them into the site as they are. Pure: no disk access here.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .graph import Graph
from .model import ADAPTERS, FOLDERS, Item
from .spreadsheet import COLUMNS, item_row, to_cell

DATA = "data"


def data_files(graph: Graph) -> dict[str, str]:
    content = graph.content
    model: dict[str, Any] = {"guide": ADAPTERS["guide"].dump_python(content.guide, mode="json", by_alias=True)}
    for kind, folder in FOLDERS.items():
        model[folder] = [_item_json(item) for item in content.of_kind(kind)]
    model["relations"] = [{"source": e.source, "relation": e.relation, "target": e.target} for e in graph.edges]
    by_id = content.by_id
    relations = [[by_id[e.source].kind, e.source, by_id[e.source].title, e.relation,
                  by_id[e.target].kind, e.target, by_id[e.target].title] for e in graph.edges]
    return {
        f"{DATA}/guide.json": json.dumps(model, ensure_ascii=False, indent=1) + "\n",
        f"{DATA}/relations.csv": _csv(["source_kind", "source_id", "source_title", "relation",
                                       "target_kind", "target_id", "target_title"], relations),
        f"{DATA}/items.csv": _csv(list(COLUMNS), [list(item_row(item).values()) for item in content.items]),
    }


def _item_json(item: Item) -> dict[str, Any]:
    fields = ADAPTERS[item.kind].dump_python(item, mode="json", by_alias=True)
    return {"id": item.id, "kind": item.kind, **{k: v for k, v in fields.items() if k != "id"}}


def _csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([to_cell(cell) for cell in row] for row in rows)
    return out.getvalue()
