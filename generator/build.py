"""The pipeline, top to bottom: load → validate → model → graph → render → write.

``check()`` runs the pure stages and returns the model, or raises ContentError with every
problem; ``render()`` adds the pages, still without touching the disk; ``generate()`` adds the
one stage that writes, into docs/, and is what the leap MkDocs plugin does around a build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .bundled import bundled_files
from .config import DEFAULT_BRAND, Brand
from .data import data_files
from .graph import Graph, build_graph, check_graph
from .loader import load_content
from .model import Content
from .navigation import site_nav
from .problems import ContentError, Problem, errors_in
from .render import render_pages
from .validate import validate_content
from .writer import WriteReport, write_pages


@dataclass(frozen=True)
class Checked:
    content: Content
    graph: Graph
    warnings: tuple[Problem, ...]


@dataclass(frozen=True)
class Rendered:
    checked: Checked
    pages: dict[str, str]  # path under docs/ -> text
    nav: list[Any]
    brand: Brand


@dataclass(frozen=True)
class Generated:
    rendered: Rendered
    report: WriteReport

    @property
    def checked(self) -> Checked:
        return self.rendered.checked

    @property
    def pages(self) -> dict[str, str]:
        return self.rendered.pages


def check(content_dir: Path, strict: bool = False) -> Checked:
    """Load and validate the content and build its graph. Raises ContentError listing every error;
    with ``strict``, warnings count as errors."""
    docs, problems = load_content(content_dir)
    content, found = validate_content(docs)
    problems += found
    if content is None or errors_in(problems):
        raise ContentError(problems)
    graph = build_graph(content)
    problems += check_graph(graph, {doc.id: doc.path for doc in docs})
    if strict and problems:
        raise ContentError(problems)
    return Checked(content, graph, tuple(sorted(problems)))


def render(content_dir: Path, brand: Brand = DEFAULT_BRAND, strict: bool = False) -> Rendered:
    """Check the content and render every page and data file. Pure: nothing is written. (The
    links to printed PDFs are added during a build, for those the store holds: see pdfstore.)"""
    checked = check(content_dir, strict)
    brand = brand.named(checked.content.guide.title)
    pages = dict(
        sorted(
            {
                **render_pages(checked.content, checked.graph, brand),
                **data_files(checked.graph),
                **bundled_files(),
            }.items()
        )
    )
    return Rendered(checked, pages, site_nav(checked.content), brand)


def generate(content_dir: Path, docs_dir: Path, strict: bool = False, brand: Brand = DEFAULT_BRAND) -> Generated:
    """Render the content and write the pages that changed into ``docs_dir``."""
    rendered = render(content_dir, brand, strict)
    return Generated(rendered, write_pages(rendered.pages, docs_dir, "docs"))
