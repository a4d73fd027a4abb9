"""Which file each wiki page is written to, by flavour; page names come from titles.

- gitlab: the site's own addresses (``traits/vision.md`` → ``traits/vision.md``), ``home.md`` first;
- github: one flat folder of page names made from titles (``Risk-and-compliance-management.md``),
  ``Home.md`` first: GitHub shows the name with spaces for hyphens;
- azure: the same names, with a section's pages in a folder beside the section's page
  (``Traits.md`` and ``Traits/Vision.md``), as Azure DevOps keeps its wiki;
- mediawiki: the title itself, as MediaWiki would write it (``Risk and compliance management``),
  in a ``.wiki`` file; the home page takes the guide's title.

A name depends on its own page's title only, so names stay put from build to build. Wikis match
names without regard to case, so two pages whose names differ only in case clash, and a clash is
an error that names both pages' files, never one page silently replacing another.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from ..errors import ContentError, Problem
from ..pages import paths
from .mediawiki import page_file, title_of

# What MediaWiki refuses in a title, or reads as something else (an entity, a signature).
_MEDIAWIKI_BAD = re.compile(r"[#<>\[\]|{}\\_\x00-\x1f\x7f]|%(?=[0-9A-Fa-f]{2})|~{3,}|&(?=#?\w+;)")
_DOT_SEGMENT = re.compile(r"(^|/)\.\.?(/|$)")
MEDIAWIKI_BYTES = 255


class Page(Protocol):
    @property
    def address(self) -> str: ...  # its path under docs/

    @property
    def title(self) -> str: ...

    @property
    def source(self) -> str: ...  # the file it comes from, as messages show it


def slug(title: str) -> str:
    """A page name for a Git-backed wiki: letters and digits, words joined by hyphens."""
    words = re.sub(r"[\W_]+", " ", unicodedata.normalize("NFC", title)).split()
    name = "-".join(words) or "Page"
    return name[0].upper() + name[1:]


def mediawiki_title(title: str) -> str:
    """A title as MediaWiki keeps it: no characters it refuses, no colon (which would name a
    namespace or another wiki), first letter upper-case, at most 255 bytes."""
    text = re.sub(r"\s*:\s*", " - ", unicodedata.normalize("NFC", title))
    text = " ".join(_MEDIAWIKI_BAD.sub(" ", text).split())
    if _DOT_SEGMENT.search(text):  # ./ and ../ would be paths
        text = " ".join(text.replace("/", " ").split())
    text = text.encode("utf-8")[:MEDIAWIKI_BYTES].decode("utf-8", "ignore").strip()
    if text in ("", ".", ".."):
        return "Page"
    return text[0].upper() + text[1:]


def page_files(pages: Sequence[Page], flavor: str, home: str) -> dict[str, str]:
    """``{page's address: the file it is written to}``, checking that no two pages share one."""
    files: dict[str, str] = {}
    owners: dict[str, Page] = {}
    clashes = []
    for page in pages:  # parents (index pages) come before their children
        name = _FILE_NAMERS[flavor](page, files, home)
        other = owners.setdefault(name.lower(), page)
        if other is not page:
            clashes.append(
                _clash(page, other, title_of(name) if flavor == "mediawiki" else name.removesuffix(".md"), flavor)
            )
        files[page.address] = name
    if clashes:
        raise ContentError(clashes)
    return files


def _clash(page: Page, other: Page, name: str, flavor: str) -> Problem:
    return Problem(
        page.source,
        _line_of(page.source, page.title),
        f"the {flavor} wiki page '{name}' for '{page.title}' would replace the one for "
        f"'{other.title}' ({other.source}); give one of them a different title",
    )


def _line_of(source: str, title: str) -> int:
    """The line of a file that holds the title (or else a ``title:``), for the message; else 1."""
    try:
        lines = Path(source).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    for wanted in (title, "title:"):
        found = next((number for number, line in enumerate(lines, start=1) if wanted in line), None)
        if found:
            return found
    return 1


def _gitlab_file(page: Page, files: dict[str, str], home: str) -> str:
    if page.address == paths.HOME:
        return "home.md"
    return page.address.replace("/index.md", ".md")


def _github_file(page: Page, files: dict[str, str], home: str) -> str:
    return "Home.md" if page.address == paths.HOME else slug(page.title) + ".md"


def _azure_file(page: Page, files: dict[str, str], home: str) -> str:
    if page.address == paths.HOME:
        return "Home.md"
    section, _, rest = page.address.partition("/")
    parent = files.get(f"{section}/index.md")
    if rest in ("", "index.md") or parent is None:
        return slug(page.title) + ".md"
    return f"{parent.removesuffix('.md')}/{slug(page.title)}.md"  # beside the section's own page


def _mediawiki_file(page: Page, files: dict[str, str], home: str) -> str:
    return page_file(mediawiki_title(home if page.address == paths.HOME else page.title))


_FILE_NAMERS: dict[str, Callable[[Page, dict[str, str], str], str]] = {
    "gitlab": _gitlab_file,
    "github": _github_file,
    "azure": _azure_file,
    "mediawiki": _mediawiki_file,
}
