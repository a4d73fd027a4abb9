"""Building with MkDocs and Material for MkDocs: the leap plugin (``plugin``: MkDocs' events adapted
to :func:`generator.site.generate.generate`), its settings in mkdocs.yml (``config``), building
and serving in this process (``builder``, ``serve``) and what a live preview rebuilds (``preview``).

The only code that imports MkDocs or Material.
"""
