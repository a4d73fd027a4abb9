"""Paper: the workbook followed by page number, worksheets that fill at most two pages (a long
self-assessment a page per four items), pages that print cleanly, a blank copy that keeps the
answers, and PDFs that stay with the site.

The PDFs are read with pypdf and poppler's ``pdftotext``, as a reader's tools would."""

from __future__ import annotations

import html
import io
import os
import re
import stat
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import Destination

from generator.content.check import check
from generator.locale import translations
from generator.pages.worksheets import Entry, workbook_order
from generator.paper.server import serve
from tests.conftest import MINI, ROOT, make_project, run_leap

SIZES = {"a4": (595.92, 842.88), "letter": (612.0, 792.0)}
FOOTER_ZONE = 16 * 72 / 25.4  # the bottom margin, in points: the footer is printed there


# --- reading PDFs -----------------------------------------------------------------------------


def lines_of(pdf: Path, page: int) -> list[tuple[float, float, str]]:
    """Each line of text on a page (1-based) as (top, bottom, text), top to bottom."""
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-bbox-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = []
    for top, bottom, body in re.findall(
        r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">'
        r"(.*?)</line>",
        out,
        re.DOTALL,
    ):
        words = re.findall(r"<word [^>]*>(.*?)</word>", body)
        found.append((float(top), float(bottom), html.unescape(" ".join(words))))
    return sorted(found)


def body_and_footer(pdf: Path, page: int, height: float) -> tuple[list[tuple[float, float, str]], list[str]]:
    lines = lines_of(pdf, page)
    return (
        [line for line in lines if line[0] < height - FOOTER_ZONE],
        [line[2] for line in lines if line[0] >= height - FOOTER_ZONE],
    )


def layout_text(pdf: Path, first: int, last: int) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-f", str(first), "-l", str(last), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def headings_of(page_html: str) -> set[str]:
    return {
        " ".join(html.unescape(re.sub(r"<[^>]+>", "", h)).replace("¶", "").split())
        for h in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", page_html, re.DOTALL)
    }


def ends_with_heading(pdf: Path, page: int, height: float, headings: set[str]) -> str | None:
    """The heading a page ends with, if it does: any line level with the page's last line."""
    body, _ = body_and_footer(pdf, page, height)
    if not body:
        return None
    last = max(bottom for _, bottom, _ in body)
    return next((text for _, bottom, text in body if bottom > last - 2 and text in headings), None)


def lowest_ink(pdf: Path, page: int, height: float) -> float:
    """How far down the page (0 to 1 of the space above the footer) anything is drawn: text or
    ruled lines, from a greyscale rendering."""
    out = subprocess.run(
        ["pdftoppm", "-f", str(page), "-l", str(page), "-r", "36", "-gray", str(pdf)], capture_output=True, check=True
    ).stdout
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", out)
    assert match is not None
    width, rows = int(match.group(1)), int(match.group(2))
    pixels = out[match.end() :]
    limit = int(rows * (height - FOOTER_ZONE) / height)
    inked = [y for y in range(limit) if min(pixels[y * width : (y + 1) * width]) < 200]
    return (max(inked) + 1) / limit if inked else 0.0


def outline_of(reader: PdfReader, items: list[Any] | None = None) -> list[Any]:
    """The bookmarks as nested lists: (title, page number) and, after a parent, its children."""
    return [
        outline_of(reader, item)
        if isinstance(item, list)
        else (item.title, (reader.get_destination_page_number(item) or 0) + 1)
        for item in (reader.outline if items is None else items)
        if isinstance(item, (list, Destination))
    ]


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595.92, 842.88)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- the shipped guide, printed once for the module ---------------------------------------------


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    """`leap pdf` of the shipped guide, by each builder, in a project of its own."""
    where = tmp_path_factory.mktemp(f"paper-{engine}")
    make_project(where, ROOT / "content")
    result = run_leap("pdf", "--engine", engine, cwd=where)
    assert result.returncode == 0, result.stderr
    return where


@pytest.fixture(scope="module")
def entries() -> tuple[Entry, ...]:
    return workbook_order(check(ROOT / "content").content)


