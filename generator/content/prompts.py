"""Questions a reader answers: written as plain text, or with an id of the author's choosing. Each
gets an id that keys the reader's answer: the one written, or one made from the question's words
(in the guide's source language, so that a translated question keeps its answers)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, StringConstraints
from pydantic.dataclasses import dataclass as schema_class

from .declared import SCHEMA, SLUG_PATTERN, OneLine

PromptId = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=40)]


@schema_class(frozen=True, config=SCHEMA)
class PromptSpec:
    """A reflection question; written as plain text, or with an id of your choosing so that
    readers' answers stay attached to it when its wording is edited."""

    text: OneLine
    """The question."""
    id: PromptId | None = None
    """A stable id for the question, unique within the item. Default: made from its words."""


@dataclass(frozen=True)
class Prompt:
    """A reflection question. Its id keys the reader's answer: written in the content, or made from
    the question's words, so an answer never moves to a different question."""

    id: str
    text: str


def prompt_of(spec: PromptSpec) -> Prompt:
    if spec.id:
        return Prompt(spec.id, spec.text)
    words = re.sub(r"\s+", " ", spec.text.strip().lower())
    return Prompt("q-" + hashlib.sha256(words.encode("utf-8")).hexdigest()[:10], spec.text)


def question(text: str) -> Prompt:
    """A question written as plain text, with the id made from its words."""
    return prompt_of(PromptSpec(text=text))


def or_text(key: str, cls: type, text: Any) -> Any:
    """``cls``, which may also be written as plain ``text``: the text becomes its ``key`` field."""
    return Annotated[
        cls,
        BeforeValidator(
            lambda value: {key: value} if isinstance(value, str) else value, json_schema_input_type=text | cls
        ),
    ]


Question = or_text("text", PromptSpec, OneLine)
