"""Fuzzing `leap check`: whatever a content file holds, the result is a clean pass or
`path:line: message` problems, never a traceback, and never unbounded time or memory."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.check import check
from generator.errors import ContentError
from tests.conftest import MINI, run_leap

TARGET = Path("barriers") / "hiding.yaml"
ORIGINAL = (MINI / TARGET).read_text(encoding="utf-8")
LINE = re.compile(r"^\S.*:\d+: \S")
FUZZ = settings(max_examples=350, deadline=3000, suppress_health_check=[HealthCheck.function_scoped_fixture])

pytestmark = pytest.mark.slow  # thousands of generated files: the full suite runs them


def outcome(content: Path, raw: bytes) -> list[str]:
    """Write ``raw`` as one content file and check; returns the problems (empty when clean)."""
    (content / TARGET).write_bytes(raw)
    try:
        return [str(p) for p in check(content, strict=True).warnings]
    except ContentError as err:
        assert err.problems, "a ContentError always carries its problems"
        return [str(p) for p in err.problems]


def assert_clean_report(problems: list[str]) -> None:
    for line in problems:
        assert LINE.match(line), line
        assert "Traceback" not in line


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=50),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=5000),
)
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5), st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=30,
)
known_keys = st.sampled_from(
    [
        "order",
        "title",
        "summary",
        "sounds_like",
        "body",
        "way_through",
        "undermines",
        "prompts",
        "try_this",
        "tags",
        "titel",
        "id",
        "from",
        "builds",
    ]
)


@FUZZ
@given(data=st.dictionaries(known_keys, trees, max_size=12))
def test_structured_content_of_any_shape(mini: Path, data: dict[str, object]) -> None:
    assert_clean_report(outcome(mini, yaml.safe_dump(data, allow_unicode=True).encode("utf-8")))


@FUZZ
@given(raw=st.binary(max_size=3000))
def test_arbitrary_bytes(mini: Path, raw: bytes) -> None:
    assert_clean_report(outcome(mini, raw))


mutations = st.lists(
    st.tuples(st.integers(0, 30), st.sampled_from(["drop", "dup", "insert", "indent", "cut"]), st.text(max_size=30)),
    min_size=1,
    max_size=6,
)


@FUZZ
@given(steps=mutations)
def test_mutated_valid_files(mini: Path, steps: list[tuple[int, str, str]]) -> None:
    lines = ORIGINAL.splitlines()
    for index, action, text in steps:
        i = index % len(lines) if lines else 0
        if action == "drop" and lines:
            del lines[i]
        elif action == "dup" and lines:
            lines.insert(i, lines[i])
        elif action == "insert":
            lines.insert(i, text)
        elif action == "indent" and lines:
            lines[i] = "  " + lines[i]
        elif action == "cut" and lines:
            lines[i] = lines[i][: len(text)]
    assert_clean_report(outcome(mini, "\n".join(lines).encode("utf-8")))


def test_hostile_yaml_is_refused_quickly(mini: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20)
    )
    cases = {
        "alias bomb": bomb,
        "deep nesting": "title: " + "[" * 50_000 + "]" * 50_000,
        "deep mapping": "".join("  " * i + f"k{i}:\n" for i in range(3000)),
        "huge file": "body: " + "x" * 2_000_000,
        "python tag": "title: !!python/object/apply:os.system ['echo pwned']",
        "many documents": "title: a\n---\ntitle: b\n",
        "empty": "",
        "only a comment": "# nothing\n",
    }
    for name, text in cases.items():
        problems = outcome(mini, text.encode("utf-8"))
        assert problems, name
        assert_clean_report(problems)


def test_the_cli_exits_0_or_1_and_never_shows_a_traceback(mini: Path) -> None:
    for raw in (b"\xff\xfe\x00", b"title: [", ORIGINAL.encode(), b"- a\n- b\n", b"a: &x 1\nb: *x\n"):
        (mini / TARGET).write_bytes(raw)
        result = run_leap("check", "--content", str(mini), cwd=mini.parent)
        assert result.returncode in (0, 1)
        assert "Traceback" not in result.stdout + result.stderr
