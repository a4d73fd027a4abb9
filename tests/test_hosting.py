"""Hosting it anywhere: nothing leaves the machine, sub-path, file:// offline zip, data files."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import zipfile
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import pytest

from generator.content.check import check
from tests.conftest import OFFLINE_SEARCH, ROOT, folder_of, make_project, run_leap, search, serve
from tests.test_site import _Links, build_site, relative_links

CONTENT = check(ROOT / "content")
FIRST_PROMPT = CONTENT.content.by_id["vision"].fields["prompts"][0].id


@pytest.fixture
def site(shipped_site: Path) -> Path:
    return shipped_site


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory, engine: str) -> tuple[Path, str]:
    """The offline zip, built by `leap build --offline` and unpacked elsewhere, as a user would;
    and the builder that built it."""
    where = tmp_path_factory.mktemp(f"offline-{engine}")
    config = make_project(where, ROOT / "content")
    result = run_leap("build", "--offline", "-f", str(config), "--engine", engine, cwd=where)
    assert result.returncode == 0, result.stdout + result.stderr
    unpacked = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(where / "site-offline.zip") as archive:
        archive.extractall(unpacked)
    return unpacked / "site-offline", engine


# --- data files ---------------------------------------------------------------------------------


def test_data_files_hold_the_model_and_every_relation(site: Path) -> None:
    model = json.loads((site / "data" / "guide.json").read_text(encoding="utf-8"))
    assert model["guide"]["title"] == CONTENT.content.guide.title
    for kind in CONTENT.content.framework.kinds:
        assert [item["id"] for item in model[kind.folder]] == [i.id for i in CONTENT.content.of_kind(kind.id)]
    vision = next(item for item in model["traits"] if item["id"] == "vision")
    assert vision["anchors"]["high"] and vision["practices"] and vision["prompts"]
    rows = list(csv.DictReader(io.StringIO((site / "data" / "relations.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(CONTENT.graph.edges) == len(model["relations"])
    by_id = CONTENT.content.by_id
    for row, edge in zip(rows, CONTENT.graph.edges):
        assert (row["source_id"], row["relation"], row["target_id"]) == (edge.source, edge.relation, edge.target)
        assert row["source_title"] == by_id[edge.source].title and row["target_kind"] == by_id[edge.target].kind
    matrix = (site / "matrix" / "index.html").read_text(encoding="utf-8")
    for name in ("relations.csv", "items.csv", "guide.json"):
        assert f'href="../data/{name}"' in matrix


# --- sub-path -----------------------------------------------------------------------------------


def crawl(start: list[str], inside: str) -> tuple[set[str], list[str]]:
    """Follow every link and asset from ``start`` that stays under ``inside``. Returns the pages
    and assets fetched, and each broken one with the page that links to it."""
    seen, broken = set(start), []
    queue = deque((url, "(start)") for url in start)
    while queue:
        url, source = queue.popleft()
        try:
            with urlopen(url) as response:
                body, kind = response.read(), response.headers.get_content_type()
        except HTTPError as err:
            if url not in start:
                broken.append(f"{source} -> {url} ({err.code})")
            body, kind = err.read(), err.headers.get_content_type()
        if kind != "text/html":
            continue
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        for link in parser.links:
            target = urldefrag(urljoin(url, link)).url
            if urlsplit(target).scheme not in ("http", "https") or not target.startswith(inside.split("/lead")[0]):
                continue
            if target not in seen:
                seen.add(target)
                queue.append((target, url))
    return seen, broken


@pytest.mark.slow
def test_under_a_sub_path_every_link_and_asset_works_404_page_included(tmp_path: Path, engine: str) -> None:
    site = build_site(
        tmp_path, ROOT / "content", "--site-url", "https://intranet.example.com/leadership/", engine=engine
    )
    with serve(site, prefix="/leadership/") as base:
        missing = base + "no/such/page/"
        seen, broken = crawl([base, missing], base)
    assert broken == []
    pages = {url for url in seen if url.endswith("/")}
    assert len(pages) >= len(CONTENT.content.items) * 2  # every item page and worksheet was reached
    assert all(url.startswith(base) for url in seen), sorted(u for u in seen if not u.startswith(base))[:5]


@pytest.mark.parametrize(
    "url",
    [
        "intranet/leadership",
        'https://x.example/x"><svg/onload=alert(1)>',
        "https://x.example/a b/",
        "javascript://x.example/%0aalert(1)",
        "https://x.example/guide/?q=<b>",
        "https://x.example/<script>/",
    ],
)
def test_site_url_must_be_a_plain_address(tmp_path: Path, url: str) -> None:
    config = make_project(tmp_path, ROOT / "tests" / "fixtures" / "mini")
    result = run_leap("build", "-f", str(config), "--site-url", url, cwd=tmp_path)
    assert result.returncode == 1
    assert "--site-url must be a full http(s) address" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


# --- offline ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_offline_zip_is_a_whole_site_linked_by_file(offline: tuple[Path, str]) -> None:
    offline, engine = offline
    assert (offline / "index.html").is_file() and (offline / OFFLINE_SEARCH[engine]).is_file()
    assert (offline / "assets" / "leap" / "vendor" / "iframe-worker" / "shim.js").is_file()
    # file:// has no directory index pages: every link must name a file.
    broken = [
        f"{page.relative_to(offline)} -> {link}"
        for page, link, target in relative_links(offline)
        if not target.is_file()
    ]
    assert broken == []


# --- in the browser: nothing leaves the machine -------------------------------------------------


def use_the_guide(page: Any, url_of: Callable[[str], str], engine: str) -> None:
    """What a reader does: open pages, search, fill in a worksheet, take the self-assessment."""
    page.goto(url_of("index"))
    for item in CONTENT.content.items[::6]:
        page.goto(url_of(f"{folder_of(item, CONTENT.content)}/{item.id}"))
        assert page.locator("h1").inner_text().startswith(item.title[:20])
    page.goto(url_of("index"))
    assert "successor" in search(page, engine, "succession", timeout=15_000).lower()
    page.goto(url_of("worksheets/traits/vision"))
    first = f'textarea[name="{FIRST_PROMPT}"]'
    page.fill(first, "My answer, kept on this machine.")
    page.reload()
    assert page.input_value(first) == "My answer, kept on this machine."
    guide = CONTENT.content.guide
    for language in guide.translations:  # the same page in each language, with the same answers
        switch_language(page, language)
        assert page.url == url_of(f"{language}/worksheets/traits/vision")
        assert page.evaluate("document.documentElement.lang") == language
        assert page.input_value(first) == "My answer, kept on this machine."
        switch_language(page, guide.language or "en")
        assert page.url == url_of("worksheets/traits/vision")
    page.goto(url_of("assessment"))
    for trait in CONTENT.content.of_kind("trait"):
        page.check(f'input[name="rating:{trait.id}"][value="2"]')
    assert page.locator("#leap-result-tick > li").count() > 0
    with page.expect_navigation():
        page.locator("#leap-result-recommend a").first.click()
    assert page.locator("h1").inner_text().rstrip("¶") in {s.title for s in CONTENT.content.of_kind("strategy")}


def switch_language(page: Any, language: str) -> None:
    """Choose a language in the theme's language selector (a menu that opens on hover)."""
    with page.expect_navigation():
        page.evaluate("(lang) => document.querySelector(`a.md-select__link[hreflang='${lang}']`).click()", language)


