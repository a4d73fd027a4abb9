"""Problems found in content, and the one exception that carries them.

Every stage reports what is wrong as :class:`Problem` values instead of raising at the first one,
so a content author sees every problem at once, as ``path:line: message``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# What must not reach a terminal as it is: line breaks (content could forge a `path:line:` line),
# other control characters (escape codes), and bidirectional overrides.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` on one line, every unprintable character written as an escape (``\\n``, ``\\x1b``)."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        prefix = "warning: " if self.warning else ""
        return printable(f"{self.path}:{self.line}: {prefix}{self.message}")


class ContentError(Exception):
    """Raised when content has errors; carries every problem found, sorted by file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def errors_in(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if not p.warning]
