"""A Python-Markdown extension that keeps the Markdown of every page from running script.

It walks the element tree after Markdown has built it (after links, references and escapes are
resolved, so no spelling of a link can slip past) and removes, from every element:

- ``href``, ``src`` and the other address attributes whose scheme is not http, https or mailto
  (relative addresses and ``#anchors`` are kept);
- event handlers (``on...``) and ``srcdoc``;
- a ``title`` that holds a tag once the browser has read it (``<``): Material's and Zensical's
  tooltips (``content.tooltips``) show a title as HTML, so a column of a matrix titled after an
  item ``Show <img src=x onerror=...>`` would run script when pointed at. Plain titles stay.

A link that loses its address stays as plain text. Content never reaches a page as raw HTML (the
templates escape it: :mod:`generator.pages.safe`), so this makes every generated page safe. Raw
HTML that a site's owner writes in a page of their own in docs/ is published as written, as
MkDocs and Zensical publish it: the owner can add any script to their site anyway (mkdocs.yml's
``extra_javascript``), so the engine does not pretend to police them. The builders add the
extension to every build: the leap plugin for MkDocs, the engine's config for Zensical.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ADDRESS_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "xlink:href",
        "poster",
        "data",
        "background",
        "cite",
        "longdesc",
        "srcset",
        "ping",
    }
)
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_PLACEHOLDER = re.compile("\x02(\\d+)\x03")  # Markdown's stand-in for a backslash-escaped character
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def safe_address(value: str) -> bool:
    """Whether a browser following ``value`` stays on http(s), mailto or a relative address.
    Browsers decode entities and skip invisible characters before reading a scheme; so do we."""
    address = _PLACEHOLDER.sub(lambda m: chr(int(m.group(1))), value)
    for _ in range(3):  # entities may be nested (&amp;#58;)
        address = html.unescape(address)
    address = _INVISIBLE.sub("", address).lower()
    scheme = _SCHEME.match(address)
    if scheme:
        return scheme.group(1) in SAFE_SCHEMES
    return ":" not in address.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]


def holds_markup(value: str) -> bool:
    """Whether an attribute, as the browser reads it (entities decoded), holds a tag."""
    return "<" in html.unescape(_PLACEHOLDER.sub(lambda m: chr(int(m.group(1))), value))


def clean_element(element: etree.Element) -> None:
    for name in list(element.attrib):
        lowered = name.lower()
        if (
            lowered.startswith("on")
            or lowered == "srcdoc"
            or (lowered in ADDRESS_ATTRIBUTES and not safe_address(element.attrib[name]))
            or (lowered == "title" and holds_markup(element.attrib[name]))
        ):
            del element.attrib[name]


class SanitizeTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            clean_element(element)


class SanitizeExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Lower than every built-in tree processor (unescape is 0), so it sees the final tree.
        md.treeprocessors.register(SanitizeTreeprocessor(md), "leap-sanitize", -100)


def makeExtension(**kwargs: Any) -> SanitizeExtension:
    return SanitizeExtension(**kwargs)
