"""Making it yours: `leap new`, the editor schemas, another framework's content, CSV import, branding."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.content.check import check
from generator.content.schema import schema_files, schema_name
from generator.pages.data import data_files
from tests.conftest import ROOT, folder_of, make_project, run_leap
from tests.test_site import build_site

EXAMPLE = ROOT / "examples" / "first-time-manager"


def project(where: Path, content: Path = ROOT / "tests" / "fixtures" / "mini") -> Path:
    config = make_project(where, content)
    if not (where / "content" / "schemas").exists():
        shutil.copytree(ROOT / "content" / "schemas", where / "content" / "schemas")
    return config


# --- leap new -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_leap_new_then_build_gives_a_page_linked_from_two_barriers(tmp_path: Path) -> None:
    project(tmp_path, ROOT / "content")
    result = run_leap("new", "strategy", "delegate-outcomes", "--title", "Delegate outcomes, not tasks", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "content" / "strategies" / "delegate-outcomes.yaml"
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schemas/strategy.schema.json\n"
    )
    checked = run_leap("check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert "warning: nothing links to strategy 'delegate-outcomes'" in checked.stderr
    # What "Editing this guide" tells a reader to do: list two barriers, then build.
    text = path.read_text(encoding="utf-8").replace(
        "overcomes: []", "overcomes: [no-succession-plan, business-acumen-gap]"
    )
    path.write_text(text, encoding="utf-8")
    site = build_site(tmp_path / "built", tmp_path / "content", "--strict")
    page = (site / "strategies" / "delegate-outcomes" / "index.html").read_text(encoding="utf-8")
    assert "Delegate outcomes, not tasks" in page
    barrier = (site / "barriers" / "no-succession-plan" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../strategies/delegate-outcomes/"' in barrier


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["trait", "clarity"], "error: 'clarity' already exists: content/traits/clarity.yaml"),
        (["barrier", "clarity"], "error: 'clarity' already exists: content/traits/clarity.yaml"),
        (["trait", "Not_A_Slug"], "error: 'Not_A_Slug' is not a valid id"),
        (["trait", "self-assessment"], "error: 'self-assessment' is taken by a worksheet"),
        (["trait", "index"], "error: 'index' is the name of each section's own page"),
    ],
)
def test_leap_new_refuses_a_taken_or_invalid_id(tmp_path: Path, args: list[str], message: str) -> None:
    project(tmp_path)
    before = sorted(p.read_bytes() for p in (tmp_path / "content").rglob("*") if p.is_file())
    result = run_leap("new", *args, "--title", "X", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert message in result.stderr
    assert sorted(p.read_bytes() for p in (tmp_path / "content").rglob("*") if p.is_file()) == before


# --- schemas ------------------------------------------------------------------------------------

FRAMEWORKS = [ROOT / "content", *sorted(p for p in (ROOT / "examples").iterdir() if p.is_dir())]


@pytest.mark.parametrize("folder", FRAMEWORKS, ids=lambda p: p.name)
def test_committed_schemas_are_the_ones_the_model_makes(folder: Path) -> None:
    committed = {p.name: p.read_text(encoding="utf-8") for p in (folder / "schemas").glob("*.schema.json")}
    assert committed == schema_files(check(folder).content.framework), f"run `leap schema --content {folder.name}`"


def schema_kind(path: Path, folder: Path) -> str:
    """The schema a content file is checked against: framework, guide, or its folder's kind."""
    if path.parent == folder:
        return path.stem
    framework = check(folder).content.framework
    return next(k.id for k in framework.kinds if k.folder == path.parent.name)


def schema_for(path: Path, folder: Path) -> dict[str, object]:
    text = (folder / "schemas" / schema_name(schema_kind(path, folder))).read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


@pytest.mark.slow
@pytest.mark.parametrize("folder", FRAMEWORKS, ids=lambda p: p.name)
def test_the_schema_accepts_every_shipped_file_and_each_names_its_schema(folder: Path) -> None:
    for path in sorted(p for p in folder.rglob("*.yaml") if "schemas" not in p.parts):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        jsonschema.validate(data, schema_for(path, folder))
        first = path.read_text(encoding="utf-8").splitlines()[0]
        target = (path.parent / first.split("$schema=")[1]).resolve()
        assert target == (folder / "schemas" / schema_name(schema_kind(path, folder))).resolve(), path


