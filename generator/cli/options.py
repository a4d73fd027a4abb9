"""The options several commands share."""

from __future__ import annotations

from pathlib import Path

import click

from ..build import Options, settings
from ..site.settings import ENGINES, Settings

CONFIG = click.option(
    "-f",
    "--config-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default="mkdocs.yml",
    show_default=True,
    help="The site's config file.",
)
CONTENT = click.option(
    "--content",
    "content_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Use this content folder instead of the one in mkdocs.yml (the leap plugin's 'content').",
)
ENGINE = click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="mkdocs",
    show_default=True,
    help="What builds the site: MkDocs with Material for MkDocs, or Zensical, its successor.",
)


def settings_from(config_file: Path, content_dir: Path | None = None) -> Settings:
    """The settings in mkdocs.yml, for the commands that do not build the site; with no mkdocs.yml,
    a content folder given on the command line is enough for those that read only the content."""
    if content_dir is not None and not config_file.exists():
        return Settings(root=content_dir.parent, content_dir=content_dir, docs_dir=content_dir.parent / "docs")
    return settings(Options(config_file=config_file, content_dir=content_dir))
