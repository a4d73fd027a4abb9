"""The framework: what a guide is made of, declared in its content as ``framework.yaml``.

A framework names its kinds of item (singular, plural, folder, learning order), the fields each
kind's files have, the relations between kinds (with the heading each side's page reads), any
levels, the self-assessment's roles, the matrix pages and the cross-cutting worksheets. The
engine knows nothing else about a guide: every kind name, relation and sentence comes from here
or from ``guide.yaml``.

The classes are frozen pydantic dataclasses, validated like every content file (with the line of
every problem); ``check_framework`` then checks the declarations against each other.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Annotated, Literal

from pydantic import Field
from pydantic.dataclasses import dataclass

from .declared import FIELD_NAME, SCHEMA, SLUG_PATTERN, FieldName, OneLine, Slug, Text
from .levels import Level, Scale, Track, check_levels, ladder, neighbours, ranks
from .prompts import Prompt, Question, prompt_of

__all__ = ["FIELD_NAME", "SCHEMA", "SLUG_PATTERN", "FieldName", "Level", "OneLine", "Scale", "Slug", "Text", "Track"]

FieldType = Literal["line", "markdown", "lines", "prompts", "scale", "levels", "action", "tags"]
# The fields every item has, whatever its kind; a kind declares the rest.
CORE_FIELDS = ("title", "order")


@dataclass(frozen=True, config=SCHEMA)
class FieldSpec:
    """One field of a kind's files."""

    name: FieldName
    """The field's name in the files: lowercase letters, digits and underscores."""
    type: FieldType
    """line: one line of plain text; markdown: formatted text; lines: a list of one-line texts;
    prompts: reflection questions, each with room to write on the worksheet; scale: what a rating
    of 1, 3 and 5 looks like (low, middle, high); levels: what the item looks like at each level;
    action: something to do, with its timeframe, a sign it worked and a debrief question; tags:
    topics for the tags page."""
    required: bool = False
    """Whether every item of the kind must have it."""
    heading: OneLine | None = None
    """The heading it is shown under on the item's page (and worksheet). None: no heading."""
    help: OneLine = ""
    """What to write in it: shown in editors and on the "Editing this guide" page."""
    role: Literal["summary", "statement"] | None = None
    """summary: the one-line description shown in lists and search results; statement: what the
    self-assessment asks the reader to tick, in the first person."""
    worksheet: bool = False
    """Whether the item's worksheet repeats it, above the reflection prompts."""
    page: bool = True
    """Whether the item's page shows it (a statement may be for the self-assessment only)."""
    numbered: bool = False
    """For lines: show them as numbered steps."""
    min: int = 0
    """For lines and prompts: how many entries at least (when present)."""
    max: Annotated[int, Field(ge=1, le=500)] | None = None
    """For lines, prompts and statements cells: how many entries at most. Default: no limit, and 30
    statements in a cell."""
    cell: Literal["line", "markdown", "statements"] = "line"
    """For levels: what each level's cell holds. line: one line of plain text; markdown: formatted
    text of any reasonable length (paragraphs, lists, links); statements: a list of one-line
    statements. Any cell may also name its step on the framework's scale."""
    max_length: Annotated[int, Field(ge=1, le=100_000)] | None = None
    """The most characters a value may have: for levels, each cell (or each statement). Default:
    300 for a line or a statement, 20,000 for Markdown, 5,000 for a Markdown cell."""


@dataclass(frozen=True, config=SCHEMA)
class Kind:
    """A kind of item, such as a value or a competency: one file per item in its folder."""

    id: Slug
    """How relations and the self-assessment name this kind."""
    singular: OneLine
    """One of them, as running text says it: "competency"."""
    plural: OneLine
    """More than one, as running text says it: "competencies"."""
    folder: Slug
    """Its folder in the content, and the first part of its pages' addresses."""
    intro: Text
    """The section page's introduction. Markdown."""
    fields: Annotated[tuple[FieldSpec, ...], Field(max_length=40)] = ()
    """Its fields, in the order the item's page shows them (besides title and order, which
    every item has)."""
    title: OneLine | None = None
    """The section's name in the navigation and headings. Default: the plural, capitalised."""
    rating_question: OneLine | None = None
    """The self-rating question on each item's worksheet, such as "How true is this of me today?".
    None: the worksheet asks none."""

    @property
    def name(self) -> str:
        return self.title or self.plural[:1].upper() + self.plural[1:]

    def field(self, name: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.name == name), None)

    def of_type(self, *types: str) -> tuple[FieldSpec, ...]:
        return tuple(f for f in self.fields if f.type in types)

    def with_role(self, role: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.role == role), None)

    def first(self, field_type: str) -> FieldSpec | None:
        return next(iter(self.of_type(field_type)), None)


