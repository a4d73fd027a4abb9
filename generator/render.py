"""Render the model into Markdown pages: ``{path relative to docs/: text}``. No disk writes here.

One Jinja2 template per page type, in ``generator/templates``; ``StrictUndefined`` turns a
missing value into an error instead of an empty string.
"""

from __future__ import annotations

import functools
import hashlib
import json
import posixpath
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    StrictUndefined,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup

from . import safe
from .assessment import WEIGHTS, assessment_data
from .config import DEFAULT_BRAND, Brand
from .graph import Graph, capital, inverse_headings
from .model import FOLDERS, RELATIONS, Content, Item
from .schema import field_docs
from .worksheets import RATING_QUESTIONS, TOOLKIT, WORKSHEETS, sheet_path, worksheet_of


def page_of(item: Item) -> str:
    return f"{FOLDERS[item.kind]}/{item.id}.md"


@pass_context
def link_to(context: Context, target: str) -> Markup:
    """A link from the page being rendered (``here``) to ``target``, both relative to docs/."""
    return _relative(target, posixpath.dirname(context["here"]) or ".")


@functools.lru_cache(maxsize=65536)
def _relative(target: str, folder: str) -> Markup:
    return Markup(posixpath.relpath(target, folder))


def _escape_output(value: Any) -> Any:
    """Every value a template prints is escaped as plain text unless a filter marked it safe
    (``text``, ``md``, ``attr``, ``yaml``, ``tojson``, links): a forgotten filter cannot let
    content through as Markdown or HTML."""
    return value if isinstance(value, Markup) else safe.plain(str(value))


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Jinja's cache of compiled templates in the temp folder; none when that folder is unsafe
    (made by another user, say), which only costs a little speed. Jinja keys the cache by each
    template's source only, but the compiled code also depends on this environment (its
    ``finalize`` escaping): the file names carry a fingerprint of this module and Jinja's version."""
    fingerprint = hashlib.sha256(Path(__file__).read_bytes() + jinja2.__version__.encode()).hexdigest()[:16]
    try:
        return FileSystemBytecodeCache(pattern=f"__leap_{fingerprint}_%s.cache")
    except (OSError, RuntimeError):
        return None


@functools.cache
def make_environment() -> Environment:
    """The Jinja2 environment, built once per process so templates compile once (`leap serve`).
    Compiled templates are also cached in the user's temp folder (Jinja's default bytecode cache,
    keyed by each template's source), which saves most of a small build's time after the first."""
    env = Environment(loader=PackageLoader("generator", "templates"), undefined=StrictUndefined,
                      bytecode_cache=_bytecode_cache(), auto_reload=False, finalize=_escape_output,
                      autoescape=False, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["text"] = lambda value: Markup(safe.plain(str(value)))
    env.filters["md"] = lambda value: Markup(safe.markdown(value))
    env.filters["attr"] = lambda value: Markup(safe.attribute(value))
    env.filters["yaml"] = lambda value: Markup(json.dumps(str(value) if isinstance(value, Markup) else value,
                                                          ensure_ascii=False))
    env.filters["capital"] = capital
    env.globals.update(zip=zip, link_to=link_to, page_of=page_of, worksheet_of=worksheet_of, sheet_path=sheet_path,
                       folders=FOLDERS, toolkit=TOOLKIT, RATING_QUESTIONS=RATING_QUESTIONS)
    return env


EDITING = "editing.md"
BRAND_CSS = "brand.css"  # at the top of docs/, apart from the hand-written assets/


def render_pages(content: Content, graph: Graph, brand: Brand = DEFAULT_BRAND,
                 pdf_links: bool = False) -> dict[str, str]:
    """Every generated page, keyed by its path under docs/, and the brand's stylesheet.
    ``pdf_links``: worksheets link to their PDFs (`leap pdf` prints them into site/pdf/)."""
    env = make_environment()
    common: dict[str, Any] = {"guide": content.guide, "content": content, "graph": graph, "brand": brand,
                              "pdf_links": pdf_links, "n": content.guide.sections.names()}

    def render(template: str, here: str, **extra: Any) -> tuple[str, str]:
        return here, env.get_template(template).render(here=here, **common, **extra)

    pages = [render("home.md.j2", "index.md"),
             render("matrix.md.j2", "matrix.md"),
             render("tags.md.j2", "tags.md"),
             render("next_steps.md.j2", "next-steps.md"),
             render("editing.md.j2", EDITING, relations=RELATIONS, inverse=inverse_headings(content),
                    field_docs=field_docs),
             render("worksheet_index.md.j2", f"{WORKSHEETS}/index.md"),
             render("assessment.md.j2", "assessment.md", data=assessment_data(graph), weights=WEIGHTS)]
    for kind, folder in FOLDERS.items():
        section = getattr(content.guide.sections, folder)
        pages.append(render("section.md.j2", f"{folder}/index.md", section=section,
                            items=content.of_kind(kind)))
    for sheet in TOOLKIT:
        pages.append(render(sheet.template, sheet_path(sheet), sheet=sheet))
    for item in content.items:
        pages.append(render("item.md.j2", page_of(item), item=item, related=graph.related(item)))
        pages.append(render("worksheet.md.j2", worksheet_of(item), item=item))
    pages.append((BRAND_CSS, env.get_template("brand.css.j2").render(colours=dict(brand.colours))))
    return dict(sorted(pages))


def site_nav(content: Content) -> list[Any]:
    """The site's navigation, in learning order, in MkDocs' ``nav`` format."""
    def entries(folder: str, items: tuple[Item, ...], make: Any) -> list[Any]:
        return [f"{folder}/index.md", *({safe.attribute(item.title): make(item)} for item in items)]

    sections = content.guide.sections
    nav: list[Any] = [{"Home": "index.md"}, {"Self-assessment": "assessment.md"}]
    for kind, folder in FOLDERS.items():
        nav.append({safe.attribute(getattr(sections, folder).title): entries(folder, content.of_kind(kind), page_of)})
    nav.append({"Worksheets": [f"{WORKSHEETS}/index.md", *({s.title: sheet_path(s)} for s in TOOLKIT), *(
        {safe.attribute(getattr(sections, folder).title):
         [{safe.attribute(i.title): worksheet_of(i)} for i in content.of_kind(kind)]}
        for kind, folder in FOLDERS.items())]})
    matrix = f"{sections.barriers.title} × {sections.strategies.title.lower()}"
    nav += [{safe.attribute(matrix): "matrix.md"}, {"Tags": "tags.md"}, {"Your next step": "next-steps.md"},
            {"Editing this guide": EDITING}]
    return nav
