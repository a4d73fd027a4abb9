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
SECTION = "Barriers <img src=x onerror=alert(18)>"
BODY = """Intro with *emphasis* that stays.

<img src=x onerror=alert(2)>

<div><script>alert(4)</script></div>

A [bad link](javascript:alert(3)) and a [tabbed one]( java\tscript:alert(7)) and a [good one](https://example.org).

![tracker](https://evil.example/x.png)

[attr](https://example.org){: onclick="alert(5)" }

Jinja stays text: {{ 7*7 }} and {% raw %}.

Five link shapes: [newline](
javascript:alert(11)) and [ref][nl]

[nl]:
  javascript:alert(12)

> [quoted](javascript:alert(13))

- [listed](javascript:alert(14))

!!! note
    [admonished](javascript:alert(15))

---

title: front-matter breaker
"""


def hostile(content: Path) -> None:
    path = content / "traits" / "clarity.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: Clarity", "title: '" + TITLE.replace("'", "''") + "'")
    text = text.replace(
        "body: Clear leaders say where the team is going, and why.",
        "body: |\n" + "".join("  " + line + "\n" for line in BODY.splitlines()),
    )
    text = text.replace(
        "try_this: Write one page.",
        "try_this: |\n  Follow [this][r] or <a href='javascript:alert(6)'>that</a>.\n\n  [r]: javascript:alert(6)",
    )
    text = text.replace("  - Is it written down?", '  - "[x](javascript:alert(8)) <b onmouseover=alert(9)>hi</b>"')
    path.write_text(text, encoding="utf-8")
    strategy = content / "strategies" / "show-up.yaml"  # its action is copied into the assessment's plan
    text = strategy.read_text(encoding="utf-8")
    text = re.sub(
        r"try_this: .*", "try_this: |\n  Do [it](\n  javascript:alert(16)) <img src=x onerror=alert(17)>", text
    )
    strategy.write_text(text, encoding="utf-8")
    framework = content / "framework.yaml"  # a heading of a relation, and a section's name
    text = framework.read_text(encoding="utf-8").replace(
        "inverse: Barriers that hold it back", "inverse: '" + SECTION + " that hold it back'"
    )
    text = text.replace("  - id: barrier\n", "  - id: barrier\n    title: '" + SECTION + "'\n", 1)
    framework.write_text(text, encoding="utf-8")


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
def test_no_dialog_fires_on_load_or_click_and_the_title_reads_literally(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    dialogs: list[str] = []
    with serve(site) as url:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        # On the assessment, tick the barrier so the plan (which copies the actions) shows.
        page.goto(url + "assessment/")
        page.locator("input[name='tick:hiding']").check()
        for path in (
            "traits/clarity/",
            "worksheets/traits/clarity/",
            "strategies/show-up/",
            "barriers/hiding/",
            "assessment/",
            "traits/",
            "barriers/",
            "matrix/",
        ):
            page.goto(url + path)
            page.wait_for_load_state("load")
            count = page.locator("article a").count()
            for index in range(count):
                link = page.locator("article a").nth(index)
                if link.get_attribute("href") is None and link.is_visible():
                    link.click(timeout=2_000)  # the links whose address was removed: nothing may run
                elif link.is_visible():
                    link.hover()
        page.goto(url + "traits/clarity/")
        assert page.locator("h1").inner_text().rstrip("¶") == TITLE
        assert page.title().startswith(TITLE)
        assert SECTION + " that hold it back" in page.locator("article").inner_text()  # the section's name, as text
    assert dialogs == []
