"""The leap plugin's settings in mkdocs.yml, typed and validated by MkDocs like any plugin's
(see :mod:`generator.site.settings` for what they mean), and the :class:`Settings` a MkDocs
config gives the engine."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption
from mkdocs.config.defaults import MkDocsConfig

from ...pages.brand import Brand
from ..settings import Settings, colours


class Colours(BaseConfigOption[dict[str, str]]):
    """``primary`` and ``accent``, each a CSS colour."""

    def __init__(self) -> None:
        super().__init__()
        self.default: dict[str, str] = {}

    def run_validation(self, value: object) -> dict[str, str]:
        try:
            return colours(value)
        except ValueError as err:
            raise base.ValidationError(str(err)) from None


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
    language = c.Type(str, default="")
    """Which of the guide's languages to build: one of its translations, or "" for its own
    (`leap build` builds each, one after another)."""
    publish = c.Type(bool, default=True)
    """Publish the site whole once it is built; `leap build` turns it off for a guide in several
    languages, and publishes every language's site at once."""


def settings_of(config: MkDocsConfig, leap: LeapConfig) -> Settings:
    """The settings a leap plugin instance builds with."""
    root = Path(config.config_file_path or ".").resolve().parent
    theme: Any = config.theme
    assets = tuple(str(path) for path in (*config.extra_css, *config.extra_javascript))
    look = [
        "mkdocs",
        theme.name,
        theme.get("language"),
        theme.get("features"),
        theme.get("font"),
        [str(ext) for ext in config.markdown_extensions],
        config.mdx_configs,
        assets,
    ]
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
        site_url=config.site_url or "",
        directory_urls=config.use_directory_urls,
        look=json.dumps(look, sort_keys=True, default=_stable),
        assets=assets,
        language=leap.language,
        site_language=str(theme.get("language") or ""),
    )


def _stable(value: object) -> str:
    """A config value JSON cannot hold (a function, an extension): its name, never its address."""
    name = getattr(value, "__qualname__", None) or type(value).__qualname__
    return f"{getattr(value, '__module__', None) or type(value).__module__}.{name}"
