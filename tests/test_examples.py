"""The example frameworks under examples/: each one builds strictly, exports a wiki and prints its
workbook, with a page and a worksheet for every item, matrices with a cell per pair and no escape
code showing as text. The career ladder shows its levels grid on a page of its own and on each
competency; the values framework's self-assessment recommends behaviours with no kind to tick;
the ladder's recommends growth activities by level. And the two examples written for this project
hold no word of our own guide anywhere in their output: not in the pages a reader sees, the
generated Markdown, the data files, the wiki or the PDFs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from generator.content.check import Checked, check
from generator.content.framework import Framework
from generator.pages.assessment import assessment_data, rank
from generator.pages.paths import levels_page, section_of, sheet_path
from generator.pages.worksheets import workbook_order
from generator.paper.server import serve
from tests.conftest import ROOT, build_site, folder_of, make_project, run_leap, search_titles

EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if (p / "framework.yaml").is_file())
# Written for this project, on subjects of their own: none of our guide's words may reach their output.
OWN_WORDS = ("values-and-behaviours", "career-ladder", "data-profession")
VALUES = ROOT / "examples" / "values-and-behaviours"
LADDER = ROOT / "examples" / "career-ladder"
PAPERS = ("a4", "letter")
# Our guide's own words, besides its title and kind names (read from content/ below).
OUR_PHRASES = ("Leadership Leap", "Peter Principle", "middle manag", "senior leader", "succession")
OUR_KIND_NAMES = ("trait", "traits", "barrier", "barriers", "strategy", "strategies", "shift", "shifts")


def test_the_examples_are_all_here() -> None:
    assert {p.name for p in EXAMPLES} >= {"first-time-manager", *OWN_WORDS}


# --- building each example once ------------------------------------------------------------------


@dataclass
class Example:
    """One example framework, built on demand (each output at most once per test module)."""

    folder: Path
    where: Path
    engine: str  # the builder

    @cached_property
    def checked(self) -> Checked:
        return check(self.folder, strict=True)

    @property
    def framework(self) -> Framework:
        return self.checked.content.framework

    @cached_property
    def project(self) -> Path:
        """A project with the site built strictly and the wiki exported (gitlab flavour)."""
        project = self.where / "site-and-wiki"
        project.mkdir()
        build_site(project, self.folder, "--strict", engine=self.engine)
        result = run_leap("export", "wiki", "--flavor", "gitlab", "--out", "wiki", "-f", "mkdocs.yml", cwd=project)
        assert result.returncode == 0, result.stdout + result.stderr
        return project

    @property
    def site(self) -> Path:
        return self.project / "site"

    @property
    def docs(self) -> Path:
        return self.project / "docs"

    @property
    def wiki(self) -> Path:
        return self.project / "wiki"

    @cached_property
    def pdf(self) -> Path:
        """`leap pdf` in a project of its own: the folder of PDFs."""
        project = self.where / "pdf"
        project.mkdir()
        make_project(project, self.folder)
        result = run_leap("pdf", "--engine", self.engine, cwd=project)
        assert result.returncode == 0, result.stdout + result.stderr
        return project / "site" / "pdf"


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory, engine: str) -> dict[str, Example]:
    return {p.name: Example(p, tmp_path_factory.mktemp(f"{p.name}-{engine}"), engine) for p in EXAMPLES}


def _ids(folders: list[Path] | tuple[Path, ...]) -> list[str]:
    return [p.name for p in folders]


# --- what a page says ----------------------------------------------------------------------------


class _Text(HTMLParser):
    """The text a reader sees on a page (its title included): no tags, scripts or styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


class _Tables(HTMLParser):
    """Every table of a page, as rows of cell texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None and self.tables and self.tables[-1]:
            self.tables[-1][-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def tables(html_file: Path) -> list[list[list[str]]]:
    parser = _Tables()
    parser.feed(html_file.read_text(encoding="utf-8"))
    return parser.tables


def page(site: Path, doc_path: str) -> Path:
    """The built page of a page under docs/: ``competencies/levels.md`` -> ``competencies/levels/index.html``."""
    stem = doc_path.removesuffix(".md")
    return site / ("index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html")


def outline_titles(outline: list[Any]) -> Iterator[str]:
    """Every title of a PDF's outline, at any depth (pypdf gives a nested list after its parent)."""
    for entry in outline:
        if isinstance(entry, list):
            yield from outline_titles(entry)
        else:
            yield str(entry.title)


