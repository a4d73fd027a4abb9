"""The PDF store checks what it publishes: each PDF's SHA-256 is recorded when it is saved, a file
that no longer matches (swapped for another valid-looking PDF) is missing (never published, printed
again), and a symbolic link inside the store (a PDF, ``base/``, the index, the store itself) is
never followed: not read, published, written through or pruned, and a build warns about it."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfWriter

from generator.pages.worksheets import Entry
from generator.site.pdfstore import INDEX, STORE, Plan, Wanted, prune, save
from tests.conftest import MINI, make_project, run_leap

SHEET = Wanted("clarity-a4.pdf", "a" * 64, "a4", Entry("clarity", "Clarity", "worksheets/traits/clarity.md", "Traits"))
BOOK = Wanted("workbook-a4.pdf", "b" * 64, "a4")
LINK = (
    "the PDF store never follows one, so nothing it points to is published "
    "(remove the link; `leap pdf` prints what is missing)"
)
SECRET = b"%PDF-1.4\n% not a PDF of this project: a secret that looks like one\n%%EOF\n"


def pdf(pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595.92, 842.88)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def planted(root: Path) -> Plan:
    plan = Plan(root / STORE, (SHEET,), (BOOK,))
    for path in (plan.path(SHEET), plan.base(SHEET), plan.path(BOOK)):
        save(plan, path, pdf())
    assert plan.ready(SHEET) and plan.ready(BOOK)
    return plan


def record_hash(plan: Plan, name: str, data: bytes) -> None:
    """Write ``data``'s hash into the index, as someone who also edits the index would."""
    index = json.loads((plan.store / INDEX).read_text())
    index["sha256"][name] = hashlib.sha256(data).hexdigest()
    (plan.store / INDEX).write_text(json.dumps(index))


def test_saving_a_pdf_records_its_hash(tmp_path: Path) -> None:
    plan = planted(tmp_path)
    index = json.loads((plan.store / INDEX).read_text())["sha256"]
    assert index == {
        SHEET.stored: hashlib.sha256(pdf()).hexdigest(),
        f"base/{SHEET.stored}": hashlib.sha256(pdf()).hexdigest(),
        BOOK.stored: hashlib.sha256(pdf()).hexdigest(),
    }
    assert plan.read(plan.path(BOOK)) == pdf() and plan.problems() == []


def test_a_pdf_swapped_for_another_valid_pdf_is_missing_and_said(tmp_path: Path) -> None:
    plan = planted(tmp_path)
    plan.path(BOOK).write_bytes(pdf(pages=2))  # a whole PDF, the same name, other bytes
    assert not plan.ready(BOOK) and plan.missing_workbooks() == [BOOK]
    assert plan.read(plan.path(BOOK)) is None
    assert plan.problems() == [
        f"{STORE}/{BOOK.stored} has changed since `leap pdf` printed it: it is left out, and `leap pdf` prints it again"
    ]
    plan.base(SHEET).write_bytes(pdf(pages=3))  # the print a workbook binds, too
    assert plan.missing_sheets() == [SHEET]
    save(plan, plan.path(BOOK), pdf(pages=2))  # printed again: recorded, and ready
    assert plan.ready(BOOK)


def test_a_pdf_the_index_does_not_hold_is_missing(tmp_path: Path) -> None:
    plan = planted(tmp_path)
    (plan.store / INDEX).unlink()  # a store from before the index, say
    assert plan.missing_workbooks() == [BOOK] and plan.missing_sheets() == [SHEET]
    (plan.store / INDEX).write_text("{not json")
    assert plan.missing_workbooks() == [BOOK]


def test_a_symlinked_pdf_is_never_read_even_with_its_hash_recorded(tmp_path: Path) -> None:
    plan = planted(tmp_path / "project")
    outside = tmp_path / "outside" / "secret.pdf"
    outside.parent.mkdir()
    outside.write_bytes(SECRET)
    plan.path(BOOK).unlink()
    plan.path(BOOK).symlink_to(outside)
    record_hash(plan, BOOK.stored, SECRET)
    assert plan.read(plan.path(BOOK)) is None and not plan.ready(BOOK)
    assert plan.missing_workbooks() == [BOOK]
    assert plan.problems() == [f"{STORE}/{BOOK.stored} is a symbolic link: {LINK}"]
    save(plan, plan.path(BOOK), pdf())  # `leap pdf` prints it again: the link is replaced, not written through
    assert not plan.path(BOOK).is_symlink() and outside.read_bytes() == SECRET and plan.ready(BOOK)


