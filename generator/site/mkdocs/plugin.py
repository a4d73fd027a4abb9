"""The leap MkDocs plugin (``plugins: - leap`` in mkdocs.yml), registered by entry point.

A thin layer: it adapts MkDocs' events to the plain functions of the pipeline.

- ``on_config``: generate the site's pages (once per build: :mod:`generator.site.generate`),
  name the site after the guide unless mkdocs.yml names it, hand Material the values it prints
  (name, description, copyright) as HTML text, and build into a staging folder;
- ``on_files``: hand the generated pages and the printed PDFs to MkDocs from memory, beside the
  hand-written pages of docs/ (which join the navigation, in learning order, after the guide's);
- ``on_env``: compile the theme's templates once, not on every rebuild;
- ``on_post_build``: only once the whole build has succeeded (after every other plugin has
  written its files), write the generated pages into docs/ (for tools that run no plugins, such
  as Zensical) and swap the new site in whole.

A failed build leaves docs/ and site/ as they were. `leap build`, `leap serve` and plain
`mkdocs build`/`serve` all go through here.
"""

from __future__ import annotations

import dataclasses
import logging
from contextlib import ExitStack
from pathlib import Path
from typing import Any, cast

from jinja2 import Environment
from markupsafe import Markup
from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files

from ...errors import ContentError, Problem, UnsafePath, stop_on_terminate
from ...files.writer import read_manifest
from ...pages.safe import attribute
from ...pages.templating import theme_cache
from .. import bundled, publish
from ..generate import Generated, generate, write_docs
from ..languages import languages_of_guide, theme_credit
from .config import LeapConfig, settings_of
from .preview import GeneratedFile, Preview, add_word_forms, merge_search_index
from .serve import guard_hosts

log = logging.getLogger("mkdocs.plugins.leap")
say = logging.getLogger("leap")  # content warnings: outside "mkdocs", so strict mode does not count them
SANITIZE = "generator.pages.sanitize"


class ContentProblems(PluginError):
    """The content (or a folder) has errors; ``problems`` lists them, the message is their lines."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def _include_engine_files(config: MkDocsConfig) -> None:
    """The sanitiser, and the engine's stylesheet and scripts, whether mkdocs.yml lists them or not."""
    if SANITIZE not in config.markdown_extensions:
        config.markdown_extensions.append(SANITIZE)
    for listed, wanted in ((config.extra_css, bundled.STYLESHEETS), (config.extra_javascript, bundled.SCRIPTS)):
        for at, path in bundled.missing_in_order([str(entry) for entry in listed], wanted):
            listed.insert(at, path)
    polyfills = config.extra.setdefault("polyfills", [])
    polyfills.extend(path for path in bundled.POLYFILLS if path not in polyfills)


def _theme_text(config: MkDocsConfig, site_name: str, description: str) -> None:
    """The values Material prints: the site's name (the guide's unless mkdocs.yml names it), its
    description and copyright, as HTML text, so that they read as written and run nothing.

    Material prints them unescaped (in ``<title>``, the header, an ``aria-label``, a ``<meta>``,
    the footer), but for the name in the logo's ``title``, which it escapes (``| e``). As Markup the
    text is escaped once, and ``| e`` leaves it as it is. With ``content.tooltips``, though,
    Material's script shows that ``title`` as HTML in a tooltip: there the name must be escaped
    twice, once for the attribute and once for the tooltip (:class:`_ReadBack`)."""
    tooltips = "content.tooltips" in (config.theme.get("features") or [])
    text = attribute(site_name)
    config.site_name = _ReadBack(text) if tooltips else Markup(text)
    if config.site_description or description:
        config.site_description = Markup(attribute(config.site_description or description))
    if config.copyright:
        config.copyright = Markup(attribute(config.copyright))


class _ReadBack(str):
    """HTML text that the theme's script reads back as HTML wherever a template escapes it: printed
    as it is, and escaped once more by ``| e``."""

    __slots__ = ()

    def __html__(self) -> str:
        return attribute(str(self))


