"""The settings of a site, read once through MkDocs from ``mkdocs.yml``: one config file.

MkDocs (and Zensical) read the site's own keys: ``site_name``, ``theme.logo``, ``site_url``.
The leap plugin adds its own, typed and validated by MkDocs like any plugin's::

    plugins:
      - leap:
          content: content               # the content folder, relative to mkdocs.yml
          organisation: Example Ltd      # printed on worksheets and the workbook cover
          colours: {primary: "#1f4e79", accent: "#c75b12"}   # optional: any CSS colours

The `leap` command loads this config in its own process and changes values on it (the content
folder, the site's address, strictness) before building: settings travel as values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption
from mkdocs.config.defaults import MkDocsConfig

COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(rgb|hsl)a?\([0-9., %]+\))$")


class Colours(BaseConfigOption[dict[str, str]]):
    """``primary`` and ``accent``, each a CSS colour: nothing else can reach the stylesheet."""

    def __init__(self) -> None:
        super().__init__()
        self.default: dict[str, str] = {}

    def run_validation(self, value: object) -> dict[str, str]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise base.ValidationError("must map primary and accent to CSS colours")
        for name, colour in value.items():
            if name not in ("primary", "accent"):
                raise base.ValidationError(f"unknown colour '{name}' (known: primary, accent)")
            if not isinstance(colour, str) or not COLOUR.match(colour):
                raise base.ValidationError(f'{name} must be a CSS colour such as "#1f4e79"')
        return dict(value)


class LeapConfig(base.Config):  # type: ignore[no-untyped-call]
    """The leap plugin's settings in mkdocs.yml."""

    content = c.Type(str, default="content")
    """The content folder, relative to mkdocs.yml."""
    organisation = c.Type(str, default="")
    """Printed on every worksheet and on the workbook's cover."""
    colours = Colours()
    """The brand's primary and accent colours."""
    strict = c.Type(bool, default=False)
    """Treat content warnings as errors (`leap build --strict`)."""


@dataclass(frozen=True)
class Brand:
    site_name: str = ""  # empty: the guide's title
    organisation: str = ""
    logo: str = ""  # a path under docs/, as MkDocs' theme.logo
    colours: tuple[tuple[str, str], ...] = ()  # (primary|accent, CSS colour)

    def named(self, title: str) -> Brand:
        """This brand, with the guide's title as the site's name unless mkdocs.yml gives one."""
        return self if self.site_name else Brand(title, self.organisation, self.logo, self.colours)


DEFAULT_BRAND = Brand()


@dataclass(frozen=True)
class Settings:
    root: Path  # the folder holding mkdocs.yml
    content_dir: Path
    docs_dir: Path
    brand: Brand = DEFAULT_BRAND
    strict: bool = False


def settings_of(config: MkDocsConfig, leap: LeapConfig) -> Settings:
    """The settings a leap plugin instance builds with."""
    root = Path(config.config_file_path or ".").resolve().parent
    theme: Any = config.theme
    return Settings(
        root=root,
        content_dir=root / leap.content,
        docs_dir=Path(config.docs_dir),
        brand=Brand(
            site_name=config.site_name or "",
            organisation=leap.organisation,
            logo=str(theme.get("logo") or ""),
            colours=tuple(sorted(leap.colours.items())),
        ),
        strict=leap.strict,
    )
