"""`leap serve`: MkDocs' live-reload server, driven in this process with the config `leap` loaded.

Every rebuild reloads mkdocs.yml (as `mkdocs serve` does); MkDocs keeps its plugins between
loads, so the leap plugin keeps its last good pages: a content error shows in the terminal while
the preview keeps the last good site, and an edit rebuilds only the pages it changed.
The server answers only requests addressed to it (the ``Host`` header), so a web page the reader
visits cannot read the preview through DNS rebinding.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

from ..hosts import REFUSED, allowed_hosts

log = logging.getLogger("mkdocs.commands.serve")


def guard_hosts(server: LiveReloadServer, host: str, port: int) -> None:
    """Wrap the server's app: a request with another Host header gets 421 and nothing else."""
    app: Any = server.get_app()
    allowed = allowed_hosts(host, port)

    def guarded(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if not allowed(environ.get("HTTP_HOST", "")):
            start_response("421 Misdirected Request", [("Content-Type", "text/plain; charset=utf-8")])
            return [REFUSED.encode("utf-8")]
        response: Iterable[bytes] = app(environ, start_response)
        return response

    server.set_app(guarded)


def serve(load: Callable[[str], MkDocsConfig], open_in_browser: bool = False) -> None:
    """Build into a temporary folder, serve it, and rebuild on every change: fully the first
    time, then only what changed (MkDocs' dirty builds; see generator.site.mkdocs.preview). ``load(site_dir)``
    gives a freshly loaded config each time, with the CLI's settings already applied."""
    site_dir = tempfile.mkdtemp(prefix="leap-serve-")
    config = load(site_dir)
    config.plugins.on_startup(command="serve", dirty=True)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    serve_url = f"http://{host}:{port}{mount_path}"
    built: list[bool] = []

    def builder(new: MkDocsConfig | None = None) -> None:
        log.info("Building documentation...")
        current = new or load(site_dir)
        current.site_url = serve_url
        build(current, serve_url=serve_url, dirty=bool(built))
        built.append(True)

    server = LiveReloadServer(
        builder=builder, host=host, port=port, root=site_dir, mount_path=mount_path, polling_interval=0.2
    )
    server.error_handler = lambda code: _error_page(site_dir, code)
    logging.getLogger("mkdocs.commands.build").addFilter(_NoDirtyWarning())
    try:
        builder(config)
        server.watch(config.docs_dir)
        if config.config_file_path:
            server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        try:
            server.serve(open_in_browser=open_in_browser)  # type: ignore[no-untyped-call]
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build; in the preview that is the point, and leap handles it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def _error_page(site_dir: str, code: int) -> bytes | None:
    page = Path(site_dir, f"{code}.html")
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
