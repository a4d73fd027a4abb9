"""Every error leap reports, in one place (as ``mkdocs/exceptions.py`` does for MkDocs).

Every stage reports what is wrong in content as :class:`Problem` values instead of raising at the
first one, so an author sees every problem at once, as ``path:line: message``; one
:class:`ContentError` carries them. Errors are :class:`click.ClickException`\\ s: the ``leap``
command prints them and exits 1, never with a traceback, and code that calls the engine
(:mod:`generator.build`, the tests) catches them as exceptions.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, Any

import click

# What must not reach a terminal as it is: line breaks (content could forge a `path:line:` line),
# other control characters (escape codes), and bidirectional overrides.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` on one line, every unprintable character written as an escape (``\\n``, ``\\x1b``)."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int  # in a spreadsheet, the row
    column: int = field(default=0, kw_only=True)  # in a spreadsheet, the column (from 1); 0: none
    message: str
    warning: bool = False

    def __str__(self) -> str:
        prefix = "warning: " if self.warning else ""
        where = f"{self.path}:{self.line}" + (f":{self.column}" if self.column else "")
        return printable(f"{where}: {prefix}{self.message}")


def errors_in(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if not p.warning]


class LeapError(click.ClickException):
    """Something the user can put right: printed as ``error: message``; leap exits 1."""

    exit_code = 1

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(printable(f"error: {self.format_message()}"), err=True, file=file)


class ContentError(LeapError):
    """Content, a setting or a folder has problems; carries every one found, sorted by file and line.
    Printed as one ``path:line: message`` line each, then how many, and that nothing was written."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def show(self, file: IO[Any] | None = None) -> None:
        for problem in self.problems:
            click.echo(str(problem), err=True, file=file)
        errors = len(errors_in(self.problems))
        click.echo(
            f"{errors} error(s), {len(self.problems) - errors} warning(s): nothing was written.", err=True, file=file
        )


class UnsafePath(LeapError):
    """A path that leaves its folder or passes through a symbolic link; the message says which."""


def stop_on_terminate() -> None:
    """Make SIGTERM (a service manager stopping a build, `kill`) unwind like Ctrl-C does, so that
    what is half done is cleaned up on the way out: a staging folder removed, the build lock let go,
    the browser that prints PDFs closed. Only from the main thread, and only where nobody else has
    set a handler."""
    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