def pdf_text(path: Path) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(path).pages)


# --- every example: site, wiki, workbook -----------------------------------------------------------


@pytest.mark.slow  # builds every example site
@pytest.mark.parametrize("name", _ids(EXAMPLES))
def test_every_item_has_its_page_and_worksheet(examples: dict[str, Example], name: str) -> None:
    example = examples[name]
    content, site = example.checked.content, example.site
    assert content.items
    for item in content.items:
        folder = folder_of(item, content)
        assert (site / folder / item.id / "index.html").is_file(), item.id
        assert (site / "worksheets" / folder / item.id / "index.html").is_file(), item.id
        html = (site / folder / item.id / "index.html").read_text(encoding="utf-8")
        assert item.title in visible_text(html)
    for kind in example.framework.kinds:
        assert page(site, section_of(kind)).is_file(), kind.id
    for sheet in example.framework.worksheets:
        assert page(site, sheet_path(sheet)).is_file(), sheet.id
    for matrix in example.framework.matrices:
        assert (site / matrix.id / "index.html").is_file(), matrix.id
    if example.framework.assessment:
        assert (site / "assessment" / "index.html").is_file()


@pytest.mark.slow  # builds every example site
@pytest.mark.parametrize("name", _ids(EXAMPLES))
def test_no_page_shows_an_escape_code_as_text(examples: dict[str, Example], name: str) -> None:
    """Escaping never shows: a field name such as not_this, or a kind named in two words, reads as
    written, not as ``not&#95;this`` or ``&#34;``."""
    site = examples[name].site
    shown = [
        f"{html.relative_to(site)}: ...{text[max(0, m.start() - 30) : m.end() + 10]}..."
        for html in sorted(site.rglob("*.html"))
        for text in [visible_text(html.read_text(encoding="utf-8"))]
        for m in re.finditer(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", text, re.IGNORECASE)
    ]
    assert shown == [], "\n".join(shown)


@pytest.mark.slow  # builds every example site
@pytest.mark.parametrize("name", _ids([p for p in EXAMPLES if check(p).content.framework.matrices]))
def test_each_matrix_has_a_cell_per_pair_marked_where_they_relate(examples: dict[str, Example], name: str) -> None:
    example = examples[name]
    content, graph = example.checked.content, example.checked.graph
    for matrix in example.framework.matrices:
        relation = example.framework.relation(matrix.relation)
        rows, columns = content.of_kind(relation.target), content.of_kind(relation.source)
        grid = tables(example.site / matrix.id / "index.html")[0]
        assert grid[0] == [relation.target.capitalize(), *(str(n) for n in range(1, len(columns) + 1))]
        expected = [
            [row.title, *("●" if row in graph.targets(column, relation.field) else "" for column in columns)]
            for row in rows
        ]
        assert grid[1:] == expected, matrix.id


@pytest.mark.slow  # builds every example site
@pytest.mark.parametrize("name", _ids(EXAMPLES))
def test_the_wiki_export_has_every_page_and_worksheet(examples: dict[str, Example], name: str) -> None:
    example = examples[name]
    content, wiki = example.checked.content, example.wiki
    assert (wiki / "home.md").is_file()
    for item in content.items:
        folder = folder_of(item, content)
        assert item.title in (wiki / folder / f"{item.id}.md").read_text(encoding="utf-8"), item.id
        assert (wiki / "worksheets" / folder / f"{item.id}.md").is_file(), item.id
    for sheet in example.framework.worksheets:
        assert (wiki / sheet_path(sheet)).is_file(), sheet.id


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("name", _ids(EXAMPLES))
def test_the_workbook_binds_every_worksheet(browser, examples: dict[str, Example], name: str) -> None:  # type: ignore[no-untyped-def]
    example = examples[name]
    pdf = example.pdf
    entries = workbook_order(example.checked.content)
    for entry in entries:
        for paper in PAPERS:
            assert (pdf / f"{entry.id}-{paper}.pdf").is_file(), entry.id
    for paper in PAPERS:
        reader = PdfReader(pdf / f"workbook-{paper}.pdf")
        titles = list(outline_titles(reader.outline))
        assert [e.title for e in entries if e.title not in titles] == [], titles
        assert example.checked.content.guide.title in (reader.pages[0].extract_text() or "")


# --- the career ladder's levels --------------------------------------------------------------------

LEVELLED = [p for p in EXAMPLES if check(p).content.framework.levels]


def test_the_career_ladder_has_six_levels_and_six_competencies_at_least() -> None:
    assert LADDER in LEVELLED
    content = check(LADDER).content
    assert len(content.framework.levels) >= 6
    assert content.framework.assessment is not None and content.framework.assessment.by == "level"
    rated = content.of_kind(content.framework.assessment.rate)
    assert len(rated) >= 6
    for item in rated:  # every competency says what it looks like at every level
        assert set(item.get("levels", {})) == {level.id for level in content.framework.levels}, item.id


@pytest.mark.slow  # builds every example site
@pytest.mark.parametrize("name", _ids(LEVELLED))
def test_the_levels_grid_shows_every_level_and_item(examples: dict[str, Example], name: str) -> None:
    example = examples[name]
    content, levels = example.checked.content, example.framework.levels
    titles = [level.title for level in levels]
    for kind in (k for k in example.framework.kinds if k.first("levels")):
        spec = kind.first("levels")
        assert spec is not None
        items = content.of_kind(kind.id)
        grid_page = page(example.site, levels_page(kind))
        heading = kind.singular[:1].upper() + kind.singular[1:]
        grid = next(t for t in tables(grid_page) if t and any(row[:1] == [heading] for row in t))
        grid = grid[[row[0] for row in grid].index(heading) :]  # the levels' row, under the tracks' row if any
        assert [re.sub(r" \(.*\)$", "", title) for title in grid[0][1:]] == titles
        assert [row[0] for row in grid[1:]] == [item.title for item in items]
        for row, item in zip(grid[1:], items, strict=True):
            cells = item.fields[spec.name]
            assert [
                " ".join(re.sub(r"[*_`]", "", cells[lv.id].plain).split()) in text for lv, text in zip(levels, row[1:])
            ] == [True] * len(levels), item.id
        text = visible_text(grid_page.read_text(encoding="utf-8"))
        assert f"{kind.name} by level" in text
        for level in levels:
            assert level.summary in text
        # the section page leads to the grid
        assert 'href="levels/"' in page(example.site, section_of(kind)).read_text(encoding="utf-8")
        # each item's page shows its own row of the grid, a level to a row (or, for paragraphs, a section)
        for item in items:
            html = (example.site / kind.folder / item.id / "index.html").read_text(encoding="utf-8")
            cells = item.fields[spec.name]
            if spec.cell == "line" and not example.framework.tracks and not example.framework.scale:
                rows = next(
                    t
                    for t in tables(example.site / kind.folder / item.id / "index.html")
                    if t and t[0] == ["Level", "What it looks like"]
                )
                assert rows[1:] == [[level.title, cells[level.id].text] for level in levels], item.id
            else:
                shown = visible_text(html)
                for level in levels:
                    assert level.title in shown and " ".join(cells[level.id].plain.split()) in shown, (
                        item.id,
                        level.id,
                    )
        wiki = (example.wiki / levels_page(kind)).read_text(encoding="utf-8")
        for text_of in [*titles, *(item.title for item in items)]:
            assert text_of in wiki


# --- the self-assessments, in Chromium -------------------------------------------------------------


def fresh_page(browser: Any) -> Any:
    """A page in a new profile (empty localStorage) that records script errors."""
    tab = browser.new_context().new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("console", lambda msg: tab.errors.append(msg.text) if msg.type == "error" else None)
    return tab


def recommended(tab: Any, folder: str) -> list[str]:
    """The ids of the items the results recommend, in order, read from their links."""
    tab.locator("#leap-results-body").wait_for(state="visible", timeout=10_000)
    hrefs = tab.eval_on_selector_all(
        "#leap-result-recommend > li", "items => items.map(li => li.querySelector('a').getAttribute('href'))"
    )
    found = [re.search(rf"{folder}/([a-z0-9-]+)/?$", href) for href in hrefs]
    assert all(found), hrefs
    return [match.group(1) for match in found if match]


@pytest.fixture(scope="module")
def values_url(examples: dict[str, Example]) -> Iterator[str]:
    with serve(examples[VALUES.name].site) as url:
        yield url


@pytest.fixture(scope="module")
def ladder_url(examples: dict[str, Example]) -> Iterator[str]:
    with serve(examples[LADDER.name].site) as url:
        yield url


@pytest.mark.browser
def test_the_values_self_assessment_recommends_behaviours_with_nothing_to_tick(  # type: ignore[no-untyped-def]
    browser, examples: dict[str, Example], values_url: str
) -> None:
    checked = examples[VALUES.name].checked
    assessment = checked.content.framework.assessment
    assert assessment is not None and assessment.tick is None and assessment.recommend is not None
    recommend_kind = checked.content.framework.kind(assessment.recommend)
    tab = fresh_page(browser)
    tab.goto(values_url + "assessment/")
    assert tab.locator('input[name^="tick:"]').count() == 0
    assert tab.locator("#leap-result-tick").count() == 0
    assert tab.locator("#leap-results-empty").is_visible()
    values = checked.content.of_kind(assessment.rate)
    low = values[2]
    for value in values:  # one value rated low, the others high
        tab.check(f'input[name="rating:{value.id}"][value="{1 if value is low else 5}"]')
    shown = recommended(tab, recommend_kind.folder)
    linked = {item.id for item in checked.graph.linked(low, recommend_kind.id)}
    assert shown and set(shown) <= linked, (shown, linked)
    ratings = {value.id: 1 if value is low else 5 for value in values}
    assert shown == rank(assessment_data(checked.graph), ratings, [])[recommend_kind.folder]
    why = tab.locator("#leap-result-recommend > li").first.inner_text()
    assert f"builds \u201c{low.title}\u201d" in why
    assert tab.locator("#leap-progress-text").inner_text() == f"{len(values)} of {len(values)} rated"
    assert tab.errors == []
    tab.context.close()


@pytest.mark.browser
def test_the_ladder_self_assessment_recommends_by_level(  # type: ignore[no-untyped-def]
    browser, examples: dict[str, Example], ladder_url: str
) -> None:
    checked = examples[LADDER.name].checked
    framework = checked.content.framework
    assessment = framework.assessment
    assert assessment is not None and assessment.by == "level" and assessment.recommend is not None
    activities = framework.kind(assessment.recommend)
    competencies = checked.content.of_kind(assessment.rate)
    level = {lv.id: n for n, lv in enumerate(framework.levels, start=1)}
    tab = fresh_page(browser)
    tab.goto(ladder_url + "assessment/")
    first = competencies[0]
    assert [
        tab.locator(f'input[name="rating:{first.id}"]').nth(n).get_attribute("value") for n in range(len(level))
    ] == [str(n) for n in level.values()]

    # aiming for Staff: at Staff in every competency but one, which is at Engineer
    behind = next(c for c in competencies if c.id == "delivery")
    tab.select_option("#leap-target", str(level["staff"]))
    ratings = {c.id: level["engineer"] if c is behind else level["staff"] for c in competencies}
    for competency_id, value in ratings.items():
        tab.check(f'input[name="rating:{competency_id}"][value="{value}"]')
    shown = recommended(tab, activities.folder)
    linked = {item.id for item in checked.graph.linked(behind, activities.id)}
    assert shown and set(shown) <= linked, (shown, linked)
    assert shown == rank(assessment_data(checked.graph), ratings, [], level["staff"])[activities.folder]
    assert f"builds \u201c{behind.title}\u201d" in tab.locator("#leap-result-recommend > li").first.inner_text()
    plan = tab.locator("#leap-plan").inner_text()
    assert checked.content.by_id[shown[0]].title in plan

    # aiming for Engineer instead: nothing is behind, so nothing is recommended
    tab.select_option("#leap-target", str(level["engineer"]))
    tab.locator("#leap-results-empty").wait_for(state="visible", timeout=10_000)
    assert tab.locator("#leap-result-recommend > li").count() == 0

    # one competency at the first level: the activities that develop it come up
    junior = next(c for c in competencies if c.id == "growing-others")
    tab.check(f'input[name="rating:{junior.id}"][value="{level["associate"]}"]')
    ratings[junior.id] = level["associate"]
    shown = recommended(tab, activities.folder)
    assert shown and set(shown) <= {item.id for item in checked.graph.linked(junior, activities.id)}
    assert shown == rank(assessment_data(checked.graph), ratings, [], level["engineer"])[activities.folder]
    assert tab.errors == []
    tab.context.close()


# --- none of our guide's words ----------------------------------------------------------------------


def our_words(example: Framework) -> re.Pattern[str]:
    """Our guide's title, phrases and kind names (as words), less any name the example's own
    framework uses for its kinds."""
    ours = check(ROOT / "content").content
    names = {*OUR_KIND_NAMES, *(name.lower() for kind in ours.framework.kinds for name in (kind.singular, kind.plural))}
    names -= {name.lower() for kind in example.kinds for name in (kind.id, kind.singular, kind.plural)}
    phrases = [re.escape(p) for p in (*OUR_PHRASES, ours.guide.title)]
    words = [rf"\b{re.escape(name)}\b" for name in sorted(names)]
    return re.compile("|".join(phrases + words), re.IGNORECASE)


def found_in(pattern: re.Pattern[str], texts: Iterator[tuple[str, str]]) -> list[str]:
    """Each place a pattern matches: the file, and the words around the match."""
    return [
        f"{name}: ...{text[max(0, m.start() - 40) : m.end() + 40]}..."
        for name, text in texts
        for m in pattern.finditer(text)
    ]


def site_texts(site: Path, engine: str) -> Iterator[tuple[str, str]]:
    """What a reader of the site gets from this framework: each page's visible text, the search
    index's entries and the data files (the theme's own scripts and styles are left out)."""
    for html in sorted(site.rglob("*.html")):
        yield str(html.relative_to(site)), visible_text(html.read_text(encoding="utf-8"))
    for location, title, text in search_titles(site, engine):
        yield f"search index: {location}", f"{title} {text}"
    for data in sorted((site / "data").iterdir()):
        yield str(data.relative_to(site)), data.read_text(encoding="utf-8")


def files(folder: Path, suffix: str) -> Iterator[tuple[str, str]]:
    for path in sorted(p for p in folder.rglob(f"*{suffix}") if p.is_file()):
        yield str(path.relative_to(folder)), path.read_text(encoding="utf-8")


@pytest.mark.slow  # builds every example site
@pytest.mark.parametrize("name", OWN_WORDS)
def test_no_word_of_our_guide_in_the_site_the_markdown_or_the_wiki(examples: dict[str, Example], name: str) -> None:
    example = examples[name]
    pattern = our_words(example.framework)
    assert pattern.search("The Leadership Leap, for senior leaders: a SHIFT in strategies")  # the check works
    texts = [*site_texts(example.site, example.engine), *files(example.docs, ".md"), *files(example.wiki, "")]
    assert len(texts) > 3 * len(example.checked.content.items)
    found = found_in(pattern, iter(texts))
    assert found == [], "\n".join(found)


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("name", OWN_WORDS)
def test_no_word_of_our_guide_in_the_pdfs(browser, examples: dict[str, Example], name: str) -> None:  # type: ignore[no-untyped-def]
    example = examples[name]
    pattern = our_words(example.framework)
    pdfs = sorted(example.pdf.glob("*.pdf"))
    assert len(pdfs) == len(PAPERS) * (len(workbook_order(example.checked.content)) + 1)
    found = found_in(pattern, ((p.name, pdf_text(p)) for p in pdfs))
    assert found == [], "\n".join(found)
