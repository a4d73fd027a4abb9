"""The generated pages' Markdown, rendered on a second core during a build.

MkDocs renders the pages' Markdown one after another, on one core: about half of a large build.
In a build (`leap build`, `leap pdf`, `mkdocs build`; not `serve`, whose rebuilds render a page
or two) the leap plugin makes each generated page a :class:`GeneratedPage`. Once the
navigation is known, :meth:`Prerender.start` forks a copy of this process, which renders every
other generated page exactly as MkDocs would (``Page.render``, the same configuration, the same
files), and sends back all that rendering sets: the HTML, the table of contents, the title, the
anchors, and the messages it logged. When MkDocs comes to render one of those pages here,
:meth:`GeneratedPage.render` takes the copy's result if the page's Markdown is still the text the
copy rendered (another plugin may have changed it); otherwise it renders the page itself. The
copy's messages are logged here, as its page is rendered, so `--strict` counts them as before.

Where there is no ``fork`` (Windows; macOS, where it is unsafe), only one core, another thread
running (a fork could copy a lock it holds), or the copy fails or sends nothing for two minutes,
the pages render here, as MkDocs renders them.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import select
import signal
import struct
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

log = logging.getLogger("mkdocs.plugins.leap")

HEADER = struct.Struct("!Q")  # each result is sent as its length, then the pickle
STUCK = 120  # seconds without a byte from the copy: it is taken to be stuck, and the pages render here


@dataclass
class Result:
    """What ``Page.render`` set on one page in the copy, and the text it rendered."""

    digest: str
    content: str
    toc: Any
    title: str | None
    anchors: set[str]
    links: dict[str, dict[str, str]] | None  # links to other pages' anchors, by the page's path
    messages: list[tuple[str, int, str]]  # (logger, level, message), as logged


class Prerender:
    """The copy rendering a share of the pages, and its results as they arrive."""

    def __init__(self) -> None:
        self.share: set[str] = set()
        self._results: dict[str, Result] = {}
        self._pipe = -1  # the end of the pipe the copy's results arrive on
        self._pid = 0

    def start(self, pages: Sequence[Page], config: MkDocsConfig, files: Files) -> None:
        """Fork the copy, which renders every other page of ``pages``."""
        if not _can_fork() or len(pages) < 2:
            return
        share = pages[1::2]
        read, write = os.pipe()
        gc.freeze()  # the copy's collections leave this build's objects alone: their pages stay shared
        # A Ctrl-C waits until each side knows which it is: the copy must never run the build's clean-up
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            pid = os.fork()
        except OSError as err:  # no memory or processes left for a copy: the pages render here
            log.debug(f"prerender: no copy ({err}); every page renders in this process")
            pid = -1
        if pid == 0:  # the copy: render, send, and leave without running any of the build's clean-up
            code = 1
            try:
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
                os.close(read)
                _render(share, config, files, write)
                code = 0
            finally:
                os._exit(code)
        gc.unfreeze()
        os.close(write)
        if pid > 0:
            self._pid, self._pipe = pid, read
            self.share = {page.file.src_uri for page in share}
        else:
            os.close(read)
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)

    def take(self, page: Page) -> Result | None:
        """The copy's result for ``page``; None if it has none (then the page renders here)."""
        path = page.file.src_uri
        if path not in self.share:
            return None
        while path not in self._results and self._pipe >= 0:
            message = self._receive()
            if message is None:
                log.debug("prerender: the copy stopped or is stuck; the rest of its pages render here")
                self.stop()
                break
            done, result = message
            self._results[done] = result
        return self._results.pop(path, None)

    def _receive(self) -> tuple[str, Result] | None:
        """The copy's next result; None if it stopped, or sent nothing for STUCK seconds."""
        header = self._read(HEADER.size)
        body = None if header is None else self._read(HEADER.unpack(header)[0])
        try:
            return None if body is None else cast(tuple[str, Result], pickle.loads(body))
        except (pickle.UnpicklingError, EOFError):
            return None

    def _read(self, size: int) -> bytes | None:
        chunks: list[bytes] = []
        while size:
            ready, _, _ = select.select([self._pipe], [], [], STUCK)
            chunk = os.read(self._pipe, min(size, 1 << 20)) if ready else b""
            if not chunk:
                return None
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks)

    def stop(self) -> None:
        """Stop the copy (if it still runs) and collect it."""
        if self._pipe >= 0:
            os.close(self._pipe)
            self._pipe = -1
        if self._pid:
            try:
                os.kill(self._pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self._pid, 0)
            self._pid = 0
        self.share = set()
        self._results = {}


class GeneratedPage(Page):
    """A generated page: rendered by the copy when it can be (see :class:`Prerender`)."""

    def __init__(self, title: str | None, file: File, config: MkDocsConfig, prerender: Prerender) -> None:
        super().__init__(title, file, config)
        self._prerender = prerender

    def render(self, config: MkDocsConfig, files: Files) -> None:
        result = self._prerender.take(self)
        if result is None or self.markdown is None or result.digest != _digest(self.markdown):
            super().render(config, files)
            return
        for name, level, message in result.messages:
            logging.getLogger(name).log(level, "%s", message)
        self.content = result.content
        self.toc = result.toc
        self._title_from_render = result.title
        self.present_anchor_ids = result.anchors
        if result.links is not None:
            self.links_to_anchors = {
                file: anchors for path, anchors in result.links.items() if (file := files.get_file_from_path(path))
            }


def _render(pages: Sequence[Page], config: MkDocsConfig, files: Files, out: int) -> None:
    """In the copy: render each page as MkDocs would, and send what rendering set."""
    said: list[tuple[str, int, str]] = []

    def keep(logger: logging.Logger, record: logging.LogRecord) -> None:
        said.append((record.name, record.levelno, record.getMessage()))

    logging.Logger.callHandlers = keep  # type: ignore[method-assign,assignment]  # in the copy only: it prints nothing
    for page in pages:
        said.clear()
        page.markdown, _ = meta.get_data(page.file.content_string)
        Page.render(page, config, files)
        links = page.links_to_anchors
        result = Result(
            digest=_digest(page.markdown),
            content=page.content or "",
            toc=page.toc,
            title=page._title_from_render,
            anchors=set(page.present_anchor_ids or ()),
            links=None if links is None else {file.src_uri: anchors for file, anchors in links.items()},
            messages=list(said),
        )
        data = pickle.dumps((page.file.src_uri, result), protocol=pickle.HIGHEST_PROTOCOL)
        message = memoryview(HEADER.pack(len(data)) + data)
        while message:
            message = message[os.write(out, message) :]


def _digest(markdown: str) -> str:
    return hashlib.sha256(markdown.encode("utf-8")).hexdigest()


def _can_fork() -> bool:
    """A copy is safe (no other thread may hold a lock the copy would need) and worth it (two cores)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return hasattr(os, "fork") and sys.platform != "darwin" and cores > 1 and threading.active_count() == 1
