"""Right-to-left (issue 22): with `theme.language: ar` the theme sets dir="rtl", and the engine's
pages mirror: the content column starts on the right, a rating's scale runs right to left, a field's
label stands at its start, the results chart's time runs the way the page reads, and no page
scrolls sideways on a phone. The engine's CSS says where things go by the flow (start and end),
never by the screen's left and right, so this holds for any direction."""

from __future__ import annotations

import asyncio
import io
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter

from generator.paper.pdf import chromium_browser
from generator.paper.server import serve
from generator.paper.stamp import footers
from tests.conftest import MINI, ROOT, make_project, run_leap, save_two_results

ASSETS = ROOT / "generator" / "site" / "assets"
STYLESHEETS = ("leap.css", "print.css")

# A property that names a physical side, whatever its value.
PHYSICAL_PROPERTY = re.compile(
    r"^(?:(?:margin|padding|border|scroll-margin|scroll-padding)-(?:left|right)(?:-\w+)?"
    r"|border-(?:top|bottom)-(?:left|right)-radius|left|right)$"
)
# A value that names one, whatever the property (float: left, text-align: right, a gradient "to right").
PHYSICAL_VALUE = re.compile(r"\b(?:left|right)\b")
# A comment in the declaration, or just before it, that says why a physical side is safe there.
EXCEPTION = "direction-safe:"


def declarations(css: str) -> Iterator[tuple[str, str, bool]]:
    """Each declaration of a stylesheet: (property, value, whether a comment excuses it)."""
    marked = re.sub(r"/\*.*?\*/", lambda c: " \0 " if EXCEPTION in c.group(0) else " ", css, flags=re.DOTALL)
    for part in re.split(r"[;{}]", marked):
        name, colon, value = part.partition(":")
        name = name.replace("\0", "").strip().lower()
        if not colon or not re.fullmatch(r"-?[a-z][a-z-]*", name):
            continue  # a selector (a:hover ...) or an at-rule's head, not a declaration
        yield name, value.replace("\0", "").strip(), "\0" in part


