"""Building and serving with Zensical, Material for MkDocs' successor, which reads mkdocs.yml but
runs no MkDocs plugins.

The engine's work happens first, as for MkDocs (:func:`generator.site.generate.generate`), and its
pages are written into docs/, where Zensical reads them. Zensical then builds from a config of the
engine's own, beside mkdocs.yml, which inherits mkdocs.yml (Zensical's ``INHERIT``) and adds only
what the leap plugin would have set: the site's name, the navigation in learning order, the
engine's stylesheets, scripts and sanitiser, the staging folder and, with ``offline``, the offline
plugin. Zensical builds in a process of its own, strictly; the site is swapped in
whole, with the printed PDFs, only once it has succeeded.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from ..errors import ContentError, LeapError, Problem
from ..files.paths import markdown_files
from ..files.writer import atomic
from ..pages.brand import Brand
from . import bundled, publish
from .generate import Built, Generated, generate, write_docs
from .settings import Options, Settings, colours

say = logging.getLogger("leap")
SANITIZE = "generator.pages.sanitize"
CHILD = ".leap-zensical-"  # the engine's config for Zensical: .leap-zensical-<pid>.yml beside mkdocs.yml
POLL = 0.5  # seconds between looks at the content folder under `leap serve`


def settings(options: Options) -> Settings:
    """The engine's settings, read from mkdocs.yml (and the files it inherits) as Zensical reads it."""
    config = read_config(options.config_file)
    return _settings(options, config)


def build(options: Options) -> Built:
    """Generate the pages into docs/, have Zensical build them into a staging folder, add the
    printed PDFs, and swap the site in whole."""
    config = read_config(options.config_file)
    current = _settings(options, config)
    site = options.site
    _inside_project(site, current.root)
    with publish.build_lock(current.root, say.warning):
        generated = generate(current)
        _show_warnings(generated)
        _write(generated, current.docs_dir)
        staging = publish.prepare(site)
        try:
            with _child_config(config, current, generated, options, staging) as child:
                _build_site(child)
            for path, data in generated.pdfs.items():
                (staging / path).parent.mkdir(parents=True, exist_ok=True)
                (staging / path).write_bytes(data)
            publish.publish(staging, site)
        finally:
            publish.discard(staging)
    return Built(generated, site)


def serve(options: Options, dev_addr: str) -> None:
    """Zensical's live preview of docs/, with the pages regenerated whenever a content file changes."""
    config = read_config(options.config_file)
    current = _settings(options, config)
    generated = generate(current)
    _write(generated, current.docs_dir)
    preview = Path(tempfile.mkdtemp(prefix=".leap-serve-", dir=current.root))
    try:
        with _child_config(config, current, generated, options, preview) as child:
            server = subprocess.Popen([sys.executable, "-m", "zensical", "serve", "-f", str(child), "-a", dev_addr])
            try:
                _regenerate_on_change(current, server)
            except KeyboardInterrupt:
                say.info("Shutting down...")
            finally:
                server.terminate()
                server.wait()
    finally:
        shutil.rmtree(preview, ignore_errors=True)


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


@contextmanager
def _child_config(
    config: dict[str, Any], current: Settings, generated: Generated, options: Options, site_dir: Path
) -> Iterator[Path]:
    """The engine's config for Zensical, beside mkdocs.yml for as long as Zensical runs."""
    root = current.root
    rendered = generated.rendered
    child: dict[str, Any] = {"INHERIT": options.config_file.resolve().name, "site_dir": os.path.relpath(site_dir, root)}
    guide = rendered.checked.content.guide
    if not config.get("site_name"):
        child["site_name"] = rendered.brand.site_name
    if not config.get("site_description"):
        child["site_description"] = guide.description or guide.tagline
    if options.site_url:
        child["site_url"] = options.site_url
    if not config.get("nav"):
        own = [path for path in markdown_files(current.docs_dir) if path not in generated.pages]
        child["nav"] = [*rendered.nav, *own]
    # Lists in the child are added to mkdocs.yml's: only what it lacks.
    child["markdown_extensions"] = [SANITIZE] if SANITIZE not in _names(config.get("markdown_extensions")) else []
    child["extra_css"] = _missing(config.get("extra_css"), bundled.STYLESHEETS)
    child["extra_javascript"] = _missing(config.get("extra_javascript"), bundled.SCRIPTS)
    extra = _mapping(config.get("extra"))
    child["extra"] = {"polyfills": _missing(extra.get("polyfills"), bundled.POLYFILLS)}
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


def _names(listed: Any) -> list[str]:
    """The names in a list of MkDocs-style entries: a name, or a one-key mapping of a name to its options."""
    if isinstance(listed, dict):
        return [str(name) for name in listed]
    names = []
    for entry in listed or []:
        if isinstance(entry, dict):
            names += [str(name) for name in entry]
        elif isinstance(entry, str):
            names.append(entry)
    return names


def _missing(listed: Any, wanted: tuple[str, ...]) -> list[str]:
    have = {entry.get("path") if isinstance(entry, dict) else entry for entry in listed or []}
    return [path for path in wanted if path not in have]


def _settings(options: Options, config: dict[str, Any]) -> Settings:
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
    theme = _mapping(config.get("theme"))
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
        theme.get("variant"),
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
        look=json.dumps([*look, _names(config.get("markdown_extensions")), list(dict.fromkeys(assets))], default=str),
        assets=tuple(dict.fromkeys(assets)),
    )


def _mapping(value: Any) -> dict[str, Any]:
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
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else []
    if isinstance(node, yaml.SequenceNode):
        names = loader.construct_sequence(node)
    *variables, default = names if len(names) > 1 else [*names, None]
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
