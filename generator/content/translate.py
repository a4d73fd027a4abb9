"""Content in more than one language, the way documentation teams translate (Sphinx's gettext
workflow): every text of the content is a gettext message, a translator fills a ``.po`` file per
language (any PO editor, Weblate, a vendor), and the content is read in that language from it.

- :func:`texts`: every text of the content files, where it is, guided by the files' own schemas:
  a value is a text when its schema is one of the content's text types (a line, or Markdown), so
  ids, names of kinds and fields, modes and numbers are never offered for translation;
- :func:`template`: those texts as a catalog, each with its place as context (``msgctxt``,
  such as ``traits/vision.yaml: body``) and its file and line as the location;
- :func:`translated`: the content files with each text replaced by its translation, where the
  catalog has one that is not fuzzy and fits the text's limits; every other text stays in the
  source language. A question keeps the id its source words give it, so a reader's answer to it
  stays attached in every language;
- :func:`report`: how much of a catalog is translated, and which translations are stale: their
  place's source text changed since (or the catalog marks them fuzzy).
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from babel.messages.catalog import Catalog, Message

from .framework import Framework
from .load import FRAMEWORK_FILE, GUIDE_FILE, PROGRAMME_FILE, Loc, SourceDoc
from .model import FRAMEWORK_ADAPTER, GUIDE_ADAPTER, item_adapter
from .programme import PROGRAMME_ADAPTER
from .prompts import question

TEMPLATE = "content.pot"  # in the content folder's locale/, beside a <language>.po per translation
# The schema patterns of the content's text types (framework.OneLine, framework.Text).
TEXT_PATTERNS = frozenset({r"^[^\n]*\S[^\n]*$", r"\S"})


@dataclass(frozen=True)
class Text:
    """One text of the content: the file it is in (as shown, and relative to the content folder),
    its place in the file, its line and its words. ``prompt``: it is a question whose id is made
    from its words (the id the source words give)."""

    path: str
    file: str
    loc: Loc
    line: int
    text: str
    schema: dict[str, Any]
    prompt: str = ""

    @property
    def context(self) -> str:
        return f"{self.file}: {'.'.join(str(part) for part in self.loc)}"


def texts(docs: list[SourceDoc], framework: Framework) -> list[Text]:
    """Every text of the content files, in file order."""
    found: list[Text] = []
    for doc in docs:
        schema = _schema(framework, doc)
        if schema is not None and not doc.failed:
            found += _walk(doc, doc.data, schema, schema.get("$defs", {}), (), ())
    return found


def _schema(framework: Framework, doc: SourceDoc) -> dict[str, Any] | None:
    if doc.kind == "item":
        kind = next((k for k in framework.kinds if k.folder == doc.folder), None)
        return _item_schema(framework, kind.id) if kind else None
    return _SCHEMAS.get(doc.path.rsplit("/", 1)[-1])


@functools.cache
def _item_schema(framework: Framework, kind_id: str) -> dict[str, Any]:
    return item_adapter(framework, kind_id).json_schema(by_alias=True)


_SCHEMAS: dict[str, dict[str, Any]] = {
    FRAMEWORK_FILE: FRAMEWORK_ADAPTER.json_schema(by_alias=True),
    GUIDE_FILE: GUIDE_ADAPTER.json_schema(by_alias=True),
    PROGRAMME_FILE: PROGRAMME_ADAPTER.json_schema(by_alias=True),
}


def _walk(
    doc: SourceDoc, value: Any, schema: dict[str, Any], defs: dict[str, Any], loc: Loc, at: Loc
) -> Iterator[Text]:
    """The texts in ``value``: ``loc`` is its place as the context names it (a list entry by its
    id, when it has one), ``at`` its place in the file (by position, for its line)."""
    schema = _resolved(schema, defs)
    if isinstance(value, str):
        branches = [_resolved(b, defs) for b in schema.get("anyOf", [schema])]
        text = next((b for b in branches if b.get("type") == "string" and b.get("pattern") in TEXT_PATTERNS), None)
        if text is not None:
            prompt = any("text" in b.get("properties", {}) and "id" in b.get("properties", {}) for b in branches)
            file = f"{doc.folder}/{doc.id}.yaml" if doc.folder else f"{doc.id}.yaml"
            yield Text(doc.path, file, loc, doc.line_of(at), value, text, question(value).id if prompt else "")
    elif isinstance(value, dict):
        branch = _branch(schema, defs, "object")
        properties = branch.get("properties", {})
        extra = branch.get("additionalProperties")
        for key, inner in value.items():
            sub = properties.get(key, extra if isinstance(extra, dict) else None)
            if sub is not None:
                yield from _walk(doc, inner, sub, defs, (*loc, key), (*at, key))
    elif isinstance(value, list):
        branch = _branch(schema, defs, "array")
        items = branch.get("items")
        prefix = branch.get("prefixItems", [])
        for index, inner in enumerate(value):
            sub = prefix[index] if index < len(prefix) else items
            if isinstance(sub, dict):
                yield from _walk(doc, inner, sub, defs, (*loc, _key(inner, index)), (*at, index))


def _key(value: Any, index: int) -> str | int:
    """A list entry's place: its id when it has one (so a reordered list keeps its translations)."""
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        return str(value["id"])
    return index