def sides(value: str) -> list[str]:
    """The four sides (top, right, bottom, left) a margin or padding shorthand sets."""
    parts = value.replace("!important", "").split()
    return (parts + parts[-2:-1] if len(parts) == 3 else parts * (4 // max(len(parts), 1)))[:4]


def test_the_engines_css_names_no_physical_side() -> None:
    wrong = []
    for name in STYLESHEETS:
        css = (ASSETS / name).read_text(encoding="utf-8")
        for prop, value, excused in declarations(css):
            if excused:
                continue
            if PHYSICAL_PROPERTY.match(prop) or PHYSICAL_VALUE.search(value):
                wrong.append(f"{name}: {prop}: {value}")
            elif prop in ("margin", "padding", "border-width", "inset") and len(value.split()) == 4:
                _, right_side, _, left_side = sides(value)
                if right_side != left_side:  # a shorthand that sets the two sides apart, e.g. margin: 0 0 0 1em
                    wrong.append(f"{name}: {prop}: {value}")
    assert wrong == [], "use logical properties (margin-inline-start, text-align: start, ...):\n" + "\n".join(wrong)


def test_the_check_finds_a_physical_side_and_accepts_an_excused_one() -> None:
    css = """
    a:hover { margin-left: 1em; text-align: right; float: left; left: 0; margin: 0 0 0 1em; }
    .b { margin: 0 1em; padding: .2em 1em 1em; text-align: start; margin-inline-start: 1em; }
    .c { /* direction-safe: drawn at both edges alike */ background: linear-gradient(to right, red, blue) left; }
    """
    found = [(prop, value) for prop, value, excused in declarations(css) if not excused]
    physical = [p for p, v in found if PHYSICAL_PROPERTY.match(p) or PHYSICAL_VALUE.search(v)]
    assert physical == ["margin-left", "text-align", "float", "left"]
    assert sides("0 0 0 1em") == ["0", "0", "0", "1em"] and sides(".2em 1em 1em") == [".2em", "1em", "1em", "1em"]
    assert ("background", "linear-gradient(to right, red, blue) left") not in found


@pytest.fixture(scope="module")
def rtl_url(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Iterator[str]:
    """The small guide, built with the theme in Arabic (so right to left), served."""
    where = tmp_path_factory.mktemp(f"rtl-{engine}")
    config = make_project(where, MINI)
    settings = config.read_text(encoding="utf-8")
    assert "  language: en\n" in settings
    config.write_text(settings.replace("  language: en\n", "  language: ar\n"), encoding="utf-8")
    result = run_leap("build", "-f", str(config), "--engine", engine, "--strict", cwd=where)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(where / "site") as url:
        yield url


def opened(browser: Any, url: str, width: int = 1280) -> Any:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(url)
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    return page


def box(page: Any, selector: str) -> dict[str, float]:
    found = page.locator(selector).first.bounding_box()
    assert found, selector
    return found  # type: ignore[no-any-return]


def text_box(page: Any, selector: str) -> dict[str, float]:
    """Where an element's words are drawn (not its box, which may be the column's width)."""
    return page.evaluate(  # type: ignore[no-any-return]
        """selector => { const range = document.createRange();
            range.selectNodeContents(document.querySelector(selector));
            const r = range.getBoundingClientRect(); return {x: r.x, right: r.right, width: r.width}; }""",
        selector,
    )


def right(found: dict[str, float]) -> float:
    return found["x"] + found["width"]


def no_sideways_scroll(page: Any) -> None:
    scroll, inner = page.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
    assert scroll <= inner, f"{page.url} scrolls sideways: {scroll} > {inner}"


@pytest.mark.browser
def test_a_worksheet_mirrors(browser, rtl_url: str) -> None:  # type: ignore[no-untyped-def]
    page = opened(browser, rtl_url + "worksheets/traits/clarity/")
    # The content column starts on the right: the navigation is to its right, the contents to its left.
    content = box(page, ".md-content")
    assert box(page, ".md-sidebar--primary")["x"] >= right(content) - 1
    assert right(box(page, ".md-sidebar--secondary")) <= content["x"] + 1
    # The title and a field's label start at the column's right edge, and the box spans under it.
    article = box(page, "article")
    assert abs(text_box(page, "article h1")["right"] - right(article)) < 30
    field, label = box(page, ".leap-field"), text_box(page, ".leap-field label")
    assert abs(label["right"] - right(field)) < 2 and label["x"] > field["x"] + 20
    answer = box(page, ".leap-field textarea")
    assert abs(right(answer) - right(field)) < 2 and abs(answer["x"] - field["x"]) < 2
    # The rating's scale runs right to left: 1 and its description first, on the right.
    one, five = box(page, '.leap-rating input[value="1"]'), box(page, '.leap-rating input[value="5"]')
    assert one["x"] > five["x"]
    ends = page.locator(".leap-rating__end")
    assert ends.first.bounding_box()["x"] > one["x"] and ends.last.bounding_box()["x"] < five["x"]
    # Side by side fields (by when, who will hold me to it) read from the right.
    row = page.locator(".leap-row .leap-field")
    if row.count() > 1:
        assert row.nth(0).bounding_box()["x"] > row.nth(1).bounding_box()["x"]
    assert page.errors == []
    page.close()


@pytest.mark.browser
def test_the_self_assessment_and_its_chart_read_right_to_left(browser, rtl_url: str) -> None:  # type: ignore[no-untyped-def]
    page = opened(browser, rtl_url + "assessment/")
    # An item's scale: each choice's radio at the start (right), its words after it (to its left).
    radio = box(page, '.leap-anchor-rating input[name="rating:clarity"][value="1"]')
    fieldset = box(page, ".leap-anchor-rating")
    assert right(fieldset) - right(radio) < 40
    words = page.locator('.leap-anchor-rating label:has(input[name="rating:clarity"][value="1"])')
    assert text_box_of(words)["x"] < radio["x"]
    # Two dated results: the chart's line runs from the first (right) to the latest (left).
    save_two_results(page, "clarity", 2, 4, "2026-01-01", "ar")
    points = page.locator("#leap-chart svg").first.locator("circle")
    assert points.count() == 2
    first, latest = points.nth(0).bounding_box(), points.nth(1).bounding_box()
    assert first["x"] > latest["x"] and first["y"] > latest["y"]  # earlier to the right, and lower (2 < 4)
    # The history's headings start at their cells' right edges, and its arrows point the way time
    # runs on the page: from the first rating (right) to the latest (left).
    heading = page.locator("#leap-chart th").first
    assert abs(text_box_of(heading)["right"] - right(heading.bounding_box())) < 12
    history = page.locator("#leap-chart").inner_text()
    assert "\u2190" in history and "\u2192" not in history
    assert page.errors == []
    page.close()


def text_box_of(locator: Any) -> dict[str, float]:
    return locator.evaluate(  # type: ignore[no-any-return]
        """node => { const range = document.createRange(); range.selectNodeContents(node);
            const r = range.getBoundingClientRect(); return {x: r.x, right: r.right, width: r.width}; }"""
    )


@pytest.mark.browser
@pytest.mark.parametrize(
    "path", ["", "worksheets/traits/clarity/", "assessment/", "worksheets/others-rating/", "matrix/", "journal/"]
)
def test_nothing_scrolls_sideways_on_a_phone(browser, rtl_url: str, path: str) -> None:  # type: ignore[no-untyped-def]
    page = opened(browser, rtl_url + path, width=390)
    page.wait_for_timeout(200)  # a11y.js has stacked any table too wide for the screen
    no_sideways_scroll(page)
    # A table read down the page: each cell's words start at its right edge.
    for cell in page.locator("table[data-leap-stacked] > tbody > tr > :first-child").all()[:3]:
        assert abs(text_box_of(cell)["right"] - right(cell.bounding_box())) < 16
    assert page.errors == []
    page.close()


def test_the_check_reads_the_shipped_stylesheets() -> None:
    for name in STYLESHEETS:
        found = {prop for prop, _, _ in declarations((ASSETS / name).read_text(encoding="utf-8"))}
        assert {"margin", "padding", "display", "border"} <= found, name


def runs(pdf: bytes, page: int = 0) -> list[tuple[str, float]]:
    """Each run of text on a PDF page, with where it starts across the page (its x)."""
    found: list[tuple[str, float]] = []
    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(
        visitor_text=lambda text, cm, tm, *_: found.append((text, tm[4] * cm[0] + cm[4])) if text.strip() else None
    )
    return found


def x_of(found: list[tuple[str, float]], words: str) -> float:
    xs = [x for text, x in found if words in text]
    assert xs, f"{words!r} not among {found}"
    return xs[0]


@pytest.mark.browser
def test_a_printed_worksheets_footer_mirrors(browser, rtl_url: str) -> None:  # type: ignore[no-untyped-def]
    """Printed from the browser: the worksheet's title where an Arabic line starts (the right), its
    page number where it ends (the left)."""
    page = opened(browser, rtl_url + "worksheets/traits/clarity/")
    page.emulate_media(media="print")
    found = runs(page.pdf(format="A4"))
    page.close()
    title = x_of(found, "Clarity")
    number = min(x for text, x in found if re.search(r"\b1\b", text) and "Clarity" not in text)
    assert title > number + 100, found


@pytest.mark.browser
def test_stamped_footers_mirror_in_a_right_to_left_language() -> None:
    """`leap pdf`'s footers: in Arabic the title stands at the right and the page number at the left;
    in English the other way round."""

    async def stamped(language: str) -> list[tuple[str, float]]:
        async with chromium_browser() as chromium:
            [overlay] = await footers(chromium, "a4", [("Clarity worksheet", "Page 1 of 2")], language)
        writer = PdfWriter()
        writer.add_page(overlay)
        out = io.BytesIO()
        writer.write(out)
        return runs(out.getvalue())

    with ThreadPoolExecutor(1) as apart:  # away from the event loop of the session's (sync) browser
        english, arabic = (
            apart.submit(asyncio.run, stamped("en")).result(),
            apart.submit(asyncio.run, stamped("ar")).result(),
        )
    assert x_of(english, "Clarity") < x_of(english, "Page")
    assert x_of(arabic, "Clarity") > x_of(arabic, "Page") + 100
