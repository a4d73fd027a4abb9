"""The engine's own words through gettext catalogs (generator/locale): the template is up to date
with the code, a shipped catalog is complete and keeps every placeholder, plural forms reach the
browser by its own plural categories, and a page rendered in German says nothing of the engine's
in English.

After changing any of the engine's words: ``python -m generator.locale.refresh``, translate, and
regenerate the German golden if it changed on purpose: ``LEAP_UPDATE_GOLDEN=1 pytest tests/test_locale.py``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

import generator.locale as locale_package
from generator.content.check import check
from generator.locale import SHIPPED, catalog, script_catalog, script_messages, translations
from generator.locale import _plural_forms as plural_forms
from generator.locale.refresh import LOCALE, TEMPLATE, extract
from generator.pages.render import render_pages
from generator.pages.templating import make_environment
from generator.site.bundled import SCRIPTS, missing_in_order
from generator.wiki.export import wiki_pages
from tests.conftest import MINI, ROOT

# The catalogs that must be complete: every message translated, none fuzzy. (fr, es and ar are
# shipped empty for translators to fill; add each here once it is.)
COMPLETE = SHIPPED
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
GOLDEN = Path(__file__).parent / "golden" / "mini-de"
# German pages of the mini fixture kept as goldens: worksheets, the journal, the programme, home.
GOLDEN_PAGES = (
    "worksheets/traits/clarity.md",
    "worksheets/development-plan.md",
    "journal.md",
    "programme.md",
    "index.md",
)


def _ids(found: Catalog) -> set[object]:
    return {(message.context, message.id) for message in found if message.id}


def _template() -> Catalog:
    with TEMPLATE.open("rb") as pot:
        return read_po(pot)


def test_the_template_holds_every_message_of_the_code() -> None:
    """messages.pot is what extraction finds now: run ``python -m generator.locale.refresh``."""
    extracted, template = _ids(extract(ROOT)), _ids(_template())
    assert extracted - template == set(), "new messages: python -m generator.locale.refresh"
    assert template - extracted == set(), "messages gone from the code: python -m generator.locale.refresh"


@pytest.mark.parametrize("language", SHIPPED)
def test_each_shipped_catalog_is_up_to_date_with_the_template(language: str) -> None:
    found = catalog(language)
    assert found is not None
    assert _ids(found) == _ids(_template()), "python -m generator.locale.refresh"


def _names(message: Message) -> set[str]:
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    return {name for text in ids for name in PLACEHOLDER.findall(text)}


def _documented(message: Message) -> set[str]:
    """Placeholders a translator comment names: the alternatives a translation may use instead."""
    return {name for comment in message.auto_comments for name in PLACEHOLDER.findall(comment)}


@pytest.mark.parametrize("language", COMPLETE)
def test_a_complete_catalog_translates_every_message_and_keeps_its_placeholders(language: str) -> None:
    found = catalog(language)
    assert found is not None
    problems = []
    for message in found:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(f"untranslated or fuzzy: {message.id!r}")
            continue
        if isinstance(message.id, tuple) and len(strings) != found.num_plurals:
            problems.append(f"{len(strings)} plural forms, not {found.num_plurals}: {message.id!r}")
        wanted, allowed = _names(message), _names(message) | _documented(message)
        for string in strings:
            used = set(PLACEHOLDER.findall(string))
            if used - allowed:
                problems.append(f"unknown placeholder {sorted(used - allowed)} in {string!r}")
            # A plural form may leave out the count (German "jede Woche" for one week).
            lost = wanted - used - _documented(message) - ({"num", "n"} if isinstance(message.id, tuple) else set())
            if lost:
                problems.append(f"placeholder {sorted(lost)} dropped from {string!r}")
            if string.count("](") != (message.id[0] if isinstance(message.id, tuple) else message.id).count("]("):
                problems.append(f"a Markdown link lost or added in {string!r}")
    assert problems == []


def test_translations_compile_in_memory() -> None:
    german = translations("de")
    assert german.gettext("Print a blank copy") == "Leere Vorlage drucken"
    assert german.ngettext("%(num)s page", "%(num)s pages", 1) % {"num": 1} == "1 Seite"
    assert german.ngettext("%(num)s page", "%(num)s pages", 3) % {"num": 3} == "3 Seiten"
    assert translations("de-CH").gettext("Print a blank copy") == "Leere Vorlage drucken"  # the base language's
    assert translations("en").gettext("Print a blank copy") == "Print a blank copy"
    assert translations("fr").gettext("Print a blank copy") == "Imprimer une copie vierge"
    assert translations("ar").ngettext("%(num)s page", "%(num)s pages", 2) % {"num": 2} == "صفحتان"
    assert not list(LOCALE.rglob("*.mo")), "catalogs are compiled in memory; no .mo is kept"


def test_a_fuzzy_or_empty_translation_shows_the_english(monkeypatch: pytest.MonkeyPatch) -> None:
    found = Catalog(locale="de")
    found.add("Print a blank copy", "Leere Vorlage", flags=["fuzzy"])
    found.add("Clear my answers", "")
    found.add("Print with my answers", "Mit meinen Antworten drucken")
    monkeypatch.setattr(locale_package, "catalog", lambda language: found)
    compiled = translations.__wrapped__("de")
    assert compiled.gettext("Print a blank copy") == "Print a blank copy"
    assert compiled.gettext("Clear my answers") == "Clear my answers"
    assert compiled.gettext("Print with my answers") == "Mit meinen Antworten drucken"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", {"one": 0, "other": 1}),
        ("fr", {"one": 0, "many": 1, "other": 2}),
        ("ar", {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 4, "other": 5}),
    ],
)
def test_each_plural_category_of_the_browser_takes_the_catalogs_form(language: str, expected: dict[str, int]) -> None:
    found = catalog(language)
    assert found is not None
    assert plural_forms(found, Locale.parse(language)) == expected


def test_the_scripts_catalog_holds_their_messages_with_plural_forms_by_category() -> None:
    german = script_messages("de")
    assert german["language"] == "de"
    assert german["messages"]["Clear every answer on this worksheet? This cannot be undone."].startswith(
        "Alle Antworten"
    )
    assert german["plurals"]["%(n)s day ago"] == {"one": "vor %(n)s Tag", "other": "vor %(n)s Tagen"}
    assert "The idea in brief" not in german["messages"]  # a template's message stays out of the scripts' catalog
    assert script_messages("en") == {"language": "en", "messages": {}, "plurals": {}}
    text = script_catalog("de")
    assert text.startswith("/*") and "window.leapMessages = " in text and "</" not in text
    json.loads(text.split("window.leapMessages = ", 1)[1].rstrip().rstrip(";"))


def test_the_environment_is_one_per_language() -> None:
    assert make_environment("de") is make_environment("de")
    assert make_environment("de") is not make_environment("en")


def _mini_in(language: str) -> dict[str, str]:
    checked = check(MINI, strict=True)
    return render_pages(checked.content, checked.graph, language=language)


@pytest.mark.parametrize("page", GOLDEN_PAGES)
def test_pages_rendered_in_german_match_their_goldens(page: str) -> None:
    """The mini fixture's content is English; the engine's words around it are German."""
    text, golden = _mini_in("de")[page], GOLDEN / page
    if os.environ.get("LEAP_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"{page}: LEAP_UPDATE_GOLDEN=1 to accept"


def english_fragments(language: str) -> list[str]:
    """The engine's English sentences (the words of each message between its placeholders and
    Markdown, three words or more) that the language's catalog does not say the same way."""
    found = catalog(language)
    assert found is not None
    fragments = set()
    for message in found:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in ids:
            for part in re.split(r"%\(\w+\)s|\]\([^)]*\)|[\[\]*{}“”\"\n]", text):
                part = part.strip(" .,:;()–—-")
                if len(part.split()) >= 3 and not any(part in string for string in strings):
                    fragments.add(part)
    return sorted(fragments)


