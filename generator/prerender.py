"""Pages rendered on a second core during a build, by a forked copy of the build.

MkDocs renders each page's Markdown, then each page's theme template, one page after another,
on one core: most of a large build. In a build (`leap build`, `leap pdf`, `mkdocs build`; not
`serve`, whose rebuilds render a page or two) the leap plugin starts a :class:`Copy` twice: a
fork of this process, which works through every other page while this process does the rest,
and sends back each result as soon as it is ready.

- :func:`render_markdown` (once the navigation is known): the copy renders the Markdown of the
  generated pages (each a :class:`GeneratedPage`) with ``Page.render``, the same configuration
  and files, and sends all that rendering sets: HTML, table of contents, title, anchors, and the
  messages it logged.
- :func:`render_html` (once every page's Markdown is rendered): the copy does what MkDocs'
  ``_build_page`` does up to the HTML (the template context, the plugins' page events, the
  theme's template), and the theme's templates here become :class:`CopiedTemplate`.

This process takes a result only if it was made from the same input: the page's Markdown (another
plugin may have changed it), or the page's content after the page events, and the same template.
Otherwise it renders the page itself. The copy's messages are logged here, as their page is
rendered, so `--strict` counts them as before. The copy runs the plugins' page events for the
context; what they change in its memory is thrown away with it, and Material's search is
detached first, so the copy never writes to the search worker's pipe (generator/searchindex.py).

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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from jinja2 import Environment, Template
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
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


@dataclass
class Html:
    """A page's HTML as the copy rendered its template, and the page's content it was rendered from."""

    digest: str
    template: str
    output: str
    messages: list[tuple[str, int, str]]


Work = Callable[[Page], Any]  # in the copy: one page's result

_said: list[tuple[str, int, str]] = []  # in the copy: what was logged, which it does not print


class Copy:
    """A forked copy of this process working through a share of the pages, and its results as they
    arrive."""

    def __init__(self) -> None:
        self.share: set[str] = set()
        self._results: dict[str, Any] = {}
        self._pipe = -1  # the end of the pipe the copy's results arrive on
        self._pid = 0

    def start(self, pages: Sequence[Page], work: Work, prepare: Callable[[], None] = lambda: None) -> None:
        """Fork the copy, which calls ``prepare``, then does ``work`` on every other page of ``pages``."""
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
                prepare()
                _work(share, work, write)
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

    def take(self, page: Page) -> Any:
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

    def _receive(self) -> tuple[str, Any] | None:
        """The copy's next result; None if it stopped, or sent nothing for STUCK seconds."""
        header = self._read(HEADER.size)
        body = None if header is None else self._read(HEADER.unpack(header)[0])
        try:
            return None if body is None else cast(tuple[str, Any], pickle.loads(body))
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
    """A generated page: its Markdown rendered by the copy when it can be (see :func:`render_markdown`)."""

    def __init__(self, title: str | None, file: File, config: MkDocsConfig, copy: Copy) -> None:
        super().__init__(title, file, config)
        self._copy = copy

    def render(self, config: MkDocsConfig, files: Files) -> None:
        result: Result | None = self._copy.take(self)
        if result is None or self.markdown is None or result.digest != _digest(self.markdown):
            super().render(config, files)
            return
        _log(result.messages)
        self.content = result.content
        self.toc = result.toc
        self._title_from_render = result.title
        self.present_anchor_ids = result.anchors
        if result.links is not None:
            self.links_to_anchors = {
                file: anchors for path, anchors in result.links.items() if (file := files.get_file_from_path(path))
            }


def render_markdown(copy: Copy, pages: Sequence[Page], config: MkDocsConfig, files: Files) -> None:
    """Start ``copy`` rendering the Markdown of every other page of ``pages``, as MkDocs would."""

    def work(page: Page) -> Result:
        page.markdown, _ = meta.get_data(page.file.content_string)
        _said.clear()
        Page.render(page, config, files)
        links = page.links_to_anchors
        return Result(
            digest=_digest(page.markdown),
            content=page.content or "",
            toc=page.toc,
            title=page._title_from_render,
            anchors=set(page.present_anchor_ids or ()),
            links=None if links is None else {file.src_uri: anchors for file, anchors in links.items()},
            messages=list(_said),
        )

    copy.start(pages, work)


def render_html(
    copy: Copy,
    files: Sequence[File],
    nav: Navigation,
    config: MkDocsConfig,
    env: Environment,
    alone: Callable[[], None],
) -> None:
    """Start ``copy`` rendering the theme's template for every other page of ``files`` (the
    documentation pages), as MkDocs' ``_build_page`` does, and have ``env``'s templates take its HTML
    (see :class:`CopiedTemplate`). In the copy, ``alone`` first detaches what the plugins' page
    events must not touch from two processes (the search worker's pipe)."""

    def work(page: Page) -> Html:
        page.active = True
        try:
            context = get_context(nav, files, config, page)
            template = env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
            _said.clear()
            output = Template.render(template, context)
            return Html(_digest(page.content or ""), str(template.name), output, list(_said))
        finally:
            page.active = False

    env.template_class = type("CopiedTemplate", (CopiedTemplate,), {"copy": copy})
    copy.start([file.page for file in files if file.page is not None], work, prepare=alone)


class CopiedTemplate(Template):
    """A theme template that, for a page the copy rendered from the same content, gives the copy's HTML."""

    copy: Copy

    def render(self, *args: Any, **kwargs: Any) -> str:
        page = dict(*args, **kwargs).get("page")
        if not isinstance(page, Page):
            return super().render(*args, **kwargs)
        result: Html | None = self.copy.take(page)
        if result is None or result.template != self.name or result.digest != _digest(page.content or ""):
            return super().render(*args, **kwargs)
        _log(result.messages)
        return result.output


def _work(pages: Sequence[Page], work: Work, out: int) -> None:
    """In the copy: ``work`` on each page, its result sent as soon as it is ready."""

    def keep(logger: logging.Logger, record: logging.LogRecord) -> None:
        _said.append((record.name, record.levelno, record.getMessage()))

    logging.Logger.callHandlers = keep  # type: ignore[method-assign,assignment]  # in the copy only
    for page in pages:
        data = pickle.dumps((page.file.src_uri, work(page)), protocol=pickle.HIGHEST_PROTOCOL)
        message = memoryview(HEADER.pack(len(data)) + data)
        while message:
            message = message[os.write(out, message) :]


def _log(messages: list[tuple[str, int, str]]) -> None:
    """Log here what the copy logged."""
    for name, level, message in messages:
        logging.getLogger(name).log(level, "%s", message)


def _digest(markdown: str) -> str:
    return hashlib.sha256(markdown.encode("utf-8")).hexdigest()


def _can_fork() -> bool:
    """A copy is safe (no other thread may hold a lock the copy would need) and worth it (two cores)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return hasattr(os, "fork") and sys.platform != "darwin" and cores > 1 and threading.active_count() == 1
