"""The `leap` command: check the content, build the site, preview it live."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import click

from .build import Generated, check, generate
from .pdf import PdfError, make_pdfs
from .problems import ContentError, Problem
from .worksheets import workbook_order


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Leadership Leap: turn content/ into the guide's pages and site."""


@main.command("check")
@click.option("--content", "content_dir", type=click.Path(path_type=Path), default="content",
              show_default=True, help="The content folder.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check_command(content_dir: Path, strict: bool) -> None:
    """Validate the content and report every problem as path:line: message."""
    try:
        checked = check(content_dir, strict)
    except ContentError as err:
        _fail(err.problems)
    _print(list(checked.warnings))
    click.echo(f"{content_dir.as_posix()}: {len(checked.content.items)} items, "
               f"{len(checked.graph.edges)} relations, {len(checked.warnings)} warnings.")


@main.command("build")
@click.option("--strict", is_flag=True, help="Treat content warnings as errors.")
@click.option("-f", "--config-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default="mkdocs.yml", show_default=True)
@click.option("-d", "--site-dir", type=click.Path(path_type=Path), default="site", show_default=True)
def build_command(strict: bool, config_file: Path, site_dir: Path) -> None:
    """Generate docs/ from content/, then build the site with MkDocs (strict: no broken links)."""
    _build_site(config_file, site_dir, strict)
    click.echo(f"Site built. Open {(site_dir / 'index.html').resolve().as_uri()}, "
               "or run `leap serve` for a live preview.")


@main.command("pdf")
@click.option("-f", "--config-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default="mkdocs.yml", show_default=True)
@click.option("-d", "--site-dir", type=click.Path(path_type=Path), default="site", show_default=True)
def pdf_command(config_file: Path, site_dir: Path) -> None:
    """Build the site, then print every worksheet to PDF and bind the A4 and US Letter workbooks."""
    generated = _build_site(config_file, site_dir, strict=False)
    entries = workbook_order(generated.checked.content)
    try:
        written = make_pdfs(site_dir, generated.checked.content.guide, entries)
    except PdfError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)
    click.echo(f"Wrote {len(written)} PDFs to {(site_dir / 'pdf').as_posix()}/, including "
               f"workbook-a4.pdf and workbook-letter.pdf.")


def _build_site(config_file: Path, site_dir: Path, strict: bool) -> Generated:
    generated = _generate(config_file, strict)
    click.echo(f"Generated {len(generated.pages)} pages in docs/ "
               f"({len(generated.report.written)} written, {len(generated.report.removed)} removed).")
    _mkdocs("build", "--strict", "-f", str(config_file), "-d", str(site_dir))
    return generated


@main.command("serve")
@click.option("-f", "--config-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default="mkdocs.yml", show_default=True)
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True)
def serve_command(config_file: Path, dev_addr: str) -> None:
    """Live preview: editing a file in content/ regenerates the pages and reloads the browser."""
    _generate(config_file, strict=False)
    _mkdocs("serve", "-f", str(config_file), "-a", dev_addr)


def _generate(config_file: Path, strict: bool) -> Generated:
    root = config_file.resolve().parent
    try:
        generated = generate(root / "content", root / "docs", strict)
    except ContentError as err:
        _fail(err.problems)
    except OSError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)
    _print(list(generated.checked.warnings))
    return generated


def _mkdocs(*args: str) -> None:
    env = {**os.environ}
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