def test_a_symlinked_store_is_never_read_written_or_pruned(tmp_path: Path) -> None:
    elsewhere = planted(tmp_path / "elsewhere")  # a whole store, index and all, outside the project
    old = Wanted("workbook-a4.pdf", "0" * 64, "a4")
    for n in range(4):
        save(elsewhere, elsewhere.store / f"workbook-a4.{n:024d}.pdf", pdf())
    before = sorted(p.name for p in elsewhere.store.iterdir())
    project = tmp_path / "project"
    project.mkdir()
    (project / STORE).symlink_to(elsewhere.store)
    plan = Plan(project / STORE, (SHEET,), (BOOK, old))
    assert not plan.ready(SHEET) and not plan.ready(BOOK)
    assert plan.problems() == [f"{STORE} is a symbolic link: {LINK}"]
    with pytest.raises(OSError, match="symbolic link"):
        save(plan, plan.path(BOOK), pdf())
    assert prune(plan) == 0
    assert sorted(p.name for p in elsewhere.store.iterdir()) == before


def test_a_symlinked_base_folder_is_never_read_written_or_pruned(tmp_path: Path) -> None:
    plan = planted(tmp_path / "project")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / SHEET.stored).write_bytes(SECRET)
    for n in range(4):
        (outside / f"clarity-a4.{n:024d}.pdf").write_bytes(SECRET)
    for name in list(json.loads((plan.store / INDEX).read_text())["sha256"]):
        if name.startswith("base/"):
            (plan.store / name).unlink()
    (plan.store / "base").rmdir()
    (plan.store / "base").symlink_to(outside)
    record_hash(plan, f"base/{SHEET.stored}", SECRET)
    assert not plan.ready(SHEET) and plan.missing_sheets() == [SHEET]
    assert plan.problems()[0].startswith(f"{STORE}/base is a symbolic link")
    with pytest.raises(OSError, match="symbolic link"):
        save(plan, plan.base(SHEET), pdf())
    prune(plan)
    assert len(list(outside.iterdir())) == 5


def test_a_symlinked_index_or_gitignore_is_never_followed(tmp_path: Path) -> None:
    plan = planted(tmp_path / "project")
    outside = tmp_path / "outside.json"
    outside.write_text((plan.store / INDEX).read_text())
    (plan.store / INDEX).unlink()
    (plan.store / INDEX).symlink_to(outside)
    assert not plan.ready(BOOK)  # an index read through a link holds nothing
    (plan.store / ".gitignore").unlink()
    (plan.store / ".gitignore").symlink_to(tmp_path / "written-through")  # dangling
    save(plan, plan.path(BOOK), pdf())
    assert not (tmp_path / "written-through").exists()
    assert outside.read_text() == outside.read_text() and not (plan.store / INDEX).is_symlink()
    assert plan.ready(BOOK)


# --- through a build -----------------------------------------------------------------------------


def _plant(project: Path) -> Plan:
    """Build in this process, then put a recorded stand-in for every PDF the pages call for."""
    from generator.build import Options, build

    plan: Plan = build(Options(project / "mkdocs.yml", site_dir=project / "site")).generated.pdf_plan
    for wanted in (*plan.sheets, *plan.workbooks):
        save(plan, plan.path(wanted), pdf())
        if wanted.entry:
            save(plan, plan.base(wanted), pdf())
    return plan


@pytest.mark.slow
def test_a_build_publishes_neither_a_swapped_nor_a_symlinked_pdf_and_warns(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    make_project(project, MINI)
    plan = _plant(project)
    by_name = {w.name: w for w in (*plan.sheets, *plan.workbooks)}
    swapped, linked = by_name["clarity-a4.pdf"], by_name["courage-letter.pdf"]
    plan.path(swapped).write_bytes(pdf(pages=2))
    outside = tmp_path / "secret.pdf"
    outside.write_bytes(SECRET)
    plan.path(linked).unlink()
    plan.path(linked).symlink_to(outside)
    record_hash(plan, linked.stored, SECRET)
    result = run_leap("build", cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert not (site / "pdf" / "clarity-a4.pdf").exists() and not (site / "pdf" / "courage-letter.pdf").exists()
    assert all(SECRET not in path.read_bytes() for path in (site / "pdf").iterdir())
    assert (site / "pdf" / "courage-a4.pdf").read_bytes() == pdf()  # the others are published, and linked
    assert "data-leap-pdf" not in (site / "worksheets/traits/clarity/index.html").read_text()
    assert f"{STORE}/{swapped.stored} has changed since `leap pdf` printed it" in result.stderr
    assert f"{STORE}/{linked.stored} is a symbolic link" in result.stderr
    assert {w.name for w in plan.missing_sheets()} == {"clarity-a4.pdf", "courage-letter.pdf"}

    store = project / STORE
    store.rename(tmp_path / "moved-store")
    store.symlink_to(tmp_path / "moved-store")
    result = run_leap("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert not (site / "pdf").exists()
    assert f"{STORE} is a symbolic link" in result.stderr
