"""The content model: the guide's own text, and items of the kinds its framework declares.

An item is a frozen value: its kind, id, title, order and a mapping of its declared fields. Each
kind's files are validated by a pydantic model made from the framework's declaration of that kind
(:func:`item_adapter`), which also gives the kind's JSON Schema, so validation, editor help and
the "Editing this guide" page cannot drift apart. Relations are declared once, on one side (a
barrier names the traits it undermines); every inverse is derived in :mod:`generator.content.graph`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    create_model,
)
from pydantic.dataclasses import dataclass as schema_class

from .cells import cells_of, levels_annotation
from .framework import SCHEMA, SLUG_PATTERN, FieldSpec, Framework, Kind, OneLine, Slug, Text
from .programme import Programme
from .prompts import Prompt, Question, or_text, prompt_of

__all__ = ["SLUG_PATTERN", "Action", "Content", "Guide", "Item", "Prompt", "Scale", "item_adapter"]

Ids = Annotated[tuple[Slug, ...], Field(max_length=200)]
Language = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", max_length=35)]
Tags = Annotated[tuple[Slug, ...], Field(max_length=20)]


@schema_class(frozen=True, config=SCHEMA)
class Scale:
    """What a rating of 1 (low), 3 (middle) and 5 (high) looks like, in behaviour."""

    low: OneLine
    """What a rating of 1 looks like. Plain text, one line."""
    middle: OneLine
    """What a rating of 3 looks like. Plain text, one line."""
    high: OneLine
    """What a rating of 5 looks like. Plain text, one line."""


@schema_class(frozen=True, config=SCHEMA)
class Action:
    """Something to do: what, by when, how you will know it worked, and what to ask yourself after."""

    do: Text
    """What to do. Markdown."""
    time: OneLine | None = None
    """The timeframe, such as "This week" or "Over the next month"."""
    sign: OneLine | None = None
    """How you will know it worked."""
    debrief: OneLine | None = None
    """The question to ask yourself afterwards."""
    mode: Slug | None = None
    """How the action teaches, one of the framework's action modes (such as experience)."""
    minutes: Annotated[int, Field(ge=1, le=10_000)] | None = None
    """About how many minutes it takes."""
    due_weeks: Annotated[int, Field(ge=1, le=52)] | None = None
    """How many weeks it takes, counted from the week a programme sets it (1: by the end of that
    week), so a programme can check that pre-work is due by its session."""


# Field type -> the value a file holds, as pydantic checks it.
_ANNOTATIONS: dict[str, Any] = {
    "line": OneLine,
    "markdown": Text,
    "lines": tuple[OneLine, ...],
    "prompts": tuple[Question, ...],
    "scale": Scale,
    "action": or_text("do", Action, Text),
    "tags": Tags,
}


def _annotation(spec: FieldSpec) -> Any:
    """What a field holds, as pydantic checks it, with the limits the framework declares."""
    if spec.type == "levels":
        return levels_annotation(spec)
    annotation = _ANNOTATIONS[spec.type]
    if spec.max_length and spec.type in ("line", "markdown", "lines"):
        pattern = r"\S" if spec.type == "markdown" else r"^[^\n]*\S[^\n]*$"
        text = Annotated[str, StringConstraints(min_length=1, max_length=spec.max_length, pattern=pattern)]
        annotation = tuple[text, ...] if spec.type == "lines" else text
    if spec.type in ("lines", "prompts") and (spec.min or spec.max):
        annotation = Annotated[annotation, Field(min_length=spec.min, max_length=spec.max)]
    return annotation


@functools.cache
def item_adapter(framework: Framework, kind_id: str) -> TypeAdapter[Any]:
    """The pydantic model of one kind's files: title and order, its declared fields, and the
    relations it declares. Fields are stored under safe Python names, aliased to the YAML ones."""
    kind = framework.kind(kind_id)
    fields: dict[str, Any] = {
        "f_title": (OneLine, Field(alias="title", description="The page's heading. Plain text, one line.")),
        "f_order": (int, Field(0, alias="order", description="Where it comes in its section: lower numbers first.")),
    }
    for spec in kind.fields:
        annotation = _annotation(spec)
        default: Any = ... if spec.required else None
        fields[f"f_{spec.name}"] = (
            annotation if spec.required else annotation | None,
            Field(default, alias=spec.name, description=spec.help or None),
        )
    for relation in framework.relations_of(kind_id):
        fields[f"f_{relation.field}"] = (Ids, Field((), alias=relation.field, description=relation.help or None))
    config = ConfigDict(extra="forbid", frozen=True, title=kind.singular, populate_by_name=False)
    model: type[BaseModel] = create_model(f"item_{kind.id}", __config__=config, **fields)
    return TypeAdapter(model)


@dataclass(frozen=True)
class Item:
    """One item of the framework: a trait, a competency, a value... whatever its kind."""

    kind: str
    id: str
    title: str
    order: int
    fields: Mapping[str, Any] = field(default_factory=dict)  # field name -> value; absent when empty
    summary: str = ""  # the kind's summary field, if it has one

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    def prompts(self, spec: FieldSpec | None) -> tuple[Prompt, ...]:
        return self.fields.get(spec.name, ()) if spec else ()

    def action(self, spec: FieldSpec | None) -> Action | None:
        return self.fields.get(spec.name) if spec else None


