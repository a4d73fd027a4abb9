"""Check loaded content against its framework and against itself, and build the model.

The framework file is checked first (every item file is validated against it); then the guide
and every item. Every problem is collected, with the file and line it comes from; nothing stops
at the first.
"""

from __future__ import annotations

from typing import Any

from babel import Locale, UnknownLocaleError
from pydantic import TypeAdapter, ValidationError

from ..errors import Problem, errors_in
from .cells import cell_problems
from .framework import Framework, Kind, check_framework
from .load import FRAMEWORK_FILE, Loc, SourceDoc, parse_yaml
from .model import (
    FRAMEWORK_ADAPTER,
    GUIDE_ADAPTER,
    Content,
    Guide,
    Item,
    item_adapter,
    item_from,
    learning_order,
)
from .names import TOP_NAMES, reserved_ids
from .programme import PROGRAMME_ADAPTER
from .schedule import check_programme
from .suggest import did_you_mean as _did_you_mean
from .suggest import fields_at


def validate_content(docs: list[SourceDoc]) -> tuple[Content | None, list[Problem]]:
    """Validate every file, then the links between them. Returns the model when there are no errors."""
    problems: list[Problem] = []
    framework = _validate_framework(docs, problems)
    if framework is None:
        return None, problems
    guide_doc = next((doc for doc in docs if doc.kind == "guide"), None)
    guide = _validate(guide_doc, GUIDE_ADAPTER, [], problems) if guide_doc else None
    item_docs = [doc for doc in docs if doc.kind == "item"]
    items = _validate_items(framework, item_docs, problems)
    # Every id with a file, valid or not, so that one broken file does not cascade.
    folders = {kind.folder: kind.id for kind in framework.kinds}
    known: dict[str, str] = {}
    for doc in item_docs:
        if doc.folder in folders:
            known.setdefault(doc.id, folders[doc.folder])
    problems += _check_references(framework, items, known, guide, guide_doc)
    programme_doc = next((doc for doc in docs if doc.kind == "programme"), None)
    programme = _validate(programme_doc, PROGRAMME_ADAPTER, [], problems) if programme_doc else None
    if programme is not None and programme_doc is not None:
        valid = {item_id: item for item_id, (item, _) in items.items()}
        problems += check_programme(framework, programme, programme_doc, known, valid)
    if guide is None or errors_in(problems):
        return None, problems
    ordered = [
        item for kind in framework.kinds for item in learning_order([i for i, _ in items.values() if i.kind == kind.id])
    ]
    return Content(framework, guide, tuple(ordered), programme), problems


def framework_of(docs: list[SourceDoc]) -> tuple[Framework | None, list[Problem]]:
    """The framework the loaded files declare, for the commands that need only it, or its problems."""
    problems: list[Problem] = []
    return _validate_framework(docs, problems), problems


def check_framework_file(text: str) -> Framework:
    """A framework file the engine ships (`leap init`'s); it must be valid."""
    found: list[Problem] = []
    data, lines = parse_yaml(text.encode("utf-8"), FRAMEWORK_FILE, found)
    framework, problems = framework_of([SourceDoc(FRAMEWORK_FILE, "framework", "framework", data, lines)])
    if framework is None:
        raise ValueError("\n".join(str(p) for p in found + problems))
    return framework


def _validate_framework(docs: list[SourceDoc], problems: list[Problem]) -> Framework | None:
    doc = next((d for d in docs if d.kind == "framework"), None)
    if doc is None:
        return None
    framework: Framework | None = _validate(doc, FRAMEWORK_ADAPTER, [], problems)
    if framework is None:
        return None
    found = [Problem(doc.path, doc.line_of(loc), message) for loc, message in check_framework(framework)]
    for index, kind in enumerate(framework.kinds):
        if kind.folder in TOP_NAMES:
            found.append(
                Problem(
                    doc.path,
                    doc.line_of(("kinds", index, "folder")),
                    f"the folder '{kind.folder}' is the address of one of the guide's own pages; choose another",
                )
            )
    for index, matrix in enumerate(framework.matrices):
        if matrix.id in TOP_NAMES or matrix.id in {k.folder for k in framework.kinds}:
            found.append(
                Problem(
                    doc.path,
                    doc.line_of(("matrices", index, "id")),
                    f"the matrix id '{matrix.id}' is the address of another page; choose another",
                )
            )
    problems += found
    return None if found else framework


