"""Material's search index, built beside the pages in a second process.

Material's search plugin reads every page's HTML back with Python's HTML parser as the page is
built: about a tenth of a large build, all of it on one core. In a build (not under `serve`) the
leap plugin gives the search plugin a :class:`BesideIndex` instead. It hands each page's HTML to
a worker process (``python -m generator.searchindex``), which runs Material's own ``SearchIndex``
on it while this process renders the next pages, and takes the entries back, in page order, just
before Material writes the index. The index is the one Material would have written, entry for entry.

When no worker can be started, the pages are indexed here, as Material does. `leap serve` keeps
Material's own index: its rebuilds render a page or two.
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from typing import IO, Any

from material.plugins.search import plugin as material_search
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.leap")

DONE = None  # sent after the last page: the worker answers with every entry


@dataclass
class PageText:
    """What Material's index reads of a page, and nothing else: it crosses to the worker."""

    url: str
    title: str
    content: str
    toc: Any
    meta: dict[str, Any]


class BesideIndex(material_search.SearchIndex):  # type: ignore[misc]
    """Material's ``SearchIndex``, its pages parsed by a worker process."""

    def __init__(self, **config: Any) -> None:
        super().__init__(**config)
        self._errors: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        # It imports what this process would: from this process's path (not from the current folder)
        path = os.pathsep.join(entry or os.getcwd() for entry in sys.path)
        try:
            self._worker: subprocess.Popen[bytes] | None = subprocess.Popen(
                [sys.executable, "-P", "-m", __name__],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._errors,
                env={**os.environ, "PYTHONPATH": path},
            )
        except OSError as err:  # no processes left, say: index here, as Material does
            log.debug(f"search index: no worker process ({err}); indexing in this process")
            self._worker = None

    def add_entry_from_context(self, page: Any) -> None:
        if self._worker is None:
            super().add_entry_from_context(page)
            return
        if (page.meta.get("search") or {}).get("exclude"):
            return  # as Material: left out of the index
        meta = {key: page.meta[key] for key in ("title", "tags", "search") if key in page.meta}
        self._send(PageText(page.url, str(page.title), page.content, page.toc, meta))

    def collect(self) -> None:
        """Wait for the worker's entries (once every page is sent); an error if it failed."""
        if self._worker is None:
            return
        self._send(DONE)
        assert self._worker.stdout is not None
        try:
            entries: list[dict[str, Any]] = pickle.load(self._worker.stdout)
        except (EOFError, OSError, pickle.UnpicklingError):
            raise self._failed() from None
        self._worker.wait()
        self.close()
        self.entries: list[dict[str, Any]] = entries + self.entries

    def generate_search_index(self, prev: Any) -> str:
        self.collect()
        result: str = super().generate_search_index(prev)
        return result

    def _send(self, message: PageText | None) -> None:
        assert self._worker is not None and self._worker.stdin is not None
        try:
            pickle.dump(message, self._worker.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            if message is DONE:
                self._worker.stdin.close()
        except (BrokenPipeError, OSError):
            raise self._failed() from None

    def _failed(self) -> PluginError:
        assert self._worker is not None
        self._worker.kill()
        code = self._worker.wait()
        self._errors.seek(0)
        said = self._errors.read().decode("utf-8", "replace").strip().splitlines()
        self.close()
        return PluginError(
            f"search index: its worker process stopped (exit code {code}) before it had indexed every page"
            + (f": {said[-1]}" if said else "")
        )

    def close(self) -> None:
        """Stop the worker, if it still runs (a build that failed before the index was written)."""
        if self._worker is not None:
            self._worker.kill()
            self._worker.wait()
            for pipe in (self._worker.stdin, self._worker.stdout):
                if pipe is not None:
                    pipe.close()
            self._worker = None
        self._errors.close()


def beside(config: Any) -> BesideIndex | None:
    """Give Material's search plugin (if the site has it) a :class:`BesideIndex`; returns it."""
    search = config.plugins.get("material/search")
    if not isinstance(search, material_search.SearchPlugin) or not search.config.enabled:
        return None
    if material_search.jieba is not None:  # its dictionaries are set up in this process only
        return None
    index = BesideIndex(**search.config)
    search.search_index = index
    return index


def detach(config: Any) -> None:
    """In a copy of this process (see generator/prerender.py): Material's search indexes in memory
    again, so the copy never writes to the worker's pipe."""
    search = config.plugins.get("material/search")
    if isinstance(search, material_search.SearchPlugin) and isinstance(search.search_index, BesideIndex):
        search.search_index = material_search.SearchIndex(**search.config)


def worker(pages: IO[bytes], out: IO[bytes]) -> None:
    """The worker: Material's own index over every page it is sent, in order; then the entries."""
    index = material_search.SearchIndex()
    while (page := pickle.load(pages)) is not DONE:
        index.add_entry_from_context(page)
    pickle.dump(index.entries, out, protocol=pickle.HIGHEST_PROTOCOL)
    out.flush()


if __name__ == "__main__":
    worker(sys.stdin.buffer, sys.stdout.buffer)
