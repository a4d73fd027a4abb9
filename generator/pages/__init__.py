"""The pages: the checked model rendered into Markdown and data files, ``{path under docs/: text}``.

Pure: nothing here touches the disk. :func:`generator.pages.render.render` renders every page
from Jinja2 templates (``templates/``), one per page type; ``paths`` says where each page lives,
``navigation`` the order they are read in, ``assessment``, ``journal`` and ``worksheets`` the data
the pages' scripts use, ``safe`` and ``sanitize`` keep every value from content inert.

Imports: :mod:`generator.content` and :mod:`generator.errors`.
"""
