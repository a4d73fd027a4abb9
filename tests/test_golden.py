"""Golden tests: the mini fixture renders to exactly the Markdown tree in tests/golden/mini/.

After an intended change to the templates, regenerate the goldens and review the diff:

    LEAP_UPDATE_GOLDEN=1 pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.build import check
from generator.render import render_pages
from tests.conftest import MINI

GOLDEN = Path(__file__).parent / "golden" / "mini"


def rendered() -> dict[str, str]:
    checked = check(MINI, strict=True)
    return render_pages(checked.content, checked.graph)


def golden_tree() -> dict[str, str]:
    return {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(GOLDEN.rglob("*.md"))}


def test_rendered_markdown_matches_the_goldens() -> None:
    pages = rendered()
    if os.environ.get("LEAP_UPDATE_GOLDEN") == "1":
        for old in GOLDEN.rglob("*.md"):
            old.unlink()
        for path, text in pages.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8")
    expected = golden_tree()
    assert sorted(pages) == sorted(expected), "pages added or missing: LEAP_UPDATE_GOLDEN=1 to accept"
    for path, text in pages.items():
        assert text == expected[path], f"{path} differs from its golden: LEAP_UPDATE_GOLDEN=1 to accept"


def test_rendering_is_deterministic() -> None:
    assert rendered() == rendered()
