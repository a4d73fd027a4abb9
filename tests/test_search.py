"""Search finds word forms: a base form finds the pages that use only its inflections ("delegate"
finds the pages on delegating and on successors), over HTTP and from a file (`leap build --offline`).

MkDocs with Material only: Zensical's search takes no setting but its separator and indexes a fixed
set of fields (title, text, path, tags) with no stemmer, so it cannot be given word forms without
putting them in the text it shows (README, "Building with Zensical")."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.site.search import FIELD, add_forms, stemmer
from tests.conftest import ROOT, make_project, run_leap, serve, session_site

# Pages that say "delegating" (or "delegation") and never "delegate" in the section a search finds.
FOUND_BY_DELEGATE = ("strategies/grow-a-successor/", "shifts/letting-go-and-delegating/")


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory: pytest.TempPathFactory, _sites: dict[tuple[str, str], Path]) -> Path:
    """The shipped guide built by MkDocs with Material (see above), shared with the other tests."""
    return session_site(_sites, tmp_path_factory, "shipped", "mkdocs")


@pytest.fixture(scope="module")
def mkdocs_url(mkdocs_site: Path) -> Iterator[str]:
    with serve(mkdocs_site) as url:
        yield url


def test_each_entry_gets_the_other_forms_the_site_uses() -> None:
    entries = [
        {"location": "a/", "title": "Delegating real work", "text": "<p>Hand it over.</p>"},
        {"location": "b/", "title": "When to delegate", "text": "<p>Delegation &amp; trust, delegates.</p>"},
        {"location": "c/", "title": "Budgets", "text": "<p>Money.</p>"},
    ]
    assert add_forms(entries, "en")
    forms = {entry["location"]: entry.get(FIELD, "").split() for entry in entries}
    # "delegate" is left out of a/: "delegates" starts with it, and a search for it finds both.
    assert forms["a/"] == ["delegates", "delegation"]
    assert forms["b/"] == ["delegating"]  # b/ says "delegate" and "delegates" itself
    assert forms["c/"] == []
    assert add_forms(entries, "en") and entries[0][FIELD] == "delegates delegation"  # again: the same


def test_a_language_without_a_stemmer_adds_nothing() -> None:
    entries = [{"location": "a/", "title": "Delegating", "text": "delegate"}]
    assert stemmer("en-GB") is not None and stemmer("pt-BR") is not None
    assert not add_forms(entries, "zh") and FIELD not in entries[0]


def test_the_built_index_holds_the_forms_with_a_field_of_their_own(mkdocs_site: Path) -> None:
    import json

    index = json.loads((mkdocs_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["fields"][FIELD] == {"boost": 0.5}
    assert index["config"]["pipeline"] == ["stopWordFilter"]  # no stemmer: it would break as-you-type search
    by_page = {doc["location"]: doc for doc in index["docs"]}
    assert "delegated" in by_page["strategies/grow-a-successor/"][FIELD].split()  # and "delegate" begins it


def search(page: Any, url: str, query: str, start: str = "") -> set[str]:
    """The pages a reader finds by typing ``query`` into the search box of ``url + start``, as
    addresses under ``url``."""
    page.goto(url + start)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type(query, delay=20)
    page.locator(".md-search-result__item a").first.wait_for(timeout=15_000)
    counts = [-2, -1]
    while counts[-1] != counts[-2]:  # more show as the list scrolls
        page.locator(".md-search__scrollwrap").evaluate("box => { box.scrollTop = box.scrollHeight; }")
        page.mouse.wheel(0, 3000)
        page.wait_for_timeout(500)
        counts.append(page.locator(".md-search-result__item").count())
    links = page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")
    return {link.split("?")[0].split("#")[0].removeprefix(url) for link in links}


def check_forms(page: Any, url: str, path: Callable[[str], str], start: str = "") -> None:
    found = search(page, url, "delegate", start)
    assert {path(p) for p in FOUND_BY_DELEGATE} <= found, found
    assert {path(p) for p in FOUND_BY_DELEGATE} <= search(page, url, "delegating", start)
    # And the other way: an inflection finds a page that has only the base form.
    assert path("strategies/uncover-hidden-commitments/") in search(page, url, "delegating", start)


@pytest.mark.browser
def test_a_base_form_finds_the_pages_with_its_inflections_over_http(browser, mkdocs_url: str) -> None:  # type: ignore[no-untyped-def]
    check_forms(browser.new_page(), mkdocs_url, lambda path: path)


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("offline-search")
    config = make_project(where, ROOT / "content")
    result = run_leap("build", "--offline", "-f", str(config), cwd=where)
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(where / "site-offline.zip") as archive:
        archive.extractall(where / "unzipped")
    return where / "unzipped" / "site-offline"


@pytest.mark.browser
@pytest.mark.slow
def test_a_base_form_finds_the_pages_with_its_inflections_from_a_file(browser, offline: Path) -> None:  # type: ignore[no-untyped-def]
    root = offline.as_uri() + "/"
    check_forms(browser.new_page(), root, lambda path: path.rstrip("/") + ".html", "index.html")
