"""What a reader sees in Chromium: search finds pages, links lead from a barrier to its strategies."""

from __future__ import annotations

import pytest

from tests.conftest import search

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
