"""mkdocs.yml as Zensical reads it, the engine's settings from it, and the engine's own config that
Zensical builds from.

The engine's config sits beside mkdocs.yml for as long as Zensical runs. It inherits mkdocs.yml
(Zensical's ``INHERIT``: mappings merged, lists joined) and adds only what the leap plugin sets
under MkDocs: the site's name and description, the navigation in learning order, the engine's
stylesheets, scripts, polyfill and sanitiser, the staging folder and, with ``offline``, the
offline plugin; and Material's look (``theme.variant: classic``) unless mkdocs.yml asks for
another. Every value the theme prints as it is (the name, the description, the copyright) is
written as HTML text (:func:`theme_text`), so that it reads as written and runs nothing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from ...errors import ContentError, LeapError, Problem
from ...files.paths import markdown_files
from ...files.writer import atomic
from ...pages.brand import Brand
from ...pages.safe import attribute
from .. import bundled
from ..generate import Generated
from ..languages import Languages, theme_credit
from ..settings import Options, Settings, colours

SANITIZE = "generator.pages.sanitize"
CHILD = ".leap-zensical-"  # the engine's config for Zensical: .leap-zensical-<pid>.yml beside mkdocs.yml
VARIANT = "classic"  # Zensical's port of Material's look: the site looks as MkDocs builds it


def theme_text(value: str) -> str:
    """A value Zensical's theme prints unescaped (in ``<title>``, the header, an ``aria-label``, the
    logo's ``alt``, the description's ``<meta>``, the footer), as HTML text."""
    return attribute(value)


def tooltips(config: dict[str, Any]) -> bool:
    """Whether the theme's script shows ``title`` attributes as HTML tooltips (``content.tooltips``)."""
    return "content.tooltips" in (mapping(config.get("theme")).get("features") or [])


def settings(options: Options) -> Settings:
    """The engine's settings, read from mkdocs.yml (and the files it inherits) as Zensical reads it."""
    return settings_of(options, read_config(options.config_file))


def settings_of(options: Options, config: dict[str, Any]) -> Settings:
    """The engine's settings from a config read by :func:`read_config`."""
    where = options.config_file.as_posix()
    leap = next((entry.get("leap") for entry in _entries(config.get("plugins")) if "leap" in entry), None)
    if leap is None:
        raise LeapError(f"{where}: add `- leap` under `plugins:`; it generates the guide's pages from the content")
    leap = leap or {}
    if not isinstance(leap, dict):
        raise ContentError([Problem(where, 1, "the leap plugin's settings must be a mapping")])
    try:
        brand_colours = colours(leap.get("colours"))
    except ValueError as err:
        raise ContentError([Problem(where, 1, f"leap: colours: {err}")]) from None
    root = options.config_file.resolve().parent
    theme = mapping(config.get("theme"))
    content = options.content_dir.resolve() if options.content_dir else root / str(leap.get("content") or "content")
    assets = tuple(
        str(entry.get("path") if isinstance(entry, dict) else entry)
        for entry in [
            *(config.get("extra_css") or []),
            *bundled.STYLESHEETS,
            *(config.get("extra_javascript") or []),
            *bundled.SCRIPTS,
        ]
    )
    look = [
        "zensical",
        _version(),
        theme.get("name"),
        theme.get("variant") or VARIANT,
        theme.get("language"),
        theme.get("features"),
    ]
    return Settings(
        root=root,
        content_dir=content,
        docs_dir=root / str(config.get("docs_dir") or "docs"),
        brand=Brand(
            site_name=str(config.get("site_name") or ""),
            organisation=str(leap.get("organisation") or ""),
            logo=str(theme.get("logo") or ""),
            colours=tuple(sorted(brand_colours.items())),
        ),
        strict=options.strict or bool(leap.get("strict")),
        site_url=options.site_url or str(config.get("site_url") or ""),
        directory_urls=bool(config.get("use_directory_urls", True)) and not options.offline,
        look=json.dumps([*look, names(config.get("markdown_extensions")), list(dict.fromkeys(assets))], default=str),
        assets=tuple(dict.fromkeys(assets)),
        site_language=str(theme.get("language") or ""),
    )


