"""Benchmark: under `leap serve`, the time from saving a content file to the reloaded page.

    python benchmarks/serve_reload.py [--runs 5] [--size 10] [--engine mkdocs|zensical]

It makes a project of the shipped guide copied ``--size`` times (as benchmarks/run.py does: 10x
by default, about 750 pages), starts `leap serve` there, opens a trait page in
headless Chromium (Debian's, through Playwright), then saves an edit into that trait's YAML file
and waits until the browser shows it. That covers noticing the change, regenerating the pages,
rebuilding what changed and the live-reload in the page. Two kinds of edit, each run in turn:

- words: a sentence of the page's text changes (only that page is rebuilt);
- title: the page's title changes (so do its worksheet, its section and every page that lists it).

Prints one row per run and the median of each kind.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.run import synthesize
from generator.paper.pdf import CHROMIUM, CHROMIUM_ARGS

TRAIT = "vision"
# Each edit: the trait's fields, and a marker to put in them.
EDITS: dict[str, Callable[[dict[str, Any], str], None]] = {
    "words": lambda item, marker: item.update(body=f"Now {marker}. {item['body']}"),
    "title": lambda item, marker: item.update(title=f"Vision, {marker}"),
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"leap serve did not answer at {url} within {seconds:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", type=int, default=10, help="copies of the shipped guide")
    parser.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs")
    args = parser.parse_args()
    runs = args.runs
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as work:
        project = Path(work)
        synthesize(project / "content", args.size)
        (project / "docs").mkdir()
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
        server = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "serve", "-a", f"127.0.0.1:{port}", "--engine", args.engine],
            cwd=project,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        source = project / "content" / "traits" / f"{TRAIT}.yaml"
        original = source.read_text(encoding="utf-8")
        url = f"http://127.0.0.1:{port}/traits/{TRAIT}/"
        timings: dict[str, list[float]] = {kind: [] for kind in EDITS}
        try:
            wait_for(url)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                page = browser.new_page()
                page.goto(url)
                print(f"{'run':>3} {'edit':>6} {'save to reloaded page, s':>25}")
                item = yaml.safe_load(original)
                for run in range(1, runs + 1):
                    for kind, edit in EDITS.items():
                        time.sleep(2.5)  # let the previous rebuild settle
                        marker = f"{kind} edit {run}"
                        edit(item, marker)
                        text = yaml.safe_dump(item, allow_unicode=True, sort_keys=False)
                        start = time.perf_counter()
                        source.write_text(text, encoding="utf-8")
                        page.wait_for_function(
                            "t => (document.querySelector('article') || {}).textContent?.includes(t)",
                            arg=marker,
                            timeout=120_000,
                            polling=20,
                        )
                        timings[kind].append(time.perf_counter() - start)
                        print(f"{run:>3} {kind:>6} {timings[kind][-1]:>25.2f}", flush=True)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    for kind, values in timings.items():
        print(
            f"median save-to-reload under leap serve --engine {args.engine} at {args.size}x, {kind} edit: "
            f"{statistics.median(values):.2f} s"
        )


if __name__ == "__main__":
    main()
