"""Answers files are data: in Chromium, a restored file (or a record another page of the same origin
wrote into localStorage) with script in every field runs nothing, breaks no page and loses nothing,
and a link made from it goes only to a page of this site. What the pages keep matches the published
schema, ``assets/leap/answers.schema.json``."""

from __future__ import annotations

import copy
import json
import random
import re
import subprocess
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.site.bundled import bundled_files

pytestmark = pytest.mark.browser

GUIDE = "mini-guide"
KEY_START = "leap:v2:"
PWN = "window.__pwned=(window.__pwned||0)+1;alert('pwned')"
SCRIPT = f'<img src=x onerror="{PWN}"><script>{PWN}</script>"\'><svg onload="{PWN}">javascript:{PWN}'


def schema() -> Any:
    return json.loads(bundled_files()["assets/leap/answers.schema.json"])


def fresh(browser: Any) -> Any:
    """A new profile. Our own confirm() is accepted; any other dialog is a failure, recorded."""
    page = browser.new_context(accept_downloads=True).new_page()
    page.dialogs = []
    page.errors = []

    def dialog(d: Any) -> None:
        page.dialogs.append(f"{d.type}: {d.message}")
        d.accept()

    page.on("dialog", dialog)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    return page


def pwned(page: Any) -> list[str]:
    flag = page.evaluate("window.__pwned || 0")
    ours = ("confirm: Replace the answers in this browser",)  # which names what it leaves out, as text
    return [d for d in page.dialogs if "pwned" in d and not d.startswith(ours)] + (
        [f"window.__pwned = {flag}"] if flag else []
    )


def record(page: Any) -> Any:
    return page.evaluate("window.leapStore.get().record")


def stored(page: Any) -> dict[str, str]:
    """Every leap key in localStorage, as text."""
    return page.evaluate(  # type: ignore[no-any-return]
        "Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('leap')).map(k => [k, localStorage.getItem(k)]))"
    )


def put(page: Any, url: str, data: Any) -> None:
    """Write ``data`` as this guide's record, as another page of the same origin could."""
    page.goto(url)
    page.evaluate(
        "([data]) => localStorage.setItem(window.leapStore.get().key, typeof data === 'string' ? data : JSON.stringify(data))",
        [data],
    )


def restore(page: Any, url: str, tmp_path: Path, data: Any, name: str = "answers.json") -> str:
    """Restore ``data`` (or text) through My journal's "Restore answers from a file"; its message."""
    if page.url != url + "journal/":
        page.goto(url + "journal/")
    page.evaluate("document.getElementById('leap-journal-message').textContent = ''")
    file = tmp_path / name
    if isinstance(data, bytes):
        file.write_bytes(data)
    else:
        file.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    page.set_input_files("#leap-import-file", str(file))
    page.wait_for_function("document.getElementById('leap-journal-message').textContent.length > 0")
    return str(page.locator("#leap-journal-message").inner_text())


def catalog(page: Any, url: str) -> dict[str, Any]:
    page.goto(url + "journal/")
    return json.loads(page.locator("#leap-journal-data").text_content())  # type: ignore[no-any-return]


def good_record(page: Any, url: str) -> dict[str, Any]:
    """A record as the pages write it: answers on a worksheet, the self-assessment, dated results."""
    page.goto(url + "worksheets/traits/clarity/")
    page.locator(".leap-worksheet textarea").first.fill("My own answer.")
    page.check('input[name="rating"][value="4"]')
    page.goto(url + "assessment/")
    page.check('input[name="rating:clarity"][value="2"]')
    page.check('input[name="tick:hiding"]')
    page.get_by_role("button", name="Save today's results to compare later").click()
    page.goto(url + "worksheets/development-plan/")
    page.get_by_role("button", name="Use my self-assessment results").click()
    page.goto(url + "worksheets/traits/courage/")  # the page read last (item pages carry no store)
    return record(page)  # type: ignore[no-any-return]


@pytest.fixture
def mini(mini_url: str) -> str:
    return mini_url


# --- links made from stored data go only to pages of this site ------------------------------------

