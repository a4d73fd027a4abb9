"""The relation graph: every declared relation as an edge, with each inverse derived once.

Content declares a relation on one side only (a strategy names the barriers it overcomes).
The graph answers both directions, and says which groups of related items each page shows.
"""

from __future__ import annotations

from dataclasses import dataclass

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
PAGE_GROUPS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "trait": (("undermines", "in", "Barriers that hold it back"),
              ("builds", "in", "Strategies that build it"),
              ("traits", "in", "Shifts it belongs to")),
    "barrier": (("undermines", "out", "Traits it undermines"),
                ("overcomes", "in", "Strategies that overcome it"),
                ("barriers", "in", "Shifts it belongs to")),
    "strategy": (("overcomes", "out", "Barriers it overcomes"),
                 ("builds", "out", "Traits it builds"),
                 ("strategies", "in", "Shifts it belongs to")),
    "shift": (("traits", "out", "Traits it calls on"),
              ("barriers", "out", "Barriers on the way"),
              ("strategies", "out", "Strategies that help")),
}


@dataclass(frozen=True)
class Graph:
    content: Content
    edges: tuple[Edge, ...]

    def targets(self, item: Item, relation: str) -> tuple[Item, ...]:
        return self._in_order(e.target for e in self.edges if e.source == item.id and e.relation == relation)

    def sources(self, item: Item, relation: str) -> tuple[Item, ...]:
        return self._in_order(e.source for e in self.edges if e.target == item.id and e.relation == relation)

    def related(self, item: Item) -> tuple[Related, ...]:
        """The groups shown under 'Related' on the item's page, both directions."""
        return tuple(
            Related(heading, self.targets(item, rel) if direction == "out" else self.sources(item, rel))
            for rel, direction, heading in PAGE_GROUPS[item.kind]
        )

    def linked(self, a: Item, b: Item) -> bool:
        return any({e.source, e.target} == {a.id, b.id} for e in self.edges)

    def _in_order(self, ids: object) -> tuple[Item, ...]:
        wanted = set(ids)  # type: ignore[call-overload]
        return tuple(item for item in self.content.items if item.id in wanted)


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
