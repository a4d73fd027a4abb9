"""The content: load → validate → model → graph.

:func:`generator.content.check.check` reads a content folder (``framework.yaml``, ``guide.yaml``,
``programme.yaml`` and one YAML file per item) and returns a frozen model and its relation graph,
or every problem as ``path:line: message``. Also here: the JSON Schemas editors use (schema), the
spreadsheet layout (spreadsheet), `leap new` and `leap import csv` (authoring) and `leap init`'s
starter project (starter).

Imports: :mod:`generator.errors` only (and the standard library, pydantic, PyYAML).
"""
