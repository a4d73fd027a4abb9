"""The pages of the wiki export, whatever the wiki: the site's reading pages and worksheets, each
with its address in docs/, title, template and the content file it comes from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..content.graph import Graph
from ..content.load import FRAMEWORK_FILE, GUIDE_FILE, PROGRAMME_FILE
from ..locale import translations
from ..pages import paths
from ..pages.worksheets import workbook_parts


@dataclass(frozen=True)
class GuidePage:
    address: str  # the page's path in docs/
    title: str
    template: str  # under wiki/templates/, without the suffix
    context: dict[str, Any] = field(default_factory=dict)
    source: str = FRAMEWORK_FILE  # relative to the content folder


def guide_pages(graph: Graph, language: str = "en") -> list[GuidePage]:
    """Home, sections, levels, matrices, the programme and its facilitator guide and brief,
    worksheets, then each item's page and worksheet: parents (index pages) before their children.
    The engine's titles in ``language``."""
    _ = translations(language).gettext
    content = graph.content
    framework = content.framework
    pages = [GuidePage(paths.HOME, _("Home"), "home", source=GUIDE_FILE)]
    for kind in framework.kinds:
        items = content.of_kind(kind.id)
        pages.append(GuidePage(paths.section_of(kind), kind.name, "section", {"kind": kind, "items": items}))
        if kind.first("levels"):
            pages.append(
                GuidePage(
                    paths.levels_page(kind),
                    _("%(kind)s by level") % {"kind": kind.name},
                    "levels",
                    {"kind": kind, "spec": kind.first("levels"), "items": items},
                )
            )
    for matrix in framework.matrices:
        relation = framework.relation(matrix.relation)
        pages.append(
            GuidePage(
                paths.matrix_page(matrix.id),
                matrix.title,
                "matrix",
                {
                    "matrix": matrix,
                    "relation": relation,
                    "rows": content.of_kind(relation.target),
                    "columns": content.of_kind(relation.source),
                },
            )
        )
    programme = content.programme
    if programme is not None:
        pages.append(GuidePage(paths.PROGRAMME, programme.title, "programme", source=PROGRAMME_FILE))
        if programme.sessions:
            pages.append(GuidePage(paths.FACILITATOR, _("Facilitator guide"), "facilitator", source=PROGRAMME_FILE))
        if programme.manager_brief:
            brief = programme.manager_brief
            pages.append(GuidePage(paths.MANAGER_BRIEF, brief.title, "manager_brief", {"brief": brief}, PROGRAMME_FILE))
    pages.append(
        GuidePage(
            paths.WORKSHEET_INDEX, _("Worksheets"), "worksheet_index", {"parts": workbook_parts(content, language)}
        )
    )
    for sheet in framework.worksheets:
        pages.append(GuidePage(paths.sheet_path(sheet), sheet.title, "sheet", {"sheet": sheet}))
    for item in content.items:
        kind = content.kind_of(item)
        source = f"{kind.folder}/{item.id}.yaml"
        pages.append(
            GuidePage(
                paths.page_of(framework, item),
                item.title,
                "item",
                {"item": item, "kind": kind, "related": graph.related(item)},
                source,
            )
        )
        pages.append(
            GuidePage(
                paths.worksheet_of(framework, item),
                # Translators: a worksheet's page name in a wiki, where a colon cannot be used.
                _("Worksheet %(title)s") % {"title": item.title},
                "worksheet",
                {"item": item, "kind": kind},
                source,
            )
        )
    return pages
