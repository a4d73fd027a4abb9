"""The sanitiser's old name: mkdocs.yml files written by `leap init` before the engine's layout had
subpackages list ``generator.sanitize`` under ``markdown_extensions``. It is now
:mod:`generator.pages.sanitize`, which the builders add themselves."""

from .pages.sanitize import makeExtension

__all__ = ["makeExtension"]
