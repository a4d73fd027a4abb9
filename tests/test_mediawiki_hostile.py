"""Every field type's hostile content, exported for MediaWiki, imported into Debian's MediaWiki and
read back: templates, parser functions, ``#invoke``, ``<html>``, ``<script>``, ``<nowiki>``
breakouts, file, category and special-page links, magic words, signatures, external links, rules,
list, indent and definition marks and table syntax at the start of a line all show as text: no
template runs, no category, file or special page is linked, no magic word takes, no address is
linked.

The content is the mini fixture with hostile text in every field type of an item (line, markdown,
lines, prompts, scale, levels, action, tags as categories), in the framework's words (kind names,
headings, relation labels, worksheet titles, columns, questions, periods and goals), the guide's
and the programme's, and in a page written by hand."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.wiki.mediawiki import title_of
from tests.conftest import MINI, make_project, run_leap
from tests.test_mediawiki import SAFE_ELEMENTS, elements, tags
from tests.wikiengine import Wiki, import_dump, mediawiki

pytestmark = pytest.mark.slow

PAYLOAD = (
    "{{Tpl}} {{#if:1|IF-RAN}} {{#invoke:Mod|f}} <html><i>h</i></html> <script>alert(1)</script> "
    "</nowiki><nowiki> [[File:Pwned.png]] [[Category:Pwned]] [[Special:UserLogout]] [[Media:Pwned.png]] "
    "__NOTOC__ __NOINDEX__ ~~~~ {{PAGENAME}} [http://evil.example ext] ---- {| |} -{ x }-"
)
# What each line of a value starts with: each means something at the start of a wikitext line.
STARTS = ["*", "#", ":", ";", "{|", "----", "=", "|}", "!", " ", "__NOTOC__", "{{Tpl}}", "[[Category:Pwned]]"]
SHORT = "{{Tpl}} [[Category:Pwned]] __NOTOC__ ~~~~"  # for names, which must stay short and apart


def line(n: int) -> str:
    """A one-line field's value. (A Markdown field gets :func:`markdown`: there a line that starts
    with ``#`` is a heading by design, on the site as on the wiki.)"""
    return f"{STARTS[n % len(STARTS)]} {PAYLOAD}"


# A link whose address holds what wikitext reads even there: magic words (MediaWiki takes them out
# of the address and sets them on the page) and a signature (which pasting the page's text into the
# wiki's editor would sign).
LINK = "[an address](https://example.org/__NOINDEX__/__NOTOC__/~~~~/{{x}}/a''b/)"


def markdown(n: int) -> str:
    """A Markdown text whose paragraphs start with each mark, written so that Markdown itself
    shows them as written (its own escapes), with the payload in each, and a link."""
    escaped = PAYLOAD.replace("__", "\\_\\_")
    paragraphs = [LINK]
    for start in STARTS[n:] + STARTS[:n]:
        mark = {"*": "\\*", "#": "\\#", "----": "\\----", "=": "\\=", "__NOTOC__": "\\_\\_NOTOC\\_\\_", " ": ""}
        paragraphs.append(f"{mark.get(start, start)} {escaped}")
    return "\n\n".join(paragraphs)


def shown_markdown(n: int) -> list[str]:
    return [" ".join(f"{'' if s == ' ' else s} {PAYLOAD}".split()) for s in STARTS[n:] + STARTS[:n]]


def words(text: str) -> str:
    return " ".join(text.split())