class LeapPlugin(BasePlugin[LeapConfig]):  # type: ignore[no-untyped-call]
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.generated: Generated | None = None  # `leap serve` keeps the last good pages across rebuilds
        self._staging: Path | None = None
        self._site_dir: Path | None = None
        self._held = ExitStack()
        self._warnings = utils.CountHandler()  # this build's warnings: a new one for each build
        self._own_nav = True
        self._preview = Preview()
        self._rebuilt: set[str] = set()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        stop_on_terminate()  # plain `mkdocs build` too: SIGTERM cleans up like Ctrl-C

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        _include_engine_files(config)
        settings = settings_of(config, self.config)
        if self.command == "serve":  # MkDocs sets site_url to its own address: PDFs printed for none match
            settings = dataclasses.replace(settings, site_url="")
        try:
            self.generated = generate(settings)
        except ContentError as err:
            if self.command == "serve" and self.generated is not None:
                for problem in err.problems:  # keep serving the last good pages
                    log.error(str(problem))
                self.generated = generate(settings, self.generated.rendered)
            else:
                raise ContentProblems(err.problems) from None
        rendered = self.generated.rendered
        for warning in rendered.checked.warnings:
            say.warning(str(warning))
        guide = rendered.checked.content.guide
        _theme_text(config, rendered.brand.site_name, guide.description or guide.tagline)
        languages = languages_of_guide(guide, settings.site_language)
        config.extra.update(theme_credit(rendered.checked.language, config.extra))
        if languages.translations:  # the theme's language selector, on every page
            config.extra["alternate"] = languages.alternates(rendered.checked.language, _read_from_files(config))
            if self.config.publish and self.command == "build":
                say.warning(
                    f"the guide is in {len(languages.all)} languages, and this builds one: `leap build` builds them all"
                )
        self._own_nav = config.nav is None
        if self.command == "build":
            # MkDocs keeps this plugin for the next build in the same process: count only this build's.
            logging.getLogger("mkdocs").removeHandler(self._warnings)
            self._warnings = utils.CountHandler()
            self._warnings.setLevel(logging.WARNING)
            logging.getLogger("mkdocs").addHandler(self._warnings)
            if self.config.publish:
                self._start_publishing(config, settings.root)
        return config

    def _start_publishing(self, config: MkDocsConfig, root: Path) -> None:
        """Hold the build lock and build into a staging folder beside the site."""
        self._held.enter_context(publish.build_lock(root, say.warning))
        self._site_dir = Path(config.site_dir)
        try:
            self._staging = publish.prepare(self._site_dir)
        except (UnsafePath, OSError) as err:
            raise ContentProblems([Problem(self._site_dir.as_posix(), 1, str(err))]) from None
        config.site_dir = str(self._staging)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Hand MkDocs the generated pages from memory, and the printed PDFs from the store."""
        assert self.generated is not None
        pages = self.generated.pages
        owned = read_manifest(Path(config.docs_dir)).hashes
        clashes = []
        for file in list(files):
            if file.src_uri in pages and file.src_uri not in owned:
                clashes.append(
                    Problem(
                        Path(config.docs_dir, file.src_uri).as_posix(),
                        1,
                        "a hand-written page where leap generates one: rename or move it",
                    )
                )
            if file.src_uri in pages or file.src_uri in owned:
                files.remove(file)  # generated: the current version comes from memory below
        if clashes:
            raise ContentProblems(clashes)
        for path, data in self.generated.pdfs.items():
            files.append(File.generated(config, path, content=data))
        own_pages = sorted(f.src_uri for f in files.documentation_pages())
        if self._own_nav:  # the guide in learning order, then the hand-written pages
            config.nav = [*self.generated.rendered.nav, *own_pages]
        pruned = "navigation.prune" in (config.theme.get("features") or [])
        changed = self._preview.changed(pages, config.nav or [], pruned) if self.command == "serve" else None
        for path, text in pages.items():
            file = cast(GeneratedFile, GeneratedFile.generated(config, path, content=text))
            file.modified = changed is None or path in changed
            files.append(file)
        self._rebuilt = {f.url for f in files.documentation_pages() if f.is_modified()}
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """The theme's templates compile once, not on every build: MkDocs makes a new environment
        for each build, so give it a cache of compiled templates (as our own environment has)."""
        if env.bytecode_cache is None:
            env.bytecode_cache = theme_cache()
        return env

    @event_priority(100)  # before the search plugin writes its index
    def _before_index(self, *, config: MkDocsConfig) -> None:
        if self.command == "serve":
            merge_search_index(config, self._rebuilt)
        add_word_forms(config)

    # Once every plugin has written its files (the search index, the offline copy).
    @event_priority(-100)
    def _publish(self, *, config: MkDocsConfig) -> None:
        if self.command != "build" or self.generated is None:
            return
        if config.strict and self._warnings.get_counts():
            return  # MkDocs aborts the build next; on_build_error discards the staging folder
        docs = Path(config.docs_dir)
        try:
            report = write_docs(self.generated, docs)
        except (ContentError, UnsafePath) as err:
            problems = err.problems if isinstance(err, ContentError) else [Problem(docs.as_posix(), 1, str(err))]
            raise ContentProblems(problems) from None
        for note in report.notes(docs):
            say.warning(note)
        if self._staging is None or self._site_dir is None:
            return  # built into a folder that `leap build` publishes with the other languages'
        publish.publish(self._staging, self._site_dir)
        self._staging = None
        config.site_dir = str(self._site_dir)
        self._finish()  # and let go of the build lock: `mkdocs serve --clean` builds again in this process

    on_post_build = CombinedEvent(_before_index, _publish)

    def on_build_error(self, *, error: Exception) -> None:
        self._finish()

    def on_shutdown(self) -> None:
        self._finish()

    def _finish(self) -> None:
        if self._staging is not None:
            publish.discard(self._staging)
            self._staging = None
        logging.getLogger("mkdocs").removeHandler(self._warnings)
        self._held.close()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when the content changes; answer only requests addressed to this server."""
        server.watch(str(settings_of(config, self.config).content_dir))
        guard_hosts(server, config.dev_addr.host, config.dev_addr.port)
        return server


def _read_from_files(config: MkDocsConfig) -> bool:
    """Whether the site's links name files: no directory URLs, or the offline plugin (which turns
    them off in its own on_config, after this plugin's) enabled."""
    offline = [plugin for name, plugin in config.plugins.items() if name in ("offline", "material/offline")]
    return not config.use_directory_urls or any(plugin.config.get("enabled", True) for plugin in offline)
