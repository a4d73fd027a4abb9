"""What keeps a large framework's build linear: navigation in bounded groups, and a relation matrix
that is a list once a grid would be too wide to read (a grid grows with the square of a framework)."""

from __future__ import annotations

from pathlib import Path

from generator.content.check import check
from generator.pages.navigation import GROUP, _grouped, entries
from generator.pages.render import render_pages
from generator.wiki.export import wiki_pages
from tests.conftest import MINI


def test_each_level_of_a_large_sections_navigation_holds_at_most_a_group() -> None:
    pages = [{f"Item {n}": f"items/{n}.md"} for n in range(1, 1201)]
    grouped = _grouped("Items", pages)
    assert [title for title, _ in entries(grouped)] == [f"Item {n}" for n in range(1, 1201)]  # all, in order
    assert [next(iter(group)) for group in grouped] == ["Items 1–576", "Items 577–1152", "Items 1153–1200"]
    inner = next(iter(grouped[0].values()))
    assert len(inner) == GROUP and next(iter(inner[1])) == "Items 25–48"

    def widest(level: list[object]) -> int:
        below = [
            widest(next(iter(e.values())))
            for e in level
            if isinstance(e, dict) and len(e) == 1 and isinstance(next(iter(e.values())), list)
        ]
        return max([len(level), *below])

    assert widest(grouped) <= GROUP
    assert _grouped("Items", pages[:GROUP]) == pages[:GROUP]


def _mini_with_layout(tmp_path: Path, layout: str) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    for path in MINI.rglob("*"):
        target = content / path.relative_to(MINI)
        if path.is_dir():
            target.mkdir(exist_ok=True)
        else:
            target.write_bytes(path.read_bytes())
    framework = content / "framework.yaml"
    text = framework.read_text(encoding="utf-8")
    framework.write_text(text.replace("    relation: overcomes\n", f"    relation: overcomes\n    layout: {layout}\n"))
    return content


def test_a_matrix_as_a_list_names_each_rows_related_items_on_the_site_and_in_every_wiki(tmp_path: Path) -> None:
    checked = check(_mini_with_layout(tmp_path, "list"))
    graph = checked.graph
    page = render_pages(checked.content, graph)["matrix.md"]
    rows = [line for line in page.splitlines() if line.startswith("| [")]
    assert rows and not any("●" in line for line in rows) and "**Key**" not in page
    relation = checked.content.framework.relation("overcomes")
    assert f"| Barrier | {relation.inverse} |" in page
    for barrier in checked.content.of_kind("barrier"):
        row = next(line for line in page.splitlines() if line.startswith(f"| [{barrier.title}]"))
        assert [s.title for s in graph.sources(barrier, "overcomes")] == [
            s.title for s in checked.content.of_kind("strategy") if f"[{s.title}](" in row
        ]
    for flavor, name in (("gitlab", "matrix.md"), ("mediawiki", "Barriers × strategies.wiki")):
        text = wiki_pages(graph, flavor)[name]
        assert relation.inverse in text and "Key" not in text


def test_a_matrix_is_a_grid_up_to_24_columns_unless_it_says_otherwise() -> None:
    matrix = check(MINI).content.framework.matrices[0]
    assert matrix.layout == "auto" and matrix.is_grid(24) and not matrix.is_grid(25)
    page = render_pages(check(MINI).content, check(MINI).graph)["matrix.md"]
    assert "●" in page and "**Key**" in page