ELSEWHERE = [
    f"javascript:{PWN}",
    f"JaVaScRiPt:{PWN}",
    f"java\nscript:{PWN}",
    f"\tjavascript:{PWN}",
    f" javascript:{PWN}",
    f"\x00javascript:{PWN}",
    f"javascript&colon;{PWN}",
    f"data:text/html,<script>{PWN}</script>",
    "vbscript:msgbox(1)",
    "//evil.example/",
    "///evil.example/",
    "https://elsewhere.example/",
    "http:elsewhere.example",
    "\\\\evil.example\\",
    "/\\evil.example/",
    "\\/evil.example/",
    "../../../../outside/",
    "..%2F..%2F..%2Foutside/",
    "%2e%2e/%2e%2e/%2e%2e/outside/",
    "/outside/",
    "traits/../../../outside/",
    "blob:https://evil.example/x",
    "file:///etc/passwd",
    "mailto:someone@example.org",
]


@pytest.mark.parametrize("path", ELSEWHERE, ids=range(len(ELSEWHERE)))
def test_pick_up_where_you_left_off_goes_only_to_a_page_of_this_site(browser, mini: str, path: str) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    put(page, mini, {**_minimal(), "visited": {"path": path, "title": SCRIPT, "at": "2026-01-05T10:00:00.000Z"}})
    page.goto(mini)
    link = page.locator(".leap-continue__link")
    href = link.get_attribute("href") or ""
    if page.locator(".leap-continue__link").is_visible():  # the box may show only what is due
        absolute = page.evaluate("(a) => a.href", link.element_handle())
        assert absolute.startswith(mini), absolute
        assert page.errors == []
        link.click()
        page.wait_for_load_state()
        assert page.url.startswith(mini)
        page.errors[:] = [e for e in page.errors if "404" not in e]  # a page of this site that is not there
    else:
        assert "script" not in href.lower() and "evil" not in href and "elsewhere" not in href
    assert pwned(page) == [] and page.errors == []


def test_a_page_of_this_site_is_offered_with_its_title_as_text(browser, mini: str) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    put(page, mini, {**_minimal(), "visited": {"path": "traits/courage/", "title": SCRIPT, "at": ""}})
    page.goto(mini)
    link = page.locator(".leap-continue__link")
    assert link.is_visible() and link.inner_text() == SCRIPT
    link.click()
    page.wait_for_load_state()
    assert page.url == mini + "traits/courage/"
    assert pwned(page) == [] and page.errors == []


def _minimal() -> dict[str, Any]:
    return {
        "format": "leap-answers",
        "version": 2,
        "guide": GUIDE,
        "site": "",
        "sheets": {"courage": {"action": {"value": "Something to keep.", "question": "", "at": ""}}},
        "assessments": [],
        "results": None,
        "visited": None,
        "adopted": {},
    }


# --- a bad record never bricks a page -------------------------------------------------------------


def test_a_null_assessment_in_storage_bricks_nothing_and_a_good_file_restores_after(  # type: ignore[no-untyped-def]
    browser, mini: str, tmp_path: Path
) -> None:
    page = fresh(browser)
    good = good_record(page, mini)
    put(page, mini, {**good, "assessments": [None]})
    page.goto(mini + "journal/")
    said = page.locator("#leap-journal-message").inner_text()
    assert "could not be read" in said and "assessments \u203a 1 (not a saved result)" in said, said
    assert page.locator("#leap-journal-answers").inner_text()  # the rest is shown
    page.goto(mini + "assessment/")
    page.check('input[name="rating:courage"][value="3"]')  # the form is wired
    assert record(page)["sheets"]["assessment"]["rating:courage"]["value"] == "3"
    message = restore(page, mini, tmp_path, good)
    assert message.startswith("Restored"), message
    assert record(page)["sheets"] == good["sheets"]
    assert page.errors == []


