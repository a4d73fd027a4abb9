"""What a reader sees in Chromium: search finds pages, links lead from a barrier to its strategies."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def site_url(shipped_url: str) -> str:
    return shipped_url


def test_search_finds_a_barrier_and_its_page_links_to_strategies(browser, site_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type("succession", delay=20)
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=10_000)
    assert "successor" in page.locator(".md-search-result").inner_text().lower()
    page.goto(site_url + "barriers/no-succession-plan/")
    page.get_by_role("link", name="Grow a successor by delegating real work").first.click()
    assert page.url.endswith("/strategies/grow-a-successor/")
    assert page.locator("h1").inner_text().startswith("Grow a successor by delegating real work")
    assert errors == []
    page.close()
