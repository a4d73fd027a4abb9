"""Pages the site's authors wrote by hand in docs/, which the wiki export carries too.

A hand-written page is any ``.md`` file in docs/ that leap did not generate: neither listed in
docs/.leap-manifest.json nor among the pages the content gives now. Its title is the one MkDocs
would show: the front matter's ``title``, else its first top-level heading, else its file name.
Nothing is read through a symbolic link, nor from a hidden folder.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from ..content.graph import capital
from ..content.load import MAX_FILE_BYTES, display_path, parse_yaml
from ..errors import ContentError, Problem, UnsafePath
from ..files.paths import inside, markdown_files
from ..files.writer import read_manifest
from .markup import front_matter, heading, parse


@dataclass(frozen=True)
class HandPage:
    address: str  # its path under docs/
    title: str
    markdown: str  # without its front matter
    source: str  # the file, as messages show it


def hand_written(
    docs_dir: Path, generated: Collection[str], skip: Collection[str] = ()
) -> tuple[list[HandPage], list[Problem]]:
    """Every hand-written page in ``docs_dir``, in path order, and warnings about files skipped;
    ``skip``: folders at its top that are not this language's (its translations'). A page that
    cannot be read is an error (ContentError), as it would be for MkDocs."""
    if not docs_dir.is_dir() or docs_dir.is_symlink():
        return [], []
    ours = set(read_manifest(docs_dir).hashes) | set(generated)
    found: list[HandPage] = []
    problems: list[Problem] = []
    for address in markdown_files(docs_dir, skip):
        if address in ours:
            continue
        path = docs_dir / address
        shown = display_path(path)
        try:
            inside(docs_dir, address)
            if path.is_symlink():
                raise UnsafePath("a symbolic link")
            raw = path.read_bytes()
        except UnsafePath:
            problems.append(
                Problem(
                    shown,
                    1,
                    "a symbolic link; leap does not read through links, so the wiki export leaves it out",
                    warning=True,
                )
            )
            continue
        except OSError as err:
            raise ContentError([Problem(shown, 1, f"cannot read the page: {err.strerror or err}")]) from None
        found.append(_page(address, raw, shown))
    return found, problems


def _page(address: str, raw: bytes, shown: str) -> HandPage:
    if len(raw) > MAX_FILE_BYTES:
        raise ContentError(
            [Problem(shown, 1, f"larger than {MAX_FILE_BYTES // 1_000_000} MB; split it into smaller pages")]
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise ContentError([Problem(shown, line, "not UTF-8 text; save it as UTF-8")]) from None
    body, meta = front_matter(text.replace("\r\n", "\n"))
    stem = Path(address).stem if Path(address).stem != "index" else Path(address).parent.name or "index"
    title = _title(meta, shown) or heading(parse(body, hand_written=True))
    return HandPage(address, title or capital(stem.replace("-", " ").replace("_", " ")), body, shown)


def _title(meta: str, shown: str) -> str | None:
    """The front matter's title, read as MkDocs reads it (YAML), but as content is: no aliases."""
    problems: list[Problem] = []
    data, _ = parse_yaml(meta.encode("utf-8"), shown, problems)
    title = data.get("title") if isinstance(data, dict) and not problems else None
    return " ".join(title.split()) or None if isinstance(title, str) else None