def _validate_items(
    framework: Framework, docs: list[SourceDoc], problems: list[Problem]
) -> dict[str, tuple[Item, SourceDoc]]:
    folders = {kind.folder: kind for kind in framework.kinds}
    reserved = reserved_ids(framework)
    items: dict[str, tuple[Item, SourceDoc]] = {}
    warned: set[str] = set()
    for doc in docs:
        kind = folders.get(doc.folder)
        if kind is None:
            if doc.folder not in warned:
                warned.add(doc.folder)
                problems.append(
                    Problem(
                        doc.path,
                        1,
                        f"the folder '{doc.folder}' is no kind's folder in the framework "
                        f"(those are: {', '.join(folders)}); its files are ignored",
                        warning=True,
                    )
                )
            continue
        item = _validate_item(framework, kind, doc, problems)
        if item is None:
            continue
        if item.id in reserved:
            problems.append(Problem(doc.path, 1, f"the id '{item.id}' is {reserved[item.id]}; rename the file"))
        elif item.id in items:
            problems.append(Problem(doc.path, 1, f"duplicate id '{item.id}': {items[item.id][1].path} has it too"))
        else:
            items[item.id] = (item, doc)
    return items


def _validate_item(framework: Framework, kind: Kind, doc: SourceDoc, problems: list[Problem]) -> Item | None:
    if isinstance(doc.data, dict) and "id" in doc.data:
        problems.append(Problem(doc.path, doc.line_of(("id",)), "unknown field 'id': an item's id is its file name"))
        return None
    known = ["title", "order", *(f.name for f in kind.fields), *(r.field for r in framework.relations_of(kind.id))]
    model = _validate(doc, item_adapter(framework, kind.id), known, problems)
    return item_from(framework, kind, doc.id, model) if model is not None else None


def _validate(doc: SourceDoc, adapter: TypeAdapter[Any], known: list[str], problems: list[Problem]) -> Any:
    """``doc``'s data validated by ``adapter``, or None with its problems added."""
    if doc.failed:
        return None
    if not isinstance(doc.data, dict):
        problems.append(Problem(doc.path, 1, "the file must be a set of 'field: value' lines"))
        return None
    try:
        return adapter.validate_python(doc.data)
    except ValidationError as err:
        problems += _describe(err, doc, known or _top_fields(adapter), adapter)
        return None


def _top_fields(adapter: TypeAdapter[Any]) -> list[str]:
    return list(adapter.json_schema(by_alias=True).get("properties", {}))


def _describe(err: ValidationError, doc: SourceDoc, known: list[str], adapter: TypeAdapter[Any]) -> list[Problem]:
    errors = err.errors()
    found = []
    for e in errors:
        loc = _in_data(tuple(e["loc"]), doc.data)
        if e["type"] == "too_short" and any(o is not e and tuple(o["loc"])[: len(loc)] == loc for o in errors):
            continue  # the items inside are already reported
        names = known if len(loc) < 2 else fields_at(adapter.json_schema(by_alias=True), loc[:-1])
        problem = Problem(doc.path, doc.line_of(loc), _message(e, loc, names))
        if problem not in found:
            found.append(problem)
    return found


