"""The engine's own work for a site, the same whatever builds it: check the content, render its
pages and data files, add the engine's stylesheets and scripts, and link the printed PDFs the
store holds for these pages. Pure but for reading the content and the PDF store: writing docs/
is :func:`write_docs`'s, once the builder has succeeded (MkDocs) or before it starts (Zensical).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from ..content.check import check
from ..files.writer import WriteReport, write_pages
from ..locale import SCRIPT, script_catalog
from ..pages.render import Rendered, render
from .bundled import bundled_files
from .pdfstore import Plan, attach
from .settings import Settings


@dataclass(frozen=True)
class Generated:
    rendered: Rendered
    pages: dict[str, str]  # every file the engine puts under docs/: pages (linked to their PDFs), data, assets
    pdfs: dict[str, bytes]  # the printed PDFs the site carries: its path (pdf/<name>) -> the bytes checked
    pdf_plan: Plan  # every PDF these pages call for (`leap pdf` prints those missing)


def generate(settings: Settings, rendered: Rendered | None = None) -> Generated:
    """Everything the engine adds to a site. ``rendered``: pages already rendered from the content
    (a live preview keeps the last good ones when the content has an error)."""
    if rendered is None:
        checked = check(settings.content_dir, settings.strict, settings.language or None)
        if not settings.language:  # the source language: the guide's, else the site's
            checked = dataclasses.replace(
                checked, language=checked.content.guide.language or settings.site_language or "en"
            )
        rendered = render(checked, settings.brand)
    # The page scripts' messages, in the site's language (assets/leap/messages.js).
    pages = {**rendered.pages, **bundled_files(), SCRIPT: script_catalog(rendered.checked.language)}
    attached = attach(settings, rendered, pages)
    return Generated(rendered, dict(sorted(attached.pages.items())), attached.pdfs, attached.plan)


def write_docs(generated: Generated, docs_dir: Path) -> WriteReport:
    """Write the generated files into docs/, for builders and tools that read them from there."""
    return write_pages(generated.pages, docs_dir, "docs")


@dataclass(frozen=True)
class Built:
    """A site built and published: what the engine generated for it, and where it is; for a guide in
    more than one language, this is the source language's site, and each translation's follows."""

    generated: Generated
    site_dir: Path
    translations: tuple[Built, ...] = ()

    @property
    def sites(self) -> tuple[Built, ...]:
        """This site and its translations' sites."""
        return (self, *self.translations)
