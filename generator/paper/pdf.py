"""`leap pdf`: print what the store lacks through headless Chromium, several pages at once.

Each worksheet the site's pages call for (:mod:`generator.site.pdfstore`) and is not stored yet is
printed once per paper size, without a footer, after its write-in space has been grown to fill
its pages (:mod:`generator.paper.fit`). That print is kept for the workbooks; the worksheet's own PDF
is the same pages with a footer stamped on (its title, "Page 1 of 2"). The workbooks bind the
footerless prints behind a cover, a contents and the introduction, numbered through from the
cover (:mod:`generator.paper.bind`).

Chromium is Debian's (``/usr/bin/chromium``, or ``LEAP_CHROMIUM``), driven by Playwright: no
browser is ever downloaded.
"""

from __future__ import annotations

import asyncio
import io
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter

from ..content.model import Content
from ..errors import LeapError
from ..locale import translations
from ..pages.brand import Brand
from ..site.pdfstore import Plan, Wanted, save
from .bind import bind, metadata
from .fit import FIT, UNFIT
from .stamp import INCHES, MARGINS, PAPER, footers, stamp

CHROMIUM = Path(os.environ.get("LEAP_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
JOBS = 4  # pages printing at once in the one browser
PX_PER_MM = 96 / 25.4


class PdfError(LeapError):
    """A problem that stops `leap pdf`, said in words a person can act on."""


@dataclass(frozen=True)
class PdfReport:
    printed: int  # worksheet PDFs printed now (one per worksheet and paper size)
    bound: int  # workbooks bound now
    reused: int  # PDFs the store already held


def make_pdfs(
    site_dir: Path, plan: Plan, content: Content, brand: Brand, *, jobs: int = JOBS, language: str = "en"
) -> PdfReport:
    """Print into the store every PDF of ``plan`` it lacks, from the built site in ``site_dir``
    (in ``language``: the engine's words on the footers, cover and contents)."""
    sheets, books = plan.missing_sheets(), plan.missing_workbooks()
    reused = len(plan.sheets) + len(plan.workbooks) - len(sheets) - len(books)
    if sheets or books:
        asyncio.run(_print_all(site_dir, plan, content, brand, max(1, jobs), sheets, books, language))
    return PdfReport(len(sheets), len(books), reused)


async def _print_all(
    site_dir: Path,
    plan: Plan,
    content: Content,
    brand: Brand,
    jobs: int,
    sheets: list[Wanted],
    books: list[Wanted],
    language: str,
) -> None:
    from playwright.async_api import Error as PlaywrightError

    try:
        async with chromium_browser() as browser:
            await _print_sheets(browser, site_dir, plan, sheets, jobs)
            await _stamp(browser, plan, sheets, content, brand, language)
            for book in books:
                await bind(browser, plan, book, content, brand, site_dir, language)
    except PlaywrightError as err:
        raise PdfError(f"Chromium could not print: {str(err).splitlines()[0]}") from None
    except OSError as err:
        raise PdfError(f"{err.filename or plan.store}: {err.strerror or err}") from None


@asynccontextmanager
async def chromium_browser() -> AsyncIterator[Any]:
    """Debian's Chromium, started headless for printing (a clear PdfError when it cannot be)."""
    if not CHROMIUM.exists():
        raise PdfError(
            f"Chromium was not found at {CHROMIUM}. Install Debian's Chromium with "
            "`sudo apt-get install chromium` (or set LEAP_CHROMIUM to its path), then run "
            "`leap pdf` again."
        )
    from playwright.async_api import Error as PlaywrightError
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        try:
            browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        except PlaywrightError as err:
            raise PdfError(f"Chromium at {CHROMIUM} did not start: {str(err).splitlines()[0]}") from None
        try:
            yield browser
        finally:
            await browser.close()


async def _print_sheets(browser: Any, site_dir: Path, plan: Plan, sheets: list[Wanted], jobs: int) -> None:
    """Print the worksheets, ``jobs`` pages at a time, each without the page's own footer. The
    pages are opened from their files: no server to wait for, and they print the same (the address
    a worksheet prints comes from the site's URL, or is the page's place in the guide)."""
    queue = list(sheets)
    context = await browser.new_context()
    await context.add_init_script("window.leapPdf = true;")  # worksheets.js: no footer, we stamp one

    async def worker() -> None:
        page = await context.new_page()
        await page.emulate_media(media="print")
        try:
            while queue:
                wanted = queue.pop(0)
                save(plan, plan.base(wanted), await _print_sheet(page, site_dir, wanted))
        except BaseException:
            queue.clear()  # the other pages stop after the worksheet they are printing
            raise
        await page.close()

    failures = [
        result
        for result in await asyncio.gather(*(worker() for _ in range(min(jobs, len(queue)))), return_exceptions=True)
        if result is not None
    ]
    if failures:
        raise failures[0]
    await context.close()


async def _print_sheet(page: Any, site_dir: Path, wanted: Wanted) -> bytes:
    assert wanted.entry is not None
    width, height = INCHES[wanted.paper]
    area = {"width": width * 96 - 28 * PX_PER_MM, "height": height * 96 - 30 * PX_PER_MM}  # inside the margins
    await page.goto(_page_file(site_dir, wanted.entry.path).resolve().as_uri(), wait_until="load")
    line = 8 * PX_PER_MM
    # The columns the space is measured in can end a few pixels from where the printed pages do:
    # grown too far, the write-in space gives back a line a page, twice, before it is given up.
    for safety in (4, 4 + line, 4 + 2 * line):
        fit = await page.evaluate(FIT, {**area, "line": line, "safety": safety})
        data: bytes = await page.pdf(format=PAPER[wanted.paper], print_background=True, margin=MARGINS)
        if not fit["grown"] or len(PdfReader(io.BytesIO(data)).pages) <= fit["pages"]:
            return data
        await page.evaluate(UNFIT)
    data = await page.pdf(format=PAPER[wanted.paper], print_background=True, margin=MARGINS)
    return data


async def _stamp(browser: Any, plan: Plan, sheets: list[Wanted], content: Content, brand: Brand, language: str) -> None:
    """Each worksheet's own PDF: its footerless print with its title and "Page 1 of 2" below."""
    _ = translations(language).gettext
    for paper in PAPER:
        mine = [w for w in sheets if w.paper == paper]
        readers = [PdfReader(plan.base(w)) for w in mine]
        labels: list[tuple[str, str] | None] = [
            (w.entry.title if w.entry else "", _("Page %(page)s of %(pages)s") % {"page": n, "pages": len(r.pages)})
            for w, r in zip(mine, readers)
            for n in range(1, len(r.pages) + 1)
        ]
        if not labels:
            continue
        overlay = iter(await footers(browser, paper, labels, language))
        for wanted, reader in zip(mine, readers):
            writer = PdfWriter(clone_from=reader)
            for page in writer.pages:
                stamp(writer, page, next(overlay))
            assert wanted.entry is not None
            metadata(writer, wanted.entry.title, content.guide.title, brand)
            out = io.BytesIO()
            writer.write(out)
            save(plan, plan.path(wanted), out.getvalue())


def _page_file(site_dir: Path, docs_path: str) -> Path:
    """A page's file in the built site: ``worksheets/x.md`` is ``worksheets/x/index.html`` (or
    ``worksheets/x.html`` without directory URLs)."""
    page = docs_path.removesuffix(".md")
    folder = site_dir / (page.removesuffix("index") if page.endswith("index") else page + "/")
    return folder / "index.html" if (folder / "index.html").is_file() else site_dir / f"{page}.html"