@contextmanager
def engine_config(
    config: dict[str, Any],
    current: Settings,
    generated: Generated,
    options: Options,
    site_dir: Path,
    languages: Languages | None = None,
) -> Iterator[Path]:
    """The engine's config for Zensical, beside mkdocs.yml for as long as Zensical runs; for one
    language of a guide in several (``languages``), that language's."""
    root = current.root
    rendered = generated.rendered
    guide = rendered.checked.content.guide
    child: dict[str, Any] = {
        "INHERIT": options.config_file.resolve().name,
        "site_dir": os.path.relpath(site_dir, root),
        "site_name": theme_text(rendered.brand.site_name),
    }
    description = str(config.get("site_description") or guide.description or guide.tagline or "")
    if description:
        child["site_description"] = theme_text(description)
    if config.get("copyright"):
        child["copyright"] = theme_text(str(config["copyright"]))
    if options.site_url:
        child["site_url"] = options.site_url
    theme = {} if mapping(config.get("theme")).get("variant") else {"variant": VARIANT}
    if languages is not None:
        language = rendered.checked.language
        theme["language"] = language
        child["docs_dir"] = os.path.relpath(current.docs_dir, root)
        if language == languages.source:
            given = config.get("exclude_docs")
            child["exclude_docs"] = "\n".join([*([given] if isinstance(given, str) else []), *languages.excluded()])
    if theme:
        child["theme"] = theme
    if not config.get("nav"):
        skip = languages.translations if languages is not None and not current.language else ()
        own = [path for path in markdown_files(current.docs_dir, skip) if path not in generated.pages]
        child["nav"] = [*rendered.nav, *own]
    # Lists in the child are added to mkdocs.yml's: only what it lacks.
    child["markdown_extensions"] = [SANITIZE] if SANITIZE not in names(config.get("markdown_extensions")) else []
    child["extra_css"] = _missing(config.get("extra_css"), bundled.STYLESHEETS)
    child["extra_javascript"] = _missing(config.get("extra_javascript"), bundled.SCRIPTS)
    extra = mapping(config.get("extra"))
    child["extra"] = {
        "polyfills": _missing(extra.get("polyfills"), bundled.POLYFILLS),
        **theme_credit(rendered.checked.language, extra),
    }
    if languages is not None:  # the theme's language selector
        child["extra"]["alternate"] = languages.alternates(
            rendered.checked.language, options.offline or not config.get("use_directory_urls", True)
        )
    if options.offline:
        child["plugins"] = [{"offline": {"enabled": True}}]
    _clear_configs(root)
    path = root / f"{CHILD}{os.getpid()}.yml"
    try:
        with atomic(path) as file:
            file.write(yaml.safe_dump(child, allow_unicode=True, sort_keys=False).encode("utf-8"))
        yield path
    finally:
        path.unlink(missing_ok=True)


def _clear_configs(root: Path) -> None:
    """The configs of leap processes that were killed before they could remove them."""
    for path in root.glob(f"{CHILD}*.yml"):
        pid = path.name.removeprefix(CHILD).removesuffix(".yml")
        if pid.isdigit() and not _running(int(pid)) and not path.is_symlink():
            path.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    if os.name != "posix":  # (elsewhere, signal 0 is no harmless question)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def names(listed: Any) -> list[str]:
    """The names in a list of MkDocs-style entries: a name, or a one-key mapping of a name to its options."""
    if isinstance(listed, dict):
        return [str(name) for name in listed]
    found = []
    for entry in listed or []:
        if isinstance(entry, dict):
            found += [str(name) for name in entry]
        elif isinstance(entry, str):
            found.append(entry)
    return found


def _missing(listed: Any, wanted: tuple[str, ...]) -> list[str]:
    have = {entry.get("path") if isinstance(entry, dict) else entry for entry in listed or []}
    return [path for path in wanted if path not in have]


def mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _entries(listed: Any) -> list[dict[str, Any]]:
    """Plugins as one-key mappings, whichever way mkdocs.yml lists them."""
    if isinstance(listed, dict):
        return [{name: value} for name, value in listed.items()]
    return [entry if isinstance(entry, dict) else {str(entry): None} for entry in listed or []]


def _version() -> str:
    try:
        return metadata.version("zensical")
    except metadata.PackageNotFoundError:
        return ""


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as Zensical reads it: ``!ENV`` is an environment variable; other tags (Python
    names of Markdown extensions' functions) are kept as their text, which the engine never needs."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    listed = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else []
    if isinstance(node, yaml.SequenceNode):
        listed = loader.construct_sequence(node)
    *variables, default = listed if len(listed) > 1 else [*listed, None]
    return next((os.environ[str(name)] for name in variables if str(name) in os.environ), default)


def _other(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return f"{suffix}{node.value}" if isinstance(node, yaml.ScalarNode) else None


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("", _other)


def read_config(path: Path, depth: int = 0) -> dict[str, Any]:
    """mkdocs.yml as a mapping, with the files it names in ``INHERIT`` under it (mappings merged,
    lists joined, as Zensical does)."""
    try:
        with path.open(encoding="utf-8") as file:
            config = yaml.load(file, Loader=_Loader)
    except OSError as err:
        raise LeapError(f"cannot read {path.as_posix()}: {err.strerror or err}") from None
    except yaml.YAMLError as err:
        raise LeapError(f"{path.as_posix()}: not valid YAML: {err}") from None
    if not isinstance(config, dict):
        raise LeapError(f"{path.as_posix()}: not a mapping of settings")
    parent = config.pop("INHERIT", None)
    if parent and depth < 8:
        return _merged(read_config(path.parent / str(parent), depth + 1), config)
    return config


def _merged(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merged(out[key], value)
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = [*out[key], *value]
        else:
            out[key] = value
    return out