def test_the_shipped_guide_in_german_says_none_of_the_engines_words_in_english() -> None:
    """Every page of the shipped guide's German site, as Markdown, against every English sentence
    of the catalog. The editing guide (for authors) is not translated yet."""
    checked = check(ROOT / "content", language="de")
    pages = render_pages(checked.content, checked.graph, language="de")
    fragments = english_fragments("de")
    found = {
        (path, fragment)
        for path, text in pages.items()
        if path.endswith(".md") and path != "editing.md"
        for fragment in fragments
        if fragment in " ".join(text.split())
    }
    assert found == set()


@pytest.mark.parametrize("flavor", ["gitlab", "mediawiki"])
def test_the_wiki_export_in_german_says_none_of_the_engines_words_in_english(flavor: str) -> None:
    """`leap export wiki --lang de`: every page of the shipped guide's export, in both syntaxes."""
    checked = check(ROOT / "content", language="de")
    pages = wiki_pages(checked.graph, flavor, language="de")
    fragments = english_fragments("de")
    found = {
        (path, fragment)
        for path, text in pages.items()
        if not path.endswith(".xml")
        for fragment in fragments
        if fragment in " ".join(text.split())
    }
    assert found == set()
    assert any("Arbeitsblatt" in text for text in pages.values())


def test_a_mkdocs_yml_written_before_the_catalogs_gets_them_before_the_scripts_that_use_them() -> None:
    older = [path for path in SCRIPTS if not path.endswith(("messages.js", "i18n.js"))]
    listed = ["assets/own.js", *older]
    for at, path in missing_in_order(listed, SCRIPTS):
        listed.insert(at, path)
    assert listed == ["assets/own.js", *SCRIPTS]
    assert missing_in_order(list(SCRIPTS), SCRIPTS) == []
