"""`leap export wiki`: the guide as pages for a GitLab, GitHub, Azure DevOps or MediaWiki wiki.

The pages are the site's, without anything only Material for MkDocs understands: no admonitions,
attribute lists, HTML or front matter. Worksheets become tables with room to write, which print
acceptably from a wiki. Pages written by hand in docs/ come along, linked from the home page.

Each page has a logical address, its path in docs/ (``traits/vision.md``); :mod:`generator.wikinames`
decides the file each is written to, and a flavour how one page links to another: GitLab
relatively without ``.md``, GitHub by bare page name, Azure by absolute wiki path, MediaWiki with
``[[wiki links]]``. The Git-backed wikis get GitHub-flavoured Markdown (:mod:`generator.wiki.gfm`),
MediaWiki gets wikitext (:mod:`generator.wikitext`), categories for sections and tags, and an
XML dump for its importer (:mod:`generator.wiki.mediawiki`). Markdown from content is parsed once
(:mod:`generator.wiki.markup`) and written in the wiki's syntax; every other value is escaped for it.

Pure: returns ``{file path under the wiki: text}``; writing is the writer's job.
"""

from __future__ import annotations

import functools
import posixpath
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from ..content.graph import Graph, capital
from ..content.load import display_path
from ..content.model import Item
from ..locale import translations
from ..pages import paths
from ..pages.brand import DEFAULT_BRAND, Brand
from ..pages.programme import helpers as programme_helpers
from . import gfm, mediawiki, wikitext
from .handwritten import HandPage
from .markup import Link, Resolve, external, parse, site_address
from .names import mediawiki_title, page_files
from .pages import guide_pages

FLAVORS = ("gitlab", "github", "azure", "mediawiki")


@dataclass(frozen=True)
class WikiPage:
    address: str  # the page's path in docs/, which is also how templates name it
    title: str
    template: str  # under wiki/templates/, without the suffix: .md.j2 or .wiki.j2
    context: dict[str, Any] = field(default_factory=dict)
    source: str = ""  # the file it comes from, as messages show it
    markdown: str | None = None  # a hand-written page's Markdown


def wiki_pages(
    graph: Graph,
    flavor: str,
    brand: Brand = DEFAULT_BRAND,
    hand_written: Sequence[HandPage] = (),
    content_dir: Path | None = None,
    language: str = "en",
) -> dict[str, str]:
    """Every file of the wiki, the engine's words in ``language`` (the content's are in it already).
    A page name two pages would share raises ContentError, naming the pages' files: under
    ``content_dir``, or relative to it when it is not given."""
    content = graph.content
    where = (lambda name: display_path(content_dir / name)) if content_dir else (lambda name: name)
    pages = [WikiPage(p.address, p.title, p.template, p.context, where(p.source)) for p in guide_pages(graph, language)]
    pages += [WikiPage(p.address, p.title, "", source=p.source, markdown=p.markdown) for p in hand_written]
    files = page_files(pages, flavor, content.guide.title)
    framework = content.framework
    common = {
        "guide": content.guide,
        "content": content,
        "framework": framework,
        "graph": graph,
        "brand": brand,
        "pages": paths,
        "page_of": lambda item: paths.page_of(framework, item),
        "worksheet_of": lambda item: paths.worksheet_of(framework, item),
        "hand_written": hand_written,
        "marks": functools.partial(_marks, graph, flavor == "mediawiki"),
        "categories": lambda item: [Markup(name) for name in _item_categories(graph, item)],
        "worksheets_category": Markup(mediawiki_title(worksheets_category(language))),
        "language": language,
        **programme_helpers(content, language),
    }
    out = {files[page.address]: _render(page, files, flavor, common) for page in pages}
    if flavor == "github":
        out["_Sidebar.md"] = (
            _environment("md", language)
            .get_template("sidebar.md.j2")
            .render(**common, link=lambda target: Markup(_github_link("_Sidebar.md", files[target])))
        )
    if flavor == "azure":
        out.update(_azure_order([files[p.address] for p in pages]))
    if flavor == "mediawiki":
        out.update(_categories(graph, files, language))
        out[mediawiki.DUMP] = mediawiki.dump(out)
    return dict(sorted(out.items()))


def _render(page: WikiPage, files: dict[str, str], flavor: str, common: dict[str, Any]) -> str:
    """One page's text: its template rendered, or a hand-written page's Markdown rewritten."""
    here, linker = files[page.address], _LINKERS[flavor]
    resolve = _resolver(page.address, here, files, linker)
    syntax = "wiki" if flavor == "mediawiki" else "md"
    serialise = wikitext.markdown if syntax == "wiki" else gfm.markdown

    def markdown(text: str, hand_written: bool = False, base: str | None = None) -> Markup:
        """``text``, whose relative links were written from the page ``base`` (this one by default)."""
        linked = _resolver(base, here, files, linker) if base else resolve
        return Markup(serialise(parse(text, hand_written), linked))

    def link(target: str) -> Markup:
        return Markup(linker(here, files[target]))

    def a(target: str, text: str) -> Markup:  # a whole wiki link, for MediaWiki
        return Markup(wikitext.link(Link(linker(here, files[target]), internal=True), wikitext.text(text)))

    if page.markdown is not None:
        return str(markdown(page.markdown, hand_written=True)) + "\n"
    template = _environment(syntax, common["language"]).get_template(f"{page.template}.{syntax}.j2")
    return template.render(**common, **page.context, link=link, a=a, markdown=markdown)


