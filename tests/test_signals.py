"""Ctrl-C (SIGINT to the whole process group, as a terminal sends it) and SIGTERM (to leap alone, as a
service manager sends it) at several moments of `leap build` (both builders) and `leap pdf`: leap
stops, leaves no process behind (Zensical, Chromium and Playwright's driver included), no staging
folder and no config of its own, and the old site stays as it was; the next build works."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MINI, ROOT, make_project

pytestmark = pytest.mark.slow

LAUNCH = "from generator.launch import main; main()"  # the `leap` command's own entry point


def _digest(site: Path) -> str:
    hasher = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        hasher.update(path.relative_to(site).as_posix().encode() + b"\0" + path.read_bytes())
    return hasher.hexdigest()


def _leftovers(marker: str) -> list[str]:
    """Every process still running with this run's marker in its environment."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker.encode() in (entry / "environ").read_bytes():
                found.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")[:120])
        except OSError:
            continue
    return found


def _wait_for(condition: Callable[[], bool], process: subprocess.Popen[str], limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        assert process.poll() is None, "leap ended before the moment came"
        assert time.monotonic() < deadline, "the moment never came"
        time.sleep(0.02)


def _project(where: Path) -> Path:
    make_project(where, MINI)
    result = subprocess.run(
        [sys.executable, "-c", LAUNCH, "build"],
        cwd=where,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    return where


def _catching(pid: int) -> bool:
    """Whether the process catches SIGTERM: leap's entry point has started (Python itself does not)."""
    status = Path(f"/proc/{pid}/status").read_text()
    caught = int(next(line for line in status.splitlines() if line.startswith("SigCgt:")).split()[1], 16)
    return bool(caught & (1 << (signal.SIGTERM - 1)))


def _staging(project: Path) -> bool:
    return any(project.glob(".site.leap-new-*"))


def _zensical_running(project: Path) -> bool:
    return any(project.glob(".leap-zensical-*.yml"))


def _printing(project: Path) -> bool:
    return any((project / ".leap-pdf").glob("base/*.pdf"))


MOMENTS: dict[str, tuple[list[str], Callable[[Path], bool] | None]] = {
    "build, while loading": (["build"], None),
    "build, MkDocs building": (["build"], _staging),
    "build, Zensical building": (["build", "--engine", "zensical"], _zensical_running),
    "pdf, building first": (["pdf", "--jobs", "2"], _staging),
    "pdf, printing": (["pdf", "--jobs", "2"], _printing),
}


@pytest.mark.parametrize("how", ["SIGINT to the group", "SIGTERM to leap"])
@pytest.mark.parametrize("moment", list(MOMENTS))
def test_a_stopped_build_leaves_no_process_no_staging_and_the_old_site(tmp_path: Path, moment: str, how: str) -> None:
    project = _project(tmp_path)
    before = _digest(project / "site")
    args, ready = MOMENTS[moment]
    marker = f"LEAP_SIGNAL_TEST={uuid.uuid4().hex}"
    name, value = marker.split("=")
    process = subprocess.Popen(
        [sys.executable, "-c", LAUNCH, *args],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1", name: value},
    )
    if ready is None:  # as soon as leap has started, while it still loads the engine
        _wait_for(lambda: _catching(process.pid), process)
    else:
        _wait_for(lambda: ready(project), process)
    if how == "SIGINT to the group":
        os.killpg(process.pid, signal.SIGINT)
    else:
        process.send_signal(signal.SIGTERM)
    output, _ = process.communicate(timeout=120)
    assert "Traceback" not in output, output
    deadline = time.monotonic() + 10
    while _leftovers(value) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _leftovers(value) == []
    assert not _staging(project) and not _zensical_running(project)
    assert not list(project.glob(".leap-pdf/**/*.tmp")), "a half-written PDF was left in the store"
    if process.returncode == 0:  # it had finished: the new site, whole
        assert (project / "site" / "index.html").is_file()
    else:
        assert process.returncode in (130, 143), output
        assert _digest(project / "site") == before
    again = subprocess.run(
        [sys.executable, "-c", LAUNCH, "build"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"},
    )
    assert again.returncode == 0, again.stderr
