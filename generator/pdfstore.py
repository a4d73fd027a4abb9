"""PDFs that stay with the site: a store beside the project, addressed by what each PDF prints.

`leap pdf` prints into ``.leap-pdf/`` next to mkdocs.yml (it ignores itself for git). Every
stored file's name carries a hash of what it prints: for a worksheet, its page's generated
Markdown (rendered without the PDF links), the stylesheets and scripts the page loads, the brand,
the site's address, the paper size and the versions of the engine, MkDocs and Material; for a
workbook, the same of every worksheet it binds and of its cover, contents and introduction.

During every build the leap plugin calls :func:`attach`: the stored PDFs whose hash matches the
pages being built join the site as ``pdf/<id>-<paper>.pdf``, and only those are linked. A PDF
whose page changed since has another hash: it is neither published nor linked until `leap pdf`
prints it again. Nothing stale is ever served.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from . import pages as site_pages
from .build import Rendered
from .render import render_pages
from .worksheets import Entry, workbook_order

STORE = ".leap-pdf"
PAPERS = ("a4", "letter")
KEEP_OLD = 2  # earlier prints kept per PDF (another --site-url, say), besides the current one
_ENGINE = ("pdf.py", "pdfbind.py", "pdffit.py", "pdfstamp.py", "pdfstore.py", "templates/workbook.html.j2")
_VERSIONS = ("leadership-leap", "mkdocs", "mkdocs-material", "playwright", "pypdf")


@dataclass(frozen=True)
class Wanted:
    """One PDF the site can carry: its name in the site's ``pdf/``, and the hash of what it prints."""

    name: str
    key: str
    paper: str
    entry: Entry | None = None  # None: the workbook

    @property
    def stored(self) -> str:
        return f"{self.name.removesuffix('.pdf')}.{self.key[:24]}.pdf"


@dataclass(frozen=True)
class Plan:
    """Every PDF the current pages call for, and where the store keeps each."""

    store: Path
    sheets: tuple[Wanted, ...]
    workbooks: tuple[Wanted, ...]

    def path(self, wanted: Wanted) -> Path:
        return self.store / wanted.stored

    def base(self, wanted: Wanted) -> Path:
        """A worksheet printed without a footer: what the workbook binds."""
        return self.store / "base" / wanted.stored

    def ready(self, wanted: Wanted) -> bool:
        return _whole(self.path(wanted)) and (wanted.entry is None or _whole(self.base(wanted)))

    def missing_sheets(self) -> list[Wanted]:
        return [w for w in self.sheets if not self.ready(w)]

    def missing_workbooks(self) -> list[Wanted]:
        return [w for w in self.workbooks if not self.ready(w)]

    def sheets_on(self, paper: str) -> list[Wanted]:
        return [w for w in self.sheets if w.paper == paper]


def _whole(path: Path) -> bool:
    """A stored PDF that is all there: it starts as a PDF does and ends with its end-of-file mark.
    One cut short or emptied counts as missing: it is neither published nor bound, and `leap pdf`
    prints it again."""
    try:
        with path.open("rb") as handle:
            if handle.read(5) != b"%PDF-":
                return False
            size = handle.seek(0, os.SEEK_END)
            handle.seek(max(0, size - 1024))
            return b"%%EOF" in handle.read()
    except OSError:
        return False


def make_plan(config: MkDocsConfig, rendered: Rendered, root: Path, site_url: str) -> Plan:
    """The PDFs these pages call for, keyed by what each prints. ``site_url``: the address the
    site will have (printed on paper), which `mkdocs serve` replaces in the config by its own."""
    common = _common(config, rendered, site_url)
    entries = workbook_order(rendered.checked.content)
    sheets = tuple(
        Wanted(
            f"{entry.id}-{paper}.pdf",
            _digest(common, paper, entry.title, rendered.pages.get(entry.path, "")),
            paper,
            entry,
        )
        for paper in PAPERS
        for entry in entries
    )
    front = _front(rendered, config)
    workbooks = tuple(
        Wanted(
            f"workbook-{paper}.pdf", _digest(common, paper, front, *(w.key for w in sheets if w.paper == paper)), paper
        )
        for paper in PAPERS
        if entries
    )
    return Plan(root / STORE, sheets, workbooks)