BAD_EDITS = {
    "missing field": ("summary: Say where you are going.\n", ""),
    "unknown field": ("summary: Say where you are going.\n", "summary: Say where you are going.\nsumary: x\n"),
    "wrong type": ("order: 1\n", "order: first\n"),
    "bad tag": ("tags: [strategy]\n", "tags: [Direction Setting]\n"),
    "two-line title": ("title: Clarity\n", "title: |\n  Clarity\n  of purpose\n"),
    "too few prompts": ("  - Could they repeat it?\n", ""),
    "list as text": ("tags: [strategy]\n", "tags: strategy\n"),
}


@pytest.mark.parametrize("case", sorted(BAD_EDITS))
@pytest.mark.slow
def test_the_schema_and_leap_check_reject_the_same_bad_files(tmp_path: Path, case: str) -> None:
    project(tmp_path)
    path = tmp_path / "content" / "traits" / "clarity.yaml"
    old, new = BAD_EDITS[case]
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema_for(path, ROOT / "content"))
    result = run_leap("check", cwd=tmp_path)
    assert result.returncode == 1 and "content/traits/clarity.yaml:" in result.stderr


# --- another framework --------------------------------------------------------------------------


@pytest.mark.slow
def test_the_example_framework_builds_strict_with_its_own_names(tmp_path: Path) -> None:
    site = build_site(tmp_path, EXAMPLE, "--strict")
    content = check(EXAMPLE).content
    assert len(content.items) == 20 and {len(content.of_kind(k.id)) for k in content.framework.kinds} == {5}
    for item in content.items:
        assert (site / folder_of(item, content) / item.id / "index.html").is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="first-time-manager">First-Time Manager' in home
    assert "<title>First-Time Manager</title>" in home  # the site is named after the guide
    assert "<title>Doing the work yourself - First-Time Manager</title>" in (
        site / "pitfalls" / "doing-it-yourself" / "index.html"
    ).read_text(encoding="utf-8")
    pitfall = (site / "pitfalls" / "doing-it-yourself" / "index.html").read_text(encoding="utf-8")
    assert "Habits that get you past it" in pitfall and "Skills it weakens" in pitfall
    assert "Strategies" not in pitfall.split("<article")[1]
    assessment = (site / "assessment" / "index.html").read_text(encoding="utf-8")
    assert "Pitfalls to work on first" in assessment and "Barriers" not in assessment.split("<article")[1]


@pytest.mark.slow
def test_leap_build_content_builds_another_folder(tmp_path: Path) -> None:
    config = project(tmp_path)
    result = run_leap("build", "--content", str(EXAMPLE), "-f", str(config), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "shifts" / "maker-to-multiplier" / "index.html").is_file()
    assert (tmp_path / "site" / "habits" / "weekly-one-to-ones" / "index.html").is_file()
    assert not (tmp_path / "site" / "traits" / "clarity").exists()  # the mini content was not built


# --- CSV import ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_csv_import_round_trips_the_shipped_content(tmp_path: Path) -> None:
    original = check(ROOT / "content")
    sheet = tmp_path / "framework.csv"
    sheet.write_text(data_files(original.graph)["data/items.csv"], encoding="utf-8")
    project(tmp_path / "p")
    shutil.rmtree(tmp_path / "p" / "content")
    (tmp_path / "p" / "content").mkdir()
    for name in ("guide.yaml", "framework.yaml", "programme.yaml"):
        if (ROOT / "content" / name).is_file():
            shutil.copy(ROOT / "content" / name, tmp_path / "p" / "content" / name)
    result = run_leap("import", "csv", str(sheet), cwd=tmp_path / "p")
    assert result.returncode == 0, result.stderr
    assert check(tmp_path / "p" / "content").content == original.content


