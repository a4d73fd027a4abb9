"""Hostile content shows as literal text: nothing from content runs or is interpreted as HTML."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import serve
from tests.test_site import build_site

TITLE = '<script>alert("title")</script> & "quotes"'
BODY = """Intro with *emphasis* that stays.

<img src=x onerror=alert(2)>

<div><script>alert(4)</script></div>

A [bad link](javascript:alert(3)) and a [tabbed one]( java\tscript:alert(7)) and a [good one](https://example.org).

![tracker](https://evil.example/x.png)

[attr](https://example.org){: onclick="alert(5)" }

Jinja stays text: {{ 7*7 }} and {% raw %}.

---

title: front-matter breaker
"""


def hostile(content: Path) -> None:
    path = content / "traits" / "clarity.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: Clarity", "title: '" + TITLE.replace("'", "''") + "'")
    text = text.replace("body: Clear leaders say where the team is going, and why.",
                        "body: |\n" + "".join("  " + line + "\n" for line in BODY.splitlines()))
    text = text.replace("try_this: Write one page.",
                        "try_this: |\n  Follow [this][r] or <a href='javascript:alert(6)'>that</a>.\n\n"
                        "  [r]: javascript:alert(6)")
    text = text.replace("  - Is it written down?", "  - \"[x](javascript:alert(8)) <b onmouseover=alert(9)>hi</b>\"")
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from tests.conftest import MINI
    where = tmp_path_factory.mktemp("hostile")
    shutil.copytree(MINI, where / "src")
    hostile(where / "src")
    return build_site(where / "project", where / "src")


class _Tags(HTMLParser):
    """Every element and attribute the browser would build from a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str, str]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # Only a script the browser runs: not the JSON data block of the assessment page.
        self._in_script = tag == "script" and dict(attrs).get("type") in (None, "text/javascript", "module")
        self.found += [(tag, name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def test_no_script_handler_or_unsafe_url_reaches_any_page(site: Path) -> None:
    for page in site.rglob("*.html"):
        tags = _Tags()
        tags.feed(page.read_text(encoding="utf-8"))
        assert [a for a in tags.found if a[1].startswith("on")] == [], page
        urls = [a for a in tags.found if a[1] in ("href", "src", "action", "formaction")]
        assert [u for u in urls if re.sub(r"\s", "", u[2]).lower().startswith("javascript:")] == [], page
        assert [u for u in urls if u[1] != "href" and "evil.example" in u[2]] == [], page  # images load nothing
        assert not any("alert(" in script for script in tags.scripts), page


def test_content_shows_as_written(site: Path) -> None:
    html = (site / "traits" / "clarity" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in html
    assert "Jinja stays text: {{ 7*7 }}" in unescape(html)
    assert "<em>emphasis</em>" in html  # Markdown formatting is kept in Markdown fields
    assert 'href="https://example.org"' in html
    assert "[bad link](javascript:alert(3))" in unescape(html)  # an unsafe link stays visible, as text
    assert '<a href="https://evil.example/x.png">tracker</a>' in html  # an image becomes a plain link


@pytest.mark.browser
def test_no_dialog_fires_and_the_title_reads_literally(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    dialogs: list[str] = []
    with serve(site) as url:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in ("traits/clarity/", "worksheets/traits/clarity/", "assessment/", "traits/", "matrix/"):
            page.goto(url + path)
            page.wait_for_load_state("load")
            for link in page.locator("article a:visible").all()[:40]:
                link.hover()
        page.goto(url + "traits/clarity/")
        assert page.locator("h1").inner_text().rstrip("¶") == TITLE
        assert page.title().startswith(TITLE)
    assert dialogs == []