def contents_of(pdf: Path, heading: str = "Contents") -> dict[str, int]:
    """The contents pages (their footer says ``heading``): each entry's title and the page number
    printed beside it."""
    reader = PdfReader(pdf)
    pages = [
        n
        for n in range(2, len(reader.pages) + 1)
        if body_and_footer(pdf, n, float(reader.pages[0].mediabox.height))[1][:1] == [heading]
    ]
    found: dict[str, int] = {}
    for line in layout_text(pdf, pages[0], pages[-1]).splitlines():
        match = re.match(r"^\s*(\S.*?)\s{2,}(\d+)\s*$", line)
        if match:
            found.setdefault(match.group(1), int(match.group(2)))
    return found


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("language", "paper"), [("en", "a4"), ("en", "letter"), ("de", "a4")])
def test_every_contents_entry_is_on_the_page_its_number_says(printed: Path, language: str, paper: str) -> None:
    """In each language the guide is in (German's workbook beside the English one)."""
    words = translations(language).gettext
    entries = workbook_order(check(ROOT / "content", language=language).content, language)
    folder = printed / "site" / ("" if language == "en" else language) / "pdf"
    pdf = folder / f"workbook-{paper}.pdf"
    reader = PdfReader(pdf)
    height = float(reader.pages[0].mediabox.height)
    total = len(reader.pages)
    assert body_and_footer(pdf, 1, height)[1] == []  # the cover bears no number
    for number in range(2, total + 1):  # every other page does, counted from the cover
        footer = body_and_footer(pdf, number, height)[1]
        page_words = words("Page %(page)s of %(pages)s") % {"page": number, "pages": total}
        assert footer.count(page_words) == 1, (number, footer)
    contents = contents_of(pdf, words("Contents"))
    for entry in entries:
        assert entry.title in contents, entry.title
        body, _ = body_and_footer(pdf, contents[entry.title], height)
        top = " ".join(text for _, _, text in body[:3])  # a long title wraps onto a second line
        assert top.startswith(entry.title), (entry.title, contents[entry.title], body[:2])
    for part in dict.fromkeys(entry.part for entry in entries):
        first = next(entry for entry in entries if entry.part == part)
        assert contents[part] == contents[first.title]
    assert body_and_footer(pdf, contents[words("Introduction")], height)[0][0][2] == words("Introduction")


