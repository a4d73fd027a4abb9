"""The pipeline, top to bottom: load → validate → model → graph → render → write.

``check()`` runs the pure stages and returns every problem; ``generate()`` adds the one stage
that writes to docs/, and only runs it when the content has no errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import DEFAULT_BRAND, Brand
from .data import data_files
from .graph import Graph, build_graph, check_graph
from .loader import load_content
from .model import Content
from .problems import ContentError, Problem, errors_in
from .render import render_pages, site_nav
from .validate import validate_content
from .writer import WriteReport, write_pages


@dataclass(frozen=True)
class Checked:
    content: Content
    graph: Graph
    warnings: tuple[Problem, ...]


@dataclass(frozen=True)
class Generated:
    checked: Checked
    pages: dict[str, str]
    report: WriteReport
    nav: list[Any]
    brand: Brand


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


def generate(content_dir: Path, docs_dir: Path, strict: bool = False, brand: Brand = DEFAULT_BRAND,
             pdf_links: bool = False) -> Generated:
    """Check the content, render every page and data file, and write the ones that changed into
    ``docs_dir``. ``pdf_links`` is for `leap pdf`, which prints the worksheets' PDFs."""
    checked = check(content_dir, strict)
    pages = dict(sorted({**render_pages(checked.content, checked.graph, brand, pdf_links),
                         **data_files(checked.graph)}.items()))
    report = write_pages(pages, docs_dir)
    return Generated(checked, pages, report, site_nav(checked.content), brand)
