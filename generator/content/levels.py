"""Levels, the tracks they branch into, and the scale a level cell's step is named on.

A framework may declare **levels** (career levels, say). Levels shared by everyone come first;
then, if it declares **tracks**, each track's own levels (individual contributor and people
manager, say). A level's *rank* is its place on its own ladder: the shared levels and then its
track's, so the manager's first level and the individual contributor's first level have the same
rank, and a distance between two levels counts within a track.

A **scale** (Awareness, Foundational... Expert) names the steps a level cell can carry.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Annotated

from pydantic import Field
from pydantic.dataclasses import dataclass

from .declared import SCHEMA, OneLine, Slug

if TYPE_CHECKING:
    from .framework import Framework

Where = tuple[str | int, ...]


@dataclass(frozen=True, config=SCHEMA)
class Level:
    """A level, such as a career level: items with a levels field say what they look like at each."""

    id: Slug
    """How items name the level."""
    title: OneLine
    """Its name, as the grid's columns show it."""
    summary: OneLine = ""
    """What the level means, in one line."""
    track: Slug | None = None
    """The track it belongs to (one of the framework's tracks). None: every track shares it; shared
    levels come before the tracks' own."""


@dataclass(frozen=True, config=SCHEMA)
class Track:
    """A track the levels branch into, such as individual contributor or people manager."""

    id: Slug
    """How levels name the track."""
    title: OneLine
    """Its name."""
    summary: OneLine = ""
    """What the track is, in one line."""


@dataclass(frozen=True, config=SCHEMA)
class Step:
    """One step of the scale, such as Practitioner."""

    id: Slug
    """How a level cell names the step."""
    title: OneLine
    """Its name, as the grid shows it."""
    summary: OneLine = ""
    """What the step means, in one line."""


@dataclass(frozen=True, config=SCHEMA)
class Scale:
    """Named, ordered steps a level cell can carry (the expected proficiency, say)."""

    title: OneLine
    """The scale's name, such as "Proficiency"."""
    steps: Annotated[tuple[Step, ...], Field(min_length=2, max_length=12)]
    """Its steps, lowest first."""

    def step(self, step_id: str | None) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)


def ranks(levels: Sequence[Level], tracks: Sequence[Track]) -> dict[str, int]:
    """Each level's rank, from 1: its place on its own ladder (the shared levels, then its track's)."""
    shared = [level.id for level in levels if level.track is None]
    found = {level_id: n for n, level_id in enumerate(shared, start=1)}
    for track in tracks:
        own = [level.id for level in levels if level.track == track.id]
        found |= {level_id: n for n, level_id in enumerate(own, start=len(shared) + 1)}
    return found


def ladder(levels: Sequence[Level], track_id: str | None) -> tuple[Level, ...]:
    """The levels a reader on a track climbs: the shared ones, then the track's (every level for None)."""
    return tuple(level for level in levels if track_id is None or level.track in (None, track_id))


def neighbours(levels: Sequence[Level], level: Level) -> tuple[tuple[Level, ...], tuple[Level, ...]]:
    """The levels just below and just above ``level``. At a fork, the last shared level has each
    track's first level above it, and each of those has the last shared level below it."""
    shared = [lv for lv in levels if lv.track is None]
    if level.track is None:
        place = shared.index(level)
        if place + 1 < len(shared):
            return tuple(shared[place - 1 : place] if place else ()), (shared[place + 1],)
        firsts = {lv.track: lv for lv in reversed(levels) if lv.track is not None}
        return tuple(shared[place - 1 : place] if place else ()), tuple(sorted(firsts.values(), key=levels.index))
    own = [lv for lv in levels if lv.track == level.track]
    place = own.index(level)
    below = own[place - 1 : place] if place else shared[-1:]
    return tuple(below), tuple(own[place + 1 : place + 2])


def check_levels(framework: Framework) -> Iterator[tuple[Where, str]]:
    """Tracks and levels that do not fit together, and scale steps named twice."""
    tracks = {track.id for track in framework.tracks}
    branched = False
    for index, level in enumerate(framework.levels):
        if level.track is not None and level.track not in tracks:
            known = ", ".join(sorted(tracks)) or "none are declared"
            yield ("levels", index, "track"), f"unknown track '{level.track}' (the framework's tracks: {known})"
        elif level.track is None and branched:
            yield (
                ("levels", index),
                f"the shared level '{level.id}' comes after a track's level; shared levels come first",
            )
        branched = branched or level.track in tracks
    for index, track in enumerate(framework.tracks):
        if not any(level.track == track.id for level in framework.levels):
            yield ("tracks", index), f"no level belongs to the track '{track.id}'"
    yield from _unique([(("tracks", i, "id"), t.id) for i, t in enumerate(framework.tracks)], "track")
    if framework.scale:
        steps = [(("scale", "steps", i, "id"), s.id) for i, s in enumerate(framework.scale.steps)]
        yield from _unique(steps, "step")
    if framework.scale and not framework.levels:
        yield ("scale",), "a scale names the steps of level cells, but the framework declares no levels"


def _unique(named: Sequence[tuple[Where, str]], what: str) -> Iterator[tuple[Where, str]]:
    seen: set[str] = set()
    for where, name in named:
        if name in seen:
            yield where, f"two of them use the {what} '{name}'"
        seen.add(name)
