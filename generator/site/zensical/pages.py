"""What the adapter corrects in the pages Zensical writes, before they are published.

- **The canonical address.** Without a ``site_url``, Zensical still gives every page
  ``<link rel="canonical" href="/its/path/">``: an address from the root of whichever host serves
  the site, wrong under a sub-path and from a file share, and the address a worksheet prints
  beside its links on paper. MkDocs writes none without a ``site_url``; the adapter removes it.
- **The logo's tooltip.** The theme escapes the site's name in the logo's ``title`` (``| e``) and
  nowhere else, so there the name, given to it as HTML text (:func:`.config.theme_text`), is
  escaped twice. That is right with ``content.tooltips``, whose script shows the ``title`` as
  HTML; without it the browser shows the ``title`` itself, and would show the escapes
  (``R&amp;D``): then the adapter writes the name escaped once.
"""

from __future__ import annotations

import re
from pathlib import Path

from .config import theme_text

CANONICAL = re.compile(r'<link rel="canonical" href="/[^"]*">[ \t]*\n?')
LOGO = re.compile(r'(<a href="[^"]*" title=")[^"]*(" class="md-(?:header|nav)__button md-logo")')


def correct(site: Path, site_name: str, site_url: str, tooltips: bool) -> None:
    """Correct every page of a site Zensical built (see above); only what needs it is rewritten."""
    title = theme_text(site_name)
    retitle = title != site_name and not tooltips
    if site_url and not retitle:
        return
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = text if site_url else CANONICAL.sub("", text, count=1)
        if retitle:
            new = LOGO.sub(lambda match: match.group(1) + title + match.group(2), new)
        if new != text:
            page.write_text(new, encoding="utf-8")