def attach(
    files: Files, config: MkDocsConfig, rendered: Rendered, root: Path, site_url: str
) -> tuple[dict[str, str], Plan]:
    """Add the stored PDFs that match these pages to the site's files, and link only those: the
    pages of a worksheet whose two PDFs are here, and the worksheets index if both workbooks are.
    A PDF of that name written by hand in docs/ wins, unlinked. Returns the pages to build."""
    plan = make_plan(config, rendered, root, site_url)
    log = logging.getLogger("leap")
    taken = {file.src_uri for file in files}
    ready = set()
    for wanted in (*plan.sheets, *plan.workbooks):
        if not plan.ready(wanted):
            continue
        if f"pdf/{wanted.name}" in taken:
            log.warning(
                f"docs/pdf/{wanted.name} is written by hand: it is published as it is, not linked, "
                "and the printed one is left out"
            )
            continue
        ready.add(wanted.name)
        files.append(File.generated(config, f"pdf/{wanted.name}", abs_src_path=str(plan.path(wanted))))
    count = len(plan.sheets) + len(plan.workbooks)
    if plan.store.is_dir() and len(ready) < count:
        log.info(f"{len(ready)} of the {count} PDFs match these pages and are linked; `leap pdf` prints the others")
    return _linked(rendered, plan, ready), plan


def _linked(rendered: Rendered, plan: Plan, ready: set[str]) -> dict[str, str]:
    """The pages, with the PDF links rendered where every PDF they link is in the site."""
    entries = {
        w.entry.path
        for w in plan.sheets
        if w.entry is not None and all(f"{w.entry.id}-{paper}.pdf" in ready for paper in PAPERS)
    }
    index = bool(plan.workbooks) and all(w.name in ready for w in plan.workbooks)
    if not entries and not index:
        return rendered.pages
    checked = rendered.checked
    with_links = render_pages(checked.content, checked.graph, rendered.brand, True)
    chosen = entries | ({site_pages.WORKSHEET_INDEX} if index else set())
    return {path: with_links[path] if path in chosen else text for path, text in rendered.pages.items()}


def _common(config: MkDocsConfig, rendered: Rendered, site_url: str) -> bytes:
    """What every PDF of this site prints besides its own page: the engine, the assets the pages
    load, the brand, the site's address and theme, and the tools' versions."""
    docs = Path(config.docs_dir)
    assets = [str(path) for path in (*config.extra_css, *config.extra_javascript)]
    theme: Any = config.theme
    parts: list[object] = [
        [_version(name) for name in _VERSIONS],
        [_engine_source(name) for name in _ENGINE],
        site_url,
        # The full addresses printed on paper, with a site URL; without one, a page's place in the
        # guide is printed, the same with or without directory URLs (and in the offline site).
        config.use_directory_urls if site_url else None,
        theme.name,
        theme.get("language"),
        theme.get("features"),
        theme.get("font"),
        [str(ext) for ext in config.markdown_extensions],
        config.mdx_configs,
        {path: rendered.pages.get(path) or _file_digest(docs / path) for path in assets},
        dataclasses.asdict(rendered.brand),
        _file_digest(docs / rendered.brand.logo) if rendered.brand.logo else "",
    ]
    return json.dumps(parts, sort_keys=True, default=_stable).encode("utf-8")


def _stable(value: object) -> str:
    """A config value JSON cannot hold (a function, an extension): its name, never its address."""
    name = getattr(value, "__qualname__", None) or type(value).__qualname__
    return f"{getattr(value, '__module__', None) or type(value).__module__}.{name}"


def _front(rendered: Rendered, config: MkDocsConfig) -> str:
    """What a workbook prints besides its worksheets: its cover, contents and introduction."""
    content = rendered.checked.content
    guide = content.guide
    home = [(s.heading, s.text) for s in guide.home[:1]]
    entries = [(e.id, e.title, e.part) for e in workbook_order(content)]
    return json.dumps(
        [guide.title, guide.tagline, guide.description, guide.audience, home, entries, config.theme.get("language")],
        default=str,
    )


def _digest(common: bytes, *parts: str) -> str:
    hasher = hashlib.sha256(common)
    for part in parts:
        hasher.update(b"\0" + part.encode("utf-8"))
    return hasher.hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def _engine_source(name: str) -> str:
    return hashlib.sha256((resources.files("generator") / name).read_bytes()).hexdigest()


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def save(plan: Plan, target: Path, data: bytes) -> None:
    """Write a stored PDF atomically, readable by all (the site copies it as it is)."""
    ignore = plan.store / ".gitignore"
    if not ignore.exists():
        plan.store.mkdir(parents=True, exist_ok=True)
        ignore.write_text("# leap's PDF store: printed by `leap pdf`, reused by every build\n*\n", encoding="utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def prune(plan: Plan) -> int:
    """Drop stored PDFs the pages no longer call for, keeping the newest few of each name (a build
    with another --site-url may want them back). Returns how many were removed."""
    current = {w.stored for w in (*plan.sheets, *plan.workbooks)}
    removed = 0
    for folder in (plan.store, plan.store / "base"):
        by_name: dict[str, list[Path]] = {}
        for path in folder.glob("*.pdf"):
            if path.name not in current and not path.is_symlink():
                by_name.setdefault(path.name.rsplit(".", 2)[0], []).append(path)
        for old in by_name.values():
            for path in sorted(old, key=lambda p: p.stat().st_mtime, reverse=True)[KEEP_OLD:]:
                path.unlink()
                removed += 1
    return removed