def record_requests(browser: Any) -> tuple[Any, list[str], list[str]]:
    context = browser.new_context()
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on(
        "console",
        lambda msg: errors.append(f"{msg.text} ({msg.location.get('url', '')})") if msg.type == "error" else None,
    )
    page.on("pageerror", lambda err: errors.append(str(err)))
    return page, requests, errors


@pytest.mark.browser
def test_served_over_http_nothing_leaves_the_machine(browser, site: Path, engine: str) -> None:  # type: ignore[no-untyped-def]
    page, requests, errors = record_requests(browser)
    with serve(site) as base:
        use_the_guide(page, lambda path: base + ("" if path == "index" else path + "/"), engine)
        page.context.close()
    assert len(requests) > 20
    assert [url for url in requests if not url.startswith(base) and not url.startswith(("data:", "blob:"))] == []
    assert errors == []


@pytest.mark.browser
def test_the_offline_zip_works_from_file_with_search(browser, offline: tuple[Path, str]) -> None:  # type: ignore[no-untyped-def]
    page, requests, errors = record_requests(browser)
    root = offline[0].as_uri() + "/"
    use_the_guide(page, lambda path: root + path + ".html", offline[1])
    page.context.close()
    assert len(requests) > 20
    assert [url for url in requests if not url.startswith(("file://", "data:", "blob:", "about:"))] == []
    # The theme reads each language's sitemap.xml to find the same page in the other language, which
    # a browser refuses from a file (and logs); languages.js finds it instead (README, Languages).
    assert [error for error in errors if "sitemap.xml" not in error] == []


# --- Zensical, Material for MkDocs' successor ---------------------------------------------------


@pytest.mark.slow
def test_zensical_builds_the_generated_docs_with_every_item_page(tmp_path: Path) -> None:
    """Zensical reads mkdocs.yml but runs no MkDocs hooks: `leap build` generates docs/ first.
    (MkDocs, then plain `zensical build`: the docs/ a MkDocs build leaves, for tools that run no
    plugins; `leap build --engine zensical` is tested with every other test of a built site.)"""
    build_site(tmp_path, ROOT / "content")
    shutil.rmtree(tmp_path / "site")
    result = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "-f", "mkdocs.yml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    for item in CONTENT.content.items:
        page = site / folder_of(item, CONTENT.content) / item.id / "index.html"
        assert page.is_file(), page
        assert item.title.replace("&", "&amp;") in page.read_text(encoding="utf-8")
        assert (site / "worksheets" / folder_of(item, CONTENT.content) / item.id / "index.html").is_file()
    index = json.loads((site / "search.json").read_text(encoding="utf-8"))
    assert {i.title for i in CONTENT.content.items} <= {entry["title"] for entry in index["items"]}
