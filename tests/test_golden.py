"""Golden tests: the mini fixture renders to exactly the trees in tests/golden/: the site's
Markdown in ``mini/`` and the GitLab wiki export in ``wiki-gitlab/``.

After an intended change to the templates, regenerate the goldens and review the diff:

    LEAP_UPDATE_GOLDEN=1 pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.content.check import check
from generator.pages.render import render_pages
from generator.wiki.export import wiki_pages
from tests.conftest import MINI

GOLDEN = Path(__file__).parent / "golden"


def rendered(tree: str) -> dict[str, str]:
    checked = check(MINI, strict=True)
    if tree == "mini":
        return render_pages(checked.content, checked.graph)
    return wiki_pages(checked.graph, "gitlab")


def golden_tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("tree", ["mini", "wiki-gitlab"])
def test_rendered_files_match_the_goldens(tree: str) -> None:
    pages, folder = rendered(tree), GOLDEN / tree
    if os.environ.get("LEAP_UPDATE_GOLDEN") == "1":
        for old in (p for p in folder.rglob("*") if p.is_file()):
            old.unlink()
        for path, text in pages.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_text(text, encoding="utf-8")
    expected = golden_tree(folder)
    assert sorted(pages) == sorted(expected), "files added or missing: LEAP_UPDATE_GOLDEN=1 to accept"
    for path, text in pages.items():
        assert text == expected[path], f"{path} differs from its golden: LEAP_UPDATE_GOLDEN=1 to accept"


@pytest.mark.parametrize("tree", ["mini", "wiki-gitlab"])
def test_rendering_is_deterministic(tree: str) -> None:
    assert rendered(tree) == rendered(tree)
