"""`leap export wiki`: the guide as pages for a wiki."""

from __future__ import annotations

from pathlib import Path

import click

from ..content.check import SOURCE, check
from ..files.writer import write_pages
from ..pages.render import render_pages
from ..wiki.export import FLAVORS, removed_pages, wiki_pages
from ..wiki.handwritten import hand_written
from .content import show
from .options import CONFIG, CONTENT, settings_from


@click.group("export")
def export_group() -> None:
    """Export the guide for other tools."""


@export_group.command("wiki")
@click.option("--flavor", type=click.Choice(FLAVORS), required=True, help="The wiki the pages are for.")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="The folder to write the pages to, such as a clone of the wiki's repository.",
)
@click.option(
    "--lang",
    "language",
    default=None,
    metavar="LANGUAGE",
    help="One of the guide's translations (guide.yaml's translations) to export instead of its own language.",
)
@CONFIG
@CONTENT
def export_wiki_command(
    flavor: str, out_dir: Path, language: str | None, config_file: Path, content_dir: Path | None
) -> None:
    """Write the guide, and the pages written by hand in docs/, as pages for that wiki: Markdown
    linked the way it expects or, for MediaWiki, wikitext and an XML dump for importDump.php. With
    --lang, in that language, with the pages written by hand in docs/<language>/."""
    settings = settings_from(config_file, content_dir)
    checked = check(settings.content_dir, language=language)
    brand = settings.brand.named(checked.content.guide.title)
    translation = bool(language) and language != (checked.content.guide.language or SOURCE)
    docs = settings.docs_dir / str(language) if translation else settings.docs_dir
    skip = () if translation else checked.content.guide.translations
    hand, skipped = hand_written(
        docs, render_pages(checked.content, checked.graph, brand, language=checked.language), skip
    )
    pages = wiki_pages(checked.graph, flavor, brand, hand, settings.content_dir, checked.language)
    report = write_pages(pages, out_dir, "wiki")
    show([*checked.warnings, *skipped])
    for note in report.notes(out_dir):
        click.echo(f"warning: {note}", err=True)
    click.echo(
        f"Wrote the {flavor} wiki to {out_dir.as_posix()}/: {len(report.written)} files written, "
        f"{report.unchanged} unchanged, {len(report.removed)} removed."
    )
    gone = removed_pages(flavor, report.removed)
    if gone:
        click.echo(
            "Pages no longer in the guide, whose files were removed; delete them from the wiki too"
            + (" (php maintenance/deleteBatch.php takes a list of titles):" if flavor == "mediawiki" else ":")
        )
        click.echo("".join(f"  {name}\n" for name in gone), nl=False)
    if flavor == "mediawiki":
        click.echo(
            "To import it, run in MediaWiki's folder: php maintenance/importDump.php --no-updates "
            f"{(out_dir / 'import.xml').resolve()} && php maintenance/refreshLinks.php"
        )


COMMANDS = (export_group,)
