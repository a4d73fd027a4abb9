"""A guide in more than one language, from one content folder: every text of the content goes to
translators as a gettext catalog (ids, names of kinds and fields, modes never do), a translation
replaces its text and keeps the id a question's source words give it, and `leap check` says what
is translated and what is out of date, at the line of the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from generator.content.check import check
from generator.content.load import load_content
from generator.content.translate import texts
from generator.errors import ContentError
from generator.pages.render import render_pages
from tests.conftest import run_leap


def _translated_into(content: Path, language: str = "de") -> Path:
    guide = content / "guide.yaml"
    guide.write_text(guide.read_text(encoding="utf-8") + f"translations: [{language}]\n", encoding="utf-8")
    return content


def _fill(po: Path, translations: dict[str, str]) -> None:
    """Translate the messages of these contexts, as a translator's tool would."""
    with po.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.context in translations:
            message.string = translations[message.context]
    with po.open("wb") as handle:
        write_po(handle, catalog, width=100)


def test_every_text_and_no_id_goes_to_translators(mini: Path) -> None:
    checked = check(mini)
    docs, _ = load_content(mini)
    found = {text.context: text.text for text in texts(docs, checked.content.framework)}
    assert found["traits/clarity.yaml: title"] == "Clarity"
    assert found["traits/clarity.yaml: prompts.0"] == "Is it written down?"
    assert found["traits/clarity.yaml: try_this"] == "Write one page."
    assert found["traits/clarity.yaml: anchors.low"] == "Rarely."
    assert found["guide.yaml: title"] == "Mini Guide"
    assert "framework.yaml: kinds.trait.plural" in found
    assert found["framework.yaml: kinds.trait.singular"] == "trait"  # a name readers see, not the kind's id
    names = {"id", "folder", "type", "kind", "mode", "relation", "source", "target", "field", "name", "role", "place"}
    names |= {"rate", "tick", "recommend", "reflect", "plan", "by", "item", "worksheet", "tags", "undermines"}
    offered = {context.rsplit(".", 1)[-1].split(": ")[-1] for context in found}
    assert not offered & names, "an id or a setting was offered for translation"
    assert not [text for text in found.values() if text in ("experience", "markdown", "line", "lines", "prompts")]


def test_a_translation_replaces_its_text_and_a_question_keeps_its_id(mini: Path) -> None:
    _translated_into(mini)
    result = run_leap("translate", "update", "--content", str(mini), cwd=mini.parent)
    assert result.returncode == 0, result.stderr
    assert "content/locale/de.po" in result.stdout.replace(str(mini.parent) + "/", "")
    _fill(
        mini / "locale" / "de.po",
        {
            "traits/clarity.yaml: title": "Klarheit",
            "traits/clarity.yaml: prompts.0": "Ist es aufgeschrieben?",
            "traits/clarity.yaml: summary": "Sag, wohin ihr geht.",
        },
    )
    source, german = check(mini), check(mini, language="de")
    english, deutsch = source.content.by_id["clarity"], german.content.by_id["clarity"]
    assert (deutsch.title, deutsch.summary) == ("Klarheit", "Sag, wohin ihr geht.")
    assert english.title == "Clarity" and german.language == "de" and source.language == "en"
    prompts = deutsch.fields["prompts"]
    assert prompts[0].text == "Ist es aufgeschrieben?"
    assert [p.id for p in prompts] == [p.id for p in english.fields["prompts"]]  # answers follow the reader
    assert prompts[1].text == "Who has heard it?"  # untranslated: the source text


def test_check_reports_coverage_and_each_stale_translation_at_its_line(mini: Path) -> None:
    _translated_into(mini)
    assert run_leap("translate", "update", "--content", str(mini), cwd=mini.parent).returncode == 0
    _fill(mini / "locale" / "de.po", {"traits/clarity.yaml: title": "Klarheit"})
    result = run_leap("check", "--content", str(mini), cwd=mini.parent)
    assert result.returncode == 0, result.stderr
    assert "de.po: 1% translated (1 of" in result.stdout
    clarity = mini / "traits" / "clarity.yaml"
    clarity.write_text(clarity.read_text(encoding="utf-8").replace("title: Clarity", "title: Clear direction"))
    result = run_leap("check", "--content", str(mini), cwd=mini.parent)
    assert result.returncode == 0
    assert "traits/clarity.yaml:2: warning: the translation into 'de' was made for other words" in result.stderr
    assert "0 to review" not in result.stdout
    strict = run_leap("check", "--strict", "--content", str(mini), cwd=mini.parent)
    assert strict.returncode == 1 and "traits/clarity.yaml:2:" in strict.stderr
    assert run_leap("translate", "update", "--content", str(mini), cwd=mini.parent).returncode == 0
    german = check(mini, language="de")
    assert german.content.by_id["clarity"].title == "Clear direction"  # marked for review: not used yet


