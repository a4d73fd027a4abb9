"""Publish a built site whole, or not at all.

MkDocs builds into a staging folder beside the site (``.site.leap-new-<pid>``); only when the
build has succeeded is it swapped in, with one atomic rename (Linux's ``renameat2`` exchange),
so a reader, or a build killed at any moment, sees the old site or the new one, never half of
either. A marker file says a folder is a site leap built: leap replaces no other non-empty
folder. A file lock makes a second build in the same project wait for the first.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import UnsafePath
from ..files.paths import real_folder

MARKER = ".leap-site"
LOCK = ".leap.lock"


def is_ours(site_dir: Path) -> bool:
    """A folder leap built: it has the marker, or is a site from a leap release before the marker."""
    return (site_dir / MARKER).is_file() or (
        (site_dir / "data" / "guide.json").is_file() and (site_dir / "search" / "search_index.json").is_file()
    )


def prepare(site_dir: Path) -> Path:
    """Check that ``site_dir`` may be replaced, clear what killed builds left, and return a new,
    empty staging folder beside it."""
    real_folder(site_dir, "site")
    _recover(site_dir)
    if site_dir.is_dir() and any(site_dir.iterdir()) and not is_ours(site_dir):
        raise UnsafePath(
            f"{site_dir.as_posix()} is not empty and was not built by leap, so leap will not "
            "replace it; choose an empty or new folder with -d"
        )
    staging = site_dir.parent / f".{site_dir.name}.leap-new-{os.getpid()}"
    staging.mkdir(parents=True)
    return staging


def publish(staging: Path, site_dir: Path) -> None:
    """Swap the finished staging folder in as ``site_dir``; the old site is then removed."""
    (staging / MARKER).write_text("Built by leap: `leap build` replaces this folder as a whole.\n", encoding="utf-8")
    if not site_dir.exists():
        os.rename(staging, site_dir)
    elif _exchange(staging, site_dir):
        shutil.rmtree(staging)  # it now holds the old site
    else:  # no atomic exchange here: two renames, which _recover() completes after a crash
        old = site_dir.parent / f".{site_dir.name}.leap-old-{os.getpid()}"
        os.rename(site_dir, old)
        os.rename(staging, site_dir)
        shutil.rmtree(old)


def discard(staging: Path) -> None:
    if staging.is_dir() and not staging.is_symlink():
        shutil.rmtree(staging)


def _recover(site_dir: Path) -> None:
    """Leftovers of a killed build (we hold the lock, so no other build owns them): a staging
    folder is dropped; an old site moved aside but not replaced is put back."""
    for leftover in sorted(site_dir.parent.glob(f".{site_dir.name}.leap-*")):
        if leftover.is_symlink() or not leftover.is_dir():
            continue
        if "-old-" in leftover.name and not site_dir.exists():
            os.rename(leftover, site_dir)
        else:
            shutil.rmtree(leftover)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically with renameat2(RENAME_EXCHANGE); False where it is unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


@contextmanager
def build_lock(folder: Path, say: Callable[[str], None]) -> Iterator[None]:
    """Hold the project's build lock (a file lock, on every system); if another build holds it, say
    so and wait for it."""
    lock = FileLock(folder / LOCK)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        say("Another leap build is running in this project; waiting for it to finish.")
        lock.acquire()
    try:
        yield
    finally:
        lock.release()


__all__ = ["build_lock", "discard", "is_ours", "prepare", "publish"]
