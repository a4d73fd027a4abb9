"""What the rendered pages say, checked on the mini fixture without building a site: links in an
item's Markdown wherever it is shown, sources with formatting, the paper checklist in the reader's
own words."""

from __future__ import annotations

import re
from pathlib import Path

from generator.content.check import check
from generator.pages.render import render_pages
from generator.wiki.export import wiki_pages
from generator.wiki.markup import site_address
from tests.conftest import MINI

CHECKED = check(MINI, strict=True)
PAGES = render_pages(CHECKED.content, CHECKED.graph)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def links_on(page: str) -> set[str]:
    """Where each relative link on a rendered page goes, as a path under docs/."""
    found = set()
    for href in LINK.findall(PAGES[page]):
        target = site_address(page, href)
        if target:
            found.add(target)
    return found


def test_an_items_links_go_to_the_same_page_from_its_page_and_its_worksheet() -> None:
    assert "strategies/show-up.md" in links_on("barriers/hiding.md")
    assert "strategies/show-up.md" in links_on("worksheets/barriers/hiding.md")
    assert "worksheets/strategies/show-up.md" not in links_on("worksheets/barriers/hiding.md")
    assert "](../../strategies/show-up.md#reflect)" in PAGES["worksheets/barriers/hiding.md"]


def test_an_items_links_go_to_the_same_page_in_every_wiki(tmp_path: Path) -> None:
    gitlab = wiki_pages(CHECKED.graph, "gitlab")
    assert "[Show up](../../strategies/show-up)" in gitlab["worksheets/barriers/hiding.md"]
    mediawiki = wiki_pages(CHECKED.graph, "mediawiki")
    assert "[[Show up]]" in mediawiki["Worksheet Hiding.wiki"]
    github = wiki_pages(CHECKED.graph, "github")
    assert "[Show up](Show-up)" in github["Worksheet-Hiding.md"]


def test_sources_keep_their_formatting() -> None:
    assert "- *A Made-up Book* (2024), a made-up source." in PAGES["index.md"]
    assert "''A Made-up Book'' (2024)" in wiki_pages(CHECKED.graph, "mediawiki")["Mini Guide.wiki"]


def test_the_checklist_that_shares_the_assessment_asks_in_the_readers_words() -> None:
    """Each row of the barrier checklist is the statement the self-assessment ticks, the item's
    title beneath it; the answers keep their names, so ticks saved before stay ticked."""
    sheet = PAGES["worksheets/barrier-diagnostic.md"]
    assert '<th scope="row">Nobody senior sees what I do.<br><small>Hiding</small></th>' in sheet
    assert 'name="tick:hiding"' in sheet
    wiki = wiki_pages(CHECKED.graph, "gitlab")["worksheets/barrier-diagnostic.md"]
    assert "| Nobody senior sees what I do. ([Hiding](../barriers/hiding)) | ☐ |" in wiki


def test_relative_links_are_left_alone_on_the_page_they_were_written_for() -> None:
    assert "](../strategies/show-up.md#reflect)" in PAGES["barriers/hiding.md"]
