"""Hostile content shows as literal text: nothing from content runs or is interpreted as HTML."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

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
    text = text.replace("title: Show up", "title: 'Show <img src=x onerror=alert(19)> up'")  # a matrix column's title
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
def site(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    import shutil

    from tests.conftest import MINI

    where = tmp_path_factory.mktemp(f"hostile-{engine}")
    shutil.copytree(MINI, where / "src")
    hostile(where / "src")
    return build_site(where / "project", where / "src", engine=engine)


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
        assert [a for a in tags.found if a[1] == "title" and "<" in a[2]] == [], page  # tooltips show titles as HTML
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


# --- the values the theme prints: the site's name, description, copyright -----------------------

# Long enough that the header cuts it short with an ellipsis, and the theme makes a tooltip of it.
NAME = (
    "R&D <Guide> <img src=x onerror=alert(21)> \"quoted\" 'single' </title><script>alert(22)</script>"
    " for every team in every part of the organisation"
)
TAGLINE = 'Grow <img src=x onerror=alert(23)> & " onmouseover=alert(24) x="'
DESCRIPTION = 'Read <script>alert(25)</script> & " content="x'
ORGANISATION = "Org <b onmouseover=alert(26)>bold</b> & Co"
COPYRIGHT = "© R&D <a href=javascript:alert(27)>us</a>"
# Every type of page, and the 404 page a server answers a wrong address with.
PAGE_TYPES = (
    "",
    "traits/clarity/",
    "worksheets/traits/clarity/",
    "assessment/",
    "journal/",
    "worksheets/development-plan/",
    "programme/",
    "facilitator-guide/",
    "matrix/",
    "tags/",
    "no/such/page/",
)


def build_named(where: Path, engine: str, tooltips: bool = True) -> Path:
    """The mini guide, with script in its title (the site's name), tagline and description, and in
    the organisation and copyright of mkdocs.yml, built by ``engine``; with or without the theme's
    tooltips (content.tooltips, which the shipped mkdocs.yml turns on)."""
    import shutil

    import yaml

    from tests.conftest import MINI, make_project, run_leap

    shutil.copytree(MINI, where / "src")
    guide = where / "src" / "guide.yaml"
    data = yaml.safe_load(guide.read_text(encoding="utf-8"))
    guide.write_text(
        yaml.safe_dump({**data, "title": NAME, "tagline": TAGLINE, "description": DESCRIPTION}), encoding="utf-8"
    )
    config = make_project(where / "project", where / "src")
    text = config.read_text(encoding="utf-8").replace('organisation: ""', f"organisation: {json.dumps(ORGANISATION)}")
    if not tooltips:
        assert "    - content.tooltips\n" in text
        text = text.replace("    - content.tooltips\n", "")
    config.write_text(text + f"copyright: {json.dumps(COPYRIGHT)}\n", encoding="utf-8")
    result = run_leap("build", "--strict", "--engine", engine, cwd=where / "project")
    assert result.returncode == 0, result.stdout + result.stderr
    return where / "project" / "site"


@pytest.fixture(scope="module")
def named_site(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    return build_named(tmp_path_factory.mktemp(f"named-{engine}"), engine)


def tooltip_of(page: Any, element: Any) -> str:
    """Point at an element: the text of the tooltip the theme shows for it."""
    element.hover()
    page.wait_for_function("element => element.getAttribute('aria-describedby')", arg=element.element_handle())
    return str(page.locator("#" + element.get_attribute("aria-describedby")).inner_text()).strip()


@pytest.mark.browser
def test_the_sites_name_description_organisation_and_copyright_read_as_written_on_every_page(  # type: ignore[no-untyped-def]
    browser, named_site: Path
) -> None:
    dialogs: list[str] = []
    with serve(named_site) as url:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in PAGE_TYPES:
            page.goto(url + path)
            page.wait_for_load_state("load")
            where = path or "home"
            title = page.title()
            assert title == NAME or title.endswith(" - " + NAME), (where, title)
            logo = page.locator(".md-header__button.md-logo")
            assert logo.get_attribute("aria-label") == NAME, where
            # content.tooltips: the theme shows the logo's title, and the name cut short, as HTML
            assert tooltip_of(page, logo) == NAME, where
            header_name = page.locator(".md-header__topic .md-ellipsis").first
            assert header_name.inner_text().strip() == NAME, where
            assert tooltip_of(page, header_name) == NAME, where
            assert page.locator(".md-nav--primary > .md-nav__title").first.text_content().strip() == NAME, where
            assert page.locator(".md-copyright__highlight").inner_text().strip() == COPYRIGHT, where
            if path in ("", "no/such/page/"):
                assert page.locator('meta[name="description"]').get_attribute("content") == DESCRIPTION, where
            for link in page.locator(".md-header a, .md-copyright a, article a").all():
                if link.is_visible():
                    link.hover()  # an injected handler would fire here
            with page.expect_navigation():
                logo.click()  # and the logo leads home
            assert page.locator("h1").first.inner_text().rstrip("¶") == NAME, where
        assert page.locator(".leap-promise").inner_text() == TAGLINE
        page.goto(url + "worksheets/traits/clarity/")
        assert page.locator(".leap-org").inner_text() == f"{ORGANISATION} · {NAME}"
        page.close()
    assert dialogs == []


def test_the_theme_gets_no_markup_from_the_sites_name(named_site: Path) -> None:
    for html in named_site.rglob("*.html"):
        tags = _Tags()
        tags.feed(html.read_text(encoding="utf-8"))
        assert [a for a in tags.found if a[1].startswith("on")] == [], html
        assert not any("alert(" in script for script in tags.scripts), html
        assert not [t for t in tags.found if t[0] == "a" and "javascript:" in t[2]], html
        assert not [t for t in tags.found if t[1] == "title" and "<" in t[2]], html  # shown as HTML by tooltips


class _Logo(HTMLParser):
    """The title of the logo's link in the header, as the browser reads it."""

    def __init__(self) -> None:
        super().__init__()
        self.titles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and "md-header__button md-logo" in (found.get("class") or ""):
            self.titles.append(found.get("title") or "")


@pytest.mark.slow
def test_the_logos_title_reads_as_written_with_the_themes_tooltips_or_without(
    tmp_path: Path, named_site: Path, engine: str
) -> None:
    """With content.tooltips the theme shows the logo's title as HTML (checked in the browser
    above), so it holds the name as HTML; without them the browser shows the title itself."""
    for site, expected in ((named_site, unescape), (build_named(tmp_path, engine, tooltips=False), str)):
        logo = _Logo()
        logo.feed((site / "traits" / "clarity" / "index.html").read_text(encoding="utf-8"))
        assert [expected(title) for title in logo.titles] == [NAME], site
