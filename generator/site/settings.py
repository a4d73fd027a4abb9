"""A site's settings as both builders read them from ``mkdocs.yml``: one config file.

MkDocs and Zensical read the site's own keys (``site_name``, ``theme.logo``, ``site_url``); the
``leap`` entry under ``plugins`` holds the engine's own::

    plugins:
      - leap:
          content: content               # the content folder, relative to mkdocs.yml
          organisation: Example Ltd      # printed on worksheets and the workbook cover
          colours: {primary: "#1f4e79", accent: "#c75b12"}   # optional: any CSS colours

Each builder's adapter reads the file its own way and hands the engine a :class:`Settings`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import LeapError
from ..pages.brand import DEFAULT_BRAND, Brand

ENGINES = ("mkdocs", "zensical")
# RFC 3986: a host, an optional port, and a path of unreserved, sub-delim, ':', '@' and %XX only.
SITE_URL = re.compile(
    r"^https?://([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?"
    r"(/([A-Za-z0-9._~!$&'()*+,;=:@/-]|%[0-9A-Fa-f]{2})*)?$"
)


@dataclass(frozen=True)
class Options:
    """What a build is asked for: by `leap build`, `leap serve` and `leap pdf`, or by code."""

    config_file: Path = Path("mkdocs.yml")
    content_dir: Path | None = None  # None: the leap plugin's ``content`` in mkdocs.yml
    site_dir: Path | None = None  # None: site, or site-offline with ``offline``
    site_url: str | None = None  # None: mkdocs.yml's
    strict: bool = False  # content warnings fail the build
    offline: bool = False  # for opening from a file share or file://, and zipped
    engine: str = "mkdocs"

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise LeapError(f"unknown engine '{self.engine}' (known: {', '.join(ENGINES)})")
        if self.site_url is not None:
            object.__setattr__(self, "site_url", site_url(self.site_url))

    @property
    def site(self) -> Path:
        return self.site_dir or Path("site-offline" if self.offline else "site")


def site_url(url: str) -> str:
    """A site address, checked: a full http(s) address whose path holds nothing a page could
    misread, ending in a slash."""
    if not SITE_URL.match(url):
        raise LeapError(
            "--site-url must be a full http(s) address such as https://intranet.example.com/leadership/, "
            f"with only letters, digits and - . _ ~ / in its path; not {url!r}"
        )
    return url if url.endswith("/") else url + "/"


COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(rgb|hsl)a?\([0-9., %]+\))$")


@dataclass(frozen=True)
class Settings:
    root: Path  # the folder holding mkdocs.yml
    content_dir: Path
    docs_dir: Path
    brand: Brand = DEFAULT_BRAND
    strict: bool = False  # content warnings are errors
    site_url: str = ""  # the address the site will be served from; empty: none given
    directory_urls: bool = True
    # What shapes a printed page besides its Markdown (the builder, its theme, Markdown
    # extensions, the stylesheets and scripts pages load), as the PDF store hashes it.
    look: str = ""
    assets: tuple[str, ...] = ()  # the stylesheets and scripts every page loads, as paths under docs/
    language: str = ""  # which of the guide's languages this site is in; "": its source language
    site_language: str = ""  # the theme's language in mkdocs.yml, the guide's when it names none


def colours(value: object) -> dict[str, str]:
    """The ``colours`` setting: ``primary`` and ``accent``, each a CSS colour, so that nothing
    else can reach the stylesheet. Raises ValueError saying what is wrong."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError("must map primary and accent to CSS colours")  # noqa: TRY004 (a message for the user)
    for name, colour in value.items():
        if name not in ("primary", "accent"):
            raise ValueError(f"unknown colour '{name}' (known: primary, accent)")
        if not isinstance(colour, str) or not COLOUR.match(colour):
            raise ValueError(f'{name} must be a CSS colour such as "#1f4e79"')
    return dict(value)