def _resolved(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[-1]]
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return _resolved(schema["allOf"][0], defs)
    return schema


def _branch(schema: dict[str, Any], defs: dict[str, Any], kind: str) -> dict[str, Any]:
    """The branch of a union schema that describes a value of this JSON type."""
    for option in schema.get("anyOf", schema.get("oneOf", [schema])):
        option = _resolved(option, defs)
        if option.get("type") == kind or (kind == "object" and "properties" in option):
            return option
    return {}


def template(found: list[Text], project: str) -> Catalog:
    """The catalog translators start from: one message per text, its place as context."""
    catalog = Catalog(project=project, fuzzy=False)
    for text in found:
        catalog.add(text.text, context=text.context, locations=[(text.file, text.line)])
    return catalog


def translated(docs: list[SourceDoc], found: list[Text], catalog: Catalog) -> tuple[list[SourceDoc], list[str]]:
    """The content files read in the catalog's language, and the contexts of the translations
    left out because they break their text's limits (each stays in the source language)."""
    by_path: dict[str, dict[Loc, str]] = {}
    refused: list[str] = []
    for text in found:
        message = catalog.get(text.text, context=text.context)
        wanted = _translation(message)
        if wanted is None:
            continue
        if not _fits(wanted, text.schema):
            refused.append(text.context)
            continue
        by_path.setdefault(text.path, {})[text.loc] = wanted
        if text.prompt:  # the question keeps the id its source words give it
            by_path[text.path][(*text.loc, "")] = text.prompt
    out = []
    for doc in docs:
        changes = by_path.get(doc.path)
        if not changes:
            out.append(doc)
            continue
        data = copy.deepcopy(doc.data)
        for loc, value in changes.items():
            if loc and loc[-1] == "":
                continue
            prompt = changes.get((*loc, ""))
            _set(data, loc, {"text": value, "id": prompt} if prompt else value)
        out.append(SourceDoc(doc.path, doc.kind, doc.id, data, doc.lines, doc.failed, doc.folder))
    return out, refused


def _translation(message: Message | None) -> str | None:
    if message is None or message.fuzzy or not isinstance(message.string, str) or not message.string.strip():
        return None
    return message.string


def _fits(value: str, schema: dict[str, Any]) -> bool:
    return (
        schema.get("minLength", 0) <= len(value) <= schema.get("maxLength", len(value))
        and re.search(schema["pattern"], value) is not None
    )


def _set(data: Any, loc: Loc, value: Any) -> None:
    """Put ``value`` at ``loc`` (whose list steps may be an entry's id) in ``data``."""
    for part in loc[:-1]:
        data = data[_index(data, part)]
    data[_index(data, loc[-1])] = value


def _index(container: Any, part: str | int) -> Any:
    if isinstance(container, list) and isinstance(part, str):
        return next(n for n, entry in enumerate(container) if isinstance(entry, dict) and entry.get("id") == part)
    return part


@dataclass(frozen=True)
class Coverage:
    translated: int
    total: int
    stale: tuple[Text, ...]  # texts whose translation was made for words they no longer have

    @property
    def percent(self) -> int:
        return round(100 * self.translated / self.total) if self.total else 100


def report(found: list[Text], catalog: Catalog) -> Coverage:
    """How much of the content a catalog translates, and which translations are out of date."""
    by_context: dict[str, Message] = {}
    for entry in catalog:
        if entry.id and entry.context:
            by_context[entry.context] = entry
    done, stale = 0, []
    for text in found:
        message = by_context.get(text.context)
        if message is None or not _translation_or_fuzzy(message):
            continue
        if message.id != text.text or message.fuzzy:
            stale.append(text)
        else:
            done += 1
    return Coverage(done, len(found), tuple(stale))


def _translation_or_fuzzy(message: Message) -> bool:
    return isinstance(message.string, str) and bool(message.string.strip())
