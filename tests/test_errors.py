"""Bad content gets exact `path:line: message` lines, all at once, exit 1 and no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.check import check
from generator.errors import ContentError
from tests.conftest import run_leap


def problems_for(content: Path, strict: bool = False) -> list[str]:
    with pytest.raises(ContentError) as caught:
        check(content, strict)
    return [str(p).replace(content.as_posix() + "/", "") for p in caught.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_fixture_itself_is_clean(mini: Path) -> None:
    checked = check(mini, strict=True)
    assert len(checked.content.items) == 5
    assert checked.warnings == ()


def test_yaml_syntax_error_has_its_line(mini: Path) -> None:
    edit(mini / "traits" / "clarity.yaml", "summary: Say where you are going.", "summary: [unclosed")
    assert problems_for(mini) == [
        (
            "traits/clarity.yaml:4: YAML syntax error: did not find expected ',' or ']' "
            "(while parsing a flow sequence on line 3)"
        )
    ]


def test_missing_field(mini: Path) -> None:
    edit(mini / "traits" / "clarity.yaml", "summary: Say where you are going.\n", "")
    assert problems_for(mini) == ["traits/clarity.yaml:1: missing field 'summary'"]


def test_wrongly_typed_fields(mini: Path) -> None:
    edit(mini / "traits" / "clarity.yaml", "tags: [strategy]", "tags: strategy")
    edit(mini / "traits" / "clarity.yaml", "order: 1", "order: first")
    assert problems_for(mini) == [
        "traits/clarity.yaml:1: 'order' should be a whole number",
        "traits/clarity.yaml:17: 'tags' should be a list, not text",
    ]


def test_too_few_prompts(mini: Path) -> None:
    edit(mini / "barriers" / "hiding.yaml", "  - Who should?\n", "")
    assert problems_for(mini) == ["barriers/hiding.yaml:8: 'prompts' needs at least 3 entries, has 2"]


def test_unknown_field_suggests_the_right_one(mini: Path) -> None:
    edit(mini / "traits" / "clarity.yaml", "title:", "titel:")
    assert problems_for(mini) == [
        "traits/clarity.yaml:1: missing field 'title'",
        "traits/clarity.yaml:2: unknown field 'titel' (did you mean 'title'?)",
    ]


def test_an_item_may_not_set_its_own_id(mini: Path) -> None:
    edit(mini / "traits" / "clarity.yaml", "order: 1", "order: 1\nid: clear")
    assert problems_for(mini) == ["traits/clarity.yaml:2: unknown field 'id': an item's id is its file name"]


def test_duplicate_id_across_kinds(mini: Path) -> None:
    (mini / "strategies" / "hiding.yaml").write_text(
        (mini / "strategies" / "show-up.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert problems_for(mini) == [
        "strategies/hiding.yaml:1: duplicate id 'hiding': "
        + (mini / "barriers/hiding.yaml").as_posix().replace(mini.as_posix() + "/", "")
        + " has it too"
    ]


def test_unknown_relation_says_did_you_mean(mini: Path) -> None:
    edit(mini / "barriers" / "hiding.yaml", "undermines: [clarity, courage]", "undermines: [clarty, courage]")
    assert problems_for(mini) == [
        "barriers/hiding.yaml:7: 'undermines': unknown trait 'clarty' (did you mean 'clarity'?)"
    ]


def test_relation_to_the_wrong_kind(mini: Path) -> None:
    edit(mini / "strategies" / "show-up.yaml", "builds: [clarity]", "builds: [hiding]")
    assert problems_for(mini) == ["strategies/show-up.yaml:6: 'builds': 'hiding' is a barrier, not a trait"]


def test_an_item_nothing_links_to_is_a_warning_and_strict_makes_it_an_error(mini: Path) -> None:
    text = (mini / "traits" / "clarity.yaml").read_text(encoding="utf-8")
    (mini / "traits" / "lonely.yaml").write_text(text, encoding="utf-8")
    warnings = [str(w).replace(mini.as_posix() + "/", "") for w in check(mini).warnings]
    expected = ["traits/lonely.yaml:1: warning: nothing links to trait 'lonely', and it links to nothing"]
    assert warnings == expected
    assert problems_for(mini, strict=True) == expected


def test_yaml_tricks_are_refused(mini: Path) -> None:
    (mini / "traits" / "alias.yaml").write_text("a: &x [1]\nb: *x\n", encoding="utf-8")
    (mini / "traits" / "dup.yaml").write_text("title: A\ntitle: B\n", encoding="utf-8")
    (mini / "traits" / "empty.yaml").write_text("", encoding="utf-8")
    (mini / "traits" / "binary.yaml").write_bytes(b"title: ok\nsummary: \xff\xfe\n")
    (mini / "traits" / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    (mini / "traits" / "control.yaml").write_text("title: a\nsummary: b\x07\n", encoding="utf-8")
    found = problems_for(mini)
    assert found == [
        "traits/alias.yaml:2: YAML syntax error: aliases (*name) are not supported in content; write the value out",
        "traits/binary.yaml:2: file is not valid UTF-8 text",
        "traits/control.yaml:2: unreadable control character U+0007: remove it",
        "traits/dup.yaml:2: duplicate key 'title'",
        "traits/empty.yaml:1: file is empty",
        "traits/list.yaml:1: the file must be a set of 'field: value' lines",
    ]


def test_every_problem_is_reported_at_once(mini: Path) -> None:
    edit(mini / "traits" / "clarity.yaml", "title:", "titel:")
    edit(mini / "barriers" / "hiding.yaml", "undermines: [clarity, courage]", "undermines: [clarity, curage]")
    (mini / "shifts" / "broken.yaml").write_text("title: [\n", encoding="utf-8")
    assert len(problems_for(mini)) == 4


def test_cli_check_prints_lines_and_exits_1_without_traceback(mini: Path) -> None:
    edit(mini / "barriers" / "hiding.yaml", "undermines: [clarity, courage]", "undermines: [clarty]")
    result = run_leap("check", "--content", "content", cwd=mini.parent)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.splitlines() == [
        "content/barriers/hiding.yaml:7: 'undermines': unknown trait 'clarty' (did you mean 'clarity'?)",
        "1 error(s), 0 warning(s): nothing was written.",
    ]


def test_cli_check_on_clean_content(mini: Path) -> None:
    result = run_leap("check", "--content", "content", cwd=mini.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "content: 5 items, 7 relations, 0 warnings.\n"
