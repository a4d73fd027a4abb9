"""Footers stamped onto printed pages: Chromium prints one transparent page of footer for each
page, and each is laid over its page as a form, so a page's number can be its place in a book."""

from __future__ import annotations

import io
from typing import Any, cast

from markupsafe import escape
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

from ..locale import direction

PAPER = {"a4": "A4", "letter": "Letter"}
INCHES = {"a4": (8.27, 11.7), "letter": (8.5, 11.0)}  # Chromium's sizes for them
MARGINS = {"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"}  # worksheets' and workbooks'
NO_MARGIN = {"top": "0", "bottom": "0", "left": "0", "right": "0"}
STYLE = (
    "@page {{ size: {width}in {height}in; margin: 0; }} html, body {{ margin: 0; }}"
    ".page {{ position: relative; height: calc({height}in - 2px); break-after: page; }}"
    ".page:last-child {{ break-after: auto; }}"
    ".foot {{ position: absolute; left: 14mm; right: 14mm; bottom: 7mm; display: flex; gap: 6mm;"
    " justify-content: space-between; font: 8pt/1.2 sans-serif; color: #000; }}"
    ".foot span:first-child {{ overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }}"
)


async def footers(
    browser: Any, paper: str, labels: list[tuple[str, str] | None], language: str = "en"
) -> list[PageObject]:
    """One transparent page per label, with the label's two parts at its foot (none for None): the
    first where ``language``'s lines start (the left, or the right for Arabic), the second at the end."""
    width, height = INCHES[paper]
    pages = "".join(
        f'<div class="page"><div class="foot"><span>{escape(label[0])}</span>'
        f"<span>{escape(label[1])}</span></div></div>"
        if label
        else '<div class="page"></div>'
        for label in labels
    )
    html = (
        f'<!doctype html><html lang="{escape(language)}" dir="{direction(language)}"><head><meta charset="utf-8"><style>'
        f"{STYLE.format(width=width, height=height)}</style></head><body>{pages}</body></html>"
    )
    page = await browser.new_page()
    await page.set_content(html, wait_until="load")
    data = await page.pdf(format=PAPER[paper], margin=NO_MARGIN)
    await page.close()
    return list(PdfReader(io.BytesIO(data)).pages)


def stamp(writer: PdfWriter, page: PageObject, overlay: PageObject) -> None:
    """Lay ``overlay`` over ``page``, as a form drawn after the page's own content. (pypdf's
    merge_page does the same, but parses both pages' content: seconds per workbook.)"""
    if "/Contents" not in overlay:
        return
    form = DecodedStreamObject()
    form.set_data(overlay._get_contents_as_bytes() or b"")
    resources = cast(DictionaryObject, overlay.get("/Resources", DictionaryObject()).get_object())
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): overlay.mediabox,
            NameObject("/Resources"): resources.clone(writer),
        }
    )
    name = f"/LeapStamp{len(writer._objects)}"
    _xobjects(page)[NameObject(name)] = writer._add_object(form)
    contents = page.get("/Contents")
    old = contents.get_object() if contents is not None else ArrayObject()
    streams = list(old) if isinstance(old, ArrayObject) else [contents]
    page[NameObject("/Contents")] = ArrayObject(
        [_stream(writer, b"q\n"), *streams, _stream(writer, f"\nQ q {name} Do Q\n".encode())]
    )


def _xobjects(page: PageObject) -> DictionaryObject:
    if "/Resources" not in page:
        page[NameObject("/Resources")] = DictionaryObject()
    resources = cast(DictionaryObject, page["/Resources"].get_object())
    if "/XObject" not in resources:
        resources[NameObject("/XObject")] = DictionaryObject()
    return cast(DictionaryObject, resources["/XObject"].get_object())


def _stream(writer: PdfWriter, data: bytes) -> Any:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return writer._add_object(stream)
