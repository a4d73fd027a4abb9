"""The relation graph: every declared relation as an edge, with each inverse derived once.

Content declares a relation on one side only (a strategy names the barriers it overcomes).
The graph answers both directions, and says which groups of related items each page shows,
under the headings the framework gives each side.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..errors import Problem
from .model import Content, Item


@dataclass(frozen=True, order=True)
class Edge:
    source: str
    relation: str
    target: str


@dataclass(frozen=True)
class Related:
    """One 'Related' group on an item's page: a heading and the items under it."""

    heading: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Graph:
    content: Content
    edges: tuple[Edge, ...]
    _out: dict[tuple[str, str], tuple[Item, ...]] = field(init=False, repr=False, compare=False)
    _in: dict[tuple[str, str], tuple[Item, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Index the edges once, both ways, with each list in learning order."""
        position = {item.id: index for index, item in enumerate(self.content.items)}
        by_id = self.content.by_id
        out: dict[tuple[str, str], list[str]] = defaultdict(list)
        into: dict[tuple[str, str], list[str]] = defaultdict(list)
        for edge in self.edges:
            out[(edge.source, edge.relation)].append(edge.target)
            into[(edge.target, edge.relation)].append(edge.source)

        def ordered(index: dict[tuple[str, str], list[str]]) -> dict[tuple[str, str], tuple[Item, ...]]:
            return {
                key: tuple(by_id[i] for i in sorted(set(ids), key=position.__getitem__)) for key, ids in index.items()
            }

        object.__setattr__(self, "_out", ordered(out))
        object.__setattr__(self, "_in", ordered(into))

    def targets(self, item: Item, relation: str) -> tuple[Item, ...]:
        return self._out.get((item.id, relation), ())

    def sources(self, item: Item, relation: str) -> tuple[Item, ...]:
        return self._in.get((item.id, relation), ())

    def linked(self, item: Item, other_kind: str) -> tuple[Item, ...]:
        """Every item of ``other_kind`` related to ``item``, by any relation, either way."""
        found: dict[str, Item] = {}
        for relation in self.content.framework.linking(item.kind, other_kind):
            if relation.source == item.kind:
                found.update({i.id: i for i in self.targets(item, relation.field)})
            if relation.target == item.kind:
                found.update({i.id: i for i in self.sources(item, relation.field)})
        position = {i.id: n for n, i in enumerate(self.content.items)}
        return tuple(sorted(found.values(), key=lambda i: position[i.id]))

    def related(self, item: Item) -> tuple[Related, ...]:
        """The groups shown under 'Related' on the item's page, both directions, in the order
        the framework declares its relations."""
        groups = []
        for relation in self.content.framework.relations:
            if relation.source == item.kind:
                groups.append(Related(relation.label, self.targets(item, relation.field)))
            if relation.target == item.kind:
                groups.append(Related(relation.inverse, self.sources(item, relation.field)))
        return tuple(groups)

    def marks(self, relation: str, rows: tuple[Item, ...], columns: tuple[Item, ...]) -> list[str]:
        """For a matrix: per row, its cells joined by " | ", a ● where the column item declares
        ``relation`` to the row item. Built here, not cell by cell in a template, because a large
        framework's matrix has hundreds of thousands of cells."""
        pairs = {(e.source, e.target) for e in self.edges if e.relation == relation}
        return [" | ".join("●" if (column.id, row.id) in pairs else "" for column in columns) for row in rows]


def build_graph(content: Content) -> Graph:
    edges = sorted(
        Edge(item.id, relation.field, target)
        for relation in content.framework.relations
        for item in content.of_kind(relation.source)
        for target in item.get(relation.field, ())
    )
    return Graph(content, tuple(edges))


def check_graph(graph: Graph, paths: dict[str, str]) -> list[Problem]:
    """Warnings about the shape of the graph: items nothing connects to, and items the
    self-assessment can flag that nothing it recommends helps with. ``paths`` maps ids to files."""
    framework = graph.content.framework
    touched = {e.source for e in graph.edges} | {e.target for e in graph.edges}
    assessment = framework.assessment
    problems = []
    for item in graph.content.items:
        kind = framework.kind(item.kind)
        if framework.relations and item.id not in touched:
            problems.append(
                Problem(
                    paths[item.id],
                    1,
                    f"nothing links to {kind.singular} '{item.id}', and it links to nothing",
                    warning=True,
                )
            )
        elif (
            assessment
            and assessment.recommend
            and item.kind == assessment.tick
            and not graph.linked(item, assessment.recommend)
        ):
            helper = framework.kind(assessment.recommend).singular
            problems.append(
                Problem(paths[item.id], 1, f"no {helper} helps with {kind.singular} '{item.id}'", warning=True)
            )
    return problems


def capital(text: str) -> str:
    """The text with its first letter upper-case and the rest as written ("CEO" stays "CEO")."""
    return text[:1].upper() + text[1:]
