"""The framework is data: declared in framework.yaml, checked with path:line errors, and everything
the engine says about a guide follows it: kinds by their own names, their own fields, new projects,
and hand-written pages beside the generated ones."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator.content.check import check
from generator.errors import ContentError
from tests.conftest import MINI, ROOT, make_project, run_leap
from tests.test_site import build_site


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        check(content)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "source: barrier, target: trait,",
            "source: barrier, target: virtue,",
            "framework.yaml:{line}: unknown kind 'virtue'",
        ),
        (
            "    folder: barriers\n",
            "    folder: traits\n",
            "framework.yaml:{line}: two of them use the folder 'traits'",
        ),
        (
            "{name: body, type: markdown, required: true}",
            "{name: body, type: essay, required: true}",
            (
                "framework.yaml:{line}: 'kinds item 1.fields item 2.type' must be one of: 'line', 'markdown', 'lines', "
                "'prompts', 'scale', 'levels', 'action' or 'tags'"
            ),
        ),
        ("  rate: trait\n", "  rate: skill\n", "framework.yaml:{line}: unknown kind 'skill'"),
        (
            "    folder: shifts\n",
            "    folder: journal\n",
            "framework.yaml:{line}: the folder 'journal' is the address of one of the guide's own pages; choose another",
        ),
    ],
    ids=[
        "relation-to-undeclared-kind",
        "two-kinds-one-folder",
        "unknown-field-type",
        "role-of-unknown-kind",
        "folder-taken-by-a-page",
    ],
)
def test_a_bad_framework_gets_path_line_errors(mini: Path, old: str, new: str, expected: str) -> None:
    path = mini / "framework.yaml"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    edit(path, old, new)
    found = problems_of(mini)
    assert any(p.endswith(expected.format(line=line)) for p in found), found


def test_a_required_field_missing_and_an_undeclared_level_are_errors(mini: Path) -> None:
    edit(
        mini / "framework.yaml",
        "{name: summary, type: line, required: true, role: summary}",
        "{name: summary, type: line, required: true, role: summary}\n      - {name: grid, type: levels}",
    )
    edit(
        mini / "framework.yaml",
        "relations:",
        "levels:\n  - {id: new, title: New}\n  - {id: old, title: Old}\n\nrelations:",
    )
    edit(mini / "traits" / "clarity.yaml", "summary: Say where you are going.\n", "")
    edit(mini / "traits" / "courage.yaml", "order: 2\n", "order: 2\ngrid:\n  new: Fresh\n  ancient: Long ago\n")
    found = problems_of(mini)
    assert any(p.endswith("traits/clarity.yaml:1: missing field 'summary'") for p in found), found
    assert any(p.endswith("traits/courage.yaml:4: 'grid': unknown level 'ancient'") for p in found), found


def test_nothing_is_written_for_a_bad_framework(tmp_path: Path) -> None:
    config = make_project(tmp_path, MINI)
    edit(tmp_path / "content" / "framework.yaml", "source: barrier, target: trait,", "source: barrier, target: x,")
    result = run_leap("build", "-f", str(config), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(r"content/framework\.yaml:\d+: unknown kind 'x'", result.stderr)
    assert not (tmp_path / "site").exists() and list((tmp_path / "docs").iterdir()) == []


@pytest.mark.slow
def test_kinds_go_by_their_own_names(tmp_path: Path) -> None:
    """`leap new` and a spreadsheet's type accept a kind's singular or plural, as the framework says it."""
    make_project(tmp_path, ROOT / "examples" / "first-time-manager")
    shutil.copytree(
        ROOT / "examples" / "first-time-manager" / "schemas", tmp_path / "content" / "schemas", dirs_exist_ok=True
    )
    made = run_leap("new", "pitfall", "meeting-overload", "--title", "Meeting overload", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    text = (tmp_path / "content" / "pitfalls" / "meeting-overload.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/pitfall.schema.json\n")
    assert "sounds_like:" in text and "undermines: []" in text and "trait" not in text
    assert run_leap("new", "Habits", "say-no", "--title", "Say no", cwd=tmp_path).returncode == 0
    wrong = run_leap("new", "barrier", "x", "--title", "X", cwd=tmp_path)
    assert wrong.returncode == 1
    assert "'barrier' is not a kind of this framework (its kinds: skill, pitfall, habit, shift)" in wrong.stderr
    sheet = (
        "id,type,title,summary,body,prompts,try_this,overcomes\n"
        'ask-early,Habits,Ask early,Ask.,Ask early.,"One?\nTwo?\nThree?",Ask once.,doing-it-yourself\n'
    )
    (tmp_path / "sheet.csv").write_text(sheet, encoding="utf-8")
    imported = run_leap("import", "csv", "sheet.csv", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert (tmp_path / "content" / "habits" / "ask-early.yaml").is_file()
    assert run_leap("check", "--strict", cwd=tmp_path).returncode in (0, 1)  # new items may be unlinked: warnings
    assert run_leap("check", cwd=tmp_path).returncode == 0


@pytest.mark.slow
def test_leap_init_starts_a_framework_that_checks_and_builds(tmp_path: Path) -> None:
    result = run_leap("init", "team-handbook", "--title", "Team handbook", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    project = tmp_path / "team-handbook"
    assert run_leap("check", "--strict", cwd=project).returncode == 0
    assert run_leap("new", "topic", "first-week", "--title", "Your first week", cwd=project).returncode == 0
    built = run_leap("build", "--strict", cwd=project)
    assert built.returncode == 0, built.stderr
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "<title>Team handbook</title>" in home
    assert (project / "site" / "topics" / "first-week" / "index.html").is_file()
    for word in ("Leadership Leap", "senior leader", "trait", "barrier"):
        assert word not in home.split("<article")[1], word
    again = run_leap("init", "team-handbook", cwd=tmp_path)
    assert again.returncode == 1 and "is not empty" in again.stderr


@pytest.mark.slow
def test_hand_written_pages_join_the_site_untouched(tmp_path: Path) -> None:
    config = make_project(tmp_path, MINI)
    own = tmp_path / "docs" / "team" / "our-rituals.md"
    own.parent.mkdir(parents=True)
    own.write_text(
        "# Our rituals\n\nEvery Friday we write down one thing we learned. See [the home page](../index.md).\n",
        encoding="utf-8",
    )
    before = own.read_bytes()
    result = run_leap("build", "--strict", "-f", str(config), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert (site / "team" / "our-rituals" / "index.html").is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="team/our-rituals/"' in home  # in the navigation, after the guide's sections
    assert home.index("For authors") < home.index('href="team/our-rituals/"')
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("one thing we learned" in doc["text"] for doc in index["docs"])
    assert own.read_bytes() == before
    assert "team/our-rituals.md" not in (tmp_path / "docs" / ".leap-manifest.json").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_site_is_named_after_the_guide_unless_mkdocs_yml_names_it(tmp_path: Path) -> None:
    site = build_site(tmp_path / "a", MINI)
    assert "<title>Mini Guide</title>" in (site / "index.html").read_text(encoding="utf-8")
    config = make_project(tmp_path / "b", MINI)
    edit(config, 'site_name: ""', "site_name: Our intranet guide")
    assert run_leap("build", "-f", str(config), cwd=tmp_path / "b").returncode == 0
    assert "<title>Our intranet guide</title>" in (tmp_path / "b" / "site" / "index.html").read_text(encoding="utf-8")
