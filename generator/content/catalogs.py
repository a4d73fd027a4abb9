"""The translators' catalogs on disk: ``locale/content.pot`` (every text of the content, which
`leap translate extract` writes) and a ``locale/<language>.po`` per translation (which
`leap translate update` starts and brings up to date, and a translator fills in); and what
`leap check` says of each: how much is translated, and which translations are out of date."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po

from ..errors import Problem
from ..locale import catalog as engine_catalog
from .load import LOCALE, MAX_FILE_BYTES, Loc, display_path, load_content
from .model import Content
from .translate import Coverage, report, texts


def catalog_path(content_dir: Path, language: str) -> Path:
    return content_dir / LOCALE / f"{language}.po"


def read_catalog(content_dir: Path, language: str) -> tuple[Catalog | None, list[Problem]]:
    """A language's catalog, or None (with why) when there is none, or it cannot be read."""
    path = catalog_path(content_dir, language)
    shown = display_path(path)
    if not path.is_file() or path.is_symlink():
        return None, [
            Problem(shown, 1, f"no translation into '{language}' yet: `leap translate update` starts it", warning=True)
        ]
    try:
        if path.stat().st_size > 20 * MAX_FILE_BYTES:
            return None, [Problem(shown, 1, "the catalog is too large to be one guide's translation")]
        with path.open("rb") as handle:
            return read_po(handle, locale=language.replace("-", "_"), abort_invalid=True), []
    except PoFileError as err:
        line = getattr(err, "lineno", 1) or 1
        return None, [Problem(shown, line, f"not a catalog leap can read: {err}")]
    except (OSError, ValueError) as err:
        return None, [Problem(shown, 1, f"cannot read the catalog: {err}")]


def refused_problems(catalog: Catalog, contexts: list[str], shown: str) -> list[Problem]:
    """A warning for each translation left out for breaking its text's limits, at its line."""
    lines = {message.context: message.lineno for message in catalog if message.id and message.context}
    return [
        Problem(
            shown,
            lines.get(context) or 1,
            f"the translation of '{context}' breaks the limits of its text (one line, or its length); "
            "the source text is shown instead",
            warning=True,
        )
        for context in contexts
    ]


@dataclass(frozen=True)
class Review:
    """How far one translation has come: a line to show, and a warning per out-of-date text."""

    language: str
    summary: str
    problems: list[Problem]


def review(content_dir: Path, content: Content) -> list[Review]:
    """Each of the guide's translations: its coverage, and every text whose source changed since
    it was translated (or that its catalog marks for review), as a warning at the text's line."""
    docs, _ = load_content(content_dir)
    found = texts(docs, content.framework)
    reviews = []
    for language in content.guide.translations:
        catalog, problems = read_catalog(content_dir, language)
        coverage = report(found, catalog) if catalog is not None else Coverage(0, len(found), ())
        shown = display_path(catalog_path(content_dir, language))
        lines = {m.context: m.lineno for m in catalog if m.id and m.context} if catalog is not None else {}
        problems += [
            Problem(
                text.path,
                text.line,
                f"the translation into '{language}' was made for other words: review it ({shown}:"
                f"{lines.get(text.context) or 1})",
                warning=True,
            )
            for text in coverage.stale
        ]
        summary = (
            f"{shown}: {coverage.percent}% translated ({coverage.translated} of {coverage.total} texts), "
            f"{len(coverage.stale)} to review"
        )
        reviews.append(Review(language, summary, problems))
    return reviews


def engine_words(content_dir: Path, content: Content) -> list[Problem]:
    """A warning for each of the guide's languages the engine has no catalog for: its own words
    (buttons, headings, the scripts' messages) would show in English on those pages."""
    docs, _ = load_content(content_dir)
    guide = next((doc for doc in docs if doc.kind == "guide"), None)
    if guide is None:
        return []
    wanted: list[tuple[Loc, str]] = [(("language",), content.guide.language)] if content.guide.language else []
    wanted += [(("translations", index), language) for index, language in enumerate(content.guide.translations)]
    return [
        Problem(
            guide.path,
            guide.line_of(loc),
            f"the engine has no catalog for '{language}': its own words (buttons, headings, messages) "
            "show in English on those pages; see the README's section \"The engine's own words\"",
            warning=True,
        )
        for loc, language in wanted
        if language.split("-")[0].lower() != "en" and engine_catalog(language) is None
    ]