def hostile_content(where: Path) -> dict[str, list[str]]:
    """Write the hostile content into ``where`` (a copy of the mini fixture); returns, by item
    id, the texts its page must show as written."""
    count = iter(range(1000))
    expected: dict[str, list[str]] = {}

    def edit(path: Path, change: Any) -> None:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")

    def framework(data: dict[str, Any]) -> None:
        data["levels"] = [
            {"id": "one", "title": f"One {SHORT}", "summary": line(next(count))},
            {"id": "two", "title": f"Two {SHORT}", "summary": line(next(count))},
        ]
        for kind in data["kinds"]:
            kind["intro"] = markdown(next(count))
            kind["singular"] = f"{kind['singular']} {SHORT}"
            kind["plural"] = f"{kind['plural']} {SHORT}"
            if kind.get("rating_question"):
                kind["rating_question"] = line(next(count))
            for spec in kind["fields"]:
                if spec.get("heading"):
                    spec["heading"] = f"{spec['heading']} {SHORT}"
            if kind["id"] == "trait":
                kind["fields"].insert(
                    4, {"name": "grid", "type": "levels", "heading": f"Grid {SHORT}", "worksheet": True}
                )
        for relation in data["relations"]:
            relation["label"] = f"{relation['label']} {SHORT}"
            relation["inverse"] = f"{relation['inverse']} {SHORT}"
        for matrix in data["matrices"]:
            matrix["title"] = f"Matrix {SHORT}"
            matrix["intro"] = markdown(next(count))
        for sheet in data["worksheets"]:
            sheet["title"] = f"{sheet['title']} {SHORT}"
            sheet["intro"] = markdown(next(count))
            if "columns" in sheet:
                sheet["columns"] = [line(next(count)) for _ in sheet["columns"]]
            if "questions" in sheet:
                sheet["questions"] = [line(next(count)), line(next(count))]
            if "goal" in sheet:
                sheet["goal"] = line(next(count))
            for period in sheet.get("periods", []):
                period["title"] = f"{period['title']} {SHORT}"
                period["focus"] = line(next(count))

    def guide(data: dict[str, Any]) -> None:
        data["tagline"] = line(next(count))
        data["audience"] = markdown(next(count))
        data["home"] = [{"heading": f"Heading {SHORT}", "text": markdown(next(count))}]
        data["note"] = {"title": f"Note {SHORT}", "text": markdown(next(count))}
        data["suggested_path"][0]["why"] = line(next(count))
        data["next_step"] = {**data["next_step"], "intro": line(next(count)), "closing": markdown(next(count))}
        data["sources"] = [markdown(next(count)), markdown(next(count))]
        data["action_modes"] = [{"id": "experience", "title": f"Experience {SHORT}"}]

    def programme(data: dict[str, Any]) -> None:
        data["title"] = f"Programme {SHORT}"
        data["intro"] = markdown(next(count))
        for week in data["weeks"]:
            week["title"] = f"{week['title']} {SHORT}"
            week["focus"] = line(next(count))
        data["facilitator"] = markdown(next(count))
        for session in data["sessions"]:
            session["title"] = f"{session['title']} {SHORT}"
            for part in session["agenda"]:
                part["what"] = line(next(count))
                if "question" in part:
                    part["question"] = line(next(count))
            if "questions" in session:
                session["questions"] = [line(next(count))]
            session["prework"] = [line(next(count))]
            session["pairs"] = markdown(next(count))

    def clarity(data: dict[str, Any]) -> None:
        data["title"] = f"Clarity {SHORT}"
        data["summary"] = line(next(count))
        n = next(count)
        data["body"] = markdown(n)
        data["practices"] = [line(next(count)), line(next(count))]
        data["grid"] = {"one": line(next(count)), "two": line(next(count))}
        data["anchors"] = {"low": line(next(count)), "middle": line(next(count)), "high": line(next(count))}
        data["prompts"] = [line(next(count)) for _ in range(3)]
        data["try_this"] = {
            "do": markdown(next(count)),
            "time": line(next(count)),
            "sign": line(next(count)),
            "debrief": line(next(count)),
            "mode": "experience",
            "minutes": 15,
        }
        data["tags"] = ["strategy", "pwned-category"]
        expected["clarity"] = [
            data["summary"],
            *shown_markdown(n),
            *data["practices"],
            *data["grid"].values(),
            *data["anchors"].values(),
            *data["prompts"],
            data["try_this"]["time"],
            data["try_this"]["sign"],
            data["try_this"]["debrief"],
        ]

    def hiding(data: dict[str, Any]) -> None:
        data["sounds_like"] = line(next(count))
        data["way_through"] = markdown(next(count))
        data["try_this"] = {**data["try_this"], "do": line(next(count))}
        expected["hiding"] = [data["sounds_like"], data["summary"]]

    def zoom_out(data: dict[str, Any]) -> None:
        data["from"] = line(next(count))
        data["to"] = line(next(count))
        expected["zoom-out"] = [data["from"], data["to"]]

    edit(where / "framework.yaml", framework)
    edit(where / "guide.yaml", guide)
    edit(where / "programme.yaml", programme)
    edit(where / "traits" / "clarity.yaml", clarity)
    edit(where / "barriers" / "hiding.yaml", hiding)
    edit(where / "shifts" / "zoom-out.yaml", zoom_out)
    return expected