def test_a_translation_that_breaks_its_texts_limits_is_left_out_with_its_line(mini: Path) -> None:
    _translated_into(mini)
    assert run_leap("translate", "update", "--content", str(mini), cwd=mini.parent).returncode == 0
    _fill(mini / "locale" / "de.po", {"traits/clarity.yaml: title": "Klar-\nheit"})
    german = check(mini, language="de")
    assert german.content.by_id["clarity"].title == "Clarity"
    warned = [str(p) for p in german.warnings if "de.po" in p.path]
    assert len(warned) == 1 and "breaks the limits of its text" in warned[0] and ":1:" not in warned[0]


def test_languages_are_checked(mini: Path) -> None:
    guide = mini / "guide.yaml"
    guide.write_text(guide.read_text(encoding="utf-8") + "language: en\ntranslations: [de, xx, en]\n")
    with pytest.raises(ContentError) as caught:
        check(mini)
    text = str(caught.value)
    assert "guide.yaml:21: 'translations': 'xx' is not a language leap knows" in text
    assert "guide.yaml:21: 'translations': 'en' is named twice" in text


def test_a_language_the_guide_is_not_in_is_an_error(mini: Path) -> None:
    with pytest.raises(ContentError, match="not translated into 'fr'"):
        check(mini, language="fr")


def test_a_language_the_engine_has_no_catalog_for_is_a_warning_at_its_line(mini: Path) -> None:
    _translated_into(mini, "it")
    assert run_leap("translate", "update", "--content", str(mini), cwd=mini.parent).returncode == 0
    result = run_leap("check", "--content", str(mini), cwd=mini.parent)
    assert result.returncode == 0, result.stderr
    line = (mini / "guide.yaml").read_text(encoding="utf-8").splitlines().index("translations: [it]") + 1
    assert f"guide.yaml:{line}: warning: the engine has no catalog for 'it'" in result.stderr
    assert "'de'" not in result.stderr  # German has one
    assert run_leap("check", "--strict", "--content", str(mini), cwd=mini.parent).returncode == 1


def test_tags_show_by_their_titles_and_translate(mini: Path) -> None:
    """A tag the guide names shows by its title (the theme's tags, the wiki's categories), which
    translators translate like any text; one it does not name shows as items write it."""
    guide = mini / "guide.yaml"
    guide.write_text(
        guide.read_text(encoding="utf-8") + "tags:\n  - {id: visibility, title: Being seen}\n", encoding="utf-8"
    )
    checked = check(mini)
    assert checked.content.guide.tag_name("visibility") == "Being seen"
    assert checked.content.guide.tag_name("strategy") == "strategy"
    pages = render_pages(checked.content, checked.graph)
    hiding = next(text for path, text in pages.items() if path.endswith("hiding.md") and "worksheets" not in path)
    assert 'tags:\n  - "Being seen"\n' in hiding
    docs, _ = load_content(mini)
    found = [
        text for text in texts(docs, checked.content.framework) if text.context == "guide.yaml: tags.visibility.title"
    ]
    line = guide.read_text(encoding="utf-8").splitlines().index("  - {id: visibility, title: Being seen}") + 1
    assert [(text.text, text.line) for text in found] == [("Being seen", line)]
    wiki = run_leap("export", "wiki", "--flavor", "mediawiki", "--content", str(mini), "--out", "wiki", cwd=mini.parent)
    assert wiki.returncode == 0, wiki.stderr
    assert "[[Category:Being seen]]" in (mini.parent / "wiki" / "Hiding.wiki").read_text(encoding="utf-8")


def test_tag_titles_are_checked(mini: Path) -> None:
    guide = mini / "guide.yaml"
    lines = guide.read_text(encoding="utf-8").splitlines()
    guide.write_text(
        "\n".join(
            [
                *lines,
                "tags:",
                "  - {id: visibilty, title: Seen}",
                "  - {id: strategy, title: A}",
                "  - {id: strategy, title: B}",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        check(mini)
    text = str(caught.value)
    n = len(lines)
    assert f"guide.yaml:{n + 2}: warning: 'tags': no item has the tag 'visibilty' (did you mean 'visibility'?)" in text
    assert f"guide.yaml:{n + 4}: 'tags': 'strategy' is named twice" in text
