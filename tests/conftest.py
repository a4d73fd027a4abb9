from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import traceback
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.files.writer import WriteReport
from generator.site.generate import generate, write_docs
from generator.site.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of the small fixture content set."""
    target = tmp_path / "content"
    shutil.copytree(MINI, target)
    return target


def folder_of(item: Any, content: Any) -> str:
    """The folder an item's pages live in: its kind's, as the framework names it."""
    return str(content.framework.kind(item.kind).folder)


# Commands that run in a process of their own even in tests: `serve` lives on until stopped, and
# `pdf` runs its own event loop (asyncio), which the session's browser already runs in this one.
OWN_PROCESS = {"serve", "pdf"}


def run_leap(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the `leap` command from this checkout, as a user would, and capture what it prints.

    It runs in this process (click's test runner, in ``cwd``), which saves starting Python and
    importing the engine for each of the suite's hundreds of commands; a command given
    environment variables, or one of :data:`OWN_PROCESS`, runs in a process of its own, as do the
    tests that are about the process itself (signals, exit codes from a shell), with
    :func:`run_python`. ``LEAP_TESTS_IN_PROCESSES=1`` runs every command in a process of its own. An exception that escapes shows as a traceback on standard error with exit
    code 1, as it would from a process."""
    if env or (args and args[0] in OWN_PROCESS) or os.environ.get("LEAP_TESTS_IN_PROCESSES") == "1":
        return run_python("-m", "generator.cli", *args, cwd=cwd, **env)
    return _in_process(list(args), cwd)


def _in_process(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    from click.testing import CliRunner

    from generator.cli import main

    before = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, args, prog_name="leap", env={"NO_MKDOCS_2_WARNING": "1"})
    finally:
        os.chdir(before)
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(result.exception))
    return subprocess.CompletedProcess(["leap", *args], result.exit_code, result.stdout, stderr)


def run_python(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run Python with this checkout importable, and capture what it prints."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1", **env},
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def leap_serve(project: Path, engine: str = "mkdocs") -> Iterator[str]:
    """`leap serve` of a project, with a builder, on a free port of loopback for as long as the
    context lasts; yields its address once it answers."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "--engine", engine, "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"},
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(url, timeout=2).close()
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def make_project(where: Path, content: Path) -> Path:
    """A site project in ``where``: the repo's mkdocs.yml, an empty docs/ (the engine brings its
    own assets) and the given content. Returns the mkdocs.yml path."""
    shutil.copytree(content, where / "content")
    (where / "docs").mkdir()
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    return where / "mkdocs.yml"


def build_site(where: Path, content: Path, *leap_args: str, engine: str = "mkdocs") -> Path:
    """`leap build` of ``content`` with a builder (``engine``) in a new project in ``where``; the
    site's folder."""
    config = make_project(where, content)
    result = run_leap("build", "-f", str(config), "--engine", engine, *leap_args, cwd=where)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    return where / "site"


from generator.paper.pdf import CHROMIUM, CHROMIUM_ARGS
from generator.paper.server import serve

# The builders a reader's or a host's test runs against: every test that uses a site built by
# the fixtures below (or asks for ``engine``) runs once with each. pytest orders the tests so
# that each builder's sites are built once per session.
BUILDERS = ("mkdocs", "zensical")
# Where each builder writes its search index (over HTTP; and the script --offline loads it from).
SEARCH_INDEX = {"mkdocs": "search/search_index.json", "zensical": "search.json"}
OFFLINE_SEARCH = {"mkdocs": "search/search_index.js", "zensical": "search.js"}
# How a reader searches on each builder's theme: what opens search, a result, and the results.
SEARCH_UI = {
    "mkdocs": ("label.md-search__icon, .md-search__input", ".md-search-result__item a", ".md-search-result"),
    "zensical": (
        ".md-search__button",
        '[role="listbox"][aria-label="Search results"] a[role="option"]',
        '[role="listbox"][aria-label="Search results"]',
    ),
}


