"""The guide is written in its own words: no run of 8 or more consecutive words may match one of
the source articles in ../shared/seeds/, anywhere in the content, the engine (code and templates)
or the pages a build of the shipped content makes. A title the guide cites is allowed.

Text is compared as words only: lowercased, curly quotes straightened, punctuation and markup
dropped, so neither formatting nor a line break hides a copied sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from generator.content.check import check
from generator.pages.render import render
from tests.conftest import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 8  # the shortest run of shared words that counts as copying
# Where the second article's own text ends: after it come the blog's comment box, links and
# menu, which are page chrome, not part of the article.
CHROME_STARTS = re.compile(r"^\s*Comments\s*$", re.MULTILINE)
# Titles the guide cites, and may quote in full. The first article has no title: the seeds'
# README says to cite it in exactly these words, which share a run with its text.
FIRST_ARTICLE = (
    "an article with no title and no author in its text, on the traits and strategies that help middle "
    "managers break through to senior leadership"
)
CITED_TITLES = ("Strategic Career Transitions: Moving from Middle Management to Leadership", FIRST_ARTICLE)
QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
    }
)
WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
TEXT_SUFFIXES = {".py", ".j2", ".md", ".yaml", ".yml", ".json", ".js", ".css", ".csv", ".txt", ".html", ".toml", ""}


def words(text: str) -> list[str]:
    """The text as a list of words: lowercase, quotes straightened, everything else dropped."""
    return WORD.findall(text.translate(QUOTES).lower())


def article_text(path: Path) -> str:
    """An article's own text, without the page chrome after its comment box."""
    text = path.read_text(encoding="utf-8")
    found = CHROME_STARTS.search(text)
    return text[: found.start()] if found else text


def runs_of(sequence: list[str]) -> Iterator[tuple[str, ...]]:
    for start in range(len(sequence) - RUN + 1):
        yield tuple(sequence[start : start + RUN])


def without_titles(sequence: list[str]) -> list[list[str]]:
    """The words split at every cited title, which is left out: a run may not cross it."""
    titles = [words(title) for title in CITED_TITLES]
    pieces: list[list[str]] = [[]]
    start = 0
    while start < len(sequence):
        title = next((t for t in titles if sequence[start : start + len(t)] == t), None)
        if title:
            pieces.append([])
            start += len(title)
        else:
            pieces[-1].append(sequence[start])
            start += 1
    return pieces


def shared_runs(text: str, seed_runs: set[tuple[str, ...]]) -> list[str]:
    """Every stretch of the text, as long as it goes, made of runs the seeds share."""
    found: list[str] = []
    for piece in without_titles(words(text)):
        hits = [n for n, run in enumerate(runs_of(piece)) if run in seed_runs]
        spans: list[list[int]] = []
        for n in hits:
            if spans and n <= spans[-1][1]:
                spans[-1][1] = n + RUN
            else:
                spans.append([n, n + RUN])
        found += [" ".join(piece[start:end]) for start, end in spans]
    return found


def copied(texts: Iterable[tuple[str, str]], seed_runs: set[tuple[str, ...]]) -> str:
    """One line per copied stretch, naming its file: empty when nothing is copied."""
    return "\n".join(f"{name}: ...{run}..." for name, text in texts for run in shared_runs(text, seed_runs))


class Runs(set[tuple[str, ...]]):
    """The seeds' runs of words; short to print when a test fails."""

    def __repr__(self) -> str:
        return f"<{len(self)} runs of {RUN} words from the source articles>"


@pytest.fixture(scope="module")
def seed_runs() -> Runs:
    articles = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not articles:
        pytest.skip(f"the source articles are not here ({SEEDS}): nothing to compare the guide with")
    return Runs(run for path in articles for run in runs_of(words(article_text(path))))


def files_under(folder: Path) -> Iterator[tuple[str, str]]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix in TEXT_SUFFIXES:
            try:
                yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue


def test_the_check_finds_a_copied_sentence(seed_runs: set[tuple[str, ...]]) -> None:
    """The comparison itself: formatting does not hide a copy, a cited title is allowed, and
    seven shared words in a row are not a copy."""
    copy = "Directors need *strong* networks.\nManagers should build Relationships with senior"
    assert shared_runs(copy, seed_runs) == [
        "directors need strong networks managers should build relationships with senior"
    ]
    assert (
        shared_runs(
            "See \u201cStrategic Career Transitions: Moving from Middle Management to Leadership\u201d, Aug 7.",
            seed_runs,
        )
        == []
    )
    assert shared_runs("managers should build relationships with senior decision takers", seed_runs) == []


def test_the_first_article_is_cited_in_the_seeds_words_and_only_those(seed_runs: set[tuple[str, ...]]) -> None:
    """The citation as a whole is allowed; its words copied anywhere else are still a copy."""
    assert shared_runs(f"Sources: {FIRST_ARTICLE.capitalize()}: the ten traits.", seed_runs) == []
    assert shared_runs("We help middle managers break through to senior leadership roles.", seed_runs) != []


def test_the_content_is_in_our_own_words(seed_runs: set[tuple[str, ...]]) -> None:
    found = copied(files_under(ROOT / "content"), seed_runs)
    assert not found, "copied from the source articles:\n" + found


def test_the_engine_is_in_our_own_words(seed_runs: set[tuple[str, ...]]) -> None:
    found = copied(files_under(ROOT / "generator"), seed_runs)
    assert not found, "copied from the source articles:\n" + found


def test_the_built_pages_are_in_our_own_words(seed_runs: set[tuple[str, ...]]) -> None:
    pages = render(check(ROOT / "content")).pages
    found = copied(sorted(pages.items()), seed_runs)
    assert not found, "copied from the source articles:\n" + found
