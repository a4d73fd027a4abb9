"""Check loaded content against the model's schema and against itself, and build the model.

Every problem is collected, with the file and line it comes from; nothing stops at the first.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import ValidationError

from .loader import Loc, SourceDoc
from .model import ADAPTERS, FOLDERS, ITEM_CLASSES, RELATIONS, Content, Guide, Item, learning_order
from .problems import Problem, errors_in
from .worksheets import RESERVED_IDS


def validate_content(docs: list[SourceDoc]) -> tuple[Content | None, list[Problem]]:
    """Validate every file, then the links between them. Returns the model when there are no errors."""
    problems: list[Problem] = []
    guide: Guide | None = None
    items: dict[str, tuple[Item, SourceDoc]] = {}
    for doc in docs:
        value = _validate_doc(doc, problems)
        if isinstance(value, Guide):
            guide = value
        elif isinstance(value, Item):
            if value.id in RESERVED_IDS:
                problems.append(Problem(doc.path, 1, f"the id '{value.id}' is {RESERVED_IDS[value.id]}; rename the file"))
            elif value.id in items:
                first = items[value.id][1]
                problems.append(Problem(doc.path, 1, f"duplicate id '{value.id}': {first.path} has it too"))
            else:
                items[value.id] = (value, doc)
    known: dict[str, str] = {}
    for doc in docs:
        if doc.kind != "guide":
            known.setdefault(doc.id, doc.kind)
    problems += _check_references(items, known, guide, docs)
    if guide is None or errors_in(problems):
        return None, problems
    by_kind = {kind: learning_order([i for i, _ in items.values() if i.kind == kind]) for kind in FOLDERS}
    content = Content(guide=guide, traits=by_kind["trait"], barriers=by_kind["barrier"],  # type: ignore[arg-type]
                      strategies=by_kind["strategy"], shifts=by_kind["shift"])  # type: ignore[arg-type]
    return content, problems


def _validate_doc(doc: SourceDoc, problems: list[Problem]) -> Any:
    if doc.failed:
        return None
    if not isinstance(doc.data, dict):
        problems.append(Problem(doc.path, 1, "the file must be a set of 'field: value' lines"))
        return None
    data = doc.data
    if doc.kind != "guide":
        if "id" in data:
            problems.append(Problem(doc.path, doc.line_of(("id",)),
                                    "unknown field 'id': an item's id is its file name"))
            return None
        data = {**data, "id": doc.id}
    try:
        return ADAPTERS[doc.kind].validate_python(data)
    except ValidationError as err:
        problems += _describe(err, doc)
        return None


def _describe(err: ValidationError, doc: SourceDoc) -> list[Problem]:
    errors = err.errors()
    found = []
    for e in errors:
        loc: Loc = tuple(e["loc"])
        if e["type"] == "too_short" and any(o is not e and tuple(o["loc"])[: len(loc)] == loc for o in errors):
            continue  # the items inside are already reported
        found.append(Problem(doc.path, doc.line_of(loc), _message(e, loc, doc)))
    return found


def _field_name(loc: Loc) -> str:
    name = ""
    for part in loc:
        name += f" item {part + 1}" if isinstance(part, int) else ("." if name else "") + str(part)
    return f"'{name}'" if name else "the file"


def _message(e: Any, loc: Loc, doc: SourceDoc) -> str:
    kind, where, ctx = e["type"], _field_name(loc), e.get("ctx") or {}
    if kind in ("missing", "missing_argument"):
        return f"missing field {where}"
    if kind in ("unexpected_keyword_argument", "extra_forbidden"):
        return f"unknown field {where}" + _did_you_mean(str(loc[-1]), _known_fields(doc, loc[:-1]))
    if kind == "string_type":
        return f"{where} should be text, not {_type_name(e['input'])}"
    if kind in ("tuple_type", "list_type"):
        return f"{where} should be a list, not {_type_name(e['input'])}"
    if kind in ("dataclass_type", "dataclass_args_type", "dict_type", "model_type"):
        return f"{where} should be a set of 'field: value' lines, not {_type_name(e['input'])}"
    if kind in ("int_type", "int_parsing", "int_parsing_size", "int_from_float"):
        return f"{where} should be a whole number"
    if kind == "too_short":
        return f"{where} needs at least {ctx.get('min_length')} entries, has {ctx.get('actual_length')}"
    if kind == "too_long":
        return f"{where} has more than {ctx.get('max_length')} entries"
    if kind == "string_too_short":
        return f"{where} must not be empty"
    if kind == "string_too_long":
        return f"{where} is longer than {ctx.get('max_length')} characters"
    if kind == "string_pattern_mismatch":
        return _pattern_message(where, str(ctx.get("pattern", "")), e["input"])
    return f"{where}: {e['msg']}"


def _pattern_message(where: str, pattern: str, value: Any) -> str:
    if "a-z0-9" in pattern:
        return f"{where} '{value}' is not a valid id: use lowercase letters, digits and single hyphens"
    if pattern == r"\S":
        return f"{where} must not be empty"
    return f"{where} must be one line of text"


def _type_name(value: Any) -> str:
    names = {dict: "a set of fields", list: "a list", str: "text", bool: "true/false",
             int: "a number", float: "a number", type(None): "empty"}
    return names.get(type(value), type(value).__name__)


def _known_fields(doc: SourceDoc, parent: Loc) -> list[str]:
    cls: Any = Guide if doc.kind == "guide" else ITEM_CLASSES[doc.kind]
    if parent:
        return []
    return [f.alias or name for name, f in cls.__pydantic_fields__.items() if name != "id"]


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _check_references(items: dict[str, tuple[Item, SourceDoc]], known: dict[str, str],
                      guide: Guide | None, docs: list[SourceDoc]) -> list[Problem]:
    """Every relation names an existing item of the right kind, once. ``known`` maps every id
    that has a file, valid or not, to its kind, so one broken file does not cascade."""
    problems = []
    for item, doc in items.values():
        for field, target_kind in RELATIONS.get(item.kind, {}).items():
            seen: set[str] = set()
            for index, target in enumerate(getattr(item, field)):
                line = doc.line_of((field, index))
                message = _reference_problem(target, target_kind, known, seen)
                if message:
                    problems.append(Problem(doc.path, line, f"'{field}': {message}"))
                seen.add(target)
    guide_doc = next((d for d in docs if d.kind == "guide"), None)
    if guide is not None and guide_doc is not None:
        for index, step in enumerate(guide.suggested_path):
            if step.item not in known:
                line = guide_doc.line_of(("suggested_path", index, "item"))
                problems.append(Problem(guide_doc.path, line, f"'suggested_path': unknown item '{step.item}'"
                                        + _did_you_mean(step.item, list(known))))
    return problems


def _reference_problem(target: str, kind: str, known: dict[str, str], seen: set[str]) -> str | None:
    if target in seen:
        return f"'{target}' is listed twice"
    if target not in known:
        same_kind = [other for other, other_kind in known.items() if other_kind == kind]
        return f"unknown {kind} '{target}'" + _did_you_mean(target, same_kind)
    if known[target] != kind:
        return f"'{target}' is a {known[target]}, not a {kind}"
    return None
