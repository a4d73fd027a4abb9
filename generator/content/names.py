"""The names the engine's own pages take, which content may not use for an item, a kind's folder
or a matrix: the page it would get is another page's."""

from __future__ import annotations

from .framework import Framework

# Top-level names the engine's own pages and files use: no kind's folder or matrix may take one.
TOP_NAMES = frozenset(
    {
        "index",
        "assessment",
        "journal",
        "next-steps",
        "tags",
        "editing",
        "worksheets",
        "data",
        "assets",
        "pdf",
        "search",
        "programme",
        "facilitator-guide",
        "manager-brief",
        "levels",
        "brand",
        "schemas",
        "locale",
    }
)


def reserved_ids(framework: Framework) -> dict[str, str]:
    """Ids an item cannot have, and why: the page it would get is another page's."""
    return {
        "index": "the name of each section's own page",
        "levels": "the name of a section's levels page",
        **{sheet.id: "taken by a worksheet" for sheet in framework.worksheets},
    }
