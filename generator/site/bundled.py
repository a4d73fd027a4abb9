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
