"""PDFs that stay with the site: a store beside the project, addressed by what each PDF prints.

`leap pdf` prints into ``.leap-pdf/`` next to mkdocs.yml (it ignores itself for git). Every
stored file's name carries a hash of what it prints: for a worksheet, its page's generated
Markdown (rendered without the PDF links), the stylesheets and scripts the page loads, the brand,
the site's address, the paper size and the versions of the engine, MkDocs and Material; for a
workbook, the same of every worksheet it binds and of its cover, contents and introduction.

During every build the engine calls :func:`attach`: the stored PDFs whose hash matches the
pages being built join the site as ``pdf/<id>-<paper>.pdf``, and only those are linked. A PDF
whose page changed since has another hash: it is neither published nor linked until `leap pdf`
prints it again. Nothing stale is ever served.

The store checks what it publishes. When `leap pdf` saves a PDF, the SHA-256 of its bytes goes
into the store's index (``.leap-pdf/index.json``); a build publishes only bytes that match the
index, read once and handed to MkDocs as they were checked, and a file that does not match (one
swapped for another, or not recorded) counts as missing: it is left out, and `leap pdf` prints it
again. A symbolic link in the store (a PDF, ``base/``, the index, or ``.leap-pdf`` itself) is
never followed: what it points to is neither read, published, written nor pruned, and a build
warns about it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from ..files.nofollow import links_in, read_regular, refuse_links
from ..files.writer import atomic
from ..locale import catalog_source
from ..pages import paths as site_pages
from ..pages.render import Rendered, render_pages
from ..pages.worksheets import Entry, workbook_order
from .settings import Settings

STORE = ".leap-pdf"
INDEX = "index.json"  # in the store: the SHA-256 of each PDF as `leap pdf` saved it
PAPERS = ("a4", "letter")
KEEP_OLD = 2  # earlier prints kept per PDF (another --site-url, say), besides the current one
_ENGINE = (
    "paper/pdf.py",
    "paper/bind.py",
    "paper/fit.py",
    "paper/stamp.py",
    "site/pdfstore.py",
    "pages/templates/workbook.html.j2",
    "locale/__init__.py",
)
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
        return self.read(self.path(wanted)) is not None and (
            wanted.entry is None or self.read(self.base(wanted)) is not None
        )

    def read(self, path: Path) -> bytes | None:
        """A stored PDF's bytes, if they are what `leap pdf` saved there: reached through no
        symbolic link, whole, and matching the hash the index recorded. Otherwise None: the PDF
        counts as missing (never published, and printed again)."""
        relative = path.relative_to(self.store).as_posix()
        recorded = _index(self.store).get(relative)
        data = read_regular(self.store, relative) if recorded else None
        if data is None or hashlib.sha256(data).hexdigest() != recorded or not _whole(data):
            return None
        return data

    def problems(self) -> list[str]:
        """What a build warns about: symbolic links in the store, and PDFs these pages call for
        whose bytes no longer match what `leap pdf` saved."""
        found = [STORE if name == "." else f"{STORE}/{name}" for name in links_in(self.store, "base")]
        said = [
            f"{name} is a symbolic link: the PDF store never follows one, so nothing it points to is published "
            "(remove the link; `leap pdf` prints what is missing)"
            for name in found
        ]
        index = _index(self.store) if found != [STORE] else {}
        for wanted in (*self.sheets, *self.workbooks):
            for path in (self.path(wanted), *([self.base(wanted)] if wanted.entry else [])):
                relative = path.relative_to(self.store).as_posix()
                if f"{STORE}/{relative}" in found or relative not in index:
                    continue
                data = read_regular(self.store, relative)
                if data is not None and hashlib.sha256(data).hexdigest() != index[relative]:
                    said.append(
                        f"{STORE}/{relative} has changed since `leap pdf` printed it: it is left out, "
                        "and `leap pdf` prints it again"
                    )
        return said

    def missing_sheets(self) -> list[Wanted]:
        return [w for w in self.sheets if not self.ready(w)]

    def missing_workbooks(self) -> list[Wanted]:
        return [w for w in self.workbooks if not self.ready(w)]

    def sheets_on(self, paper: str) -> list[Wanted]:
        return [w for w in self.sheets if w.paper == paper]


def _whole(data: bytes) -> bool:
    """A stored PDF that is all there: it starts as a PDF does and ends with its end-of-file mark.
    One cut short or emptied counts as missing: it is neither published nor bound, and `leap pdf`
    prints it again."""
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]


def _index(store: Path) -> dict[str, str]:
    """The store's index: each stored PDF's path in the store and the SHA-256 it was saved with.
    One that cannot be read (or is a link) is empty: every PDF is printed again."""
    data = read_regular(store, INDEX)
    try:
        index = json.loads(data) if data is not None else {}
    except ValueError:
        return {}
    hashes = index.get("sha256") if isinstance(index, dict) else None
    if not isinstance(hashes, dict):
        return {}
    return {str(key): str(value) for key, value in hashes.items() if isinstance(value, str)}


def make_plan(settings: Settings, rendered: Rendered, pages: Mapping[str, str]) -> Plan:
    """The PDFs these pages call for, keyed by what each prints. ``pages``: every generated file
    under docs/ (the pages and the engine's assets), whose stylesheets and scripts printed pages load."""
    common = _common(settings, rendered, pages)
    entries = workbook_order(rendered.checked.content, rendered.checked.language)
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
    front = _front(rendered)
    workbooks = tuple(
        Wanted(
            f"workbook-{paper}.pdf", _digest(common, paper, front, *(w.key for w in sheets if w.paper == paper)), paper
        )
        for paper in PAPERS
        if entries
    )
    return Plan(settings.root / STORE, sheets, workbooks)


@dataclass(frozen=True)
class Attached:
    """What a build publishes of the store: the pages, linked to the PDFs that match them, and
    those PDFs (``pdf/<name>`` in the site -> the bytes checked against the store's index)."""

    pages: dict[str, str]
    pdfs: dict[str, bytes]
    plan: Plan


def attach(settings: Settings, rendered: Rendered, pages: Mapping[str, str]) -> Attached:
    """The stored PDFs that match these pages, and the pages linked to only those: the pages of a
    worksheet whose two PDFs are here, and the worksheets index if both workbooks are. A PDF of
    that name written by hand in docs/ wins, unlinked."""
    plan = make_plan(settings, rendered, pages)
    log = logging.getLogger("leap")
    pdfs = {}
    for problem in plan.problems():
        log.warning(problem)
    for wanted in (*plan.sheets, *plan.workbooks):
        data = plan.read(plan.path(wanted))
        if data is None or (wanted.entry is not None and plan.read(plan.base(wanted)) is None):
            continue  # as plan.ready(wanted), keeping the bytes read
        if (settings.docs_dir / "pdf" / wanted.name).exists():
            log.warning(
                f"docs/pdf/{wanted.name} is written by hand: it is published as it is, not linked, "
                "and the printed one is left out"
            )
            continue
        # The bytes just checked, not the file's name: what is published is what was checked.
        pdfs[f"pdf/{wanted.name}"] = data
    count = len(plan.sheets) + len(plan.workbooks)
    if plan.store.is_dir() and len(pdfs) < count:
        log.info(f"{len(pdfs)} of the {count} PDFs match these pages and are linked; `leap pdf` prints the others")
    ready = {path.removeprefix("pdf/") for path in pdfs}
    return Attached({**pages, **_linked(rendered, plan, ready)}, pdfs, plan)


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
    with_links = render_pages(checked.content, checked.graph, rendered.brand, True, checked.language)
    chosen = entries | ({site_pages.WORKSHEET_INDEX, site_pages.HOME} if index else set())
    return {path: with_links[path] if path in chosen else text for path, text in rendered.pages.items()}


def _common(settings: Settings, rendered: Rendered, pages: Mapping[str, str]) -> bytes:
    """What every PDF of this site prints besides its own page: the engine, the builder and how it
    shows pages, the assets the pages load, the brand, the site's address, and the tools' versions."""
    docs = settings.docs_dir
    parts: list[object] = [
        [_version(name) for name in _VERSIONS],
        [_engine_source(name) for name in _ENGINE],
        hashlib.sha256(catalog_source(rendered.checked.language)).hexdigest(),  # the engine's words
        settings.site_url,
        # The full addresses printed on paper, with a site URL; without one, a page's place in the
        # guide is printed, the same with or without directory URLs (and in the offline site).
        settings.directory_urls if settings.site_url else None,
        settings.look,
        {path: pages.get(path) or _file_digest(docs / path) for path in settings.assets},
        dataclasses.asdict(rendered.brand),
        _file_digest(docs / rendered.brand.logo) if rendered.brand.logo else "",
    ]
    return json.dumps(parts, sort_keys=True).encode("utf-8")


def _front(rendered: Rendered) -> str:
    """What a workbook prints besides its worksheets: its cover, contents and introduction."""
    content = rendered.checked.content
    guide = content.guide
    home = [(s.heading, s.text) for s in guide.home[:1]]
    entries = [(e.id, e.title, e.part) for e in workbook_order(content, rendered.checked.language)]
    return json.dumps([guide.title, guide.tagline, guide.description, guide.audience, home, entries], default=str)


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
    """Write a stored PDF atomically, readable by all (the site copies it as it is), and record
    its hash in the store's index. Refuses a store, or a folder in it, that is a symbolic link."""
    refuse_links(plan.store, target.parent)
    plan.store.mkdir(parents=True, exist_ok=True)
    if not (plan.store / ".gitignore").is_file() or (plan.store / ".gitignore").is_symlink():
        _write(plan.store / ".gitignore", b"# leap's PDF store: printed by `leap pdf`, reused by every build\n*\n")
    target.parent.mkdir(parents=True, exist_ok=True)
    refuse_links(plan.store, target.parent)
    _write(target, data)
    index = _index(plan.store)
    index[target.relative_to(plan.store).as_posix()] = hashlib.sha256(data).hexdigest()
    _write_index(plan.store, index)


def _write(target: Path, data: bytes) -> None:
    """Write a file whole, readable by all (the site copies it as it is): a link where it goes is
    replaced, never followed."""
    with atomic(target, 0o644, exact=True) as handle:
        handle.write(data)


def _write_index(store: Path, index: dict[str, str]) -> None:
    text = json.dumps({"format": "leap-pdf-store", "version": 1, "sha256": dict(sorted(index.items()))}, indent=1)
    _write(store / INDEX, (text + "\n").encode("utf-8"))


def prune(plan: Plan, *others: Plan) -> int:
    """Drop stored PDFs the pages no longer call for (``others``: the plans of a guide's other
    languages, which share the store), keeping the newest few of each name (a build with another
    --site-url may want them back), and the index's entries for files that are gone. A folder that
    is a symbolic link is left alone: nothing outside the store is removed. Returns how many were
    removed."""
    if plan.store.is_symlink() or not plan.store.is_dir():
        return 0
    current = {w.stored for one in (plan, *others) for w in (*one.sheets, *one.workbooks)}
    removed = 0
    for folder in (plan.store, plan.store / "base"):
        if folder.is_symlink():
            continue
        by_name: dict[str, list[Path]] = {}
        for path in folder.glob("*.pdf"):
            if path.name not in current and not path.is_symlink():
                by_name.setdefault(path.name.rsplit(".", 2)[0], []).append(path)
        for old in by_name.values():
            for path in sorted(old, key=lambda p: p.stat().st_mtime, reverse=True)[KEEP_OLD:]:
                path.unlink()
                removed += 1
    index = _index(plan.store)
    kept = {name: digest for name, digest in index.items() if (plan.store / name).is_file()}
    if kept != index:
        _write_index(plan.store, kept)
    return removed
