"""The published format of an answers file (``assets/leap/answers.schema.json``) and the checks the
pages run (``store.js``) say the same: the same limits and the same patterns. The browser tests
(tests/test_answers_files.py) check that whatever the pages keep validates against the schema."""

from __future__ import annotations

import json
import re
from typing import Any

import jsonschema
import pytest

from generator.site.bundled import bundled_files
from tests.conftest import ROOT

FILES = bundled_files()
SCHEMA: dict[str, Any] = json.loads(FILES["assets/leap/answers.schema.json"])
STORE = FILES["assets/leap/store.js"]
DEFS = SCHEMA["$defs"]
PROPS = SCHEMA["properties"]


def js_limits() -> dict[str, int]:
    block = re.search(r"var LIMITS = \{(.*?)\};", STORE, re.DOTALL)
    assert block
    return {name: int(value) for name, value in re.findall(r"(\w+): (\d+)", block.group(1))}


def js_pattern(name: str) -> str:
    found = re.search(rf"var {name} = /(.*)/;", STORE)
    assert found, name
    return found.group(1).replace("\\/", "/")


def test_the_schema_is_a_json_schema_for_format_2() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert PROPS["format"] == {"const": "leap-answers"}
    assert PROPS["version"]["const"] == int(re.search(r"var VERSION = (\d+);", STORE).group(1))  # type: ignore[union-attr]
    assert SCHEMA["$id"].endswith(f"format-{PROPS['version']['const']}")


def test_the_schema_and_the_pages_have_the_same_limits() -> None:
    limits = js_limits()
    sheets = PROPS["sheets"]
    assessment = DEFS["assessment"]["properties"]
    recommend = DEFS["results"]["properties"]["recommend"]
    assert {
        "value": DEFS["answer"]["properties"]["value"]["oneOf"][0]["maxLength"],
        "words": DEFS["words"]["maxLength"],
        "id": DEFS["id"]["maxLength"],
        "site": PROPS["site"]["maxLength"],
        "sheets": sheets["maxProperties"],
        "fields": sheets["additionalProperties"]["maxProperties"],
        "assessments": PROPS["assessments"]["maxItems"],
        "ratings": assessment["ratings"]["maxProperties"],
        "results": recommend["maxItems"],
        "adopted": PROPS["adopted"]["maxProperties"],
    } == {name: limits[name] for name in limits if name not in ("file", "depth")}
    assert assessment["ticked"]["maxItems"] == limits["ratings"]
    assert DEFS["results"]["properties"]["tick"]["maxItems"] == limits["results"]
    assert recommend["items"]["properties"]["against"]["maxItems"] == limits["results"]
    assert DEFS["visited"]["properties"]["path"]["maxLength"] == limits["site"]
    assert f"{limits['file']:,} characters" in SCHEMA["description"]
    assert f"at most {limits['depth']} levels deep" in SCHEMA["description"]


def test_the_schema_and_the_pages_have_the_same_patterns() -> None:
    assert js_pattern("ID") == DEFS["id"]["pattern"]
    assert js_pattern("DAY") == DEFS["day"]["pattern"]
    assert js_pattern("STAMP") == DEFS["stamp"]["pattern"]
    assert js_pattern("PATH") == DEFS["visited"]["properties"]["path"]["pattern"]
    assert js_pattern("ADOPTED") == PROPS["adopted"]["propertyNames"]["pattern"]


GOOD: dict[str, Any] = {
    "format": "leap-answers",
    "version": 2,
    "guide": "mini-guide",
    "site": "https://intranet.example.com/guide/",
    "exported": "2026-03-01T09:30:00.000Z",
    "sheets": {
        "clarity": {
            "q-1a2b": {"value": "Written down.", "question": "Is it written down?", "at": "2026-03-01T09:00:00.000Z"},
            "rating": {"value": "4", "question": "How true is this of me today?", "at": ""},
        },
        "assessment": {"tick:hiding": {"value": True, "question": "Nobody senior sees what I do.", "at": ""}},
    },
    "assessments": [{"date": "2026-02-28", "ratings": {"clarity": 2}, "ticked": ["hiding"], "target": None}],
    "results": {
        "date": "2026-02-28",
        "tick": ["Hiding"],
        "recommend": [{"id": "show-up", "title": "Show up", "action": "Ask.", "sign": "", "against": ["Hiding"]}],
    },
    "visited": {"path": "worksheets/traits/clarity/", "title": "Clarity", "at": "2026-03-01T09:00:00.000Z"},
    "adopted": {"clarity": True, "barrier-diagnostic > assessment": True},
}


def test_a_file_as_the_pages_write_it_is_valid() -> None:
    jsonschema.validate(GOOD, SCHEMA)


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("visited", "path"), "javascript:alert(1)"),
        (("visited", "path"), "//evil.example/"),
        (("visited", "path"), "/\\evil.example/"),
        (("visited", "path"), "https://elsewhere.example/"),
        (("visited", "path"), "a\nb"),
        (("assessments", 0, "date"), "2026-01-05\r\nATTACH:https://evil.example/"),
        (("assessments", 0, "date"), "2026-13-01"),
        (("assessments", 0), None),
        (("assessments", 0, "ratings", "clarity"), "<script>"),
        (("sheets", "clarity", "rating", "value"), {"toString": 1}),
        (("sheets", "clarity", "rating", "value"), 4),
        (("sheets", "clarity", "rating", "extra"), "x"),
        (("sheets", "clarity", "rating", "at"), "yesterday"),
        (("results", "date"), "<b>"),
        (("adopted", "clarity"), "yes"),
        (("unknown",), "x"),
    ],
)
def test_a_file_that_breaks_a_rule_is_not_valid(where: tuple[Any, ...], value: Any) -> None:
    bad = json.loads(json.dumps(GOOD))
    holder = bad
    for step in where[:-1]:
        holder = holder[step]
    holder[where[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)


@pytest.mark.parametrize("key", ["__proto__", "", "<script>", "a" * 201, "-x", "a b"])
def test_an_id_that_is_not_one_is_not_valid(key: str) -> None:
    bad = json.loads(json.dumps(GOOD))
    bad["sheets"]["clarity"][key] = {"value": "x"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)


def test_the_readme_says_what_an_answers_file_may_hold() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Where answers live", 1)[1].split("\n## ", 1)[0]
    assert "answers.schema.json" in section and "assets/leap/answers.schema.json" in section
    for limit in js_limits().values():
        assert f"{limit:,}" in section or limit < 100, limit