@dataclass(frozen=True, config=SCHEMA)
class Relation:
    """A relation between two kinds, written once, on the ``source`` side."""

    field: FieldName
    """The field that lists the related ids, in the source kind's files."""
    source: Slug
    """The kind whose files list the ids."""
    target: Slug
    """The kind the ids name."""
    label: OneLine
    """The heading on the source item's page, such as "Skills it builds"."""
    inverse: OneLine
    """The heading on the target item's page, such as "Habits that build it"."""
    help: OneLine = ""
    """What the field holds, for editors."""


@dataclass(frozen=True, config=SCHEMA)
class Assessment:
    """The self-assessment's roles. It rates one kind, can ask the reader to tick another kind's
    statements, and recommends a third; results say why each item is shown."""

    rate: Slug
    """The kind the reader rates."""
    by: Literal["scale", "level"] = "scale"
    """scale: 1 to 5 with the kind's scale field (what 1, 3 and 5 look like); level: which level
    the reader is at, with the kind's levels field."""
    tick: Slug | None = None
    """The kind whose statements the reader ticks when they sound like them."""
    recommend: Slug | None = None
    """The kind the results recommend. None: the results show the lowest-rated items."""
    reflect: Slug | None = None
    """A kind the results suggest reflecting on."""
    plan: Slug | None = None
    """The id of the plan worksheet that "Use my results" fills in."""
    title: OneLine = "Self-assessment"
    """The page's title."""
    intro: Text | None = None
    """The page's opening. Markdown."""
    minutes: Annotated[int, Field(ge=1, le=600)] | None = None
    """About how many minutes it takes, for a programme's weekly time."""


@dataclass(frozen=True, config=SCHEMA)
class Matrix:
    """A page that crosses two kinds along one relation: the target kind as rows, the source as columns."""

    id: Slug
    """The page's address."""
    relation: FieldName
    """The relation it shows."""
    title: OneLine
    """The page's title."""
    intro: Text
    """The page's introduction. Markdown."""
    layout: Literal["auto", "grid", "list"] = "auto"
    """grid: a row per target item and a numbered column per source item, with a mark where they
    relate; list: a row per target item, listing the source items it relates to; auto: a grid up
    to 24 columns, a list beyond (a wider grid cannot be read, and grows with the square of the
    framework)."""

    def is_grid(self, columns: int) -> bool:
        return self.layout == "grid" or (self.layout == "auto" and columns <= 24)


@dataclass(frozen=True, config=SCHEMA)
class Period:
    """One stretch of a plan worksheet."""

    title: OneLine
    """Such as "First 30 days"."""
    focus: OneLine
    """The question this stretch answers."""
    days: int = 30
    """How long it lasts, for the review dates."""


@dataclass(frozen=True, config=SCHEMA)
class Worksheet:
    """A cross-cutting worksheet that draws on the whole guide."""

    id: Slug
    """Its address, its PDF's name and the key its answers are kept under."""
    title: OneLine
    """Its title."""
    intro: Text
    """What it is for and how to fill it in. Markdown."""
    type: Literal["rating", "checklist", "plan", "table", "questions"]
    """rating: every item of a kind on the assessment's scale, with evidence (it shares the
    self-assessment's answers); checklist: does each item of a kind apply to me, with evidence;
    plan: a goal and periods (from the self-assessment's results, if you like); table: columns
    and rows to fill in; questions: questions with room to answer."""
    place: Literal["start", "end"] = "end"
    """In the workbook: before the items' worksheets (taking stock) or after them (planning)."""
    kind: Slug | None = None
    """For rating and checklist: the kind whose items it lists."""
    columns: Annotated[tuple[OneLine, ...], Field(max_length=8)] = ()
    """For table: the column headings; for checklist: the headings of its two columns; for rating
    by others: who rates, one column each."""
    rows: Annotated[int, Field(ge=0, le=40)] = 0
    """For table: how many rows to print."""
    questions: Annotated[tuple[Question, ...], Field(max_length=30)] = ()
    """For questions: the questions; for rating by others: questions to answer once the ratings
    are in, each with room to write. Each is plain text, or a text and an id of your choosing (so
    that readers' answers stay attached to it when its wording is edited)."""
    goal: OneLine | None = None
    """For plan: the question at the top, such as the role you are preparing for."""
    periods: Annotated[tuple[Period, ...], Field(max_length=6)] = ()
    """For plan: its stretches."""
    rater: Literal["self", "other"] = "self"
    """For rating: who rates. self: the reader (it shares the self-assessment's answers); other:
    people the reader asks, one column each (columns), whose ratings are kept apart."""
    question: OneLine | None = None
    """For rating by others: what each rater answers for every item, such as "Which describes them today?"."""
    minutes: Annotated[int, Field(ge=1, le=600)] | None = None
    """About how many minutes it takes to fill in, for a programme's weekly time."""

    @property
    def prompts(self) -> tuple[Prompt, ...]:
        """The questions, each with the id its reader's answer is kept under."""
        return tuple(prompt_of(question) for question in self.questions)