def item_from(framework: Framework, kind: Kind, item_id: str, model: BaseModel) -> Item:
    """The Item a validated file describes; values made immutable and prompts given their ids."""
    raw = dict(model)  # safe Python name -> value
    values: dict[str, Any] = {}
    names = [spec.name for spec in kind.fields] + [r.field for r in framework.relations_of(kind.id)]
    for name in names:
        value = raw[f"f_{name}"]
        if value is None or value == ():
            continue
        spec = kind.field(name)
        if spec and spec.type == "prompts":
            value = tuple(prompt_of(p) for p in value)
        elif spec and spec.type == "levels":
            value = MappingProxyType(cells_of(value))
        values[name] = value
    summary = kind.with_role("summary")
    return Item(
        kind.id,
        item_id,
        raw["f_title"],
        raw["f_order"],
        MappingProxyType(values),
        values.get(summary.name, "") if summary else "",
    )


@schema_class(frozen=True, config=SCHEMA)
class HomeSection:
    heading: OneLine
    """The section's heading on the home page."""
    text: Text
    """The section's text. Markdown."""


@schema_class(frozen=True, config=SCHEMA)
class Note:
    title: OneLine
    """The note's title, such as where an idea comes from."""
    text: Text
    """The note. Markdown."""


@schema_class(frozen=True, config=SCHEMA)
class PathStep:
    item: Slug
    """The id of an item."""
    why: OneLine
    """Why read it at this point. Plain text, one line."""


@schema_class(frozen=True, config=SCHEMA)
class NextStep:
    title: OneLine = "Your next step"
    """The page's title."""
    intro: Text | None = None
    """The page's opening. Markdown."""
    worksheet: Slug | None = None
    """The id of the worksheet whose questions the page asks, and links to."""
    closing: Text | None = None
    """The closing words. Markdown."""


@schema_class(frozen=True, config=SCHEMA)
class ActionMode:
    id: Slug
    """How items name it, such as experience."""
    title: OneLine
    """Its name, such as "Experience: learning on the job"."""


@schema_class(frozen=True, config=SCHEMA)
class TagName:
    id: Slug
    """The tag as items write it, such as business-acumen."""
    title: OneLine
    """How readers see it, such as "Business acumen"; translated with the rest of the guide."""


@schema_class(frozen=True, config=SCHEMA)
class Guide:
    """The guide's own text: ``guide.yaml``."""

    title: OneLine
    """The guide's title: the site's name (unless mkdocs.yml gives one), the home page and the workbook cover."""
    tagline: OneLine
    """The promise, in one line under the title."""
    id: Slug | None = None
    """A short id for the guide; readers' saved answers are kept under it. Default: made from the title."""
    language: Language | None = None
    """The language the content is written in, as a language tag such as en, de or pt-BR.
    Default: the site's (mkdocs.yml's theme.language), else en."""
    translations: Annotated[tuple[Language, ...], Field(max_length=20)] = ()
    """Other languages the guide is published in, each from its translator's catalog,
    locale/<language>.po (`leap translate update` writes it): a site per language, under /<language>/."""
    description: OneLine | None = None
    """The home page's description for search engines and link previews. Default: the tagline."""
    audience: Text | None = None
    """Who the guide is for. Markdown."""
    home: Annotated[tuple[HomeSection, ...], Field(max_length=12)] = ()
    """The home page's sections, after the ways in: each a heading and Markdown text."""
    note: Note | None = None
    """An optional note on the home page, such as where an idea comes from."""
    suggested_path: Annotated[tuple[PathStep, ...], Field(max_length=30)] = ()
    """Items to read first, in order: each an item id and why."""
    next_step: NextStep | None = None
    """The "Your next step" page."""
    action_modes: Annotated[tuple[ActionMode, ...], Field(max_length=6)] = ()
    """The ways an action can teach, such as experience, exposure and education."""
    sources: Annotated[tuple[Text, ...], Field(max_length=30)] = ()
    """Where the ideas come from, one entry each. Markdown: italicise a book's title with *asterisks*."""
    sources_intro: Text | None = None
    """What the home page says before the sources, such as how the guide uses them. Markdown."""
    tags: Annotated[tuple[TagName, ...], Field(max_length=300)] = ()
    """How each tag is shown to readers, on the tags page and at the top of each page: an id and a
    title. A tag not named here shows as items write it (its id)."""

    def tag_name(self, tag: str) -> str:
        """How readers see a tag: its title, or the tag itself when the guide gives it none."""
        return next((named.title for named in self.tags if named.id == tag), tag)

    @property
    def key(self) -> str:
        """The guide's id, for storage: given, or made from the title."""
        return self.id or re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-") or "guide"


GUIDE_ADAPTER: TypeAdapter[Guide] = TypeAdapter(Guide)
FRAMEWORK_ADAPTER: TypeAdapter[Framework] = TypeAdapter(Framework)


@dataclass(frozen=True)
class Content:
    """The whole guide: its framework, its text and every item, kinds in learning order."""

    framework: Framework
    guide: Guide
    items: tuple[Item, ...]
    programme: Programme | None = None

    def of_kind(self, kind_id: str) -> tuple[Item, ...]:
        return self._by_kind.get(kind_id, ())

    @functools.cached_property
    def _by_kind(self) -> dict[str, tuple[Item, ...]]:
        grouped: dict[str, list[Item]] = {kind.id: [] for kind in self.framework.kinds}
        for item in self.items:
            grouped[item.kind].append(item)
        return {kind: tuple(items) for kind, items in grouped.items()}

    @functools.cached_property
    def by_id(self) -> Mapping[str, Item]:
        return MappingProxyType({item.id: item for item in self.items})

    def kind_of(self, item: Item) -> Kind:
        return self.framework.kind(item.kind)


def learning_order(items: list[Item]) -> list[Item]:
    return sorted(items, key=lambda item: (item.order, item.title, item.id))
