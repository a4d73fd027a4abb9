"""Building and serving with Zensical.

The engine's work happens first, as for MkDocs (:func:`generator.site.generate.generate`), and its
pages are written into docs/, where Zensical reads them. Zensical then builds, in a process of its
own and strictly, from the engine's config (:mod:`.config`) into a staging folder; the adapter
corrects what Zensical's pages would otherwise get wrong (:mod:`.pages`), adds the printed PDFs,
and swaps the site in whole only once everything has succeeded.

`leap serve` runs Zensical's own live preview of docs/ in a child process, behind a guard that
answers only requests addressed to it (:mod:`.guard`), and writes the pages again whenever a
content file changes; Zensical rebuilds and reloads the browser.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from ...errors import ContentError, LeapError
from .. import publish
from ..generate import Built, Generated, generate, write_docs
from ..languages import Languages, languages_of
from ..settings import Options, Settings
from .config import engine_config, read_config, settings_of, tooltips
from .guard import free_port, guarded
from .pages import correct

say = logging.getLogger("leap")
POLL = 0.5  # seconds between looks at the content folder under `leap serve`


def build(options: Options) -> Built:
    """Generate the pages into docs/, have Zensical build them into a staging folder, correct its
    pages, add the printed PDFs, and swap the site in whole; for a guide in several languages, a
    build per language into the one staging folder (the translations' under ``<language>/``)."""
    config = read_config(options.config_file)
    current = settings_of(options, config)
    site = options.site
    _inside_project(site, current.root)
    languages = languages_of(current.content_dir, current.site_language)
    with publish.build_lock(current.root, say.warning):
        staging = publish.prepare(site)
        try:
            built = [
                _build_language(config, current, options, staging, languages if languages.translations else None, tag)
                for tag in languages.all
            ]
            publish.publish(staging, site)
        finally:
            publish.discard(staging)
    sites = [
        dataclasses.replace(one, site_dir=site / languages.folder(tag))
        for one, tag in zip(built, languages.all, strict=True)
    ]
    return dataclasses.replace(sites[0], translations=tuple(sites[1:]))


def _build_language(
    config: dict[str, Any], current: Settings, options: Options, staging: Path, languages: Languages | None, tag: str
) -> Built:
    """One language's site: its pages into its docs/ folder, Zensical's build into its folder."""
    folder = languages.folder(tag) if languages else ""
    if folder:
        (current.docs_dir / folder).mkdir(parents=True, exist_ok=True)
        current = dataclasses.replace(current, docs_dir=current.docs_dir / folder, language=tag)
    site_dir = staging / folder if folder else staging
    generated = generate(current)
    _show_warnings(generated)
    _write(generated, current.docs_dir)
    with engine_config(config, current, generated, options, site_dir, languages) as child:
        _build_site(child)
    correct(site_dir, generated.rendered.brand.site_name, current.site_url, tooltips(config))
    for path, data in generated.pdfs.items():
        (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / path).write_bytes(data)
    return Built(generated, site_dir)


def serve(options: Options, dev_addr: str) -> None:
    """Zensical's live preview of docs/, behind a guard that answers only requests addressed to it,
    with the pages regenerated whenever a content file changes."""
    config = read_config(options.config_file)
    current = settings_of(options, config)
    generated = generate(current)
    _write(generated, current.docs_dir)
    preview = Path(tempfile.mkdtemp(prefix=".leap-serve-", dir=current.root))
    port = free_port()  # Zensical's own, on loopback: only the guard uses it
    inside = f"127.0.0.1:{port}"
    try:
        with engine_config(config, current, generated, options, preview) as child, guarded(dev_addr, port):
            command = [sys.executable, "-m", "zensical", "serve", "-f", str(child), "-a", inside]
            server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            _relay(server, inside, dev_addr)
            try:
                _regenerate_on_change(current, server)
            except KeyboardInterrupt:
                say.info("Shutting down...")
            finally:
                server.terminate()
                server.wait()
    finally:
        shutil.rmtree(preview, ignore_errors=True)


def _relay(server: subprocess.Popen[bytes], inside: str, dev_addr: str) -> None:
    """Zensical's messages on standard error, naming the address a reader opens, not its own."""

    def relay() -> None:
        assert server.stdout is not None
        for line in server.stdout:
            sys.stderr.write(line.decode("utf-8", "replace").replace(inside, dev_addr))
            sys.stderr.flush()

    threading.Thread(target=relay, daemon=True).start()


def _regenerate_on_change(current: Settings, server: subprocess.Popen[bytes]) -> None:
    """Write the pages again whenever the content changes, until the server stops; a content error
    is shown and the last good pages stay."""
    seen = _snapshot(current.content_dir)
    while server.poll() is None:
        time.sleep(POLL)
        now = _snapshot(current.content_dir)
        if now == seen:
            continue
        seen = now
        try:
            _write(generate(current), current.docs_dir)
        except ContentError as err:
            for problem in err.problems:
                say.error(str(problem))


def _snapshot(folder: Path) -> dict[str, tuple[float, int]]:
    found = {}
    for parent, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(parent, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            found[path] = (info.st_mtime, info.st_size)
    return found


def _write(generated: Generated, docs: Path) -> None:
    report = write_docs(generated, docs)
    for note in report.notes(docs):
        say.warning(note)


def _show_warnings(generated: Generated) -> None:
    for warning in generated.rendered.checked.warnings:
        say.warning(str(warning))


# Zensical's build, through its public API, in a process (and session) of its own: it answers Ctrl-C
# by ending its whole process, so in this one it would skip the clean-up; leap, which Ctrl-C still
# reaches, stops it instead. A failure is Zensical's words, then exit 1.
_BUILD = """
import sys, zensical
try:
    zensical.build(sys.argv[1], {"clean": False, "strict": True})
except RuntimeError:
    sys.exit(1)
"""


def _build_site(child: Path) -> None:
    """Zensical's build of the engine's config, strictly (a broken link fails it); a failure is a
    LeapError, after Zensical's own words on what is wrong."""
    command = [sys.executable, "-c", _BUILD, str(child)]
    with subprocess.Popen(command, cwd=child.parent, start_new_session=True) as zensical:
        try:
            code = zensical.wait()
        except BaseException:  # interrupted: stop Zensical too, and wait until it has
            zensical.kill()
            zensical.wait()
            raise
    if code != 0:
        raise LeapError("Zensical's build failed, so nothing was published: see the messages above")


def _inside_project(site: Path, root: Path) -> None:
    """Zensical builds only into a folder inside the project (beside mkdocs.yml)."""
    if not site.resolve().parent.is_relative_to(root.resolve()):
        raise LeapError(
            f"{site.as_posix()}: with --engine zensical the site must be built inside the project "
            f"({root.as_posix()}); Zensical builds nowhere else"
        )
