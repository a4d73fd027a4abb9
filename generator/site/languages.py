"""A guide in more than one language is a site per language: the source language's at the site's
root, each translation's under ``<language>/``, from the same content and one docs/ folder (a
translation's own hand-written pages go in ``docs/<language>/``). Every page carries the theme's
language selector (``extra.alternate``), whose links lead to the same page in each language
(``languages.js``), and the readers' answers are the same record in every language.

This module says which languages a guide has (from guide.yaml, read before any build), and where
each one's pages and site go; the builders' adapters loop over them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

from ..content.load import GUIDE_FILE, parse_yaml
from ..content.model import Guide

SOURCE = "en"


@dataclass(frozen=True)
class Languages:
    source: str
    translations: tuple[str, ...] = ()

    @property
    def all(self) -> tuple[str, ...]:
        return (self.source, *self.translations)

    def folder(self, language: str) -> str:
        """Where a language's pages go, under docs/ and the site: "" for the source, else the tag."""
        return "" if language == self.source else language

    def alternates(self, current: str, files: bool = False) -> list[dict[str, str]]:
        """The theme's language selector for a page of ``current``'s site: each language's name in
        that language, and its site's root, relative to ``current``'s root; with ``files`` (a site
        read from a file share or the offline zip, which has no directory index), its index.html."""
        up = "" if current == self.source else "../"

        def root(language: str) -> str:
            folder = self.folder(language)
            return up + (f"{folder}/" if folder else "") + ("index.html" if files else "") or "./"

        return [{"name": native_name(language), "link": root(language), "lang": language} for language in self.all]

    def excluded(self) -> list[str]:
        """What the source language's build leaves out of docs/: the translations' folders."""
        return [f"/{language}/" for language in self.translations]


def theme_credit(language: str, extra: Mapping[str, Any]) -> dict[str, bool]:
    """The theme's "Made with ..." line under every page is English whatever the page's language,
    and the theme offers no translation of it: on a site in another language it is left out
    (``extra.generator: false``), unless mkdocs.yml's ``extra`` says what it wants."""
    if "generator" in extra or language.split("-")[0].lower() == "en":
        return {}
    return {"generator": False}


def native_name(language: str) -> str:
    """A language's name as its speakers write it ("Deutsch", "Français", "العربية")."""
    try:
        name = Locale.parse(language, sep="-").get_display_name() or language
    except (ValueError, UnknownLocaleError):
        return language
    return name[:1].upper() + name[1:]


def languages_of_guide(guide: Guide, fallback: str | None) -> Languages:
    """The languages of a checked guide."""
    source = guide.language or fallback or SOURCE
    return Languages(source, tuple(t for t in guide.translations if t != source))


def languages_of(content_dir: Path, fallback: str | None) -> Languages:
    """The guide's languages, from guide.yaml alone (a malformed file is the content check's to
    report: until then, the source language only). ``fallback``: the site's language, for a guide
    that does not name its own."""
    path = content_dir / GUIDE_FILE
    try:
        data: Any = parse_yaml(path.read_bytes(), str(path), [])[0]
    except OSError:
        data = None
    data = data if isinstance(data, dict) else {}
    source = str(data.get("language") or fallback or SOURCE)
    listed = data.get("translations")
    translations = (
        tuple(str(t) for t in listed if isinstance(t, str) and t != source) if isinstance(listed, list) else ()
    )
    return Languages(source, tuple(dict.fromkeys(translations)))
