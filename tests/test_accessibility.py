"""axe-core, from the npm registry and used by these tests only: no violation at all on the pages
every reader starts from (home, self-assessment, journal), and no serious or critical one on the
others, in the light and the dark colour scheme."""

from __future__ import annotations

import os
from typing import Any

import pytest

from tests.conftest import ROOT

AXE_DIR = ROOT / "tests" / "axe"
AXE = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
STRICT = ["", "assessment/", "journal/"]  # no violation of any impact
PAGES = [
    "barriers/no-succession-plan/",
    "worksheets/traits/vision/",
    "worksheets/development-plan/",
    "matrix/",
    "programme/",
    "facilitator-guide/",
    "manager-brief/",
    "worksheets/others-rating/",
    "worksheets/barrier-diagnostic/",
    "traits/",
]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe_script() -> str:
    """axe.min.js, which `.ci/run` installs from tests/axe/package-lock.json (`npm ci`); the tests
    install nothing."""
    if not AXE.is_file():
        if os.environ.get("LEAP_REQUIRE_BROWSER") == "1":
            pytest.fail("axe-core is missing: run `npm ci` in tests/axe (needs Node.js and npm)")
        pytest.skip("axe-core not installed (needs npm: `npm ci` in tests/axe)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def site_url(shipped_url: str) -> str:
    return shipped_url


def violations(browser: Any, url: str, axe_script: str, scheme: str) -> list[dict[str, Any]]:
    page = browser.new_page(color_scheme=scheme)
    page.goto(url)
    if url.endswith("assessment/"):  # with results showing, as a reader sees it after answering
        page.check('.leap-assessment input[name^="rating:"][value="2"]')
        page.check('.leap-assessment input[name^="tick:"]')
    page.add_script_tag(content=axe_script)
    result: dict[str, Any] = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    page.close()
    return result["violations"]  # type: ignore[no-any-return]


def described(found: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in found
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", STRICT)
def test_no_violation_at_all_where_readers_start(
    browser,
    site_url: str,
    axe_script: str,
    path: str,  # type: ignore[no-untyped-def]
    scheme: str,
) -> None:
    found = violations(browser, site_url + path, axe_script, scheme)
    assert found == [], described(found)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_violations(
    browser,
    site_url: str,
    axe_script: str,
    path: str,  # type: ignore[no-untyped-def]
    scheme: str,
) -> None:
    found = [
        v for v in violations(browser, site_url + path, axe_script, scheme) if v["impact"] in ("serious", "critical")
    ]
    assert found == [], described(found)
