"""Building and serving with MkDocs and Material for MkDocs, in this process.

The build's options reach MkDocs before it validates its config, as if mkdocs.yml said them: the
site's folder and address as MkDocs' own settings, the content folder and strictness in the leap
plugin's entry, and ``--offline`` in the offline plugin's. MkDocs then builds as `mkdocs build`
does, with the leap plugin (:mod:`.plugin`) doing the engine's work.

A guide in more than one language (:mod:`generator.site.languages`) is one MkDocs build per
language, into one staging folder (the translations' under ``<language>/``), each with the theme
and search in its language; the site is published whole once every language has been built.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import material
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.utils.yaml import yaml_load

from ...errors import ContentError, LeapError
from .. import publish
from ..generate import Built
from ..languages import Languages, languages_of
from ..settings import Options, Settings
from .config import settings_of
from .serve import serve as live_preview

OFFLINE = ("offline", "material/offline")
SEARCH = ("search", "material/search")
_LUNR = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
say = logging.getLogger("leap")


def _make_docs_dir(docs: Path) -> None:
    """The folder the guide's pages are generated into, made when a new project has none yet
    (MkDocs refuses a docs_dir that does not exist)."""
    if not docs.exists() and not docs.is_symlink():
        docs.mkdir(parents=True)


def load(options: Options, language: Language | None = None, **values: Any) -> MkDocsConfig:
    """mkdocs.yml as MkDocs reads it, with the options given as settings and, for one language of
    a guide in several, that language's; MkDocs logs what is wrong with it."""
    try:
        with options.config_file.open("rb") as file:
            raw = yaml_load(file)
        plugins = _plugins(raw.get("plugins"), options, language)
        _make_docs_dir(options.config_file.parent / str(raw.get("docs_dir") or "docs"))
        if language is not None:
            values.update(_language(raw, language))
        return load_config(str(options.config_file), strict=True, plugins=plugins, **values)
    except MkDocsException:
        raise LeapError(f"{options.config_file.as_posix()}: see the messages above") from None
    except OSError as err:
        raise LeapError(f"cannot read {options.config_file.as_posix()}: {err.strerror or err}") from None


@dataclass(frozen=True)
class Language:
    """One language of a guide in several: which, and where its pages and site go."""

    tag: str
    languages: Languages
    docs_dir: Path
    site_dir: Path


def _language(raw: dict[str, Any], language: Language) -> dict[str, Any]:
    """The settings of one language's build: its pages' and site's folders, the theme in its
    language, and, for the source language, the translations' folders left out of docs/."""
    theme = raw.get("theme")
    theme = dict(theme) if isinstance(theme, dict) else {"name": theme or "mkdocs"}
    theme["language"] = language.tag
    values: dict[str, Any] = {"docs_dir": str(language.docs_dir), "site_dir": str(language.site_dir), "theme": theme}
    if language.tag == language.languages.source:
        given = raw.get("exclude_docs")
        values["exclude_docs"] = "\n".join(
            [*([given] if isinstance(given, str) else []), *language.languages.excluded()]
        )
    return values


def _plugins(listed: Any, options: Options, language: Language | None = None) -> list[Any]:
    """The plugins mkdocs.yml lists, with the leap plugin's and the offline plugin's options set
    (and, for one language of a guide in several, the language to build and search in)."""
    entries = (
        list(listed.items())
        if isinstance(listed, dict)
        else [
            next(iter(entry.items())) if isinstance(entry, dict) and len(entry) == 1 else (entry, None)
            for entry in listed or []
        ]
    )
    names = [name for name, _ in entries]
    if "leap" not in names:
        raise LeapError(
            f"{options.config_file.as_posix()}: add `- leap` under `plugins:`; it generates the guide's pages "
            "from the content"
        )
    if options.offline and not set(OFFLINE) & set(names):
        raise LeapError("--offline needs `- offline` under plugins in mkdocs.yml")
    plugins: list[Any] = []
    for name, given in entries:
        settings = dict(given) if isinstance(given, dict) else {}
        if name == "leap":
            settings["strict"] = options.strict
            if options.content_dir is not None:
                settings["content"] = str(options.content_dir.resolve())
            if language is not None:
                settings["language"] = language.languages.folder(language.tag)
                settings["publish"] = False
        elif name in SEARCH and language is not None and _searchable(language.tag):
            settings["lang"] = [language.tag.split("-")[0]]
        elif name in OFFLINE and options.offline:
            settings["enabled"] = True
        plugins.append({name: settings} if settings or given is not None else name)
    return plugins


def settings(options: Options) -> Settings:
    """The engine's settings, for the commands that do not build a site."""
    config = load(options)
    return settings_of(config, config.plugins["leap"].config)


def build(options: Options) -> Built:
    """MkDocs' build, in this process, as `mkdocs build` runs it: the leap plugin publishes the site
    only once the whole build has succeeded. For a guide in several languages, a build per language,
    published together."""
    site = options.site
    current = settings(options)
    languages = languages_of(current.content_dir, current.site_language)
    if not languages.translations:
        return _build(load(options, site_dir=str(site), site_url=options.site_url))
    with publish.build_lock(current.root, say.warning):
        staging = publish.prepare(site)
        try:
            built = [
                _build(
                    load(
                        options,
                        Language(tag, languages, *_folders(current.docs_dir, staging, languages, tag)),
                        site_url=options.site_url,
                    )
                )
                for tag in languages.all
            ]
            publish.publish(staging, site)
        finally:
            publish.discard(staging)
    return Built(
        built[0].generated,
        site,
        tuple(Built(one.generated, site / tag) for one, tag in zip(built[1:], languages.translations, strict=True)),
    )


def _folders(docs: Path, staging: Path, languages: Languages, tag: str) -> tuple[Path, Path]:
    """A language's docs/ folder (created for a translation: its own hand-written pages go there)
    and its site's folder in the staging folder."""
    folder = languages.folder(tag)
    if folder:
        (docs / folder).mkdir(parents=True, exist_ok=True)
    return (docs / folder if folder else docs), (staging / folder if folder else staging)


def _build(config: MkDocsConfig) -> Built:
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    except MkDocsException as err:
        problems = getattr(err.__context__, "problems", None) or getattr(err, "problems", None)
        if problems:
            raise ContentError(problems) from None
        raise LeapError("the build failed, so nothing was written: see the messages above") from None
    except OSError as err:  # a full disk, say: the old site and docs/ are as they were
        raise LeapError(f"{err.filename or ''}: {err.strerror or err}; nothing was published") from None
    finally:
        config.plugins.on_shutdown()
    plugin: Any = config.plugins["leap"]
    return Built(plugin.generated, Path(config.site_dir))


def _searchable(tag: str) -> bool:
    """Whether Material's search knows the language's words (its lunr-languages stemmers)."""
    code = tag.split("-")[0]
    return code == "en" or (_LUNR / f"lunr.{code}.min.js").is_file()


def serve(options: Options, dev_addr: str) -> None:
    """A live preview: MkDocs' server, rebuilding what each edit changes."""
    try:
        live_preview(lambda site_dir: load(options, site_dir=site_dir, dev_addr=dev_addr))
    except MkDocsException:
        raise LeapError("the preview stopped: see the messages above") from None
