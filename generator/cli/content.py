"""`leap check`, `leap new`, `leap init`, `leap schema`, `leap import csv` and `leap import matrix`: the content."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

import click

from ..content.authoring import id_problem, import_csv, import_matrix, new_item
from ..content.catalogs import engine_words, review
from ..content.check import check
from ..content.framework import FieldSpec, Framework, Kind
from ..content.load import FRAMEWORK_FILE, SourceDoc, display_path, load_content
from ..content.matrix import table_of_csv, table_of_xlsx
from ..content.schema import SCHEMAS, schema_files
from ..content.starter import starter_files
from ..content.validate import check_framework_file, framework_of
from ..errors import ContentError, LeapError, Problem, errors_in
from ..files.writer import create_files, write_pages
from .options import CONFIG, CONTENT, settings_from


@click.command("check")
@CONTENT
@CONFIG
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check_command(content_dir: Path | None, config_file: Path, strict: bool) -> None:
    """Validate the content and report every problem as path:line: message."""
    if content_dir is None:
        content_dir = settings_from(config_file).content_dir if config_file.is_file() else Path("content")
    checked = check(content_dir, strict)
    reviews = review(content_dir, checked.content)
    translation = [
        *engine_words(content_dir, checked.content),
        *(problem for one in reviews for problem in one.problems),
    ]
    if strict and translation:
        raise ContentError(translation)
    show([*checked.warnings, *translation])
    for one in reviews:
        click.echo(one.summary)
    click.echo(
        f"{display_path(content_dir)}: {len(checked.content.items)} items, "
        f"{len(checked.graph.edges)} relations, {len(checked.warnings) + len(translation)} warnings."
    )


@click.command("schema")
@CONFIG
@CONTENT
def schema_command(config_file: Path, content_dir: Path | None) -> None:
    """Write the content files' JSON Schemas into the content folder's schemas/, for editors that
    complete and check YAML as you type."""
    folder = settings_from(config_file, content_dir).content_dir / SCHEMAS
    framework = framework_in(folder.parent)
    report = write_pages(schema_files(framework), folder, "schemas")
    for note in report.notes(folder):
        click.echo(f"warning: {note}", err=True)
    click.echo(f"{len(report.written)} schema(s) written, {report.unchanged} unchanged, in {folder.as_posix()}/.")


@click.command("new")
@click.argument("kind_name", metavar="KIND")
@click.argument("item_id", metavar="ID")
@click.option("--title", required=True, help="The new item's title.")
@CONFIG
@CONTENT
def new_command(kind_name: str, item_id: str, title: str, config_file: Path, content_dir: Path | None) -> None:
    """Write a commented skeleton for a new item of KIND (as the framework names it: "competency"
    or "competencies"), ready to fill in."""
    content = settings_from(config_file, content_dir).content_dir
    docs, _ = load_content(content)
    framework = framework_in(content, docs)
    kind = framework.kind_named(kind_name)
    if kind is None:
        raise LeapError(
            f"'{kind_name}' is not a kind of this framework (its kinds: "
            + ", ".join(k.singular for k in framework.kinds)
            + ")"
        )
    taken = next((d.path for d in docs if d.kind == "item" and d.id == item_id), None)
    problem = id_problem(framework, item_id) or (f"'{item_id}' already exists: {taken}" if taken else None)
    if problem:
        raise LeapError(problem)
    relative = f"{kind.folder}/{item_id}.yaml"
    text = new_item(framework, kind, title, docs, content / kind.folder, content / SCHEMAS)
    create(content, {relative: text})
    click.echo(
        f"Wrote {display_path(content / relative)}. Fill it in, link it from other items, "
        "then preview with `leap serve`."
    )


@click.command("init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", default=None, help="The new guide's title.  [default: the folder's name]")
def init_command(folder: Path, title: str | None) -> None:
    """Start a new project in FOLDER: an empty framework that passes `leap check`, ready to describe."""
    if folder.exists() and any(folder.iterdir()):
        raise LeapError(f"{folder.as_posix()} is not empty; choose a new or empty folder")
    name = title or folder.resolve().name.replace("-", " ").replace("_", " ").strip().capitalize() or "My guide"
    files = starter_files(name)
    framework = check_framework_file(files["content/framework.yaml"])
    files |= {f"content/{SCHEMAS}/{name}": text for name, text in schema_files(framework).items()}
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise LeapError(f"{folder.as_posix()}: {err.strerror or err}") from None
    create(folder, files, "project")
    click.echo(
        f"Started {folder.as_posix()}/. Describe your kinds in {folder.as_posix()}/content/framework.yaml, "
        f"then run `leap new` and `leap serve` in that folder."
    )


@click.group("import")
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
    content = settings_from(config_file, content_dir).content_dir
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ContentError([Problem(display_path(file), 1, "save the spreadsheet as CSV UTF-8")]) from None
    except OSError as err:
        raise ContentError([Problem(display_path(file), 1, f"cannot read the file: {err.strerror}")]) from None
    docs, problems = load_content(content)
    framework = framework_in(content, docs)
    files, found = import_csv(framework, text, display_path(file), docs, content, content / SCHEMAS, replace)
    problems += found
    if errors_in(problems):
        raise ContentError(problems)
    show(problems)
    create(content, files)
    click.echo(
        f"Imported {len(files)} item(s) into {display_path(content)}/. Run `leap check`, then `leap serve` to see them."
    )


@import_group.command("matrix")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--kind", "kind_name", default=None, help="The kind the rows are.  [default: the only kind with levels]")
@click.option(
    "--field", "field_name", default=None, help="The levels field the cells go in.  [default: the kind's first]"
)
@click.option("--sheet", default=None, help="For a workbook (.xlsx): the sheet to read.  [default: the first]")
@click.option("--replace", is_flag=True, help="Update the items that exist from their rows.")
@CONFIG
@CONTENT
def import_matrix_command(
    file: Path,
    kind_name: str | None,
    field_name: str | None,
    sheet: str | None,
    replace: bool,
    config_file: Path,
    content_dir: Path | None,
) -> None:
    """Turn a matrix of items by level (one row per item, one column per level, headed by the
    level's title or id; a ".. step" column per level for its step on the scale) into content
    files. FILE is a CSV file or an .xlsx workbook. The layout is site/data/<folder>-<field>.csv's."""
    content = settings_from(config_file, content_dir).content_dir
    docs, problems = load_content(content)
    framework = framework_in(content, docs)
    kind, spec = _levels_field(framework, kind_name, field_name)
    table = _table(file, sheet)
    files, found = import_matrix(
        framework, kind, spec, table, display_path(file), docs, (content, content / SCHEMAS), replace
    )
    problems += found
    if errors_in(problems):
        raise ContentError(problems)
    show(problems)
    create(content, files)
    click.echo(
        f"Imported {len(files)} {kind.singular if len(files) == 1 else kind.plural} into {display_path(content)}/. "
        "Run `leap check`, then `leap serve` to see them."
    )


def _levels_field(framework: Framework, kind_name: str | None, field_name: str | None) -> tuple[Kind, FieldSpec]:
    """The kind and levels field a matrix fills: named, or the only ones there are."""
    levelled = [k for k in framework.kinds if k.first("levels")]
    kind = framework.kind_named(kind_name) if kind_name else (levelled[0] if len(levelled) == 1 else None)
    if kind is None or not kind.first("levels"):
        names = ", ".join(k.singular for k in levelled) or "none"
        raise LeapError(f"name the kind with --kind: one with a levels field (this framework's: {names})")
    spec = kind.field(field_name) if field_name else kind.first("levels")
    if spec is None or spec.type != "levels":
        names = ", ".join(f.name for f in kind.of_type("levels"))
        raise LeapError(f"'{field_name}' is not a levels field of a {kind.singular} (its levels fields: {names})")
    return kind, spec


def _table(file: Path, sheet: str | None) -> list[list[str]]:
    """The rows of a CSV file or a workbook's sheet, as text."""
    shown = display_path(file)
    try:
        if file.suffix.lower() == ".xlsx":
            return table_of_xlsx(file.read_bytes(), sheet)
        return table_of_csv(file.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise ContentError([Problem(shown, 1, "save the spreadsheet as CSV UTF-8, or as an .xlsx workbook")]) from None
    except (ValueError, csv.Error) as err:
        raise ContentError([Problem(shown, 1, str(err))]) from None
    except OSError as err:
        raise ContentError([Problem(shown, 1, f"cannot read the file: {err.strerror}")]) from None


def framework_in(content_dir: Path, docs: list[SourceDoc] | None = None) -> Framework:
    """The content's framework; ContentError with every problem with it."""
    loaded: list[Problem] = []
    if docs is None:
        docs, loaded = load_content(content_dir)
    framework, problems = framework_of(docs)
    if framework is None:
        missing = Problem(
            display_path(content_dir / FRAMEWORK_FILE),
            1,
            "the framework file is missing; `leap init` starts a new content folder",
        )
        raise ContentError(problems or [p for p in loaded if FRAMEWORK_FILE in p.path] or [missing])
    return framework


def show(problems: Iterable[Problem]) -> None:
    """Warnings, one ``path:line: warning: message`` line each, on standard error."""
    for problem in problems:
        click.echo(str(problem), err=True)


def create(folder: Path, files: dict[str, str], what: str = "content") -> None:
    """New files in ``folder``; never one over a file that exists."""
    try:
        create_files(folder, files, what)
    except OSError as err:
        raise LeapError(str(err)) from None


COMMANDS = (check_command, schema_command, new_command, init_command, import_group)
