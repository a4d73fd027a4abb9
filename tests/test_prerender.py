"""Pages whose Markdown a copy of the build rendered (generator/prerender.py) are the pages MkDocs
renders: the same files, the same warnings, and the same when the copy fails."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator import prerender
from generator.cli import main

from .conftest import MINI, make_project

pytestmark = pytest.mark.slow  # each test builds the mini site twice


def _build(where: Path, content: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    """`leap build` in this process; what it printed."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = make_project(where, content)
    monkeypatch.chdir(where)
    try:
        main(["build", "-f", str(config)], standalone_mode=False)
    except SystemExit:
        pass
    return capsys.readouterr().err


def _files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, but the compressed sitemap (gzip stamps the time)."""
    return {
        p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"
    }


@pytest.fixture
def shares(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """The pages each build's copy rendered and this process took."""
    taken: list[set[str]] = []
    take = prerender.Prerender.take

    def spy(self: prerender.Prerender, page: Any) -> prerender.Result | None:
        result = take(self, page)
        if result is not None:
            taken[-1].add(page.file.src_uri)
        return result

    start = prerender.Prerender.start

    def count(self: prerender.Prerender, *args: Any) -> None:
        taken.append(set())
        start(self, *args)

    monkeypatch.setattr(prerender.Prerender, "take", spy)
    monkeypatch.setattr(prerender.Prerender, "start", count)
    return taken


def _without_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prerender, "_can_fork", lambda: False)


def test_the_copys_pages_are_the_pages_mkdocs_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], shares: list[set[str]]
) -> None:
    _build(tmp_path / "copy", MINI, monkeypatch, capsys)
    _without_copy(monkeypatch)
    _build(tmp_path / "alone", MINI, monkeypatch, capsys)
    assert len(shares[0]) > 10  # about half the generated pages came from the copy
    assert shares[1] == set()
    assert _files(tmp_path / "copy" / "site") == _files(tmp_path / "alone" / "site")


def test_the_copys_warnings_are_logged_once_in_page_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], shares: list[set[str]]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    for item in [*content.glob("traits/*.yaml"), *content.glob("barriers/*.yaml")]:
        text = item.read_text(encoding="utf-8")
        item.write_text(re.sub(r"(?m)^body: (.*)$", r'body: "\1 See [a page](../nowhere.md)."', text), encoding="utf-8")
    said = _build(tmp_path / "copy", content, monkeypatch, capsys)
    _without_copy(monkeypatch)
    alone = _build(tmp_path / "alone", content, monkeypatch, capsys)
    warnings = [line for line in said.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 3 and all("'../nowhere.md'" in line for line in warnings)
    assert any(page in shares[0] for page in ("traits/clarity.md", "traits/courage.md", "barriers/hiding.md"))
    assert warnings == [line for line in alone.splitlines() if line.startswith("WARNING")]
    assert "nothing was written" in said and not (tmp_path / "copy" / "site").exists()
    # MkDocs keeps the leap plugin for the next build in this process: it must not count these warnings
    _build(tmp_path / "next", MINI, monkeypatch, capsys)
    assert (tmp_path / "next" / "site" / "search" / "search_index.json").is_file()


def test_when_the_copy_fails_the_pages_render_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], shares: list[set[str]]
) -> None:
    render = prerender._render

    def fail_partway(pages: list[Any], *args: Any) -> None:
        render(pages[:3], *args)
        raise MemoryError("the copy ran out of memory")

    monkeypatch.setattr(prerender, "_render", fail_partway)
    said = _build(tmp_path / "copy", MINI, monkeypatch, capsys)
    _without_copy(monkeypatch)
    _build(tmp_path / "alone", MINI, monkeypatch, capsys)
    assert len(shares[0]) == 3
    assert "memory" not in said and "Traceback" not in said
    assert _files(tmp_path / "copy" / "site") == _files(tmp_path / "alone" / "site")
