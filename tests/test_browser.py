"""What a reader sees in Chromium: search finds pages, links lead from a barrier to its strategies;
under `leap serve`, an edit to the content shows in the browser."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MINI, leap_serve, make_project, search

pytestmark = pytest.mark.browser


@pytest.fixture
def site_url(shipped_url: str) -> str:
    return shipped_url


def test_search_finds_a_barrier_and_its_page_links_to_strategies(browser, site_url: str, engine: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(site_url)
    assert "successor" in search(page, engine, "succession", timeout=10_000).lower()
    page.goto(site_url + "barriers/no-succession-plan/")
    page.get_by_role("link", name="Grow a successor by delegating real work").first.click()
    assert page.url.endswith("/strategies/grow-a-successor/")
    assert page.locator("h1").inner_text().startswith("Grow a successor by delegating real work")
    assert errors == []
    page.close()


def test_leap_serve_shows_an_edit_to_the_content_in_the_browser(browser, tmp_path: Path, engine: str) -> None:  # type: ignore[no-untyped-def]
    make_project(tmp_path, MINI)
    with leap_serve(tmp_path, engine) as url:
        page = browser.new_page()
        page.goto(url + "traits/clarity/")
        source = tmp_path / "content" / "traits" / "clarity.yaml"
        source.write_text(source.read_text(encoding="utf-8").replace("body: ", "body: Edited while served. ", 1))
        page.wait_for_function(
            "words => document.querySelector('article').textContent.includes(words)",
            arg="Edited while served.",
            timeout=60_000,
        )
        page.close()
