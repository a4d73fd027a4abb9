"""Levels as frameworks have them (examples/data-profession: paragraphs per cell, a proficiency
scale, two tracks): distances count along a track, the grid reads one level or two side by side
at 1280 and 390 px, on screen and on paper, and the results by level quote what the level aimed
for asks of each area, into the plan."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.content.check import check
from generator.pages.assessment import assessment_data, rank
from generator.paper.server import serve
from tests.conftest import ROOT, build_site

EXAMPLE = ROOT / "examples" / "data-profession"
CHECKED = check(EXAMPLE, strict=True)
FRAMEWORK = CHECKED.content.framework
DATA = assessment_data(CHECKED.graph)
LEVEL = {level.id: n for n, level in enumerate(FRAMEWORK.levels, start=1)}
AREAS = [item.id for item in CHECKED.content.of_kind("capability")]
# Where the screenshots go, to be looked at: LEAP_SCREENSHOTS=folder, or a temporary folder.
SHOTS = os.environ.get("LEAP_SCREENSHOTS")


def test_a_levels_rank_is_its_place_on_its_own_track() -> None:
    ranks = {level.id: FRAMEWORK.rank(level) for level in FRAMEWORK.levels}
    assert ranks == {
        "analyst": 1,
        "senior-analyst": 2,
        "lead-analyst": 3,
        "principal-analyst": 4,
        "analytics-manager": 3,
        "head-of-analytics": 4,
    }
    below, above = FRAMEWORK.neighbours(FRAMEWORK.level("senior-analyst"))
    assert [lv.id for lv in below] == ["analyst"]
    assert [lv.id for lv in above] == ["lead-analyst", "analytics-manager"]  # the fork
    below, above = FRAMEWORK.neighbours(FRAMEWORK.level("analytics-manager"))
    assert [lv.id for lv in below] == ["senior-analyst"] and [lv.id for lv in above] == ["head-of-analytics"]


def test_a_distance_counts_along_a_track_never_across() -> None:
    folder = DATA["roles"]["rate"]["key"]
    everyone_at = {area: LEVEL["lead-analyst"] for area in AREAS}
    # a Lead Analyst aiming for Analytics Manager is no step behind: both are third on their track
    assert rank(DATA, everyone_at, [], LEVEL["analytics-manager"])[folder] == []
    behind = {**everyone_at, "data-stewardship": LEVEL["senior-analyst"]}
    assert rank(DATA, behind, [], LEVEL["analytics-manager"])[folder] == ["data-stewardship"]
    # with no level chosen, the top of the reader's track is aimed for
    assert rank(DATA, everyone_at, [], None, "practice")[folder] == AREAS
    assert rank(DATA, {area: LEVEL["head-of-analytics"] for area in AREAS}, [], None, "leadership")[folder] == []


def test_the_data_gives_each_cells_step() -> None:
    entry = DATA["roles"]["rate"]["items"][0]
    assert entry["steps"]["analyst"] == "Foundational" and entry["steps"]["principal-analyst"] == "Expert"
    assert DATA["tracks"] == [
        {"id": "practice", "title": "Expert practice"},
        {"id": "leadership", "title": "Team leadership"},
    ]


# --- in Chromium ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Iterator[str]:
    """The example, built by each builder."""
    site = build_site(tmp_path_factory.mktemp(f"data-profession-{engine}"), EXAMPLE, "--strict", engine=engine)
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(SHOTS) if SHOTS else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def tab(browser: Any, width: int) -> Any:
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    return page


def visible_columns(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        ".leap-level-table thead th[data-level]", "ths => ths.filter(th => !th.hidden).map(th => th.dataset.level)"
    )


def layout(page: Any) -> dict[str, Any]:
    """How the grid sits on the page: overflow, and the visible cells' width and display."""
    return page.evaluate(
        """() => {
        const region = document.querySelector('.leap-levels');
        const cells = [...document.querySelectorAll('.leap-level-table tbody td')].filter(td => td.offsetParent);
        return {page: document.documentElement.scrollWidth, viewport: window.innerWidth,
                region: region.scrollWidth - region.clientWidth,
                narrowest: Math.min(...cells.map(td => td.getBoundingClientRect().width)),
                display: getComputedStyle(cells[0]).display, label: getComputedStyle(cells[0], '::before').content,
                cells: cells.length};
    }"""
    )


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])
def test_one_level_and_two_side_by_side_read_at_every_width(browser, site_url: str, shots: Path, width: int) -> None:  # type: ignore[no-untyped-def]
    page = tab(browser, width)
    page.goto(site_url + "capabilities/levels/")
    areas = len(AREAS)
    # two levels side by side, by default: where I am and where I aim
    assert visible_columns(page) == ["analyst", "senior-analyst"]
    page.select_option('select[data-leap-grid="a"]', "senior-analyst")
    page.select_option('select[data-leap-grid="b"]', "analytics-manager")
    assert visible_columns(page) == ["senior-analyst", "analytics-manager"]
    assert "view=two&a=senior-analyst&b=analytics-manager" in page.url  # a view to link to
    seen = layout(page)
    assert seen["page"] <= seen["viewport"] and seen["region"] <= 1, seen  # nothing scrolls sideways
    assert seen["cells"] == 2 * areas
    if width == 390:  # each cell under its area, as wide as the screen allows, named by its level
        assert seen["display"] == "block" and "Senior Analyst" in seen["label"], seen
        assert seen["narrowest"] >= 300, seen
    else:
        assert seen["display"] == "table-cell" and seen["narrowest"] >= 250, seen
    text = page.locator(".leap-level-table").inner_text()
    assert "Makes sure the team's work starts from well-framed questions" in text  # Analytics Manager's cell
    assert "Frames the questions for a whole product or function" not in text  # Lead Analyst's, not shown
    page.screenshot(path=str(shots / f"grid-two-{width}.png"), full_page=True)
    # on paper, the same two levels, within the page
    page.emulate_media(media="print")
    seen = layout(page)
    assert seen["region"] <= 1 and seen["cells"] == 2 * areas, seen
    page.emulate_media(media="screen")
    # one level at a time
    page.check('input[name="leap-grid-view"][value="one"]')
    assert visible_columns(page) == ["senior-analyst"]
    assert page.locator("[data-leap-grid-second]").is_hidden()
    seen = layout(page)
    assert seen["page"] <= seen["viewport"] and seen["region"] <= 1 and seen["cells"] == areas, seen
    page.screenshot(path=str(shots / f"grid-one-{width}.png"), full_page=True)
    # and the whole grid, for those who want it: it scrolls inside its own box, the tracks above it
    page.check('input[name="leap-grid-view"][value="all"]')
    assert len(visible_columns(page)) == len(FRAMEWORK.levels)
    assert page.locator(".leap-track-row").is_visible()
    seen = layout(page)
    assert seen["page"] <= seen["viewport"], seen
    assert page.errors == []
    page.context.close()


