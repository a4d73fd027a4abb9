"""Building and serving with Zensical, Material for MkDocs' successor, which reads mkdocs.yml but
runs no MkDocs plugins.

- ``config``: mkdocs.yml as Zensical reads it, the engine's settings from it, and the engine's own
  config Zensical builds from (what the leap plugin sets under MkDocs, and the values the theme
  prints as HTML text);
- ``builder``: ``build`` (Zensical in a process of its own, into a staging folder swapped in whole) and
  ``serve`` (Zensical's live preview, with the pages regenerated when the content changes);
- ``pages``: what the adapter corrects in the pages Zensical writes.

The only code that runs Zensical (in a process of its own: see ``builder``).
"""

from __future__ import annotations

from .builder import build, serve
from .config import read_config, settings

__all__ = ["build", "read_config", "serve", "settings"]
