"""The `leap` command: check the content, build the site, preview it live, print it, export it.

Builds run in this process: the command loads mkdocs.yml through MkDocs, sets its own options on
the loaded config as values (the content folder, the site's address, strictness), and runs
MkDocs' build, during which the leap plugin generates the pages once.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from .authoring import id_problem, import_csv, new_item
from .build import Rendered, check
from .config import Settings, settings_of
from .framework import Framework
from .handwritten import hand_written
from .loader import FRAMEWORK_FILE, SourceDoc, display_path, load_content
from .paths import UnsafePath
from .pdf import JOBS, PdfError, make_pdfs
from .pdfstore import prune
from .problems import ContentError, Problem, errors_in
from .render import render_pages
from .schema import SCHEMAS, schema_files
from .serve import serve
from .starter import starter_files
from .validate import check_framework_file, framework_of
from .wiki import FLAVORS, removed_pages, wiki_pages
from .writer import create_files, write_pages, write_zip

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
# RFC 3986: a host, an optional port, and a path of unreserved, sub-delim, ':', '@' and %XX only.
SITE_URL = re.compile(
    r"^https?://([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?"
    r"(/([A-Za-z0-9._~!$&'()*+,;=:@/-]|%[0-9A-Fa-f]{2})*)?$"
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """leap: turn a learning framework's content into a site, worksheets, PDFs and wiki pages."""


@main.command("check")
@CONTENT
@CONFIG
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
    click.echo(
        f"{display_path(content_dir)}: {len(checked.content.items)} items, "
        f"{len(checked.graph.edges)} relations, {len(checked.warnings)} warnings."
    )


@main.command("build")
@click.option("--strict", is_flag=True, help="Treat content warnings as errors.")
@CONFIG
@CONTENT
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to build the site: a new or empty folder, or one leap built.  "
    "[default: site, or site-offline with --offline]",
)
@click.option(
    "--site-url",
    default=None,
    metavar="URL",
    help="The address the site will be served from, such as "
    "https://intranet.example.com/leadership/ (needed under a sub-path).",
)
@click.option(
    "--offline", is_flag=True, help="Build for opening from a file share or file://, and zip it (site-offline.zip)."
)
def build_command(
    strict: bool,
    config_file: Path,
    content_dir: Path | None,
    site_dir: Path | None,
    site_url: str | None,
    offline: bool,
) -> None:
    """Generate the pages from the content and build the site (strict: no broken links)."""
    site_dir = site_dir or Path("site-offline" if offline else "site")
    config = _load(
        config_file, content_dir, site_dir=site_dir, site_url=_site_url(site_url), strict=strict, offline=offline
    )
    _build(config)
    if offline:
        archive = write_zip(site_dir, site_dir.with_name(site_dir.name + ".zip"))
        archive.chmod(0o644)  # for colleagues on a file share, whatever the umask
        click.echo(
            f"Offline site in {site_dir.as_posix()}/ and {archive.as_posix()}: "
            f"open {(site_dir / 'index.html').resolve().as_uri()}"
        )
    else:
        click.echo(
            f"Site built in {site_dir.as_posix()}/. Serve that folder from your web server, "
            "or run `leap serve` for a live preview."
        )


def _site_url(url: str | None) -> str | None:
    if url is None:
        return None
    if not SITE_URL.match(url):
        click.echo(
            "error: --site-url must be a full http(s) address such as https://intranet.example.com/leadership/, "
            f"with only letters, digits and - . _ ~ / in its path; not {url!r}",
            err=True,
        )
        sys.exit(1)
    return url if url.endswith("/") else url + "/"


@main.command("pdf")
@CONFIG
@CONTENT
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), default="site", show_default=True)
@click.option(
    "--site-url",
    default=None,
    metavar="URL",
    help="The address the site will be served from: printed on paper under each worksheet's link.",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(1, 16), default=JOBS, show_default=True, help="Pages printed at once."
)
def pdf_command(config_file: Path, content_dir: Path | None, site_dir: Path, site_url: str | None, jobs: int) -> None:
    """Build the site, print every worksheet not printed yet (A4 and US Letter) and bind the two
    workbooks; the PDFs are kept in .leap-pdf/, and every later build links those still up to date."""
    url = _site_url(site_url)
    config = _load(config_file, content_dir, site_dir=site_dir, site_url=url)
    rendered = _build(config)
    plan = _plugin(config).pdf_plan
    assert plan is not None
    try:
        report = make_pdfs(site_dir, plan, rendered.checked.content, rendered.brand, jobs=jobs)
    except PdfError as err:
        _error(str(err))
    if report.printed or report.bound:  # build again: the site now carries and links them
        _build(_load(config_file, content_dir, site_dir=site_dir, site_url=url))
    try:
        prune(plan)
    except OSError as err:  # the PDFs are printed and linked; only the clearing-out of old ones failed
        click.echo(
            f"warning: {err.filename or plan.store}: could not remove older PDFs ({err.strerror or err})", err=True
        )
    click.echo(
        f"Printed {report.printed} worksheet PDFs and {report.bound} workbooks, reused {report.reused} "
        f"(kept in {plan.store.name}/); the site carries and links them in {(site_dir / 'pdf').as_posix()}/"
        + (", with workbook-a4.pdf and workbook-letter.pdf." if plan.workbooks else ".")
    )


