"""Benchmark: under `leap serve`, the time from saving a content file to the reloaded page.

    python benchmarks/serve_reload.py [--runs 5]

It copies the project to a temporary folder, starts `leap serve` there, opens a trait page in
headless Chromium (Debian's, through Playwright), then saves a new title into that trait's YAML
file and waits until the browser shows it. That covers MkDocs noticing the change, regenerating
docs/, rebuilding the site and the live-reload in the page. Prints one row per run and the median.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.pdf import CHROMIUM, CHROMIUM_ARGS

TRAIT = "vision"


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
    runs = parser.parse_args().runs
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as work:
        project = Path(work)
        shutil.copytree(ROOT / "content", project / "content")
        shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        config = config.replace("- generator/mkdocs_hook.py", f"- {ROOT / 'generator' / 'mkdocs_hook.py'}")
        (project / "mkdocs.yml").write_text(config, encoding="utf-8")
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
        server = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        source = project / "content" / "traits" / f"{TRAIT}.yaml"
        original = source.read_text(encoding="utf-8")
        url = f"http://127.0.0.1:{port}/traits/{TRAIT}/"
        timings: list[float] = []
        try:
            wait_for(url)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                page = browser.new_page()
                page.goto(url)
                print(f"{'run':>3} {'save to reloaded page, s':>25}")
                for run in range(1, runs + 1):
                    time.sleep(1.5)  # let the previous rebuild settle
                    title = f"Vision, edit {run}"
                    start = time.perf_counter()
                    source.write_text(original.replace("title: Vision and innovation", f"title: {title}"),
                                      encoding="utf-8")
                    page.wait_for_function("t => document.querySelector('h1')?.textContent.includes(t)",
                                           arg=title, timeout=120_000, polling=20)
                    timings.append(time.perf_counter() - start)
                    print(f"{run:>3} {timings[-1]:>25.2f}", flush=True)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"median save-to-reload under leap serve: {statistics.median(timings):.2f} s")


if __name__ == "__main__":
    main()
