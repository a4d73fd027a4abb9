"""leap: a learning-framework site generator.

The engine reads a framework and its items from YAML (``content/``), and writes a site, worksheets,
PDFs and wiki pages. Its subpackages are its stages, each importing only those below it (an
import-linter contract in pyproject.toml keeps it so):

- :mod:`generator.cli`: the ``leap`` command, a thin layer over :mod:`generator.build`;
- :mod:`generator.build`: ``build``, ``serve`` and ``pdf`` as functions, for any builder;
- :mod:`generator.paper`: printing worksheets and binding workbooks through Chromium;
  :mod:`generator.wiki`: the guide as pages for GitLab, GitHub, Azure DevOps or MediaWiki;
- :mod:`generator.site`: the engine's work for a site (:mod:`generator.site.generate`), and one
  adapter per builder: :mod:`generator.site.mkdocs` (a MkDocs plugin) and
  :mod:`generator.site.zensical`;
- :mod:`generator.pages`: the pure middle: the checked model rendered into Markdown pages;
- :mod:`generator.content`: load → validate → model → graph, pure but for reading content/;
- :mod:`generator.files`: the writer, the only code that writes files it generated;
- :mod:`generator.errors`: every error, and the ``path:line: message`` problems.
"""
