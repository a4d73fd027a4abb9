"""The content model. Each class is also the declarative schema its YAML files are checked against.

The classes are frozen pydantic dataclasses: pydantic validates a file's data against the field
types below, and the result is an immutable value the rest of the pipeline can share safely.
Relations are declared once, on one side (a barrier names the traits it undermines); every
inverse is derived in :mod:`generator.graph`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Annotated, Any, ClassVar

from pydantic import ConfigDict, Field, StringConstraints, TypeAdapter
from pydantic.dataclasses import dataclass

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
OneLine = Annotated[str, StringConstraints(min_length=1, max_length=300, pattern=r"^[^\n]*\S[^\n]*$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000, pattern=r"\S")]
Ids = Annotated[tuple[Slug, ...], Field(max_length=200)]
Prompts = Annotated[tuple[OneLine, ...], Field(min_length=3, max_length=20)]
Tags = Annotated[tuple[Slug, ...], Field(min_length=1, max_length=20)]

SCHEMA = ConfigDict(extra="forbid", use_attribute_docstrings=True)  # the docstrings below become the help in editors


@dataclass(frozen=True, config=SCHEMA)
class Item:
    """Fields every item has. ``id`` is the file name without ``.yaml``."""

    id: Slug
    """The file name without .yaml: lowercase words joined by hyphens. Not written in the file."""
    order: int
    """Where the item comes in its section: lower numbers first."""
    title: OneLine
    """The page's heading. Plain text, one line."""
    summary: OneLine
    """What it is, in one sentence. Plain text; shown in tables, lists and search results."""
    body: Text
    """The explanation. Markdown: paragraphs, **bold**, *italics*, lists and links."""
    prompts: Prompts
    """Reflection questions, at least 3, one line each. Plain text; each gets space to answer on the worksheet."""
    try_this: Text
    """One concrete action to take this week. Markdown."""
    tags: Tags
    """Topics for the tags page: lowercase words joined by hyphens."""

    kind: ClassVar[str] = "item"


@dataclass(frozen=True, config=SCHEMA)
class Anchors:
    """What a rating of 1 (low), 3 (middle) and 5 (high) looks like, in behaviour."""

    low: OneLine
    """What a rating of 1 looks like, in behaviour. Plain text, one line."""
    middle: OneLine
    """What a rating of 3 looks like. Plain text, one line."""
    high: OneLine
    """What a rating of 5 looks like. Plain text, one line."""


@dataclass(frozen=True, config=SCHEMA)
class Trait(Item):
    practices: Annotated[tuple[OneLine, ...], Field(min_length=1, max_length=10)]
    """What the trait looks like in day-to-day work, one line each. Plain text."""
    anchors: Anchors
    """The self-assessment's scale for this trait: low, middle and high."""

    kind: ClassVar[str] = "trait"


@dataclass(frozen=True, config=SCHEMA)
class Barrier(Item):
    sounds_like: OneLine
    """The barrier in the first person, as the self-assessment asks it, such as: Nobody senior sees what I do."""
    way_through: Text
    """How to get past it. Markdown."""
    undermines: Ids
    """Ids of the traits this barrier holds back."""

    kind: ClassVar[str] = "barrier"


@dataclass(frozen=True, config=SCHEMA)
class Strategy(Item):
    overcomes: Ids
    """Ids of the barriers this strategy helps past."""
    builds: Ids
    """Ids of the traits this strategy develops."""

    kind: ClassVar[str] = "strategy"


@dataclass(frozen=True, config=SCHEMA)
class Shift(Item):
    from_: Annotated[OneLine, Field(alias="from")]
    """Where a manager starts: the old way of working. Plain text, one line."""
    to: OneLine
    """Where a senior leader ends up. Plain text, one line."""
    traits: Ids
    """Ids of the traits this shift calls on."""
    barriers: Ids
    """Ids of the barriers met on the way."""
    strategies: Ids
    """Ids of the strategies that help make the shift."""

    kind: ClassVar[str] = "shift"


