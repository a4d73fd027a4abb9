"""Files: the writer, the only code that writes generated files (into docs/, a wiki clone or
schemas/), keeping a manifest so it never overwrites or deletes a file it did not write; and the
path checks that keep every path inside its folder.

Imports: :mod:`generator.errors` only.
"""
