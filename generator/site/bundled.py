"""The engine's own stylesheet, scripts and vendored search shim, shipped inside the package
(``generator/assets/``) and published with every site under ``assets/leap/``.

They are generated files like the pages: handed to MkDocs from memory, and written into
docs/assets/leap/ for tools that run no plugins. The leap plugin also adds them to the site's
``extra_css``, ``extra_javascript`` and ``extra.polyfills`` when mkdocs.yml does not list them.
"""

from __future__ import annotations

import functools
from importlib import resources

FOLDER = "assets/leap"
STYLESHEETS = (f"{FOLDER}/leap.css", f"{FOLDER}/print.css")
# In the order the pages load them: the page scripts' messages in the site's language (generated
# per language, see generator.locale) and the helper that reads them, then the store, since the
# others use them.
SCRIPTS = tuple(
    f"{FOLDER}/{name}"
    for name in (
        "messages.js",
        "i18n.js",
        "store.js",
        "worksheets.js",
        "plan.js",
        "assessment.js",
        "journal.js",
        "due.js",
        "levels.js",
        "languages.js",
        "a11y.js",
        "tooltips.js",
    )
)
POLYFILLS = (f"{FOLDER}/vendor/iframe-worker/shim.js",)


def missing_in_order(listed: list[str], wanted: tuple[str, ...]) -> list[tuple[int, str]]:
    """Where each of ``wanted`` that ``listed`` lacks goes, so that the engine's files keep their
    order among those listed (a mkdocs.yml written before a script was added lists the others):
    ``(index in listed, path)``, to insert in turn."""
    order = list(listed)
    inserts = []
    for number, path in enumerate(wanted):
        if path in order:
            continue
        later = [order.index(other) for other in wanted[number + 1 :] if other in order]
        at = min(later) if later else len(order)
        order.insert(at, path)
        inserts.append((at, path))
    return inserts


@functools.cache
def bundled_files() -> dict[str, str]:
    """``{path under docs/: text}`` of every bundled asset."""
    root = resources.files("generator.site") / "assets"
    found: dict[str, str] = {}

    def walk(folder: object, prefix: str) -> None:
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):  # type: ignore[attr-defined]
            if entry.is_dir():
                walk(entry, f"{prefix}{entry.name}/")
            else:
                found[f"{FOLDER}/{prefix}{entry.name}"] = entry.read_text(encoding="utf-8")

    walk(root, "")
    return found
