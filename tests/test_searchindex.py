"""The search index built in a worker process (generator/searchindex.py) is Material's own."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from material.plugins.search.plugin import SearchIndex
from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import get_toc

from generator import searchindex
from generator.cli import main

from .conftest import MINI, make_project, run_python

HTML = """<p>Before any heading: a <code>preface</code>.</p>
<h1 id="title">Title<a class="headerlink" href="#title">¶</a></h1>
<p>Text with <em>emphasis</em> &amp; an entity.</p>
<h2 id="reflect">Reflect</h2>
<ul><li>one</li><li>two <sup>2</sup></li></ul>
<div data-search-exclude><p>never indexed</p></div>
<h3 id="deeper">Deeper</h3><pre><code>kept
  as is</code></pre>
"""


class FakePage:
    def __init__(self, url: str, meta: dict[str, Any]) -> None:
        self.url, self.meta, self.title, self.content = url, meta, f"Page {url}", HTML
        self.toc = get_toc(
            [
                {"level": 1, "id": "title", "name": "Title", "html": "Title", "data-toc-label": "", "children": []},
                {
                    "level": 2,
                    "id": "reflect",
                    "name": "Reflect",
                    "html": "Reflect",
                    "data-toc-label": "",
                    "children": [],
                },
            ]
        )


PAGES = [
    FakePage("a/", {}),
    FakePage("b/", {"tags": ["x", 3, None], "search": {"boost": 2}}),
    FakePage("c/", {"search": {"exclude": True}}),
    FakePage("d/", {"title": "From front matter"}),
]


def _index(index: SearchIndex) -> str:
    for page in PAGES:
        index.add_entry_from_context(page)
    result: str = index.generate_search_index(None)
    return result


def test_the_worker_writes_the_index_material_writes() -> None:
    assert _index(searchindex.BesideIndex(lang=["en"], separator=" ", pipeline=[], fields={})) == _index(
        SearchIndex(lang=["en"], separator=" ", pipeline=[], fields={})
    )


def test_without_a_worker_process_the_pages_are_indexed_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise OSError("no processes left")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    index = searchindex.BesideIndex(lang=["en"], separator=" ", pipeline=[], fields={})
    assert index._worker is None
    assert _index(index) == _index(SearchIndex(lang=["en"], separator=" ", pipeline=[], fields={}))


def test_a_worker_that_dies_is_an_error_not_a_hang() -> None:
    index = searchindex.BesideIndex(lang=["en"], separator=" ", pipeline=[], fields={})
    assert index._worker is not None
    index._worker.kill()
    index._worker.wait()
    with pytest.raises(PluginError, match=r"worker process stopped \(exit code -9\)"):
        _index(index)
    index.close()


@pytest.mark.slow
def test_a_built_sites_index_is_materials_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The mini site built twice: with the worker, and with Material's plugin indexing in-process."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    indexes, made = [], []

    def spy(config: Any) -> searchindex.BesideIndex | None:
        made.append(searchindex.beside(config))
        return made[-1]

    for name, index_with in (("beside", spy), ("material", lambda config: None)):
        config = make_project(tmp_path / name, MINI)
        monkeypatch.setattr("generator.plugin.beside", index_with)
        monkeypatch.chdir(tmp_path / name)
        main(["build", "-f", str(config)], standalone_mode=False)
        indexes.append((tmp_path / name / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert len(made) == 1 and isinstance(made[0], searchindex.BesideIndex)
    assert '"location":"traits/' in indexes[0]
    assert indexes[0] == indexes[1]


@pytest.mark.slow
def test_a_worker_that_fails_at_the_end_fails_the_build_before_anything_is_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = make_project(tmp_path, MINI)
    monkeypatch.chdir(tmp_path)
    main(["build", "-f", str(config)], standalone_mode=False)
    before = (tmp_path / "site" / "traits" / "clarity" / "index.html").read_text(encoding="utf-8")
    trait = tmp_path / "content" / "traits" / "clarity.yaml"
    trait.write_text(
        trait.read_text(encoding="utf-8").replace("Write it down.", "Write it down NEW."), encoding="utf-8"
    )
    collect = searchindex.BesideIndex.collect

    def die_first(self: searchindex.BesideIndex) -> None:
        assert self._worker is not None
        self._worker.kill()
        collect(self)

    monkeypatch.setattr(searchindex.BesideIndex, "collect", die_first)
    with pytest.raises(SystemExit):
        main(["build", "-f", str(config)], standalone_mode=False)
    assert "search index: its worker process stopped" in capsys.readouterr().err
    assert (tmp_path / "site" / "traits" / "clarity" / "index.html").read_text(encoding="utf-8") == before
    assert (tmp_path / "site" / "search" / "search_index.json").is_file()
    assert "NEW" not in (tmp_path / "docs" / "traits" / "clarity.md").read_text(encoding="utf-8")


def test_the_worker_does_not_import_from_the_current_folder(tmp_path: Path) -> None:
    """`leap` (a console script) never imports from the folder it runs in; nor does its worker."""
    config = make_project(tmp_path, MINI)
    (tmp_path / "markdown.py").write_text('raise SystemExit("the markdown.py in the current folder")\n')
    result = run_python("-P", "-m", "generator.cli", "build", "-f", str(config), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "current folder" not in result.stderr
    assert (tmp_path / "site" / "search" / "search_index.json").is_file()
