"""Relative links in Markdown written for one page, shown on another.

An item's Markdown links from the item's own page (``../strategies/grow-a-successor.md`` from
``barriers/no-succession-plan.md``). Its worksheet, in ``worksheets/barriers/``, shows the same
text: each relative link is rewritten to reach the same page from there. Web addresses, anchors
on the same page and absolute paths are left as they are.
"""

from __future__ import annotations

import posixpath
import re

_INLINE = re.compile(r"(\]\([ \t]*<?)([^)\s>]+)")
_REFERENCE = re.compile(r"^([ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?)([^\s>]+)", re.MULTILINE)
_RELATIVE = re.compile(r"^(?![a-zA-Z][a-zA-Z0-9+.-]*:)[^/#?]")


def relink(text: str, written_in: str, shown_in: str) -> str:
    """``text``, written in the folder ``written_in`` (relative to docs/), with every relative link
    rewritten to work from the folder ``shown_in``."""
    if written_in == shown_in:
        return text

    def move(match: re.Match[str]) -> str:
        return match.group(1) + moved(match.group(2), written_in, shown_in)

    return _REFERENCE.sub(move, _INLINE.sub(move, text))


def moved(target: str, written_in: str, shown_in: str) -> str:
    """One link target, from ``written_in`` to ``shown_in``."""
    if not _RELATIVE.match(target):
        return target
    cut = min((i for i in (target.find("#"), target.find("?")) if i >= 0), default=len(target))
    path, rest = target[:cut], target[cut:]
    where = posixpath.normpath(posixpath.join(written_in, path))
    new = posixpath.relpath(where, shown_in or ".")
    return new + ("/" if path.endswith("/") and not new.endswith("/") else "") + rest
