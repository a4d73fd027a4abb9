"""`leap build`, `leap serve` and `leap pdf`: the site, its live preview and its paper."""

from __future__ import annotations

from pathlib import Path

import click

from ..build import build, pdf, serve
from ..paper.pdf import JOBS
from ..site.settings import Options
from .options import CONFIG, CONTENT, ENGINE

SITE_URL = click.option(
    "--site-url",
    default=None,
    metavar="URL",
    help="The address the site will be served from, such as "
    "https://intranet.example.com/leadership/ (needed under a sub-path; printed on paper under each link).",
)


@click.command("build")
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
@SITE_URL
@click.option(
    "--offline", is_flag=True, help="Build for opening from a file share or file://, and zip it (site-offline.zip)."
)
@ENGINE
def build_command(
    strict: bool,
    config_file: Path,
    content_dir: Path | None,
    site_dir: Path | None,
    site_url: str | None,
    offline: bool,
    engine: str,
) -> None:
    """Generate the pages from the content and build the site (strict: no broken links)."""
    options = Options(config_file, content_dir, site_dir, site_url, strict=strict, offline=offline, engine=engine)
    built = build(options)
    site = built.site_dir
    if offline:
        click.echo(
            f"Offline site in {site.as_posix()}/ and {site.with_name(site.name + '.zip').as_posix()}: "
            f"open {(site / 'index.html').resolve().as_uri()}"
        )
    else:
        click.echo(
            f"Site built in {site.as_posix()}/. Serve that folder from your web server, "
            "or run `leap serve` for a live preview."
        )


@click.command("pdf")
@CONFIG
@CONTENT
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), default="site", show_default=True)
@SITE_URL
@click.option(
    "-j", "--jobs", type=click.IntRange(1, 16), default=JOBS, show_default=True, help="Pages printed at once."
)
@ENGINE
def pdf_command(
    config_file: Path, content_dir: Path | None, site_dir: Path, site_url: str | None, jobs: int, engine: str
) -> None:
    """Build the site, print every worksheet not printed yet (A4 and US Letter) and bind the two
    workbooks; the PDFs are kept in .leap-pdf/, and every later build links those still up to date."""
    options = Options(config_file, content_dir, site_dir, site_url, engine=engine)
    printed = pdf(options, jobs)
    report, plan = printed.report, printed.built.generated.pdf_plan
    click.echo(
        f"Printed {report.printed} worksheet PDFs and {report.bound} workbooks, reused {report.reused} "
        f"(kept in {plan.store.name}/); the site carries and links them in {(site_dir / 'pdf').as_posix()}/"
        + (", with workbook-a4.pdf and workbook-letter.pdf." if plan.workbooks else ".")
    )


@click.command("serve")
@CONFIG
@CONTENT
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, metavar="IP:PORT")
@ENGINE
def serve_command(config_file: Path, content_dir: Path | None, dev_addr: str, engine: str) -> None:
    """Live preview: editing a content file regenerates the pages and reloads the browser."""
    serve(Options(config_file, content_dir, engine=engine), dev_addr)


COMMANDS = (build_command, pdf_command, serve_command)
