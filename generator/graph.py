"""The relation graph: every declared relation as an edge, with each inverse derived once.

Content declares a relation on one side only (a strategy names the barriers it overcomes).
The graph answers both directions, and says which groups of related items each page shows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .model import RELATIONS, Content, Item
from .problems import Problem


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


# Item kind -> the groups its page shows: (relation, direction, heading). Direction "out" follows
# the relation as declared; "in" is its derived inverse.
# Headings name the kinds as the guide's sections do ({barriers} is "barriers", or "pitfalls").
PAGE_GROUPS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "trait": (("undermines", "in", "{barriers} that hold it back"),
              ("builds", "in", "{strategies} that build it"),
              ("traits", "in", "{shifts} it belongs to")),
    "barrier": (("undermines", "out", "{traits} it undermines"),
                ("overcomes", "in", "{strategies} that overcome it"),
                ("barriers", "in", "{shifts} it belongs to")),
    "strategy": (("overcomes", "out", "{barriers} it overcomes"),
                 ("builds", "out", "{traits} it builds"),
                 ("strategies", "in", "{shifts} it belongs to")),
    "shift": (("traits", "out", "{traits} it calls on"),
              ("barriers", "out", "{barriers} on the way"),
              ("strategies", "out", "{strategies} that help")),
}


@dataclass(frozen=True)
class Graph:
    content: Content
    edges: tuple[Edge, ...]
    _out: dict[tuple[str, str], tuple[Item, ...]] = field(init=False, repr=False, compare=False)
    _in: dict[tuple[str, str], tuple[Item, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Index the edges once, both ways, with each list in learning order."""
        position = {item.id: index for index, item in enumerate(self.content.items)}
        by_id = {item.id: item for item in self.content.items}
        out: dict[tuple[str, str], list[str]] = defaultdict(list)
        into: dict[tuple[str, str], list[str]] = defaultdict(list)
        for edge in self.edges:
            out[(edge.source, edge.relation)].append(edge.target)
            into[(edge.target, edge.relation)].append(edge.source)

        def ordered(index: dict[tuple[str, str], list[str]]) -> dict[tuple[str, str], tuple[Item, ...]]:
            return {key: tuple(by_id[i] for i in sorted(set(ids), key=position.__getitem__))
                    for key, ids in index.items()}

        object.__setattr__(self, "_out", ordered(out))
        object.__setattr__(self, "_in", ordered(into))

    def targets(self, item: Item, relation: str) -> tuple[Item, ...]:
        return self._out.get((item.id, relation), ())

    def sources(self, item: Item, relation: str) -> tuple[Item, ...]:
        return self._in.get((item.id, relation), ())

    def related(self, item: Item) -> tuple[Related, ...]:
        """The groups shown under 'Related' on the item's page, both directions."""
        names = self.content.guide.sections.names()
        return tuple(
            Related(capital(heading.format(**names)),
                    self.targets(item, rel) if direction == "out" else self.sources(item, rel))
            for rel, direction, heading in PAGE_GROUPS[item.kind]
        )

    def marks(self, rows: tuple[Item, ...], columns: tuple[Item, ...]) -> list[str]:
        """For a matrix: per row, its cells joined by " | ", a ● where the column item declares a
        relation to the row item (a strategy that overcomes a barrier). Built here, not cell by cell
        in a template, because a large framework's matrix has hundreds of thousands of cells."""
        pairs = {(e.source, e.target) for e in self.edges}
        return [" | ".join("●" if (column.id, row.id) in pairs else "" for column in columns) for row in rows]


def inverse_headings(content: Content) -> dict[str, str]:
    """Relation field -> the heading its target's page lists the source under."""
    names = content.guide.sections.names()
    return {rel: capital(heading.format(**names)) for groups in PAGE_GROUPS.values()
            for rel, direction, heading in groups if direction == "in"}


def build_graph(content: Content) -> Graph:
    edges = sorted(
        Edge(item.id, relation, target)
        for item in content.items
        for relation in RELATIONS.get(item.kind, {})
        for target in getattr(item, relation)
    )
    return Graph(content, tuple(edges))


def check_graph(graph: Graph, paths: dict[str, str]) -> list[Problem]:
    """Warnings about the shape of the graph: items nothing connects to, barriers no strategy beats.
    ``paths`` maps ids to their files."""
    touched = {e.source for e in graph.edges} | {e.target for e in graph.edges}
    problems = []
    for item in graph.content.items:
        if item.id not in touched:
            problems.append(Problem(paths[item.id], 1, f"nothing links to {item.kind} '{item.id}', "
                                    "and it links to nothing", warning=True))
        elif item.kind == "barrier" and not graph.sources(item, "overcomes"):
            problems.append(Problem(paths[item.id], 1, f"no strategy overcomes barrier '{item.id}'",
                                    warning=True))
    return problems


def capital(text: str) -> str:
    """The text with its first letter upper-case and the rest as written ("CEO" stays "CEO")."""
    return text[:1].upper() + text[1:]
