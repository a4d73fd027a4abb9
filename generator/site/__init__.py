"""The site: the engine's own work for a site, the same whatever builds it, and an adapter per builder.

- ``generate``: the pages (:mod:`generator.pages`), the engine's assets (``assets/``, listed by
  ``bundled``) and the links to the printed PDFs the store holds (``pdfstore``), and writing docs/;
- ``settings``: what a build is asked for, and the settings both builders read from mkdocs.yml;
- ``publish``: a staging folder swapped in whole, under the build lock;
- ``search``: the word forms each entry of the search index gets, so that search finds inflections;
- ``mkdocs/``: MkDocs with Material for MkDocs (a plugin, and the build and live preview);
- ``zensical/``: Zensical, Material's successor (the config it builds from, the build and live
  preview, and what the adapter corrects in the pages it writes).

MkDocs is imported only in ``mkdocs/``, Zensical only in ``zensical/``. Imports:
:mod:`generator.pages`, :mod:`generator.content`, :mod:`generator.files`, :mod:`generator.errors`.
"""