@dataclass(frozen=True, config=SCHEMA)
class Framework:
    """A framework's ``framework.yaml``."""

    kinds: Annotated[tuple[Kind, ...], Field(min_length=1, max_length=12)]
    """The kinds of item, in learning order."""
    relations: Annotated[tuple[Relation, ...], Field(max_length=40)] = ()
    """How items of the kinds relate."""
    levels: Annotated[tuple[Level, ...], Field(max_length=40)] = ()
    """Levels, such as career levels, if items describe themselves per level: the levels every
    track shares first, then each track's own."""
    tracks: Annotated[tuple[Track, ...], Field(max_length=8)] = ()
    """The tracks the levels branch into, such as individual contributor and people manager."""
    scale: Scale | None = None
    """The steps a level cell can name (the proficiency it expects, say), lowest first."""
    assessment: Assessment | None = None
    """The self-assessment, if the guide has one."""
    matrices: Annotated[tuple[Matrix, ...], Field(max_length=10)] = ()
    """Pages that cross two kinds along a relation."""
    worksheets: Annotated[tuple[Worksheet, ...], Field(max_length=20)] = ()
    """The cross-cutting worksheets, in workbook order within their place."""

    def level(self, level_id: str) -> Level:
        return next(level for level in self.levels if level.id == level_id)

    def rank(self, level: Level) -> int:
        """The level's place on its own ladder, from 1 (see :mod:`generator.content.levels`)."""
        return ranks(self.levels, self.tracks)[level.id]

    def ladder(self, track_id: str | None) -> tuple[Level, ...]:
        return ladder(self.levels, track_id)

    def neighbours(self, level: Level) -> tuple[tuple[Level, ...], tuple[Level, ...]]:
        """The levels just below and just above, both tracks' at a fork."""
        return neighbours(self.levels, level)

    def track(self, track_id: str | None) -> Track | None:
        return next((t for t in self.tracks if t.id == track_id), None)

    def kind(self, kind_id: str) -> Kind:
        return next(k for k in self.kinds if k.id == kind_id)

    def has_kind(self, kind_id: str | None) -> bool:
        return any(k.id == kind_id for k in self.kinds)

    def relation(self, field: str) -> Relation:
        return next(r for r in self.relations if r.field == field)

    def relations_of(self, kind_id: str) -> tuple[Relation, ...]:
        """The relations a kind's files declare."""
        return tuple(r for r in self.relations if r.source == kind_id)

    def linking(self, first: str, second: str) -> tuple[Relation, ...]:
        """The relations between two kinds, in either direction."""
        return tuple(r for r in self.relations if {r.source, r.target} == {first, second})

    def kind_named(self, name: str) -> Kind | None:
        """The kind a person means: its id, singular or plural, in any case."""
        wanted = name.strip().lower()
        return next((k for k in self.kinds if wanted in {k.id, k.singular.lower(), k.plural.lower(), k.folder}), None)

    def worksheet(self, sheet_id: str | None) -> Worksheet | None:
        return next((w for w in self.worksheets if w.id == sheet_id), None)

    def shares_assessment(self, sheet: Worksheet) -> bool:
        """Whether a worksheet's answers are the self-assessment's: the rating sheet's ratings, and
        the ticks of a checklist of the statements the self-assessment ticks."""
        return (sheet.type == "rating" and sheet.rater == "self") or (
            sheet.type == "checklist" and self.assessment is not None and self.assessment.tick == sheet.kind
        )