def _in_data(loc: Loc, data: Any) -> Loc:
    """The part of pydantic's location that exists in the file (a question written as plain
    text is checked as ``{text: ...}``, so its location ends in a name the file does not have)."""
    here, kept = data, []
    for part in loc:
        exists = (isinstance(here, dict) and part in here) or (
            isinstance(here, list) and isinstance(part, int) and part < len(here)
        )
        if exists:
            here = here[part] if isinstance(here, dict) else here[int(part)]
            kept.append(part)
        elif isinstance(here, dict):
            kept.append(part)  # a missing or unknown field: its name is the point
            break
        elif isinstance(part, str):
            continue  # the key of a value written in its short form (a question as its text)
        else:
            break
    return tuple(kept)


def _field_name(loc: Loc) -> str:
    name = ""
    for part in loc:
        name += f" item {part + 1}" if isinstance(part, int) else ("." if name else "") + str(part)
    return f"'{name}'" if name else "the file"


def _message(e: Any, loc: Loc, known: list[str]) -> str:
    kind, where, ctx = e["type"], _field_name(loc), e.get("ctx") or {}
    if kind in ("missing", "missing_argument"):
        return f"missing field {where}"
    if kind in ("unexpected_keyword_argument", "extra_forbidden"):
        return f"unknown field {where}" + _did_you_mean(str(loc[-1]), known)
    if kind == "string_type":
        return f"{where} should be text, not {_type_name(e['input'])}"
    if kind in ("tuple_type", "list_type"):
        return f"{where} should be a list, not {_type_name(e['input'])}"
    if kind in ("dataclass_type", "dataclass_args_type", "dict_type", "model_type", "model_attributes_type"):
        return f"{where} should be a set of 'field: value' lines, not {_type_name(e['input'])}"
    if kind in ("int_type", "int_parsing", "int_parsing_size", "int_from_float"):
        return f"{where} should be a whole number"
    if kind.startswith("date_"):
        return f"{where} should be a date, written like 2026-01-12"
    if kind == "literal_error":
        return f"{where} must be one of: {ctx.get('expected', '')}"
    if kind in ("too_short", "too_long", "string_too_short", "string_too_long", "string_pattern_mismatch"):
        return _size_message(kind, where, ctx, e["input"])
    return f"{where}: {e['msg']}"


def _size_message(kind: str, where: str, ctx: dict[str, Any], value: Any) -> str:
    if kind == "too_short":
        return f"{where} needs at least {ctx.get('min_length')} entries, has {ctx.get('actual_length')}"
    if kind == "too_long":
        return f"{where} has more than {ctx.get('max_length')} entries"
    if kind == "string_too_short":
        return f"{where} must not be empty"
    if kind == "string_too_long":
        return f"{where} is longer than {ctx.get('max_length')} characters"
    pattern = str(ctx.get("pattern", ""))
    if "a-z0-9" in pattern and "_" not in pattern:
        return f"{where} '{value}' is not a valid id: use lowercase letters, digits and single hyphens"
    if "_" in pattern:
        return f"{where} '{value}' is not a valid field name: use lowercase letters, digits and underscores"
    if pattern == r"\S":
        return f"{where} must not be empty"
    return f"{where} must be one line of text"


def _type_name(value: Any) -> str:
    names = {
        dict: "a set of fields",
        list: "a list",
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "empty",
    }
    return names.get(type(value), type(value).__name__)