def removed_pages(flavor: str, removed: Sequence[str]) -> list[str]:
    """The names of the pages whose files a re-export removed, as the wiki shows them."""
    if flavor == "mediawiki":
        return [mediawiki.title_of(file) for file in removed if file.endswith(".wiki")]
    return [file.removesuffix(".md") for file in removed if file.endswith(".md")]


def _resolver(address: str, here: str, files: dict[str, str], linker: Callable[[str, str], str]) -> Resolve:
    """How a link in Markdown on the page at ``address`` goes: to a site page's wiki page, to an
    http(s) or mailto address, or nowhere (it stays as text)."""

    def resolve(href: str) -> Link | None:
        if external(href):
            return Link(href, internal=False)
        target = site_address(address, href)
        return Link(linker(here, files[target]), internal=True) if target in files else None

    return resolve


@functools.cache
def _environment(syntax: str, language: str = "en") -> Environment:
    """The Jinja environment for one syntax and language: every printed value is escaped for it as
    plain text (``finalize``), unless a filter made it safe: ``text`` (plain text), ``md``
    (Markdown); the engine's own words go through the language's catalog (``_()``, ``{% trans %}``)."""
    escape = wikitext.text if syntax == "wiki" else gfm.text

    @pass_context
    def markdown(context: Context, value: str, base: str | None = None) -> Markup:
        result: Markup = context["markdown"](str(value), base=base)
        return result

    env = Environment(
        extensions=["jinja2.ext.i18n"],
        loader=PackageLoader("generator.wiki", "templates"),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=lambda value: value if isinstance(value, Markup) else Markup(escape(str(value))),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        text=lambda value: Markup(escape(str(value))),
        md=markdown,
        capital=capital,
        label=lambda value: Markup(escape(_label(str(value)))),
    )
    env.globals.update(zip=zip)
    env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
    return env


def worksheets_category(language: str) -> str:
    """The MediaWiki category every worksheet is in."""
    return translations(language).gettext("Worksheets")


def _label(text: str) -> str:
    """A heading used as a label before a value: "From" becomes "From:"; "Ready?" stays."""
    text = text.rstrip()
    return text if text[-1:] in "?:!." else text + ":"


def _marks(graph: Graph, mediawiki_flavor: bool, relation: str, rows: Any, columns: Any) -> list[Markup]:
    """A matrix's cells, row by row, joined in the syntax's own way."""
    separator = " || " if mediawiki_flavor else " | "
    return [Markup(row.replace(" | ", separator)) for row in graph.marks(relation, rows, columns)]


def _item_categories(graph: Graph, item: Item) -> list[str]:
    """The MediaWiki categories of an item's page: its section's, and one per tag."""
    kind = graph.content.kind_of(item)
    named = graph.content.guide.tag_name
    tags = [named(tag).replace("-", " ") for spec in kind.of_type("tags") for tag in item.get(spec.name, ())]
    return list(dict.fromkeys(mediawiki_title(name) for name in [kind.name, *tags]))


def _categories(graph: Graph, files: dict[str, str], language: str) -> dict[str, str]:
    """MediaWiki's category pages, each linking to its section's page (or, for a tag, the home
    page), so that no category link is red."""
    page = {address: mediawiki.title_of(file) for address, file in files.items()}
    targets = {mediawiki_title(kind.name): page[paths.section_of(kind)] for kind in graph.content.framework.kinds}
    targets.setdefault(mediawiki_title(worksheets_category(language)), page[paths.WORKSHEET_INDEX])
    for item in graph.content.items:
        for name in _item_categories(graph, item):
            targets.setdefault(name, page[paths.HOME])
    return {mediawiki.category_file(name): f"[[{target}]]\n" for name, target in targets.items()}


def _gitlab_link(here: str, target: str) -> str:
    return gfm.url(posixpath.relpath(target.removesuffix(".md"), posixpath.dirname(here) or "."))


def _github_link(here: str, target: str) -> str:
    return gfm.url(target.removesuffix(".md"))


def _azure_link(here: str, target: str) -> str:
    return gfm.url("/" + target.removesuffix(".md"))


def _mediawiki_link(here: str, target: str) -> str:
    return mediawiki.title_of(target)


_LINKERS: dict[str, Callable[[str, str], str]] = {
    "gitlab": _gitlab_link,
    "github": _github_link,
    "azure": _azure_link,
    "mediawiki": _mediawiki_link,
}


def _azure_order(files: list[str]) -> dict[str, str]:
    """Azure DevOps orders a folder's pages by its ``.order`` file: one page name per line."""
    folders: dict[str, list[str]] = defaultdict(list)
    for file in files:
        folder, name = posixpath.split(file.removesuffix(".md"))
        if name not in folders[folder]:
            folders[folder].append(name)
    return {posixpath.join(folder, ".order"): "\n".join(names) + "\n" for folder, names in folders.items()}
