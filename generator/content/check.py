"""The content stages, top to bottom: load → validate → model → graph.

:func:`check` reads the content folder and returns the frozen model and its relation graph, or
raises :class:`~generator.errors.ContentError` with every problem found, as ``path:line: message``.
Nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError, Problem, errors_in
from .graph import Graph, build_graph, check_graph
from .load import load_content
from .model import Content
from .validate import validate_content


@dataclass(frozen=True)
class Checked:
    """Content that passed every check: the model, its graph and the warnings left."""

    content: Content
    graph: Graph
    warnings: tuple[Problem, ...]


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
