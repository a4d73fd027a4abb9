"""Search that finds word forms: "delegate" finds a page that only says "delegating".

Material's search (lunr) matches what a reader types as the start of a word (it adds a trailing
wildcard to every term as they type), and a wildcard term skips lunr's stemmer, so turning the
stemmer on in Material's ``pipeline`` makes "delegating" find nothing: the index would hold only
"deleg". Instead, the build groups every word of the site by its stem, with the Snowball stemmer
of the site's language, and gives each entry of the search index a ``forms`` field: the other
forms of its words that the site uses. A search for "delegate" then matches "delegate" among the
forms of a page that says "delegating", and the page's own text is shown as before.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import snowballstemmer  # type: ignore[import-untyped]

FIELD = "forms"
BOOST = 0.5
"""A match on another form counts half a match on the word itself (lunr's field boost)."""

# Search languages (Material's, lunr's) by code, to Snowball's algorithms.
LANGUAGES = {
    "ar": "arabic",
    "da": "danish",
    "de": "german",
    "du": "dutch",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "it": "italian",
    "nl": "dutch",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
}
WORD = re.compile(r"[^\W\d_]{3,}")
TAG = re.compile(r"<[^>]*>")


def stemmer(language: str) -> Callable[[str], str] | None:
    """The Snowball stemmer of a language code (``en``, ``pt-BR``), or None for a language it lacks."""
    name = LANGUAGES.get(language.split("-")[0].lower())
    if name is None:
        return None
    stem: Callable[[str], str] = snowballstemmer.stemmer(name).stemWord
    return stem


def words(entry: dict[str, Any]) -> set[str]:
    """The words of an index entry's title and text, lowercase, markup left out."""
    text = TAG.sub(" ", f"{entry.get('title') or ''} {entry.get('text') or ''}")
    return {word.lower() for word in WORD.findall(html.unescape(text))}


def add_forms(entries: Iterable[dict[str, Any]], language: str) -> bool:
    """Give each entry its ``forms``: the site's other forms of its words, but for those another
    form begins with (a search for the start of a word finds every word that starts so, so
    "delegate" is reached through "delegated"). False when the language has no stemmer."""
    stem = stemmer(language)
    if stem is None:
        return False
    entries = list(entries)
    own = [words(entry) for entry in entries]
    stems: dict[str, str] = {}
    groups: dict[str, set[str]] = defaultdict(set)
    for found in own:
        for word in found:
            if word not in stems:
                stems[word] = stem(word)
                groups[stems[word]].add(word)
    # Each group's forms that no other form of it begins with: they reach every form of the group.
    ends = {
        key: {word for word in group if not any(o != word and o.startswith(word) for o in group)}
        for key, group in groups.items()
        if len(group) > 1
    }
    for entry, found in zip(entries, own, strict=True):
        entry.pop(FIELD, None)
        forms = {form for key in {stems[word] for word in found} for form in ends.get(key, ())} - found
        if forms:
            entry[FIELD] = " ".join(sorted(forms))
    return True
