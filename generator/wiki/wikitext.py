"""MediaWiki's wikitext: plain text escaped with ``<nowiki>``, and a parsed Markdown tree
(:mod:`generator.wiki.markup`) written out in the wiki's own syntax.

Everything wikitext would interpret in text is wrapped in ``<nowiki>``: tags and comments
(``<``), links (``[``, ``]``, and the colon of an address's scheme), templates and
parameters (``{{``), table cells (``|``, ``!!``), bold and italics (``''``), signatures
(``~~~``), magic words (``__NOTOC__``) and language conversion (``-{``); so are the characters
that mean something at the start of a line (lists, indents, headings, rules, preformatted text).
The one exception is an entity such as ``&amp;``, which MediaWiki reads even in ``<nowiki>``:
its ``&`` is written ``&amp;``, so that it shows as written.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from urllib.parse import quote

from .markup import BLOCKS, BlockWriter, Link, Resolve

_SPECIAL = re.compile(r"<|\[+|\]+|\{\{+|\}\}+|\|+|'{2,}|~{3,}|_{2,}|!!|-\{|\}-")
_ENTITY = re.compile(r"&(?=#?\w+;)")  # shown as is only when its & is one (nowiki still reads entities)
# A scheme's colon, which would turn the address after it into a link (MediaWiki's "free links").
_FREE_LINK = re.compile(
    r"(?i)(?<![a-z0-9+.-])(?:[a-z][a-z0-9+.-]*(?=://)|mailto|news|tel|sips?|sms|urn|xmpp|geo|magnet"
    r"|bitcoin|matrix)(:)"
)
_LINE_START = re.compile(r"^(?:[*#:;= ]|-{4}|\{)")
_EDGE_QUOTE = re.compile(r"^'|'$")
_JOINS = frozenset({"''", "[[", "]]", "{{", "}}", "__", "~~"})
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")  # a soft line break reads as a space
_URL_SAFE = ":/?#@!$&*+,;=%~-._"
_UNDERSCORES = re.compile(r"_(?=_)")
_TILDES = re.compile(r"~{3,}")


def nowiki(match: re.Match[str]) -> str:
    return f"<nowiki>{match.group(0)}</nowiki>"


def escape(value: str) -> str:
    """Text shown as written in the middle of a line, an address in it included (as on the site,
    only a link written as a link is one)."""
    escaped = _ENTITY.sub("&amp;", _SPECIAL.sub(nowiki, _LINE_BREAK.sub(" ", value)))
    return _FREE_LINK.sub(lambda m: m.group(0)[:-1] + "<nowiki>:</nowiki>", escaped)


def line(value: str) -> str:
    """Escaped text placed at the start of a line: its first character loses any meaning too."""
    return _LINE_START.sub(nowiki, value, count=1)


def text(value: str) -> str:
    """Plain text that shows as written wherever it is placed, even beside ``''`` or at a line start."""
    return line(_EDGE_QUOTE.sub(nowiki, escape(value)))


def join(parts: list[str]) -> str:
    """Pieces of a line, kept apart where two would run together into markup (``'`` then ``''``)."""
    out = ""
    for part in parts:
        if out and part and out[-1] + part[0] in _JOINS:
            out += "<nowiki/>"
        out += part
    return out


def markdown(root: etree.Element, resolve: Resolve) -> str:
    """The blocks of a parsed Markdown text, as wikitext."""
    return _Writer(resolve).blocks(root)


class _Writer(BlockWriter):
    def escaped(self, value: str) -> str:
        return escape(value)

    def paragraph(self, pieces: list[str]) -> str:
        return line(join(pieces).strip())

    def block(self, element: etree.Element) -> str:
        tag = element.tag
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            marks = "=" * int(tag[1])
            return f"{marks} {re.sub('=+', nowiki, self.inline(element))} {marks}"
        if tag in ("ul", "ol"):
            return self.listing(element, "")
        if tag == "blockquote":
            return f"<blockquote>\n{self.blocks(element)}\n</blockquote>"
        if tag == "pre":
            code = "".join(element.itertext()).rstrip().replace("&", "&amp;").replace("<", "&lt;")
            return f"<pre>{code}</pre>"
        if tag == "hr":
            return "----"
        if tag == "table":
            return self.table(element)
        if tag == "div" and "admonition" in element.get("class", "").split():
            title = element.find("p[@class='admonition-title']")
            heading = f"'''{self.inline(title)}'''\n\n" if title is not None and self.inline(title) else ""
            return f"<blockquote>\n{heading}{self.blocks(element, skip=title)}\n</blockquote>"
        return self.blocks(element) if tag == "div" else line(self.inline(element))

    def listing(self, element: etree.Element, outer: str) -> str:
        """A list, one line per item; a nested list's items carry both markers (``*#``)."""
        mark = outer + ("#" if element.tag == "ol" else "*")
        lines = []
        for item in element.findall("li"):
            said: list[str] = []
            nested: list[str] = []
            run = [escape(item.text or "")]
            for child in item:
                if child.tag in ("ul", "ol"):
                    nested.append(self.listing(child, mark))
                elif child.tag in BLOCKS:
                    said.append(self.inline(child))
                else:
                    run.append(self.span(child))
                run.append(escape(child.tail or ""))
            said.insert(0, join(run).strip())
            lines.append(f"{mark} " + "<br />".join(filter(None, said)))
            lines += nested
        return "\n".join(lines)

    def table(self, element: etree.Element) -> str:
        out = ['{| class="wikitable"']
        for row in element.findall(".//tr"):
            out.append("|-")
            for cell in row:
                align = f'style="text-align:{cell.get("align")}" | ' if cell.get("align") else ""
                out.append(f"{'!' if cell.tag == 'th' else '|'} {align}{self.inline(cell)}".rstrip())
        return "\n".join([*out, "|}"])

    def inline(self, element: etree.Element) -> str:
        parts = [escape(element.text or "")]
        for child in element:
            parts += [self.span(child), escape(child.tail or "")]
        return join(parts).strip()

    def span(self, element: etree.Element) -> str:
        tag = element.tag
        if tag == "code":
            return f"<code>{escape(''.join(element.itertext()))}</code>"
        if tag == "br":
            return "<br />"
        inner = self.inline(element)
        if tag in ("strong", "b") and inner:
            return f"'''{inner}'''"
        if tag in ("em", "i") and inner:
            return f"''{inner}''"
        if tag == "a" and inner:
            return link(self.resolve(element.get("href", "")) if element.get("href") else None, inner)
        return inner


def link(to: Link | None, inner: str) -> str:
    """A link to a wiki page (``[[Page|text]]``) or an address (``[https://... text]``)."""
    if to is None:
        return inner
    if to.internal:
        return f"[[{to.target}]]" if inner == to.target else f"[[{to.target}|{inner}]]"
    return f"[{address(to.target)} {inner}]"


def address(href: str) -> str:
    """An address as wikitext may hold it: percent-encoded where wikitext would read it, even
    inside a link. MediaWiki takes a magic word (``__NOINDEX__``) out of an address and sets it on
    the page, and the editor signs ``~~~~``: a ``_`` before another and a run of ``~`` are
    encoded, which leaves the address the same (RFC 3986: they are unreserved)."""
    quoted = quote(href, safe=_URL_SAFE)
    return _TILDES.sub(lambda m: "%7E" * len(m.group(0)), _UNDERSCORES.sub("%5F", quoted))