@pytest.mark.browser
def test_a_level_page_shows_the_fork(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page = tab(browser, 1280)
    page.goto(site_url + "levels/senior-analyst/")
    steps = page.locator(".leap-level-steps").inner_text()
    assert "Next, the tracks branch: Lead Analyst (Expert practice); Analytics Manager (Team leadership)" in steps
    assert "This level and Analytics Manager, side by side" in steps
    page.get_by_role("link", name="Analytics Manager").first.click()
    assert page.url.endswith("/levels/analytics-manager/")
    assert "Team leadership" in page.locator("article").inner_text()
    assert page.errors == []
    page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])
def test_results_by_level_quote_what_the_level_aimed_for_asks(browser, site_url: str, shots: Path, width: int) -> None:  # type: ignore[no-untyped-def]
    page = tab(browser, width)
    page.goto(site_url + "assessment/")
    page.select_option("#leap-track", "leadership")
    # the other track's levels step aside, in the target and in every area
    targets = page.eval_on_selector_all("#leap-target option", "os => os.filter(o => !o.hidden).map(o => o.value)")
    assert targets == ["", "1", "2", str(LEVEL["analytics-manager"]), str(LEVEL["head-of-analytics"])]
    assert page.locator('input[name="rating:framing-questions"][value="3"]').is_hidden()  # Lead Analyst
    ratings = {area: LEVEL["analytics-manager"] for area in AREAS}
    ratings |= {"data-stewardship": LEVEL["analyst"], "communicating-insight": LEVEL["senior-analyst"]}
    for area, value in ratings.items():
        page.check(f'input[name="rating:{area}"][value="{value}"]')
    page.select_option("#leap-target", str(LEVEL["analytics-manager"]))
    gaps = page.locator("#leap-result-rate > li")
    gaps.first.wait_for(timeout=10_000)
    assert gaps.count() == 2
    first = gaps.nth(0)
    assert first.locator("a").first.get_attribute("href").endswith("capabilities/data-stewardship/")
    said = first.inner_text()
    assert "You chose Analyst; you aim for Analytics Manager (Working knowledge)." in said
    cell = CHECKED.content.by_id["data-stewardship"].fields["levels"]["analytics-manager"].text
    assert " ".join(cell.split()) in " ".join(said.split())  # the level's own words, quoted
    assert "Communicating insight" in gaps.nth(1).inner_text()
    page.evaluate("document.getElementById('leap-results').scrollIntoView()")
    page.screenshot(path=str(shots / f"results-{width}.png"))
    assert rank(DATA, ratings, [], LEVEL["analytics-manager"], "leadership")["capabilities"] == [
        "data-stewardship",
        "communicating-insight",
    ]
    # each leads to the two levels side by side, and back
    compare = first.get_by_role("link", name="Analyst and Analytics Manager, side by side")
    assert compare.get_attribute("href").endswith("capabilities/levels/?view=two&a=analyst&b=analytics-manager")
    compare.click()
    page.wait_for_url("**/capabilities/levels/**")
    assert visible_columns(page) == ["analyst", "analytics-manager"]
    page.go_back()
    page.locator("#leap-result-rate > li").first.wait_for(timeout=10_000)
    # "Use my results" carries them into the plan
    page.locator('[data-leap-action="use-results"]').click()
    page.wait_for_url("**/worksheets/growth-plan/")
    page.locator('[name="p1-actions"]').wait_for()
    actions = page.input_value('[name="p1-actions"]')
    assert (
        actions.startswith("Data stewardship, by ") and "Analytics Manager (Working knowledge): Makes sure" in actions
    )
    assert page.input_value('[name="goal"]') == "Analytics Manager"
    assert "Communicating insight" in page.input_value('[name="p2-actions"]')
    assert page.errors == []
    page.context.close()


