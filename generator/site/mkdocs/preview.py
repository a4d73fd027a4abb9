"""What a live preview rebuilds: after the first build, only the pages an edit changed.

`leap serve` runs MkDocs' "dirty" builds, which render only the files that say they are modified.
The leap plugin hands MkDocs its generated pages as :class:`GeneratedFile`, modified only when
their text differs from the last build's, or when the navigation changed (every page shows it,
so then every page is rebuilt). Hand-written files keep MkDocs' own test (their modification time).

Material's search index keeps the entries of the pages a dirty build did not render, but drops or
duplicates entries when more than one page was rebuilt; :func:`merge_search_index` merges them
itself, dropping exactly the entries of the pages rebuilt.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File

from ...pages.navigation import entries
from ..search import BOOST, FIELD, add_forms


class GeneratedFile(File):
    """A generated page, with whether this build must render it."""

    modified = True

    def is_modified(self) -> bool:
        return self.modified


class Preview:
    """The last build's pages and navigation, to tell what the next build changes."""

    def __init__(self) -> None:
        self.pages: dict[str, str] = {}
        self.nav: list[Any] | None = None

    def changed(self, pages: dict[str, str], nav: list[Any], pruned: bool) -> set[str] | None:
        """The paths to rebuild: those whose text changed since the last build, and, when the
        navigation changed, the pages that show the part that changed; None for every page
        (the first build, or a navigation every page shows whole)."""
        previous_nav, previous_pages = self.nav, self.pages
        self.pages, self.nav = dict(pages), list(nav)
        if previous_nav is None:
            return None
        changed = {path for path, text in pages.items() if previous_pages.get(path) != text}
        if nav == previous_nav:
            return changed
        if not pruned:
            return None
        # With navigation.prune a page shows the titles at the top of the navigation and, within
        # each section it is in, the titles of that section's entries; the footer shows its two
        # neighbours. So rebuild the pages under each section whose own entries changed, and
        # their neighbours; when the top level itself changed, every page.
        affected = _affected(nav, previous_nav)
        if affected is None:
            return None
        order = _paths(nav)
        renamed = set(entries(nav)) - set(entries(previous_nav))  # (title, path) now shown differently
        positions = [order.index(path) for _, path in renamed if path in order]
        return changed | affected | {order[i] for p in positions for i in (p - 1, p + 1) if 0 <= i < len(order)}


def _titles(nav: list[Any]) -> list[Any]:
    """What a section shows of its entries: each entry's title, or its path when it has none."""
    return [next(iter(entry)) if isinstance(entry, dict) else entry for entry in nav]


def _affected(new: list[Any], old: list[Any], top: bool = True) -> set[str] | None:
    """The pages under every section whose list of entries changed; None if the top level did."""
    if _titles(new) != _titles(old) or len(new) != len(old):
        return None if top else set(_paths(new))
    found: set[str] = set()
    for now, before in zip(new, old):
        if now != before and isinstance(now, dict) and isinstance(before, dict):
            (value,), (previous,) = now.values(), before.values()
            if isinstance(value, list) and isinstance(previous, list):
                inner = _affected(value, previous, top=False)
                found |= inner if inner is not None else set(_paths(value))
    return found


def _paths(nav: list[Any]) -> list[str]:
    """Every page path of a MkDocs ``nav``, in order."""
    return [path for _, path in entries(nav)]


def merge_search_index(config: Any, rebuilt: set[str]) -> None:
    """Before Material's search writes its index: the previous entries of every page not rebuilt,
    then this build's. Runs only when the search plugin kept a previous index (a dirty build)."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    previous = getattr(search, "search_index_prev", None)
    index = getattr(search, "search_index", None)
    if previous is None or index is None:
        return
    kept = [entry for entry in previous.entries if entry["location"].split("#")[0] not in rebuilt]
    index.entries = kept + index.entries
    search.search_index_prev = None  # merged here: Material writes the index as it now stands


def add_word_forms(config: Any) -> None:
    """Before Material's search writes its index: each entry's other word forms, in a field of
    their own, stemmed in the search's first language (see :mod:`generator.site.search`)."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    if index is None or not isinstance(getattr(index, "config", None), dict):
        return
    languages = index.config.get("lang") or ["en"]
    if add_forms(index.entries, str(languages[0])):
        index.config["fields"] = {**index.config.get("fields", {}), FIELD: {"boost": BOOST}}