@pytest.mark.browser
@pytest.mark.slow
def test_bookmarks_nest_by_part_and_the_metadata_is_set(printed: Path, entries: tuple[Entry, ...]) -> None:
    guide = check(ROOT / "content").content.guide
    for paper in SIZES:
        pdf = printed / "site" / "pdf" / f"workbook-{paper}.pdf"
        reader = PdfReader(pdf)
        contents = contents_of(pdf)
        outline = outline_of(reader)
        assert outline[:2] == [("Contents", 2), ("Introduction", contents["Introduction"])]
        parts = list(dict.fromkeys(entry.part for entry in entries))
        assert [item[0] for item in outline[2::2]] == parts
        for part, children in zip(parts, outline[3::2]):
            assert children == [(e.title, contents[e.title]) for e in entries if e.part == part]
        meta = reader.metadata
        assert meta is not None
        assert (meta.title, meta.subject, meta.author) == (f"{guide.title}: workbook", guide.tagline, guide.title)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_worksheet_fills_at_most_two_pages_and_no_page_ends_with_a_heading(
    printed: Path, entries: tuple[Entry, ...], paper: str
) -> None:
    problems = []
    for entry in entries:
        pdf = printed / "site" / "pdf" / f"{entry.id}-{paper}.pdf"
        reader = PdfReader(pdf)
        box = reader.pages[0].mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == SIZES[paper]
        page = (printed / "site" / entry.path.removesuffix(".md") / "index.html").read_text()
        # Two pages, or a page for every four items a long self-assessment rates with evidence.
        most = max(2, -(-page.count('class="leap-anchor-rating') // 4))
        if not 1 <= len(reader.pages) <= most:
            problems.append(f"{pdf.name}: {len(reader.pages)} pages")
        headings = headings_of(page)
        for number in range(1, len(reader.pages) + 1):
            heading = ends_with_heading(pdf, number, float(box.height), headings)
            if heading:
                problems.append(f"{pdf.name} page {number} ends with the heading {heading!r}")
        low = lowest_ink(pdf, len(reader.pages), float(box.height))
        if low < 0.9:
            problems.append(f"{pdf.name}: its last page is empty below {low:.0%}")
        assert reader.metadata is not None and reader.metadata.title == entry.title
    assert problems == []


# --- PDFs that stay with the site ----------------------------------------------------------------


def _plant_store(project: Path, site_url: str | None = None, engine: str = "mkdocs") -> Any:
    """Build in this process, then put a stand-in for every PDF the pages call for in the store."""
    from generator.build import Options, build
    from generator.site.pdfstore import save

    options = Options(project / "mkdocs.yml", site_dir=project / "site", site_url=site_url, engine=engine)
    plan = build(options).generated.pdf_plan
    for wanted in (*plan.sheets, *plan.workbooks):
        save(plan, plan.path(wanted), blank_pdf())
        if wanted.entry:
            save(plan, plan.base(wanted), blank_pdf())
    return plan


def _umask_077() -> None:
    os.umask(0o077)


@pytest.mark.slow
def test_a_later_build_keeps_and_links_the_pdfs_and_a_change_drops_them(tmp_path: Path, engine: str) -> None:
    make_project(tmp_path, MINI)
    _plant_store(tmp_path, engine=engine)
    assert (tmp_path / ".leap-pdf" / ".gitignore").read_text().splitlines()[-1] == "*"
    result = run_leap("build", "--engine", engine, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert (site / "pdf" / "clarity-letter.pdf").read_bytes() == blank_pdf()
    assert 'data-leap-pdf="clarity-a4.pdf"' in (site / "worksheets/traits/clarity/index.html").read_text()
    assert 'data-leap-pdf="workbook-letter.pdf"' in (site / "worksheets/index.html").read_text()

    offline = subprocess.run(
        [sys.executable, "-m", "generator.cli", "build", "--offline", "--engine", engine],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        preexec_fn=_umask_077,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"},
    )
    assert offline.returncode == 0, offline.stderr
    archive = tmp_path / "site-offline.zip"
    assert stat.S_IMODE(archive.stat().st_mode) == 0o644
    with zipfile.ZipFile(archive) as opened:
        pdfs = {info.filename: info.external_attr >> 16 for info in opened.infolist() if info.filename.endswith(".pdf")}
    assert pdfs["site-offline/pdf/workbook-a4.pdf"] == 0o644 and len(pdfs) == 2 + 2 * 13
    assert set(pdfs.values()) == {0o644}

    clarity = tmp_path / "content" / "traits" / "clarity.yaml"
    clarity.write_text(clarity.read_text().replace("Say where you are going.", "Say where we are going."))
    result = run_leap("build", "--engine", engine, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (site / "pdf" / "clarity-a4.pdf").exists() and not (site / "pdf" / "workbook-a4.pdf").exists()
    assert "data-leap-pdf" not in (site / "worksheets/traits/clarity/index.html").read_text()
    assert "data-leap-pdf" not in (site / "worksheets/index.html").read_text()
    assert 'data-leap-pdf="courage-a4.pdf"' in (site / "worksheets/traits/courage/index.html").read_text()
    assert (site / "pdf" / "courage-a4.pdf").is_file()


def test_the_store_keeps_a_few_earlier_prints_of_each_pdf_and_drops_older_ones(tmp_path: Path) -> None:
    from generator.site.pdfstore import KEEP_OLD, Plan, Wanted, prune, save

    current = Wanted("clarity-a4.pdf", "c" * 64, "a4")
    plan = Plan(tmp_path / ".leap-pdf", (), (current,))
    earlier = [Wanted("clarity-a4.pdf", str(n) * 64, "a4") for n in range(5)]
    for age, wanted in enumerate(earlier):
        save(plan, plan.path(wanted), blank_pdf())
        os.utime(plan.path(wanted), (1_000_000 + age, 1_000_000 + age))
    save(plan, plan.path(current), blank_pdf())
    assert prune(plan) == len(earlier) - KEEP_OLD
    kept = {path.name for path in plan.store.glob("*.pdf")}
    assert kept == {w.stored for w in (current, *earlier[-KEEP_OLD:])}


def test_a_stored_pdf_cut_short_or_emptied_counts_as_missing(tmp_path: Path) -> None:
    from generator.site.pdfstore import Plan, Wanted, save

    book = Wanted("workbook-a4.pdf", "b" * 64, "a4")
    plan = Plan(tmp_path / ".leap-pdf", (), (book,))
    save(plan, plan.path(book), blank_pdf())
    assert plan.ready(book)
    whole = plan.path(book).read_bytes()
    for damaged in (whole[:100], b"", b"not a pdf" + whole):
        plan.path(book).write_bytes(damaged)
        assert not plan.ready(book) and plan.missing_workbooks() == [book]


def test_the_pdfs_hash_changes_with_the_addresses_printed_on_them(tmp_path: Path) -> None:
    # One builder: the store's hash of the addresses is the engine's, the same whichever builds.
    url = "https://intranet.example.com/guide/"
    make_project(tmp_path, MINI)
    plan = _plant_store(tmp_path, url)
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text().replace("use_directory_urls: true", "use_directory_urls: false"))
    assert "use_directory_urls: false" in config.read_text()
    from generator.build import Options, build

    other = build(Options(config, site_dir=tmp_path / "site", site_url=url)).generated.pdf_plan
    assert other is not None and not {w.key for w in other.sheets} & {w.key for w in plan.sheets}
    assert not (tmp_path / "site" / "pdf").exists()  # printed for the other addresses: not published


@pytest.mark.browser
@pytest.mark.slow
def test_leap_pdf_prints_what_is_missing_and_the_site_links_it(browser: Any, tmp_path: Path, engine: str) -> None:
    config = make_project(tmp_path, MINI)
    config.write_text(
        config.read_text().replace(
            '      organisation: ""\n      colours: {}\n',
            '      organisation: Example Ltd\n      colours: {primary: "#1f4e79", accent: teal}\n',
        )
    )
    result = run_leap("pdf", "--engine", engine, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Printed 26 worksheet PDFs and 2 workbooks, reused 0" in result.stdout
    pdf = tmp_path / "site" / "pdf"
    workbook = PdfReader(pdf / "workbook-a4.pdf")
    assert workbook.metadata is not None and workbook.metadata.author == "Example Ltd"
    assert "Example Ltd" in workbook.pages[0].extract_text() and "Mini Guide" in workbook.pages[0].extract_text()
    assert PdfReader(pdf / "hiding-letter.pdf").metadata.title == "Worksheet: Hiding"  # type: ignore[union-attr]
    with serve(tmp_path / "site") as url:
        page = browser.new_page()
        page.goto(url + "worksheets/barriers/hiding/")
        link = page.get_by_role("link", name="Download PDF (US Letter)")
        link.wait_for(state="visible", timeout=5_000)
        assert page.request.get(link.get_attribute("href")).body() == (pdf / "hiding-letter.pdf").read_bytes()
        page.goto(url + "worksheets/")
        page.get_by_role("link", name="Workbook (A4)").wait_for(state="visible", timeout=5_000)

    kept = (pdf / "courage-a4.pdf").read_bytes()
    assert run_leap("build", "--engine", engine, cwd=tmp_path).returncode == 0
    assert (pdf / "courage-a4.pdf").read_bytes() == kept

    clarity = tmp_path / "content" / "traits" / "clarity.yaml"
    clarity.write_text(clarity.read_text().replace("Is it written down?", "Is it written down, and where?"))
    result = run_leap("pdf", "--engine", engine, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Printed 2 worksheet PDFs and 2 workbooks, reused 24" in result.stdout
    assert "Is it written down, and where?" in PdfReader(pdf / "clarity-a4.pdf").pages[0].extract_text()
    assert (pdf / "courage-a4.pdf").read_bytes() == kept

    result = run_leap("pdf", "--site-url", "https://intranet.example.com/leadership", "--engine", engine, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = " ".join(PdfReader(pdf / "clarity-a4.pdf").pages[0].extract_text().split())
    assert "https://intranet.example.com/leadership/traits/clarity/" in text


# --- on paper from the browser -------------------------------------------------------------------


@pytest.mark.browser
def test_a_blank_copy_prints_every_field_empty_and_keeps_the_answers(browser: Any, mini_url: str) -> None:
    page = browser.new_context().new_page()
    page.goto(mini_url + "worksheets/traits/clarity/")
    prompt = check(MINI).content.by_id["clarity"].fields["prompts"][0]
    page.fill(f'textarea[name="{prompt.id}"]', "Only on my copy.")
    page.get_by_label("4", exact=True).check()
    page.evaluate("""window.print = () => { window.__printed = {
        twins: Array.from(document.querySelectorAll('.leap-answer')).map((t) => t.textContent).join(''),
        values: Array.from(document.querySelectorAll('.leap-worksheet textarea, .leap-worksheet input[type=text]'))
          .map((f) => f.value).join(''),
        checked: document.querySelectorAll('.leap-worksheet input:checked').length,
        blank: document.body.classList.contains('leap-printing-blank') }; }""")
    page.get_by_role("button", name="Print a blank copy").click()
    assert page.evaluate("window.__printed") == {"twins": "", "values": "", "checked": 0, "blank": True}
    assert page.input_value(f'textarea[name="{prompt.id}"]') == "Only on my copy."
    assert page.get_by_label("4", exact=True).is_checked()
    assert not page.evaluate("document.body.classList.contains('leap-printing-blank')")
    page.reload()
    assert page.input_value(f'textarea[name="{prompt.id}"]') == "Only on my copy."
    assert page.get_by_label("4", exact=True).is_checked()


@pytest.mark.browser
def test_a_normal_page_prints_without_chrome_with_addresses_and_no_orphaned_heading(
    browser: Any, shipped_url: str, tmp_path: Path
) -> None:
    page = browser.new_page()
    for path in ("barriers/no-succession-plan/", "traits/vision/", "assessment/"):
        page.goto(shipped_url + path)
        page.emulate_media(media="print")
        pdf = tmp_path / "page.pdf"
        pdf.write_bytes(page.pdf(format="A4", print_background=True))
        text = layout_text(pdf, 1, 99)
        for chrome in ("Skip to content", "Made with", "Back to top", "Print with my answers"):
            assert chrome not in text, (path, chrome)
        assert "Page 1 of " in text, path  # every page's footer numbers it
        if path != "assessment/":
            assert "(in the guide: " in text, path
        headings = headings_of(page.content())
        reader = PdfReader(pdf)
        for number in range(1, len(reader.pages) + 1):
            assert not ends_with_heading(pdf, number, float(reader.pages[0].mediabox.height), headings), (path, number)
