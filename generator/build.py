"""What `leap build`, `leap serve` and `leap pdf` do, as functions the CLI, the tests and the
benchmarks share. Each reads top to bottom:

- :func:`build`: the engine's own work (:func:`generator.site.generate.generate`: check → render →
  the engine's assets → links to the printed PDFs), then the builder's (MkDocs, or Zensical) into
  a staging folder that replaces the site whole once everything has succeeded; with ``offline``,
  a zip of the site too;
- :func:`serve`: a live preview that regenerates the pages an edit changes;
- :func:`pdf`: a build, every worksheet and workbook not printed yet, and a build that links them.

Errors are :class:`generator.errors.LeapError`\\ s; nothing is published unless the build succeeded.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from types import ModuleType

from .files.writer import write_zip
from .paper.pdf import JOBS, PdfReport, make_pdfs
from .site.generate import Built
from .site.pdfstore import prune
from .site.settings import Options, Settings

__all__ = ["Built", "Options", "Printed", "Settings", "build", "pdf", "serve", "settings"]

_ADAPTERS = {"mkdocs": "generator.site.mkdocs.builder", "zensical": "generator.site.zensical"}


def builder(engine: str) -> ModuleType:
    """The adapter of a builder: its ``build``, ``serve`` and ``settings``."""
    return importlib.import_module(_ADAPTERS[engine])


def settings(options: Options) -> Settings:
    """The engine's settings from mkdocs.yml, for the commands that do not build a site."""
    return builder(options.engine).settings(options)  # type: ignore[no-any-return]


def build(options: Options) -> Built:
    """Generate the pages and build the site; with ``offline``, zip it beside the site."""
    built: Built = builder(options.engine).build(options)
    if options.offline:
        archive = write_zip(built.site_dir, built.site_dir.with_name(built.site_dir.name + ".zip"))
        archive.chmod(0o644)  # for colleagues on a file share, whatever the umask
    return built


def serve(options: Options, dev_addr: str) -> None:
    """A live preview at ``dev_addr``: saving a content file rebuilds the pages it changes."""
    builder(options.engine).serve(options, dev_addr)


@dataclass(frozen=True)
class Printed:
    built: Built
    report: PdfReport  # what was printed for every language of the guide, together


def pdf(options: Options, jobs: int = JOBS) -> Printed:
    """Build the site, print every worksheet PDF and workbook its pages call for that the store
    lacks (in each of the guide's languages), and build again so that the site carries and links
    them. Returns the last build, and what was printed. Older prints are then cleared from the store."""
    built = build(options)
    reports = [
        make_pdfs(
            site.site_dir,
            site.generated.pdf_plan,
            site.generated.rendered.checked.content,
            site.generated.rendered.brand,
            jobs=jobs,
            language=site.generated.rendered.checked.language,
        )
        for site in built.sites
    ]
    report = PdfReport(*(sum(getattr(r, name) for r in reports) for name in ("printed", "bound", "reused")))
    if report.printed or report.bound:
        built = build(options)
    plans = [site.generated.pdf_plan for site in built.sites]
    try:
        prune(*plans)
    except OSError as err:  # the PDFs are printed and linked; only the clearing-out of old ones failed
        store = err.filename or plans[0].store
        logging.getLogger("leap").warning(f"warning: {store}: could not remove older PDFs ({err.strerror or err})")
    return Printed(built, report)
