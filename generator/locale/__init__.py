"""The engine's own words in the reader's language: gettext catalogs, one per language.

English is the language of the messages themselves (the ``msgid``), so an English site needs no
catalog. ``messages.pot`` is extracted from the templates, the Python code and the page scripts
(``python -m generator.locale.refresh``, which also merges it into every language's catalog), and
each language's ``<language>/LC_MESSAGES/messages.po`` is compiled in memory the first time a
build asks for that language: no compiled ``.mo`` file is kept in the repository.

- :func:`translations`: a language's translations, for Jinja's i18n extension and for Python code
  (``gettext``, ``ngettext``, ``pgettext``); the messages themselves for a language with none;
- :func:`direction`: which way a language is written, for what the engine prints itself;
- :func:`script_messages`: the page scripts' messages in a language, with their plural forms keyed
  by the browser's plural categories (``Intl.PluralRules``), published as ``assets/leap/messages.js``.
"""

from __future__ import annotations

import functools
import gettext
import json
from importlib import resources
from io import BytesIO
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

DOMAIN = "messages"
SCRIPT = "assets/leap/messages.js"  # the page scripts' catalog, under docs/ and the site
# The languages the engine ships a catalog for, each complete (tests/test_locale.py holds them to it).
SHIPPED = ("de", "fr", "es", "ar")


def folder_of(language: str) -> str:
    """A language tag's catalog folder: "de" for "de", "pt_BR" for "pt-BR"."""
    return language.replace("-", "_")


@functools.cache
def catalog(language: str) -> Catalog | None:
    """The engine's catalog for a language (or, for a regional variant without one, its base
    language's); None when there is none (English, whose words are the messages)."""
    root = resources.files("generator.locale")
    for tag in dict.fromkeys((folder_of(language), folder_of(language).split("_")[0])):
        entry = root / tag / "LC_MESSAGES" / f"{DOMAIN}.po"
        if tag and entry.is_file():
            with entry.open("rb") as po:
                return read_po(po, locale=tag, domain=DOMAIN)
    return None


def catalog_source(language: str) -> bytes:
    """The text of a language's catalog file (empty for none): what a printed PDF's words depend on."""
    root = resources.files("generator.locale")
    for tag in dict.fromkeys((folder_of(language), folder_of(language).split("_")[0])):
        entry = root / tag / "LC_MESSAGES" / f"{DOMAIN}.po"
        if tag and entry.is_file():
            return entry.read_bytes()
    return b""


@functools.cache
def translations(language: str) -> NullTranslations:
    """The translations of the engine's messages into a language, compiled in memory once per
    process; fuzzy or empty translations are left out, so those messages show in English."""
    found = catalog(language)
    if found is None:
        return NullTranslations()
    compiled = BytesIO()
    write_mo(compiled, found, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def direction(language: str) -> str:
    """Which way a language is written: "rtl" (Arabic, Hebrew, Persian...) or "ltr"."""
    locale = _locale(language)
    return "rtl" if locale is not None and locale.character_order == "right-to-left" else "ltr"


def _locale(language: str) -> Locale | None:
    try:
        return Locale.parse(language, sep="-")
    except (ValueError, UnknownLocaleError):
        return None


@functools.cache
def script_messages(language: str) -> dict[str, Any]:
    """The page scripts' messages in a language: ``messages`` (msgid: translation) and ``plurals``
    (singular msgid: {plural category: translation}), for the browser's ``Intl.PluralRules`` of the
    page's language. Only the messages the scripts use (from a ``.js`` file), translated and not fuzzy."""
    found = catalog(language)
    locale = _locale(language)
    out: dict[str, Any] = {"language": language, "messages": {}, "plurals": {}}
    if found is None or locale is None:
        return out
    forms = _plural_forms(found, locale)
    for message in found:
        if not message.id or message.fuzzy or not any(path.endswith(".js") for path, _ in message.locations):
            continue
        if isinstance(message.id, tuple):
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if all(strings):
                out["plurals"][message.id[0]] = {tag: strings[index] for tag, index in forms.items()}
        elif message.string:
            out["messages"][message.id] = message.string
    return out


def _plural_forms(found: Catalog, locale: Locale) -> dict[str, int]:
    """Which of the catalog's plural forms each of the language's plural categories takes: the
    form gettext's rule (the catalog's Plural-Forms) gives the first number, from 0 to 199 and a
    few fractions, that the language's CLDR rule puts in that category."""
    rule = gettext.c2py(found.plural_expr)
    forms: dict[str, int] = {}
    for n in [*range(200), 1000, 1000000]:
        forms.setdefault(locale.plural_form(n), rule(n))
    forms.setdefault("other", rule(5))
    return forms


def script_catalog(language: str) -> str:
    """``assets/leap/messages.js``: the page scripts' messages for the site's language, set as a
    global before any other script of the engine runs (so it works from a file, with no fetch)."""
    data = json.dumps(script_messages(language), ensure_ascii=False, sort_keys=True, indent=0).replace("</", "<\\/")
    return (
        "/* Generated by leap from generator/locale: the page scripts' messages in this site's language. */\n"
        f"window.leapMessages = {data};\n"
    )
