"""The workbooks: a cover in the brand's colours, the contents by part, the introduction, then
every worksheet's footerless print, numbered through from the cover (which bears no number), with
nested bookmarks (contents, introduction, each part and its worksheets) and the document's title,
subject and author set. Every word is the content's, or generic."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
from markupsafe import Markup
from pypdf import PdfReader, PdfWriter

from ..content.model import Content, Guide
from ..locale import translations
from ..pages import safe
from ..pages.brand import Brand
from ..pages.sanitize import SanitizeExtension
from ..pages.templating import make_environment
from ..pages.worksheets import Entry
from ..site.pdfstore import Plan, Wanted, save
from .stamp import MARGINS, PAPER, footers, stamp

DEFAULT_COLOURS = {"primary": "#1f2a44", "accent": "#4051b5"}


@dataclass(frozen=True)
class Part:
    title: str
    start: int
    sheets: tuple[tuple[Entry, int], ...]  # each worksheet and the page it starts on


@dataclass(frozen=True)
class Front:
    """The printed cover, contents and introduction, and where everything starts."""

    cover: PdfReader
    toc: PdfReader
    intro: PdfReader | None
    parts: list[Part]

    @property
    def toc_start(self) -> int:
        return 1 + len(self.cover.pages)

    @property
    def intro_start(self) -> int:
        return self.toc_start + len(self.toc.pages) if self.intro else 0


async def bind(
    browser: Any, plan: Plan, book: Wanted, content: Content, brand: Brand, site_dir: Path, language: str = "en"
) -> None:
    """Bind ``book`` from the worksheets' footerless prints in the store, the engine's words in ``language``."""
    _ = translations(language).gettext
    sheets = plan.sheets_on(book.paper)
    readers = [PdfReader(plan.base(w)) for w in sheets]
    html = _front_html(content, brand, site_dir, book.paper, language)
    front = await _front(browser, html, book.paper, sheets, readers, bool(_introduction(content.guide)))
    writer = PdfWriter()
    labels: list[str | None] = []
    for reader, label in (
        (front.cover, None),
        (front.toc, _("Contents")),
        *([(front.intro, _("Introduction"))] if front.intro else []),
        *((r, f"{w.entry.part} · {w.entry.title}") for w, r in zip(sheets, readers) if w.entry),
    ):
        writer.append(reader)
        labels += [label] * len(reader.pages)
    stamps = [
        (label, _("Page %(page)s of %(pages)s") % {"page": n, "pages": len(labels)}) if label else None
        for n, label in enumerate(labels, 1)
    ]
    for target, overlay in zip(writer.pages, await footers(browser, book.paper, stamps, language)):
        stamp(writer, target, overlay)
    _outline(writer, front, _("Introduction"))
    metadata(writer, _("%(title)s: workbook") % {"title": content.guide.title}, content.guide.tagline, brand)
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    save(plan, plan.path(book), out.getvalue())


async def _front(
    browser: Any, html: Callable[..., str], paper: str, sheets: list[Wanted], readers: list[PdfReader], introduced: bool
) -> Front:
    """Print the cover, the introduction, then the contents until its length settles (it moves the
    page every worksheet starts on)."""
    page = await browser.new_page()
    cover = await _print(page, html("cover"), paper)
    intro = await _print(page, html("introduction"), paper) if introduced else None
    toc_pages = 1
    for _ in range(4):
        intro_start = 1 + len(cover.pages) + toc_pages
        parts = _parts(sheets, readers, intro_start + (len(intro.pages) if intro else 0))
        toc = await _print(page, html("contents", parts=parts, intro=intro_start if intro else 0), paper)
        if len(toc.pages) == toc_pages:
            break
        toc_pages = len(toc.pages)
    await page.close()
    return Front(cover, toc, intro, parts)


def _parts(sheets: list[Wanted], readers: list[PdfReader], first: int) -> list[Part]:
    """The worksheets by part, each with the page it starts on, the first on page ``first``."""
    parts: list[Part] = []
    page = first
    for wanted, reader in zip(sheets, readers):
        assert wanted.entry is not None
        if not parts or parts[-1].title != wanted.entry.part:
            parts.append(Part(wanted.entry.part, page, ()))
        last = parts[-1]
        parts[-1] = Part(last.title, last.start, (*last.sheets, (wanted.entry, page)))
        page += len(reader.pages)
    return parts


def _outline(writer: PdfWriter, front: Front, introduction: str) -> None:
    writer.add_outline_item(title="Contents", page_number=front.toc_start - 1)
    if front.intro:
        writer.add_outline_item(title=introduction, page_number=front.intro_start - 1)
    for part in front.parts:
        parent = writer.add_outline_item(title=part.title, page_number=part.start - 1)
        for entry, start in part.sheets:
            writer.add_outline_item(title=entry.title, page_number=start - 1, parent=parent)


def metadata(writer: PdfWriter, title: str, subject: str, brand: Brand) -> None:
    writer.add_metadata(
        {"/Title": title, "/Subject": subject, "/Author": brand.organisation or brand.site_name, "/Creator": "leap"}
    )


def _front_html(content: Content, brand: Brand, site_dir: Path, paper: str, language: str) -> Callable[..., str]:
    template = make_environment(language).get_template("workbook.html.j2")
    guide = content.guide
    colours = {**DEFAULT_COLOURS, **dict(brand.colours)}
    intro = Markup(markdown.markdown(safe.markdown(_introduction(guide)), extensions=[SanitizeExtension()]))

    def html(section: str, **extra: Any) -> str:
        return template.render(
            section=section,
            guide=guide,
            brand=brand,
            logo=_logo(site_dir, brand),
            colours=colours,
            paper=PAPER[paper],
            introduction=intro,
            **extra,
        )

    return html


async def _print(page: Any, html: str, paper: str) -> PdfReader:
    await page.set_content(html, wait_until="load")
    return PdfReader(io.BytesIO(await page.pdf(format=PAPER[paper], print_background=True, margin=MARGINS)))


def _introduction(guide: Guide) -> str:
    """The workbook's introduction, all from the content: who the guide is for, and its first
    home section."""
    parts = [guide.audience or "", *(f"## {s.heading}\n\n{s.text}" for s in guide.home[:1])]
    return "\n\n".join(part for part in parts if part)


def _logo(site_dir: Path, brand: Brand) -> str:
    """The brand's logo as a data: URL for the cover (the cover is set as HTML, with no base URL)."""
    path = site_dir / brand.logo if brand.logo else None
    if path is None or not path.is_file() or path.suffix.lower() not in _IMAGE_TYPES:
        return ""
    return f"data:{_IMAGE_TYPES[path.suffix.lower()]};base64,{base64.b64encode(path.read_bytes()).decode()}"


_IMAGE_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
