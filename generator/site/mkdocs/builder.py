"""Building and serving with MkDocs and Material for MkDocs, in this process.

The build's options reach MkDocs before it validates its config, as if mkdocs.yml said them: the
site's folder and address as MkDocs' own settings, the content folder and strictness in the leap
plugin's entry, and ``--offline`` in the offline plugin's. MkDocs then builds as `mkdocs build`
does, with the leap plugin (:mod:`.plugin`) doing the engine's work.
"""

from __future__ import annotations

from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.utils.yaml import yaml_load

from ...errors import ContentError, LeapError
from ..generate import Built
from ..settings import Options, Settings
from .config import settings_of
from .serve import serve as live_preview

OFFLINE = ("offline", "material/offline")


def load(options: Options, **values: str) -> MkDocsConfig:
    """mkdocs.yml as MkDocs reads it, with the options given as settings ; MkDocs logs what is wrong with it."""
    try:
        with options.config_file.open("rb") as file:
            plugins = _plugins(yaml_load(file).get("plugins"), options)
        return load_config(str(options.config_file), strict=True, plugins=plugins, **values)
    except MkDocsException:
        raise LeapError(f"{options.config_file.as_posix()}: see the messages above") from None
    except OSError as err:
        raise LeapError(f"cannot read {options.config_file.as_posix()}: {err.strerror or err}") from None


def _plugins(listed: Any, options: Options) -> list[Any]:
    """The plugins mkdocs.yml lists, with the leap plugin's and the offline plugin's options set."""
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
        elif name in OFFLINE and options.offline:
            settings["enabled"] = True
        plugins.append({name: settings} if settings or given is not None else name)
    return plugins


def settings(options: Options) -> Settings:
    """The engine's settings, for the commands that do not build a site."""
    config = load(options)
    return settings_of(config, config.plugins["leap"].config)


def build(options: Options) -> Built:
    """MkDocs' build, in this process, as `mkdocs build` runs it; the leap plugin publishes the site
    only once the whole build has succeeded."""
    site = options.site
    config = load(options, site_dir=str(site), **({"site_url": options.site_url} if options.site_url else {}))
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
    return Built(plugin.generated, site)


def serve(options: Options, dev_addr: str) -> None:
    """A live preview: MkDocs' server, rebuilding what each edit changes."""
    try:
        live_preview(lambda site_dir: load(options, site_dir=site_dir, dev_addr=dev_addr))
    except MkDocsException:
        raise LeapError("the preview stopped: see the messages above") from None
