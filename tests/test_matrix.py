"""A framework as it comes in a spreadsheet: a matrix of areas by level, with long cells, a step per
cell and levels that branch into two tracks. `leap import matrix` reads it (.xlsx or CSV) into
content files that build; a bad matrix gets ``FILE:row:column: message`` lines and nothing is
written; the data export writes the same matrix back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from generator.content.check import check
from tests.conftest import ROOT, run_leap

FRAMEWORK = """\
tracks:
  - {id: specialist, title: Specialist}
  - {id: manager, title: Manager}
levels:
  - {id: junior, title: Junior}
  - {id: mid, title: Mid-level}
  - {id: senior, title: Senior, track: specialist}
  - {id: principal, title: Principal, track: specialist}
  - {id: lead, title: Team lead, track: manager}
  - {id: head, title: Head of area, track: manager}
scale:
  title: Proficiency
  steps:
    - {id: aware, title: Aware}
    - {id: able, title: Able}
    - {id: fluent, title: Fluent}
    - {id: expert, title: Expert}
kinds:
  - id: area
    singular: area
    plural: areas
    folder: areas
    intro: The areas, each at every level.
    fields:
      - {name: summary, type: line, role: summary}
      - {name: levels, type: levels, cell: markdown, max_length: 1500, required: true, heading: By level}
      - {name: signs, type: levels, cell: statements, max: 9, heading: Signs}
assessment:
  rate: area
  by: level
