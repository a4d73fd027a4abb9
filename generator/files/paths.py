"""Paths leap reads or writes stay inside their folder: no symbolic link is followed out of it.

Every folder leap touches (content/, docs/, site/, a wiki clone, schemas/) is a *root*. A path
under a root comes from somewhere we do not control (a manifest, a CLI option, a file name), so
before it is used it is checked: relative, no ``..``, no absolute part, and no symbolic link
on the way, neither the root itself nor any folder or file inside it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Collection
from pathlib import Path, PurePosixPath

from ..errors import UnsafePath


def real_folder(folder: Path, what: str) -> Path:
    """``folder`` as given, refusing it when it is a symbolic link (its target may be anywhere)."""
    if folder.is_symlink():
        raise UnsafePath(
            f"{folder.as_posix()}: the {what} folder is a symbolic link; leap does not "
            f"follow links out of its folders, so give the real path ({os.path.realpath(folder)})"
        )
    if folder.exists() and not folder.is_dir():
        raise UnsafePath(f"{folder.as_posix()}: the {what} folder is a file, not a folder")
    return folder


def checked_relative(relative: str) -> PurePosixPath:
    """A relative path as written in a manifest or made from an id: refused when it is absolute,
    climbs out with ``..``, or holds characters no generated name has."""
    if not relative or "\\" in relative or "\0" in relative or relative.startswith("/"):
        raise UnsafePath(f"'{relative}' is not a relative path inside the folder")
    path = PurePosixPath(relative)
    if any(part in ("..", ".", "") for part in relative.split("/")) or path.is_absolute():
        raise UnsafePath(f"'{relative}' leaves the folder")
    return path


def inside(root: Path, relative: str) -> Path:
    """``root/relative``, after checking that nothing on the way, from ``root`` down to the file
    itself, is a symbolic link. Missing components are fine: they will be created as folders."""
    parts = checked_relative(relative).parts
    here = root
    for part in parts:
        here = here / part
        try:
            mode = os.lstat(here).st_mode
        except FileNotFoundError:
            break
        if stat.S_ISLNK(mode):
            raise UnsafePath(f"{here.as_posix()} is a symbolic link; leap does not write or delete through links")
    return root.joinpath(*parts)


def markdown_files(folder: Path, skip: Collection[str] = ()) -> list[str]:
    """The ``.md`` files under ``folder``, relative to it, sorted, without following links or
    entering hidden folders, nor the folders named in ``skip`` at its top."""
    out = []
    for parent, subfolders, names in os.walk(folder):
        top = Path(parent) == folder
        subfolders[:] = sorted(n for n in subfolders if not n.startswith(".") and not (top and n in skip))
        relative = Path(parent).relative_to(folder)
        out += [(relative / name).as_posix() for name in names if name.endswith(".md") and not name.startswith(".")]
    return sorted(out)
