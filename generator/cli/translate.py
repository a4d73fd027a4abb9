"""`leap translate extract` and `leap translate update`: the guide's texts for translators, in the
gettext files every translation tool reads (Sphinx's workflow: extract, update, translate, build)."""

from __future__ import annotations

import io
from pathlib import Path

import click
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from ..content.catalogs import catalog_path, read_catalog
from ..content.check import check
from ..content.load import LOCALE, display_path, load_content
from ..content.translate import TEMPLATE, report, template, texts
from ..errors import LeapError
from ..files.writer import atomic, write_pages
from .options import CONFIG, CONTENT, settings_from


@click.group("translate")
def translate_group() -> None:
    """Translate the guide: its texts as gettext catalogs, one per language."""


@translate_group.command("extract")
@CONFIG
@CONTENT
def extract_command(config_file: Path, content_dir: Path | None) -> None:
    """Write every text of the content into locale/content.pot, each with its place as context."""
    content = settings_from(config_file, content_dir).content_dir
    catalog = _template(content)
    folder = content / LOCALE
    folder.mkdir(exist_ok=True)
    write_pages({TEMPLATE: _po(catalog)}, folder, "locale")
    words = sum(len(str(message.id).split()) for message in catalog if message.id)
    click.echo(f"Wrote {len(catalog)} texts ({words} words) to {display_path(folder / TEMPLATE)}.")


@translate_group.command("update")
@click.option("--lang", "languages", multiple=True, metavar="LANGUAGE", help="Only this language (repeatable).")
@CONFIG
@CONTENT
def update_command(languages: tuple[str, ...], config_file: Path, content_dir: Path | None) -> None:
    """Bring each language's catalog, locale/<language>.po, up to date with the content: new texts
    added, translations whose source changed marked for review (fuzzy), none lost."""
    content = settings_from(config_file, content_dir).content_dir
    checked = check(content)
    wanted = languages or checked.content.guide.translations
    unknown = [language for language in wanted if language not in checked.content.guide.translations]
    if unknown:
        raise LeapError(f"not among guide.yaml's translations: {', '.join(unknown)}")
    source = _template(content)
    docs, _ = load_content(content)
    found = texts(docs, checked.content.framework)
    for language in wanted:
        path = catalog_path(content, language)
        catalog, problems = read_catalog(content, language)
        if catalog is None and path.exists():
            raise LeapError("; ".join(str(problem) for problem in problems))
        catalog = catalog or Catalog(locale=language.replace("-", "_"), project=source.project, fuzzy=False)
        catalog.update(source)
        path.parent.mkdir(exist_ok=True)
        with atomic(path) as handle:
            handle.write(_po(catalog).encode("utf-8"))
        coverage = report(found, catalog)
        click.echo(
            f"{display_path(path)}: {coverage.translated} of {coverage.total} texts translated, "
            f"{len(coverage.stale)} to review."
        )


def _template(content: Path) -> Catalog:
    checked = check(content)
    docs, _ = load_content(content)
    return template(texts(docs, checked.content.framework), checked.content.guide.title)


def _po(catalog: Catalog) -> str:
    out = io.BytesIO()
    write_po(out, catalog, width=100, include_previous=True, ignore_obsolete=False)
    return out.getvalue().decode("utf-8")


COMMANDS = (translate_group,)