"""
GUIDE = "title: Matrix Test\ntagline: A framework read from a spreadsheet.\n"
LEVELS = ["Junior", "Mid-level", "Senior", "Principal", "Team lead", "Head of area"]
STEPS = ["Aware", "Able", "Fluent", "Expert", "Expert", "Expert"]


def paragraph(area: str, level: str, words: int = 110) -> str:
    """A long cell: two paragraphs, each naming its area and level, well over one line's 300 characters."""
    sentence = f"In {area.lower()} at the {level.lower()} level, the work asks for judgement and care. "
    body = (sentence * (words // 14 + 1)).strip()
    return f"{body}\n\nA second paragraph about {area.lower()} for {level.lower()}."


AREAS = ["Systems thinking", "Customer focus", "Coaching others"]


def matrix() -> list[list[str]]:
    head = ["title", "summary"] + [name for level in LEVELS for name in (level, f"{level} step")]
    rows = [head]
    for area in AREAS:
        row = [area, f"{area} in one line."]
        for level, step in zip(LEVELS, STEPS, strict=True):
            row += [paragraph(area, level), step]
        rows.append(row)
    return rows


def project(where: Path) -> Path:
    content = where / "content"
    content.mkdir(parents=True)
    (content / "framework.yaml").write_text(FRAMEWORK, encoding="utf-8")
    (content / "guide.yaml").write_text(GUIDE, encoding="utf-8")
    (where / "docs").mkdir()
    (where / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    return content


def write_xlsx(path: Path, rows: list[list[str]]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Areas"
    for row in rows:
        sheet.append(row)
    book.save(path)


def write_csv(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def test_a_workbook_matrix_with_long_cells_and_tracks_becomes_content_that_builds(tmp_path: Path) -> None:
    content = project(tmp_path)
    write_xlsx(tmp_path / "areas.xlsx", matrix())
    result = run_leap("import", "matrix", "areas.xlsx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Imported 3 areas into content/.")
    checked = check(content, strict=True)
    areas = checked.content.of_kind("area")
    assert [a.title for a in areas] == AREAS
    cells = areas[0].fields["levels"]
    assert len(cells["principal"].text) > 520 and "\n\n" in cells["principal"].text
    assert [cells[level.id].step for level in checked.content.framework.levels] == [
        "aware",
        "able",
        "fluent",
        "expert",
        "expert",
        "expert",
    ]
    # ... and builds, strictly: the grid, a page per level, the self-assessment by track
    result = run_leap("build", "--strict", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    grid = (site / "areas" / "levels" / "index.html").read_text(encoding="utf-8")
    assert "A second paragraph about systems thinking for head of area." in grid
    assert 'data-level="lead"' in grid and "Specialist" in grid and "Manager" in grid
    level_page = (site / "levels" / "mid" / "index.html").read_text(encoding="utf-8")
    assert "Next, the tracks branch:" in level_page
    assert 'href="../senior/"' in level_page and 'href="../lead/"' in level_page
    assessment = (site / "assessment" / "index.html").read_text(encoding="utf-8")
    assert 'id="leap-track"' in assessment and 'id="leap-cell-coaching-others-head"' in assessment
    data = json.loads(assessment.split('id="leap-assessment-data">')[1].split("</script>")[0])
    assert [lv["rank"] for lv in data["levels"]] == [1, 2, 3, 4, 3, 4]
    # the data export writes the same matrix back, and importing it changes nothing
    exported = (site / "data" / "areas-levels.csv").read_text(encoding="utf-8")
    assert next(csv.reader(io.StringIO(exported)))[:4] == ["id", "title", "Junior", "Junior step"]
    (tmp_path / "again.csv").write_text(exported, encoding="utf-8")
    before = check(content).content
    result = run_leap("import", "matrix", "again.csv", "--replace", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert check(content).content == before


def test_statements_come_one_a_line_and_update_items_that_exist(tmp_path: Path) -> None:
    content = project(tmp_path)
    write_xlsx(tmp_path / "areas.xlsx", matrix())
    assert run_leap("import", "matrix", "areas.xlsx", cwd=tmp_path).returncode == 0
    signs = [
        ["id", "Junior", "Senior", "Senior step"],
        [
            "systems-thinking",
            "- Draws the system before changing it\n- Asks what else it touches",
            "• Sees loops",
            "Fluent",
        ],
    ]
    write_csv(tmp_path / "signs.csv", signs)
    result = run_leap("import", "matrix", "signs.csv", "--field", "signs", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "signs.csv:2:1: 'systems-thinking' already exists as content/areas/systems-thinking.yaml; "
        "use --replace to update it from this row"
    )
    result = run_leap("import", "matrix", "signs.csv", "--field", "signs", "--replace", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    area = check(content).content.by_id["systems-thinking"]
    assert area.fields["signs"]["junior"].statements == (
        "Draws the system before changing it",
        "Asks what else it touches",
    )
    assert area.fields["signs"]["senior"].step == "fluent"
    assert len(area.fields["levels"]) == 6  # the other field is kept
    text = (content / "areas" / "systems-thinking.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/area.schema.json\n")
    assert "  junior:\n  - Draws the system before changing it\n" in text


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_bad_matrix_gets_file_row_column_errors_and_nothing_is_written(tmp_path: Path, suffix: str) -> None:
    content = project(tmp_path)
    rows = matrix()
    rows[0][3] = "Junior stage"  # column 4: no such level, nor step
    write = write_csv if suffix == ".csv" else write_xlsx
    write(tmp_path / f"areas{suffix}", rows)
    result = run_leap("import", "matrix", f"areas{suffix}", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith(f"areas{suffix}:1:4: unknown column 'Junior stage' (")
    rows = matrix()
    rows[2][6] = "x" * 1501  # row 3, column 7: Senior's cell, over the framework's 1500
    rows[3][5] = "Guru"  # row 4, column 6: Mid-level's step, not a step of the scale
    rows[1][2] = "=HYPERLINK()"  # row 2, column 3: would run as a formula
    write(tmp_path / f"areas{suffix}", rows)
    result = run_leap("import", "matrix", f"areas{suffix}", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[:-1] == [
        f"areas{suffix}:2:3: starts with '=' or '@', which spreadsheets run as a formula; put a ' before it if it is text",
        f"areas{suffix}:4:6: unknown step 'Guru' (the scale's steps: Aware, Able, Fluent, Expert)",
    ]
    rows[1][2] = "'=HYPERLINK()"
    write(tmp_path / f"areas{suffix}", rows)
    lines = run_leap("import", "matrix", f"areas{suffix}", cwd=tmp_path).stderr.splitlines()
    assert lines == [
        f"areas{suffix}:4:6: unknown step 'Guru' (the scale's steps: Aware, Able, Fluent, Expert)",
        "1 error(s), 0 warning(s): nothing was written.",
    ]
    rows[3][5] = "able"  # an id does as well as a title
    write(tmp_path / f"areas{suffix}", rows)
    lines = run_leap("import", "matrix", f"areas{suffix}", cwd=tmp_path).stderr.splitlines()
    assert lines == [
        f"areas{suffix}:3:7: 'levels.senior.text' is longer than 1500 characters",
        "1 error(s), 0 warning(s): nothing was written.",
    ]
    assert not (content / "areas").exists()


def test_the_kind_and_field_are_asked_for_when_they_are_not_clear(tmp_path: Path) -> None:
    project(tmp_path)
    write_csv(tmp_path / "m.csv", [["title", "Junior"], ["A", "B"]])
    result = run_leap("import", "matrix", "m.csv", "--field", "summary", cwd=tmp_path)
    assert result.returncode == 1
    assert (
        result.stderr.strip() == "error: 'summary' is not a levels field of a area (its levels fields: levels, signs)"
    )
    result = run_leap("import", "matrix", "m.csv", "--kind", "widget", cwd=tmp_path)
    assert result.stderr.strip() == "error: name the kind with --kind: one with a levels field (this framework's: area)"
    (tmp_path / "m.xlsx").write_bytes(b"not a workbook")
    result = run_leap("import", "matrix", "m.xlsx", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("m.xlsx:1: not an .xlsx workbook")


def test_a_framework_the_levels_do_not_fit_gets_path_line_errors(tmp_path: Path) -> None:
    content = project(tmp_path)
    text = FRAMEWORK.replace("{id: junior, title: Junior}", "{id: junior, title: Junior, track: ic}")
    text = text.replace(
        "  - {id: head, title: Head of area, track: manager}\n", "  - {id: head, title: Head of area}\n"
    )
    (content / "framework.yaml").write_text(text, encoding="utf-8")
    result = run_leap("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "content/framework.yaml:5: unknown track 'ic' (the framework's tracks: manager, specialist)",
        "content/framework.yaml:10: the shared level 'head' comes after a track's level; shared levels come first",
        "2 error(s), 0 warning(s): nothing was written.",
    ]
