"""The content stages, top to bottom: load → (translate) → validate → model → graph.

:func:`check` reads the content folder and returns the frozen model and its relation graph, or
raises :class:`~generator.errors.ContentError` with every problem found, as ``path:line: message``.
Asked for one of the guide's translations, it reads the content in that language: each text from
the translator's catalog where it has one (:mod:`generator.content.translate`), the source text
where it has none. Nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError, Problem, errors_in
from .catalogs import read_catalog, refused_problems
from .graph import Graph, build_graph, check_graph
from .load import SourceDoc, display_path, load_content
from .model import Content
from .translate import texts, translated
from .validate import validate_content

SOURCE = "en"  # the content's language when neither guide.yaml nor the site says otherwise


@dataclass(frozen=True)
class Checked:
    """Content that passed every check: the model, its graph and the warnings left, in ``language``."""

    content: Content
    graph: Graph
    warnings: tuple[Problem, ...]
    language: str = SOURCE


def check(content_dir: Path, strict: bool = False, language: str | None = None) -> Checked:
    """Load and validate the content and build its graph, in the source language or, given one of
    the guide's translations, in that. Raises ContentError listing every error; with ``strict``,
    warnings count as errors."""
    docs, problems = load_content(content_dir)
    content, found = validate_content(docs)
    problems += found
    if content is None or errors_in(problems):
        raise ContentError(problems)
    source = content.guide.language or SOURCE
    if language and language != source:
        if language not in content.guide.translations:
            raise ContentError(
                [Problem(display_path(content_dir), 1, f"the guide is not translated into '{language}'")]
            )
        docs, translation = _translate(content_dir, docs, content, language)
        problems += translation
        content, found = validate_content(docs)
        problems += found
        if content is None or errors_in(problems):
            raise ContentError(problems)
    graph = build_graph(content)
    problems += check_graph(graph, {doc.id: doc.path for doc in docs})
    if strict and problems:
        raise ContentError(problems)
    return Checked(content, graph, tuple(sorted(problems)), language or source)


def _translate(
    content_dir: Path, docs: list[SourceDoc], content: Content, language: str
) -> tuple[list[SourceDoc], list[Problem]]:
    catalog, problems = read_catalog(content_dir, language)
    if catalog is None:
        return docs, problems
    docs, refused = translated(docs, texts(docs, content.framework), catalog)
    shown = display_path(content_dir / "locale" / f"{language}.po")
    return docs, problems + refused_problems(catalog, refused, shown)
