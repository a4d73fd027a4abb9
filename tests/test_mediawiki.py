"""`leap export wiki --flavor mediawiki`, imported into a real MediaWiki (Debian's, on SQLite, served
by PHP's built-in server) with its own importer, and read back through api.php and the pages.

The content is the mini fixture with hostile text in one item and in a page written by hand in
docs/: raw HTML, scripts, template calls, links to special pages, magic words, signatures and
table syntax, which must all show as text and run nothing.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.content.check import check
from generator.wiki import wikitext
from generator.wiki.mediawiki import title_of
from generator.wiki.names import mediawiki_title
from tests import wikiengine
from tests.conftest import MINI, ROOT, make_project, run_leap
from tests.wikiengine import Wiki, import_dump, mediawiki

pytestmark = pytest.mark.slow

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "{{Template call}}",
    "{{subst:PAGENAME}}",
    "[[Special:UserLogout]]",
    "[[Category:Hacked]]",
    "__NOTOC__",
    "__NOINDEX__",
    "~~~~",
    "{| class=x",
    "<nowiki>",
    "</nowiki>",
    "<!-- hidden -->",
    "''not italic''",
    "&amp;",
    "[http://evil.example bracketed]",
]
BODY = "\n\n".join(
    [
        "Intro with *emphasis*, **strong** and a [good link](https://example.org/page).",
        *(f"Line {n}: {text}".replace("_", "\\_") for n, text in enumerate(HOSTILE)),
        "A [script link](javascript:alert(3)) and ![an image](https://evil.example/x.png).",
        "<div onclick=alert(4)>raw block</div>",
        "\\----",
        "## A heading == with equals ==",
    ]
)
SUMMARY = "Say {{PAGENAME}} [[Special:Random]] __NOTOC__ ~~~~ <b>where</b> you go."
PROMPT = "Is it || written !! down <span>{{x}}</span>?"
HAND = r"""---
title: Team notes
---

\#REDIRECT [[Main Page]]

Our own page, back to [the traits](traits/index.md) and [clarity](traits/clarity.md).
{{Template call}} \_\_NOTOC\_\_ [[Special:Random]] <script>alert(5)</script> ~~~~

