"""How long a page takes: reading minutes from its words, exercise minutes from its prompts and action."""

from __future__ import annotations

import math
import re

from ..content.model import Content, Item

WORDS_PER_MINUTE = 200
MINUTES_PER_PROMPT = 5


def reading_minutes(content: Content, item: Item) -> int:
    """About how long the item's page takes to read."""
    words = len(re.findall(r"\w+", " ".join(_texts(item.title, *item.fields.values()))))
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def exercise_minutes(content: Content, item: Item) -> int:
    """About how long its exercises take: each reflection prompt, and its action if it says."""
    kind = content.kind_of(item)
    action = item.action(kind.first("action"))
    return len(item.prompts(kind.first("prompts"))) * MINUTES_PER_PROMPT + (action.minutes or 0 if action else 0)


def _texts(*values: object) -> list[str]:
    found: list[str] = []
    for value in values:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, tuple):
            found += _texts(*value)
        elif hasattr(value, "text"):
            found.append(str(value.text))
        elif hasattr(value, "do"):
            found += _texts(value.do, getattr(value, "sign", None) or "", getattr(value, "debrief", None) or "")
    return found
