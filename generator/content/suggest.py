"""Suggestions for a misspelt name: the id, or the field, the author probably meant."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """`` (did you mean 'x'?)`` when one of ``choices`` is close to ``word``, else nothing."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def fields_at(schema: dict[str, Any], loc: Sequence[str | int]) -> list[str]:
    """The field names a JSON Schema allows at ``loc`` (``("sessions", 0, "when")``): the names an
    unknown field there may be a misspelling of. Empty when the schema says none."""
    node: dict[str, Any] | None = schema
    for part in loc:
        node = _step(schema, node, part)
    found = _resolved(schema, node, "properties")
    return list(found["properties"]) if found else []


def _step(schema: dict[str, Any], node: dict[str, Any] | None, part: str | int) -> dict[str, Any] | None:
    if isinstance(part, int):
        found = _resolved(schema, node, "items")
        return found["items"] if found else None
    found = _resolved(schema, node, "properties")
    return found["properties"].get(part) if found else None


def _resolved(schema: dict[str, Any], node: dict[str, Any] | None, key: str) -> dict[str, Any] | None:
    """``node``, or the first of its alternatives, with ``key``, following references into $defs."""
    if node is None:
        return None
    if "$ref" in node:
        return _resolved(schema, schema.get("$defs", {}).get(node["$ref"].rsplit("/", 1)[-1]), key)
    if key in node:
        return node
    for option in node.get("anyOf", []) + node.get("allOf", []):
        found = _resolved(schema, option, key)
        if found:
            return found
    return None
