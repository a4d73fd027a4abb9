"""Refresh the engine's catalogs from the code: ``python -m generator.locale.refresh``.

Extracts every message of the engine (the Python code, the templates and the page scripts, as
``babel.cfg`` at the repository's root maps them) into ``generator/locale/messages.pot``, then
merges it into each language's ``<language>/LC_MESSAGES/messages.po`` (creating those of
:data:`~generator.locale.SHIPPED` that do not exist yet, empty, for translators to fill). A new
message arrives untranslated; one whose words changed a little arrives fuzzy, with its old
translation to edit. Files are rewritten only when a message or its place changed.

Run it from a checkout (it reads the sources), after changing any of the engine's words, and
commit the catalogs; ``tests/test_locale.py`` fails while they are out of date.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from . import DOMAIN, SHIPPED, folder_of

ROOT = Path(__file__).resolve().parents[2]
LOCALE = Path(__file__).resolve().parent
TEMPLATE = LOCALE / f"{DOMAIN}.pot"
COMMENT_TAGS = ("Translators:",)
PROJECT = "leadership-leap"


def extract(root: Path = ROOT) -> Catalog:
    """Every message of the engine's sources, with its places and its translator comments."""
    with (root / "babel.cfg").open(encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping, str(root / "babel.cfg"))  # type: ignore[no-untyped-call]
    catalog = Catalog(project=PROJECT, msgid_bugs_address="", charset="utf-8", fuzzy=False)
    for path, line, message, comments, context in extract_from_dir(
        str(root), method_map, options_map, comment_tags=COMMENT_TAGS, strip_comment_tags=True
    ):
        catalog.add(message, None, [(path, line)], auto_comments=comments, context=context)
    return catalog


def text_of(catalog: Catalog) -> str:
    """A catalog as a .po file, without the date it was written (so an unchanged one stays unchanged)."""
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, include_previous=True, ignore_obsolete=True)
    return "\n".join(
        line for line in out.getvalue().decode("utf-8").splitlines() if not line.startswith('"POT-Creation-Date:')
    )


def _write(path: Path, catalog: Catalog) -> bool:
    old = path.read_text(encoding="utf-8") if path.exists() else None
    if old is not None and _without_dates(old) == text_of(catalog):
        return False
    out = io.BytesIO()
    write_po(out, catalog, width=100, include_previous=True, ignore_obsolete=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())
    return True


def _without_dates(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith('"POT-Creation-Date:'))


def languages() -> list[str]:
    """The languages with a catalog, and those the engine ships one for."""
    found = {entry.name for entry in LOCALE.iterdir() if (entry / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()}
    return sorted(found | {folder_of(language) for language in SHIPPED})


def refresh(root: Path = ROOT) -> list[str]:
    """Extract, and update every language's catalog; the files it changed."""
    template = extract(root)
    changed = [TEMPLATE.name] if _write(TEMPLATE, template) else []
    for language in languages():
        path = LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        if path.exists():
            with path.open("rb") as po:
                catalog = read_po(po, locale=language, domain=DOMAIN)
        else:
            catalog = Catalog(locale=language, domain=DOMAIN, project=PROJECT, charset="utf-8", fuzzy=False)
        catalog.update(template, update_header_comment=False)
        if _write(path, catalog):
            changed.append(str(path.relative_to(LOCALE)))
    return changed


def main() -> int:
    changed = refresh()
    for name in changed:
        print(f"updated generator/locale/{name}")
    if not changed:
        print("the catalogs are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
