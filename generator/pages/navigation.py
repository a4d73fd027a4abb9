"""The site's navigation, in MkDocs' ``nav`` format: the reader's path in learning order, then
the pages for facilitators and authors.

With Material's ``navigation.prune``, each page carries the top level of the navigation and the
entries of the sections it sits in. So that this stays small however large a framework grows (and
a build grows linearly with its pages), a section with more than GROUP entries is split into
groups of GROUP, each named by the range of its entries, and more than GROUP groups into groups of
groups: a page shows at most GROUP entries at each level it is in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..content.framework import Kind
from ..content.model import Content
from ..locale import translations
from . import paths as pages
from . import safe

GROUP = 24


def site_nav(content: Content, language: str = "en") -> list[Any]:
    """The site's navigation; the engine's own entries in ``language``."""
    _ = translations(language).gettext
    framework = content.framework
    nav: list[Any] = [_entry(_("Home"), pages.HOME)]
    if framework.assessment:
        nav.append(_entry(_("Self-assessment"), pages.ASSESSMENT))
    if content.programme:
        nav.append(_entry(content.programme.title, pages.PROGRAMME))
    for kind in framework.kinds:
        intro: list[Any] = [pages.section_of(kind)]
        if kind.first("levels"):
            intro.append(_entry(_("%(kind)s by level") % {"kind": kind.name}, pages.levels_page(kind)))
        items = _grouped(
            kind.name, [_entry(item.title, pages.page_of(framework, item)) for item in content.of_kind(kind.id)]
        )
        nav.append({safe.attribute(kind.name): intro + items})
    if framework.levels and any(kind.first("levels") for kind in framework.kinds):
        nav.append({_("Levels"): [_entry(level.title, pages.level_page(level)) for level in framework.levels]})
    nav.append({_("Worksheets"): [pages.WORKSHEET_INDEX, *_worksheets(content, _)]})
    nav.append(_entry(_("My journal"), pages.JOURNAL))
    nav += [_entry(matrix.title, pages.matrix_page(matrix.id)) for matrix in framework.matrices]
    nav.append(_entry(_("Tags"), pages.TAGS))
    if content.guide.next_step:
        nav.append(_entry(content.guide.next_step.title, pages.NEXT_STEPS))
    if content.programme and (content.programme.sessions or content.programme.manager_brief):
        brief = content.programme.manager_brief
        facilitators = [_entry(_("Facilitator guide"), pages.FACILITATOR)] if content.programme.sessions else []
        facilitators += [_entry(brief.title, pages.MANAGER_BRIEF)] if brief else []
        nav.append({_("For facilitators"): facilitators})
    nav.append({_("For authors"): [_entry(_("Editing this guide"), pages.EDITING)]})
    return nav


def _entry(title: str, path: str) -> dict[str, str]:
    return {safe.attribute(title): path}


def _worksheets(content: Content, _: Callable[[str], str]) -> list[Any]:
    """Worksheets in workbook order: taking stock, each kind's items, then planning."""
    framework = content.framework
    start = [_entry(s.title, pages.sheet_path(s)) for s in framework.worksheets if s.place == "start"]
    end = [_entry(s.title, pages.sheet_path(s)) for s in framework.worksheets if s.place == "end"]
    kinds = [
        {
            safe.attribute(_worksheets_of(kind, _)): _grouped(
                _worksheets_of(kind, _), [_entry(item.title, pages.worksheet_of(framework, item)) for item in items]
            )
        }
        for kind in framework.kinds
        if (items := content.of_kind(kind.id))
    ]
    return [*start, *kinds, *end]


def _worksheets_of(kind: Kind, _: Callable[[str], str]) -> str:
    names = {"Kind": kind.singular[:1].upper() + kind.singular[1:], "kind": kind.singular, "section": kind.name}
    # Translators: a group of worksheets in the navigation, one per item of a kind ("Trait
    # worksheets"). Use the one of these your language needs: %(Kind)s is the kind's name for one
    # item, capitalised; %(kind)s the same as the content writes it; %(section)s its section's
    # title, for all its items ("Traits").
    return _("%(Kind)s worksheets") % names


def _grouped(name: str, listed: list[Any]) -> list[Any]:
    """``entries`` as they are, or split into groups of GROUP named by the pages they hold ("Traits
    1–24", "Traits 25–48"...), and those into groups of groups while there are more than GROUP."""
    if len(listed) <= GROUP:
        return listed
    groups, first = [], 1
    for start in range(0, len(listed), GROUP):
        chunk = listed[start : start + GROUP]
        last = first + len(entries(chunk)) - 1
        groups.append({safe.attribute(f"{name} {first}–{last}"): chunk})
        first = last + 1
    return _grouped(name, groups)


def entries(nav: Any) -> list[tuple[str, str]]:
    """Every page of a MkDocs ``nav``, in order, with the title the navigation gives it ("" for
    none). A section may be a list or, as MkDocs also accepts, a mapping of titles to paths."""
    if isinstance(nav, str):
        return [("", nav)]
    if isinstance(nav, dict):
        return [
            pair
            for title, value in nav.items()
            for pair in ([(title, value)] if isinstance(value, str) else entries(value))
        ]
    if isinstance(nav, list):
        return [pair for entry in nav for pair in entries(entry)]
    return []