@main.command("serve")
@CONFIG
@CONTENT
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, metavar="IP:PORT")
def serve_command(config_file: Path, content_dir: Path | None, dev_addr: str) -> None:
    """Live preview: editing a content file regenerates the pages and reloads the browser."""
    with _mkdocs_logging():
        try:
            serve(lambda site_dir: _load(config_file, content_dir, site_dir=Path(site_dir), dev_addr=dev_addr))
        except MkDocsException:
            sys.exit(1)


@main.group("export")
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
@CONFIG
@CONTENT
def export_wiki_command(flavor: str, out_dir: Path, config_file: Path, content_dir: Path | None) -> None:
    """Write the guide, and the pages written by hand in docs/, as pages for that wiki: Markdown
    linked the way it expects or, for MediaWiki, wikitext and an XML dump for importDump.php."""
    settings = _settings(config_file, content_dir)
    try:
        checked = check(settings.content_dir)
        brand = settings.brand.named(checked.content.guide.title)
        hand, skipped = hand_written(settings.docs_dir, render_pages(checked.content, checked.graph, brand))
        pages = wiki_pages(checked.graph, flavor, brand, hand, settings.content_dir)
        report = write_pages(pages, out_dir, "wiki")
    except ContentError as err:
        _fail(err.problems)
    except UnsafePath as err:
        _fail([Problem(out_dir.as_posix(), 1, str(err))])
    _print([*checked.warnings, *skipped])
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


@main.command("schema")
@CONFIG
@CONTENT
def schema_command(config_file: Path, content_dir: Path | None) -> None:
    """Write the content files' JSON Schemas into the content folder's schemas/, for editors that
    complete and check YAML as you type."""
    settings = _settings(config_file, content_dir)
    folder = settings.content_dir / SCHEMAS
    framework = _framework(settings.content_dir)
    try:
        report = write_pages(schema_files(framework), folder, "schemas")
    except ContentError as err:
        _fail(err.problems)
    except UnsafePath as err:
        _fail([Problem(folder.as_posix(), 1, str(err))])
    for note in report.notes(folder):
        click.echo(f"warning: {note}", err=True)
    click.echo(f"{len(report.written)} schema(s) written, {report.unchanged} unchanged, in {folder.as_posix()}/.")


@main.command("new")
@click.argument("kind_name", metavar="KIND")
@click.argument("item_id", metavar="ID")
@click.option("--title", required=True, help="The new item's title.")
@CONFIG
@CONTENT
def new_command(kind_name: str, item_id: str, title: str, config_file: Path, content_dir: Path | None) -> None:
    """Write a commented skeleton for a new item of KIND (as the framework names it: "competency"
    or "competencies"), ready to fill in."""
    settings = _settings(config_file, content_dir)
    docs, _ = load_content(settings.content_dir)
    framework = _framework(settings.content_dir, docs)
    kind = framework.kind_named(kind_name)
    if kind is None:
        _error(
            f"'{kind_name}' is not a kind of this framework (its kinds: "
            + ", ".join(k.singular for k in framework.kinds)
            + ")"
        )
    taken = next((d.path for d in docs if d.kind == "item" and d.id == item_id), None)
    problem = id_problem(framework, item_id) or (f"'{item_id}' already exists: {taken}" if taken else None)
    if problem:
        _error(problem)
    relative = f"{kind.folder}/{item_id}.yaml"
    _create(
        settings,
        {
            relative: new_item(
                framework, kind, title, docs, settings.content_dir / kind.folder, settings.content_dir / SCHEMAS
            )
        },
    )
    click.echo(
        f"Wrote {display_path(settings.content_dir / relative)}. Fill it in, link it from other items, "
        "then preview with `leap serve`."
    )


@main.command("init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", default=None, help="The new guide's title.  [default: the folder's name]")
def init_command(folder: Path, title: str | None) -> None:
    """Start a new project in FOLDER: an empty framework that passes `leap check`, ready to describe."""
    if folder.exists() and any(folder.iterdir()):
        _error(f"{folder.as_posix()} is not empty; choose a new or empty folder")
    name = title or folder.resolve().name.replace("-", " ").replace("_", " ").strip().capitalize() or "My guide"
    files = starter_files(name)
    framework = check_framework_file(files["content/framework.yaml"])
    files |= {f"content/{SCHEMAS}/{name}": text for name, text in schema_files(framework).items()}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        create_files(folder, files, "project")
    except (UnsafePath, OSError) as err:
        _error(str(err))
    click.echo(
        f"Started {folder.as_posix()}/. Describe your kinds in {folder.as_posix()}/content/framework.yaml, "
        f"then run `leap new` and `leap serve` in that folder."
    )