def test_a_null_assessment_in_a_file_is_left_out_and_said(browser, mini: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    good = good_record(page, mini)
    message = restore(page, mini, tmp_path, {**good, "assessments": [None, *good["assessments"]]})
    assert message.startswith("Restored"), message
    assert "Left out 1 entry" in message and "assessments" in message
    assert record(page)["assessments"] == good["assessments"]
    page.goto(mini + "assessment/")
    assert page.locator("#leap-chart").is_visible()
    assert page.errors == []


# --- script in every field ------------------------------------------------------------------------


def hostile_record(good: dict[str, Any], fields: list[str]) -> dict[str, Any]:
    """``good`` with script in every value, question, date, id and title it holds, and more."""
    bad = copy.deepcopy(good)
    answer = {"value": SCRIPT, "question": SCRIPT, "at": SCRIPT}
    bad["site"] = SCRIPT
    bad["sheets"]["clarity"].update({name: dict(answer) for name in fields})
    bad["sheets"]["clarity"][SCRIPT] = dict(answer)
    bad["sheets"]["clarity"]["gone-question"] = {"value": SCRIPT, "question": SCRIPT, "at": ""}
    bad["sheets"][SCRIPT] = {SCRIPT: dict(answer)}
    bad["sheets"]["assessment"].update(
        {"rating:courage": dict(answer), "tick:hiding": {"value": True, "question": SCRIPT, "at": ""}}
    )
    bad["sheets"]["assessment"]["target"] = dict(answer)
    bad["sheets"]["development-plan"].update(
        {n: {"value": SCRIPT, "question": SCRIPT, "at": ""} for n in ("start", "p1-review", "p1-focus", "p2-review")}
    )
    bad["assessments"].insert(0, {"date": SCRIPT, "ratings": {"clarity": SCRIPT, SCRIPT: 3}, "ticked": [SCRIPT]})
    bad["assessments"].append({"date": "2026-01-05", "ratings": {"clarity": 3}, "ticked": [SCRIPT], "target": None})
    bad["results"] = {
        "date": SCRIPT,
        "tick": [SCRIPT],
        "recommend": [{"id": SCRIPT, "title": SCRIPT, "action": SCRIPT, "sign": SCRIPT, "against": [SCRIPT]}],
    }
    bad["visited"] = {"path": f"javascript:{PWN}", "title": SCRIPT, "at": SCRIPT}
    bad["adopted"] = {SCRIPT: True}
    bad[SCRIPT] = SCRIPT
    return bad


def click_everything(page: Any, selector: str) -> None:
    """Click every button in ``selector`` (print is stubbed; downloads are taken; confirms accepted)."""
    page.evaluate("window.print = () => {}")
    for button in page.locator(f"{selector} button:visible").all():
        if button.is_enabled():
            button.click()
    page.wait_for_timeout(100)


def test_script_in_every_field_of_a_restored_file_runs_nowhere(browser, mini: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    good = good_record(page, mini)
    fields = [f["name"] for s in catalog(page, mini)["sheets"] if s["id"] == "clarity" for f in s["fields"]]
    message = restore(page, mini, tmp_path, hostile_record(good, fields))
    assert message.startswith("Restored"), message
    kept = record(page)
    jsonschema.validate(kept, schema())
    assert kept["visited"] is None  # a javascript: path is no page of this site
    # The home page, and its link from stored data, clicked.
    page.goto(mini)
    if page.locator(".leap-continue__link").is_visible():  # the box may show only what is due
        page.locator(".leap-continue__link").click()
        page.wait_for_load_state()
        assert page.url.startswith(mini)
    # My journal: every link in the answers it shows, and every button.
    page.goto(mini + "journal/")
    for href in page.eval_on_selector_all(".leap-journal a[href]", "links => links.map(a => a.href)"):
        assert href.startswith(mini), href
    assert SCRIPT in page.locator("#leap-journal-answers").inner_text()  # shown, as text
    click_everything(page, ".leap-journal .leap-actions")
    # The self-assessment, its buttons, and a worksheet with every field and the earlier answers.
    page.goto(mini + "assessment/")
    click_everything(page, ".leap-assessment")
    page.goto(mini + "worksheets/traits/clarity/")
    assert SCRIPT in page.locator(".leap-earlier").inner_text()
    click_everything(page, ".leap-worksheet")
    page.goto(mini + "worksheets/development-plan/")
    click_everything(page, ".leap-worksheet")
    assert pwned(page) == []
    assert page.errors == []


def test_a_stored_record_with_script_everywhere_runs_nowhere(browser, mini: str) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    good = good_record(page, mini)
    fields = [f["name"] for s in catalog(page, mini)["sheets"] if s["id"] == "clarity" for f in s["fields"]]
    put(page, mini, hostile_record(good, fields))
    for path in ("", "journal/", "assessment/", "worksheets/traits/clarity/", "worksheets/development-plan/"):
        page.goto(mini + path)
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            assert not href.lower().startswith(("javascript:", "data:")), (path, href)
        click_everything(page, "article")
    page.goto(mini)
    if page.locator(".leap-continue__link").is_visible():  # the box may show only what is due
        page.locator(".leap-continue__link").click()
    assert pwned(page) == []
    assert page.errors == []


# --- what a file may hold --------------------------------------------------------------------------


def test_unknown_keys_and_wrong_types_are_left_out_and_named(browser, mini: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    good = good_record(page, mini)
    bad = copy.deepcopy(good)
    bad["coach"] = "not part of it"
    bad["sheets"]["clarity"]["rating"]["value"] = {"toString": 1}
    bad["sheets"]["clarity"]["extra"] = {"value": "kept", "question": "", "at": "", "colour": "red"}
    message = restore(page, mini, tmp_path, bad)
    assert message.startswith("Restored"), message
    assert "coach" in message and "rating" in message and "colour" in message
    kept = record(page)
    assert "coach" not in kept and "rating" not in kept["sheets"]["clarity"]
    assert kept["sheets"]["clarity"]["extra"] == {"value": "kept", "question": "", "at": ""}
    jsonschema.validate(kept, schema())
    page.goto(mini + "journal/")
    assert page.errors == []


def _deep(levels: int) -> str:
    return (
        '{"format":"leap-answers","version":2,"guide":"mini-guide","sheets":{},"x":' + "[" * levels + "]" * levels + "}"
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (_deep(5000), "nested too deeply"),
        (
            '{"format":"leap-answers","version":2,"guide":"mini-guide","sheets":{},"x":"' + "a" * 6_000_000 + '"}',
            "too large",
        ),
        ("[]", "not a saved answers file"),
        ('{"format":"leap-answers","version":2,"guide":"mini-guide","sheets":[]}', "not a saved answers file"),
        ('{"format":"leap-answers","version":"2","guide":"mini-guide","sheets":{}}', "format"),
        ('{"format":"leap-answers","version":2,"guide":{"toString":1},"sheets":{}}', "another guide"),
        ("\ufeff\x00garbage", "could not be read"),
        (b" " * 21_000_000, "too large"),  # not even read
    ],
    ids=["deep", "huge", "array", "sheets-array", "version-text", "guide-object", "garbage", "huge-file"],
)
def test_a_refused_file_says_why_and_changes_nothing(  # type: ignore[no-untyped-def]
    browser, mini: str, tmp_path: Path, text: str | bytes, said: str
) -> None:
    page = fresh(browser)
    good_record(page, mini)
    page.goto(mini + "journal/")
    before = stored(page)
    message = restore(page, mini, tmp_path, text)
    assert said in message and "Nothing was changed" in message, message
    assert stored(page) == before
    assert page.errors == []


# --- fuzzed files, through the restore button and straight into storage ----------------------------

NASTY: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    1e308,
    "",
    SCRIPT,
    "2026-02-30",
    "9999-99-99",
    "x" * 3000,
    [],
    [None],
    {},
    {"toString": 1},
    {"valueOf": 1, "toString": None},
    {"__proto__": {"polluted": 1}},
    {"constructor": {"prototype": {"polluted": 1}}},
    [[[[[[[[[[[]]]]]]]]]]],
    {"value": SCRIPT, "question": {"toString": 1}, "at": []},
]
KEYS = ["__proto__", "constructor", "toString", "", " ", SCRIPT, "rating", "tick:hiding", "a" * 500]


def mutate(value: Any, pick: random.Random, depth: int = 0) -> Any:
    """``value`` with a few of its parts replaced by nasty ones, keys added or removed."""
    if pick.random() < 0.12 or depth > 6:
        return copy.deepcopy(pick.choice(NASTY))
    if isinstance(value, dict):
        out = {key: mutate(item, pick, depth + 1) if pick.random() < 0.5 else item for key, item in value.items()}
        if out and pick.random() < 0.2:
            out.pop(pick.choice(list(out)))
        if pick.random() < 0.2:
            out[pick.choice(KEYS)] = copy.deepcopy(pick.choice(NASTY))
        return out
    if isinstance(value, list):
        out_list = [mutate(item, pick, depth + 1) if pick.random() < 0.5 else item for item in value]
        if pick.random() < 0.2:
            out_list.append(copy.deepcopy(pick.choice(NASTY)))
        return out_list
    return value


def fuzzed(good: dict[str, Any], count: int, seed: int) -> list[dict[str, Any]]:
    pick = random.Random(seed)
    files = []
    for _ in range(count):
        data = mutate(good, pick)
        if isinstance(data, dict) and pick.random() < 0.8:  # most keep their envelope, to reach the fields
            data.update(format="leap-answers", version=2, guide=GUIDE)
        files.append(data)
    return files


PAGES = ("", "journal/", "assessment/", "worksheets/traits/clarity/", "worksheets/development-plan/")


def visit_and_use(page: Any, url: str, where: object) -> None:
    """Every page that reads the record, each with a button or field used: none throws, all are wired."""
    for path in PAGES:
        page.goto(url + path, wait_until="domcontentloaded")
        if path == "journal/":
            with page.expect_download(timeout=5000):
                page.get_by_role("button", name="Save my answers to a file").click()
        if path == "assessment/":
            page.check('input[name="rating:courage"][value="5"]')
            assert record(page)["sheets"]["assessment"]["rating:courage"]["value"] == "5", where
        if path == "worksheets/development-plan/":
            page.get_by_role("button", name="Use my self-assessment results").click()
        assert page.errors == [], (where, path, page.errors)
    assert pwned(page) == [], where


def test_fuzzed_files_restored_never_throw_and_a_refused_one_changes_nothing(  # type: ignore[no-untyped-def]
    browser, mini: str, tmp_path: Path
) -> None:
    page = fresh(browser)
    good = good_record(page, mini)
    outcomes: list[str] = []
    for number, data in enumerate(fuzzed(good, 15, seed=26)):
        page.goto(mini + "journal/")  # which marks the worksheets it has adopted: before the file, not after
        before = stored(page)
        message = restore(page, mini, tmp_path, data, name=f"fuzz-{number}.json")
        outcomes.append(message.split(" ")[0])
        if message.startswith("Restored"):
            jsonschema.validate(record(page), schema())
        else:
            assert "Nothing was changed" in message, (number, message)
            assert stored(page) == before, number
        assert page.errors == [] and pwned(page) == [], (number, page.errors)
        visit_and_use(page, mini, number)
        message = restore(page, mini, tmp_path, good, name="good.json")  # and a good file restores after
        assert message.startswith("Restored"), (number, message)
    assert "Restored" in outcomes and "This" in outcomes, outcomes  # some taken in, some refused


def test_fuzzed_records_in_storage_never_throw_and_keep_the_buttons_wired(browser, mini: str) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    good = good_record(page, mini)
    for number, data in enumerate(fuzzed(good, 12, seed=626)):
        page.evaluate(
            "([data]) => localStorage.setItem(window.leapStore.get().key, JSON.stringify(data))",
            [data],
        )
        page.goto(mini + "journal/", wait_until="domcontentloaded")
        jsonschema.validate(record(page), schema())  # what the page reads is what the format allows
        visit_and_use(page, mini, number)


def test_answers_saved_at_another_address_are_checked_before_they_are_brought_here(browser, mini: str) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    page.goto(mini)
    bad = {**_minimal(), "assessments": [None], "visited": {"path": f"javascript:{PWN}", "title": "x", "at": ""}}
    page.evaluate(
        "([key, data]) => localStorage.setItem(key, JSON.stringify(data))",
        [f"{KEY_START}http://old.example/|{GUIDE}", bad],
    )
    page.goto(mini + "journal/")
    page.get_by_role("button", name="Bring them here").click()
    kept = record(page)
    assert kept["assessments"] == [] and kept["visited"] is None
    assert kept["sheets"]["courage"]["action"]["value"] == "Something to keep."
    page.goto(mini)
    assert pwned(page) == [] and page.errors == []


def test_the_schema_is_shipped_and_what_the_pages_save_matches_it(browser, mini: str, mini_site: Path) -> None:  # type: ignore[no-untyped-def]
    assert json.loads((mini_site / "assets/leap/answers.schema.json").read_text(encoding="utf-8")) == schema()
    page = fresh(browser)
    good = good_record(page, mini)
    jsonschema.validate(good, schema())
    page.goto(mini + "journal/")
    with page.expect_download() as saved:
        page.get_by_role("button", name="Save my answers to a file").click()
    jsonschema.validate(json.loads(Path(saved.value.path()).read_text(encoding="utf-8")), schema())


# --- from the adversarial pass ----------------------------------------------------------------------

MD_HOSTILE = [
    "<img src=x onerror=alert(1)//>",
    "\\<img src=y onerror=alert(2)//>",
    "<script>alert(3)</script>",
    "[a link](javascript:alert(4))",
    "![an image](https://evil.example/x.png)",
    "<javascript:alert(5)>",
    "<!-- hidden -->",
    "&lt;b&gt; and &#60;i&#62;",
    "a < b & c > d",
]


def rendered(markdown_text: str) -> list[str]:
    """The Markdown as two viewers render it, both passing raw HTML through: Python-Markdown, and
    cmark-gfm (GitHub's) with --unsafe."""
    import markdown as python_markdown

    from tests.wikiengine import require

    require("cmark-gfm")
    cmark = subprocess.run(
        ["cmark-gfm", "--unsafe", "-e", "autolink"],
        input=markdown_text,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    return [python_markdown.markdown(markdown_text), cmark]


def test_the_markdown_copy_makes_no_element_or_link_of_an_answer(browser, mini: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    good = good_record(page, mini)
    bad = copy.deepcopy(good)
    prompt = next(name for name in bad["sheets"]["clarity"] if name.startswith("q-"))
    bad["sheets"]["clarity"][prompt]["value"] = "\n\n".join(MD_HOSTILE)
    bad["sheets"]["clarity"]["gone"] = {"value": MD_HOSTILE[0], "question": " ".join(MD_HOSTILE[1:4]), "at": ""}
    bad["results"]["recommend"][0]["title"] = MD_HOSTILE[2]
    bad["results"]["tick"] = [MD_HOSTILE[3]]
    assert restore(page, mini, tmp_path, bad).startswith("Restored")
    with page.expect_download() as saved:
        page.get_by_role("button", name="Save a copy to share (Markdown)").click()
    text = Path(saved.value.path()).read_text(encoding="utf-8")
    for html in rendered(text):
        found = {tag for tag, _ in tags(html)}
        assert found <= {"h1", "h2", "p", "strong", "ul", "li", "em", "a"}, found
        links = [dict(attrs).get("href") or "" for tag, attrs in tags(html) if tag == "a"]
        assert all(href.startswith("https://evil.example/") for href in links), links  # GFM's bare-address links
        assert "javascript" not in " ".join(v or "" for _, attrs in tags(html) for _, v in attrs)
        inline = re.sub(r"</?(a|em|strong)\b[^>]*>", "", html)
        shown = " ".join(unescape(re.sub(r"<[^>]+>", " ", inline)).split())
        for value in MD_HOSTILE:
            assert value in shown, value
    assert page.errors == []


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


def test_answers_under_ids_object_has_are_shown_not_hidden(browser, mini: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    good = good_record(page, mini)
    names = ["constructor", "toString", "hasOwnProperty", "valueOf"]
    for name in names:
        good["sheets"]["clarity"][name] = {"value": f"Kept under {name}.", "question": "", "at": ""}
    assert restore(page, mini, tmp_path, good).startswith("Restored")
    journal = page.locator("#leap-journal-answers").inner_text()
    page.goto(mini + "worksheets/traits/clarity/")
    earlier = page.locator(".leap-earlier").inner_text()
    for name in names:
        assert f"Kept under {name}." in journal and f"Kept under {name}." in earlier, name
    assert page.errors == []


@pytest.mark.parametrize(
    ("root", "path", "url"),
    [
        (
            "http://intranet.example/leadership/",
            "traits/clarity/",
            "http://intranet.example/leadership/traits/clarity/",
        ),
        ("http://intranet.example/leadership/", "../other-guide/", None),
        ("http://intranet.example/leadership/", "traits/../../other-guide/", None),
        ("http://intranet.example/leadership/", "%2e%2e/other-guide/", None),
        (
            "http://intranet.example/leadership/",
            "traits%2F..%2F..%2Fx",
            "http://intranet.example/leadership/traits%2F..%2F..%2Fx",
        ),
        (
            "file:///srv/share/site-offline/",
            "traits/clarity/index.html",
            "file:///srv/share/site-offline/traits/clarity/index.html",
        ),
        ("file:///srv/share/site-offline/", "../../etc/passwd", None),
        ("file:///srv/share/site-offline/", "//evil.example/x", None),
        ("http://intranet.example/", "@evil.example/", "http://intranet.example/@evil.example/"),
        ("http://intranet.example/", "a:b", None),
    ],
)
def test_a_stored_path_resolves_only_under_the_sites_root(
    browser, mini: str, root: str, path: str, url: str | None
) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    page.goto(mini)
    found = page.evaluate(
        "([root, path]) => Object.getPrototypeOf(window.leapStore.get()).pageUrl.call({ site: root }, path)",
        [root, path],
    )
    assert found == url


def test_a_file_the_browser_will_not_keep_changes_nothing_and_says_so(browser, mini: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = fresh(browser)
    good = good_record(page, mini)
    page.goto(mini + "journal/")
    before = stored(page)
    page.evaluate(
        "() => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; }"
    )
    bigger = copy.deepcopy(good)
    bigger["sheets"]["clarity"]["rating"]["value"] = "5"
    message = restore(page, mini, tmp_path, bigger)
    assert message == (
        "This browser would not keep the answers in answers.json (its storage is full or switched off). "
        "Nothing was changed."
    )
    assert stored(page) == before and record(page)["sheets"] == good["sheets"]
    assert page.errors == []
