"""Whole-site tests: build the shipped guide --strict with each builder and check what a reader gets."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.content.check import check
from tests.conftest import (
    ROOT,
    build_site,  # noqa: F401  (other test modules import it from here)
    folder_of,
    make_project,
    run_leap,
    search_titles,
)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []  # every href/src
        self.loads: list[str] = []  # what the browser fetches when the page opens

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (tag, name) in {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")}:
                self.links.append(value)
                if tag != "a":
                    self.loads.append(value)


@pytest.fixture
def site(shipped_site: Path) -> Path:
    return shipped_site


def test_every_item_has_its_page_and_worksheet(site: Path) -> None:
    content = check(ROOT / "content").content
    assert len(content.items) == 40  # 36, plus three plays and a shift from issue 23
    for item in content.items:
        assert (site / folder_of(item, content) / item.id / "index.html").is_file(), item.id
        assert (site / "worksheets" / folder_of(item, content) / item.id / "index.html").is_file(), item.id


def relative_links(site: Path) -> Iterator[tuple[Path, str, Path]]:
    """Every relative link and asset of every page: (page, the link as written, where it points).
    404.html is left out: it is served at any depth, so MkDocs gives it root-absolute links (made
    right for a sub-path by site_url, which tests/test_hosting.py checks)."""
    for page in (p for p in site.rglob("*.html") if p.name != "404.html"):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            parts = urlsplit(link)
            if not (parts.scheme or parts.netloc or not parts.path):
                yield page, link, (page.parent / unquote(parts.path)).resolve()


def test_every_internal_link_resolves(site: Path) -> None:
    broken = [
        f"{page.relative_to(site)} -> {link}"
        for page, link, target in relative_links(site)
        if not (target / "index.html" if target.is_dir() else target).is_file()
    ]
    assert broken == []


def test_search_index_holds_every_item_title(site: Path, engine: str) -> None:
    titles = {title for _, title, _ in search_titles(site, engine)}
    for item in check(ROOT / "content").content.items:
        assert item.title in titles, item.title


def test_item_pages_link_both_ways(site: Path) -> None:
    barrier = (site / "barriers" / "no-succession-plan" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../strategies/grow-a-successor/"' in barrier
    assert 'href="../../traits/team-development/"' in barrier
    trait = (site / "traits" / "team-development" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../barriers/no-succession-plan/"' in trait
    assert 'href="../../worksheets/traits/team-development/"' in trait
    sheet = (site / "worksheets" / "traits" / "team-development" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../traits/team-development/"' in sheet


def test_nothing_loads_from_the_internet(site: Path) -> None:
    for page in site.rglob("*.html"):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        external = [link for link in parser.loads if urlsplit(link).netloc]
        assert external == [], page
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text


def test_the_mini_fixture_builds_too(mini_site: Path) -> None:
    assert (mini_site / "traits" / "clarity" / "index.html").is_file()


@pytest.mark.slow
def test_plain_mkdocs_build_runs_the_generator_through_the_hook(tmp_path: Path) -> None:
    # MkDocs only: this is about the leap plugin, which plain `mkdocs build` runs (Zensical runs none).
    config = make_project(tmp_path, ROOT / "tests" / "fixtures" / "mini")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "barriers" / "hiding" / "index.html").is_file()


@pytest.mark.slow
def test_a_navigation_of_ones_own_reads_as_mkdocs_reads_it(tmp_path: Path) -> None:
    """A section written as a mapping, and a page listed twice: MkDocs shows the first title."""
    config = make_project(tmp_path, ROOT / "tests" / "fixtures" / "mini")
    with config.open("a", encoding="utf-8") as out:
        out.write("nav:\n  - index.md\n  - Traits:\n      First title: traits/clarity.md\n")
        out.write("  - Again:\n      - Second title: traits/clarity.md\n")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config)],
        cwd=tmp_path,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "First title" in home and "Second title" not in home


@pytest.mark.slow
def test_plain_mkdocs_build_reports_bad_content_without_a_traceback(tmp_path: Path) -> None:
    config = make_project(tmp_path, ROOT / "tests" / "fixtures" / "mini")
    (tmp_path / "content" / "traits" / "clarity.yaml").write_text("titel: x\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "content/traits/clarity.yaml:1: unknown field 'titel' (did you mean 'title'?)" in result.stderr


def test_a_new_project_without_docs_builds_and_gets_the_folder(tmp_path: Path, engine: str) -> None:
    """mkdocs.yml and a content folder are enough: the folder the pages are generated into is made."""
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", tmp_path / "content")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    result = run_leap("build", "--engine", engine, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "docs" / "index.md").is_file() and (tmp_path / "site" / "index.html").is_file()