@main.group("import")
def import_group() -> None:
    """Bring content in from other tools."""


@import_group.command("csv")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help="Overwrite content files whose id is in the spreadsheet.")
@CONFIG
@CONTENT
def import_csv_command(file: Path, replace: bool, config_file: Path, content_dir: Path | None) -> None:
    """Turn a spreadsheet of items (one row each: id, type, title, then one column per field)
    into content files. The layout is site/data/items.csv's; see "Editing this guide"."""
    settings = _settings(config_file, content_dir)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        _fail([Problem(display_path(file), 1, "save the spreadsheet as CSV UTF-8")])
    except OSError as err:
        _fail([Problem(display_path(file), 1, f"cannot read the file: {err.strerror}")])
    docs, problems = load_content(settings.content_dir)
    framework = _framework(settings.content_dir, docs)
    files, found = import_csv(
        framework, text, display_path(file), docs, settings.content_dir, settings.content_dir / SCHEMAS, replace
    )
    problems += found
    if errors_in(problems):
        _fail(problems)
    _print(problems)
    _create(settings, files)
    click.echo(
        f"Imported {len(files)} item(s) into {display_path(settings.content_dir)}/. "
        "Run `leap check`, then `leap serve` to see them."
    )


# --- loading the site's config, and building it -------------------------------------------------


def _load(
    config_file: Path, content_dir: Path | None, *, strict: bool = False, offline: bool = False, **overrides: Any
) -> MkDocsConfig:
    """mkdocs.yml loaded by MkDocs, with this command's settings applied to it. MkDocs always
    builds strictly (a broken link fails the build); ``strict`` makes content warnings errors too."""
    with _mkdocs_logging():
        try:
            config = load_config(
                str(config_file), strict=True, **{k: str(v) for k, v in overrides.items() if v is not None}
            )
        except MkDocsException:
            sys.exit(1)
        except OSError as err:
            click.echo(f"error: cannot read {config_file.as_posix()}: {err.strerror or err}", err=True)
            sys.exit(1)
    plugin = _plugin(config)
    if content_dir is not None:
        plugin.config.content = str(content_dir.resolve())
    plugin.config.strict = strict
    if offline:
        offline_plugin: Any = config.plugins.get("material/offline")
        if offline_plugin is None:
            click.echo("error: --offline needs `- offline` under plugins in mkdocs.yml", err=True)
            sys.exit(1)
        offline_plugin.config.enabled = True
    return config


def _plugin(config: MkDocsConfig) -> Any:
    plugin = config.plugins.get("leap")
    if plugin is None:
        click.echo(
            f"error: {config.config_file_path}: add `- leap` under `plugins:`; it generates the guide's "
            "pages from the content",
            err=True,
        )
        sys.exit(1)
    return plugin


def _build(config: MkDocsConfig) -> Rendered:
    """MkDocs' build, in this process, as `mkdocs build` runs it."""
    plugin = _plugin(config)
    with _mkdocs_logging():
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        except MkDocsException as err:
            problems = getattr(err.__context__, "problems", None) or getattr(err, "problems", None)
            click.echo(
                f"{len(problems)} error(s): nothing was written."
                if problems
                else "The build failed, so nothing was written: see the messages above.",
                err=True,
            )
            sys.exit(1)
        except OSError as err:  # a full disk, say: the old site and docs/ are as they were
            click.echo(f"error: {err.filename or ''}: {err.strerror or err}; nothing was published", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            sys.exit(130)
        finally:
            config.plugins.on_shutdown()
    rendered: Rendered = plugin.rendered
    return rendered


class _Lines(logging.Formatter):
    """MkDocs' messages as `mkdocs build` prints them; ours (content problems) as bare lines."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.name == "leap" or record.levelno >= logging.ERROR:
            return message
        return f"{record.levelname:<8}-  {message}"


@contextmanager
def _mkdocs_logging() -> Iterator[None]:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Lines())
    loggers = [logging.getLogger(name) for name in ("mkdocs", "leap")]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


def _settings(config_file: Path, content_dir: Path | None = None) -> Settings:
    """The settings in mkdocs.yml, for the commands that do not build the site."""
    config = _load(config_file, content_dir)
    return settings_of(config, _plugin(config).config)


def _create(settings: Settings, files: dict[str, str]) -> None:
    try:
        create_files(settings.content_dir, files)
    except (UnsafePath, OSError) as err:
        _error(str(err))


def _framework(content_dir: Path, docs: list[SourceDoc] | None = None) -> Framework:
    """The content's framework, or every problem with it and exit 1."""
    loaded: list[Problem] = []
    if docs is None:
        docs, loaded = load_content(content_dir)
    framework, problems = framework_of(docs)
    if framework is None:
        missing = [
            Problem(
                display_path(content_dir / FRAMEWORK_FILE),
                1,
                "the framework file is missing; `leap init` starts a new content folder",
            )
        ]
        _fail(problems or [p for p in loaded if FRAMEWORK_FILE in p.path] or missing)
    return framework


def _error(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


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
