"""`python -m generator.cli`: the `leap` command."""

from . import main

main()
