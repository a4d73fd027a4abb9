"""Level cells: what an item says about itself at one level.

A ``levels`` field holds a cell per level. The framework declares, per field, what a cell holds
(one line, Markdown of any reasonable length, or a list of statements) and how long it may be;
any cell may also name its step on the framework's scale. A cell is written as its text (or its
list of statements), or, with a step, as ``{text: ..., step: ...}`` (``{statements: [...], step:
...}``).
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, create_model

from .declared import Slug
from .framework import FieldSpec, Framework, Kind

# The longest a cell may be, unless the framework says: per cell, or per statement.
DEFAULT_LENGTH = {"line": 300, "markdown": 5_000, "statements": 300}
MAX_STATEMENTS = 30
_ONE_LINE = r"^[^\n]*\S[^\n]*$"


@dataclass(frozen=True)
class Cell:
    """One level's cell: its text (a line or Markdown) or its statements, and its step, if named."""

    text: str = ""
    statements: tuple[str, ...] = ()
    step: str | None = None

    @property
    def plain(self) -> str:
        """The cell as one piece of text: its text, or its statements one a line."""
        return self.text or "\n".join(self.statements)

    def written(self) -> Any:
        """The cell as a content file writes it: its text or statements, with its step if it has one."""
        body: dict[str, Any] = {"text": self.text} if self.text else {"statements": list(self.statements)}
        return next(iter(body.values())) if self.step is None else {**body, "step": self.step}


def levels_annotation(spec: FieldSpec) -> Any:
    """What a levels field holds, as pydantic checks it: a cell per level id."""
    return dict[Slug, _cell_annotation(spec.cell, spec.max_length, spec.max)]  # type: ignore[misc]


@functools.cache
def _cell_annotation(cell: str, max_length: int | None, most: int | None) -> Any:
    length = max_length or DEFAULT_LENGTH[cell]
    pattern = r"\S" if cell == "markdown" else _ONE_LINE
    text = Annotated[str, StringConstraints(min_length=1, max_length=length, pattern=pattern)]
    fields: dict[str, Any]
    if cell == "statements":
        many = Annotated[tuple[text, ...], Field(min_length=1, max_length=most or MAX_STATEMENTS)]
        fields = {"statements": (many, Field(description="What the level asks, one statement a line."))}
        written_as: Any = str | list[str]
    else:
        fields = {"text": (text, Field(description="What the level asks. " + _HOW[cell]))}
        written_as = str
    fields["step"] = (Slug | None, Field(None, description="The cell's step on the framework's scale, by its id."))
    config = ConfigDict(extra="forbid", frozen=True, title=f"a {cell} cell")
    model: type[BaseModel] = create_model(f"cell_{cell}_{length}_{most}", __config__=config, **fields)
    return Annotated[model, BeforeValidator(_short_form(cell), json_schema_input_type=written_as | model)]


_HOW = {"line": "Plain text, one line.", "markdown": "Markdown: paragraphs, lists and links."}


def _short_form(cell: str) -> Any:
    """A cell written without its step: the text, or the statements, as they are."""

    def expand(value: Any) -> Any:
        if cell == "statements" and isinstance(value, (str, list)):
            return {"statements": [value] if isinstance(value, str) else value}
        return {"text": value} if isinstance(value, str) else value

    return expand


def short_form(cell: Any) -> Any:
    """A cell as written data, in its short form when it names no step: its text or statements."""
    if isinstance(cell, dict) and set(cell) in ({"text"}, {"statements"}):
        return next(iter(cell.values()))
    return cell


def cells_of(value: Mapping[str, Any]) -> dict[str, Cell]:
    """A validated levels field as cells, their text without the blank lines around it."""
    return {
        level: Cell(getattr(model, "text", "").strip(), tuple(getattr(model, "statements", ())), model.step)
        for level, model in value.items()
    }


def cell_problems(framework: Framework, kind: Kind, item_fields: Mapping[str, Any]) -> Iterator[tuple[Any, str]]:
    """Every level a levels field names that the framework does not declare, and every step its
    scale does not have: ``(where in the file, message)``."""
    levels = [level.id for level in framework.levels]
    steps = [step.id for step in framework.scale.steps] if framework.scale else []
    for spec in kind.of_type("levels"):
        for level, cell in item_fields.get(spec.name, {}).items():
            if level not in levels:
                yield (
                    (spec.name, level),
                    f"'{spec.name}': unknown level '{level}'" + did_you_mean(level, sorted(levels)),
                )
            if cell.step is not None and cell.step not in steps:
                known = f"the scale's steps: {', '.join(steps)}" if steps else "the framework declares no scale"
                yield (spec.name, level, "step"), f"'{spec.name}.{level}.step': unknown step '{cell.step}' ({known})"


def did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
