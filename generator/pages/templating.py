"""The Jinja2 environment every page, worksheet, wiki page and workbook cover is rendered with.

Output is escaped by construction: every value a template prints is escaped as plain text unless
a filter marked it safe (``text``, ``md``, ``attr``, ``yaml``, ``tojson``, links), so a
forgotten filter cannot let content through as Markdown or HTML. (Jinja's autoescape is on, so
that macros and blocks return safe text; ``finalize`` does the escaping, for Markdown as well as
HTML, before Jinja's HTML escape sees the value.) ``StrictUndefined`` turns a
missing value into an error instead of an empty string.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import posixpath
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    StrictUndefined,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup

from ..content.graph import capital
from ..locale import direction, translations
from . import safe
from .links import relink


@pass_context
def _markdown(context: Context, value: str, base: str | None = None) -> Markup:
    """A Markdown field. ``base``: the page its relative links were written from (an item's own
    page), when it is shown on another page (its worksheet, say); they are rewritten to go from here."""
    text = str(value)
    if base is not None:
        text = relink(text, posixpath.dirname(base), posixpath.dirname(context["here"]))
    return Markup(safe.markdown(text))


@pass_context
def link_to(context: Context, target: str) -> Markup:
    """A link from the page being rendered (``here``) to ``target``, both relative to docs/."""
    return _relative(target, posixpath.dirname(context["here"]) or ".")


@functools.lru_cache(maxsize=65536)
def _relative(target: str, folder: str) -> Markup:
    return Markup(posixpath.relpath(target, folder))


def _escape_output(value: Any) -> Markup:
    return value if isinstance(value, Markup) else Markup(safe.plain(str(value)))


def _label(text: str) -> Markup:
    """A heading used as a label before a value: "From" becomes "From:"; "Ready?" stays."""
    text = text.rstrip()
    return Markup(safe.plain(text if text[-1:] in "?:!." else text + ":"))


def _runs(levels: Any) -> list[SimpleNamespace]:
    """Levels in runs of one track (None: shared), in their order, for the grid's header."""
    return [
        SimpleNamespace(track=track, levels=list(run)) for track, run in itertools.groupby(levels, lambda lv: lv.track)
    ]


def theme_cache() -> FileSystemBytecodeCache | None:
    """A cache of the theme's compiled templates, kept in memory for the process (so a live
    preview compiles them once) and in the temp folder (for the next build)."""
    return _THEME_CACHE


def _verbatim(value: Any) -> Markup:
    """A value inside a code span or block, where Markdown shows every character as it is (so
    nothing may be escaped): only a backtick, which would end the span, is replaced."""
    return Markup(str(value).replace("`", "'"))


def _bytecode_cache(prefix: str = "__leap") -> FileSystemBytecodeCache | None:
    """Jinja's cache of compiled templates in the temp folder; none when that folder is unsafe
    (made by another user, say), which only costs a little speed. Jinja keys the cache by each
    template's source only, but the compiled code also depends on this environment (its
    ``finalize`` escaping): the file names carry a fingerprint of this module and Jinja's version."""
    fingerprint = hashlib.sha256(Path(__file__).read_bytes() + jinja2.__version__.encode()).hexdigest()[:16]
    try:
        return FileSystemBytecodeCache(pattern=f"{prefix}_{fingerprint}_%s.cache")
    except (OSError, RuntimeError):
        return None


_THEME_CACHE = _bytecode_cache("__leap_theme")


@functools.cache
def make_environment(language: str = "en") -> Environment:
    """The environment for pages in a language, built once per process and language so templates
    compile once (`leap serve`); compiled templates are also cached in the temp folder, which saves
    most of a small build's time. The engine's own words go through the language's catalog
    (``_()``, ``{% trans %}``: Jinja's i18n extension, new-style, so a message's placeholders are
    named and a translation is never formatted twice)."""
    env = Environment(
        extensions=["jinja2.ext.i18n"],
        loader=PackageLoader("generator.pages", "templates"),
        undefined=StrictUndefined,
        bytecode_cache=_bytecode_cache(),
        auto_reload=False,
        finalize=_escape_output,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["text"] = lambda value: Markup(safe.plain(str(value)))
    env.filters["md"] = _markdown
    env.filters["attr"] = lambda value: Markup(safe.attribute(value))
    env.filters["yaml"] = lambda value: Markup(
        json.dumps(str(value) if isinstance(value, Markup) else value, ensure_ascii=False)
    )
    env.filters["plain"] = lambda value: value.unescape() if isinstance(value, Markup) else value
    env.filters["capital"] = capital
    env.filters["label"] = _label
    env.filters["verbatim"] = _verbatim
    env.filters["groupby_track"] = _runs
    env.globals.update(zip=zip, link_to=link_to, language=language, direction=direction(language))
    env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
    return env
