"""The content model. Each class is also the declarative schema its YAML files are checked against.

The classes are frozen pydantic dataclasses: pydantic validates a file's data against the field
types below, and the result is an immutable value the rest of the pipeline can share safely.
Relations are declared once, on one side (a barrier names the traits it undermines); every
inverse is derived in :mod:`generator.graph`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Annotated, ClassVar

from pydantic import ConfigDict, Field, StringConstraints
from pydantic.dataclasses import dataclass

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
OneLine = Annotated[str, StringConstraints(min_length=1, max_length=300, pattern=r"^[^\n]*\S[^\n]*$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000, pattern=r"\S")]
Ids = Annotated[tuple[Slug, ...], Field(max_length=200)]
Prompts = Annotated[tuple[OneLine, ...], Field(min_length=3, max_length=20)]
Tags = Annotated[tuple[Slug, ...], Field(min_length=1, max_length=20)]

SCHEMA = ConfigDict(extra="forbid")


@dataclass(frozen=True, config=SCHEMA)
class Item:
    """Fields every item has. ``id`` is the file name without ``.yaml``."""

    id: Slug
    order: int
    title: OneLine
    summary: OneLine
    body: Text
    prompts: Prompts
    try_this: Text
    tags: Tags

    kind: ClassVar[str] = "item"


@dataclass(frozen=True, config=SCHEMA)
class Anchors:
    """What a rating of 1 (low), 3 (middle) and 5 (high) looks like, in behaviour."""

    low: OneLine
    middle: OneLine
    high: OneLine


@dataclass(frozen=True, config=SCHEMA)
class Trait(Item):
    practices: Annotated[tuple[OneLine, ...], Field(min_length=1, max_length=10)]
    anchors: Anchors

    kind: ClassVar[str] = "trait"


@dataclass(frozen=True, config=SCHEMA)
class Barrier(Item):
    sounds_like: OneLine  # the barrier in the first person, for the self-assessment
    way_through: Text
    undermines: Ids  # traits

    kind: ClassVar[str] = "barrier"


@dataclass(frozen=True, config=SCHEMA)
class Strategy(Item):
    overcomes: Ids  # barriers
    builds: Ids  # traits

    kind: ClassVar[str] = "strategy"


@dataclass(frozen=True, config=SCHEMA)
class Shift(Item):
    from_: Annotated[OneLine, Field(alias="from")]
    to: OneLine
    traits: Ids
    barriers: Ids
    strategies: Ids

    kind: ClassVar[str] = "shift"


@dataclass(frozen=True, config=SCHEMA)
class Section:
    title: OneLine
    intro: Text


@dataclass(frozen=True, config=SCHEMA)
class Sections:
    traits: Section
    barriers: Section
    strategies: Section
    shifts: Section


@dataclass(frozen=True, config=SCHEMA)
class PathStep:
    item: Slug
    why: OneLine


@dataclass(frozen=True, config=SCHEMA)
class Guide:
    """Guide-level text: ``content/guide.yaml``."""

    title: OneLine
    tagline: OneLine
    audience: Text
    introduction: Text
    peter_principle_note: Text
    how_to_use: Text
    suggested_path: Annotated[tuple[PathStep, ...], Field(min_length=1, max_length=30)]
    closing: Text
    reflection_intro: Text
    reflection_questions: Annotated[tuple[OneLine, ...], Field(min_length=1, max_length=30)]
    sections: Sections
    sources: Annotated[tuple[OneLine, ...], Field(max_length=30)] = ()


ITEM_CLASSES: dict[str, type[Item]] = {"trait": Trait, "barrier": Barrier, "strategy": Strategy, "shift": Shift}
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
