"""`leap export wiki`: the guide as plain Markdown pages for a GitLab, GitHub or Azure DevOps wiki.

The pages are the site's, without anything only Material for MkDocs understands: no admonitions,
attribute lists, HTML forms or front matter. Worksheets become tables with room to write, which
print acceptably from a wiki. Each page has a logical address, the same as its path in docs/
(``traits/vision.md``); a flavour decides the file each one is written to and how one page links
to another:

- gitlab: folders as in the site, ``home.md`` first; links are relative and end without ``.md``;
- github: one flat folder of globally unique page names (``Vision.md``), ``Home.md`` and a
  ``_Sidebar.md``; links are bare page names;
- azure: a folder per section beside its parent page (``Traits.md`` and ``Traits/``), an
  ``.order`` file in every folder, hyphens for spaces; links are absolute wiki paths.

Pure: returns ``{file path under the wiki: text}``; writing is the writer's job.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import pages as paths
from .config import DEFAULT_BRAND, Brand
from .graph import Graph
from .problems import ContentError, Problem
from .templating import make_environment
from .worksheets import workbook_parts

FLAVORS = ("gitlab", "github", "azure")


@dataclass(frozen=True)
class WikiPage:
    address: str  # the page's path in docs/, which is also how templates name it
    title: str
    template: str
    context: dict[str, Any]


def wiki_pages(graph: Graph, flavor: str, brand: Brand = DEFAULT_BRAND) -> dict[str, str]:
    content = graph.content
    framework = content.framework
    pages = [WikiPage(paths.HOME, "Home", "home.md.j2", {})]
    for kind in framework.kinds:
        pages.append(WikiPage(paths.section_of(kind), kind.name, "section.md.j2",
                              {"kind": kind, "items": content.of_kind(kind.id)}))
        if kind.first("levels"):
            pages.append(WikiPage(paths.levels_page(kind), f"{kind.name} by level", "levels.md.j2",
                                  {"kind": kind, "spec": kind.first("levels"), "items": content.of_kind(kind.id)}))
    for matrix in framework.matrices:
        relation = framework.relation(matrix.relation)
        pages.append(WikiPage(paths.matrix_page(matrix.id), matrix.title, "matrix.md.j2",
                              {"matrix": matrix, "relation": relation, "rows": content.of_kind(relation.target),
                               "columns": content.of_kind(relation.source)}))
    pages.append(WikiPage(paths.WORKSHEET_INDEX, "Worksheets", "worksheet_index.md.j2",
                          {"parts": workbook_parts(content)}))
    for sheet in framework.worksheets:
        pages.append(WikiPage(paths.sheet_path(sheet), sheet.title, "sheet.md.j2", {"sheet": sheet}))
    for item in content.items:
        kind = content.kind_of(item)
        pages.append(WikiPage(paths.page_of(framework, item), item.title, "item.md.j2",
                              {"item": item, "kind": kind, "related": graph.related(item)}))
        pages.append(WikiPage(paths.worksheet_of(framework, item), f"Worksheet {item.title}", "worksheet.md.j2",
                              {"item": item, "kind": kind}))

    files: dict[str, str] = {}
    owners: dict[str, WikiPage] = {}
    clashes = []
    for page in pages:  # parents (index pages) come before their children
        files[page.address] = name = _FILE_NAMERS[flavor](page, files)
        if name.lower() in owners:  # wikis match page names without regard to case
            clashes.append(Problem(name, 1, f"the {flavor} wiki page for '{page.title}' would replace the one for "
                                            f"'{owners[name.lower()].title}'; rename one of them"))
        owners[name.lower()] = page
    if clashes:
        raise ContentError(clashes)
    env = make_environment()
    common = {"guide": content.guide, "content": content, "framework": framework, "graph": graph, "brand": brand,
              "pages": paths, "page_of": lambda item: paths.page_of(framework, item),
              "worksheet_of": lambda item: paths.worksheet_of(framework, item)}
    out = {}
    for page in pages:
        def link(target: str, here: str = files[page.address]) -> str:
            return _LINKERS[flavor](here, files[target])
        out[files[page.address]] = env.get_template(f"wiki/{page.template}").render(
            **common, **page.context, link=link)
    if flavor == "github":
        out["_Sidebar.md"] = env.get_template("wiki/sidebar.md.j2").render(
            **common, link=lambda target: _LINKERS[flavor]("_Sidebar.md", files[target]))
    if flavor == "azure":
        out.update(_azure_order([files[p.address] for p in pages]))
    return dict(sorted(out.items()))


def _name(text: str) -> str:
    """A page name from an id or title: letters and digits, words joined by hyphens."""
    words = re.sub(r"[^A-Za-z0-9]+", " ", text).split()
    name = "-".join(words) or "Page"
    return name[0].upper() + name[1:]


def _gitlab_file(page: WikiPage, files: dict[str, str]) -> str:
    if page.address == "index.md":
        return "home.md"
    return page.address.replace("/index.md", ".md")


def _github_file(page: WikiPage, files: dict[str, str]) -> str:
    if page.address == "index.md":
        return "Home.md"
    stem = posixpath.basename(page.address).removesuffix(".md")
    if stem in ("index", "levels") or "/" not in page.address:
        return _name(page.title) + ".md"
    if page.address.startswith(f"{paths.WORKSHEETS}/"):
        return f"Worksheet-{stem}.md"
    return _name(stem) + ".md"


def _azure_file(page: WikiPage, files: dict[str, str]) -> str:
    if page.address == "index.md":
        return "Home.md"
    section, _, rest = page.address.partition("/")
    if rest in ("", "index.md"):
        return _name(page.title) + ".md"
    parent = files[f"{section}/index.md"].removesuffix(".md")  # the section's page; its children beside it
    return f"{parent}/{_name(posixpath.basename(rest).removesuffix('.md'))}.md"


_FILE_NAMERS: dict[str, Callable[[WikiPage, dict[str, str]], str]] = {
    "gitlab": _gitlab_file, "github": _github_file, "azure": _azure_file}


def _gitlab_link(here: str, target: str) -> str:
    return posixpath.relpath(target.removesuffix(".md"), posixpath.dirname(here) or ".")


def _github_link(here: str, target: str) -> str:
    return target.removesuffix(".md")


def _azure_link(here: str, target: str) -> str:
    return "/" + target.removesuffix(".md")


_LINKERS: dict[str, Callable[[str, str], str]] = {
    "gitlab": _gitlab_link, "github": _github_link, "azure": _azure_link}


def _azure_order(files: list[str]) -> dict[str, str]:
    """Azure DevOps orders a folder's pages by its ``.order`` file: one page name per line."""
    folders: dict[str, list[str]] = defaultdict(list)
    for file in files:
        folder, name = posixpath.split(file.removesuffix(".md"))
        if name not in folders[folder]:
            folders[folder].append(name)
    return {posixpath.join(folder, ".order"): "\n".join(names) + "\n" for folder, names in folders.items()}