def check_framework(framework: Framework) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every declaration that names something undeclared or clashes: ``(where in the file, message)``."""
    kinds = {k.id: k for k in framework.kinds}
    yield from _unique([(("kinds", i, "id"), k.id) for i, k in enumerate(framework.kinds)], "kind id")
    yield from _unique([(("kinds", i, "folder"), k.folder) for i, k in enumerate(framework.kinds)], "folder")
    for i, kind in enumerate(framework.kinds):
        fields = [(("kinds", i, "fields", j, "name"), f.name) for j, f in enumerate(kind.fields)]
        yield from _unique(fields, f"field of kind '{kind.id}'")
        for j, spec in enumerate(kind.fields):
            if spec.name in CORE_FIELDS:
                yield ("kinds", i, "fields", j, "name"), f"'{spec.name}' is a field every item has; do not declare it"
            if spec.role and spec.type != "line":
                yield ("kinds", i, "fields", j, "role"), f"a {spec.role} field must be of type line"
            if spec.cell != "line" and spec.type != "levels":
                yield ("kinds", i, "fields", j, "cell"), "only a levels field has cells"
        for role in ("summary", "statement"):
            if sum(f.role == role for f in kind.fields) > 1:
                yield ("kinds", i, "fields"), f"kind '{kind.id}' has more than one {role} field"
    for i, relation in enumerate(framework.relations):
        for end in ("source", "target"):
            if getattr(relation, end) not in kinds:
                yield ("relations", i, end), f"unknown kind '{getattr(relation, end)}'"
        source = kinds.get(relation.source)
        if source and source.field(relation.field):
            yield ("relations", i, "field"), f"kind '{source.id}' already has a field '{relation.field}'"
    yield from _unique([(("relations", i, "field"), r.field) for i, r in enumerate(framework.relations)], "relation")
    levels = [(("levels", i, "id"), level.id) for i, level in enumerate(framework.levels)]
    yield from _unique(levels, "level")
    if any(k.of_type("levels") for k in framework.kinds) and not framework.levels:
        yield ("kinds",), "a kind has a levels field, but the framework declares no levels"
    yield from check_levels(framework)
    if framework.assessment:
        yield from _check_assessment(framework, framework.assessment, kinds)
    relations = {r.field for r in framework.relations}
    for i, matrix in enumerate(framework.matrices):
        if matrix.relation not in relations:
            yield ("matrices", i, "relation"), f"unknown relation '{matrix.relation}'"
    yield from _check_worksheets(framework, kinds)


def _check_assessment(
    framework: Framework, assessment: Assessment, kinds: dict[str, Kind]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for role in ("rate", "tick", "recommend", "reflect"):
        named = getattr(assessment, role)
        if named is not None and named not in kinds:
            yield ("assessment", role), f"unknown kind '{named}'"
    rated = kinds.get(assessment.rate)
    needed = "scale" if assessment.by == "scale" else "levels"
    if rated and not rated.first(needed):
        yield ("assessment", "by"), f"kind '{rated.id}' has no {needed} field to rate with"
    ticked = kinds.get(assessment.tick or "")
    if ticked and not ticked.with_role("statement"):
        yield ("assessment", "tick"), f"kind '{ticked.id}' has no field with role statement to tick"
    plan = framework.worksheet(assessment.plan)
    if assessment.plan and (plan is None or plan.type != "plan"):
        yield ("assessment", "plan"), f"no plan worksheet '{assessment.plan}'"


def _check_worksheets(framework: Framework, kinds: dict[str, Kind]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    yield from _unique([(("worksheets", i, "id"), w.id) for i, w in enumerate(framework.worksheets)], "worksheet")
    for i, sheet in enumerate(framework.worksheets):
        where: tuple[str | int, ...] = ("worksheets", i)
        if sheet.type in ("rating", "checklist"):
            if sheet.kind not in kinds:
                yield (*where, "kind"), f"a {sheet.type} worksheet needs the kind it lists (unknown: '{sheet.kind}')"
            elif sheet.type == "rating" and (framework.assessment is None or framework.assessment.rate != sheet.kind):
                yield (*where, "kind"), "a rating worksheet lists the kind the assessment rates"
        if sheet.rater == "other" and (
            sheet.type != "rating" or not 1 <= len(sheet.columns) <= 4 or not sheet.question
        ):
            yield (*where, "rater"), "a rating worksheet by others needs its raters as columns (1 to 4) and a question"
        elif sheet.rater == "other" and len({c.strip().lower() for c in sheet.columns}) < len(sheet.columns):
            yield (*where, "columns"), "two raters have the same name"
        if sheet.type == "checklist" and len(sheet.columns) != 2:
            yield (*where, "columns"), "a checklist worksheet has two column headings: the tick and the evidence"
        if sheet.type == "table" and (not sheet.columns or not sheet.rows):
            yield (*where,), "a table worksheet needs columns and rows"
        if sheet.type == "questions" and not sheet.questions:
            yield (*where, "questions"), "a questions worksheet needs questions"
        if sheet.type == "plan" and not sheet.periods:
            yield (*where, "periods"), "a plan worksheet needs periods"


def _unique(
    named: Sequence[tuple[tuple[str | int, ...], str]], what: str
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    seen: set[str] = set()
    for where, name in named:
        if name in seen:
            yield where, f"two of them use the {what} '{name}'"
        seen.add(name)
