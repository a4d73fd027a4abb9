"""The `leap` command: check the content, build the site, preview it live."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

import click

from .authoring import id_problem, import_csv, new_item
from .build import Generated, check, generate
from .config import CONTENT_ENV, PDF_LINKS_ENV, Settings, read_settings
from .loader import display_path, load_content
from .model import FOLDERS, ITEM_CLASSES
from .pdf import PdfError, make_pdfs
from .problems import ContentError, Problem, errors_in
from .schema import SCHEMAS, schema_files
from .wiki import FLAVORS, wiki_pages
from .worksheets import workbook_order
from .writer import create_files, write_pages, write_zip

CONFIG = click.option("-f", "--config-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                      default="mkdocs.yml", show_default=True, help="The site's config file.")
CONTENT = click.option("--content", "content_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                       help="Build this content folder instead of the one in mkdocs.yml (extra.leap.content).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Leadership Leap: turn content/ into the guide's pages and site."""


@main.command("check")
@CONTENT
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path), default="mkdocs.yml",
              show_default=True, help="The site's config file, if any: it names the content folder.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check_command(content_dir: Path | None, config_file: Path, strict: bool) -> None:
    """Validate the content and report every problem as path:line: message."""
    if content_dir is None:
        content_dir = _settings(config_file).content_dir if config_file.is_file() else Path("content")
    try:
        checked = check(content_dir, strict)
    except ContentError as err:
        _fail(err.problems)
    _print(list(checked.warnings))
    click.echo(f"{display_path(content_dir)}: {len(checked.content.items)} items, "
               f"{len(checked.graph.edges)} relations, {len(checked.warnings)} warnings.")


@main.command("build")
@click.option("--strict", is_flag=True, help="Treat content warnings as errors.")
@CONFIG
@CONTENT
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to build the site.  [default: site, or site-offline with --offline]")
@click.option("--site-url", default=None, metavar="URL",
              help="The address the site will be served from, such as "
                   "https://intranet.example.com/leadership/ (needed under a sub-path).")
@click.option("--offline", is_flag=True,
              help="Build for opening from a file share or file://, and zip it (site-offline.zip).")
def build_command(strict: bool, config_file: Path, content_dir: Path | None, site_dir: Path | None,
                  site_url: str | None, offline: bool) -> None:
    """Generate docs/ from the content, then build the site with MkDocs (strict: no broken links)."""
    site_dir = site_dir or Path("site-offline" if offline else "site")
    env = {}
    if site_url is not None:
        env["LEAP_SITE_URL"] = _site_url(site_url)
    if offline:
        env["LEAP_OFFLINE"] = "true"
    _build_site(config_file, site_dir, strict, content_dir, env)
    if offline:
        archive = write_zip(site_dir, site_dir.with_name(site_dir.name + ".zip"))
        click.echo(f"Offline site in {site_dir.as_posix()}/ and {archive.as_posix()}: "
                   f"open {(site_dir / 'index.html').resolve().as_uri()}")
    else:
        click.echo(f"Site built in {site_dir.as_posix()}/. Serve that folder from your web server, "
                   "or run `leap serve` for a live preview.")


def _site_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        click.echo(f"error: --site-url must be a full address such as https://intranet.example.com/leadership/, "
                   f"not '{url}'", err=True)
        sys.exit(1)
    return url if url.endswith("/") else url + "/"


@main.command("pdf")
@CONFIG
@CONTENT
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), default="site", show_default=True)
def pdf_command(config_file: Path, content_dir: Path | None, site_dir: Path) -> None:
    """Build the site, then print every worksheet to PDF and bind the A4 and US Letter workbooks."""
    os.environ[PDF_LINKS_ENV] = "1"  # this build's worksheets link to the PDFs printed below
    generated = _build_site(config_file, site_dir, False, content_dir, {})
    entries = workbook_order(generated.checked.content)
    try:
        written = make_pdfs(site_dir, generated.checked.content.guide, entries, generated.brand)
    except PdfError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)
    click.echo(f"Wrote {len(written)} PDFs to {(site_dir / 'pdf').as_posix()}/, including "
               f"workbook-a4.pdf and workbook-letter.pdf.")


def _build_site(config_file: Path, site_dir: Path, strict: bool, content_dir: Path | None,
                env: dict[str, str]) -> Generated:
    settings = _settings(config_file, content_dir)
    generated = _generate(settings, strict)
    click.echo(f"Generated {len(generated.pages)} pages in docs/ "
               f"({len(generated.report.written)} written, {len(generated.report.removed)} removed).")
    _mkdocs("build", "--strict", "-f", str(config_file), "-d", str(site_dir),
            env={**env, CONTENT_ENV: str(settings.content_dir.resolve())})
    return generated


@main.command("serve")
@CONFIG
@CONTENT
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True)
def serve_command(config_file: Path, content_dir: Path | None, dev_addr: str) -> None:
    """Live preview: editing a content file regenerates the pages and reloads the browser."""
    settings = _settings(config_file, content_dir)
    _generate(settings, strict=False)
    _mkdocs("serve", "-f", str(config_file), "-a", dev_addr, env={CONTENT_ENV: str(settings.content_dir.resolve())})


