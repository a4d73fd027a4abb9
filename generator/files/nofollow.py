"""Reading a folder that someone else may have tampered with (the PDF store beside a project): a
file read through no symbolic link, the links a folder holds, and a refusal to write through one."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_SAFE_OPEN = bool(_NOFOLLOW) and os.open in os.supports_dir_fd


def read_regular(folder: Path, relative: str) -> bytes | None:
    """The bytes of a regular file in ``folder``, reached through no symbolic link (neither the
    folder, nor a folder in it, nor the file), or None."""
    parts = relative.split("/")
    flags = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        if _SAFE_OPEN:  # each step opened without following a link: no gap to swap one in
            opened_folder = os.open(folder, flags | _DIRECTORY)
            try:
                for part in parts[:-1]:
                    inner = os.open(part, flags | _DIRECTORY, dir_fd=opened_folder)
                    os.close(opened_folder)
                    opened_folder = inner
                handle = os.open(parts[-1], flags, dir_fd=opened_folder)
            finally:
                os.close(opened_folder)
        else:
            steps = [folder, *(folder.joinpath(*parts[: n + 1]) for n in range(len(parts)))]
            if any(step.is_symlink() for step in steps):
                return None
            handle = os.open(folder.joinpath(*parts), flags)
        with os.fdopen(handle, "rb") as opened:
            if not stat.S_ISREG(os.fstat(opened.fileno()).st_mode):
                return None
            return opened.read()
    except OSError:
        return None


def links_in(folder: Path, *inner: str) -> list[str]:
    """The symbolic links in ``folder`` and in its ``inner`` folders, by their paths in it; ``.``
    when ``folder`` itself is one. A folder that is a link is named, never looked into."""
    if folder.is_symlink():
        return ["."]
    found: list[str] = []
    for place in (folder, *(folder / name for name in inner)):
        if place != folder and place.is_symlink():
            continue  # named among the folder's own entries
        try:
            entries = list(os.scandir(place))
        except OSError:
            continue
        found += [Path(entry.path).relative_to(folder).as_posix() for entry in entries if entry.is_symlink()]
    return sorted(found)


def refuse_links(*steps: Path) -> None:
    """Raise if any of ``steps`` (a folder about to be written into, say) is a symbolic link."""
    for step in steps:
        if step.is_symlink():
            raise OSError(errno.ELOOP, "a symbolic link, which is never followed here: remove it", str(step))
