"""Render the checked model into Markdown pages: ``{path relative to docs/: text}``. No disk writes here.

One Jinja2 template per page type, in ``generator/pages/templates``; the framework decides which
pages there are (a section per kind, a matrix per declared relation pair, a levels page per kind
that has levels, a worksheet per item and per cross-cutting worksheet). :func:`render` adds the
data files and the navigation: everything a builder needs, still without touching the disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..content.check import Checked
from ..content.graph import Graph
from ..content.model import Content
from ..content.schema import field_docs
from . import paths as pages
from . import programme, timing
from .assessment import TOP, WEIGHTS, assessment_data, plan_data
from .brand import DEFAULT_BRAND, Brand
from .data import data_files
from .due import due_data
from .journal import journal_data
from .navigation import site_nav
from .templating import make_environment
from .worksheets import rater_key, workbook_order, workbook_parts

# On every page, so that any page finds the guide's answers (and records that it was read), not
# only the pages with a form: the key is an id, checked by the content's model.
GUIDE_MARK = '<div class="leap-guide" data-guide="{key}" hidden></div>'


@dataclass(frozen=True)
class Rendered:
    """Every page and data file of a guide, its navigation and the brand they were rendered with."""

    checked: Checked
    pages: dict[str, str]  # path under docs/ -> text
    nav: list[Any]
    brand: Brand


def render(checked: Checked, brand: Brand = DEFAULT_BRAND) -> Rendered:
    """The pages and data files of checked content, named after the guide unless the brand is named."""
    brand = brand.named(checked.content.guide.title)
    pages = {
        **render_pages(checked.content, checked.graph, brand, language=checked.language),
        **data_files(checked.graph),
    }
    return Rendered(checked, dict(sorted(pages.items())), site_nav(checked.content, checked.language), brand)


def render_pages(
    content: Content, graph: Graph, brand: Brand = DEFAULT_BRAND, pdf_links: bool = False, language: str = "en"
) -> dict[str, str]:
    """Every generated page, keyed by its path under docs/, and the brand's stylesheet.
    ``pdf_links``: worksheets link to their PDFs (`leap pdf` prints them into site/pdf/).
    ``language``: the site's, which the engine's own words are in (the content is in it already)."""
    env = make_environment(language)
    framework = content.framework
    common: dict[str, Any] = {
        "guide": content.guide,
        "content": content,
        "framework": framework,
        "graph": graph,
        "brand": brand,
        "pdf_links": pdf_links,
        "pages": pages,
        "storage_key": content.guide.key,
        "page_of": lambda item: pages.page_of(framework, item),
        "worksheet_of": lambda item: pages.worksheet_of(framework, item),
        "kind_of": content.kind_of,
        "rater_key": rater_key,
    }

    common.update(_programme_helpers(content, language))

    def render(template: str, here: str, **extra: Any) -> tuple[str, str]:
        text = env.get_template(template).render(here=here, **common, **extra)
        return here, text.rstrip("\n") + "\n\n" + GUIDE_MARK.format(key=content.guide.key) + "\n"

    out = [
        render("home.md.j2", pages.HOME, due=due_data(content)),
        render("tags.md.j2", pages.TAGS),
        render("editing.md.j2", pages.EDITING, field_docs=field_docs),
        render("worksheet_index.md.j2", pages.WORKSHEET_INDEX, parts=workbook_parts(content, language)),
        render(
            "journal.md.j2",
            pages.JOURNAL,
            entries=workbook_order(content, language),
            data=journal_data(content, language),
            due=due_data(content),
        ),
    ]
    if framework.assessment:
        out.append(
            render(
                "assessment.md.j2",
                pages.ASSESSMENT,
                data=assessment_data(graph),
                top=TOP,
                weights=WEIGHTS,
                due=due_data(content),
                plan=plan_data(framework),
            )
        )
    if content.guide.next_step:
        out.append(
            render(
                "next_steps.md.j2",
                pages.NEXT_STEPS,
                step=content.guide.next_step,
                sheet=framework.worksheet(content.guide.next_step.worksheet),
            )
        )
    if content.programme:
        out.append(render("programme.md.j2", pages.PROGRAMME))
        if content.programme.sessions:
            out.append(render("facilitator.md.j2", pages.FACILITATOR))
        if content.programme.manager_brief:
            out.append(render("manager_brief.md.j2", pages.MANAGER_BRIEF))
    for matrix in framework.matrices:
        relation = framework.relation(matrix.relation)
        out.append(
            render(
                "matrix.md.j2",
                pages.matrix_page(matrix.id),
                matrix=matrix,
                relation=relation,
                rows=content.of_kind(relation.target),
                columns=content.of_kind(relation.source),
            )
        )
    for kind in framework.kinds:
        out.append(render("section.md.j2", pages.section_of(kind), kind=kind, items=content.of_kind(kind.id)))
        if kind.first("levels"):
            out.append(
                render(
                    "levels.md.j2",
                    pages.levels_page(kind),
                    kind=kind,
                    spec=kind.first("levels"),
                    items=content.of_kind(kind.id),
                )
            )
    levelled = [kind for kind in framework.kinds if kind.first("levels")]
    for level in framework.levels if levelled else ():
        out.append(render("level.md.j2", pages.level_page(level), level=level, kinds=levelled))
    for sheet in framework.worksheets:
        out.append(render(f"sheet_{sheet.type}.md.j2", pages.sheet_path(sheet), sheet=sheet))
    for item in content.items:
        kind = content.kind_of(item)
        out.append(
            render("item.md.j2", pages.page_of(framework, item), item=item, kind=kind, related=graph.related(item))
        )
        out.append(render("worksheet.md.j2", pages.worksheet_of(framework, item), item=item, kind=kind))
    out.append((pages.BRAND_CSS, env.get_template("brand.css.j2").render(colours=dict(brand.colours))))
    return dict(sorted(out))


def _programme_helpers(content: Content, language: str) -> dict[str, Any]:
    """What the programme, facilitator and item pages use: weeks and sessions, and minutes."""
    return {
        **programme.helpers(content, language),
        "minutes_to_read": lambda item: timing.reading_minutes(content, item),
        "minutes_of_exercises": lambda item: timing.exercise_minutes(content, item),
    }
