"""Pages whose Markdown a copy of the build rendered (generator/prerender.py) are the pages MkDocs
renders: the same files, the same warnings, and the same when the copy fails.

Each scenario runs in a new interpreter: the copy is forked only from a process with one thread,
and by now pytest's may have more (servers left by other tests)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from .conftest import MINI, ROOT, make_project, run_python

pytestmark = pytest.mark.slow  # each test builds the mini site two or three times


def _fresh(scenario: str, where: Path) -> Any:
    """Run ``scenario`` (a function below) in a new interpreter; what it returns."""
    code = f"import json, sys; from tests.test_prerender import {scenario} as s; print(json.dumps(s(sys.argv[1])))"
    result = run_python("-c", code, str(where), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.splitlines()[-1])


# The scenarios: in the new interpreter, nothing here is undone afterwards.


def _build(where: Path, content: Path) -> str:
    """`leap build` in this process; what it printed."""
    from generator.cli import main

    config = make_project(where, content)
    os.chdir(where)
    said = io.StringIO()
    with contextlib.redirect_stderr(said), contextlib.redirect_stdout(io.StringIO()):
        try:
            main(["build", "-f", str(config)], standalone_mode=False)
        except SystemExit:
            pass
    return said.getvalue()


def _files(site: Path) -> dict[str, str]:
    """Every file of a built site, but the compressed sitemap (gzip stamps the time)."""
    return {
        p.relative_to(site).as_posix(): p.read_bytes().hex()
        for p in site.rglob("*")
        if p.suffix != ".gz" and p.is_file()
    }


def _spy(kind: str = "Result") -> list[set[str]]:
    """For each build, the pages whose ``kind`` of result (Markdown's, or the template's ``Html``)
    the copy made and this process took."""
    from generator import prerender

    taken: list[set[str]] = []
    take, start = prerender.Copy.take, prerender.render_markdown

    def spy(self: prerender.Copy, page: Any) -> Any:
        result = take(self, page)
        if type(result).__name__ == kind:
            taken[-1].add(page.file.src_uri)
        return result

    def count(*args: Any) -> None:
        taken.append(set())
        start(*args)

    prerender.Copy.take = spy  # type: ignore[method-assign]
    prerender.render_markdown = count
    return taken


def _without_copy() -> None:
    from generator import prerender

    prerender._can_fork = lambda: False


def same_pages(where: str) -> dict[str, Any]:
    taken, html = _spy(), _spy("Html")
    _build(Path(where, "copy"), MINI)
    _without_copy()
    _build(Path(where, "alone"), MINI)
    same = _files(Path(where, "copy", "site")) == _files(Path(where, "alone", "site"))
    return {"taken": [len(t) for t in taken], "html": [len(t) for t in html], "same": same}


def same_warnings(where: str) -> dict[str, Any]:
    content = Path(where, "content")
    shutil.copytree(MINI, content)
    for item in [*content.glob("traits/*.yaml"), *content.glob("barriers/*.yaml")]:
        text = item.read_text(encoding="utf-8")
        item.write_text(re.sub(r"(?m)^body: (.*)$", r'body: "\1 See [a page](../nowhere.md)."', text), encoding="utf-8")
    taken = _spy()
    said = _build(Path(where, "copy"), content)
    _without_copy()
    alone = _build(Path(where, "alone"), content)
    _build(Path(where, "next"), MINI)  # MkDocs keeps the leap plugin: it must not count the warnings above
    return {
        "taken": sorted(taken[0]),
        "said": said,
        "alone": alone,
        "published": Path(where, "copy", "site").exists(),
        "next": Path(where, "next", "site", "search", "search_index.json").is_file(),
    }


def copy_fails(where: str) -> dict[str, Any]:
    from generator import prerender

    work = prerender._work

    def fail_partway(pages: list[Any], *args: Any) -> None:
        work(pages[:3], *args)
        raise MemoryError("the copy ran out of memory")

    prerender._work = fail_partway
    taken = _spy()
    said = _build(Path(where, "copy"), MINI)
    _without_copy()
    _build(Path(where, "alone"), MINI)
    same = _files(Path(where, "copy", "site")) == _files(Path(where, "alone", "site"))
    return {"taken": [len(t) for t in taken], "said": said, "same": same}


def copy_stuck(where: str) -> dict[str, Any]:
    import time

    from generator import prerender

    work = prerender._work

    def stick(pages: list[Any], *args: Any) -> None:
        work(pages[:3], *args)
        time.sleep(600)

    prerender._work, prerender.STUCK = stick, 2
    taken = _spy()
    start = time.monotonic()
    _build(Path(where, "copy"), MINI)
    seconds = time.monotonic() - start
    _without_copy()
    _build(Path(where, "alone"), MINI)
    same = _files(Path(where, "copy", "site")) == _files(Path(where, "alone", "site"))
    return {"taken": [len(t) for t in taken], "seconds": seconds, "same": same}


def fork_fails(where: str) -> dict[str, Any]:
    import errno
    import gc

    def refuse() -> int:
        raise OSError(errno.ENOMEM, "Cannot allocate memory")

    os.fork = refuse
    taken = _spy()
    said = _build(Path(where, "copy"), MINI)
    return {"taken": [len(t) for t in taken], "said": said, "frozen": gc.get_freeze_count()}


# The tests


def test_the_copys_pages_are_the_pages_mkdocs_renders(tmp_path: Path) -> None:
    report = _fresh("same_pages", tmp_path)
    assert report["taken"][0] > 10  # about half the generated pages' Markdown came from the copy
    assert report["html"][0] > 10  # and about half the pages' HTML
    assert report["taken"][1] == report["html"][1] == 0
    assert report["same"]


def test_the_copys_warnings_are_logged_once_in_page_order(tmp_path: Path) -> None:
    report = _fresh("same_warnings", tmp_path)
    warnings = [line for line in report["said"].splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 3 and all("'../nowhere.md'" in line for line in warnings)
    assert {"traits/clarity.md", "traits/courage.md", "barriers/hiding.md"} & set(report["taken"])
    assert warnings == [line for line in report["alone"].splitlines() if line.startswith("WARNING")]
    assert "nothing was written" in report["said"] and not report["published"]
    assert report["next"]


def test_when_the_copy_fails_the_pages_render_here(tmp_path: Path) -> None:
    report = _fresh("copy_fails", tmp_path)
    assert report["taken"][0] == 3
    assert "memory" not in report["said"] and "Traceback" not in report["said"]
    assert report["same"]


def test_a_stuck_copy_is_given_up_and_the_pages_render_here(tmp_path: Path) -> None:
    report = _fresh("copy_stuck", tmp_path)
    assert report["taken"][0] == 3
    assert report["seconds"] < 60  # two seconds of silence, not the copy's ten minutes
    assert report["same"]


def test_when_no_copy_can_be_forked_the_build_goes_on(tmp_path: Path) -> None:
    report = _fresh("fork_fails", tmp_path)
    assert report["taken"] == [0]
    assert "nothing was" not in report["said"] and "Traceback" not in report["said"]
    assert report["frozen"] == 0
    assert (tmp_path / "copy" / "site" / "index.html").is_file()