NONCHARACTERS = "Noncharacters, which XML cannot hold: \ufffe and \uffff."
HAND = "---\ntitle: Team notes\n---\n\n" + markdown(3) + "\n\n" + NONCHARACTERS + "\n"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Wiki, Path, dict[str, list[str]]]]:
    where = tmp_path_factory.mktemp("hostile-mediawiki")
    config = make_project(where / "project", MINI)
    expected = hostile_content(where / "project" / "content")
    (where / "project" / "docs" / "notes.md").write_text(HAND, encoding="utf-8")
    check = run_leap("check", "--strict", "--content", "content", cwd=where / "project")
    assert check.returncode == 0, check.stdout + check.stderr
    result = run_leap(
        "export", "wiki", "--flavor", "mediawiki", "--out", "wiki", "-f", str(config), cwd=where / "project"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    export = where / "project" / "wiki"
    with mediawiki(where / "engine") as wiki:
        import_dump(wiki, export / "import.xml")
        yield wiki, export, expected


def parsed(wiki: Wiki, title: str) -> Any:
    return wiki.api(
        action="parse",
        page=title,
        prop="text|links|externallinks|categories|templates|properties|images|iwlinks|langlinks",
        disablelimitreport="1",
    )["parse"]


def shown(html: str) -> str:
    return words(unescape(re.sub(r"<[^>]+>", " ", html)))


def test_every_page_shows_hostile_text_as_text_and_links_nothing_it_names(  # type: ignore[no-untyped-def]
    imported,
) -> None:
    wiki, export, _ = imported
    titles = sorted(title_of(p.relative_to(export).as_posix()) for p in export.rglob("*.wiki"))
    assert len(titles) > 30
    problems: list[str] = []
    for title in titles:
        page = parsed(wiki, title)
        html = page["text"]
        text = shown(html)
        if page["templates"]:
            problems.append(f"{title}: templates {page['templates']}")
        if page["properties"]:
            problems.append(f"{title}: magic words {page['properties']}")
        if page["images"]:
            problems.append(f"{title}: files {page['images']}")
        if page["iwlinks"] or page["langlinks"]:
            problems.append(f"{title}: interwiki {page['iwlinks']} {page['langlinks']}")
        if "evil" in " ".join(page["externallinks"]):
            problems.append(f"{title}: external links {page['externallinks']}")
        named = [
            link["title"]
            for link in page["links"]
            if re.match(r"(Special|File|Media|Category|Template):", link["title"])
        ]
        if named:
            problems.append(f"{title}: links {named}")
        categories = [c["category"] for c in page["categories"]]
        if "Pwned" in categories:  # [[Category:Pwned]] took (a kind's or a tag's name is a category by design)
            problems.append(f"{title}: categories {categories}")
        if not elements(html) <= SAFE_ELEMENTS:
            problems.append(f"{title}: elements {elements(html) - SAFE_ELEMENTS}")
        if [(t, n) for t, attrs in tags(html) for n, v in attrs if n.startswith("on") or "javascript" in (v or "")]:
            problems.append(f"{title}: an event handler or script address")
        if text.count("IF-RAN") != text.count("{{#if:1|IF-RAN}}"):
            problems.append(f"{title}: a parser function ran")
        for ran in ("Script error", "Lua error", "Template:Tpl", "Pwned.png"):
            if ran in html and ran not in PAYLOAD:
                problems.append(f"{title}: {ran}")
        if text.count("~~~~") < text.count("{{PAGENAME}}"):
            problems.append(f"{title}: a signature was made")
    assert problems == [], "\n".join(problems)


def test_every_field_types_hostile_value_reads_as_written(imported) -> None:  # type: ignore[no-untyped-def]
    wiki, export, expected = imported
    pages = {title_of(p.relative_to(export).as_posix()) for p in export.rglob("*.wiki")}
    missing: list[str] = []
    for item, texts in expected.items():
        matches = [t for t in pages if t.lower().startswith(item.replace("-", " ")) and not t.startswith("Worksheet")]
        assert len(matches) == 1, (item, sorted(pages))
        text = shown(parsed(wiki, matches[0])["text"])
        missing += [f"{matches[0]}: {words(value)[:60]}" for value in texts if words(value) not in text]
    assert missing == []


def test_worksheets_and_guide_pages_read_as_written(imported) -> None:  # type: ignore[no-untyped-def]
    wiki, export, _ = imported
    pages = sorted(title_of(p.relative_to(export).as_posix()) for p in export.rglob("*.wiki"))
    sheets = [t for t in pages if t.startswith("Worksheet") or "plan" in t.lower() or "map" in t.lower()]
    assert sheets
    count = 0
    for title in [*sheets, "Team notes"]:
        text = shown(parsed(wiki, title)["text"])
        count += text.count(PAYLOAD)
    assert NONCHARACTERS.replace("\ufffe", "\ufffd").replace("\uffff", "\ufffd") in text
    assert count > 20  # every column, question, goal, period and prompt, as written


def test_categories_are_only_the_sections_the_tags_and_the_worksheets(imported) -> None:  # type: ignore[no-untyped-def]
    wiki, _, _ = imported
    categories = set(wiki.titles(14))
    assert "Category:Pwned" not in categories
    assert "Category:Pwned category" in categories  # a tag is a category by design, its name as text
    assert all("{" not in name and "[" not in name and "__" not in name for name in categories), categories


def test_pasted_into_the_editor_the_pages_sign_and_substitute_nothing(imported) -> None:  # type: ignore[no-untyped-def]
    """Each ``.wiki`` file, saved through the wiki's editor (the pre-save transform: signatures,
    ``subst:``): no signature is made and no template is substituted, in text or in an address."""
    wiki, export, _ = imported
    problems = []
    for file in sorted(export.rglob("*.wiki")):
        page = wiki.api(
            post=True,
            action="parse",
            text=file.read_text(encoding="utf-8"),
            pst="1",
            contentmodel="wikitext",
            title="Pasted",
            prop="text|links|templates|properties|externallinks",
            disablelimitreport="1",
        )["parse"]
        signed = re.findall(r"Special:Contributions|User:|User_talk:|User talk:", page["text"])  # a signature
        if signed or page["templates"] or page["properties"]:
            problems.append(f"{file.name}: {signed} {page['templates']} {page['properties']}")
        if "evil" in " ".join(page["externallinks"]):
            problems.append(f"{file.name}: {page['externallinks']}")
    assert problems == []
