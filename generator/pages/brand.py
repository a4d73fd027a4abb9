"""The brand a site is built with: its name, organisation, logo and colours, from mkdocs.yml."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Brand:
    site_name: str = ""  # empty: the guide's title
    organisation: str = ""
    logo: str = ""  # a path under docs/, as MkDocs' theme.logo
    colours: tuple[tuple[str, str], ...] = ()  # (primary|accent, CSS colour)

    def named(self, title: str) -> Brand:
        """This brand, with the guide's title as the site's name unless mkdocs.yml gives one."""
        return self if self.site_name else Brand(title, self.organisation, self.logo, self.colours)


DEFAULT_BRAND = Brand()
