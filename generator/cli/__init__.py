"""The `leap` command: one module per group of commands, each a thin layer over the engine.

- :mod:`.site`: ``build``, ``serve`` and ``pdf`` (through :mod:`generator.build`);
- :mod:`.content`: ``check``, ``new``, ``init``, ``schema``, ``import csv`` and ``import matrix``;
- :mod:`.translate`: ``translate extract`` and ``translate update``;
- :mod:`.export`: ``export wiki``.

Errors are :class:`generator.errors.LeapError`\\ s, which click prints (``error: ...``, or every
``path:line: message``) before it exits 1; nobody sees a traceback for something they can put right.
"""

from __future__ import annotations

import logging
import sys

import click

from ..errors import stop_on_terminate
from . import content, export, site, translate

_LOGGERS = ("mkdocs", "leap")


class _Lines(logging.Formatter):
    """MkDocs' messages as `mkdocs build` prints them; ours (content problems) as bare lines."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.name == "leap" or record.levelno >= logging.ERROR:
            return message
        return f"{record.levelname:<8}-  {message}"


def _show_logs() -> None:
    """The engine's warnings, and the builder's messages, on standard error."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Lines())
    for name in _LOGGERS:
        logger = logging.getLogger(name)
        logger.handlers = [h for h in logger.handlers if not isinstance(h.formatter, _Lines)] + [handler]
        logger.setLevel(logging.INFO)
        logger.propagate = False


class _Leap(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        """A command stopped by Ctrl-C or SIGTERM has cleaned up as it unwound: say so, and exit as
        an interrupted command does (130)."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("\nInterrupted: what was not finished was left as it was.", err=True)
            ctx.exit(130)


@click.group(cls=_Leap, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """leap: turn a learning framework's content into a site, worksheets, PDFs and wiki pages."""
    stop_on_terminate()
    _show_logs()


for command in (*site.COMMANDS, *content.COMMANDS, *translate.COMMANDS, *export.COMMANDS):
    main.add_command(command)
