"""GitHub-flavoured Markdown, as GitLab, GitHub and Azure DevOps wikis read it: plain text escaped
with backslashes (never entities), and a parsed Markdown tree (:mod:`generator.wiki.markup`) written
back out with only what GFM has, without any HTML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from urllib.parse import quote

from .markup import BlockWriter, Resolve

_SPECIAL = re.compile(r"[\\`*_\[\]<>|~]|&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)(?:([#>+=-])|(\d+)(?=[.)]))")
_ALIGN = {"left": ":---", "right": "---:", "center": ":---:"}
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")  # a soft line break reads as a space
# Where GFM's autolinks start (``https://``, ``www.``): such a link runs on over the backslash of the
# next escape and so undoes it (``http://x\<img ...>`` left an element). As on the site, an address
# in text stays text: its colon or dot is escaped.
_AUTOLINK = re.compile(r"(?i):(?=//)|(?<=www)\.")
_URL_SAFE = ":/?#@!$&'*+,;=%~-._"


def text(value: str) -> str:
    """Plain text that shows as written wherever it is placed, even at the start of a line."""
    escaped = _SPECIAL.sub(lambda m: "\\" + m.group(0), _LINE_BREAK.sub(" ", value))
    escaped = _AUTOLINK.sub(lambda m: "\\" + m.group(0), escaped)
    return _LINE_START.sub(
        lambda m: m.group(1) + ("\\" + m.group(2) if m.group(2) else m.group(3) + "\\"), escaped, count=1
    )


def url(address: str) -> str:
    """A link's destination, with spaces, brackets and parentheses percent-encoded."""
    return quote(address, safe=_URL_SAFE)


def markdown(root: etree.Element, resolve: Resolve) -> str:
    """The blocks of a parsed Markdown text, as GFM."""
    return _Writer(resolve).blocks(root)


class _Writer(BlockWriter):
    def escaped(self, value: str) -> str:
        return text(value)

    def paragraph(self, pieces: list[str]) -> str:
        return "".join(pieces).strip()

    def block(self, element: etree.Element) -> str:
        tag = element.tag
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return re.sub(r"(\s)(#+)$", r"\1\\\2", "#" * int(tag[1]) + " " + self.inline(element))
        if tag in ("ul", "ol"):
            return self.listing(element)
        if tag == "blockquote":
            return "\n".join(("> " + line).rstrip() for line in self.blocks(element).split("\n"))
        if tag == "pre":
            return self.code_block("".join(element.itertext()))
        if tag == "hr":
            return "* * *"
        if tag == "table":
            return self.table(element)
        if tag == "div" and "admonition" in element.get("class", "").split():
            return self.admonition(element)
        return self.blocks(element) if tag == "div" else self.inline(element)

    def listing(self, element: etree.Element) -> str:
        items = element.findall("li")
        loose = any(item.find("p") is not None for item in items)
        out = []
        for number, item in enumerate(items, start=1):
            marker = f"{number}. " if element.tag == "ol" else "- "
            first, *rest = self.blocks(item).split("\n") or [""]
            out.append(marker + "\n".join([first, *(" " * len(marker) + line if line else "" for line in rest)]))
        return ("\n\n" if loose else "\n").join(out)

    def admonition(self, element: etree.Element) -> str:
        """An admonition (``!!! note``) as a quote, its title in bold."""
        title = element.find("p[@class='admonition-title']")
        body = self.blocks(element, skip=title)
        heading = f"**{self.inline(title)}**" if title is not None and self.inline(title) else ""
        return "\n".join(("> " + line).rstrip() for line in "\n\n".join(filter(None, [heading, body])).split("\n"))

    def table(self, element: etree.Element) -> str:
        rows = element.findall(".//tr")
        if not rows:
            return ""
        cells = [[self.inline(cell) for cell in row] for row in rows]
        rule = [_ALIGN.get(cell.get("align", ""), "---") for cell in rows[0]]
        return "\n".join("| " + " | ".join(row) + " |" for row in [cells[0], rule, *cells[1:]])

    def inline(self, element: etree.Element) -> str:
        parts = [text(element.text or "")]
        for child in element:
            parts += [self.span(child), text(child.tail or "")]
        return "".join(parts).strip()

    def span(self, element: etree.Element) -> str:
        tag = element.tag
        if tag == "code":
            return code_span("".join(element.itertext()))
        if tag == "br":
            return " "
        inner = self.inline(element)
        if tag in ("strong", "b") and inner:
            return f"**{inner}**"
        if tag in ("em", "i") and inner:
            return f"*{inner}*"
        if tag == "a" and inner:
            link = self.resolve(element.get("href", "")) if element.get("href") else None
            return f"[{inner}]({url(link.target)})" if link else inner
        return inner

    @staticmethod
    def code_block(code: str) -> str:
        fence = "`" * max(3, max((len(run) for run in re.findall("`+", code)), default=0) + 1)
        return f"{fence}\n{code.rstrip()}\n{fence}"


def code_span(code: str) -> str:
    """Code, as a code span: enough backticks around it, and pipes escaped (GFM tables split on them)."""
    code = " ".join(code.split("\n")).replace("|", "\\|")
    ticks = "`" * (max((len(run) for run in re.findall("`+", code)), default=0) + 1)
    pad = " " if code.startswith("`") or code.endswith("`") else ""
    return f"{ticks}{pad}{code}{pad}{ticks}"
