"""Plain text escaped for the Git-backed wikis (GitLab, GitHub, Azure DevOps) reads as written when
rendered by cmark-gfm, GitHub's renderer, with its autolinks on and raw HTML let through (as a
wiki that does not sanitise would): no element, and no link but the ones GFM makes of an email."""

from __future__ import annotations

import random
import re
import subprocess
from html import unescape

from generator.wiki import gfm
from tests.wikiengine import require

ALPHABET = [*"ab1 -*_#:;=[](){}|!<>&'~/\\`.+"] + [
    "<img src=x onerror=alert(1)>",
    "<script>alert(2)</script>",
    "<a href=javascript:alert(3)>",
    "&lt;",
    "&#60;",
    "javascript:",
    "http://x.y",
    "HTTPS://x.y",
    "www.evil.example",
    "WWW.evil.example",
    "<!--",
    "![x](y)",
    "[x]: javascript:alert(4)",
    "1.",
    "***",
    "```",
    "a@b.example",
]


def rendered(texts: list[str]) -> list[str]:
    require("cmark-gfm")
    source = "\n\n".join(gfm.text(text) for text in texts)
    out = subprocess.run(
        ["cmark-gfm", "--unsafe", "-e", "table", "-e", "autolink", "-e", "strikethrough"],
        input=source,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    return re.findall(r"<p>(.*?)</p>", out, re.DOTALL)


def test_an_address_in_text_never_undoes_the_next_escape() -> None:
    texts = ["http://x.y<img src=x onerror=alert(1)>", "see www.evil.example<script>alert(2)</script>"]
    assert [unescape(p) for p in rendered(texts)] == texts


def test_any_text_reads_as_written_and_makes_no_element() -> None:
    pick = random.Random(26)
    texts = [" ".join("".join(pick.choice(ALPHABET) for _ in range(pick.randint(1, 20))).split()) for _ in range(3000)]
    texts = [text for text in texts if text]
    paragraphs = rendered(texts)
    assert len(paragraphs) == len(texts)
    wrong = []
    for text, html in zip(texts, paragraphs):
        links = re.findall(r'<a href="([^"]*)"', html)
        element = re.search(r"<(?!/?a[ >])", html)
        shown = unescape(re.sub(r"</?a[^>]*>", "", html))
        if element or shown != text or any(not href.startswith("mailto:") for href in links):
            wrong.append((text, html))
    assert wrong == []
