"""`leap pdf`: print every worksheet of the built site through headless Chromium, and bind them,
with a cover, a table of contents and the introduction, into one workbook per paper size.

Chromium is Debian's (``/usr/bin/chromium``, or ``LEAP_CHROMIUM``), driven by Playwright: no
browser is ever downloaded.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
from markupsafe import Markup
from pypdf import PdfReader, PdfWriter

from . import safe
from .config import DEFAULT_BRAND, Brand
from .localserver import serve
from .model import Guide
from .sanitize import SanitizeExtension
from .templating import make_environment
from .worksheets import Entry

CHROMIUM = Path(os.environ.get("LEAP_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]
PAPER = {"a4": "A4", "letter": "Letter"}
MARGINS = {"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"}


class PdfError(Exception):
    """A problem that stops `leap pdf`, said in words a person can act on."""


@dataclass(frozen=True)
class Printed:
    entry: Entry
    pdf: Path
    pages: int


def make_pdfs(site_dir: Path, guide: Guide, entries: tuple[Entry, ...], brand: Brand = DEFAULT_BRAND) -> list[Path]:
    """Write one PDF per worksheet and paper size into ``site_dir/pdf``, then the two workbooks."""
    out = site_dir / "pdf"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with _browser() as browser, serve(site_dir) as base:
        page = browser.new_page()
        for size in PAPER:
            printed = [_print_sheet(page, base + _url(entry.path), out / f"{entry.id}-{size}.pdf", size, entry)
                       for entry in entries]
            written += [p.pdf for p in printed]
            written.append(_bind(page, guide, brand, site_dir, printed, out / f"workbook-{size}.pdf", size))
    return written


def _browser() -> Any:
    if not CHROMIUM.exists():
        raise PdfError(f"Chromium was not found at {CHROMIUM}. Install Debian's Chromium with "
                       "`sudo apt-get install chromium` (or set LEAP_CHROMIUM to its path), then run "
                       "`leap pdf` again.")
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    class _Session:
        def __enter__(self) -> Any:
            self.playwright = sync_playwright().start()
            try:
                self.browser = self.playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            except PlaywrightError as err:
                self.playwright.stop()
                raise PdfError(f"Chromium at {CHROMIUM} did not start: {str(err).splitlines()[0]}") from None
            return self.browser

        def __exit__(self, *exc: object) -> None:
            self.browser.close()
            self.playwright.stop()

    return _Session()


def _url(docs_path: str) -> str:
    """A page's address under MkDocs' directory URLs: ``worksheets/x.md`` -> ``worksheets/x/``."""
    page = docs_path.removesuffix(".md")
    return page.removesuffix("index") if page.endswith("index") else page + "/"


def _print_sheet(page: Any, url: str, target: Path, size: str, entry: Entry) -> Printed:
    page.goto(url, wait_until="load")
    page.emulate_media(media="print")
    page.pdf(path=str(target), format=PAPER[size], print_background=True, margin=MARGINS)
    return Printed(entry, target, len(PdfReader(target).pages))


def _bind(page: Any, guide: Guide, brand: Brand, site_dir: Path, printed: list[Printed], target: Path,
          size: str) -> Path:
    """Cover, contents and introduction, then every worksheet, with a bookmark for each."""
    front = target.with_suffix(".front.pdf")
    toc_pages = 1
    for _ in range(2):  # the second pass uses the real length of the contents
        starts, page_no = [], 2 + toc_pages + 1
        for sheet in printed:
            starts.append(page_no)
            page_no += sheet.pages
        html = make_environment().get_template("workbook.html.j2").render(
            guide=guide, brand=brand, logo=_logo(site_dir, brand), colours=dict(brand.colours),
            sheets=list(zip(printed, starts)), paper=PAPER[size],
            introduction=Markup(markdown.markdown(safe.markdown(_introduction(guide)), extensions=[SanitizeExtension()])))
        page.set_content(html, wait_until="load")
        page.pdf(path=str(front), format=PAPER[size], print_background=True, margin=MARGINS)
        front_pages = len(PdfReader(front).pages)
        if front_pages - 2 == toc_pages:
            break
        toc_pages = front_pages - 2
    writer = PdfWriter()
    writer.append(str(front))
    writer.add_outline_item(title="Contents", page_number=1)
    for sheet, start in zip(printed, starts):
        writer.append(str(sheet.pdf))
        writer.add_outline_item(title=sheet.entry.title, page_number=start - 1)
    with target.open("wb") as handle:
        writer.write(handle)
    front.unlink()
    return target


def _introduction(guide: Guide) -> str:
    """The workbook's one-page introduction: who the guide is for, and its first home section."""
    parts = [guide.audience or "", *(f"## {s.heading}\n\n{s.text}" for s in guide.home[:1])]
    return "\n\n".join(part for part in parts if part)


def _logo(site_dir: Path, brand: Brand) -> str:
    """The brand's logo as a data: URL for the cover (the cover is set as HTML, with no base URL)."""
    path = site_dir / brand.logo if brand.logo else None
    if path is None or not path.is_file() or path.suffix.lower() not in _IMAGE_TYPES:
        return ""
    return f"data:{_IMAGE_TYPES[path.suffix.lower()]};base64,{base64.b64encode(path.read_bytes()).decode()}"


_IMAGE_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
