"""Where every page lives: its path under docs/, which is also its address on the site.

Items live in their kind's folder (``traits/vision.md``), their worksheets under
``worksheets/`` (``worksheets/traits/vision.md``), the cross-cutting worksheets beside them
(``worksheets/stakeholder-map.md``); the guide's own pages sit at the top.
"""

from __future__ import annotations

from ..content.framework import Framework, Kind, Level, Worksheet
from ..content.model import Item

WORKSHEETS = "worksheets"
HOME = "index.md"
ASSESSMENT = "assessment.md"
JOURNAL = "journal.md"
NEXT_STEPS = "next-steps.md"
TAGS = "tags.md"
EDITING = "editing.md"
PROGRAMME = "programme.md"
FACILITATOR = "facilitator-guide.md"
MANAGER_BRIEF = "manager-brief.md"
WORKSHEET_INDEX = f"{WORKSHEETS}/index.md"
BRAND_CSS = "brand.css"  # at the top of docs/, apart from the hand-written assets/


def page_of(framework: Framework, item: Item) -> str:
    return f"{framework.kind(item.kind).folder}/{item.id}.md"


def worksheet_of(framework: Framework, item: Item) -> str:
    return f"{WORKSHEETS}/{framework.kind(item.kind).folder}/{item.id}.md"


def section_of(kind: Kind) -> str:
    return f"{kind.folder}/index.md"


def sheet_path(sheet: Worksheet) -> str:
    return f"{WORKSHEETS}/{sheet.id}.md"


def levels_page(kind: Kind) -> str:
    """The grid of a kind's items by level."""
    return f"{kind.folder}/levels.md"


def level_page(level: Level) -> str:
    """One level: every item's cell at that level, and the levels around it."""
    return f"levels/{level.id}.md"


def matrix_page(matrix_id: str) -> str:
    return f"{matrix_id}.md"
