"""The settings that make a guide yours, read from ``mkdocs.yml`` so that there is one config file.

MkDocs (and Zensical) read the site's own keys: ``site_name``, ``theme.logo``, ``theme.palette``.
The generator adds its own under ``extra.leap``::

    extra:
      leap:
        content: content                 # the content folder, relative to mkdocs.yml
        organisation: Example Ltd        # printed on worksheets and the workbook cover
        colours: {primary: "#1f4e79", accent: "#c75b12"}   # optional: any CSS colours

``leap build --content DIR`` overrides the folder for one build; it reaches the MkDocs hook
through the ``LEAP_CONTENT`` environment variable.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .problems import ContentError, Problem

CONTENT_ENV = "LEAP_CONTENT"
PDF_LINKS_ENV = "LEAP_PDF_LINKS"  # set by `leap pdf` for its build, so the hook renders the PDF links
COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(rgb|hsl)a?\([0-9., %]+\))$")


@dataclass(frozen=True)
class Brand:
    site_name: str = "Leadership Leap"
    organisation: str = ""
    logo: str = ""  # a path under docs/, as MkDocs' theme.logo
    colours: tuple[tuple[str, str], ...] = ()  # (primary|accent, CSS colour)


DEFAULT_BRAND = Brand()


@dataclass(frozen=True)
class Settings:
    root: Path  # the folder holding mkdocs.yml
    content_dir: Path
    docs_dir: Path
    brand: Brand = DEFAULT_BRAND
    pdf_links: bool = False


class _ConfigLoader(yaml.SafeLoader):  # type: ignore[misc]
    """mkdocs.yml may hold MkDocs' own tags (``!ENV``, ``!!python/name:``); we only need plain keys."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_settings(config_file: Path, content_dir: Path | None = None) -> Settings:
    """The settings in ``config_file``. Raises ContentError, as ``path:line: message``, when the
    ``extra.leap`` section is malformed."""
    shown = config_file.as_posix()
    try:
        text = config_file.read_text(encoding="utf-8")
        config = yaml.load(text, Loader=_ConfigLoader)
    except (OSError, UnicodeDecodeError) as err:
        raise ContentError([Problem(shown, 1, f"cannot read the config file: {err}")]) from None
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else 1
        raise ContentError([Problem(shown, line, f"YAML syntax error: {err.problem}")]) from None
    root = config_file.resolve().parent
    config = _mapping(config)
    leap = _mapping(config.get("extra")).get("leap") or {}
    problems = _check(leap, shown, text)
    if problems:
        raise ContentError(problems)
    theme = _mapping(config.get("theme"))
    chosen = content_dir or (Path(os.environ[CONTENT_ENV]) if os.environ.get(CONTENT_ENV) else None)
    return Settings(
        root=root,
        content_dir=chosen if chosen else root / leap.get("content", "content"),
        docs_dir=root / str(config.get("docs_dir") or "docs"),
        brand=Brand(site_name=str(config.get("site_name") or "Leadership Leap"),
                    organisation=leap.get("organisation", ""),
                    logo=str(theme.get("logo") or ""),
                    colours=tuple(sorted((leap.get("colours") or {}).items()))),
        pdf_links=os.environ.get(PDF_LINKS_ENV) == "1",
    )


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _check(leap: Any, shown: str, text: str) -> list[Problem]:
    section = re.search(r"^\s+leap\s*:", text, re.MULTILINE)
    start = section.start() if section else 0

    def problem(message: str, key: str = "leap") -> Problem:
        """A problem on the line of ``key``, looked for from the ``leap:`` line on."""
        found = re.compile(rf"^\s*{re.escape(key)}\s*:|[{{,]\s*{re.escape(key)}\s*:", re.MULTILINE).search(text, start)
        return Problem(shown, text[: found.start()].count("\n") + 1 if found else 1, f"extra.leap: {message}")

    if not isinstance(leap, dict):
        return [problem("must be a mapping of settings")]
    problems = [problem(f"unknown setting '{key}' (known: colours, content, organisation)", str(key))
                for key in leap if key not in {"content", "organisation", "colours"}]
    for key in ("content", "organisation"):
        if key in leap and not isinstance(leap[key], str):
            problems.append(problem(f"'{key}' must be text", key))
    colours = leap.get("colours") or {}
    if not isinstance(colours, dict):
        return [*problems, problem("'colours' must map primary/accent to CSS colours", "colours")]
    for name, value in colours.items():
        if name not in {"primary", "accent"}:
            problems.append(problem(f"colours: unknown colour '{name}' (known: primary, accent)", str(name)))
        elif not isinstance(value, str) or not COLOUR.match(value):
            problems.append(problem(f"colours: {name} must be a CSS colour such as \"#1f4e79\"", name))
    return problems