@pytest.mark.browser
def test_the_script_and_the_python_reference_agree_with_tracks(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page = tab(browser, 1280)
    page.goto(site_url + "assessment/")
    data = page.evaluate("JSON.parse(document.getElementById('leap-assessment-data').textContent)")
    assert data == DATA
    rng = random.Random(21)
    levels = len(FRAMEWORK.levels)
    profiles = [
        (
            {area: rng.randint(1, levels) for area in AREAS if rng.random() < 0.8},
            rng.choice([None, *range(1, levels + 1)]),
            rng.choice([None, "practice", "leadership"]),
        )
        for _ in range(2_000)
    ]
    from_js = page.evaluate(
        "([data, profiles]) => profiles.map(([r, target, track]) => window.leapAssessment.rank(data, r, [], target, track))",
        [data, profiles],
    )
    assert from_js == [rank(data, ratings, [], target, track) for ratings, target, track in profiles]
    assert sum(bool(r["capabilities"]) for r in from_js) >= 1_000
    page.context.close()


# --- the framework's limits, as path:line: messages ------------------------------------------------


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_for(content: Path) -> list[str]:
    from generator.errors import ContentError

    with pytest.raises(ContentError) as caught:
        check(content)
    return [str(p).replace(content.as_posix() + "/", "") for p in caught.value.problems]


@pytest.fixture
def example(tmp_path: Path) -> Path:
    import shutil

    shutil.copytree(EXAMPLE, tmp_path / "content")
    return tmp_path / "content"


def test_a_cell_longer_than_its_field_allows_or_with_an_unknown_step_is_a_path_line_error(example: Path) -> None:
    path = example / "capabilities" / "data-stewardship.yaml"
    edit(path, "    step: practitioner\n", "    step: master\n")  # lead-analyst's, line 23
    edit(path, "      people who can fund the fix, with the cost of leaving them.", "      " + "More words. " * 120)
    edit(example / "framework.yaml", "{id: analyst, title: Analyst,", "{id: analyst, title: Analyst, track: practise,")
    assert problems_for(example) == [
        "framework.yaml:12: unknown track 'practise' (the framework's tracks: leadership, practice)",
    ]
    edit(example / "framework.yaml", " track: practise,", "")
    assert problems_for(example) == [
        "capabilities/data-stewardship.yaml:36: 'levels.analytics-manager.text' is longer than 1200 characters",
    ]
    edit(path, "More words. " * 120, "Shorter.")
    assert problems_for(example) == [
        (
            "capabilities/data-stewardship.yaml:23: 'levels.lead-analyst.step': unknown step 'master' "
            "(the scale's steps: awareness, foundational, working, practitioner, expert)"
        ),
    ]


def test_statements_have_the_limits_the_framework_gives_them(example: Path) -> None:
    edit(
        example / "framework.yaml",
        "      - {name: prompts, type: prompts,",
        "      - {name: signs, type: levels, cell: statements, max: 2, max_length: 40, heading: Signs}\n"
        "      - {name: prompts, type: prompts,",
    )
    edit(
        example / "capabilities" / "data-stewardship.yaml",
        "prompts:\n",
        "signs:\n  analyst: Checks the data first.\n  senior-analyst:\n    statements:\n"
        "      - Writes it down.\n      - Writes checks that run every time the data is refreshed, always.\n"
        "      - Fixes it at the source.\n    step: working\n  lead-analyst:\n    - One.\n    - Two.\n"
        "  nobody: Not a level.\nprompts:\n",
    )
    edit(example / "capabilities" / "framing-questions.yaml", "order: 1", "order: 1\nsigns: {analyst: [One, [Two]]}")
    assert problems_for(example) == [
        "capabilities/data-stewardship.yaml:52: 'signs.senior-analyst.statements item 2' is longer than 40 characters",
        "capabilities/framing-questions.yaml:3: 'signs.analyst item 2' should be text, not a list",
    ]
    edit(example / "capabilities" / "data-stewardship.yaml", " that run every time the data is refreshed, always", "")
    edit(example / "capabilities" / "framing-questions.yaml", "[One, [Two]]", "[One, Two]")
    assert problems_for(example) == [
        "capabilities/data-stewardship.yaml:50: 'signs.senior-analyst.statements' has more than 2 entries",
    ]
    edit(example / "capabilities" / "data-stewardship.yaml", "      - Fixes it at the source.\n", "")
    assert problems_for(example) == ["capabilities/data-stewardship.yaml:57: 'signs': unknown level 'nobody'"]
    edit(example / "framework.yaml", "cell: statements, max: 2", "cell: statements")
    edit(example / "framework.yaml", "{name: summary, type: line,", "{name: summary, type: line, cell: markdown,")
    assert problems_for(example) == ["framework.yaml:41: only a levels field has cells"]


@pytest.mark.browser
@pytest.mark.parametrize(
    "path", ["capabilities/levels/", "levels/senior-analyst/", "capabilities/framing-questions/", "assessment/"]
)
def test_the_levels_pages_have_no_serious_accessibility_problem(browser, site_url: str, path: str) -> None:  # type: ignore[no-untyped-def]
    from tests.test_accessibility import AXE

    if not AXE.is_file():
        pytest.skip("axe-core not installed (tests/test_accessibility.py installs it)")
    for scheme in ("light", "dark"):
        page = browser.new_page(color_scheme=scheme, viewport={"width": 1280, "height": 900})
        page.goto(site_url + path)
        if path == "assessment/":  # with results showing, as a reader sees them
            page.select_option("#leap-track", "practice")
            page.check('input[name="rating:framing-questions"][value="1"]')
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        found = page.evaluate("axe.run(document, {resultTypes: ['violations']})")["violations"]
        page.close()
        serious = [
            (v["id"], [n["target"] for n in v["nodes"]][:3]) for v in found if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], (scheme, serious)