def search(page: Any, engine: str, words: str, timeout: float) -> str:
    """Search the site as a reader does (open search, type): the results' text, once one shows."""
    opener, result, results = SEARCH_UI[engine]
    page.locator(opener).first.click()
    page.keyboard.type(words, delay=20)
    page.locator(result).first.wait_for(timeout=timeout)
    return str(page.locator(results).inner_text())


def search_titles(site: Path, engine: str) -> list[tuple[str, str, str]]:
    """Each entry of a built site's search index, whichever builder wrote it: (location, title, text)."""
    index = json.loads((site / SEARCH_INDEX[engine]).read_text(encoding="utf-8"))
    entries = index["docs"] if engine == "mkdocs" else index["items"]
    return [(entry["location"], entry["title"], entry["text"]) for entry in entries]


@pytest.fixture(scope="session", params=BUILDERS)
def engine(request: pytest.FixtureRequest) -> str:
    """The builder of the sites a test reads: each test that asks for it runs with each."""
    return str(request.param)


@pytest.fixture(scope="session")
def _sites() -> dict[tuple[str, str], Path]:
    """The session's built sites, by (content, builder): each built once, whatever the test order."""
    return {}


def session_site(sites: dict[tuple[str, str], Path], factory: pytest.TempPathFactory, name: str, engine: str) -> Path:
    content = {"shipped": ROOT / "content", "mini": MINI}[name]
    if (name, engine) not in sites:
        sites[name, engine] = build_site(factory.mktemp(f"{name}-{engine}"), content, "--strict", engine=engine)
    return sites[name, engine]


# One build of each for the whole session, by each builder: tests only read them.
@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory, _sites: dict[tuple[str, str], Path], engine: str) -> Path:
    """The shipped guide, built strictly once for every test that only reads it."""
    return session_site(_sites, tmp_path_factory, "shipped", engine)


@pytest.fixture(scope="session")
def shipped_url(shipped_site: Path) -> Iterator[str]:
    with serve(shipped_site) as url:
        yield url


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory, _sites: dict[tuple[str, str], Path], engine: str) -> Path:
    return session_site(_sites, tmp_path_factory, "mini", engine)


@pytest.fixture(scope="session")
def mini_url(mini_site: Path) -> Iterator[str]:
    with serve(mini_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Debian's Chromium driven by Playwright. Skips when it is missing, unless
    LEAP_REQUIRE_BROWSER=1 (CI sets it), where a missing browser is a failure."""
    if not CHROMIUM.exists():
        if os.environ.get("LEAP_REQUIRE_BROWSER") == "1":
            pytest.fail("LEAP_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing: apt-get install chromium")
        pytest.skip("Chromium not installed (apt-get install chromium); browser tests skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass(frozen=True)
class Wrote:
    pages: dict[str, str]
    report: WriteReport


def write_docs_of(content: Path, docs: Path) -> Wrote:
    """What a build writes into ``docs``: the engine's pages for ``content``, generated and written."""
    generated = generate(Settings(root=docs.parent, content_dir=content, docs_dir=docs))
    return Wrote(generated.pages, write_docs(generated, docs))


def save_two_results(page: Any, trait: str, first: int, then: int, dated: str, language: str = "en") -> None:
    """On the self-assessment page (in ``language``): rate ``trait`` ``first`` and save the
    results, date them back to ``dated``, then rate it ``then`` and save again (two points on the chart)."""
    from generator.locale import translations

    save = page.get_by_role("button", name=translations(language).gettext("Save today's results to compare later"))
    page.check(f'input[name="rating:{trait}"][value="{first}"]')
    save.click()
    page.evaluate(
        "(day) => { const s = window.leapStore.get(); s.record.assessments[0].date = day; s.write(); }", dated
    )
    page.reload()
    page.check(f'input[name="rating:{trait}"][value="{then}"]')
    save.click()
