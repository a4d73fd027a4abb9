"""MkDocs hook: plain `mkdocs build` and `mkdocs serve` regenerate docs/ from content/ first.

Declared under ``hooks:`` in mkdocs.yml. It is optional: `leap build` generates docs/ itself,
so tools that run no MkDocs hooks (Zensical) still get the pages.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

# MkDocs loads this file by path; make the package beside it importable even when the project
# was not pip-installed (a wiki team running plain `mkdocs build` on a checkout).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.build import generate
from generator.config import Settings, read_settings
from generator.problems import ContentError

log = logging.getLogger("mkdocs.hooks.leap")
_command = "build"


def settings(config: MkDocsConfig) -> Settings:
    """extra.leap in mkdocs.yml; `leap build --content DIR` passes DIR in LEAP_CONTENT."""
    try:
        return read_settings(Path(config.config_file_path))
    except ContentError as err:
        raise Abort("mkdocs.yml has errors:\n" + str(err)) from None


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    found = settings(config)
    try:
        generated = generate(found.content_dir, Path(config.docs_dir), brand=found.brand,
                             pdf_links=found.pdf_links)
    except ContentError as err:
        if _command == "serve" and Path(config.docs_dir, "index.md").exists():
            # Keep serving the last good pages; show the problems in the terminal.
            for problem in err.problems:
                log.error(str(problem))
            return config
        raise Abort("the content has errors:\n" + str(err)) from None
    for warning in generated.checked.warnings:
        log.warning(str(warning))
    if config.nav is None:
        config.nav = generated.nav
    return config


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Rebuild when the content changes. docs/ itself is not watched, only its hand-written
    assets: the pages in it are ours, written during each rebuild, and watching them would start
    a second, empty rebuild after every edit."""
    server.unwatch(config.docs_dir)
    assets = Path(config.docs_dir, "assets")
    if assets.is_dir():
        server.watch(str(assets))
    server.watch(str(settings(config).content_dir))
    return server