def _check_references(
    framework: Framework,
    items: dict[str, tuple[Item, SourceDoc]],
    known: dict[str, str],
    guide: Guide | None,
    guide_doc: SourceDoc | None,
) -> list[Problem]:
    """Every relation names an existing item of the right kind, once; every level and action mode
    is declared; the guide names existing items and worksheets. ``known`` maps every id that has
    a file to its kind."""
    modes = {mode.id for mode in guide.action_modes} if guide else set()
    problems = []
    for item, doc in items.values():
        for relation in framework.relations_of(item.kind):
            target = framework.kind(relation.target)
            seen: set[str] = set()
            for index, other in enumerate(item.get(relation.field, ())):
                message = _reference_problem(other, target, framework, known, seen)
                if message:
                    problems.append(
                        Problem(doc.path, doc.line_of((relation.field, index)), f"'{relation.field}': {message}")
                    )
                seen.add(other)
        kind = framework.kind(item.kind)
        for where, message in cell_problems(framework, kind, item.fields):
            problems.append(Problem(doc.path, doc.line_of(where), message))
        for spec in kind.of_type("action"):
            action = item.get(spec.name)
            if action is not None and action.mode is not None and action.mode not in modes:
                problems.append(
                    Problem(
                        doc.path,
                        doc.line_of((spec.name, "mode")),
                        f"'{spec.name}.mode': unknown "
                        f"mode '{action.mode}' (the guide's action_modes: {', '.join(sorted(modes))})",
                    )
                )
    if guide is not None and guide_doc is not None:
        used = {
            tag
            for item, _ in items.values()
            for spec in framework.kind(item.kind).of_type("tags")
            for tag in item.get(spec.name, ())
        }
        problems += _check_guide(framework, guide, guide_doc, known) + _check_tags(guide, guide_doc, used)
    return problems


def _check_tags(guide: Guide, doc: SourceDoc, used: set[str]) -> list[Problem]:
    """Each tag is named once; a name for a tag no item has is probably a typo (a warning)."""
    problems = []
    seen: set[str] = set()
    for index, named in enumerate(guide.tags):
        line = doc.line_of(("tags", index, "id"))
        if named.id in seen:
            problems.append(Problem(doc.path, line, f"'tags': '{named.id}' is named twice"))
        elif named.id not in used:
            problems.append(
                Problem(
                    doc.path,
                    line,
                    f"'tags': no item has the tag '{named.id}'" + _did_you_mean(named.id, sorted(used)),
                    warning=True,
                )
            )
        seen.add(named.id)
    return problems


def _check_guide(framework: Framework, guide: Guide, doc: SourceDoc, known: dict[str, str]) -> list[Problem]:
    problems = []
    for index, step in enumerate(guide.suggested_path):
        if step.item not in known:
            problems.append(
                Problem(
                    doc.path,
                    doc.line_of(("suggested_path", index, "item")),
                    f"'suggested_path': unknown item '{step.item}'" + _did_you_mean(step.item, list(known)),
                )
            )
    if guide.next_step and guide.next_step.worksheet and not framework.worksheet(guide.next_step.worksheet):
        problems.append(
            Problem(
                doc.path,
                doc.line_of(("next_step", "worksheet")),
                f"'next_step.worksheet': unknown worksheet '{guide.next_step.worksheet}'",
            )
        )
    return problems + _check_languages(guide, doc)


def _check_languages(guide: Guide, doc: SourceDoc) -> list[Problem]:
    """The guide's languages are languages, each named once."""
    problems = []
    named: list[tuple[tuple[str | int, ...], str]] = [(("language",), guide.language)] if guide.language else []
    named += [(("translations", index), tag) for index, tag in enumerate(guide.translations)]
    seen: set[str] = set()
    for loc, tag in named:
        field = loc[0]
        try:
            Locale.parse(tag, sep="-")
        except (ValueError, UnknownLocaleError):
            problems.append(Problem(doc.path, doc.line_of(loc), f"'{field}': '{tag}' is not a language leap knows"))
        if tag in seen or (field == "translations" and tag == (guide.language or "en")):
            problems.append(Problem(doc.path, doc.line_of(loc), f"'{field}': '{tag}' is named twice"))
        seen.add(tag)
    return problems


def _reference_problem(
    target: str, kind: Kind, framework: Framework, known: dict[str, str], seen: set[str]
) -> str | None:
    if target in seen:
        return f"'{target}' is listed twice"
    if target not in known:
        same_kind = [other for other, other_kind in known.items() if other_kind == kind.id]
        return f"unknown {kind.singular} '{target}'" + _did_you_mean(target, same_kind)
    if known[target] != kind.id:
        return f"'{target}' is a {framework.kind(known[target]).singular}, not a {kind.singular}"
    return None
