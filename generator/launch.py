"""The `leap` command's entry point, kept light: Ctrl-C or SIGTERM while the engine is still loading
(MkDocs, pydantic and the rest take a second or two) ends leap quietly, before anything has started.
Once loaded, :mod:`generator.cli` takes over, where a stop unwinds and cleans up what was begun."""

from __future__ import annotations

import signal
import sys


def main() -> None:
    previous = {number: signal.signal(number, _quit) for number in (signal.SIGINT, signal.SIGTERM)}
    from .cli import main as leap

    for number, handler in previous.items():
        signal.signal(number, handler)
    leap()


def _quit(signum: int, frame: object) -> None:
    sys.exit(128 + signum)


if __name__ == "__main__":  # python -m generator.launch
    main()