@pytest.mark.slow
def test_bad_rows_get_file_row_errors_and_nothing_is_written(tmp_path: Path) -> None:
    project(tmp_path)
    rows = [
        {"id": "listening", "type": "trait", "title": "Listening"},  # row 2: fields missing
        {"id": "bad id", "type": "strategy", "title": "X"},  # row 3
        {"id": "x-1", "type": "skill", "title": "X"},  # row 4
        {
            "id": "ask-more",
            "type": "strategy",
            "title": "Ask more",
            "summary": "Ask.",
            "body": "Ask.",
            "prompts": "One?\nTwo?\nThree?",
            "try_this": "Ask.",
            "tags": "questions",
            "order": "3",
            "overcomes": "hidng",
            "builds": "clarity",
            "sounds_like": "Me.",
        },  # row 5
        {"id": "clarity", "type": "trait", "title": "Clarity again"},  # row 6
    ]
    out = io.StringIO()
    writer = csv.DictWriter(
        out,
        fieldnames=[
            "id",
            "type",
            "order",
            "title",
            "summary",
            "body",
            "prompts",
            "try_this",
            "tags",
            "sounds_like",
            "overcomes",
            "builds",
        ],
    )
    writer.writeheader()
    writer.writerows(rows)
    (tmp_path / "sheet.csv").write_text(out.getvalue(), encoding="utf-8")
    before = sorted(str(p) for p in (tmp_path / "content").rglob("*"))
    result = run_leap("import", "csv", "sheet.csv", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert (
        "sheet.csv:3: 'bad id' is not a valid id: use lowercase letters, digits and single hyphens, like "
        "'clear-goals'" in lines
    )
    assert "sheet.csv:4: type 'skill' is not one of: trait, barrier, strategy, shift" in lines
    assert "sheet.csv:5: column 'sounds_like' does not apply to a strategy; leave it empty" in lines
    assert (
        "sheet.csv:6: 'clarity' already exists as content/traits/clarity.yaml; use --replace to "
        "overwrite it with this row" in lines
    )
    assert sorted(str(p) for p in (tmp_path / "content").rglob("*")) == before
    # With those rows fixed, the validator's own messages point at the rows too.
    fixed = out.getvalue().replace("bad id", "bad-id").replace(",skill,", ",trait,").replace(",Me.,", ",,")
    fixed = "\n".join(line for line in fixed.splitlines() if not line.startswith("clarity,"))
    (tmp_path / "sheet.csv").write_text(fixed + "\n", encoding="utf-8")
    lines = run_leap("import", "csv", "sheet.csv", cwd=tmp_path).stderr.splitlines()
    assert "sheet.csv:2: missing field 'summary'" in lines
    assert "sheet.csv:5: 'overcomes': unknown barrier 'hidng' (did you mean 'hiding'?)" in lines


# --- branding -----------------------------------------------------------------------------------


def brand(config: Path, settings: str) -> None:
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('      organisation: ""\n      colours: {}\n', settings), encoding="utf-8")


@pytest.mark.slow
def test_organisation_and_colours_reach_the_worksheets_and_the_site(tmp_path: Path) -> None:
    config = project(tmp_path)
    brand(config, '      organisation: Example Ltd\n      colours: {primary: "#1f4e79", accent: teal}\n')
    result = run_leap("build", "-f", str(config), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    sheet = (tmp_path / "site" / "worksheets" / "traits" / "clarity" / "index.html").read_text(encoding="utf-8")
    assert '<p class="leap-org">Example Ltd · Mini Guide</p>' in sheet  # the site is named after the guide
    assert "<title>Worksheet: Clarity - Mini Guide</title>" in sheet
    css = (tmp_path / "site" / "brand.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #1f4e79;" in css and "--md-accent-fg-color: teal;" in css


@pytest.mark.slow
def test_a_bad_brand_setting_is_a_clear_error(tmp_path: Path) -> None:
    config = project(tmp_path)
    brand(config, '      organisation: Example Ltd\n      colours: {primary: "red; background: url(x)"}\n')
    result = run_leap("build", "-f", str(config), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Plugin 'leap' option 'colours': primary must be a CSS colour such as \"#1f4e79\"" in result.stderr
    config = project(tmp_path / "second")
    brand(config, "      organisation: Example Ltd\n      colours: {}\n      logo2: x\n")
    result = run_leap("build", "-f", str(config), cwd=tmp_path / "second")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Plugin 'leap' option 'logo2': Unrecognised configuration name: logo2" in result.stderr
    assert not (tmp_path / "site").exists() and not (tmp_path / "second" / "site").exists()