@dataclass(frozen=True, config=SCHEMA)
class Section:
    title: OneLine
    """The section's name, plural: "Traits", or "Competencies" in your framework."""
    intro: Text
    """The section page's introduction. Markdown."""
    singular: OneLine | None = None
    """One of them, as running text says it: "competency". Default: trait, barrier, strategy or shift."""


@dataclass(frozen=True, config=SCHEMA)
class Sections:
    traits: Section
    barriers: Section
    strategies: Section
    shifts: Section

    def names(self) -> dict[str, str]:
        """The words running text uses for each kind: ``{"trait": "trait", "traits": "traits", ...}``,
        from the section titles, so a framework that calls them competencies reads that way."""
        words = {}
        for kind, folder in FOLDERS.items():
            section: Section = getattr(self, folder)
            words[folder] = section.title.lower()
            words[kind] = (section.singular or kind).lower()
        return words


@dataclass(frozen=True, config=SCHEMA)
class PathStep:
    item: Slug
    """The id of an item."""
    why: OneLine
    """Why read it at this point. Plain text, one line."""


@dataclass(frozen=True, config=SCHEMA)
class Guide:
    """Guide-level text: ``content/guide.yaml``."""

    title: OneLine
    """The guide's title, on the home page and the workbook cover. Plain text."""
    tagline: OneLine
    """One line under the title. Plain text."""
    audience: Text
    """Who the guide is for. Markdown."""
    introduction: Text
    """The home page's opening: the problem the guide solves. Markdown."""
    peter_principle_note: Text
    """A note on the home page about where the idea comes from. Markdown."""
    how_to_use: Text
    """How to use the guide. Markdown."""
    suggested_path: Annotated[tuple[PathStep, ...], Field(min_length=1, max_length=30)]
    """Items to read first, in order: each an item id and why."""
    closing: Text
    """The closing words, on the "Your next step" page. Markdown."""
    reflection_intro: Text
    """The introduction to the transition reflection worksheet. Markdown."""
    reflection_questions: Annotated[tuple[OneLine, ...], Field(min_length=1, max_length=30)]
    """The transition reflection worksheet's questions, one line each. Plain text."""
    sections: Sections
    """The four sections' names and introductions."""
    sources: Annotated[tuple[OneLine, ...], Field(max_length=30)] = ()
    """Where the ideas come from, one line each. Plain text."""


ITEM_CLASSES: dict[str, type[Item]] = {"trait": Trait, "barrier": Barrier, "strategy": Strategy, "shift": Shift}
# Kind of file ("guide" or an item kind) -> the pydantic adapter that validates it against its
# class, dumps it as JSON data and gives its JSON Schema. Built once: adapters are costly to make.
ADAPTERS: dict[str, TypeAdapter[Any]] = {
    kind: TypeAdapter(cls) for kind, cls in {"guide": Guide, **ITEM_CLASSES}.items()}
# Item kind -> {relation field: kind of item it names}. The one place relations are declared;
# their inverses are derived in generator.graph.
RELATIONS: dict[str, dict[str, str]] = {
    "barrier": {"undermines": "trait"},
    "strategy": {"overcomes": "barrier", "builds": "trait"},
    "shift": {"traits": "trait", "barriers": "barrier", "strategies": "strategy"},
}
# Kind -> its folder in content/ and docs/, in learning order.
FOLDERS = {"trait": "traits", "barrier": "barriers", "strategy": "strategies", "shift": "shifts"}


@dataclass(frozen=True)
class Content:
    """The whole guide: the guide text and every item, each kind in learning order."""

    guide: Guide
    traits: tuple[Trait, ...]
    barriers: tuple[Barrier, ...]
    strategies: tuple[Strategy, ...]
    shifts: tuple[Shift, ...]

    def of_kind(self, kind: str) -> tuple[Item, ...]:
        return getattr(self, FOLDERS[kind])  # type: ignore[no-any-return]

    @property
    def items(self) -> tuple[Item, ...]:
        return self.traits + self.barriers + self.strategies + self.shifts

    @property
    def by_id(self) -> Mapping[str, Item]:
        return MappingProxyType({item.id: item for item in self.items})


def learning_order(items: list[Item]) -> tuple[Item, ...]:
    return tuple(sorted(items, key=lambda item: (item.order, item.title, item.id)))
