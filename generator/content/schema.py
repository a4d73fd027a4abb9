"""JSON Schemas for the content files, made from the models the validator uses, so the two cannot
drift. Editors with the YAML language server (VS Code's YAML extension, and others) read the
``# yaml-language-server: $schema=...`` line at the top of each content file and then complete
field names, show each field's help and flag mistakes as people type.

The framework and guide schemas are the same for every framework; each kind's schema is made
from the framework's declaration of it. `leap schema` writes them into the content folder's
``schemas/``; a test checks the committed ones are current.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterator
from typing import Any

from pydantic import TypeAdapter

from .framework import Framework
from .load import SCHEMAS
from .model import FRAMEWORK_ADAPTER, GUIDE_ADAPTER, item_adapter
from .programme import PROGRAMME_ADAPTER

__all__ = ["SCHEMAS", "field_docs", "json_schema", "modeline", "schema_files", "schema_name"]
# The files every framework's content folder has, each with the same schema whatever the framework.
FILES: dict[str, TypeAdapter[Any]] = {
    "framework": FRAMEWORK_ADAPTER,
    "guide": GUIDE_ADAPTER,
    "programme": PROGRAMME_ADAPTER,
}


def schema_name(kind: str) -> str:
    return f"{kind}.schema.json"


def json_schema(framework: Framework, kind: str) -> dict[str, Any]:
    """The schema of one kind of content file: "framework", "guide", "programme", or a kind's id."""
    if kind in FILES:
        schema, where = FILES[kind].json_schema(by_alias=True), f"the content folder's {kind}.yaml"
    else:
        schema = item_adapter(framework, kind).json_schema(by_alias=True)
        where = f"a file in the content folder's {framework.kind(kind).folder}/"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": kind if kind in FILES else framework.kind(kind).singular,
        "description": f"{where[0].upper()}{where[1:]}.",
    }


def schema_files(framework: Framework) -> dict[str, str]:
    """``{file name: JSON text}`` for the framework, the guide and every kind."""
    kinds = [*FILES, *(kind.id for kind in framework.kinds)]
    return {
        schema_name(kind): json.dumps(json_schema(framework, kind), indent=2, ensure_ascii=False) + "\n"
        for kind in kinds
    }


def modeline(kind: str, file_dir: str, schemas_dir: str) -> str:
    """The first line of a content file in ``file_dir``: where its schema is, relative to it."""
    target = posixpath.relpath(posixpath.join(schemas_dir, schema_name(kind)), file_dir)
    return f"# yaml-language-server: $schema={target}\n"


def field_docs(framework: Framework, kind: str) -> list[dict[str, Any]]:
    """Each field of a kind of file, for the "Editing this guide" page: name, whether it is
    required, what it holds, and its help text, all read from the schema. A field made of fields
    is followed by each of them (``sessions[].when.week``: ``[]`` for each entry of a list)."""
    schema = json_schema(framework, kind)
    return list(_docs(schema, schema, "", 0))


def _docs(root: dict[str, Any], node: dict[str, Any], prefix: str, depth: int) -> Iterator[dict[str, Any]]:
    required = set(node.get("required", []))
    for name, spec in node.get("properties", {}).items():
        help_text = " ".join(str(spec.get("description", "")).split())
        yield {"name": prefix + name, "required": name in required, "holds": _holds(spec), "help": help_text}
        inner = _fields_of(root, spec) if depth < 3 else None
        if inner is not None:
            fields, listed = inner
            yield from _docs(root, fields, f"{prefix}{name}{'[]' if listed else ''}.", depth + 1)


def _fields_of(root: dict[str, Any], spec: dict[str, Any], listed: bool = False) -> tuple[dict[str, Any], bool] | None:
    """The object schema a field holds (or each entry of its list holds), and whether in a list."""
    if "$ref" in spec:
        return _fields_of(root, root.get("$defs", {})[spec["$ref"].rsplit("/", 1)[-1]], listed)
    if "properties" in spec:
        return spec, listed
    if spec.get("type") == "array" and not listed:
        return _fields_of(root, spec.get("items", {}), True)
    for option in spec.get("anyOf", []) + spec.get("allOf", []):
        found = _fields_of(root, option, listed)
        if found is not None:
            return found
    return None


def _holds(spec: dict[str, Any]) -> str:
    if "$ref" in spec or "allOf" in spec:
        return "fields"
    options = [s for s in spec.get("anyOf", []) if s.get("type") != "null"]
    if options:
        return " or ".join(dict.fromkeys(_holds(option) for option in options))
    if "enum" in spec:
        return " or ".join(str(value) for value in spec["enum"])
    kind = spec.get("type")
    if kind == "array":
        items = spec.get("items", {})
        if "$ref" in items:
            return "list of fields"
        if "anyOf" in items:
            return "list of text or fields"
        if items.get("type") == "integer":
            return "list of whole numbers"
        return "list of ids" if "a-z0-9" in items.get("pattern", "") else "list of text"
    if kind == "string" and spec.get("format") == "date":
        return "date"
    if kind == "string":
        return "id" if "a-z0-9" in spec.get("pattern", "") else "text"
    if kind == "object" and "additionalProperties" in spec:
        return "a value per level"
    return {"integer": "whole number", "object": "fields", "boolean": "true or false"}.get(str(kind), str(kind))