@main.group("export")
def export_group() -> None:
    """Export the guide for other tools."""


@export_group.command("wiki")
@click.option("--flavor", type=click.Choice(FLAVORS), required=True, help="The wiki the pages are for.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="The folder to write the pages to, such as a clone of the wiki's repository.")
@CONFIG
@CONTENT
def export_wiki_command(flavor: str, out_dir: Path, config_file: Path, content_dir: Path | None) -> None:
    """Write the guide as plain Markdown pages linked the way that wiki expects."""
    settings = _settings(config_file, content_dir)
    try:
        checked = check(settings.content_dir)
        report = write_pages(wiki_pages(checked.graph, flavor, settings.brand), out_dir)
    except ContentError as err:
        _fail(err.problems)
    _print(list(checked.warnings))
    click.echo(f"Wrote the {flavor} wiki to {out_dir.as_posix()}/: {len(report.written)} files written, "
               f"{report.unchanged} unchanged, {len(report.removed)} removed.")


@main.command("schema")
@CONFIG
def schema_command(config_file: Path) -> None:
    """Write the content files' JSON Schemas into schemas/, for editors that complete and check YAML."""
    folder = config_file.resolve().parent / SCHEMAS
    try:
        report = write_pages(schema_files(), folder)
    except ContentError as err:
        _fail(err.problems)
    click.echo(f"{len(report.written)} schema(s) written, {report.unchanged} unchanged, in {folder.as_posix()}/.")


@main.command("new")
@click.argument("kind", type=click.Choice(list(ITEM_CLASSES)))
@click.argument("item_id", metavar="ID")
@click.option("--title", required=True, help="The new item's title.")
@CONFIG
@CONTENT
def new_command(kind: str, item_id: str, title: str, config_file: Path, content_dir: Path | None) -> None:
    """Write a commented skeleton for a new item, ready to fill in: content/<kind>s/ID.yaml."""
    settings = _settings(config_file, content_dir)
    folder = settings.content_dir / FOLDERS[kind]
    taken = sorted(settings.content_dir.glob(f"*/{item_id}.yaml"))
    problem = id_problem(item_id) or (f"'{item_id}' already exists: {display_path(taken[0])}" if taken else None)
    if problem:
        click.echo(f"error: {problem}", err=True)
        sys.exit(1)
    docs, _ = load_content(settings.content_dir)
    path = folder / f"{item_id}.yaml"
    create_files({path: new_item(kind, title, docs, folder, settings.root / SCHEMAS)})
    click.echo(f"Wrote {display_path(path)}. Fill it in, link it from other items, then preview with `leap serve`.")


@main.group("import")
def import_group() -> None:
    """Bring content in from other tools."""


@import_group.command("csv")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help="Overwrite content files whose id is in the spreadsheet.")
@CONFIG
@CONTENT
def import_csv_command(file: Path, replace: bool, config_file: Path, content_dir: Path | None) -> None:
    """Turn a spreadsheet of items (one row each: id, type, title, summary, relations as ids...)
    into content files. The layout is site/data/items.csv's; see "Editing this guide"."""
    settings = _settings(config_file, content_dir)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        _fail([Problem(display_path(file), 1, "save the spreadsheet as CSV UTF-8")])
    docs, problems = load_content(settings.content_dir)
    files, found = import_csv(text, display_path(file), docs, settings.content_dir, settings.root / SCHEMAS, replace)
    problems += found
    if errors_in(problems):
        _fail(problems)
    _print(problems)
    create_files(files)
    click.echo(f"Imported {len(files)} item(s) into {display_path(settings.content_dir)}/. "
               "Run `leap check`, then `leap serve` to see them.")


def _settings(config_file: Path, content_dir: Path | None = None) -> Settings:
    try:
        return read_settings(config_file, content_dir)
    except ContentError as err:
        _fail(err.problems)


def _generate(settings: Settings, strict: bool) -> Generated:
    try:
        generated = generate(settings.content_dir, settings.docs_dir, strict, settings.brand, settings.pdf_links)
    except ContentError as err:
        _fail(err.problems)
    except OSError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)
    _print(list(generated.checked.warnings))
    return generated


def _mkdocs(*args: str, env: dict[str, str]) -> None:
    env = {**os.environ, **env}
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        result = subprocess.run([sys.executable, "-m", "mkdocs", *args], env=env, check=False)
    except KeyboardInterrupt:
        sys.exit(130)
    if result.returncode:
        sys.exit(result.returncode)


def _print(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


def _fail(problems: list[Problem]) -> NoReturn:
    _print(problems)
    errors = sum(not p.warning for p in problems)
    click.echo(f"{errors} error(s), {len(problems) - errors} warning(s): nothing was written.", err=True)
    sys.exit(1)


if __name__ == "__main__":
    main()
