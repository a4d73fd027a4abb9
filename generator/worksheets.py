"""The worksheets: one per item, and the cross-cutting ones that draw on the whole guide."""

from __future__ import annotations

from dataclasses import dataclass

from .model import FOLDERS, Content, Item

WORKSHEETS = "worksheets"

# The self-rating question on an item's worksheet, by kind.
RATING_QUESTIONS = {
    "trait": "How true is this of me today?",
    "barrier": "How much is this holding me back today?",
    "strategy": "How much am I already doing this?",
    "shift": "How far have I made this shift?",
}


@dataclass(frozen=True)
class Sheet:
    """A cross-cutting worksheet: rendered by ``template``; table sheets have columns and rows."""

    id: str
    title: str
    intro: str
    template: str
    columns: tuple[str, ...] = ()
    rows: int = 0
    first: bool = False  # in the workbook, before the item worksheets (taking stock) or after (planning)


# In learning order: take stock, choose, plan, then the relationships and evidence that carry it.
TOOLKIT = (
    Sheet("self-assessment", "Leadership self-assessment",
          "Rate yourself on every trait, and note the evidence behind each rating.",
          "toolkit_self_assessment.md.j2", first=True),
    Sheet("barrier-diagnostic", "Barrier diagnostic",
          "Tick the barriers that sound like you, and note when each one last showed up.",
          "toolkit_barrier_diagnostic.md.j2", first=True),
    Sheet("development-plan", "30/60/90-day development plan",
          "Turn what you learned into a plan for the next three months.",
          "toolkit_development_plan.md.j2"),
    Sheet("stakeholder-map", "Stakeholder and network map",
          "List the people whose support you need, how much influence each has, where the "
          "relationship stands today, and your next step with them.",
          "toolkit_table.md.j2", ("Person and role", "Influence (high, medium, low)",
                                  "The relationship today", "My next step"), 8),
    Sheet("delegation-plan", "Delegation and succession plan",
          "Decide what you will hand over, to whom, and how you will help them grow into it.",
          "toolkit_table.md.j2", ("What I hand over", "To whom", "How I will develop them", "By when"), 6),
    Sheet("impact-tracker", "Impact tracker",
          "Record each result as an outcome with a number, the evidence for it, and who has seen it.",
          "toolkit_table.md.j2", ("Outcome", "Metric", "Evidence", "Who has seen it"), 8),
    Sheet("transition-reflection", "Transition reflection",
          "The questions to ask yourself before, and during, the move into senior leadership.",
          "toolkit_reflection.md.j2"),
)


def worksheet_of(item: Item) -> str:
    return f"{WORKSHEETS}/{FOLDERS[item.kind]}/{item.id}.md"


def sheet_path(sheet: Sheet) -> str:
    return f"{WORKSHEETS}/{sheet.id}.md"


@dataclass(frozen=True)
class Entry:
    """One worksheet in the workbook: its id (also its PDF name and storage key), title and page."""

    id: str
    title: str
    path: str


def workbook_order(content: Content) -> tuple[Entry, ...]:
    """Every worksheet in learning order: take stock, work through each item, then plan."""
    def of(sheets: tuple[Sheet, ...]) -> list[Entry]:
        return [Entry(s.id, s.title, sheet_path(s)) for s in sheets]

    items = [Entry(i.id, f"Worksheet: {i.title}", worksheet_of(i)) for i in content.items]
    return tuple(of(tuple(s for s in TOOLKIT if s.first)) + items + of(tuple(s for s in TOOLKIT if not s.first)))


# Ids an item cannot have, and why: the page it would get is another page's.
RESERVED_IDS = {"index": "the name of each section's own page",
                **{sheet.id: "taken by a worksheet" for sheet in TOOLKIT}}
