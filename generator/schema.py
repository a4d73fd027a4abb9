"""JSON Schemas for the content files, made from the model classes the validator uses, so the
two cannot drift. Editors with the YAML language server (VS Code's YAML extension, and others)
read the ``# yaml-language-server: $schema=...`` line at the top of each content file and then
complete field names, show each field's help and flag mistakes as people type.

`leap schema` writes them into ``schemas/``; a test checks the committed ones are current.
"""

from __future__ import annotations

import json
import posixpath
from typing import Any

from pydantic import TypeAdapter

from .model import ADAPTERS, FOLDERS, ITEM_CLASSES, Item

SCHEMAS = "schemas"
KINDS = ("guide", *ITEM_CLASSES)


def schema_name(kind: str) -> str:
    return f"{kind}.schema.json"


def json_schema(kind: str) -> dict[str, Any]:
    """The schema of one kind of content file. An item's id is its file name, so not a field."""
    schema = ADAPTERS[kind].json_schema(by_alias=True)
    if kind != "guide":  # pydantic reads help only from a class's own source: add the shared fields'
        shared = TypeAdapter(Item).json_schema(by_alias=True)["properties"]
        for name, spec in schema["properties"].items():
            spec.setdefault("description", shared.get(name, {}).get("description", ""))
    schema["properties"].pop("id", None)
    schema["required"] = [name for name in schema.get("required", []) if name != "id"]
    where = "content/guide.yaml" if kind == "guide" else f"content/{FOLDERS[kind]}/*.yaml"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema,
            "title": f"Leadership Leap {kind}", "description": f"A {where} file."}


def schema_files() -> dict[str, str]:
    """``{file name: JSON text}`` for every kind."""
    return {schema_name(kind): json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n" for kind in KINDS}


def modeline(kind: str, file_dir: str, schemas_dir: str) -> str:
    """The first line of a content file in ``file_dir``: where its schema is, relative to it."""
    target = posixpath.relpath(posixpath.join(schemas_dir, schema_name(kind)), file_dir)
    return f"# yaml-language-server: $schema={target}\n"


def field_docs(kind: str) -> list[dict[str, Any]]:
    """Each field of a kind of file, for the "Editing this guide" page: name, whether it is
    required, what it holds, and its help text, all read from the schema."""
    schema = json_schema(kind)
    required = set(schema.get("required", []))
    rows = []
    for name, spec in schema["properties"].items():
        rows.append({"name": name, "required": name in required, "holds": _holds(spec, schema),
                     "help": spec.get("description", "")})
    return rows


def _holds(spec: dict[str, Any], schema: dict[str, Any]) -> str:
    if "$ref" in spec or "allOf" in spec:
        return "fields"
    options = [s for s in spec.get("anyOf", []) if s.get("type") != "null"]
    if options:
        return _holds(options[0], schema)
    kind = spec.get("type")
    if kind == "array":
        items = spec.get("items", {})
        return "list of fields" if "$ref" in items else ("list of ids" if "a-z0-9" in items.get("pattern", "") else "list of text")
    if kind == "string":
        return "id" if "a-z0-9" in spec.get("pattern", "") else "text"
    return {"integer": "whole number", "object": "fields"}.get(str(kind), str(kind))