- a list item with {{{1}}}
"""


SAFE_ELEMENTS = {
    "div",
    "p",
    "b",
    "i",
    "a",
    "h2",
    "h3",
    "span",
    "ul",
    "ol",
    "li",
    "table",
    "tbody",
    "tr",
    "th",
    "td",
    "blockquote",
    "pre",
    "code",
    "hr",
    "input",
    "label",
    "dl",
    "dd",
    "br",
}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.found


def elements(html: str) -> set[str]:
    return {tag for tag, _ in tags(html)}


def hostile_project(where: Path) -> Path:
    config = make_project(where, MINI)
    item = where / "content" / "traits" / "clarity.yaml"
    text = item.read_text(encoding="utf-8").replace("title: Clarity", 'title: Clarity\'s "edge"')
    text = text.replace("summary: Say where you are going.", f"summary: '{SUMMARY}'")
    text = text.replace(
        "body: Clear leaders say where the team is going, and why.",
        "body: |\n" + "".join(f"  {line}\n" for line in BODY.splitlines()),
    )
    text = text.replace("  - Is it written down?", f"  - '{PROMPT}'")
    item.write_text(text, encoding="utf-8")
    (where / "docs" / "notes.md").write_text(HAND, encoding="utf-8")
    return config


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Wiki, Path]]:
    where = tmp_path_factory.mktemp("mediawiki")
    config = hostile_project(where / "project")
    result = run_leap(
        "export", "wiki", "--flavor", "mediawiki", "--out", "wiki", "-f", str(config), cwd=where / "project"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    export = where / "project" / "wiki"
    with mediawiki(where / "engine") as wiki:
        import_dump(wiki, export / "import.xml")
        yield wiki, export


def exported_titles(export: Path) -> set[str]:
    return {title_of(p.name) for p in export.glob("*.wiki")}


def test_every_page_and_category_is_in_the_wiki(imported: tuple[Wiki, Path]) -> None:
    wiki, export = imported
    titles = exported_titles(export)
    assert "Team notes" in titles and 'Clarity\'s "edge"' in titles and "Mini Guide" in titles
    assert titles <= set(wiki.titles(0))
    categories = {f"Category:{p.name.removesuffix('.wiki')}" for p in (export / "Category").glob("*.wiki")}
    assert {"Category:Traits", "Category:Worksheets", "Category:Strategy"} <= categories
    assert categories == set(wiki.titles(14))
    members = wiki.api(action="query", list="categorymembers", cmtitle="Category:Traits")["query"]["categorymembers"]
    assert {m["title"] for m in members} == {'Clarity\'s "edge"', "Courage & nerve"}


def test_no_link_is_red(imported: tuple[Wiki, Path]) -> None:
    wiki, export = imported
    assert wiki.red_links() == {}
    for title in sorted(exported_titles(export)):
        page = wiki.parse(title)
        assert [link["title"] for link in page["links"] if not link["exists"]] == [], title
        assert [c["category"] for c in page["categories"] if c.get("missing")] == [], title
        assert 'class="new"' not in page["text"], title
        content = wiki.view(title).split('id="mw-content-text"', 1)[1]
        assert 'class="new"' not in content, title  # as a reader sees it, category links included


def test_every_item_page_links_to_its_related_items(imported: tuple[Wiki, Path]) -> None:
    wiki, export = imported
    checked = check(export.parent / "content")
    for item in checked.content.items:
        links = {link["title"] for link in wiki.parse(mediawiki_title(item.title))["links"]}
        related = {mediawiki_title(other.title) for group in checked.graph.related(item) for other in group.items}
        assert related and related <= links, item.id
        assert mediawiki_title(f"Worksheet {item.title}") in links


def test_a_worksheet_renders_its_prompts_and_room_to_write(imported: tuple[Wiki, Path]) -> None:
    wiki, _ = imported
    html = wiki.parse("Worksheet Hiding")["text"]
    rows = re.findall(r"<tr style=\"height:6em; vertical-align:top\">(.*?)</tr>", html, re.DOTALL)
    prompts = ["Who sees your work?", "Who should?", "How will they?"]
    assert len(rows) == len(prompts) + 1  # one row per prompt, and the action's
    for row, prompt in zip(rows, prompts):
        cells = re.findall(r"<td>(.*?)</td>", row, re.DOTALL)
        assert [unescape(cell.strip()) for cell in cells] == [str(prompts.index(prompt) + 1), prompt, ""]
    assert "Name:" in html and "______" in html
    assert [c["category"] for c in wiki.parse("Worksheet Hiding")["categories"]] == ["Worksheets"]


SHOWN = {
    'Clarity\'s "edge"': [
        SUMMARY,
        *HOSTILE,
        "<div onclick=alert(4)>raw block</div>",
        "----",
        "A heading == with equals ==",
    ],
    'Worksheet Clarity\'s "edge"': [SUMMARY, PROMPT],
    "Team notes": [
        "#REDIRECT [[Main Page]]",
        "{{Template call}} __NOTOC__ [[Special:Random]] <script>alert(5)</script> ~~~~",
        "{{{1}}}",
    ],
}


@pytest.mark.parametrize("title", sorted(SHOWN))
def test_hostile_content_shows_as_text_and_runs_nothing(imported: tuple[Wiki, Path], title: str) -> None:
    wiki, _ = imported
    page = wiki.parse(title)
    html = page["text"]
    assert elements(html) <= SAFE_ELEMENTS
    assert not [
        (tag, name)
        for tag, attrs in tags(html)
        for name, value in attrs
        if name.startswith("on") or "javascript" in (value or "")
    ]
    assert page["templates"] == [] and page["properties"] == {}  # no template ran, no magic word took
    assert not any(link["title"].startswith("Special:") for link in page["links"])
    assert [c["category"] for c in page["categories"]] in (["Traits", "Strategy"], ["Worksheets"], [])
    assert set(page["externallinks"]) <= {"https://example.org/page", "https://evil.example/x.png"}
    shown = " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())
    for text in SHOWN[title]:
        assert text in shown, text
    assert "&#34;" not in shown and "&quot;" not in shown and "&lt;" not in shown


def test_the_shipped_guide_imports_with_every_page_there_and_no_red_link(tmp_path: Path) -> None:
    config = make_project(tmp_path / "project", ROOT / "content")
    result = run_leap(
        "export", "wiki", "--flavor", "mediawiki", "--out", "wiki", "-f", str(config), cwd=tmp_path / "project"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    export = tmp_path / "project" / "wiki"
    with mediawiki(tmp_path / "engine") as wiki:
        import_dump(wiki, export / "import.xml")
        assert exported_titles(export) <= set(wiki.titles(0))
        assert wiki.red_links() == {}


def test_a_missing_wiki_engine_skips_or_fails_when_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wikiengine, "_installed", lambda what: False)
    calls: list[object] = []
    monkeypatch.setattr(wikiengine.subprocess, "run", lambda *a, **k: calls.append(a))  # installs nothing
    monkeypatch.delenv("LEAP_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"mediawiki is not installed \(apt-get install mediawiki"):
        wikiengine.require("mediawiki")
    monkeypatch.setenv("LEAP_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="LEAP_REQUIRE_BROWSER=1 but cmark-gfm is not installed"):
        wikiengine.require("cmark-gfm")
    assert calls == []


def random_texts(count: int) -> list[str]:
    """Texts made mostly of what wikitext reads as markup, the same on every run."""
    pick = random.Random(16)
    alphabet = list("ab1 -*_#:;=[]{}|!<>&'~/") + [
        "__NOTOC__",
        "~~~~",
        "{{",
        "[[",
        "&amp;",
        "http://x.y",
        "----",
        "<nowiki>",
        "</nowiki>",
        "<!--",
        "é",
        "{|",
        "-{",
        "ISBN 1",
    ]
    texts = ("".join(pick.choice(alphabet) for _ in range(pick.randint(1, 25))) for _ in range(count))
    return [text for text in (" ".join(t.split()) for t in texts) if text]


def test_any_plain_text_escaped_for_wikitext_reads_as_written(imported: tuple[Wiki, Path]) -> None:
    """In MediaWiki itself: each text as a paragraph, and as a table cell, shows exactly as written."""
    wiki, _ = imported
    texts = random_texts(400)
    source = "\n\n".join(wikitext.text(text) for text in texts)
    source += '\n\n{| class="wikitable"\n' + "".join(f"|-\n| {wikitext.text(text)}\n" for text in texts) + "|}\n"
    html = wiki.api(
        post=True,
        action="parse",
        text=source,
        contentmodel="wikitext",
        title="Escaping test",
        prop="text|templates|links|properties",
        disablelimitreport="1",
    )["parse"]
    assert html["templates"] == [] and html["links"] == [] and html["properties"] == {}

    def shown(part: str) -> str:
        return " ".join(unescape(re.sub(r"<[^>]+>", "", part)).split())

    paragraphs = [shown(p) for p in re.findall(r"<p>(.*?)</p>", html["text"], re.DOTALL)]
    cells = [shown(c) for c in re.findall(r"<td>(.*?)</td>", html["text"], re.DOTALL)]
    assert paragraphs == texts
    assert cells == texts
