"""Markdown from content, parsed once into an element tree, for the wiki export.

A Markdown field (or a page written by hand in docs/) is parsed by Python-Markdown as the site
reads it, but with raw HTML, entities, images and autolinks off, so that they read as text (the
site shows them as text too: see :mod:`generator.pages.safe`), and with :mod:`generator.pages.sanitize`
dropping every unsafe link address from the tree. A serialiser (:mod:`generator.wiki.gfm`,
:mod:`generator.wikitext`) then writes the tree in the wiki's own syntax, escaping whatever that
syntax would interpret. Links are handed to a ``Resolve`` function, which turns a relative
address on the site into a link to the wiki page for it, and refuses anything else.
"""

from __future__ import annotations

import functools
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..pages.sanitize import SAFE_SCHEMES, SanitizeExtension, safe_address

# Python-Markdown's inline patterns that would let HTML or entities through.
_OFF = ("html", "entity", "autolink", "automail")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(---|\.\.\.)[ \t]*(\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class Link:
    """Where a link goes in the wiki: a page (its link target in the wiki's syntax) or an address."""

    target: str
    internal: bool


Resolve = Callable[[str], "Link | None"]


class _Keep(Treeprocessor):
    """Runs last and keeps the finished tree, which is what we serialise."""

    root: etree.Element | None = None

    def run(self, root: etree.Element) -> None:
        self.root = root


@functools.cache
def _markdown(hand_written: bool) -> Markdown:
    """The parser: the site's Markdown features, minus HTML. Pages written by hand also get
    attribute lists, so that ``{ .md-button }`` is read as the site reads it, not shown."""
    extensions: list[str | Extension] = [
        "tables",
        "admonition",
        *(["attr_list"] if hand_written else []),
        SanitizeExtension(),
    ]
    md = Markdown(extensions=extensions, extension_configs={"tables": {"use_align_attribute": True}})
    md.preprocessors.deregister("html_block")
    for name in _OFF:
        md.inlinePatterns.deregister(name)
    md.treeprocessors.deregister("prettify")
    md.treeprocessors.register(_Keep(md), "leap-keep", -1000)
    return md


def parse(text: str, hand_written: bool = False) -> etree.Element:
    """The element tree of a Markdown text: a ``div`` holding its blocks."""
    md = _markdown(hand_written)
    md.reset()
    md.convert(text)
    keep = md.treeprocessors["leap-keep"]
    assert isinstance(keep, _Keep)
    root, keep.root = keep.root if keep.root is not None else etree.Element("div"), None  # none: blank text
    for code in root.iter("code"):  # Python-Markdown stores code HTML-escaped
        code.text = (code.text or "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    _images_as_links(root)
    return root


def _images_as_links(root: etree.Element) -> None:
    """An image becomes "!" and a link to it, as on the site: a page loads nothing from elsewhere."""
    for parent in list(root.iter()):
        for index, child in enumerate(parent):
            if child.tag == "img":
                if index:
                    parent[index - 1].tail = (parent[index - 1].tail or "") + "!"
                else:
                    parent.text = (parent.text or "") + "!"
                alt, src = child.get("alt", ""), child.get("src")
                child.tag, child.text = "a", alt
                child.attrib = {"href": src} if src else {}


def external(href: str) -> bool:
    """Whether a link goes to an http, https or mailto address (the only ones kept as links)."""
    try:
        scheme = urlsplit(href).scheme.lower()
    except ValueError:  # such as an unclosed [ in the host
        return False
    return scheme in SAFE_SCHEMES and safe_address(href)


def site_address(here: str, href: str) -> str | None:
    """The page under docs/ a relative link on page ``here`` points to (``../traits/vision.md``
    from ``worksheets/index.md`` is ``traits/vision.md``), or None when it points to no page."""
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    path = posixpath.join(posixpath.dirname(here), unquote(parts.path))
    path = posixpath.normpath(path + "/index.md" if parts.path.endswith("/") else path)
    if path.startswith("../") or path == ".." or not path.endswith(".md"):
        return None
    return path


def front_matter(text: str) -> tuple[str, str]:
    """A hand-written page's Markdown without its YAML front matter, and the front matter."""
    match = _FRONT_MATTER.match(text)
    return (text[match.end() :], match.group(1) or "") if match else (text, "")


def heading(root: etree.Element) -> str | None:
    """The text of a page's first top-level heading, as MkDocs takes it for the page's title."""
    first = root.find("h1")
    return (words(first) or None) if first is not None else None


def words(element: etree.Element) -> str:
    """All the text in an element, soft line breaks as spaces."""
    return " ".join("".join(element.itertext()).split())


BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "hr", "table", "div"})


class BlockWriter:
    """Writes a parsed Markdown tree in another syntax (GFM, wikitext). A target says how plain
    text is escaped, how a paragraph's pieces become one, and how each block and span is written;
    the walk through the blocks is shared."""

    def __init__(self, resolve: Resolve) -> None:
        self.resolve = resolve

    def escaped(self, value: str) -> str:
        raise NotImplementedError

    def paragraph(self, pieces: list[str]) -> str:
        raise NotImplementedError

    def block(self, element: etree.Element) -> str:
        raise NotImplementedError

    def span(self, element: etree.Element) -> str:
        raise NotImplementedError

    def blocks(self, parent: etree.Element, skip: etree.Element | None = None) -> str:
        """The element's children as blocks; loose text and inline elements become paragraphs."""
        out: list[str] = []
        run = [self.escaped(parent.text or "")]
        for child in parent:
            if child is skip:
                continue
            if child.tag in BLOCKS:
                out += [self.paragraph(run), self.block(child)]
                run = [self.escaped(child.tail or "")]
            else:
                run += [self.span(child), self.escaped(child.tail or "")]
        return "\n\n".join(block for block in [*out, self.paragraph(run)] if block)
